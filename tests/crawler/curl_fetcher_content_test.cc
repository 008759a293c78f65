// Tests for what CurlFetcher makes of bodies (curl_fetcher.cc with response.cc,
// content.cc, soft404.cc and cache.cc), against a loopback server: content codings and
// their bombs, media type sniffing, soft 404s, and the conditional re-fetch (304 and
// the freshness window) through a store-backed cache and the archive.
#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>

#include "coding.h"
#include "common/hash.h"
#include "fetcher_fixture.h"
#include "printers.h"
#include "store/store.h"

namespace citecheck::crawler {
namespace {

using test::CurlFetcherTest;
using test::kNow;
using test::Page;
using test::Redirect;
using testutil::HttpRequest;
using testutil::HttpResponse;

const std::string kHtml =
    "<html><head><title>Ch\xC3\xB4mage</title></head><body><p>7,3 % en 2024.</p></body></html>";

// A gzip body is decoded for the result and archived as received (the WARC payload
// digest is over the coded bytes, as ISO 28500 defines it).
TEST_F(CurlFetcherTest, GzipBodyIsDecodedAndArchivedCoded) {
  const std::string coded = test::Gzipped(kHtml);
  server_.Route("/gz", Page(coded, 200, {{"Content-Type", "text/html; charset=utf-8"},
                                         {"Content-Encoding", "gzip"}}));
  testutil::TempDir dir;
  auto writer = WarcWriter::Create(dir.path() / "gz.warc.gz", clock_);
  ASSERT_OK(writer);
  const FetchResult result = FetchOne(server_.Url("/gz"), writer->get());
  ASSERT_OK((*writer)->Close());
  EXPECT_EQ(result.outcome, FetchOutcome::kOk);
  EXPECT_EQ(result.body, kHtml);
  auto record = ReadWarcRecordAt(dir.path() / "gz.warc.gz", result.warc_offset);
  ASSERT_OK(record);
  EXPECT_EQ(FindHeader(record->headers, "WARC-Payload-Digest")->value,
            common::WarcSha1Digest(coded));
  EXPECT_TRUE(record->block.ends_with(coded));
}

TEST_F(CurlFetcherTest, BrotliBodyIsDecoded) {
  server_.Route("/br", Page(test::Brotli(kHtml), 200, {{"Content-Encoding", "br"}}));
  EXPECT_EQ(FetchOne(server_.Url("/br")).body, kHtml);
}

// A small coded body that would expand past crawler.max_decoded_bytes (a compression
// bomb) is stopped at the limit.
TEST_F(CurlFetcherTest, CompressionBombsAreStopped) {
  config_.max_decoded_bytes = 1 << 20;
  const std::string zeros(16 << 20, '\0');
  server_.Route("/gzip-bomb", Page(test::Gzipped(zeros), 200, {{"Content-Encoding", "gzip"}}));
  server_.Route("/br-bomb", Page(test::Brotli(zeros), 200, {{"Content-Encoding", "br"}}));
  for (const std::string target : {"/gzip-bomb", "/br-bomb"}) {
    const FetchResult result = FetchOne(server_.Url(target));
    EXPECT_EQ(result.outcome, FetchOutcome::kTooLarge) << target;
    EXPECT_EQ(result.body, "");
    EXPECT_TRUE(result.error.starts_with("decoded body larger than 1048576 bytes")) << result.error;
    EXPECT_EQ(ClassifyLink(result, 1500), LinkClass::kError);
  }
}

// A generic or missing Content-Type is replaced by what the bytes say.
TEST_F(CurlFetcherTest, MediaTypeIsSniffedWhenTheHeaderSaysNothing) {
  server_.Route("/doc", Page("%PDF-1.7 ...", 200, {{"Content-Type", "application/octet-stream"}}));
  server_.Route("/typed", Page("%PDF-1.7 ...", 200, {{"Content-Type", "text/plain"}}));
  const std::vector<FetchResult> results = Fetch({server_.Url("/doc"), server_.Url("/typed")});
  EXPECT_EQ(results[0].content_type, "application/pdf");
  EXPECT_TRUE(results[0].type_sniffed);
  EXPECT_EQ(results[1].content_type, "text/plain");  // a declared type is believed
  EXPECT_FALSE(results[1].type_sniffed);
}

// HTML, XHTML, PDF and plain text are the readable types; anything else is fetched and
// recorded with its type (declared or sniffed), and not read.
TEST_F(CurlFetcherTest, OtherMediaTypesAreRecordedWithTheirType) {
  struct Case {
    std::string target;
    std::string declared;  // Content-Type sent
    std::string body;
    std::string type;      // the result's content_type
    bool readable;
  };
  const Case cases[] = {
      {"/page.xhtml", "application/xhtml+xml; charset=utf-8",
       "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>",
       "application/xhtml+xml", true},
      {"/notes.txt", "text/plain", "plain words", "text/plain", true},
      {"/logo.png", "image/png", "\x89PNG\r\n\x1a\n....", "image/png", false},
      {"/data.json", "application/json", "{\"a\": 1}", "application/json", false},
      {"/bundle", "application/octet-stream", std::string("PK\x03\x04zz", 6), "application/zip",
       false},
  };
  for (const Case& c : cases) {
    server_.Route(c.target, Page(c.body, 200, {{"Content-Type", c.declared}}));
    const FetchResult result = FetchOne(server_.Url(c.target));
    EXPECT_EQ(result.outcome, FetchOutcome::kOk) << c.target;
    EXPECT_EQ(result.content_type, c.type) << c.target;
    EXPECT_EQ(result.body, c.body) << c.target;
    EXPECT_EQ(IsReadableMediaType(result.content_type), c.readable) << c.target;
  }
}

// A 200 page that says "not found", and a redirect to the home page, are soft 404s.
TEST_F(CurlFetcherTest, SoftNotFoundsAreFlagged) {
  server_.Route("/gone", Page("<html><head><title>Page not found</title></head><body>"
                              "<h1>Page not found</h1><p>Sorry.</p></body></html>"));
  server_.Route("/old-article", Redirect(302, "/"));
  server_.Route("/", Page("<html><head><title>Home</title></head><body>Welcome</body></html>"));
  const std::vector<FetchResult> results =
      Fetch({server_.Url("/gone"), server_.Url("/old-article"), server_.Url("/")});
  EXPECT_TRUE(results[0].soft_404);
  EXPECT_EQ(results[0].soft_404_reason, "the title says \"page not found\"");
  EXPECT_EQ(results[0].outcome, FetchOutcome::kOk);
  EXPECT_EQ(ClassifyLink(results[0], 1500), LinkClass::kSoft404);
  EXPECT_TRUE(results[1].soft_404);
  EXPECT_EQ(results[1].soft_404_reason, "redirected to the site's home page " + server_.Url("/"));
  EXPECT_FALSE(results[2].soft_404);
}

// The same in French: a 200 page whose heading says "page introuvable", and a redirect
// to a generic error page.
TEST_F(CurlFetcherTest, FrenchSoftNotFoundsAreFlagged) {
  server_.Route("/article-supprime",
                Page("<html lang=\"fr\"><head><title>Le Monde des chiffres</title></head><body>"
                     "<h1>Page introuvable</h1><p>D\xC3\xA9sol\xC3\xA9.</p></body></html>"));
  server_.Route("/ancien", Redirect(301, "/erreur-404"));
  server_.Route("/erreur-404", Page("<html><head><title>Erreur</title></head><body>"
                                    "<p>Oups.</p></body></html>"));
  const std::vector<FetchResult> results =
      Fetch({server_.Url("/article-supprime"), server_.Url("/ancien")});
  EXPECT_TRUE(results[0].soft_404) << results[0].soft_404_reason;
  EXPECT_EQ(ClassifyLink(results[0], 1500), LinkClass::kSoft404);
  EXPECT_TRUE(results[1].soft_404) << results[1].soft_404_reason;
  EXPECT_EQ(ClassifyLink(results[1], 1500), LinkClass::kSoft404);
}

// Progress is told after each URL, up to done == total.
TEST_F(CurlFetcherTest, ReportsProgress) {
  struct Last : ProgressListener {
    void OnProgress(const FetchProgress& p) override {
      ++calls;
      last = p;
    }
    int calls = 0;
    FetchProgress last;
  } listener;
  server_.Route("/p", Page("p"));
  CurlFetcherOptions options;
  options.progress = &listener;
  auto fetcher = CurlFetcher::Create(config_, clock_, options);
  ASSERT_OK(fetcher);
  (*fetcher)->FetchAll({server_.Url("/p"), server_.Url("/missing"), "bad url"});
  EXPECT_EQ(listener.calls, 2);  // the unparsable URL is no job
  EXPECT_EQ(listener.last.done, 2u);
  EXPECT_EQ(listener.last.total, 2u);
  EXPECT_EQ(listener.last.errors, 1u);
}

// The conditional re-fetch, with an archive and a store-backed cache.
class ConditionalFetchTest : public CurlFetcherTest {
 protected:
  ConditionalFetchTest() {
    store_ = std::move(*store::Store::Open(":memory:"));
    cache_store_ = std::make_unique<StoreResponseCache>(*store_);
    cache_ = cache_store_.get();
    server_.Route("/page", [this](const HttpRequest& request) { return Answer(request); });
  }

