// Tests for retry decisions, Retry-After, backoff and the host breaker (retry.cc).
#include "crawler/internal/retry.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace citecheck::crawler::internal {
namespace {

constexpr int64_t kSecond = 1000000;

struct CauseCase {
  FetchOutcome outcome;
  int status;
  RetryCause cause;
};

// Timeouts, connection errors, 5xx and 429 are worth another try; answers that another
// request would not change (4xx, 501, 505, DNS failures, TLS errors, blocked
// addresses) are not.
TEST(RetryCauseOf, TransientFailuresOnly) {
  const CauseCase cases[] = {
      {FetchOutcome::kTimeout, 0, RetryCause::kNetwork},
      {FetchOutcome::kConnectError, 0, RetryCause::kNetwork},
      {FetchOutcome::kHttpError, 500, RetryCause::kServerError},
      {FetchOutcome::kHttpError, 502, RetryCause::kServerError},
      {FetchOutcome::kHttpError, 503, RetryCause::kServerError},
      {FetchOutcome::kHttpError, 429, RetryCause::kRateLimited},
      {FetchOutcome::kHttpError, 501, RetryCause::kNone},
      {FetchOutcome::kHttpError, 505, RetryCause::kNone},
      {FetchOutcome::kHttpError, 404, RetryCause::kNone},
      {FetchOutcome::kHttpError, 403, RetryCause::kNone},
      {FetchOutcome::kOk, 200, RetryCause::kNone},
      {FetchOutcome::kDnsError, 0, RetryCause::kNone},
      {FetchOutcome::kTlsError, 0, RetryCause::kNone},
      {FetchOutcome::kBlockedAddress, 0, RetryCause::kNone},
      {FetchOutcome::kTooLarge, 0, RetryCause::kNone},
  };
  for (const CauseCase& c : cases) {
    EXPECT_EQ(RetryCauseOf(c.outcome, c.status), c.cause)
        << FetchOutcomeName(c.outcome) << " " << c.status;
  }
}

// RFC 9110 section 5.6.7: the three date formats a recipient must accept.
TEST(ParseHttpDate, AcceptsTheThreeFormats) {
  constexpr int64_t kWhen = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), kWhen);
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), kWhen);
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), kWhen);
  EXPECT_EQ(ParseHttpDate("yesterday"), std::nullopt);
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 CET"), std::nullopt);
}

// RFC 9110 section 10.2.3: Retry-After is delay-seconds or an HTTP-date.
TEST(RetryAfterMicros, SecondsOrDate) {
  const int64_t now = int64_t{784111777} * kSecond;
  EXPECT_EQ(RetryAfterMicros("1", now), kSecond);
  EXPECT_EQ(RetryAfterMicros(" 120 ", now), 120 * kSecond);
  EXPECT_EQ(RetryAfterMicros("Sun, 06 Nov 1994 08:50:07 GMT", now), 30 * kSecond);
  EXPECT_EQ(RetryAfterMicros("Sun, 06 Nov 1994 08:00:00 GMT", now), 0);  // already past
  EXPECT_EQ(RetryAfterMicros("-5", now), std::nullopt);
  EXPECT_EQ(RetryAfterMicros("soon", now), std::nullopt);
}

// The wait doubles with each retry up to the cap; jitter spreads it over [d/2, d).
TEST(BackoffMicros, ExponentialWithEqualJitter) {
  constexpr int64_t kBase = 100, kCap = 1000;
  EXPECT_EQ(BackoffMicros(1, kBase, kCap, 0.0), 50);
  EXPECT_EQ(BackoffMicros(1, kBase, kCap, 0.5), 75);
  EXPECT_EQ(BackoffMicros(2, kBase, kCap, 0.0), 100);
  EXPECT_EQ(BackoffMicros(3, kBase, kCap, 0.0), 200);
  EXPECT_EQ(BackoffMicros(5, kBase, kCap, 0.0), 500);   // 1600 capped to 1000
  EXPECT_EQ(BackoffMicros(50, kBase, kCap, 0.999), 999);
}

// The breaker opens after `threshold` failures in a row, lets one request through
// after the cooldown, and closes on a success.
TEST(HostBreaker, OpensAfterConsecutiveFailuresAndRecovers) {
  HostBreaker breaker(3, 10 * kSecond);
  breaker.OnFailure("a.test", 0);
  breaker.OnFailure("a.test", 0);
  EXPECT_TRUE(breaker.Allows("a.test", 0));
  breaker.OnFailure("a.test", kSecond);
  EXPECT_FALSE(breaker.Allows("a.test", kSecond));
  EXPECT_TRUE(breaker.Allows("b.test", kSecond));  // per host
  EXPECT_FALSE(breaker.Allows("a.test", 11 * kSecond - 1));
  EXPECT_TRUE(breaker.Allows("a.test", 11 * kSecond));  // half-open
  breaker.OnFailure("a.test", 11 * kSecond);            // the probe failed: open again
  EXPECT_FALSE(breaker.Allows("a.test", 12 * kSecond));
  EXPECT_EQ(breaker.failures("a.test"), 4);
  breaker.OnSuccess("a.test");
  EXPECT_TRUE(breaker.Allows("a.test", 12 * kSecond));
  EXPECT_EQ(breaker.failures("a.test"), 0);
}

// A success in between resets the count: only consecutive failures open it.
TEST(HostBreaker, SuccessResetsTheCount) {
  HostBreaker breaker(2, kSecond);
  breaker.OnFailure("a.test", 0);
  breaker.OnSuccess("a.test");
  breaker.OnFailure("a.test", 0);
  EXPECT_TRUE(breaker.Allows("a.test", 0));
  HostBreaker off(0, kSecond);
  for (int i = 0; i < 10; ++i) off.OnFailure("a.test", 0);
  EXPECT_TRUE(off.Allows("a.test", 0));
}

}  // namespace
}  // namespace citecheck::crawler::internal
