// The one place where a libcurl failure becomes a FetchOutcome and a message for people.
//
// Thread-safety: pure function.
#ifndef CITECHECK_CRAWLER_INTERNAL_CURL_ERROR_H_
#define CITECHECK_CRAWLER_INTERNAL_CURL_ERROR_H_

#include <curl/curl.h>

#include <cstdint>
#include <string>

#include "crawler/internal/redirect.h"

namespace citecheck::crawler::internal {

// What we know about a failed hop beyond its CURLcode: our own reasons for aborting
// (curl reports them as generic errors) and context for the message.
struct HopFacts {
  std::string url;              // the URL of this hop
  std::string host;             // its host
  bool redirected = false;      // this hop is a redirect target
  bool body_too_large = false;  // our write callback stopped the body
  int64_t max_body_bytes = 0;
  bool head_too_large = false;  // our header callback stopped the head
  int max_header_bytes = 0;
  int low_speed_bytes = 0;      // the low-speed limit in force (0: none)
  int low_speed_seconds = 0;
  std::string refused_ip;      // an address our open-socket callback refused, or ""
  std::string refused_reason;  // why ("loopback address")
  std::string peer;            // "ip:port" of the last connection attempt, or ""
  long os_errno = 0;           // CURLINFO_OS_ERRNO
  bool connected = false;      // a connection was established
  int connect_timeout_ms = 0;
  int total_timeout_ms = 0;
  std::string curl_message;  // CURLOPT_ERRORBUFFER text, may be ""
};

// REQUIRES: code != CURLE_OK.
FetchFailure CurlError(CURLcode code, const HopFacts& facts);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_CURL_ERROR_H_
