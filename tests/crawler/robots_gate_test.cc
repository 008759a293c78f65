// Tests for the fetch loop's robots.txt bookkeeping (robots_gate.cc): one fetch per
// origin, jobs held until it is known, and what each kind of answer means
// (RFC 9309 section 2.3.1).
#include "crawler/internal/robots_gate.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace citecheck::crawler::internal {
namespace {

using Admission = RobotsGate::Admission;

constexpr int64_t kSecond = 1000000;

FetchUrl Url(const std::string& url) { return CheckFetchUrl(url).url; }

FetchResult Answer(FetchOutcome outcome, int status, std::string body = "") {
  FetchResult r;
  r.outcome = outcome;
  r.status = status;
  r.body = std::move(body);
  if (outcome != FetchOutcome::kOk && status == 0) r.error = "connection refused by 10.0.0.1:80";
  return r;
}

class RobotsGateTest : public ::testing::Test {
 protected:
  RobotsGate gate_{"citecheck", 24 * 3600 * kSecond, 600 * kSecond};
};

// The first URL of an origin asks for its robots.txt; later ones wait quietly; once
// it is known, the held jobs come back in order and are decided by its rules.
TEST_F(RobotsGateTest, FetchesOncePerOriginAndHoldsJobs) {
  const RobotsGate::Decision first = gate_.Admit(Url("http://a.test/x"), 0, 0);
  EXPECT_EQ(first.admission, Admission::kFetchRobots);
  EXPECT_EQ(first.robots_url, "http://a.test/robots.txt");
  EXPECT_EQ(gate_.Admit(Url("http://a.test/archive/1"), 1, 0).admission, Admission::kHeld);
  // Another port is another origin (RFC 9309 section 2.3).
  EXPECT_EQ(gate_.Admit(Url("http://a.test:8080/x"), 2, 0).admission, Admission::kFetchRobots);
  const std::vector<size_t> held = gate_.Resolve(
      "http://a.test/robots.txt",
      Answer(FetchOutcome::kOk, 200, "User-agent: *\nDisallow: /archive/\n"), kSecond);
  EXPECT_EQ(held, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(gate_.Admit(Url("http://a.test/x"), 0, kSecond).admission, Admission::kAllowed);
  const RobotsGate::Decision disallowed = gate_.Admit(Url("http://a.test/archive/1"), 1, kSecond);
  EXPECT_EQ(disallowed.admission, Admission::kDisallowed);
  EXPECT_EQ(disallowed.reason,
            "disallowed by http://a.test/robots.txt: Disallow: /archive/ (line 2)");
}

// 2.3.1.3: a 4xx robots.txt is "unavailable": everything may be fetched.
TEST_F(RobotsGateTest, NotFoundAllowsEverything) {
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt", Answer(FetchOutcome::kHttpError, 404), 0);
  EXPECT_EQ(gate_.Admit(Url("http://a.test/private"), 0, 0).admission, Admission::kAllowed);
}

// 2.3.1.4: a 5xx robots.txt is "unreachable": everything is disallowed, for the
// configured time; then robots.txt is asked again.
TEST_F(RobotsGateTest, ServerErrorDisallowsForAWhile) {
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt", Answer(FetchOutcome::kHttpError, 503), 0);
  const RobotsGate::Decision d = gate_.Admit(Url("http://a.test/page"), 0, 599 * kSecond);
  EXPECT_EQ(d.admission, Admission::kDisallowed);
  EXPECT_EQ(d.reason,
            "disallowed by http://a.test/robots.txt: http://a.test/robots.txt answered HTTP "
            "503, so the whole site is off limits for now (RFC 9309 section 2.3.1.4)");
  EXPECT_EQ(gate_.Admit(Url("http://a.test/page"), 0, 600 * kSecond).admission,
            Admission::kFetchRobots);
}

// Deviation: 429 is taken as "unreachable" too.
TEST_F(RobotsGateTest, RateLimitedRobotsDisallows) {
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt", Answer(FetchOutcome::kHttpError, 429), 0);
  EXPECT_EQ(gate_.Admit(Url("http://a.test/x"), 0, 0).admission, Admission::kDisallowed);
}

// When the origin itself cannot be reached, its URLs fail the same way rather than
// being called disallowed.
TEST_F(RobotsGateTest, UnreachableOriginFailsItsUrls) {
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt", Answer(FetchOutcome::kConnectError, 0), 0);
  const RobotsGate::Decision d = gate_.Admit(Url("http://a.test/x"), 0, 0);
  EXPECT_EQ(d.admission, Admission::kFailed);
  EXPECT_EQ(d.failure,
            (FetchFailure{FetchOutcome::kConnectError,
                          "could not fetch http://a.test/robots.txt: connection refused by "
                          "10.0.0.1:80"}));
}

// 2.3.1.2: more than five redirects make robots.txt "unavailable" (allow all).
TEST_F(RobotsGateTest, TooManyRedirectsAllowsEverything) {
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt", Answer(FetchOutcome::kTooManyRedirects, 302), 0);
  EXPECT_EQ(gate_.Admit(Url("http://a.test/x"), 0, 0).admission, Admission::kAllowed);
}

// 2.4: a fetched robots.txt is used for the cache time only.
TEST_F(RobotsGateTest, CachedRulesExpire) {
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt", Answer(FetchOutcome::kOk, 200, ""), 0);
  EXPECT_EQ(gate_.Admit(Url("http://a.test/x"), 0, 24 * 3600 * kSecond - 1).admission,
            Admission::kAllowed);
  EXPECT_EQ(gate_.Admit(Url("http://a.test/x"), 0, 24 * 3600 * kSecond).admission,
            Admission::kFetchRobots);
}

// robots.txt itself passes without asking, and the Crawl-delay is passed on.
TEST_F(RobotsGateTest, RobotsTxtPassesAndCrawlDelayIsKnown) {
  EXPECT_EQ(gate_.Admit(Url("http://a.test/robots.txt"), 0, 0).admission, Admission::kAllowed);
  gate_.Admit(Url("http://a.test/x"), 0, 0);
  gate_.Resolve("http://a.test/robots.txt",
                Answer(FetchOutcome::kOk, 200, "User-agent: *\nCrawl-delay: 3\n"), 0);
  EXPECT_EQ(gate_.CrawlDelaySeconds("http://a.test/robots.txt"), 3.0);
  EXPECT_EQ(OriginOf("https://b.test:8443/p?q"), "https://b.test:8443");
}

}  // namespace
}  // namespace citecheck::crawler::internal
