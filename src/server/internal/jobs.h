// Checks of drafts sent to the API, run in the background.
//
// A submitted draft becomes a job in the store (so that a stop loses nothing), and a
// few job threads run the queue: each job gets its own fetcher (archiving under the
// data directory's warc/), its own in-memory index (so checks run side by side
// without sharing Xapian's single writer), and service::CheckService, which records
// the check in the store. The job keeps its report rendered as JSON, HTML, SARIF and
// ClaimReview JSON-LD.
//
// Stopping lets running checks finish; queued jobs stay queued in the store, and a
// job that was running when the process died is queued again at the next start.
//
// Thread-safety: every method may be called from any thread.
#ifndef CITECHECK_SERVER_INTERNAL_JOBS_H_
#define CITECHECK_SERVER_INTERNAL_JOBS_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/object.hpp>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"
#include "report/report.h"
#include "server/internal/metrics.h"
#include "server/internal/store_pool.h"
#include "store/store.h"

namespace citecheck::server::internal {

// A job started this many times without finishing is failed instead of retried.
inline constexpr int kMaxJobAttempts = 3;

// The longest a request (a check or an audit) may ask to wait for its report, whatever
// the setting.
inline constexpr int64_t kMaxWaitMs = 600000;

// Per-job settings sent with the draft (JSON "options").
struct JobOptions {
  std::string name = "draft.md";          // the draft's name in messages
  std::optional<double> min_integrity;    // check.min_integrity for this draft
  std::optional<int> wait_ms;             // how long the request waits for the report
  bool operator==(const JobOptions&) const = default;
};

// Parses the "options" object. Errors (kInvalidArgument): unknown member, wrong type,
// value out of range.
common::Result<JobOptions> ParseJobOptions(const boost::json::object& options);
std::string JobOptionsJson(const JobOptions& options);

class JobRunner {
 public:
  // Every reference must outlive the runner.
  JobRunner(const common::Config& config, std::filesystem::path warc_dir, StorePool& stores,
            Metrics& metrics, const common::Clock& clock, common::Logger& logger);
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;
  // Stops and joins the threads (waiting for running checks).
  ~JobRunner();

  // Queues again the jobs a previous process left running, then starts
  // server.check_workers threads. Errors: those of the store.
  common::Status Start();

  // Stores a queued job; returns its id. kResourceExhausted when
  // server.max_queued_checks jobs are waiting; kUnavailable once stopping.
  common::Result<int64_t> Submit(store::JobRecord job);

  // Calls `settled` once, from any thread, when job `id` (submitted to this runner)
  // finishes or the runner stops; at once when the job is not pending here.
  void WhenSettled(int64_t id, std::function<void()> settled);

  // No job starts after this; waiting requests are released. Idempotent.
  void BeginStop();
  // Waits until no check runs, or `deadline`. True when none runs.
  bool WaitIdle(std::chrono::steady_clock::time_point deadline);
  // REQUIRES: BeginStop() was called. Joins the threads.
  void Join();

  int64_t queued() const;
  int running() const;

 private:
  void Loop();
  void RunNext(store::Store& store);
  common::Result<report::CheckReport> Check(const store::JobRecord& job, store::Store& store);
  void Settle(int64_t id);

  const common::Config& config_;
  const std::filesystem::path warc_dir_;
  StorePool& stores_;
  Metrics& metrics_;
  const common::Clock& clock_;
  common::Logger& logger_;

  mutable std::mutex mu_;
  std::condition_variable wake_;   // a job was queued, or stopping
  std::condition_variable idle_;   // a check ended
  bool stopping_ = false;          // guarded by mu_
  int64_t queued_ = 0;             // guarded by mu_; jobs queued, as far as this process knows
  int running_ = 0;                // guarded by mu_
  // Jobs submitted here and not settled, with the callbacks waiting for them.
  std::map<int64_t, std::vector<std::function<void()>>> waiters_;  // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_JOBS_H_
