// URL checks shared by the live and the replay fetchers: parsing a fetchable URL (and
// saying why one is not), and resolving a Location header against the URL that sent it.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_CRAWLER_INTERNAL_URL_H_
#define CITECHECK_CRAWLER_INTERNAL_URL_H_

#include <string>
#include <string_view>

#include "common/status.h"
#include "crawler/crawler.h"

namespace citecheck::crawler::internal {

// A URL that passed NormalizeUrl, with the parts the fetchers need.
struct FetchUrl {
  std::string url;   // normalized (see NormalizeUrl)
  std::string host;  // lower case; IPv6 literals without brackets
  int port = 0;      // explicit or the scheme's default
  bool operator==(const FetchUrl&) const = default;
};

// Why a URL cannot be fetched: kInvalidUrl or kUnsupportedScheme, and a message naming
// the URL ("not an absolute URL: a/b", "ftp://x/ is not http or https").
struct UrlRejection {
  FetchOutcome outcome = FetchOutcome::kInvalidUrl;
  std::string error;
  bool operator==(const UrlRejection&) const = default;
};

// Parses and normalizes `url` like NormalizeUrl. On failure `rejection` is set and the
// returned value is empty.
struct UrlCheck {
  FetchUrl url;
  bool ok = false;
  UrlRejection rejection;
};
UrlCheck CheckFetchUrl(std::string_view url);

// Resolves a Location header value against `base` (an absolute URL), as a browser
// does: bytes that may not appear in a URL (spaces, controls, non-ASCII) are
// percent-encoded first. Errors: kInvalidArgument naming the location.
common::Result<std::string> ResolveLocation(std::string_view base, std::string_view location);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_URL_H_
