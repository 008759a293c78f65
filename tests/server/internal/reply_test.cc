// Errors: the HTTP status and JSON body of each API error, and how library statuses
// map onto them.
#include "server/internal/reply.h"

#include <gtest/gtest.h>

namespace citecheck::server::internal {
namespace {

using common::Status;
using common::StatusCode;

// Every error code gets its status and the {"error": {"code", "message"}} body;
// 401, 405, 429 and 503 carry the headers their status asks for; oversized requests
// close the connection.
TEST(ErrorReply, GivesEachCodeItsStatusBodyAndHeaders) {
  struct Case {
    ApiError error;
    Reply expected;
  };
  const std::string body = R"({"error":{"code":"CODE","message":"why"}})";
  auto make = [&](int status, const char* code, std::vector<std::pair<std::string, std::string>> headers,
                  bool close) {
    Reply r;
    r.status = status;
    r.body = body;
    r.body.replace(r.body.find("CODE"), 4, code);
    r.headers = std::move(headers);
    r.close = close;
    return r;
  };
  const Case cases[] = {
      {{ErrorCode::kInvalidRequest, "why"}, make(400, "invalid_request", {}, false)},
      {{ErrorCode::kUnauthenticated, "why"},
       make(401, "unauthenticated", {{"WWW-Authenticate", "Bearer realm=\"citecheck\""}}, false)},
      {{ErrorCode::kForbidden, "why"}, make(403, "forbidden", {}, false)},
      {{ErrorCode::kNotFound, "why"}, make(404, "not_found", {}, false)},
      {{ErrorCode::kMethodNotAllowed, "why", 0, "GET, POST"},
       make(405, "method_not_allowed", {{"Allow", "GET, POST"}}, false)},
      {{ErrorCode::kConflict, "why"}, make(409, "conflict", {}, false)},
      {{ErrorCode::kPayloadTooLarge, "why"}, make(413, "payload_too_large", {}, true)},
      {{ErrorCode::kUnsupportedMediaType, "why"}, make(415, "unsupported_media_type", {}, false)},
      {{ErrorCode::kRateLimited, "why", 3}, make(429, "rate_limited", {{"Retry-After", "3"}}, false)},
      {{ErrorCode::kHeadersTooLarge, "why"}, make(431, "headers_too_large", {}, true)},
      {{ErrorCode::kInternal, "why"}, make(500, "internal", {}, false)},
      {{ErrorCode::kNotImplemented, "why"}, make(501, "not_implemented", {}, false)},
      {{ErrorCode::kQueueFull, "why", 30}, make(503, "queue_full", {{"Retry-After", "30"}}, false)},
      {{ErrorCode::kUnavailable, "why", 10}, make(503, "unavailable", {{"Retry-After", "10"}}, false)},
      {{ErrorCode::kTimeout, "why"}, make(504, "timeout", {}, false)},
  };
  for (const Case& c : cases) EXPECT_EQ(ErrorReply(c.error), c.expected) << ErrorCodeName(c.error.code);
}

// Messages are JSON-escaped, never pasted into the body.
TEST(ErrorReply, EscapesTheMessage) {
  EXPECT_EQ(ErrorReply({ErrorCode::kInvalidRequest, "a \"quoted\"\nline"}).body,
            R"({"error":{"code":"invalid_request","message":"a \"quoted\"\nline"}})");
}

// Library statuses keep their message and get the closest API code.
TEST(ErrorOf, TranslatesStatusCodes) {
  const std::pair<StatusCode, ErrorCode> cases[] = {
      {StatusCode::kInvalidArgument, ErrorCode::kInvalidRequest},
      {StatusCode::kNotFound, ErrorCode::kNotFound},
      {StatusCode::kPermissionDenied, ErrorCode::kForbidden},
      {StatusCode::kFailedPrecondition, ErrorCode::kConflict},
      {StatusCode::kResourceExhausted, ErrorCode::kQueueFull},
      {StatusCode::kUnavailable, ErrorCode::kUnavailable},
      {StatusCode::kDeadlineExceeded, ErrorCode::kTimeout},
      {StatusCode::kUnimplemented, ErrorCode::kNotImplemented},
      {StatusCode::kIoError, ErrorCode::kInternal},
      {StatusCode::kCorruption, ErrorCode::kInternal},
      {StatusCode::kInternal, ErrorCode::kInternal},
  };
  for (const auto& [status, api] : cases) {
    EXPECT_EQ(ErrorOf(Status(status, "m")), ApiError(api, "m")) << ErrorCodeName(api);
  }
}

}  // namespace
}  // namespace citecheck::server::internal
