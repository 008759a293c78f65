#include "server/internal/source_cache.h"

#include <algorithm>
#include <chrono>
#include <exception>

#include "server/internal/metrics.h"
#include "service/service.h"

namespace citecheck::server::internal {

using common::Result;
using common::Status;

// Idle replicas kept per source. The number lent at once is bounded by the worker
// threads; keeping more would only hold memory.
constexpr size_t kMaxIdleReplicas = 8;

CachedSource::CachedSource(SourceInfo info, const common::VerifyConfig& config,
                           int64_t loaded_at_micros)
    : info_(std::move(info)), config_(config), loaded_at_micros_(loaded_at_micros) {}

CachedSource::~CachedSource() = default;

CachedSource::VerifierLease::VerifierLease(const CachedSource* owner,
                                           std::unique_ptr<Replica> replica)
    : owner_(owner), replica_(std::move(replica)) {}

CachedSource::VerifierLease::VerifierLease(VerifierLease&&) noexcept = default;

CachedSource::VerifierLease::~VerifierLease() {
  if (replica_) owner_->AddReplica(std::move(replica_));
}

const verify::Verifier& CachedSource::VerifierLease::verifier() const {
  return *replica_->verifier;
}

std::unique_ptr<CachedSource::Replica> CachedSource::ReplicaOf(
    std::unique_ptr<index::Index> index, const common::VerifyConfig& config) {
  auto replica = std::make_unique<Replica>();
  replica->index = std::move(index);
  replica->verifier = std::make_unique<verify::Verifier>(*replica->index, config);
  return replica;
}

Result<std::unique_ptr<CachedSource::Replica>> CachedSource::MakeReplica(
    const SourceInfo& info, const common::VerifyConfig& config) {
  CC_ASSIGN_OR_RETURN(std::unique_ptr<index::Index> index, index::Index::InMemory());
  if (info.doc) {
    CC_RETURN_IF_ERROR(service::IndexDocument(info.key, *info.doc, *index));
    CC_RETURN_IF_ERROR(index->Commit());
  }
  return ReplicaOf(std::move(index), config);
}

Result<CachedSource::VerifierLease> CachedSource::LendVerifier() const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Replica> r = std::move(idle_.back());
      idle_.pop_back();
      return VerifierLease(this, std::move(r));
    }
  }
  CC_ASSIGN_OR_RETURN(std::unique_ptr<Replica> r, MakeReplica(info_, config_));
  return VerifierLease(this, std::move(r));
}

void CachedSource::AddReplica(std::unique_ptr<Replica> replica) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdleReplicas) idle_.push_back(std::move(replica));
}

SourceCache::SourceCache(size_t capacity, int64_t ttl_micros, const common::Clock& clock,
                         Metrics& metrics)
    : capacity_(std::max<size_t>(1, capacity)), ttl_micros_(ttl_micros), clock_(clock),
      metrics_(metrics) {}

bool SourceCache::Fresh(const Slot& slot, int64_t now) const {
  using namespace std::chrono_literals;
  // A load in progress is fresh by definition: callers wait for it.
  if (slot.result.wait_for(0s) != std::future_status::ready) return true;
  const Loaded& loaded = slot.result.get();
  return loaded.ok() && now - (*loaded)->loaded_at_micros() < ttl_micros_;
}

SourceCache::Loaded SourceCache::Get(const std::string& key, const Loader& load) {
  const int64_t now = clock_.MonotonicMicros();
  std::promise<Loaded> promise;
  std::shared_future<Loaded> result;
  bool loading = false;
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = slots_.find(key);
    if (it != slots_.end() && Fresh(it->second, now)) {
      lru_.splice(lru_.begin(), lru_, it->second.lru);
      metrics_.CountCacheLookup(true);
      result = it->second.result;
    } else {
      metrics_.CountCacheLookup(false);
      loading = true;
      if (it != slots_.end()) {
        lru_.erase(it->second.lru);
        slots_.erase(it);
      }
      lru_.push_front(key);
      result = promise.get_future().share();
      generation = ++generations_;
      slots_.emplace(key, Slot{result, lru_.begin(), generation});
      // Evicting drops the cache's reference only: callers holding the source keep it.
      while (slots_.size() > capacity_) {
        slots_.erase(lru_.back());
        lru_.pop_back();
      }
    }
  }
  if (!loading) return result.get();
  Loaded loaded = Status::Internal("loading " + key + " failed");
  try {
    loaded = load();
  } catch (const std::exception& e) {
    // Waiters must always get a value; the loader's libraries catch their own
    // exceptions, so this is only std::bad_alloc and the like.
    loaded = Status::Internal("loading " + key + ": " + e.what());
  }
  promise.set_value(loaded);
  if (!loaded.ok()) Forget(key, generation);
  return loaded;
}

void SourceCache::Forget(const std::string& key, uint64_t generation) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = slots_.find(key);
  // Another caller may have replaced the slot since: only this load's slot goes.
  if (it == slots_.end() || it->second.generation != generation) return;
  lru_.erase(it->second.lru);
  slots_.erase(it);
}

size_t SourceCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return slots_.size();
}

}  // namespace citecheck::server::internal
