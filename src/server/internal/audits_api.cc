// POST /v1/audits and GET /v1/audits/{id}: an audit of URLs and/or the published-article
// registry becomes a run on the worker pool; the request waits a little for the report,
// then answers 202 with the URL to poll.
#include <algorithm>
#include <charconv>
#include <chrono>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

#include "common/hash.h"
#include "server/internal/api.h"

namespace citecheck::server::internal {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

// Retry-After for a 503 while shutting down: long enough for a restart.
constexpr int kStoppingRetryS = 10;

struct AuditRequest {
  std::vector<std::string> urls;
  bool registry = false;
  service::AuditShard shard;
  std::optional<int> wait_ms;
};

Status Bad(std::string_view why) { return Status::InvalidArgument(std::string(why)); }

Result<std::vector<std::string>> ReadUrls(const json::value& v) {
  if (!v.is_array() || v.as_array().empty()) return Bad("\"urls\" must be a non-empty array of URLs");
  std::vector<std::string> urls;
  for (const json::value& u : v.as_array()) {
    if (!u.is_string()) return Bad("\"urls\" must contain strings");
    const std::string url(u.as_string());
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || (parsed->scheme() != "http" && parsed->scheme() != "https") ||
        parsed->host().empty()) {
      return Bad("not an http(s) URL: \"" + url + "\"");
    }
    urls.push_back(url);
  }
  return urls;
}

Result<AuditRequest> ParseRequest(std::string_view body) {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec) return Bad("the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Bad("the body must be a JSON object");
  AuditRequest r;
  for (const auto& [key, value] : v.as_object()) {
    if (key == "urls") {
      CC_ASSIGN_OR_RETURN(r.urls, ReadUrls(value));
    } else if (key == "articles") {
      if (!value.is_string() || value.as_string() != "registry") {
        return Bad("\"articles\" must be \"registry\" (the published articles)");
      }
      r.registry = true;
    } else if (key == "shard") {
      if (!value.is_string()) return Bad("\"shard\" must be a string \"I/N\"");
      CC_ASSIGN_OR_RETURN(r.shard, service::ParseShard(value.as_string()));
    } else if (key == "wait_ms") {
      if (!value.is_int64() || value.as_int64() < 0 || value.as_int64() > kMaxWaitMs) {
        return Bad("\"wait_ms\" must be an integer from 0 to " + std::to_string(kMaxWaitMs));
      }
      r.wait_ms = static_cast<int>(value.as_int64());
    } else {
      return Bad("unknown member \"" + std::string(key) + "\" (urls, articles, shard, wait_ms)");
    }
  }
  if (r.urls.empty() && !r.registry) return Bad("give \"urls\", \"articles\": \"registry\", or both");
  return r;
}

// The audit's input. A list of URLs is a scope of its own, named by a hash of the set,
// so that auditing the same list again compares with the run before.
Result<service::AuditInput> InputOf(ApiContext& ctx, AuditRequest& r) {
  service::AuditInput input;
  if (r.registry) {
    CC_ASSIGN_OR_RETURN(StorePool::Lease store, ctx.stores.Acquire());
    CC_ASSIGN_OR_RETURN(input, service::RegistryAuditInput(*store));
  }
  if (!r.urls.empty()) {
    std::sort(r.urls.begin(), r.urls.end());
    r.urls.erase(std::unique(r.urls.begin(), r.urls.end()), r.urls.end());
    std::string joined;
    for (const std::string& u : r.urls) joined += u + "\n";
    const std::string scope = "urls:" + common::Sha256Hex(joined).substr(0, 16);
    input.scope = input.scope.empty() ? scope : input.scope + "+" + scope;
    input.urls = std::move(r.urls);
  }
  return input;
}

