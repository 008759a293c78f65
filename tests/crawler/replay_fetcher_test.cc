// Tests for ReplayFetcher (replay_fetcher.cc): a live fetch archived by WarcWriter and
// replayed from the file gives the same results.
#include <gtest/gtest.h>

#include "common/clock.h"
#include "common/hash.h"
#include "crawler/crawler.h"
#include "crawler/internal/gzip.h"
#include "crawler/internal/http_head.h"
#include "printers.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

using testutil::HttpResponse;

// A whole second, so WARC-Date (second precision) keeps fetched_at_micros exact.
constexpr int64_t kNow = int64_t{1700000000} * 1000000;

// A response with `body`, and optionally a status, headers and a delay.
HttpResponse Page(std::string body, int status = 200,
                  std::vector<std::pair<std::string, std::string>> headers = {}, int delay_ms = 0) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  response.body = std::move(body);
  response.delay_ms = delay_ms;
  return response;
}

HttpResponse Redirect(int status, std::string location) {
  return Page("", status, {{"Location", std::move(location)}});
}

// Fetch live with an archive, read the archive back, replay the same URLs: the records
// are the expected ones and each replayed result equals the live one except for
// from_archive (and elapsed_ms, zero here because the manual clock does not move).
TEST(ReplayFetcher, RoundTripMatchesLiveFetch) {
  testutil::HttpServer server;
  server.Route("/page", Page("<p>page</p>", 200, {{"Content-Type", "text/html; charset=utf-8"}}));
  server.Route("/r1", Redirect(301, "/r2"));
  server.Route("/r2", Redirect(302, "/end"));
  server.Route("/end", Page("end"));
  server.Route("/loop", Redirect(302, "/loop"));
  const std::vector<std::string> urls = {server.Url("/page"), server.Url("/r1"),
                                         server.Url("/missing"), server.Url("/loop"), "ftp://x/"};
  testutil::TempDir dir;
  const auto path = dir.path() / "round.warc.gz";
  common::ManualClock clock(kNow);
  common::CrawlerConfig config;
  config.allow_private_addresses = true;
  config.robots = false;
  config.per_host_delay_ms = 0;
  std::vector<FetchResult> live;
  {
    auto writer = WarcWriter::Create(path, clock);
    ASSERT_OK(writer);
    auto fetcher = CurlFetcher::Create(config, clock, writer->get(), nullptr);
    ASSERT_OK(fetcher);
    live = (*fetcher)->FetchAll(urls);
    ASSERT_OK((*writer)->Close());
  }

  auto records = ReadWarc(path);
  ASSERT_OK(records);
  int responses = 0;
  for (const WarcRecord& record : *records) {
    if (record.type != "response") continue;
    ++responses;
    const size_t split = record.block.find("\r\n\r\n");
    ASSERT_NE(split, std::string::npos);
    EXPECT_EQ(FindHeader(record.headers, "WARC-Payload-Digest")->value,
              common::WarcSha1Digest(record.block.substr(split + 4)));
  }
  EXPECT_EQ(responses, 6);  // /page, /r1, /r2, /end, /missing, /loop

  auto replay = ReplayFetcher::Open(path);
  ASSERT_OK(replay);
  const std::vector<FetchResult> replayed = (*replay)->FetchAll(urls);
  ASSERT_EQ(replayed.size(), live.size());
  for (size_t i = 0; i < live.size(); ++i) {
    FetchResult expected = live[i];
    expected.from_archive = true;
    expected.requests = 0;
    EXPECT_EQ(replayed[i], expected) << urls[i];
  }
  EXPECT_EQ(live[1].redirects.size(), 2u);
  EXPECT_EQ(live[3].outcome, FetchOutcome::kTooManyRedirects);
  EXPECT_EQ(live[4].outcome, FetchOutcome::kUnsupportedScheme);
}

WarcExchange Exchange(std::string uri, std::string head, std::string body) {
  WarcExchange e;
  e.target_uri = std::move(uri);
  e.ip = "192.0.2.7";
  e.date_micros = kNow;
  e.request_head = "GET / HTTP/1.1\r\n\r\n";
  e.response_head = std::move(head);
  e.response_body = std::move(body);
  return e;
}

class ReplayArchiveTest : public ::testing::Test {
 protected:
  // Writes the exchanges to a fresh archive and opens it for replay.
  std::unique_ptr<ReplayFetcher> Open(const std::vector<WarcExchange>& exchanges,
                                      int max_redirects = 10) {
    common::ManualClock clock(kNow);
    auto writer = WarcWriter::Create(path_, clock);
    EXPECT_OK(writer);
    for (const WarcExchange& e : exchanges) {
      auto offset = (*writer)->Write(e);
      EXPECT_OK(offset);
      offsets_.push_back(offset.ok() ? *offset : -1);
    }
    EXPECT_OK((*writer)->Close());
    auto replay = ReplayFetcher::Open(path_, max_redirects);
    EXPECT_OK(replay);
    return replay.ok() ? std::move(*replay) : nullptr;
  }

  testutil::TempDir dir_;
  const std::filesystem::path path_ = dir_.path() / "replay.warc.gz";
  std::vector<int64_t> offsets_;
};

