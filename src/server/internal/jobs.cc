#include "server/internal/jobs.h"

#include <boost/json.hpp>

#include "draft/draft.h"
#include "index/index.h"
#include "server/internal/sources.h"
#include "service/service.h"

namespace citecheck::server::internal {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

Status BadOption(std::string_view key, std::string_view why) {
  return Status::InvalidArgument("options." + std::string(key) + ": " + std::string(why));
}

// The report in every format a job keeps.
std::vector<store::JobOutput> Render(const report::CheckReport& r) {
  return {{"json", report::RenderJson(r)},
          {"html", report::RenderHtml(r)},
          {"sarif", report::RenderSarif(r)},
          {"claimreview", report::RenderClaimReview(r)}};
}

}  // namespace

Result<JobOptions> ParseJobOptions(const json::object& options) {
  JobOptions out;
  for (const auto& [key, value] : options) {
    if (key == "name") {
      if (!value.is_string() || value.as_string().empty() || value.as_string().size() > 200) {
        return BadOption(key, "expected a non-empty string of at most 200 bytes");
      }
      out.name = std::string(value.as_string());
    } else if (key == "min_integrity") {
      if (!value.is_number()) return BadOption(key, "expected a number");
      const double v = value.to_number<double>();
      if (v < 0 || v > 1) return BadOption(key, "expected a number from 0 to 1");
      out.min_integrity = v;
    } else if (key == "wait_ms") {
      if (!value.is_int64() || value.as_int64() < 0 || value.as_int64() > kMaxWaitMs) {
        return BadOption(key, "expected an integer from 0 to " + std::to_string(kMaxWaitMs));
      }
      out.wait_ms = static_cast<int>(value.as_int64());
    } else {
      return BadOption(key, "unknown option (name, min_integrity, wait_ms)");
    }
  }
  return out;
}

std::string JobOptionsJson(const JobOptions& o) {
  json::object out{{"name", o.name}};
  if (o.min_integrity) out["min_integrity"] = *o.min_integrity;
  if (o.wait_ms) out["wait_ms"] = *o.wait_ms;
  return json::serialize(out);
}

JobRunner::JobRunner(const common::Config& config, std::filesystem::path warc_dir,
                     StorePool& stores, Metrics& metrics, const common::Clock& clock,
                     common::Logger& logger)
    : config_(config), warc_dir_(std::move(warc_dir)), stores_(stores), metrics_(metrics),
      clock_(clock), logger_(logger) {}

JobRunner::~JobRunner() {
  BeginStop();
  Join();
}

Status JobRunner::Start() {
  CC_ASSIGN_OR_RETURN(StorePool::Lease store, stores_.Acquire());
  CC_ASSIGN_OR_RETURN(const int64_t requeued,
                      store->RequeueRunningJobs(kMaxJobAttempts, clock_.NowMicros()));
  if (requeued > 0) logger_.Info("jobs: " + std::to_string(requeued) + " interrupted checks queued again");
  CC_ASSIGN_OR_RETURN(const int64_t queued, store->CountJobs("queued"));
  {
    std::lock_guard<std::mutex> lock(mu_);
    queued_ = queued;
  }
  for (int i = 0; i < config_.server.check_workers; ++i) threads_.emplace_back([this] { Loop(); });
  return Status::Ok();
}

Result<int64_t> JobRunner::Submit(store::JobRecord job) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return Status::Unavailable("the server is shutting down");
  }
  CC_ASSIGN_OR_RETURN(StorePool::Lease store, stores_.Acquire());
  CC_ASSIGN_OR_RETURN(const int64_t id, store->AddJob(job, config_.server.max_queued_checks));
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++queued_;
    // Once stopping, nobody is released later: WhenSettled answers at once instead.
    if (!stopping_) waiters_[id];
  }
  wake_.notify_one();
  return id;
}

void JobRunner::WhenSettled(int64_t id, std::function<void()> settled) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = waiters_.find(id);
    if (it != waiters_.end()) {
      it->second.push_back(std::move(settled));
      return;
    }
  }
  settled();
}

