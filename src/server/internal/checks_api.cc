// POST /v1/checks and the check resources: a draft becomes a queued job; the request
// waits a little for the report, then answers 202 with the URL to poll.
#include <algorithm>
#include <charconv>
#include <chrono>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>

#include "draft/draft.h"
#include "server/internal/api.h"

namespace citecheck::server::internal {
namespace {

namespace json = boost::json;
namespace http = boost::beast::http;
using common::Result;
using common::Status;

// Retry-After when the queue is full: about the time a few checks take.
constexpr int kQueueFullRetryS = 30;

struct CheckInput {
  std::string draft;
  JobOptions options;
};

// The media type of a Content-Type value, lower case, without parameters.
std::string MediaType(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Options given in the query (for a Markdown body): numbers are read as JSON values.
Result<JobOptions> QueryOptions(const std::map<std::string, std::string>& query) {
  json::object o;
  for (const auto& [key, value] : query) {
    if (key == "name") {
      o[key] = value;
      continue;
    }
    boost::system::error_code ec;
    json::value v = json::parse(value, ec);
    o[key] = ec ? json::value(value) : v;
  }
  return ParseJobOptions(o);
}

Result<CheckInput> JsonInput(std::string_view body) {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec) return Status::InvalidArgument("the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Status::InvalidArgument("the body must be a JSON object");
  const json::object& o = v.as_object();
  for (const auto& [key, value] : o) {
    if (key != "draft" && key != "options") {
      return Status::InvalidArgument("unknown member \"" + std::string(key) + "\" (draft, options)");
    }
  }
  const json::value* draft = o.if_contains("draft");
  if (draft == nullptr || !draft->is_string()) {
    return Status::InvalidArgument("\"draft\" must be the draft's Markdown, as a string");
  }
  CheckInput in;
  in.draft = std::string(draft->as_string());
  if (const json::value* options = o.if_contains("options")) {
    if (!options->is_object()) return Status::InvalidArgument("\"options\" must be an object");
    CC_ASSIGN_OR_RETURN(in.options, ParseJobOptions(options->as_object()));
  }
  return in;
}

std::optional<int64_t> ParseId(std::string_view text) {
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::string CheckPath(int64_t id) { return "/v1/checks/" + std::to_string(id); }

json::value Time(int64_t micros) {
  return micros > 0 ? json::value(common::FormatIso8601(micros)) : json::value(nullptr);
}

json::object JobJson(const store::JobRecord& job, std::optional<std::string_view> report_json) {
  const std::string self = CheckPath(job.id);
  json::object o{{"id", job.id},
                 {"status", job.state},
                 {"name", job.input_name},
                 {"created_at", Time(job.created_at_micros)},
                 {"started_at", Time(job.started_at_micros)},
                 {"finished_at", Time(job.finished_at_micros)},
                 {"attempts", job.attempts},
                 {"links", {{"self", self},
                            {"report_html", self + "/report.html"},
                            {"report_sarif", self + "/report.sarif"},
                            {"claimreview", self + "/claimreview"}}}};
  if (job.state == "failed") {
    o["error"] = {{"code", job.error_code}, {"message", job.error_message}};
  }
  if (report_json) {
    boost::system::error_code ec;
    json::value report = json::parse(*report_json, ec);
    if (!ec) o["report"] = std::move(report);
  }
  return o;
}

// The job, for its caller; a job of another token does not exist for this one.
Result<store::JobRecord> FindJob(store::Store& store, std::string_view id_text, const Caller& caller) {
  auto id = ParseId(id_text);
  const Status missing = Status::NotFound("no check with id " + std::string(id_text));
  if (!id) return missing;
  auto job = store.GetJob(*id);
  if (!job.ok()) return job.status().code() == common::StatusCode::kNotFound ? missing : job.status();
  if (!caller.name.empty() && job->owner != caller.name) return missing;
  return job;
}

// The job as a resource: 200 when it is finished; on creation, 202 with Location
// while it is queued or running.
Reply JobReply(ApiContext& ctx, std::string_view id, const Caller& caller, bool created) {
  auto store = ctx.stores.Acquire();
  if (!store.ok()) return ErrorReply(ErrorOf(store.status()));
  auto job = FindJob(**store, id, caller);
  if (!job.ok()) return ErrorReply(ErrorOf(job.status()));
  std::optional<std::string> report;
  if (job->state == "done") {
    auto output = (*store)->GetJobOutput(job->id, "json");
    if (!output.ok()) return ErrorReply(ErrorOf(output.status()));
    report = std::move(*output);
  }
  const bool finished = job->state == "done" || job->state == "failed";
  Reply r = JsonReply(JobJson(*job, report), created && !finished ? 202 : 200);
  if (created) r.headers.emplace_back("Location", CheckPath(job->id));
  return r;
}

// Answers once job `id` settles or `wait` passes, whichever comes first. The timer
// lives on the connection's strand; reading the store goes back to the workers.
void WaitThenReply(ApiContext& ctx, std::shared_ptr<Call> call, int64_t id,
                   std::chrono::milliseconds wait, Respond respond) {
  boost::asio::post(call->executor, [&ctx, call, id, wait, respond = std::move(respond)] {
    auto timer = std::make_shared<boost::asio::steady_timer>(call->executor, wait);
    timer->async_wait([&ctx, call, id, respond, timer](boost::system::error_code) {
      boost::asio::post(ctx.workers, [&ctx, call, id, respond] {
        respond(JobReply(ctx, std::to_string(id), call->caller, true));
      });
    });
    ctx.jobs.WhenSettled(id, [timer, executor = call->executor] {
      boost::asio::post(executor, [timer] { timer->cancel(); });
    });
  });
}

Result<CheckInput> ReadInput(const Call& call, bool* unsupported_type) {
  const std::string type = MediaType(call.request[http::field::content_type]);
  if (type == "application/json") return JsonInput(call.request.body());
  if (type.empty() || type == "text/markdown" || type == "text/x-markdown" || type == "text/plain") {
    CheckInput in;
    in.draft = call.request.body();
    CC_ASSIGN_OR_RETURN(in.options, QueryOptions(call.match.query));
    return in;
  }
  *unsupported_type = true;
  return Status::InvalidArgument("send the draft as text/markdown, or as application/json "
                                 "{\"draft\": ..., \"options\": {...}}, not " + type);
}

}  // namespace

void CreateCheck(ApiContext& ctx, std::shared_ptr<Call> call, Respond respond) {
  bool unsupported = false;
  Result<CheckInput> input = ReadInput(*call, &unsupported);
  if (!input.ok()) {
    return respond(ErrorReply({unsupported ? ErrorCode::kUnsupportedMediaType : ErrorCode::kInvalidRequest,
                               input.status().message(), 0, ""}));
  }
  // Parsing first keeps malformed drafts out of the queue, with their file:line error.
  auto draft = draft::ParseDraft(input->options.name, input->draft);
  if (!draft.ok()) return respond(ErrorReply({ErrorCode::kInvalidRequest, draft.status().message(), 0, ""}));
  store::JobRecord job;
  job.input_name = input->options.name;
  job.input = std::move(input->draft);
  job.options_json = JobOptionsJson(input->options);
  job.owner = call->caller.name;
  job.created_at_micros = ctx.clock.NowMicros();
  auto id = ctx.jobs.Submit(std::move(job));
  if (!id.ok()) {
    ApiError e = ErrorOf(id.status());
    if (e.code == ErrorCode::kQueueFull) e.retry_after_s = kQueueFullRetryS;
    if (e.code == ErrorCode::kUnavailable) e.retry_after_s = kQueueFullRetryS;
    return respond(ErrorReply(e));
  }
  ctx.logger.Info("job " + std::to_string(*id) + ": queued " + input->options.name +
                  (call->caller.name.empty() ? "" : " for " + call->caller.name));
  const int wait = std::min(input->options.wait_ms.value_or(ctx.config.server.check_wait_ms),
                            ctx.config.server.check_wait_ms);
  if (wait <= 0) return respond(JobReply(ctx, std::to_string(*id), call->caller, true));
  WaitThenReply(ctx, call, *id, std::chrono::milliseconds(wait), std::move(respond));
}

Reply GetCheck(ApiContext& ctx, const Call& call) {
  return JobReply(ctx, call.match.params.at(0), call.caller, false);
}

Reply GetCheckOutput(ApiContext& ctx, const Call& call) {
  auto store = ctx.stores.Acquire();
  if (!store.ok()) return ErrorReply(ErrorOf(store.status()));
  auto job = FindJob(**store, call.match.params.at(0), call.caller);
  if (!job.ok()) return ErrorReply(ErrorOf(job.status()));
  if (job->state != "done") {
    return ErrorReply({ErrorCode::kConflict,
                       "check " + std::to_string(job->id) + " is " + job->state + ", it has no report", 0, ""});
  }
  const RouteId route = call.match.route->id;
  const std::string format = route == RouteId::kCheckHtml    ? "html"
                             : route == RouteId::kCheckSarif ? "sarif"
                                                             : "claimreview";
  auto output = (*store)->GetJobOutput(job->id, format);
  if (!output.ok()) return ErrorReply(ErrorOf(output.status()));
  if (!output->has_value()) {
    return ErrorReply({ErrorCode::kNotFound, "check " + std::to_string(job->id) + " has no " + format + " report", 0, ""});
  }
  Reply r;
  r.body = std::move(**output);
  if (format == "html") r.content_type = "text/html; charset=utf-8";
  if (format == "sarif") r.content_type = "application/sarif+json";
  if (format == "claimreview") r.content_type = "application/ld+json";
  if (route != RouteId::kClaimReview) return r;
  // One claim's review: the graph's node with that identifier, in its own document.
  const std::string& claim = call.match.params.at(1);
  boost::system::error_code ec;
  json::value graph = json::parse(r.body, ec);
  if (!ec && graph.is_object()) {
    if (const json::array* nodes = graph.as_object().if_contains("@graph") ? graph.as_object()["@graph"].if_array() : nullptr) {
      for (const json::value& node : *nodes) {
        const json::value* ident = node.is_object() ? node.as_object().if_contains("identifier") : nullptr;
        if (ident == nullptr || !ident->is_string() || ident->as_string() != claim) continue;
        json::object one{{"@context", "https://schema.org"}};
        for (const auto& [k, v] : node.as_object()) one[k] = v;
        r.body = json::serialize(one);
        return r;
      }
    }
  }
  return ErrorReply({ErrorCode::kNotFound, "check " + std::to_string(job->id) + " has no claim " + claim, 0, ""});
}

}  // namespace citecheck::server::internal
