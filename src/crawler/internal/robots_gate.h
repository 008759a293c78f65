// The fetch loop's robots.txt bookkeeping: each origin's robots.txt is fetched once
// (RFC 9309 section 2.3: per scheme, host and port), kept for a while, and the
// requests to an origin wait until it is known.
//
//   Decision d = gate.Admit(url, job, now);
//   kAllowed -> schedule the job; kDisallowed -> finish it with d.reason;
//   kFetchRobots -> fetch d.robots_url (the job is held); kHeld -> nothing (held);
//   kFailed -> finish the job with d.failure (the origin could not be reached).
//   ... when the robots.txt fetch ends: for (size_t job : gate.Resolve(url, result, now))
//   Admit(job's url, job, now) again.
//
// What a robots.txt answer means (RFC 9309 section 2.3.1): 2xx -> its rules; 4xx
// ("unavailable") or more than five redirects -> everything allowed; 5xx and 429
// ("unreachable") -> everything disallowed for `unreachable` time; a network failure of
// the origin itself (DNS, connection, timeout, blocked address) -> its requests fail
// the same way for that time, since they could not succeed either. Deviation: 429 is
// taken as "unreachable" rather than "unavailable", as a rate limit is the server's
// condition, not the file's absence.
//
// Thread-safety: not thread-safe; owned by the fetch loop.
#ifndef CITECHECK_CRAWLER_INTERNAL_ROBOTS_GATE_H_
#define CITECHECK_CRAWLER_INTERNAL_ROBOTS_GATE_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/url.h"
#include "crawler/robots.h"

namespace citecheck::crawler::internal {

// The robots.txt fetch follows at most this many redirects (RFC 9309 section 2.3.1.2).
inline constexpr int kRobotsMaxRedirects = 5;

// "http://h:8080/a?b" -> "http://h:8080" (the normalized URL's scheme and authority).
std::string OriginOf(std::string_view url);

class RobotsGate {
 public:
  enum class Admission { kAllowed, kDisallowed, kHeld, kFetchRobots, kFailed };
  struct Decision {
    Admission admission = Admission::kAllowed;
    std::string robots_url;  // kFetchRobots: the URL to fetch
    std::string reason;      // kDisallowed: "disallowed by <robots url>: Disallow: /x (line 3)"
    FetchFailure failure;    // kFailed: why the origin is unreachable
  };

  // `product_token` selects the groups; `cache_micros` is how long a fetched
  // robots.txt is used (RFC 9309 section 2.4 says at most 24 hours); `unreachable_micros`
  // how long an unreachable one keeps its origin closed.
  RobotsGate(std::string product_token, int64_t cache_micros, int64_t unreachable_micros);

  // Decides whether `url` may be requested at `now` (monotonic microseconds). For
  // kHeld and kFetchRobots the job is kept and returned by Resolve.
  Decision Admit(const FetchUrl& url, size_t job, int64_t now);

  // Records the result of fetching `robots_url` and returns the jobs that waited for
  // it, in the order they arrived.
  std::vector<size_t> Resolve(std::string_view robots_url, const FetchResult& result, int64_t now);

  // The Crawl-delay of the origin of `robots_url`, when its robots.txt gives one.
  std::optional<double> CrawlDelaySeconds(std::string_view robots_url) const;

  // Forgets held jobs (their indices belong to one FetchAll) but keeps what is known.
  void DropHeld();

 private:
  struct Origin {
    bool known = false;              // a result is in
    bool fetching = false;           // a robots.txt fetch is running
    int64_t expires = 0;             // monotonic microseconds
    RobotsRules rules;               // when the origin was reached
    std::optional<FetchFailure> failure;  // when it was not
    std::vector<size_t> held;
  };

  void Learn(Origin& origin, std::string_view robots_url, const FetchResult& result, int64_t now);

  const std::string product_token_;
  const int64_t cache_micros_;
  const int64_t unreachable_micros_;
  std::map<std::string, Origin, std::less<>> origins_;  // by OriginOf
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_ROBOTS_GATE_H_