  // 304 when the request carries the current ETag, else the page.
  HttpResponse Answer(const HttpRequest& request) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [name, value] : request.headers) {
      if (name == "If-None-Match") seen_validators_.push_back(value);
      if (name == "If-None-Match" && value == "\"v1\"") return Page("", 304, {{"ETag", "\"v1\""}});
    }
    return Page(kHtml, 200, {{"ETag", "\"v1\""}, {"Content-Type", "text/html; charset=utf-8"}});
  }

  // Fetches with an archive in the temporary directory and records the cache entries.
  FetchResult FetchAndRecord(const std::string& name, const std::string& target = "/page") {
    auto writer = WarcWriter::Create(dir_.path() / name, clock_);
    EXPECT_OK(writer);
    FetchResult result = FetchOne(server_.Url(target), writer->get());
    EXPECT_OK((*writer)->Close());
    EXPECT_OK(cache_store_->Record({result}));
    return result;
  }

  testutil::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<StoreResponseCache> cache_store_;
  std::mutex mu_;
  std::vector<std::string> seen_validators_;  // guarded by mu_
};

// RFC 9110 section 13.1.2 and RFC 9111 section 4.3.4: the second fetch asks
// If-None-Match, gets 304, and answers with the archived body of the first.
TEST_F(ConditionalFetchTest, NotModifiedReusesTheArchivedBody) {
  const FetchResult first = FetchAndRecord("1.warc.gz");
  ASSERT_EQ(first.outcome, FetchOutcome::kOk);
  EXPECT_EQ(first.cache, CacheUse::kNone);
  const FetchResult second = FetchAndRecord("2.warc.gz");
  EXPECT_EQ(second.outcome, FetchOutcome::kOk);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.cache, CacheUse::kRevalidated);
  EXPECT_EQ(second.body, kHtml);
  EXPECT_EQ(second.warc_file, first.warc_file);
  EXPECT_EQ(second.warc_offset, first.warc_offset);
  EXPECT_EQ(second.requests, 1);
  std::lock_guard<std::mutex> lock(mu_);
  EXPECT_EQ(seen_validators_, (std::vector<std::string>{"\"v1\""}));
}

