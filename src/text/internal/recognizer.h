// The quantity recognizer: a small grammar over the tokens of tokenizer.h. The class
// is split over five files: recognizer.cc (qualifiers, ranges, bounds),
// recognizer_core.cc (one number with its fraction, multiplier, ordinal or scale),
// recognizer_units.cc (units and currencies), recognizer_words.cc (ordinal words,
// halves, multiplier words, vague counts) and recognizer_dates.cc (dates, times of
// day, labels such as "ISO 28500").
#ifndef CITECHECK_TEXT_INTERNAL_RECOGNIZER_H_
#define CITECHECK_TEXT_INTERNAL_RECOGNIZER_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "text/internal/lexicon.h"
#include "text/internal/number_words.h"
#include "text/internal/tokenizer.h"
#include "text/text.h"

namespace citecheck::text::internal {

// One quantity expression before qualifiers, ranges and bounds are applied.
struct Core {
  size_t first = 0;  // tokens [first, last)
  size_t last = 0;
  QuantityKind kind = QuantityKind::kCount;
  double value = 0;
  double half = 0.5;   // half-width of the precision interval, in value units
  bool exact = false;  // low == high == value: dates, ordinals, ratios
  int decimals = 0;
  bool in_words = false;
  std::string_view unit;   // a literal: "%", "EUR", "year"...
  double scale = 1;        // scale word applied: 1e6 for "million"
  double unit_factor = 1;  // 10 for "décennies" (in years), 0.01 for basis points
  bool has_scale = false;
  bool year_shaped = false;  // four plain digits 1000..2100 and nothing after
  bool rangeable = true;     // may be one end of a range
  bool skip = false;         // recognized, but not a quantity (a time, a label)
  bool has_bounds = false;   // low/high set by the expression ("des centaines")
  double low = 0;
  double high = 0;
  Qualifier qualifier = Qualifier::kNone;  // implied by the words themselves
};

// `c` turned into an exact quantity of `kind` (low == high == value, no unit).
Core ExactCore(Core c, QuantityKind kind, double value);

// "%", "pp", "EUR", "year"... for a unit of the lexicon; "" for none.
std::string_view UnitName(Unit u);
bool IsCurrency(Unit u);

// What leads to the number of a phrase: its sign, a currency written before it, and
// the number words, if it is written in words.
struct Lead {
  size_t number = 0;  // token of the number (its first word)
  double sign = 1;
  Unit prefix = Unit::kNone;
  std::optional<WordNumber> words;
  bool article = false;    // a lone "un", "une", "one"
  bool article_a = false;  // a lone "a", "an"
};

// A whole match: one core, or two for a range, with the qualifier in front.
struct Match {
  Core a;
  std::optional<Core> b;  // the upper end of a range
  Qualifier qualifier = Qualifier::kNone;
  bool slight = false;    // "un peu plus de": the far bound is close
  bool temporal = false;  // "jusqu'à": a year stays a year
  size_t first = 0;       // tokens [first, last), qualifier words included
  size_t last = 0;
};

class Recognizer {
 public:
  Recognizer(const TokenList& tokens, Lang lang);
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  std::vector<Quantity> Run() const;

 private:
  // Token access; indexes past the end give an empty symbol token.
  const Token& T(size_t i) const { return i < n_ ? tl_.tokens[i] : end_token_; }
  bool IsWord(size_t i) const { return T(i).type == TokenType::kWord; }
  bool IsNumber(size_t i) const { return T(i).type == TokenType::kNumber; }
  std::string_view Key(size_t i) const { return i < n_ ? tl_.Key(tl_.tokens[i]) : ""; }
  bool KeyIs(size_t i, std::string_view k) const { return IsWord(i) && Key(i) == k; }
  bool Sym(size_t i, char32_t c) const {
    return T(i).type == TokenType::kSymbol && T(i).symbol == c;
  }
  bool Glued(size_t i) const { return i < n_ && !T(i).space_before; }
  bool Flag(size_t i, uint32_t f) const { return IsWord(i) && (T(i).flags & f) != 0; }
  bool CanStart(size_t i) const;
  bool FigureNear(size_t i) const;
  template <typename Pred>
  const LexEntry* Sense(size_t i, Pred pred, bool english_first = false) const {
    return IsWord(i) ? FindSense(T(i).lex, lang_, pred, english_first) : nullptr;
  }
  bool IsDe(size_t i) const;        // "de", "d'", "des", "du"
  bool IsStop(size_t i) const;      // a stop word of the text's language
  bool IsNounLike(size_t i) const;  // a word that is neither a stop word nor a number

