#include "crawler/internal/curl_error.h"

#include <cerrno>
#include <cstring>

namespace citecheck::crawler::internal {
namespace {

bool IsTlsError(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT: return true;
    default: return false;
  }
}

// curl's own words for the failure: the error buffer when set, else the code's text.
std::string CurlSays(CURLcode code, const HopFacts& facts) {
  return facts.curl_message.empty() ? curl_easy_strerror(code) : facts.curl_message;
}

FetchFailure ConnectFailure(CURLcode code, const HopFacts& facts) {
  const std::string where = facts.peer.empty() ? facts.host : facts.peer;
  switch (facts.os_errno) {
    case ECONNREFUSED: return {FetchOutcome::kConnectError, "connection refused by " + where};
    case ENETUNREACH:
    case EHOSTUNREACH: return {FetchOutcome::kConnectError, where + " is unreachable"};
    default:
      return {FetchOutcome::kConnectError,
              "could not connect to " + where + ": " + CurlSays(code, facts)};
  }
}

FetchFailure TimeoutFailure(const HopFacts& facts) {
  // curl says "Operation too slow" when the low-speed limit stopped the transfer.
  if (facts.low_speed_bytes > 0 && facts.curl_message.find("too slow") != std::string::npos) {
    return {FetchOutcome::kTimeout, "transfer slower than " +
                                        std::to_string(facts.low_speed_bytes) + " bytes/s for " +
                                        std::to_string(facts.low_speed_seconds) + " s"};
  }
  if (!facts.connected && facts.connect_timeout_ms < facts.total_timeout_ms) {
    return {FetchOutcome::kTimeout, "connecting to " + facts.host + " timed out after " +
                                        std::to_string(facts.connect_timeout_ms) + " ms"};
  }
  return {FetchOutcome::kTimeout,
          "timed out after " + std::to_string(facts.total_timeout_ms) + " ms"};
}

}  // namespace

FetchFailure CurlError(CURLcode code, const HopFacts& facts) {
  // Our own aborts first: curl only sees a refused socket or a failed write.
  if (!facts.refused_reason.empty()) {
    return {FetchOutcome::kBlockedAddress,
            std::string(facts.redirected ? "redirect to " : "connection to ") + facts.refused_ip +
                " refused: " + facts.refused_reason};
  }
  if (code == CURLE_WRITE_ERROR && facts.head_too_large) {
    return {FetchOutcome::kTooLarge,
            "response head larger than " + std::to_string(facts.max_header_bytes) + " bytes"};
  }
  if ((code == CURLE_WRITE_ERROR && facts.body_too_large) || code == CURLE_FILESIZE_EXCEEDED) {
    return {FetchOutcome::kTooLarge,
            "body larger than " + std::to_string(facts.max_body_bytes) + " bytes"};
  }
  if (IsTlsError(code)) {
    return {FetchOutcome::kTlsError, "TLS error with " + facts.host + ": " + CurlSays(code, facts)};
  }
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {FetchOutcome::kDnsError, "could not resolve host " + facts.host};
    case CURLE_COULDNT_CONNECT: return ConnectFailure(code, facts);
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
      return {FetchOutcome::kConnectError,
              "connection to " + facts.host + " failed: " + CurlSays(code, facts)};
    case CURLE_GOT_NOTHING: return {FetchOutcome::kConnectError, "empty reply from " + facts.host};
    case CURLE_OPERATION_TIMEDOUT: return TimeoutFailure(facts);
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {FetchOutcome::kUnsupportedScheme, facts.url + " is not an http or https URL"};
    case CURLE_URL_MALFORMAT: return {FetchOutcome::kInvalidUrl, "malformed URL " + facts.url};
    case CURLE_TOO_MANY_REDIRECTS:
      return {FetchOutcome::kTooManyRedirects, "too many redirects from " + facts.url};
    default: return {FetchOutcome::kError, CurlSays(code, facts) + " (" + facts.url + ")"};
  }
}

}  // namespace citecheck::crawler::internal
