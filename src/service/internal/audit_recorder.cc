#include "service/internal/audit_recorder.h"

#include "crawler/crawler.h"

namespace citecheck::service::internal {

std::string UrlKey(const std::string& url) {
  auto normalized = crawler::NormalizeUrl(url);
  return normalized.ok() ? *normalized : url;
}

}  // namespace citecheck::service::internal
