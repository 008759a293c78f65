#include "server/internal/store_pool.h"

namespace citecheck::server::internal {

// More idle handles than this are closed: the pool grows to the number of threads
// that use it at once, which the server bounds, but a burst should not pin them all.
constexpr size_t kMaxIdle = 16;

common::Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(store));
    }
  }
  // Opening runs outside the lock: it touches the disk.
  CC_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::Store::Open(path_));
  return Lease(this, std::move(store));
}

void StorePool::Return(std::unique_ptr<store::Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(store));
}

}  // namespace citecheck::server::internal
