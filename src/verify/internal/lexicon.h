// Word lists the verifier reasons with: directions of change that oppose each other,
// and the words with which a text denies what it reports. Keys are folded
// (text::Fold) word prefixes, in French and English.
#ifndef CITECHECK_VERIFY_INTERNAL_LEXICON_H_
#define CITECHECK_VERIFY_INTERNAL_LEXICON_H_

#include <string_view>
#include <vector>

#include "text/text.h"

namespace citecheck::verify::internal {

// The direction a sentence gives its figure or event: up ("hausse", "augmenté",
// "increase", "rose"), down ("baisse", "diminué", "decrease", "fell"), or none.
enum class Direction { kNone = 0, kUp, kDown };

// The direction the words state, kNone when they state both or neither.
Direction DirectionOf(const std::vector<text::Word>& words);

// True when `a` holds a word whose opposite `b` holds instead: "positifs" against
// "négatifs", "vrai" against "faux", "autorisé" against "interdit", "before" against
// "after". Words both hold do not count.
bool StatesOpposite(const std::vector<text::Word>& a, const std::vector<text::Word>& b);

// True when `b` states the opposite of a word of `a` (as StatesOpposite) and negates that
// very word: "ne refuse pas", "n'a pas refusé", "did not reject" against "accepte".
bool NegatesOpposite(const std::vector<text::Word>& a, const std::vector<text::Word>& b);

// True when the words speak of an intention or a possibility rather than a fact:
// text::IsModal, and the verbs of plans followed by "to" / "de" that it leaves out
// because they are also nouns ("plan to", "aim to", "want to", "projet de").
bool StatesIntention(const std::vector<text::Word>& words);

// True when the words deny or correct a report: "a démenti", "dément", "faux",
// "infondé", "aucune trace", "en réalité", "denied", "false", "debunked".
bool IsDenial(const std::vector<text::Word>& words);

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_LEXICON_H_
