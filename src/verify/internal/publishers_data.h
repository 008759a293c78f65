// The text of data/publishers.toml, compiled in (CMake writes publishers_data.cc from
// that file when it configures the build).
#ifndef CITECHECK_VERIFY_INTERNAL_PUBLISHERS_DATA_H_
#define CITECHECK_VERIFY_INTERNAL_PUBLISHERS_DATA_H_

#include <string_view>

namespace citecheck::verify::internal {

extern const std::string_view kPublishersToml;

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_PUBLISHERS_DATA_H_