// Lookups normalize both sides; answers carry the record's offset and file.
TEST_F(ReplayArchiveTest, AnswersFromArchiveWithNormalizedLookup) {
  auto replay = Open({Exchange("http://A.test:80/x#frag",
                               "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                               "X-Citecheck-Transfer-Encoding: chunked\r\n\r\n",
                               "archived")});
  ASSERT_NE(replay, nullptr);
  const std::vector<FetchResult> results = replay->FetchAll({"HTTP://a.test/x"});
  FetchResult expected;
  expected.url = "HTTP://a.test/x";
  expected.final_url = "http://a.test/x";
  expected.outcome = FetchOutcome::kOk;
  expected.status = 200;
  expected.headers = {{"Content-Type", "text/plain"}, {"Transfer-Encoding", "chunked"}};
  expected.content_type = "text/plain";
  expected.body = "archived";
  expected.remote_ip = "192.0.2.7";
  expected.fetched_at_micros = kNow;
  expected.from_archive = true;
  expected.warc_file = path_.string();
  expected.warc_offset = offsets_[0];
  EXPECT_EQ(results, std::vector<FetchResult>{expected});
}

TEST_F(ReplayArchiveTest, AbsentUrlsAreNotArchived) {
  auto replay =
      Open({Exchange("http://a.test/", "HTTP/1.1 200 OK\r\n\r\n", ""),
            Exchange("http://a.test/moved", "HTTP/1.1 302 Found\r\nLocation: /gone\r\n\r\n", "")});
  ASSERT_NE(replay, nullptr);
  const std::vector<FetchResult> results =
      replay->FetchAll({"http://b.test/", "http://a.test/moved"});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].outcome, FetchOutcome::kNotArchived);
  EXPECT_EQ(results[0].error, "not in archive " + path_.string());
  EXPECT_TRUE(results[0].from_archive);
  EXPECT_EQ(results[1].outcome, FetchOutcome::kNotArchived);
  EXPECT_EQ(results[1].error,
            "redirect target http://a.test/gone not in archive " + path_.string());
  EXPECT_EQ(results[1].redirects,
            (std::vector<RedirectHop>{{"http://a.test/moved", 302, "/gone"}}));
}

TEST_F(ReplayArchiveTest, HonoursMaxRedirects) {
  auto replay = Open({Exchange("http://a.test/1", "HTTP/1.1 301 M\r\nLocation: /2\r\n\r\n", ""),
                      Exchange("http://a.test/2", "HTTP/1.1 301 M\r\nLocation: /3\r\n\r\n", ""),
                      Exchange("http://a.test/3", "HTTP/1.1 200 OK\r\n\r\n", "end")},
                     1);
  ASSERT_NE(replay, nullptr);
  const FetchResult result = replay->FetchAll({"http://a.test/1"})[0];
  EXPECT_EQ(result.outcome, FetchOutcome::kTooManyRedirects);
  EXPECT_EQ(result.error, "more than 1 redirects");
}

// Archived bodies keep their content coding; replay decodes them as the live fetcher
// does, and finds soft 404s and sniffed types the same way.
TEST_F(ReplayArchiveTest, DecodesBodiesAndAppliesTheSameRules) {
  const std::string page = "<html><head><title>Page introuvable</title></head><body></body></html>";
  auto replay = Open(
      {Exchange("http://a.test/coded",
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n",
                *internal::GzipMember(page)),
       Exchange("http://a.test/untyped", "HTTP/1.1 200 OK\r\n\r\n", "%PDF-1.4 ...")});
  ASSERT_NE(replay, nullptr);
  const std::vector<FetchResult> results =
      replay->FetchAll({"http://a.test/coded", "http://a.test/untyped"});
  EXPECT_EQ(results[0].body, page);
  EXPECT_TRUE(results[0].soft_404);
  EXPECT_EQ(results[0].soft_404_reason, "the title says \"page introuvable\"");
  EXPECT_EQ(results[1].content_type, "application/pdf");
  EXPECT_TRUE(results[1].type_sniffed);
}

// A directory of WARC files (a rotated archive) replays as one archive; a later file's
// capture of a URL wins over an earlier one's.
TEST(ReplayFetcher, ReadsEveryFileOfADirectory) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  {
    auto writer = WarcWriter::Create(dir.path() / "run.warc.gz", clock, {1});  // rotate always
    ASSERT_OK(writer);
    for (const auto& [uri, body] : std::vector<std::pair<std::string, std::string>>{
             {"http://a.test/1", "one"}, {"http://a.test/2", "two"}, {"http://a.test/1", "again"}}) {
      ASSERT_OK((*writer)->Write(Exchange(uri, "HTTP/1.1 200 OK\r\n\r\n", body)));
    }
    EXPECT_EQ((*writer)->files().size(), 3u);
  }
  auto replay = ReplayFetcher::Open(dir.path());
  ASSERT_OK(replay);
  const std::vector<FetchResult> results = (*replay)->FetchAll({"http://a.test/1", "http://a.test/2"});
  EXPECT_EQ(results[0].body, "again");
  EXPECT_EQ(results[0].warc_file, (dir.path() / "run-00002.warc.gz").string());
  EXPECT_EQ(results[1].body, "two");
  EXPECT_EQ(results[1].warc_file, (dir.path() / "run-00001.warc.gz").string());
}

TEST(ReplayFetcher, OpenNeedsAResponseRecord) {
  testutil::TempDir dir;
  const auto path = dir.path() / "empty.warc.gz";
  common::ManualClock clock(kNow);
  {
    auto writer = WarcWriter::Create(path, clock);
    ASSERT_OK(writer);
  }
  EXPECT_EQ(ReplayFetcher::Open(path).status(),
            common::Status::InvalidArgument(path.string() + ": no HTTP response record"));
  EXPECT_EQ(ReplayFetcher::Open(dir.path() / "none.warc.gz").status().code(),
            common::StatusCode::kNotFound);
}

}  // namespace
}  // namespace citecheck::crawler
