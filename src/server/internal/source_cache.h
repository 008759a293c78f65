// Sources the API has read, kept ready for claims to be verified against them.
//
// POST /v1/claims:verify and GET /v1/sources name a source by URL (or send its text).
// Fetching, extracting and indexing it costs far more than verifying a claim, so a
// source is read once and kept: its fetch outcome, its extracted document, and a few
// replicas of {in-memory index of that source alone, Verifier over it}. A Verifier
// reads its source's passages once and keeps them analysed, so a warm replica answers
// a claim without touching the index; replicas are lent to one thread at a time,
// since neither Index nor Verifier is thread-safe.
//
// The cache is a bounded LRU with a time to live. Concurrent requests for a source
// that is not cached wait for one load instead of fetching it several times.
//
// Thread-safety: SourceCache and CachedSource may be used from any thread; a
// VerifierLease belongs to the thread that took it.
#ifndef CITECHECK_SERVER_INTERNAL_SOURCE_CACHE_H_
#define CITECHECK_SERVER_INTERNAL_SOURCE_CACHE_H_

#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/clock.h"
#include "common/config.h"
#include "common/status.h"
#include "crawler/crawler.h"
#include "extract/extract.h"
#include "index/index.h"
#include "verify/verify.h"

namespace citecheck::server::internal {

class Metrics;

// What was learned about one source.
struct SourceInfo {
  std::string key;                        // the normalized URL, or "text:<sha256>"
  crawler::FetchResult fetch;             // without its body; empty for sent text
  std::optional<extract::Document> doc;   // when readable; doc->lang is set
  std::string failure;                    // why it is not readable
  verify::Reliability reliability;        // URL sources only
};

class CachedSource {
 public:
  CachedSource(SourceInfo info, const common::VerifyConfig& config, int64_t loaded_at_micros);
  CachedSource(const CachedSource&) = delete;
  CachedSource& operator=(const CachedSource&) = delete;
  ~CachedSource();

  const SourceInfo& info() const { return info_; }
  int64_t loaded_at_micros() const { return loaded_at_micros_; }

  // A copy of this source in its own index, with a Verifier over it.
  struct Replica {
    std::unique_ptr<index::Index> index;
    std::unique_ptr<verify::Verifier> verifier;  // reads *index
  };
  // A Verifier for this source, exclusive to the holder; returned to the source when
  // the lease ends. REQUIRES: the CachedSource outlives the lease.
  class VerifierLease {
   public:
    VerifierLease(const CachedSource* owner, std::unique_ptr<Replica> replica);
    VerifierLease(VerifierLease&&) noexcept;
    VerifierLease& operator=(VerifierLease&&) = delete;
    ~VerifierLease();
    const verify::Verifier& verifier() const;

   private:
    const CachedSource* owner_;
    std::unique_ptr<Replica> replica_;
  };

  // An idle replica, or a new one (this source indexed into a fresh in-memory index).
  // Errors: those of the index.
  common::Result<VerifierLease> LendVerifier() const;

  // Keeps `replica` (already holding this source) for later leases.
  void AddReplica(std::unique_ptr<Replica> replica) const;

  // A replica holding this source: a fresh in-memory index with the document's
  // passages (none when unreadable) and a Verifier over it.
  static common::Result<std::unique_ptr<Replica>> MakeReplica(const SourceInfo& info,
                                                             const common::VerifyConfig& config);
  // A replica over `index`, which already holds this source (and nothing it may not
  // read).
  static std::unique_ptr<Replica> ReplicaOf(std::unique_ptr<index::Index> index,
                                            const common::VerifyConfig& config);

 private:
  const SourceInfo info_;
  const common::VerifyConfig config_;
  const int64_t loaded_at_micros_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<Replica>> idle_;  // guarded by mu_
};

class SourceCache {
 public:
  using Loaded = common::Result<std::shared_ptr<const CachedSource>>;
  using Loader = std::function<Loaded()>;

  // `capacity` sources at most; one older than `ttl_micros` (monotonic clock) is
  // loaded again. `clock` and `metrics` must outlive the cache.
  SourceCache(size_t capacity, int64_t ttl_micros, const common::Clock& clock, Metrics& metrics);
  SourceCache(const SourceCache&) = delete;
  SourceCache& operator=(const SourceCache&) = delete;

  // The source cached under `key`; on a miss (or an expired entry) `load` runs in the
  // calling thread while other callers for `key` wait for its result. A failed load
  // (an error, not an unreadable source) is not kept.
  Loaded Get(const std::string& key, const Loader& load);

  size_t size() const;

 private:
  struct Slot {
    std::shared_future<Loaded> result;
    std::list<std::string>::iterator lru;  // into lru_
    uint64_t generation = 0;               // which load filled it
  };
  bool Fresh(const Slot& slot, int64_t now) const;
  void Forget(const std::string& key, uint64_t generation);

  const size_t capacity_;
  const int64_t ttl_micros_;
  const common::Clock& clock_;
  Metrics& metrics_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Slot> slots_;  // guarded by mu_
  std::list<std::string> lru_;                   // guarded by mu_; most recent first
  uint64_t generations_ = 0;                     // guarded by mu_
};

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_SOURCE_CACHE_H_
