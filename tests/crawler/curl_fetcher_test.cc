// Tests for CurlFetcher (curl_fetcher.cc) against a real HTTP server on loopback.
//
// Most tests allow private addresses, since the server lives on 127.0.0.1. The SSRF
// tests turn that off and reach the server through a `resolve` pin, which the address
// policy honours for exactly the pinned name and port (see address_guard.h): the first
// hop is then allowed, and a redirect to 127.0.0.1 or 169.254.169.254 must be refused.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>

#include "common/clock.h"
#include "common/hash.h"
#include "crawler/crawler.h"
#include "fetcher_fixture.h"
#include "printers.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

using testutil::HttpRequest;
using testutil::HttpResponse;
using test::CurlFetcherTest;
using test::kNow;
using test::Page;
using test::Redirect;

using test::ClosedPort;

// Every field of a successful fetch: status, headers in order, media type and
// charset from Content-Type, body, peer address, start time from the clock.
TEST_F(CurlFetcherTest, FetchesPageWithHeadersAndCharset) {
  server_.Route("/page",
                Page("<p>caf\xE9</p>", 200,
                     {{"Content-Type", "text/HTML; charset=ISO-8859-1"}, {"X-Test", "yes"}}));
  const std::string url = server_.Url("/page");
  FetchResult expected;
  expected.url = url;
  expected.final_url = url;
  expected.outcome = FetchOutcome::kOk;
  expected.status = 200;
  expected.headers = {{"Content-Type", "text/HTML; charset=ISO-8859-1"},
                      {"X-Test", "yes"},
                      {"Content-Length", "11"}};
  expected.content_type = "text/html";
  expected.charset = "iso-8859-1";
  expected.body = "<p>caf\xE9</p>";
  expected.remote_ip = "127.0.0.1";
  expected.fetched_at_micros = kNow;
  expected.requests = 1;
  EXPECT_EQ(FetchOne(url), expected);
}

// The request carries the configured User-Agent and asks for gzip, deflate and br.
TEST_F(CurlFetcherTest, SendsUserAgentAndAcceptEncoding) {
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> headers;
  server_.Route("/ua", [&](const HttpRequest& request) {
    std::lock_guard<std::mutex> lock(mu);
    headers = request.headers;
    return Page("");
  });
  config_.user_agent = "citecheck-test/2";
  EXPECT_EQ(FetchOne(server_.Url("/ua")).outcome, FetchOutcome::kOk);
  std::lock_guard<std::mutex> lock(mu);
  std::map<std::string, std::string> by_name(headers.begin(), headers.end());
  EXPECT_EQ(by_name["User-Agent"], "citecheck-test/2");
  EXPECT_EQ(by_name["Accept-Encoding"], "gzip, deflate, br");
}

// 4xx/5xx are HTTP errors with the status and reason; the body is kept.
TEST_F(CurlFetcherTest, NotFoundIsHttpError) {
  FetchResult result = FetchOne(server_.Url("/missing"));
  EXPECT_EQ(result.outcome, FetchOutcome::kHttpError);
  EXPECT_EQ(result.status, 404);
  EXPECT_EQ(result.error, "HTTP 404 Not Found");
  EXPECT_EQ(result.body, "<h1>Not Found</h1>");
  EXPECT_EQ(result.content_type, "text/html");
}

// Redirects are followed by us: each hop recorded with its status and the Location as
// received (relative ones resolved against the hop's URL).
TEST_F(CurlFetcherTest, FollowsRedirectChainAndRecordsIt) {
  server_.Route("/r1", Redirect(301, "/dir/r2"));
  server_.Route("/dir/r2", Redirect(302, "r3#top"));
  server_.Route("/dir/r3", Page("end"));
  FetchResult result = FetchOne(server_.Url("/r1"));
  EXPECT_EQ(result.outcome, FetchOutcome::kOk);
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(result.body, "end");
  EXPECT_EQ(result.url, server_.Url("/r1"));
  EXPECT_EQ(result.final_url, server_.Url("/dir/r3"));
  EXPECT_EQ(result.redirects, (std::vector<RedirectHop>{{server_.Url("/r1"), 301, "/dir/r2"},
                                                        {server_.Url("/dir/r2"), 302, "r3#top"}}));
}

TEST_F(CurlFetcherTest, RedirectLoopIsTooManyRedirects) {
  server_.Route("/a", Redirect(302, "/b"));
  server_.Route("/b", Redirect(307, "/a"));
  FetchResult result = FetchOne(server_.Url("/a"));
  EXPECT_EQ(result.outcome, FetchOutcome::kTooManyRedirects);
  EXPECT_EQ(result.error, "redirect loop: " + server_.Url("/a") + " was already requested");
  EXPECT_EQ(result.status, 307);
  EXPECT_EQ(result.final_url, server_.Url("/b"));
  EXPECT_EQ(result.redirects, (std::vector<RedirectHop>{{server_.Url("/a"), 302, "/b"},
                                                        {server_.Url("/b"), 307, "/a"}}));
  EXPECT_EQ(server_.RequestCount("/a"), 1);
}

