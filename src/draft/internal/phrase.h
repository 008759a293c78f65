// A shallow reading of the clause around a figure: what the figure is about (its
// subject), what is said of it (its predicate), whether the clause is negative, and
// the items a count announces. Heuristics over words and punctuation, no parser: a
// verb is an auxiliary, a common verb of statistics, a negation particle, or (French)
// a word ending in "-ent" that is not a known noun or adjective.
#ifndef CITECHECK_DRAFT_INTERNAL_PHRASE_H_
#define CITECHECK_DRAFT_INTERNAL_PHRASE_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace citecheck::draft::internal {

struct Phrase {
  text::Span subject;  // offsets in the text given to AnalyzePhrase; empty when none
  text::Span predicate;
  bool negated = false;  // in the figure's clause
  // Spans of the items a count announces after a colon in the same sentence.
  std::vector<text::Span> items;
  bool colon_after = false;  // the figure's noun phrase is followed by a colon
};

// Reads the clause of `figure` inside `sentence` (both spans of `text`). `words` are
// the words of the sentence with spans in `text`; `breaks` are spans that end a
// clause (attributions, citation markers); `stops` end a noun phrase (other figures,
// dates).
Phrase AnalyzePhrase(std::string_view text, const std::vector<text::Word>& words,
                     text::Span sentence, text::Span figure, const std::vector<text::Span>& breaks,
                     const std::vector<text::Span>& stops, text::Lang lang);

// The text of a list item as an item name: up to the first " (", " : ", " – " or
// " - ", trimmed.
std::string ItemName(std::string_view item_text);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_PHRASE_H_