std::optional<int64_t> ParseId(std::string_view text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::string AuditPath(int64_t id) { return "/v1/audits/" + std::to_string(id); }

json::value Time(int64_t micros) {
  return micros > 0 ? json::value(common::FormatIso8601(micros)) : json::value(nullptr);
}

// The report `citecheck audit --format json` writes, rebuilt from the store.
Result<json::value> ReportOf(const store::Store& store, const store::AuditRunRecord& run) {
  service::AuditReport report;
  report.run = run;
  CC_ASSIGN_OR_RETURN(report.previous, store.PreviousAuditRun(run.scope, run.shard, run.id));
  CC_ASSIGN_OR_RETURN(report.urls, store.AuditUrls(run.id));
  CC_ASSIGN_OR_RETURN(report.claims, store.AuditClaims(run.id));
  boost::system::error_code ec;
  json::value v = json::parse(service::RenderAuditJson(report), ec);
  if (ec) return Status::Internal("audit report is not JSON: " + ec.message());
  return v;
}

// The run as a resource: "running" while this process audits it, "interrupted" when
// it is unfinished and nobody does (the next POST of its scope resumes it), "failed"
// with the error, or "done" with its report.
Result<json::object> AuditJson(ApiContext& ctx, const store::Store& store,
                               const store::AuditRunRecord& run) {
  json::object o{{"id", run.id},
                 {"scope", run.scope},
                 {"shard", run.shard},
                 {"started_at", Time(run.started_at_micros)},
                 {"finished_at", Time(run.finished_at_micros)},
                 {"links", {{"self", AuditPath(run.id)}}}};
  if (run.state == "done") {
    o["status"] = "done";
    CC_ASSIGN_OR_RETURN(o["report"], ReportOf(store, run));
  } else if (ctx.audits.Running(run.id)) {
    o["status"] = "running";
  } else if (std::optional<Status> failure = ctx.audits.Failure(run.id)) {
    o["status"] = "failed";
    o["error"] = {{"code", ErrorCodeName(ErrorOf(*failure).code)}, {"message", failure->message()}};
  } else {
    o["status"] = "interrupted";
  }
  return o;
}

// 200 when the run is over; on creation, 202 with Location while it runs.
Reply AuditReply(ApiContext& ctx, std::string_view id_text, bool created) {
  const auto id = ParseId(id_text);
  const ApiError missing{ErrorCode::kNotFound, "no audit with id " + std::string(id_text)};
  if (!id) return ErrorReply(missing);
  auto store = ctx.stores.Acquire();
  if (!store.ok()) return ErrorReply(ErrorOf(store.status()));
  auto run = (*store)->GetAuditRun(*id);
  if (!run.ok()) {
    return ErrorReply(run.status().code() == common::StatusCode::kNotFound ? missing
                                                                           : ErrorOf(run.status()));
  }
  auto body = AuditJson(ctx, **store, *run);
  if (!body.ok()) return ErrorReply(ErrorOf(body.status()));
  const bool running = body->at("status").as_string() == "running";
  Reply r = JsonReply(*body, created && running ? 202 : 200);
  if (created) r.headers.emplace_back("Location", AuditPath(*id));
  return r;
}

// Answers once run `id` settles or `wait` passes. The timer lives on the connection's
// strand; reading the store goes back to the workers.
void WaitThenReply(ApiContext& ctx, std::shared_ptr<Call> call, int64_t id,
                   std::chrono::milliseconds wait, Respond respond) {
  boost::asio::post(call->executor, [&ctx, call, id, wait, respond = std::move(respond)] {
    auto timer = std::make_shared<boost::asio::steady_timer>(call->executor, wait);
    timer->async_wait([&ctx, id, respond, timer](boost::system::error_code) {
      boost::asio::post(ctx.workers, [&ctx, id, respond] {
        respond(AuditReply(ctx, std::to_string(id), true));
      });
    });
    ctx.audits.WhenSettled(id, [timer, executor = call->executor] {
      boost::asio::post(executor, [timer] { timer->cancel(); });
    });
  });
}

}  // namespace

void CreateAudit(ApiContext& ctx, std::shared_ptr<Call> call, Respond respond) {
  Result<AuditRequest> request = ParseRequest(call->request.body());
  if (!request.ok()) return respond(ErrorReply({ErrorCode::kInvalidRequest, request.status().message()}));
  Result<service::AuditInput> input = InputOf(ctx, *request);
  if (!input.ok()) return respond(ErrorReply(ErrorOf(input.status())));
  auto id = ctx.audits.Start(std::move(*input), request->shard);
  if (!id.ok()) {
    ApiError e = ErrorOf(id.status());  // 409 while another audit runs
    if (e.code == ErrorCode::kUnavailable) e.retry_after_s = kStoppingRetryS;
    return respond(ErrorReply(e));
  }
  const int wait = std::min(request->wait_ms.value_or(ctx.config.server.check_wait_ms),
                            ctx.config.server.check_wait_ms);
  if (wait <= 0) return respond(AuditReply(ctx, std::to_string(*id), true));
  WaitThenReply(ctx, call, *id, std::chrono::milliseconds(wait), std::move(respond));
}

Reply GetAudit(ApiContext& ctx, const Call& call) {
  return AuditReply(ctx, call.match.params.at(0), false);
}

}  // namespace citecheck::server::internal
