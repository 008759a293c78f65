#include "server/internal/audits.h"

#include <boost/asio/post.hpp>

#include "crawler/crawler.h"
#include "index/index.h"
#include "server/internal/sources.h"

namespace citecheck::server::internal {

using common::Result;
using common::Status;

AuditRunner::AuditRunner(const common::Config& config, std::filesystem::path data_dir,
                         StorePool& stores, boost::asio::thread_pool& workers,
                         const common::Clock& clock, common::Logger& logger)
    : config_(config), data_dir_(std::move(data_dir)), stores_(stores), workers_(workers),
      clock_(clock), logger_(logger) {}

Result<int64_t> AuditRunner::Start(service::AuditInput input, service::AuditShard shard) {
  std::lock_guard<std::mutex> lock(mu_);
  if (stopping_) return Status::Unavailable("the server is shutting down");
  if (running_) {
    return Status::FailedPrecondition("audit " + std::to_string(*running_) +
                                      " is running; one audit runs at a time");
  }
  CC_ASSIGN_OR_RETURN(StorePool::Lease store, stores_.Acquire());
  // The service resumes this same running run, so its id is the one reported here.
  CC_ASSIGN_OR_RETURN(store::AuditRunRecord run,
                      store->StartOrResumeAuditRun(input.scope, shard.spec(), clock_.NowMicros()));
  running_ = run.id;
  boost::asio::post(workers_, [this, id = run.id, input = std::move(input), shard] {
    Run(id, input, shard);
  });
  return run.id;
}

void AuditRunner::Run(int64_t id, const service::AuditInput& input,
                      const service::AuditShard& shard) {
  logger_.Info("audit " + std::to_string(id) + ": " + input.scope + " started");
  Status result = Audit(input, shard);
  if (!result.ok()) logger_.Warning("audit " + std::to_string(id) + ": " + result.message());
  Settle(id, std::move(result));
}

// What the CLI's `citecheck audit` builds, on the server's data directory.
Status AuditRunner::Audit(const service::AuditInput& input, const service::AuditShard& shard) {
  CC_ASSIGN_OR_RETURN(StorePool::Lease store, stores_.Acquire());
  CC_ASSIGN_OR_RETURN(std::unique_ptr<index::Index> index, index::Index::InMemory());
  const common::CrawlerConfig& crawl = config_.crawler;
  std::unique_ptr<crawler::WarcWriter> warc;
  if (crawl.archive) {
    CC_ASSIGN_OR_RETURN(warc, crawler::WarcWriter::Create(
                                  ArchivePath(data_dir_ / "warc", clock_.NowMicros(), "audit"),
                                  clock_, {crawl.warc_max_bytes, crawl.warc_compression_level}));
  }
  crawler::StoreResponseCache cache(*store);
  CC_ASSIGN_OR_RETURN(std::unique_ptr<crawler::CurlFetcher> mementos,
                      crawler::CurlFetcher::Create(crawl, clock_, nullptr, &logger_));
  auto factory = [&](crawler::ResultListener* listener)
      -> Result<std::unique_ptr<crawler::Fetcher>> {
    crawler::CurlFetcherOptions options;
    options.archive = warc.get();
    options.logger = &logger_;
    options.cache = &cache;
    options.results = listener;
    // The listener records each body as it arrives; holding them all is not needed.
    options.return_bodies = listener == nullptr;
    CC_ASSIGN_OR_RETURN(auto fetcher, crawler::CurlFetcher::Create(crawl, clock_, options));
    return std::unique_ptr<crawler::Fetcher>(std::move(fetcher));
  };
  service::AuditService audit(config_, factory, data_dir_ / "citecheck.db", *store, *index, clock_,
                              logger_, mementos.get());
  Result<service::AuditReport> report = audit.Run(input, shard);
  if (warc) {
    Status closed = warc->Close();
    if (!closed.ok()) logger_.Warning("audit archive: " + closed.message());
  }
  return report.status();
}

void AuditRunner::Settle(int64_t id, Status result) {
  std::vector<std::function<void()>> waiters;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!result.ok()) failures_[id] = std::move(result);
    running_.reset();
    waiters.swap(waiters_);
  }
  for (auto& w : waiters) w();
}

void AuditRunner::WhenSettled(int64_t id, std::function<void()> settled) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!stopping_ && running_ == id) {
      waiters_.push_back(std::move(settled));
      return;
    }
  }
  settled();
}

bool AuditRunner::Running(int64_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_ == id;
}

std::optional<Status> AuditRunner::Failure(int64_t id) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(id);
  if (it == failures_.end()) return std::nullopt;
  return it->second;
}

void AuditRunner::BeginStop() {
  std::vector<std::function<void()>> waiters;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    waiters.swap(waiters_);
  }
  for (auto& w : waiters) w();
}

}  // namespace citecheck::server::internal
