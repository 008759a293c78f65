// Audits asked for through the API (POST /v1/audits), run on the worker pool.
//
// An audit is long (every cited URL is fetched again, politely), so one runs at a time:
// the runner starts the store's run first -- so the request learns the run's id, and a
// run of the same scope and shard left unfinished by a crash is resumed under its
// own id -- then hands service::AuditService::Run to a worker thread. Results are
// committed by the service as they arrive; the run becomes "done" in the store when
// the service finishes it.
//
//   CC_ASSIGN_OR_RETURN(int64_t id, runner.Start(std::move(input), shard));
//   runner.WhenSettled(id, [] { /* answer the request */ });
//
// A run interrupted by a stop stays "running" in the store and is finished by the
// next POST of the same scope and shard.
//
// Thread-safety: every method may be called from any thread.
#ifndef CITECHECK_SERVER_INTERNAL_AUDITS_H_
#define CITECHECK_SERVER_INTERNAL_AUDITS_H_

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include <boost/asio/thread_pool.hpp>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"
#include "server/internal/store_pool.h"
#include "service/service.h"

namespace citecheck::server::internal {

class AuditRunner {
 public:
  // `data_dir` holds citecheck.db and warc/. Every reference must outlive the runner,
  // and `workers` must be joined before the runner is destroyed.
  AuditRunner(const common::Config& config, std::filesystem::path data_dir, StorePool& stores,
              boost::asio::thread_pool& workers, const common::Clock& clock,
              common::Logger& logger);
  AuditRunner(const AuditRunner&) = delete;
  AuditRunner& operator=(const AuditRunner&) = delete;

  // Starts (or resumes) the run of `input`'s scope in `shard` and audits it on the
  // worker pool; returns the run's id. Errors: kFailedPrecondition naming the running
  // audit when one runs already; kUnavailable once stopping; the store's.
  common::Result<int64_t> Start(service::AuditInput input, service::AuditShard shard);

  // Calls `settled` once, from any thread, when run `id` (started here) ends or the
  // runner stops; at once when it is not running here.
  void WhenSettled(int64_t id, std::function<void()> settled);

  // True while run `id` is being audited by this process.
  bool Running(int64_t id) const;
  // The error that ended run `id` in this process; nullopt when none did.
  std::optional<common::Status> Failure(int64_t id) const;

  // No audit starts after this; waiting requests are released. Idempotent.
  void BeginStop();

 private:
  void Run(int64_t id, const service::AuditInput& input, const service::AuditShard& shard);
  common::Status Audit(const service::AuditInput& input, const service::AuditShard& shard);
  void Settle(int64_t id, common::Status result);

  const common::Config& config_;
  const std::filesystem::path data_dir_;
  StorePool& stores_;
  boost::asio::thread_pool& workers_;
  const common::Clock& clock_;
  common::Logger& logger_;

  mutable std::mutex mu_;
  bool stopping_ = false;                           // guarded by mu_
  std::optional<int64_t> running_;                  // guarded by mu_
  std::vector<std::function<void()>> waiters_;      // guarded by mu_; of running_
  std::map<int64_t, common::Status> failures_;      // guarded by mu_
};

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_AUDITS_H_
