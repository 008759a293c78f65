// The state behind a store::Store, shared by the files that implement its methods
// (store.cc for sources, fetches, documents and checks; jobs.cc for the API's jobs).
#ifndef CITECHECK_STORE_INTERNAL_STORE_IMPL_H_
#define CITECHECK_STORE_INTERNAL_STORE_IMPL_H_

#include "store/internal/sqlite.h"
#include "store/store.h"

namespace citecheck::store {

struct Store::Impl {
  internal::Connection db;
};

}  // namespace citecheck::store

#endif  // CITECHECK_STORE_INTERNAL_STORE_IMPL_H_
