#include "store/store.h"

namespace citecheck::store {}  // namespace citecheck::store
