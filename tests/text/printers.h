// GoogleTest printers for the text module's value types, so that failed comparisons
// show fields rather than bytes.
#ifndef CITECHECK_TESTS_TEXT_PRINTERS_H_
#define CITECHECK_TESTS_TEXT_PRINTERS_H_

#include <ostream>

#include "text/text.h"

namespace citecheck::text {

inline void PrintTo(const Span& s, std::ostream* os) {
  *os << "[" << s.begin << "," << s.end << ")";
}

inline void PrintTo(const Word& w, std::ostream* os) {
  *os << "{[" << w.span.begin << "," << w.span.end << ") '" << w.folded << "'"
      << (w.is_number ? " number" : "") << "}";
}

inline void PrintTo(const Quantity& q, std::ostream* os) {
  *os << "{" << QuantityKindName(q.kind) << " " << q.value << " [" << q.low << ", " << q.high
      << "] '" << q.unit << "' " << QualifierName(q.qualifier) << " decimals=" << q.decimals
      << (q.in_words ? " in_words" : "") << " [" << q.span.begin << "," << q.span.end << ") '"
      << q.text << "'}";
}

}  // namespace citecheck::text

#endif  // CITECHECK_TESTS_TEXT_PRINTERS_H_
