#include "crawler/internal/redirect.h"

#include <utility>

namespace citecheck::crawler::internal {

RedirectChain::RedirectChain(FetchUrl first, int max_redirects)
    : max_redirects_(max_redirects), current_(std::move(first)) {
  seen_.insert(current_.url);
}

std::optional<FetchFailure> RedirectChain::Follow(int status, std::string_view location) {
  hops_.push_back({current_.url, status, std::string(location)});
  auto resolved = ResolveLocation(current_.url, location);
  if (!resolved.ok()) return FetchFailure{FetchOutcome::kInvalidUrl, resolved.status().message()};
  UrlCheck target = CheckFetchUrl(*resolved);
  if (!target.ok) {
    // Name the redirect in the message: the URL the user cited was fine.
    return FetchFailure{target.rejection.outcome,
                        "redirect from " + current_.url + " refused: " + target.rejection.error};
  }
  if (seen_.contains(target.url.url)) {
    return FetchFailure{FetchOutcome::kTooManyRedirects,
                        "redirect loop: " + target.url.url + " was already requested"};
  }
  if (static_cast<int>(hops_.size()) > max_redirects_) {
    return FetchFailure{FetchOutcome::kTooManyRedirects,
                        "more than " + std::to_string(max_redirects_) + " redirects"};
  }
  seen_.insert(target.url.url);
  current_ = std::move(target.url);
  return std::nullopt;
}

}  // namespace citecheck::crawler::internal
