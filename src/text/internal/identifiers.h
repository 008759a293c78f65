// Text that looks numeric but names something: addresses and telephone numbers.
#ifndef CITECHECK_TEXT_INTERNAL_IDENTIFIERS_H_
#define CITECHECK_TEXT_INTERNAL_IDENTIFIERS_H_

#include <cstddef>
#include <string_view>

namespace citecheck::text::internal {

// A URL ("https://...", "www..."), an e-mail address or a domain path ("x.fr/2024/a")
// starting at byte `i`; `*end` gets its end, trailing sentence punctuation excluded.
bool FindAddress(std::string_view text, size_t i, size_t* end);

// A telephone number starting at the digit at byte `i`: "01 23 45 67 89",
// "06.12.34.56.78", "+33 1 23 45 67 89" (the '+' before `i`), "555-123-4567",
// "0612345678". `*end` gets its end.
bool FindPhoneNumber(std::string_view text, size_t i, size_t* end);

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_IDENTIFIERS_H_
