// Trying again: which failures are worth another request, how long to wait (the
// server's Retry-After, else exponential backoff with jitter), and a per-host circuit
// breaker that stops sending requests to a host that keeps failing.
//
// Thread-safety: the functions are pure; HostBreaker is not thread-safe (owned by the
// fetch loop).
#ifndef CITECHECK_CRAWLER_INTERNAL_RETRY_H_
#define CITECHECK_CRAWLER_INTERNAL_RETRY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "crawler/crawler.h"

namespace citecheck::crawler::internal {

enum class RetryCause {
  kNone = 0,      // final: success, or a failure another request would not change
  kNetwork,       // timeout, refused or reset connection, empty reply
  kServerError,   // 5xx (except 501 Not Implemented and 505 Version Not Supported)
  kRateLimited,   // 429 Too Many Requests
};

// Why a hop that ended with `outcome` and `status` (0 when no response) may be tried
// again. 503 is kServerError; its Retry-After is honoured all the same.
RetryCause RetryCauseOf(FetchOutcome outcome, int status);

// Seconds since the epoch of an HTTP-date (RFC 9110 section 5.6.7): IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", and the obsolete RFC 850 and asctime forms.
std::optional<int64_t> ParseHttpDate(std::string_view value);

// The wait a Retry-After value asks for (RFC 9110 section 10.2.3), in microseconds
// from `now_micros` (wall clock): delay-seconds, or an HTTP-date (a date in the past
// is no wait). nullopt when the value is neither.
std::optional<int64_t> RetryAfterMicros(std::string_view value, int64_t now_micros);

// Exponential backoff with "equal jitter" for retry number `retry` (1 for the first):
// d = min(cap, base * 2^(retry-1)), and the wait is d/2 + u * d/2, so that clients
// that failed together do not come back together. `u` is uniform in [0, 1).
int64_t BackoffMicros(int retry, int64_t base_micros, int64_t cap_micros, double u);

// Counts the consecutive failures of each host (network errors and 5xx: the host is
// unwell, not the URL). After `threshold` in a row the breaker opens: requests to the
// host are refused until `cooldown` has passed; then one may go (half-open), and its
// success closes the breaker while a failure opens it again.
class HostBreaker {
 public:
  // A threshold below 1 disables the breaker.
  HostBreaker(int threshold, int64_t cooldown_micros);

  // Whether a request to `host` may start at `now` (monotonic microseconds).
  bool Allows(std::string_view host, int64_t now) const;
  void OnSuccess(std::string_view host);
  void OnFailure(std::string_view host, int64_t now);
  // Consecutive failures of `host` so far.
  int failures(std::string_view host) const;

 private:
  struct State {
    int failures = 0;
    int64_t open_until = 0;  // monotonic microseconds
  };
  const int threshold_;
  const int64_t cooldown_micros_;
  std::map<std::string, State, std::less<>> hosts_;  // only hosts with failures
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_RETRY_H_