// max_redirects hops are followed; the next one is not requested.
TEST_F(CurlFetcherTest, TooManyRedirects) {
  config_.max_redirects = 2;
  for (int i = 0; i < 3; ++i) {
    server_.Route("/hop" + std::to_string(i), Redirect(302, "/hop" + std::to_string(i + 1)));
  }
  FetchResult result = FetchOne(server_.Url("/hop0"));
  EXPECT_EQ(result.outcome, FetchOutcome::kTooManyRedirects);
  EXPECT_EQ(result.error, "more than 2 redirects");
  EXPECT_EQ(result.redirects.size(), 3u);
  EXPECT_EQ(result.final_url, server_.Url("/hop2"));
  EXPECT_EQ(server_.RequestCount("/hop3"), 0);
}

TEST_F(CurlFetcherTest, SlowPageTimesOut) {
  config_.total_timeout_ms = 200;
  server_.Route("/slow", Page("late", 200, {}, 3000));
  const std::string url = server_.Url("/slow");
  FetchResult expected = Failed(url, FetchOutcome::kTimeout, "timed out after 200 ms");
  expected.remote_ip = "127.0.0.1";
  EXPECT_EQ(FetchOne(url), expected);
}

TEST_F(CurlFetcherTest, OversizedBodyIsTooLarge) {
  config_.max_body_bytes = 1000;
  server_.Route("/big", Page(std::string(5000, 'x')));
  server_.Route("/fits", Page(std::string(1000, 'x')));
  FetchResult big = FetchOne(server_.Url("/big"));
  EXPECT_EQ(big.outcome, FetchOutcome::kTooLarge);
  EXPECT_EQ(big.error, "body larger than 1000 bytes");
  EXPECT_EQ(big.body, "");
  EXPECT_EQ(FetchOne(server_.Url("/fits")).outcome, FetchOutcome::kOk);
}

// A name under the reserved .invalid TLD fails resolution without a DNS query.
TEST_F(CurlFetcherTest, UnresolvableHostIsDnsError) {
  const std::string url = "http://nonexistent.invalid/";
  EXPECT_EQ(FetchOne(url),
            Failed(url, FetchOutcome::kDnsError, "could not resolve host nonexistent.invalid"));
}

TEST_F(CurlFetcherTest, ClosedPortIsConnectError) {
  const int port = ClosedPort();
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
  EXPECT_EQ(FetchOne(url), Failed(url, FetchOutcome::kConnectError,
                                  "connection refused by 127.0.0.1:" + std::to_string(port)));
}

// By default a cited URL cannot make us connect to loopback.
TEST_F(CurlFetcherTest, LoopbackIsBlockedByDefault) {
  config_.allow_private_addresses = false;
  server_.Route("/secret", Page("secret"));
  const std::string url = server_.Url("/secret");
  EXPECT_EQ(FetchOne(url), Failed(url, FetchOutcome::kBlockedAddress,
                                  "connection to 127.0.0.1 refused: loopback address"));
  EXPECT_EQ(server_.RequestCount("/secret"), 0);
}

struct BlockedRedirectCase {
  std::string location;   // where the allowed page redirects
  std::string final_url;  // the refused target
  std::string error;
};

// Every hop's address is checked: an allowed page cannot redirect us to loopback or
// to the cloud metadata address. (The refusal happens before connect(), so nothing is
// sent to 169.254.169.254.)
TEST_F(CurlFetcherTest, RedirectToPrivateAddressIsBlocked) {
  config_.allow_private_addresses = false;
  const std::string start = Pinned("allowed.test", "/go");
  server_.Route("/secret", Page("secret"));
  const BlockedRedirectCase cases[] = {
      {server_.Url("/secret"), server_.Url("/secret"),
       "redirect to 127.0.0.1 refused: loopback address"},
      {"http://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/",
       "redirect to 169.254.169.254 refused: link-local address"},
      {"http://[::ffff:127.0.0.1]:" + std::to_string(server_.port()) + "/secret",
       "http://[::ffff:127.0.0.1]:" + std::to_string(server_.port()) + "/secret",
       "redirect to ::ffff:127.0.0.1 refused: loopback address"},
  };
  for (const BlockedRedirectCase& c : cases) {
    server_.Route("/go", Redirect(302, c.location));
    FetchResult result = FetchOne(start);
    FetchResult expected = Failed(start, FetchOutcome::kBlockedAddress, c.error, 2);
    expected.final_url = c.final_url;
    expected.redirects = {{start, 302, c.location}};
    EXPECT_EQ(result, expected) << c.location;
  }
  EXPECT_EQ(server_.RequestCount("/go"), 3);
  EXPECT_EQ(server_.RequestCount("/secret"), 0);
}

