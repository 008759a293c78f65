// Store handles for the server's threads. A store::Store is used by one thread at a
// time; the pool lends each thread one for the length of a task and keeps it open for
// the next, so a connection and its prepared statements are reused.
//
//   CC_ASSIGN_OR_RETURN(StorePool::Lease store, pool.Acquire());
//   store->GetJob(id);
//
// Thread-safety: Acquire may be called from any thread; a Lease belongs to one thread.
#ifndef CITECHECK_SERVER_INTERNAL_STORE_POOL_H_
#define CITECHECK_SERVER_INTERNAL_STORE_POOL_H_

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "common/status.h"
#include "store/store.h"

namespace citecheck::server::internal {

class StorePool {
 public:
  explicit StorePool(std::filesystem::path db_path) : path_(std::move(db_path)) {}
  StorePool(const StorePool&) = delete;
  StorePool& operator=(const StorePool&) = delete;

  // A Store lent until the Lease is destroyed. REQUIRES: the pool outlives it.
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> store)
        : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    store::Store* operator->() const { return store_.get(); }
    store::Store& operator*() const { return *store_; }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // An idle Store, or a newly opened one. Errors: those of store::Store::Open.
  common::Result<Lease> Acquire();

 private:
  void Return(std::unique_ptr<store::Store> store);

  const std::filesystem::path path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<store::Store>> idle_;  // guarded by mu_
};

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_STORE_POOL_H_
