#include "text/text.h"

namespace citecheck::text {}  // namespace citecheck::text
