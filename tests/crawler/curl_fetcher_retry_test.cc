// Tests for retries, Retry-After and the host breaker in CurlFetcher
// (curl_fetcher.cc with retry.cc), against a loopback server. Behaviour is checked by
// outcomes and request counts, never by timing: a wait that was not honoured shows as
// an answer the server would only give early.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>

#include "fetcher_fixture.h"
#include "printers.h"

namespace citecheck::crawler {
namespace {

using test::CurlFetcherTest;
using test::kNow;
using test::Page;
using testutil::HttpRequest;
using testutil::HttpResponse;

class RetryFetchTest : public CurlFetcherTest {
 protected:
  RetryFetchTest() {
    config_.max_retries = 2;
    config_.retry_base_ms = 1;
  }
};

// A 5xx that clears up is retried and reported as a success after a retry (flaky).
TEST_F(RetryFetchTest, ServerErrorIsRetried) {
  std::atomic<int> calls{0};
  server_.Route("/flaky", [&calls](const HttpRequest&) {
    return ++calls == 1 ? Page("oops", 500) : Page("fine");
  });
  const FetchResult result = FetchOne(server_.Url("/flaky"));
  EXPECT_EQ(result.outcome, FetchOutcome::kOk);
  EXPECT_EQ(result.body, "fine");
  EXPECT_EQ(result.requests, 2);
  EXPECT_EQ(result.retries, 1);
  EXPECT_FALSE(result.rate_limited);
  EXPECT_EQ(ClassifyLink(result, 1500), LinkClass::kFlaky);
}

// A server that keeps failing gets max_retries more requests, then its answer stands.
TEST_F(RetryFetchTest, RetriesAreBounded) {
  server_.Route("/down", Page("down", 502));
  const FetchResult result = FetchOne(server_.Url("/down"));
  EXPECT_EQ(result.outcome, FetchOutcome::kHttpError);
  EXPECT_EQ(result.status, 502);
  EXPECT_EQ(result.requests, 3);
  EXPECT_EQ(server_.RequestCount("/down"), 3);
}

// Connection errors are retried too.
TEST_F(RetryFetchTest, ConnectionErrorsAreRetried) {
  const std::string url = "http://127.0.0.1:" + std::to_string(test::ClosedPort()) + "/x";
  const FetchResult result = FetchOne(url);
  EXPECT_EQ(result.outcome, FetchOutcome::kConnectError);
  EXPECT_EQ(result.requests, 3);
  EXPECT_EQ(result.retries, 2);
}

// 404 is an answer, not a failure: it is not asked again.
TEST_F(RetryFetchTest, ClientErrorsAreNotRetried) {
  const FetchResult result = FetchOne(server_.Url("/missing"));
  EXPECT_EQ(result.status, 404);
  EXPECT_EQ(result.requests, 1);
}

// Answers 429 (Retry-After: 1) to every request that arrives within 900 ms of the first
// 429, then 200: only a client that waited the full second gets the page.
class RateLimiter {
 public:
  explicit RateLimiter(std::string retry_after) : retry_after_(std::move(retry_after)) {}
  HttpResponse Answer() {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    if (!first_) first_ = now;
    if (now - *first_ < std::chrono::milliseconds(900)) {
      return Page("slow down", 429, {{"Retry-After", retry_after_}});
    }
    return Page("welcome");
  }

