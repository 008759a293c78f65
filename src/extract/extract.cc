#include "extract/extract.h"

namespace citecheck::extract {}  // namespace citecheck::extract