  // recognizer.cc
  std::optional<Match> MatchAt(size_t i) const;
  std::optional<Match> MatchQualified(size_t i) const;
  std::optional<Match> MatchRangeWithOpener(size_t opener) const;
  std::optional<Match> ContinueRange(const Core& a, size_t first, bool after_qualifier) const;
  void ShortenedYear(const Core& a, Core* b) const;
  bool CombineRange(Core* a, Core* b) const;
  bool ChangeBefore(size_t i) const;
  bool StructuralAround(size_t i) const;
  void MatchPostfix(Match* m) const;
  bool PhraseAt(size_t i, const QualifierPhrase& p, size_t* end) const;
  bool YearContext(const Core& c) const;
  Quantity Finalize(const Match& m) const;
  void SetBounds(const Core& a, bool slight, Quantity* q) const;

  // recognizer_core.cc
  std::optional<Core> MatchCore(size_t i) const;
  std::optional<Core> MatchNumberPhrase(size_t i) const;
  std::optional<Core> ReadNumber(size_t i, Lead* lead) const;
  bool NeufIsAdjective(const Lead& lead) const;
  bool MatchDigitSuffix(Core* c, const Lead& lead) const;
  void MatchAndAHalf(Core* c, Lead* lead) const;
  void MatchScale(Core* c, Unit prefix) const;
  bool FinishUnits(Core* c, const Lead& lead) const;
  bool MatchFractionWord(Core* c, size_t k) const;
  bool MatchRatio(Core* c, size_t k) const;
  bool MatchSlash(Core* c, size_t k) const;
  bool RatioDenominator(size_t dpos, double* d, size_t* dend, bool* words) const;
  bool MatchTimes(Core* c, size_t k) const;

  // recognizer_units.cc
  bool MatchUnit(Core* c, size_t k, Unit prefix) const;
  bool UnitAt(size_t k, const Core& c, Unit prefix, Unit* unit, double* factor, size_t* end) const;
  bool MatchPercent(size_t k, size_t* end) const;
  bool MatchPoints(size_t k, size_t* end, double* factor) const;
  // The measure unit at token `k`, after the number that starts at token `number`.
  Unit MeasureAt(size_t k, size_t number, bool after_scale, double* factor, size_t* end) const;
  bool AtLineStart(size_t i) const;  // token `i` opens its line
  Unit CurrencyPrefix(size_t i, size_t* end) const;
  Unit CurrencyAfter(size_t k, bool allow_de, size_t* end) const;
  Unit CurrencyWord(size_t k, size_t* end) const;

  // recognizer_words.cc
  std::optional<Core> MatchOrdinalWord(size_t i, const WordNumber& wn) const;
  std::optional<Core> MatchHalf(size_t i) const;
  std::optional<Core> MatchMultiplierWord(size_t i) const;
  std::optional<Core> MatchMultipliedBy(size_t i) const;
  bool IsMultipliedBy(size_t i) const;
  std::optional<Core> MatchVague(size_t i) const;
  bool VagueHead(size_t i, double* unit, bool* about_one, size_t* end) const;
  double ApproxNoun(size_t k, bool plural) const;

  // recognizer_dates.cc
  std::optional<Core> MatchDate(size_t i) const;
  std::optional<Core> MatchDayMonth(size_t i) const;
  std::optional<Core> MatchMonthFirst(size_t i) const;
  int MonthAt(size_t i, size_t* end) const;
  int DayAt(size_t i, size_t* end) const;
  int YearAt(size_t i, size_t* end) const;
  int RangeEndDay(size_t k, int first_day, size_t* end) const;
  std::optional<Core> MatchLabel(size_t i) const;
  std::optional<Core> MatchCitationMarker(size_t i) const;
  std::optional<Core> MatchClock(size_t i) const;
  bool MeridiemAt(size_t k, size_t* end) const;

  const TokenList& tl_;
  const size_t n_;
  const Lang lang_;
  const Token end_token_{};
};

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_RECOGNIZER_H_
