#include "crawler/crawler.h"

namespace citecheck::crawler {}  // namespace citecheck::crawler
