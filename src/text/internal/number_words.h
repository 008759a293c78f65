// Numbers written in words, French and English: "quatre-vingt-dix-sept",
// "vingt et un", "deux mille trois", "twenty-one", "two hundred and five",
// "a thousand", "vingt-et-unième".
#ifndef CITECHECK_TEXT_INTERNAL_NUMBER_WORDS_H_
#define CITECHECK_TEXT_INTERNAL_NUMBER_WORDS_H_

#include <cstddef>
#include <optional>

#include "text/internal/tokenizer.h"
#include "text/text.h"

namespace citecheck::text::internal {

struct WordNumber {
  size_t end = 0;  // index of the token after the number
  double value = 0;
  bool article_only = false;   // a lone "un", "une", "one", "a" or "an"
  bool ordinal = false;        // ends with an ordinal word: "vingt-et-unième", "first"
  double last_multiplier = 0;  // "deux millions": 1e6; 0 when the last word is not one
  int words = 0;               // number words read (connectors not counted)
};

// Reads the number words starting at token `i`. Returns nullopt when token `i` does
// not start a number in `lang` (kUnknown: either language). Articles ("un", "a") are
// read as 1 and flagged; whether a lone article counts is the caller's decision.
// A lone ordinal word ("deuxième") is returned with `ordinal` set.
std::optional<WordNumber> ParseWordNumber(const TokenList& tokens, size_t i, Lang lang);

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_NUMBER_WORDS_H_
