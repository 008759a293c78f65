// One quantity around a number, in digits or words: a sign, a currency before or
// after, a scale word, a unit, or what turns it into a fraction ("deux tiers",
// "un sur cinq", "8/10"), a multiplier ("trois fois plus", "3x", "10-fold") or an
// ordinal ("3e", "21st"). Units are read in recognizer_units.cc, expressions without
// digits or number words in recognizer_words.cc.
#include <cmath>

#include "text/internal/recognizer.h"

namespace citecheck::text::internal {

Core ExactCore(Core c, QuantityKind kind, double value) {
  c.kind = kind;
  c.value = value;
  c.exact = true;
  c.rangeable = false;
  c.unit = "";
  return c;
}

std::optional<Core> Recognizer::MatchCore(size_t i) const {
  if (i >= n_ || T(i).type == TokenType::kOpaque) return std::nullopt;
  if (IsWord(i)) {
    if (auto c = MatchVague(i)) return c;
    if (auto c = MatchHalf(i)) return c;
  }
  if (auto c = MatchMultiplierWord(i)) return c;
  if (auto c = MatchMultipliedBy(i)) return c;
  if (IsNumber(i)) {
    if (auto c = MatchClock(i)) return c;  // "about 11 a.m." is a time, not a count
  }
  return MatchNumberPhrase(i);
}

// Reads the sign, the currency before and the number itself (digits or words) of a
// phrase starting at `i`.
std::optional<Core> Recognizer::ReadNumber(size_t i, Lead* lead) const {
  size_t j = i;
  const Token& t = T(i);
  if (t.type == TokenType::kSymbol && (t.symbol == '-' || t.symbol == 0x2212 || t.symbol == '+')) {
    // A sign glued to the digits, not a dash between two numbers or after a word.
    if (!IsNumber(i + 1) || !Glued(i + 1)) return std::nullopt;
    if (i > 0 && Glued(i) && (IsNumber(i - 1) || IsWord(i - 1))) return std::nullopt;
    lead->sign = t.symbol == '+' ? 1 : -1;
    j = i + 1;
  }
  size_t after_prefix = j;
  lead->prefix = CurrencyPrefix(j, &after_prefix);
  j = lead->number = after_prefix;
  Core c;
  c.first = i;
  if (IsNumber(j)) {
    c.value = T(j).value;
    c.decimals = T(j).decimals;
    c.half = 0.5 * std::pow(10.0, -c.decimals);
    c.last = j + 1;
    return c;
  }
  lead->words = ParseWordNumber(tl_, j, lang_);
  if (!lead->words) return std::nullopt;
  const WordNumber& wn = *lead->words;
  c.value = wn.value;
  c.in_words = true;
  c.last = wn.end;
  if (wn.last_multiplier >= 1e6) {
    c.half = 0.5 * wn.last_multiplier;
    c.scale = wn.last_multiplier;
    c.has_scale = true;
  }
  lead->article = wn.article_only;
  lead->article_a = wn.article_only && Flag(j, kArticleA);
  return c;
}

// "un appareil neuf", "remis à neuf": the adjective "new", not nine.
bool Recognizer::NeufIsAdjective(const Lead& lead) const {
  const size_t j = lead.number;
  return lead.words && lead.words->words == 1 && KeyIs(j, "neuf") && j > 0 &&
         (IsNounLike(j - 1) || KeyIs(j - 1, "a") || KeyIs(j - 1, "du"));
}

std::optional<Core> Recognizer::MatchNumberPhrase(size_t i) const {
  Lead lead;
  std::optional<Core> c = ReadNumber(i, &lead);
  if (!c) return std::nullopt;
  if (lead.words && lead.words->ordinal) {
    if (lead.number != i) return std::nullopt;
    return MatchOrdinalWord(i, *lead.words);
  }
  if (NeufIsAdjective(lead)) return std::nullopt;
  if (lead.prefix == Unit::kNone && lead.sign > 0) {
    if (MatchFractionWord(&*c, c->last)) return c;
    if (!lead.article_a && MatchRatio(&*c, c->last)) return c;
    if (!lead.article && MatchTimes(&*c, c->last)) return c;
    if (!lead.words && MatchDigitSuffix(&*c, lead)) return c;
  }
  if (lead.article_a) return std::nullopt;  // "a" counts before a scale or fraction only
  if (lead.words) {
    MatchAndAHalf(&*c, &lead);
  } else {
    MatchScale(&*c, lead.prefix);
  }
  if (!FinishUnits(&*c, lead)) return std::nullopt;
  return c;
}

// Words glued to digits: "3e", "21st" (ordinals), "1990s" (a decade), "2h30".
bool Recognizer::MatchDigitSuffix(Core* c, const Lead& lead) const {
  const size_t k = c->last;
  const Token& n = T(lead.number);
  if (n.plain && IsWord(k) && Glued(k) && Flag(k, kOrdinalSuffix)) {
    *c = ExactCore(*c, QuantityKind::kOrdinal, c->value);
    c->last = k + 1;
    return true;
  }
  const bool decade = n.plain && n.int_digits == 4 && c->value >= 1000 && c->value <= 2100 &&
                      std::fmod(c->value, 10) == 0 && Glued(k) && Flag(k, kDecadeSuffix);
  if (decade) {
    *c = ExactCore(*c, QuantityKind::kYear, c->value);
    c->has_bounds = true;
    c->low = c->value;
    c->high = c->value + 9;
    c->last = k + 1;
    return true;
  }
  if (KeyIs(k, "h") && IsNumber(k + 1) && Glued(k + 1) == Glued(k) && T(k + 1).int_digits == 2 &&
      T(k + 1).value < 60) {
    c->kind = QuantityKind::kDuration;  // "2h30", "2 h 30": 150 minutes
    c->unit = "minute";
    c->value = c->value * 60 + T(k + 1).value;
    c->last = k + 2;
    return true;
  }
  return false;
}

// "two and a half years": the half belongs to the number.
void Recognizer::MatchAndAHalf(Core* c, Lead* lead) const {
  const size_t k = c->last;
  if (KeyIs(k, "and") && KeyIs(k + 1, "a") && KeyIs(k + 2, "half")) {
    c->value += 0.5;
    c->last = k + 3;
    lead->article = false;
  }
}

// A scale word or abbreviation after digits: "1,2 million", "3 Mds", "10k", "$3bn".
// "M" needs a capital or a currency ("3 m" is metres), "b" a currency.
void Recognizer::MatchScale(Core* c, Unit prefix) const {
  const size_t s = c->last;
  const LexEntry* e = Sense(
      s, [](const LexEntry& x) { return x.scale > 0; },
      /*english_first=*/true);
  if (e == nullptr) return;
  size_t cur_end = 0;
  const bool currency =
      prefix != Unit::kNone || CurrencyAfter(s + 1, true, &cur_end) != Unit::kNone;
  if ((e->has(kNeedsCaps) && !T(s).all_caps && !currency) || (e->has(kWithCurrency) && !currency)) {
    return;
  }
  c->value *= e->scale;
  c->half *= e->scale;
  c->scale = e->scale;
  c->has_scale = true;
  c->last = s + 1;
}

// The unit, then what depends on it: the sign, rates such as "24h/24" (skipped), and
// whether a bare integer could be a year. False when a lone article has no unit.
bool Recognizer::FinishUnits(Core* c, const Lead& lead) const {
  const size_t unit_at = c->last;
  const bool has_unit = MatchUnit(c, unit_at, lead.prefix);
  if (lead.article) {
    // "un an", "une semaine", "un euro", "un point de pourcentage" count; "un point"
    // and the idiom "un jour" do not.
    if (!has_unit || KeyIs(unit_at, "jour") || KeyIs(unit_at, "day")) return false;
    if (c->kind == QuantityKind::kPercentagePoints && c->last == unit_at + 1) return false;
  }
  c->value *= lead.sign;
  if (c->unit == UnitName(Unit::kFahrenheit)) {
    // Temperatures compare in degrees Celsius: "140 °F" is 60 °C.
    c->value = (c->value - 32) * 5 / 9;
    c->half = c->half * 5 / 9;
    c->unit = UnitName(Unit::kCelsius);
  }
  if (c->kind == QuantityKind::kDuration && Sym(c->last, '/') && Glued(c->last) &&
      IsNumber(c->last + 1) && Glued(c->last + 1)) {
    c->skip = true;  // "24h/24", "7j/7"
    c->last += 2;
  }
  const Token& n = T(lead.number);
  c->year_shaped = !lead.words && !has_unit && !c->has_scale && lead.sign > 0 &&
                   lead.prefix == Unit::kNone && n.plain && !n.leading_zero && n.int_digits == 4 &&
                   c->value >= 1000 && c->value <= 2100;
  return true;
}

// "un quart", "deux tiers", "trois quarts", "a third", "two-thirds", "un cinquième".
bool Recognizer::MatchFractionWord(Core* c, size_t k) const {
  if (c->decimals > 0 || c->has_scale || c->value < 1 || c->value > 99) return false;
  size_t d = k;
  if (Sym(d, '-') && Glued(d) && Glued(d + 1)) ++d;
  const LexEntry* den = Sense(d, [](const LexEntry& e) { return e.denominator > 0; });
  if (den == nullptr) return false;
  // "un cinquième mandat", "a third term", "a third-party vendor": an ordinal before a
  // noun, not a fraction.
  const bool ordinal_like = Sense(d, [](const LexEntry& e) { return e.ordinal > 0; });
  const bool compound = Sym(d + 1, '-') && Glued(d + 1) && IsWord(d + 2);
  if (ordinal_like && c->value == 1 && (IsNounLike(d + 1) || compound)) return false;
  *c = ExactCore(*c, QuantityKind::kFraction, c->value / den->denominator);
  c->last = d + 1;
  return true;
}

// Ratios: "8/10", "un sur cinq", "une entreprise sur cinq", "9 out of 10",
// "one in five".
bool Recognizer::MatchRatio(Core* c, size_t k) const {
  if (c->decimals > 0 || c->has_scale || c->value < 0) return false;
  if (IsNumber(c->last - 1) && Sym(k, '/') && Glued(k) && IsNumber(k + 1) && Glued(k + 1)) {
    return MatchSlash(c, k);
  }
  size_t s = k;
  int middle = 0;
  while (middle < 3 && IsNounLike(s) && !Flag(s, kFractionOf) && !Flag(s, kQualifierStart) &&
         (T(s).roles & (kRoleUnit | kRoleScale)) == 0) {
    ++s, ++middle;
  }
  const bool sur = KeyIs(s, "sur") && lang_ != Lang::kEn;
  const bool in = KeyIs(s, "in") && lang_ != Lang::kFr && middle == 0;
  const bool out_of = KeyIs(s, "out") && KeyIs(s + 1, "of") && lang_ != Lang::kFr;
  if (!sur && !in && !out_of) return false;
  double d = 0;
  size_t dend = 0;
  bool d_words = false;
  if (!RatioDenominator(s + (out_of ? 2 : 1), &d, &dend, &d_words)) return false;
  if (d < 2 || c->value > d) return false;
  const bool words = c->in_words || d_words;
  *c = ExactCore(*c, QuantityKind::kFraction, c->value / d);
  c->in_words = words;
  c->last = dend;
  return true;
}

// "8/10", "17/20": a fraction when the denominator is at most 100 and not smaller
// than the numerator. Otherwise ("24/7") the pair is skipped, except two years.
bool Recognizer::MatchSlash(Core* c, size_t k) const {
  const Token& d = T(k + 1);
  if (Sym(k + 2, '/') && Glued(k + 2)) return false;
  const bool fraction =
      d.plain && T(c->last - 1).plain && c->value <= d.value && d.value >= 2 && d.value <= 100;
  if (fraction) {
    *c = ExactCore(*c, QuantityKind::kFraction, c->value / d.value);
    c->last = k + 2;
    return true;
  }
  if (T(c->last - 1).int_digits == 4 && d.int_digits == 4) return false;  // "2023/2024"
  c->skip = true;  // "24/7", "7/24": a rate, not a quantity
  c->last = k + 2;
  return true;
}

// The denominator of "un sur cinq" at `dpos`: digits or words, not a year, not followed
// by a unit ("20 millions sur 3 ans" is no ratio).
bool Recognizer::RatioDenominator(size_t dpos, double* d, size_t* dend, bool* words) const {
  if (IsNumber(dpos) && T(dpos).plain) {
    *d = T(dpos).value;
    *dend = dpos + 1;
    if (T(dpos).int_digits == 4 && *d >= 1000 && *d <= 2100) return false;
  } else {
    const std::optional<WordNumber> w = ParseWordNumber(tl_, dpos, lang_);
    if (!w || w->article_only || w->ordinal) return false;
    *d = w->value, *dend = w->end, *words = true;
  }
  size_t unit_end = 0;
  return !MatchPercent(*dend, &unit_end) && Sense(*dend, [](const LexEntry& e) {
                                              return e.unit != Unit::kNone || e.scale > 0 ||
                                                     e.month > 0;
                                            }) == nullptr;
}

// Multipliers after a number: "deux fois plus", "three times as", "3x", "x3" is in
// MatchMultiplierWord, "10-fold".
bool Recognizer::MatchTimes(Core* c, size_t k) const {
  if (c->has_scale || c->value <= 0) return false;
  double value = c->value;
  size_t end = 0;
  if (Flag(k, kTimes) && Flag(k + 1, kComparative)) {
    const std::string_view cmp = Key(k + 1);
    const bool less = cmp == "moins" || cmp == "less" || cmp == "fewer" || cmp == "lower" ||
                      cmp == "smaller" || cmp == "slower";
    if (less) value = 1 / value;
    end = k + 2;
  } else if (IsNumber(c->last - 1) && Glued(k) && (KeyIs(k, "x") || Sym(k, 0xD7))) {
    end = k + 1;
  } else if (Sym(k, '-') && Glued(k) && Flag(k + 1, kFold) && Glued(k + 1)) {
    end = k + 2;
  } else {
    return false;
  }
  const int decimals = c->decimals;
  *c = ExactCore(*c, QuantityKind::kMultiplier, value);
  c->decimals = decimals;
  c->last = end;
  return true;
}

}  // namespace citecheck::text::internal
