// server/internal: what a handler answers, before it becomes an HTTP message, and the
// API's error vocabulary.
//
// Every error response is built by ErrorReply(), the one place that decides which HTTP
// status an error gets. Failures of the libraries below (common::Status) enter the
// API's vocabulary through ErrorOf(), which only translates codes.
//
// Thread-safety: values and pure functions.
#ifndef CITECHECK_SERVER_INTERNAL_REPLY_H_
#define CITECHECK_SERVER_INTERNAL_REPLY_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "common/status.h"

namespace citecheck::server::internal {

// A response as handlers see it: status, media type, body, extra headers.
struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
  bool close = false;  // close the connection after this response
  bool operator==(const Reply&) const = default;
};

// The API's errors. Each has a stable snake_case name, the "code" of the JSON body.
enum class ErrorCode {
  kInvalidRequest,        // "invalid_request": malformed body, parameter or draft
  kUnauthenticated,       // "unauthenticated": no token, or one the server does not know
  kForbidden,             // "forbidden": a read-only token asked to write
  kNotFound,              // "not_found": unknown path or id
  kMethodNotAllowed,      // "method_not_allowed"
  kConflict,              // "conflict": the resource is not in a state that allows it
  kPayloadTooLarge,       // "payload_too_large": body over server.max_body_bytes
  kUnsupportedMediaType,  // "unsupported_media_type"
  kHeadersTooLarge,       // "headers_too_large": head over server.max_header_bytes
  kRateLimited,           // "rate_limited": the token's rate limit
  kQueueFull,             // "queue_full": server.max_queued_checks reached
  kUnavailable,           // "unavailable": shutting down, or a dependency failed
  kNotImplemented,        // "not_implemented"
  kTimeout,               // "timeout"
  kInternal,              // "internal": a failure of ours
};

std::string_view ErrorCodeName(ErrorCode code);

struct ApiError {
  ApiError() = default;
  ApiError(ErrorCode c, std::string m, int retry_after = 0, std::string allow_methods = "")
      : code(c), message(std::move(m)), retry_after_s(retry_after), allow(std::move(allow_methods)) {}

  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  int retry_after_s = 0;      // > 0: sent as Retry-After (429, 503)
  std::string allow;          // 405: the methods the path accepts
  bool operator==(const ApiError&) const = default;
};

// The response for `error`: {"error": {"code": ..., "message": ...}} with its HTTP
// status (400, 401 + WWW-Authenticate, 403, 404, 405 + Allow, 409, 413 (closes the
// connection), 415, 429 / 503 + Retry-After, 431 (closes), 501, 504, 500).
Reply ErrorReply(const ApiError& error);

// The API error for a library failure: kInvalidArgument -> kInvalidRequest, kNotFound
// -> kNotFound, kPermissionDenied -> kForbidden, kFailedPrecondition -> kConflict,
// kResourceExhausted -> kQueueFull, kUnavailable -> kUnavailable, kDeadlineExceeded ->
// kTimeout, kUnimplemented -> kNotImplemented, the rest -> kInternal.
// REQUIRES: !status.ok().
ApiError ErrorOf(const common::Status& status);

// 200 (or `status`) with a compact JSON body.
Reply JsonReply(const boost::json::value& body, int status = 200);

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_REPLY_H_
