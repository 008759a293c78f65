#include "index/index.h"

namespace citecheck::index {}  // namespace citecheck::index
