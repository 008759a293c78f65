// text: Unicode handling and quantity recognition for French and English.
//
// Everything citecheck compares goes through here: sentences (ICU break rules), words,
// folding for comparison (case, accents, apostrophes, dashes and exotic spaces), stop
// words and stems, and the recognizer that turns "près de 13,5 %", "1,2 million d'euros",
// "twenty-one" or "un sur cinq" into normalized quantities with their exact spans.
//
//   for (const text::Quantity& q : text::FindQuantities("En 2024, 13 % des PME", Lang::kFr))
//     ...  // {kYear 2024, span [3,7)}, {kPercent 13, span [9,13)}
//
// All offsets are byte offsets into the UTF-8 input, half-open [begin, end).
// Thread-safety: every function is pure and may be called concurrently.
#ifndef CITECHECK_TEXT_TEXT_H_
#define CITECHECK_TEXT_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck::text {

enum class Lang { kUnknown = 0, kFr, kEn };

// "fr", "en", or "" for kUnknown.
std::string_view LangCode(Lang lang);

// Accepts "fr", "FR", "fr-FR", "fr_CA", "en", "en-US", ...; anything else is kUnknown.
Lang ParseLang(std::string_view code);

// Guesses French or English from stop-word frequencies. kUnknown when the text is too
// short or neither language dominates.
Lang DetectLanguage(std::string_view text);

struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// Sentence spans of `text` (ICU sentence rules for `lang`), trimmed of surrounding
// whitespace, covering every non-blank part of the text in order. Does not split after
// common abbreviations ("M.", "Dr.", "etc.", "p. ex.", "e.g.", "U.S.") or inside
// numbers ("13.5", "1.200").
std::vector<Span> SplitSentences(std::string_view text, Lang lang);

// Folded form for comparison: NFKC, lower case, diacritics removed, typographic
// apostrophes and quotes made ASCII, every dash made '-', every Unicode space (NBSP,
// narrow NBSP, thin space...) made ' '. Invalid UTF-8 bytes become U+FFFD first.
// "Côte d’Azur" -> "cote d'azur".
std::string Fold(std::string_view text);

// Returns `text` with invalid UTF-8 sequences replaced by U+FFFD (unchanged if valid).
std::string ToValidUtf8(std::string_view text);

// Number of code points in `text` (for column numbers).
size_t CountCodePoints(std::string_view text);

struct Word {
  Span span;           // in the input text
  std::string folded;  // Fold() of the word
  bool is_number = false;  // made of digits (possibly with , . and spaces inside)
  bool operator==(const Word&) const = default;
};

// Words by ICU word-break rules; punctuation and spaces are dropped. Elided articles are
// split off: "l'adoption" gives "l'" and "adoption" (the folded form of the first is
// "l'"). Hyphenated words stay whole ("TPE-PME" -> "tpe-pme").
std::vector<Word> Words(std::string_view text);

// True for a folded stop word of `lang` (both lists for kUnknown).
bool IsStopword(std::string_view folded_word, Lang lang);

// The Snowball stem of a folded word ("entreprises" -> "entrepris").
std::string Stem(std::string_view folded_word, Lang lang);

// Stems of the content words of `text`: folded, stop words, numbers and one-letter
// words removed, in order of appearance, duplicates kept.
std::vector<std::string> ContentTerms(std::string_view text, Lang lang);

// ---------------------------------------------------------------------------------
// Quantities

enum class QuantityKind {
  kCount = 0,          // "1 200 entreprises", "quatre axes", "a dozen"
  kPercent,            // "13 %", "13 pour cent", "thirteen percent"
  kPercentagePoints,   // "3 points de pourcentage", "2 percentage points"
  kMoney,              // "1,2 million d'euros", "$3bn", "£40"
  kYear,               // "2024", "en 2025"
  kDate,               // "24 juin 2025", "June 24, 2025", "02/03/2023", "avril 2024"
  kDuration,           // "7 min", "trois ans", "18 months"
  kOrdinal,            // "premier", "3e", "first", "21st"
  kFraction,           // "un quart" (0.25), "deux tiers", "un sur cinq" (0.2), "a third"
  kMultiplier,         // "doublé" (2), "x3", "triple", "tenfold"
};

// Stable snake_case name ("percent", "percentage_points", ...).
std::string_view QuantityKindName(QuantityKind kind);

enum class Qualifier {
  kNone = 0,   // stated as exact
  kApprox,     // "environ", "près de", "about", "nearly", "~"
  kAtLeast,    // "au moins", "at least", "≥"
  kMoreThan,   // "plus de", "over", "more than", ">"
  kAtMost,     // "au plus", "jusqu'à", "up to", "at most", "≤"
  kLessThan,   // "moins de", "less than", "under", "<"
  kRange,      // "entre 10 et 15 %", "10–15 %"
};

// Stable snake_case name ("approx", "at_least", ...).
std::string_view QualifierName(Qualifier q);

struct Quantity {
  QuantityKind kind = QuantityKind::kCount;
  // The stated value in base units: 13 for "13 %", 1200000 for "1,2 million", 0.25 for
  // "un quart", 2 for "doublé", 2024 for a year. For a range, the midpoint.
  // For kDate: year*10000 + month*100 + day, with 0 for unknown parts (202404 * 100
  // for "avril 2024" is 20240400). For kDuration: the value in `unit`.
  double value = 0;
  // The interval the statement allows, after its qualifier and its precision:
  // "13 %" -> [12.5, 13.5); "près de 13 %" -> wider; "plus de 10" -> (10, +inf);
  // "entre 10 et 15 %" -> [10, 15]. Infinite bounds are +-HUGE_VAL.
  double low = 0;
  double high = 0;
  // "%", "pp", "EUR", "USD", "GBP", "year", "month", "week", "day", "hour", "minute",
  // "second", or "" for plain counts, ordinals, fractions and multipliers.
  std::string unit;
  Qualifier qualifier = Qualifier::kNone;
  int decimals = 0;        // digits after the decimal mark as written ("13,5" -> 1)
  bool in_words = false;   // written (partly) in words: "quatre", "1,2 million" -> false
  Span span;               // the whole expression, qualifier words included
  std::string text;        // the input text of `span`
  bool operator==(const Quantity&) const = default;
};

// Every quantity in `text`, in order, non-overlapping. Understands both decimal
// conventions (13,5 and 13.5; 1 200, 1.200 and 1,200 as thousands), scale words and
// abbreviations (mille, million(s), milliard(s), k, M, Md, Mds, bn, thousand, million,
// billion), currencies (€, EUR, euros, $, USD, £), numbers in words with compounds
// ("quatre-vingt-dix-sept", "twenty-one", "two hundred"), fractions, ratios and
// multipliers, ranges, qualifiers, years, dates, durations, ordinals. `lang` chooses
// the word lists and the preferred decimal convention; kUnknown tries both.
// A bare integer 1000..2100 not followed by a unit is a kYear.
std::vector<Quantity> FindQuantities(std::string_view text, Lang lang);

}  // namespace citecheck::text

#endif  // CITECHECK_TEXT_TEXT_H_
