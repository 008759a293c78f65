#include "server/internal/api.h"

#include <boost/asio/post.hpp>
#include <boost/json.hpp>

namespace citecheck::server::internal {
namespace {

namespace json = boost::json;
namespace http = boost::beast::http;

// Route label for requests that match no route: raw paths would make the number of
// metric series unbounded.
constexpr std::string_view kOtherRoute = "other";

// Retry-After for a 503 while shutting down: long enough for a restart.
constexpr int kRestartRetryS = 10;

}  // namespace

void Api::Handle(Request request, const std::string& peer, boost::asio::any_io_executor executor,
                 Respond respond) {
  const int64_t start = ctx_.clock.MonotonicMicros();
  RouteMatch match = MatchRoute(request.method_string(), request.target());
  const std::string_view label = match.route ? match.route->pattern : kOtherRoute;
  ++in_flight_;
  Respond done = [this, label, start, respond = std::move(respond)](Reply reply) {
    const double seconds = static_cast<double>(ctx_.clock.MonotonicMicros() - start) / 1e6;
    ctx_.metrics.ObserveRequest(label, reply.status, seconds);
    --in_flight_;
    respond(std::move(reply));
  };
  if (match.bad_target) {
    return done(ErrorReply({ErrorCode::kInvalidRequest, "the request target is not a valid path"}));
  }
  if (match.route == nullptr) {
    if (match.path_known) {
      return done(ErrorReply({ErrorCode::kMethodNotAllowed,
                              std::string(request.method_string()) + " is not allowed here", 0,
                              match.allow}));
    }
    return done(ErrorReply({ErrorCode::kNotFound, "no such path: " + std::string(request.target())}));
  }
  const Route& route = *match.route;
  Caller caller;
  if (auto refused = Admit(route, request, peer, caller)) return done(ErrorReply(*refused));
  if (route.inline_ok) return done(Inline(route.id));
  auto call = std::make_shared<Call>(
      Call{std::move(request), std::move(match), std::move(caller), std::move(executor)});
  boost::asio::post(ctx_.workers, [this, call = std::move(call), done = std::move(done)]() mutable {
    Pooled(std::move(call), std::move(done));
  });
}

std::optional<ApiError> Api::Admit(const Route& route, const Request& request,
                                   const std::string& peer, Caller& caller) {
  if (route.access == Access::kPublic) return std::nullopt;
  if (draining_) {
    return ApiError{ErrorCode::kUnavailable, "the server is shutting down", kRestartRetryS, ""};
  }
  if (ctx_.tokens.enabled()) {
    auto header = request.find(http::field::authorization);
    if (header == request.end()) {
      return ApiError{ErrorCode::kUnauthenticated, "a bearer token is required", 0, ""};
    }
    auto known = ctx_.tokens.Authenticate(header->value());
    if (!known) return ApiError{ErrorCode::kUnauthenticated, "unknown bearer token", 0, ""};
    caller = *known;
    if (route.access == Access::kWrite && caller.read_only) {
      return ApiError{ErrorCode::kForbidden, "token \"" + caller.name + "\" may only read", 0, ""};
    }
  }
  // Without tokens, each client address gets its own bucket.
  const std::string key = caller.name.empty() ? "address " + peer : "token " + caller.name;
  if (int wait = ctx_.limiter.Take(key, ctx_.clock.MonotonicMicros()); wait > 0) {
    return ApiError{ErrorCode::kRateLimited, "rate limit exceeded; retry in " + std::to_string(wait) + " s",
                    wait, ""};
  }
  return std::nullopt;
}

Reply Api::Inline(RouteId id) {
  switch (id) {
    case RouteId::kHealthz:
      return JsonReply(json::object{{"status", "ok"}});
    case RouteId::kReadyz:
      if (draining_) {
        return ErrorReply({ErrorCode::kUnavailable, "shutting down", kRestartRetryS, ""});
      }
      return JsonReply(json::object{{"status", "ready"}, {"queued_checks", ctx_.jobs.queued()}});
    case RouteId::kMetrics: {
      Reply r;
      r.content_type = "text/plain; version=0.0.4; charset=utf-8";
      r.body = ctx_.metrics.Render({
          {"citecheck_check_queue_depth", "Checks waiting to run.",
           static_cast<double>(ctx_.jobs.queued())},
          {"citecheck_checks_running", "Checks running now.",
           static_cast<double>(ctx_.jobs.running())},
          {"citecheck_source_cache_entries", "Sources in the indexed-source cache.",
           static_cast<double>(ctx_.sources.size())},
          {"citecheck_http_requests_in_flight", "Requests being answered.",
           static_cast<double>(in_flight_.load())},
      });
      return r;
    }
    case RouteId::kOpenApi: {
      Reply r;
      r.body = std::string(OpenApiDocument());
      return r;
    }
    default:
      return ErrorReply({ErrorCode::kInternal, "route has no inline handler", 0, ""});
  }
}

void Api::Pooled(std::shared_ptr<Call> call, Respond respond) {
  switch (call->match.route->id) {
    case RouteId::kCreateCheck: return CreateCheck(ctx_, std::move(call), std::move(respond));
    case RouteId::kGetCheck: return respond(GetCheck(ctx_, *call));
    case RouteId::kCheckHtml:
    case RouteId::kCheckSarif:
    case RouteId::kCheckClaimReview:
    case RouteId::kClaimReview: return respond(GetCheckOutput(ctx_, *call));
    case RouteId::kVerifyClaim: return respond(VerifyClaim(ctx_, *call));
    case RouteId::kGetSource: return respond(GetSource(ctx_, *call));
    case RouteId::kCreateAudit: return CreateAudit(ctx_, std::move(call), std::move(respond));
    case RouteId::kGetAudit: return respond(GetAudit(ctx_, *call));
    default: return respond(ErrorReply({ErrorCode::kInternal, "route has no handler", 0, ""}));
  }
}

}  // namespace citecheck::server::internal
