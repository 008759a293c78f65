// The small shared pieces of the public header: outcome and class names, header
// lookup, link classes, progress lines, and libcurl's process-wide initialisation.
#include "crawler/crawler.h"

#include <curl/curl.h>

#include <cstdio>

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
    case FetchOutcome::kRobotsDisallowed: return "robots_disallowed";
    case FetchOutcome::kHostUnavailable: return "host_unavailable";
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

std::string_view CacheUseName(CacheUse use) {
  switch (use) {
    case CacheUse::kNone: return "network";
    case CacheUse::kRevalidated: return "revalidated";
    case CacheUse::kFresh: return "fresh";
  }
  return "network";
}

bool IsReadableMediaType(std::string_view type) {
  return type == "text/html" || type == "application/xhtml+xml" || type == "application/pdf" ||
         type == "text/plain";
}

std::string_view LinkClassName(LinkClass link_class) {
  switch (link_class) {
    case LinkClass::kOk: return "ok";
    case LinkClass::kRedirectOk: return "redirect_ok";
    case LinkClass::kSlow: return "slow";
    case LinkClass::kFlaky: return "flaky";
    case LinkClass::kRateLimited: return "ratelimited";
    case LinkClass::kDead: return "dead";
    case LinkClass::kLoop: return "loop";
    case LinkClass::kSoft404: return "soft404";
    case LinkClass::kRobotsDisallowed: return "robots_disallowed";
    case LinkClass::kError: return "error";
  }
  return "error";
}

LinkClass ClassifyLink(const FetchResult& r, double slow_ms) {
  switch (r.outcome) {
    case FetchOutcome::kOk: break;
    case FetchOutcome::kTooManyRedirects: return LinkClass::kLoop;
    case FetchOutcome::kRobotsDisallowed: return LinkClass::kRobotsDisallowed;
    case FetchOutcome::kHttpError:
      return r.status == 404 || r.status == 410 ? LinkClass::kDead : LinkClass::kError;
    default: return LinkClass::kError;
  }
  if (r.soft_404) return LinkClass::kSoft404;
  if (r.rate_limited) return LinkClass::kRateLimited;
  if (r.retries > 0) return LinkClass::kFlaky;
  if (!r.redirects.empty()) return LinkClass::kRedirectOk;
  if (r.elapsed_ms >= slow_ms) return LinkClass::kSlow;
  return LinkClass::kOk;
}

bool IsBrokenLink(LinkClass c) {
  return c == LinkClass::kDead || c == LinkClass::kLoop || c == LinkClass::kSoft404 ||
         c == LinkClass::kError;
}

std::string FormatProgress(const FetchProgress& p) {
  const double seconds = static_cast<double>(p.elapsed_micros) / 1e6;
  const double rate = seconds > 0 ? static_cast<double>(p.done) / seconds : 0;
  const int percent = p.total == 0 ? 100 : static_cast<int>(p.done * 100 / p.total);
  char line[160];
  std::snprintf(line, sizeof(line), "%zu/%zu URLs (%d%%), %.0f/s, %zu error%s", p.done, p.total,
                percent, rate, p.errors, p.errors == 1 ? "" : "s");
  std::string out = line;
  if (p.done > 0 && p.done < p.total && rate > 0) {
    const auto eta = static_cast<long long>(static_cast<double>(p.total - p.done) / rate + 0.5);
    std::snprintf(line, sizeof(line), ", ETA %lld:%02lld", eta / 60, eta % 60);
    out += line;
  }
  return out;
}

CurlGlobal::CurlGlobal() : ok_(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}

CurlGlobal::~CurlGlobal() {
  if (ok_) curl_global_cleanup();
}

}  // namespace citecheck::crawler
