// One URL's redirect chain, shared by CurlFetcher and ReplayFetcher so that both follow
// redirects by the same rules: only 301, 302, 303, 307 and 308 with a Location header;
// the Location resolved against the URL that sent it and normalized; never a URL
// already requested in the chain; at most max_redirects hops.
//
// Thread-safety: a value; not for concurrent mutation.
#ifndef CITECHECK_CRAWLER_INTERNAL_REDIRECT_H_
#define CITECHECK_CRAWLER_INTERNAL_REDIRECT_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler::internal {

// Why a chain stopped before a final response.
struct FetchFailure {
  FetchOutcome outcome = FetchOutcome::kError;
  std::string error;
  bool operator==(const FetchFailure&) const = default;
};

class RedirectChain {
 public:
  // REQUIRES: `first` passed CheckFetchUrl.
  RedirectChain(FetchUrl first, int max_redirects);

  // The URL to request next (the first URL, or the last redirect target).
  const FetchUrl& current() const { return current_; }
  // The redirects answered so far, in order.
  const std::vector<RedirectHop>& hops() const { return hops_; }
  // True once a redirect has been followed (the current URL is a redirect target).
  bool redirected() const { return !hops_.empty(); }

  // Records that current() answered `status` with `location` (a redirect status) and
  // moves to the target. On failure the hop is still recorded and current() is
  // unchanged: kInvalidUrl / kUnsupportedScheme for a bad target, kTooManyRedirects
  // for a loop ("redirect loop: <url> was already requested") or for more than
  // max_redirects hops.
  std::optional<FetchFailure> Follow(int status, std::string_view location);

 private:
  const int max_redirects_;
  FetchUrl current_;
  std::vector<RedirectHop> hops_;
  std::set<std::string> seen_;  // normalized URLs requested so far
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_REDIRECT_H_
