// The key the audit matches URLs by.
#ifndef CITECHECK_SERVICE_INTERNAL_AUDIT_RECORDER_H_
#define CITECHECK_SERVICE_INTERNAL_AUDIT_RECORDER_H_

#include <string>

namespace citecheck::service::internal {

// The normalized URL, or the text itself when it is not a URL.
std::string UrlKey(const std::string& url);

}  // namespace citecheck::service::internal

#endif  // CITECHECK_SERVICE_INTERNAL_AUDIT_RECORDER_H_