void JobRunner::Settle(int64_t id) {
  std::vector<std::function<void()>> waiting;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = waiters_.find(id);
    if (it == waiters_.end()) return;
    waiting = std::move(it->second);
    waiters_.erase(it);
  }
  for (auto& w : waiting) w();
}

void JobRunner::BeginStop() {
  std::map<int64_t, std::vector<std::function<void()>>> waiting;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    waiting.swap(waiters_);
  }
  wake_.notify_all();
  for (auto& [id, callbacks] : waiting) {
    for (auto& c : callbacks) c();
  }
}

bool JobRunner::WaitIdle(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  return idle_.wait_until(lock, deadline, [this] { return running_ == 0; });
}

void JobRunner::Join() {
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

int64_t JobRunner::queued() const {
  std::lock_guard<std::mutex> lock(mu_);
  return queued_;
}

int JobRunner::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

void JobRunner::Loop() {
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || queued_ > 0; });
      if (stopping_) return;
      --queued_;
      ++running_;
    }
    auto store = stores_.Acquire();
    if (store.ok()) {
      RunNext(**store);
    } else {
      logger_.Error("jobs: " + store.status().message());
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      --running_;
    }
    idle_.notify_all();
  }
}

void JobRunner::RunNext(store::Store& store) {
  auto job = store.StartNextJob(clock_.NowMicros());
  if (!job.ok()) return logger_.Error("jobs: " + job.status().message());
  if (!job->has_value()) return;
  const store::JobRecord& j = **job;
  logger_.Info("job " + std::to_string(j.id) + ": checking " + j.input_name);
  Result<report::CheckReport> report = Check(j, store);
  std::vector<store::JobOutput> outputs;
  if (report.ok()) {
    outputs = Render(*report);
    for (const report::SourceReport& s : report->sources) metrics_.CountFetch(s.fetch.outcome);
  } else {
    logger_.Error("job " + std::to_string(j.id) + ": " + report.status().ToString());
  }
  const std::string state = report.ok() ? "done" : "failed";
  Status finished = store.FinishJob(j.id, state, report.status(), outputs, clock_.NowMicros());
  if (!finished.ok()) logger_.Error("job " + std::to_string(j.id) + ": " + finished.message());
  metrics_.CountCheckFinished(state);
  Settle(j.id);
}

Result<report::CheckReport> JobRunner::Check(const store::JobRecord& job, store::Store& store) {
  CC_ASSIGN_OR_RETURN(draft::Draft draft, draft::ParseDraft(job.input_name, job.input));
  common::Config config = config_;
  boost::system::error_code ec;
  json::value options = json::parse(job.options_json, ec);
  if (!ec && options.is_object()) {
    auto parsed = ParseJobOptions(options.as_object());
    if (parsed.ok() && parsed->min_integrity) config.check.min_integrity = *parsed->min_integrity;
  }
  std::unique_ptr<crawler::WarcWriter> warc;
  if (config.crawler.archive) {
    const auto path = ArchivePath(warc_dir_, clock_.NowMicros(), "job" + std::to_string(job.id));
    CC_ASSIGN_OR_RETURN(warc, crawler::WarcWriter::Create(path, clock_));
  }
  CC_ASSIGN_OR_RETURN(std::unique_ptr<crawler::CurlFetcher> fetcher,
                      crawler::CurlFetcher::Create(config.crawler, clock_, warc.get(), &logger_));
  CC_ASSIGN_OR_RETURN(std::unique_ptr<index::Index> index, index::Index::InMemory());
  service::CheckService checks(config, *fetcher, store, *index, clock_, logger_);
  Result<report::CheckReport> report = checks.Check(draft);
  if (warc) {
    Status closed = warc->Close();
    if (!closed.ok()) logger_.Warning("job " + std::to_string(job.id) + ": archive: " + closed.message());
  }
  return report;
}

}  // namespace citecheck::server::internal