 private:
  const std::string retry_after_;
  std::mutex mu_;
  std::optional<std::chrono::steady_clock::time_point> first_;
};

// RFC 6585 section 4 and RFC 9110 section 10.2.3: a 429's Retry-After in seconds is
// waited out, and the result says the URL was rate limited.
TEST_F(RetryFetchTest, TooManyRequestsHonoursRetryAfterSeconds) {
  RateLimiter limiter("1");
  server_.Route("/limited", [&limiter](const HttpRequest&) { return limiter.Answer(); });
  const FetchResult result = FetchOne(server_.Url("/limited"));
  EXPECT_EQ(result.outcome, FetchOutcome::kOk) << result.error;
  EXPECT_EQ(result.body, "welcome");
  EXPECT_TRUE(result.rate_limited);
  EXPECT_EQ(result.retries, 1);
  EXPECT_EQ(ClassifyLink(result, 1500), LinkClass::kRateLimited);
}

// The same with Retry-After as an HTTP-date (taken against the fetcher's clock).
TEST_F(RetryFetchTest, TooManyRequestsHonoursRetryAfterDate) {
  RateLimiter limiter("Tue, 14 Nov 2023 22:13:21 GMT");  // kNow + 1 s
  server_.Route("/limited", [&limiter](const HttpRequest&) { return limiter.Answer(); });
  const FetchResult result = FetchOne(server_.Url("/limited"));
  EXPECT_EQ(result.outcome, FetchOutcome::kOk) << result.error;
  EXPECT_EQ(result.retries, 1);
}

// RFC 9110 section 15.6.4: a 503's Retry-After is honoured like a 429's; the URL is
// then flaky (a server error that cleared up), not rate limited.
TEST_F(RetryFetchTest, ServiceUnavailableHonoursRetryAfter) {
  std::mutex mu;
  std::optional<std::chrono::steady_clock::time_point> first;
  server_.Route("/busy", [&](const HttpRequest&) {
    std::lock_guard<std::mutex> lock(mu);
    const auto now = std::chrono::steady_clock::now();
    if (!first) first = now;
    if (now - *first < std::chrono::milliseconds(900)) {
      return Page("busy", 503, {{"Retry-After", "1"}});
    }
    return Page("back");
  });
  const FetchResult result = FetchOne(server_.Url("/busy"));
  EXPECT_EQ(result.outcome, FetchOutcome::kOk) << result.error;
  EXPECT_EQ(result.body, "back");
  EXPECT_EQ(result.requests, 2);  // the backoff alone (1 ms here) would have asked again early
  EXPECT_FALSE(result.rate_limited);
  EXPECT_EQ(ClassifyLink(result, 1500), LinkClass::kFlaky);
}

// A Retry-After longer than crawler.max_retry_after_ms is not waited for: the 429
// stands.
TEST_F(RetryFetchTest, OverlongRetryAfterIsNotWaitedFor) {
  config_.max_retry_after_ms = 2000;
  server_.Route("/later", Page("later", 503, {{"Retry-After", "3600"}}));
  const FetchResult result = FetchOne(server_.Url("/later"));
  EXPECT_EQ(result.status, 503);
  EXPECT_EQ(result.requests, 1);
}

// No retry starts past the URL's budget (crawler.max_fetch_ms).
TEST_F(RetryFetchTest, RetriesStopAtTheUrlsBudget) {
  config_.max_retries = 10;
  config_.retry_base_ms = 400;
  config_.max_fetch_ms = 500;
  server_.Route("/down", Page("down", 500));
  const FetchResult result = FetchOne(server_.Url("/down"));
  EXPECT_EQ(result.status, 500);
  EXPECT_LE(result.requests, 3);
}

// The breaker: after breaker_failures failures in a row, the host's other URLs are not
// requested (one at a time here, so the order is fixed).
TEST_F(RetryFetchTest, BreakerStopsRequestsToAFailingHost) {
  config_.max_retries = 0;
  config_.max_per_host = 1;
  config_.breaker_failures = 2;
  std::vector<std::string> urls;
  for (int i = 0; i < 5; ++i) {
    const std::string target = "/broken/" + std::to_string(i);
    server_.Route(target, Page("broken", 500));
    urls.push_back(server_.Url(target));
  }
  const std::vector<FetchResult> results = Fetch(urls);
  int requested = 0;
  for (int i = 0; i < 5; ++i) requested += server_.RequestCount("/broken/" + std::to_string(i));
  EXPECT_EQ(requested, 2);
  EXPECT_EQ(results[0].status, 500);
  EXPECT_EQ(results[4].outcome, FetchOutcome::kHostUnavailable);
  EXPECT_EQ(results[4].error,
            "not requested: 127.0.0.1 failed 2 times in a row (crawler.breaker_failures)");
  EXPECT_EQ(results[4].requests, 0);
}

}  // namespace
}  // namespace citecheck::crawler
