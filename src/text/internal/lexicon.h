// The word lists of the quantity recognizer: number words, scales, units, months,
// ordinals, fractions, multipliers, qualifier phrases and the context words its
// heuristics look at. Keys are folded (lower case, no accents, ASCII apostrophe).
#ifndef CITECHECK_TEXT_INTERNAL_LEXICON_H_
#define CITECHECK_TEXT_INTERNAL_LEXICON_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text.h"

namespace citecheck::text::internal {

enum class Unit : uint8_t {
  kNone = 0,
  kPercent,      // "pourcent", "percent"
  kPoints,       // "points", "pts", "pp": percentage points
  kBasisPoints,  // "bps", "pb": hundredths of a percentage point
  kEur,
  kUsd,
  kGbp,
  kYear,
  kMonth,
  kWeek,
  kDay,
  kHour,
  kMinute,
  kSecond,
  // Physical measures, in base units: metres, kilograms, square metres, litres and
  // degrees Celsius (Fahrenheit is converted).
  kMetre,
  kKilogram,
  kSquareMetre,
  kLitre,
  kCelsius,
  kFahrenheit,
};

// Word flags (a bit set in LexEntry::flags).
enum LexFlag : uint32_t {
  kArticleOne = 1u << 0,        // "un", "une", "one": 1 only in compounds and before scales
  kArticleA = 1u << 1,          // "a", "an": 1 only before a scale or fraction word
  kYearCue = 1u << 2,           // "en", "in", "depuis", "since": a following 1000..2100 is a year
  kCountDeterminer = 1u << 3,   // "les", "ces", "these": a following number is a count
  kChangeWord = 1u << 4,        // "passé", "rose": "de X à Y" is a change, not a range
  kRefWord = 1u << 5,           // "ISO", "article", "page": the following number is a label
  kTimePrep = 1u << 6,          // "à", "at", "vers": "à 14h30" is a time of day
  kNeedsCaps = 1u << 7,         // unit or month only when written with a capital ("EUR", "May")
  kAttachedOnly = 1u << 8,      // suffix only when glued to the digits ("30j", "10s")
  kWithCurrency = 1u << 9,      // scale only next to a currency ("€3m", "$2b")
  kVague = 1u << 10,            // "des", "plusieurs", "several": before "centaines", "thousands"
  kPluralScale = 1u << 11,      // "millions", "thousands": "des millions de", "hundreds of"
  kDecadeSuffix = 1u << 12,     // "s" of "1990s"
  kOrdinalSuffix = 1u << 13,    // "er", "e", "ème", "st", "nd", "rd", "th"
  kMultiplierSign = 1u << 14,   // "x" of "x3" and "3x"
  kNeedsDeterminer = 1u << 15,  // "double", "triple": a multiplier after "le", "au", "the"
  kComparative = 1u << 16,      // "plus", "moins", "more", "as", "higher" after "fois"/"times"
  kRangeStart = 1u << 17,       // "entre", "between", "de", "from"
  kQualifierStart = 1u << 18,   // first word of a qualifier phrase
  kPercentWord = 1u << 19,      // "pour" / "per" of "pour cent", "per cent"
  kTimes = 1u << 20,            // "fois", "times"
  kFractionOf = 1u << 21,       // "sur", "in", "out": "un sur cinq", "one in five"
  kOrdinalDet = 1u << 22,       // "le", "la", "the", "its": before an ordinal "second"
  kEt = 1u << 23,               // "et", "and": joins number words and range ends
  kRangeTo = 1u << 24,          // "à", "to": joins range ends
  kFold = 1u << 25,             // "fold" of "10-fold"
  kHalf = 1u << 26,             // "moitié", "half"
  kSecondOrdinal = 1u << 27,    // "second", "seconde": ordinal only after a determiner
  kDecimalPart = 1u << 28,      // "demi", "demie", "half" of "deux ans et demi"
  kHalfArticle = 1u << 29,      // "la" of "la moitié"
  kCurrencyLead = 1u << 30,     // "US" of "US$5", "US dollars"
};

struct LexEntry {
  int cardinal = -1;      // 0..99 for simple number words
  double multiplier = 0;  // 100 for "cent", 1e6 for "million": inside number words
  double scale = 0;       // multiplier after digits: "k", "M", "Md", "million"
  Unit unit = Unit::kNone;
  double unit_factor = 1;      // "décennie" is 10 years, "trimestre" 3 months
  int month = 0;               // 1..12
  int ordinal = 0;             // "premier" 1, "dixième" 10
  int denominator = 0;         // "quart" 4, "tiers" 3, "cinquième" 5, "half" 2
  double multiplier_word = 0;  // "doublé" 2, "tenfold" 10
  double approx_noun = 0;      // "dizaine" 10, "centaine" 100, "dozen" 12
  uint32_t flags = 0;
  bool has(uint32_t f) const { return (flags & f) != 0; }
};

// The French and English senses of one folded word; either may be null.
struct LexSenses {
  const LexEntry* fr = nullptr;
  const LexEntry* en = nullptr;
};

// Senses of a folded word, or null when the word has none.
const LexSenses* LookupWord(std::string_view folded);

// True when every sense of `s` is a physical unit and nothing else ("g", "kg"; not
// "m", which is also the scale "M").
bool OnlyMeasure(const LexSenses& s);

// The first sense of `s` allowed by `lang` for which `pred` holds: the French sense
// for kFr, the English one for kEn, both for kUnknown (French first unless
// `english_first`, used for "billion": 10^9 in English, 10^12 in French).
template <typename Pred>
const LexEntry* FindSense(const LexSenses* s, Lang lang, Pred pred, bool english_first = false) {
  if (s == nullptr) return nullptr;
  const LexEntry* first = s->fr;
  const LexEntry* second = s->en;
  if (lang == Lang::kEn || (lang == Lang::kUnknown && english_first)) {
    std::swap(first, second);
  }
  if (first != nullptr && pred(*first)) return first;
  if (lang != Lang::kUnknown) return nullptr;
  return (second != nullptr && pred(*second)) ? second : nullptr;
}

// True when a sense allowed by `lang` has flag `f`.
inline bool HasFlag(const LexSenses* s, Lang lang, uint32_t f) {
  return FindSense(s, lang, [f](const LexEntry& e) { return e.has(f); }) != nullptr;
}

// A qualifier phrase: its folded words ("-" for a hyphen), what it means, and whether
// a year may follow ("jusqu'à 2030" is still a year).
struct QualifierPhrase {
  std::vector<std::string> words;
  Qualifier qualifier = Qualifier::kNone;
  bool slight = false;    // "un peu plus de", "just over": bounded on the far side
  bool temporal = false;  // "jusqu'à", "up to"
  bool postfix = false;   // follows the number: "10 % environ", "or more"
  uint8_t langs = 0;      // bit 1 French, bit 2 English
};

// The qualifier phrases whose first word is `first`, longest first.
std::span<const QualifierPhrase> QualifierPhrasesStartingWith(std::string_view first);

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_LEXICON_H_
