// The small shared pieces of the public header: outcome names, header lookup, and
// libcurl's process-wide initialisation.
#include "crawler/crawler.h"

#include <curl/curl.h>

#include "crawler/internal/http_head.h"

namespace citecheck::crawler {

std::string_view FetchOutcomeName(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::kOk: return "ok";
    case FetchOutcome::kHttpError: return "http_error";
    case FetchOutcome::kDnsError: return "dns_error";
    case FetchOutcome::kConnectError: return "connect_error";
    case FetchOutcome::kTlsError: return "tls_error";
    case FetchOutcome::kTimeout: return "timeout";
    case FetchOutcome::kTooManyRedirects: return "too_many_redirects";
    case FetchOutcome::kTooLarge: return "too_large";
    case FetchOutcome::kBlockedAddress: return "blocked_address";
    case FetchOutcome::kUnsupportedScheme: return "unsupported_scheme";
    case FetchOutcome::kInvalidUrl: return "invalid_url";
    case FetchOutcome::kNotArchived: return "not_archived";
    case FetchOutcome::kError: return "error";
  }
  return "error";
}

const HttpHeader* FindHeader(const std::vector<HttpHeader>& headers, std::string_view name) {
  for (const HttpHeader& header : headers) {
    if (internal::EqualsIgnoreCase(header.name, name)) return &header;
  }
  return nullptr;
}

CurlGlobal::CurlGlobal() : ok_(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}

CurlGlobal::~CurlGlobal() {
  if (ok_) curl_global_cleanup();
}

}  // namespace citecheck::crawler
