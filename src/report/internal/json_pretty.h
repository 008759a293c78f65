// Indented JSON text for the JSON-based reports (JSON, SARIF, ClaimReview).
//
// Thread-safety: pure function.
#ifndef CITECHECK_REPORT_INTERNAL_JSON_PRETTY_H_
#define CITECHECK_REPORT_INTERNAL_JSON_PRETTY_H_

#include <boost/json/value.hpp>
#include <string>

namespace citecheck::report::internal {

// `v` serialized with one member or element per line, indented by two spaces, ending
// in a newline. Scalars and keys are serialized by Boost.JSON, so the text parses back
// to `v`.
std::string PrettyJson(const boost::json::value& v);

}  // namespace citecheck::report::internal

#endif  // CITECHECK_REPORT_INTERNAL_JSON_PRETTY_H_
