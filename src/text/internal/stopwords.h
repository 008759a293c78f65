// French and English stop words, folded (lower case, no accents, ASCII apostrophe).
#ifndef CITECHECK_TEXT_INTERNAL_STOPWORDS_H_
#define CITECHECK_TEXT_INTERNAL_STOPWORDS_H_

#include <string_view>

namespace citecheck::text::internal {

bool IsFrenchStopword(std::string_view folded);
bool IsEnglishStopword(std::string_view folded);

// Words frequent in one language and rare in the other, for language detection:
// 1 for French, 2 for English, 0 for neither.
int LanguageMarker(std::string_view folded);

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_STOPWORDS_H_