// RFC 9110 section 13.1.3: without an ETag, the Last-Modified date is sent back as
// If-Modified-Since, and a 304 reuses the archived body the same way.
TEST_F(ConditionalFetchTest, LastModifiedIsUsedWithoutAnEtag) {
  constexpr char kDate[] = "Wed, 01 Nov 2023 10:00:00 GMT";
  std::vector<std::string> asked;  // If-Modified-Since values received
  server_.Route("/dated", [&](const HttpRequest& request) {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [name, value] : request.headers) {
      if (name != "If-Modified-Since") continue;
      asked.push_back(value);
      if (value == kDate) return Page("", 304, {{"Last-Modified", kDate}});
    }
    return Page(kHtml, 200, {{"Last-Modified", kDate}});
  });
  const FetchResult first = FetchAndRecord("1.warc.gz", "/dated");
  EXPECT_EQ(first.cache, CacheUse::kNone);
  const FetchResult second = FetchAndRecord("2.warc.gz", "/dated");
  EXPECT_EQ(second.cache, CacheUse::kRevalidated);
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, kHtml);
  EXPECT_EQ(second.warc_offset, first.warc_offset);
  std::lock_guard<std::mutex> lock(mu_);
  EXPECT_EQ(asked, (std::vector<std::string>{kDate}));
}

// When the archived body is gone, a 304 is followed by an unconditional request.
TEST_F(ConditionalFetchTest, MissingArchiveMeansAFullRequest) {
  const FetchResult first = FetchAndRecord("1.warc.gz");
  std::filesystem::remove(first.warc_file);
  const FetchResult second = FetchAndRecord("2.warc.gz");
  EXPECT_EQ(second.outcome, FetchOutcome::kOk);
  EXPECT_EQ(second.cache, CacheUse::kNone);
  EXPECT_EQ(second.body, kHtml);
  EXPECT_EQ(second.requests, 2);
}

// Inside crawler.freshness_seconds the URL is answered from the archive without a
// request; past it, the server is asked again.
TEST_F(ConditionalFetchTest, FreshnessWindowSkipsTheRequest) {
  config_.freshness_seconds = 3600;
  const FetchResult first = FetchAndRecord("1.warc.gz");
  clock_.Advance(int64_t{3599} * 1000000);
  const FetchResult fresh = FetchAndRecord("2.warc.gz");
  EXPECT_EQ(fresh.cache, CacheUse::kFresh);
  EXPECT_EQ(fresh.body, kHtml);
  EXPECT_EQ(fresh.requests, 0);
  EXPECT_EQ(fresh.fetched_at_micros, first.fetched_at_micros);
  EXPECT_EQ(server_.RequestCount("/page"), 1);
  clock_.Advance(int64_t{2} * 1000000);
  EXPECT_EQ(FetchAndRecord("3.warc.gz").cache, CacheUse::kRevalidated);
  EXPECT_EQ(server_.RequestCount("/page"), 2);
}

}  // namespace
}  // namespace citecheck::crawler