// The pinned name itself passes the guard, and a redirect within it too.
TEST_F(CurlFetcherTest, PinnedNameIsAllowedWithoutPrivateAddresses) {
  config_.allow_private_addresses = false;
  const std::string start = Pinned("allowed.test", "/start");
  server_.Route("/start", Redirect(301, "/ok"));
  server_.Route("/ok", Page("fine"));
  FetchResult result = FetchOne(start);
  EXPECT_EQ(result.outcome, FetchOutcome::kOk) << result.error;
  EXPECT_EQ(result.body, "fine");
}

TEST_F(CurlFetcherTest, MalformedResolveEntryIsRejectedAtCreate) {
  config_.resolve = {"good.test:80:127.0.0.1", "bad.test:80"};
  auto fetcher = CurlFetcher::Create(config_, clock_, nullptr, nullptr);
  EXPECT_EQ(fetcher.status().code(), common::StatusCode::kInvalidArgument);
  EXPECT_NE(fetcher.status().message().find("'bad.test:80'"), std::string::npos);
}

// Invalid URLs and other schemes are answered without touching the network.
TEST_F(CurlFetcherTest, RejectsBadUrlsWithoutNetwork) {
  const std::string ftp = "ftp://127.0.0.1:" + std::to_string(server_.port()) + "/x";
  const std::vector<FetchResult> results = Fetch({ftp, "not a url", "/relative"});
  ASSERT_EQ(results.size(), 3u);
  FetchResult expected_ftp;
  expected_ftp.url = expected_ftp.final_url = ftp;
  expected_ftp.outcome = FetchOutcome::kUnsupportedScheme;
  expected_ftp.error = "'" + ftp + "' is not an http or https URL";
  EXPECT_EQ(results[0], expected_ftp);
  EXPECT_EQ(results[1].outcome, FetchOutcome::kInvalidUrl);
  EXPECT_EQ(results[1].error, "not a URL: 'not a url'");
  EXPECT_EQ(results[2].outcome, FetchOutcome::kInvalidUrl);
  EXPECT_EQ(server_.RequestCount("/x"), 0);
}

// Duplicates (after normalization) are fetched once; every input gets its result,
// in input order, with `url` as given.
TEST_F(CurlFetcherTest, DuplicatesAreFetchedOnceAndOrderIsKept) {
  server_.Route("/dup", Page("d"));
  server_.Route("/other", Page("o"));
  const std::string dup = server_.Url("/dup");
  const std::string variant = "HTTP://127.0.0.1:" + std::to_string(server_.port()) + "/dup#frag";
  const std::vector<std::string> urls = {dup, server_.Url("/other"), "bad", dup, variant};
  const std::vector<FetchResult> results = Fetch(urls);
  ASSERT_EQ(results.size(), urls.size());
  for (size_t i = 0; i < urls.size(); ++i) EXPECT_EQ(results[i].url, urls[i]);
  EXPECT_EQ(server_.RequestCount("/dup"), 1);
  EXPECT_EQ(results[0].body, "d");
  EXPECT_EQ(results[1].body, "o");
  EXPECT_EQ(results[2].outcome, FetchOutcome::kInvalidUrl);
  FetchResult same = results[4];
  same.url = dup;
  EXPECT_EQ(same, results[0]);
  EXPECT_EQ(results[3], results[0]);
}

// Records when each request arrived per host, to check concurrency caps after the
// fact. The server answers each request `delay` after it arrived and a client starts
// a queued request only after a response, so two requests that arrived less than
// `delay` apart were in flight at the same time.
class ArrivalLog {
 public:
  HttpResponse Record(const HttpRequest& request, int delay_ms) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string host;
    for (const auto& [name, value] : request.headers) {
      if (name == "Host") host = value.substr(0, value.find(':'));
    }
    arrivals_[host].push_back(std::chrono::steady_clock::now());
    all_.push_back(arrivals_[host].back());
    return Page("ok", 200, {}, delay_ms);
  }

  // The most requests that overlapped within `delay` (per host, or over all).
  static int MaxOverlap(std::vector<std::chrono::steady_clock::time_point> times, int delay_ms) {
    std::sort(times.begin(), times.end());
    int most = 0;
    for (size_t i = 0; i < times.size(); ++i) {
      int overlap = 0;
      for (size_t j = 0; j <= i; ++j) {
        if (times[i] - times[j] < std::chrono::milliseconds(delay_ms)) ++overlap;
      }
      most = std::max(most, overlap);
    }
    return most;
  }

  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> arrivals() const {
    std::lock_guard<std::mutex> lock(mu_);
    return arrivals_;
  }
  std::vector<std::chrono::steady_clock::time_point> all() const {
    std::lock_guard<std::mutex> lock(mu_);
    return all_;
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> arrivals_;
  std::vector<std::chrono::steady_clock::time_point> all_;
};

