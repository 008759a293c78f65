// Per-code-point folding shared by Fold() and the quantity tokenizer.
#ifndef CITECHECK_TEXT_INTERNAL_FOLD_H_
#define CITECHECK_TEXT_INTERNAL_FOLD_H_

#include <string>
#include <string_view>

namespace citecheck::text::internal {

// Fold() through ICU for any input (NFKD, lower case, marks stripped, punctuation and
// spaces mapped, NFC). The slow path, also used to build the fast tables.
std::string FoldWithIcu(std::string_view text);

// Appends the folded form of one code point to `out` and returns true when the code
// point is ASCII or in the precomputed Latin and punctuation ranges (U+0080..U+024F,
// U+2000..U+206F), where folding a string code point by code point gives exactly
// FoldWithIcu(). Returns false (appending nothing) for any other code point.
bool AppendFoldedFast(char32_t c, std::string* out);

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_FOLD_H_
