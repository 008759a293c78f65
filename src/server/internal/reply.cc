#include "server/internal/reply.h"

#include <boost/json/serialize.hpp>

namespace citecheck::server::internal {

namespace json = boost::json;

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidRequest: return "invalid_request";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kHeadersTooLarge: return "headers_too_large";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kQueueFull: return "queue_full";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kNotImplemented: return "not_implemented";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

// The one mapping from errors to HTTP statuses (STYLE.md: "in exactly one function").
Reply ErrorReply(const ApiError& e) {
  Reply r;
  switch (e.code) {
    case ErrorCode::kInvalidRequest: r.status = 400; break;
    case ErrorCode::kUnauthenticated:
      r.status = 401;
      r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"citecheck\"");
      break;
    case ErrorCode::kForbidden: r.status = 403; break;
    case ErrorCode::kNotFound: r.status = 404; break;
    case ErrorCode::kMethodNotAllowed:
      r.status = 405;
      r.headers.emplace_back("Allow", e.allow);
      break;
    case ErrorCode::kConflict: r.status = 409; break;
    // The rest of an oversized message is never read: the connection cannot go on.
    case ErrorCode::kPayloadTooLarge: r.status = 413; r.close = true; break;
    case ErrorCode::kUnsupportedMediaType: r.status = 415; break;
    case ErrorCode::kRateLimited: r.status = 429; break;
    case ErrorCode::kHeadersTooLarge: r.status = 431; r.close = true; break;
    case ErrorCode::kNotImplemented: r.status = 501; break;
    case ErrorCode::kQueueFull:
    case ErrorCode::kUnavailable: r.status = 503; break;
    case ErrorCode::kTimeout: r.status = 504; break;
    case ErrorCode::kInternal: r.status = 500; break;
  }
  if (e.retry_after_s > 0) r.headers.emplace_back("Retry-After", std::to_string(e.retry_after_s));
  r.body = json::serialize(json::object{
      {"error", {{"code", ErrorCodeName(e.code)}, {"message", e.message}}}});
  return r;
}

ApiError ErrorOf(const common::Status& status) {
  ApiError e;
  e.message = status.message();
  switch (status.code()) {
    case common::StatusCode::kInvalidArgument: e.code = ErrorCode::kInvalidRequest; break;
    case common::StatusCode::kNotFound: e.code = ErrorCode::kNotFound; break;
    case common::StatusCode::kPermissionDenied: e.code = ErrorCode::kForbidden; break;
    case common::StatusCode::kFailedPrecondition: e.code = ErrorCode::kConflict; break;
    case common::StatusCode::kResourceExhausted: e.code = ErrorCode::kQueueFull; break;
    case common::StatusCode::kUnavailable: e.code = ErrorCode::kUnavailable; break;
    case common::StatusCode::kDeadlineExceeded: e.code = ErrorCode::kTimeout; break;
    case common::StatusCode::kUnimplemented: e.code = ErrorCode::kNotImplemented; break;
    default: e.code = ErrorCode::kInternal; break;
  }
  return e;
}

Reply JsonReply(const json::value& body, int status) {
  Reply r;
  r.status = status;
  r.body = json::serialize(body);
  return r;
}

}  // namespace citecheck::server::internal