// At most max_per_host requests to one host at once, and at most max_connections in
// all; the rest wait in the queue.
TEST_F(CurlFetcherTest, RespectsPerHostAndGlobalCaps) {
  constexpr int kDelayMs = 150;
  config_.max_per_host = 2;
  config_.max_connections = 3;
  ArrivalLog log;
  std::vector<std::string> urls;
  for (const std::string host : {"a.test", "b.test"}) {
    for (int i = 0; i < 5; ++i) {
      const std::string target = "/" + host + "/" + std::to_string(i);
      server_.Route(target, [&log](const HttpRequest& r) { return log.Record(r, kDelayMs); });
      urls.push_back(Pinned(host, target));
    }
  }
  for (const FetchResult& r : Fetch(urls)) EXPECT_EQ(r.outcome, FetchOutcome::kOk) << r.url;
  const auto arrivals = log.arrivals();
  ASSERT_EQ(arrivals.size(), 2u);
  for (const auto& [host, times] : arrivals) {
    EXPECT_EQ(times.size(), 5u) << host;
    EXPECT_LE(ArrivalLog::MaxOverlap(times, kDelayMs), 2) << host;
  }
  EXPECT_LE(ArrivalLog::MaxOverlap(log.all(), kDelayMs), 3);
}

// Transfers run in parallel: N slow pages take about one page's latency, not N. This
// prints the figure and asserts nothing about time.
TEST_F(CurlFetcherTest, ParallelFetchReport) {
  constexpr int kPages = 8;
  constexpr int kDelayMs = 300;
  config_.max_per_host = kPages;
  std::vector<std::string> urls;
  for (int i = 0; i < kPages; ++i) {
    const std::string target = "/p" + std::to_string(i);
    server_.Route(target, Page("p", 200, {}, kDelayMs));
    urls.push_back(server_.Url(target));
  }
  common::SystemClock clock;
  auto fetcher = CurlFetcher::Create(config_, clock, nullptr, nullptr);
  ASSERT_OK(fetcher);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<FetchResult> results = (*fetcher)->FetchAll(urls);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  for (const FetchResult& r : results) EXPECT_EQ(r.outcome, FetchOutcome::kOk);
  std::cout << "[ report ] " << kPages << " pages of " << kDelayMs << " ms each fetched in "
            << elapsed.count() << " ms (sequential would be " << kPages * kDelayMs << " ms)\n";
  RecordProperty("parallel_fetch_ms", static_cast<int>(elapsed.count()));
}

// One fetcher serves several FetchAll calls (connections and DNS cache kept).
TEST_F(CurlFetcherTest, FetcherIsReusable) {
  server_.Route("/again", Page("x"));
  auto fetcher = CurlFetcher::Create(config_, clock_, nullptr, nullptr);
  ASSERT_OK(fetcher);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*fetcher)->FetchAll({server_.Url("/again")})[0].outcome, FetchOutcome::kOk);
  }
  EXPECT_EQ(server_.RequestCount("/again"), 3);
}

// Every hop is archived as a request/response pair; the result points at the final
// response record.
TEST_F(CurlFetcherTest, ArchivesEveryHop) {
  testutil::TempDir dir;
  const auto path = dir.path() / "fetch.warc.gz";
  server_.Route("/from", Redirect(301, "/to"));
  server_.Route("/to", Page("<p>archived</p>"));
  auto writer = WarcWriter::Create(path, clock_);
  ASSERT_OK(writer);
  FetchResult result = Fetch({server_.Url("/from")}, writer->get())[0];
  ASSERT_OK((*writer)->Close());
  EXPECT_EQ(result.warc_file, path.string());
  auto records = ReadWarc(path);
  ASSERT_OK(records);
  std::vector<std::pair<std::string, std::string>> seen;
  for (const WarcRecord& r : *records) seen.emplace_back(r.type, r.target_uri);
  EXPECT_EQ(seen,
            (std::vector<std::pair<std::string, std::string>>{{"warcinfo", ""},
                                                              {"request", server_.Url("/from")},
                                                              {"response", server_.Url("/from")},
                                                              {"request", server_.Url("/to")},
                                                              {"response", server_.Url("/to")}}));
  const WarcRecord& last = records->back();
  EXPECT_EQ(result.warc_offset, last.offset);
  EXPECT_EQ(FindHeader(last.headers, "WARC-Payload-Digest")->value,
            common::WarcSha1Digest("<p>archived</p>"));
  EXPECT_TRUE((*records)[3].block.starts_with("GET /to HTTP/1.1\r\n")) << (*records)[3].block;
}

}  // namespace
}  // namespace citecheck::crawler
