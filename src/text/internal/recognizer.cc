// Driver of the quantity recognizer: at each token, a date, a label to skip, a range,
// a qualified quantity or a bare one; then the bounds of what was found.
#include "text/internal/recognizer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "text/internal/stopwords.h"
#include "text/internal/utf8.h"

namespace citecheck::text::internal {

Recognizer::Recognizer(const TokenList& tokens, Lang lang)
    : tl_(tokens), n_(tokens.tokens.size()), lang_(lang) {}

bool Recognizer::IsDe(size_t i) const {
  const std::string_view k = Key(i);
  return IsWord(i) && (k == "de" || k == "d'" || k == "des" || k == "du");
}

bool Recognizer::IsStop(size_t i) const {
  if (!IsWord(i)) return false;
  const std::string_view k = Key(i);
  if (lang_ == Lang::kFr) return IsFrenchStopword(k);
  if (lang_ == Lang::kEn) return IsEnglishStopword(k);
  return IsFrenchStopword(k) || IsEnglishStopword(k);
}

bool Recognizer::IsNounLike(size_t i) const {
  return IsWord(i) && !IsStop(i) &&
         Sense(i, [](const LexEntry& e) { return e.cardinal >= 0 || e.multiplier > 0; }) == nullptr;
}

// Whether a match may start at token `i`; most tokens are ruled out here, cheaply.
bool Recognizer::CanStart(size_t i) const {
  const Token& t = T(i);
  switch (t.type) {
    case TokenType::kNumber:
    case TokenType::kNumericDate:
      return true;
    case TokenType::kOpaque:
      return false;
    case TokenType::kWord: {
      constexpr uint32_t kStarts = kRefWord | kTimePrep | kRangeStart | kQualifierStart |
                                   kArticleOne | kArticleA | kVague | kPluralScale |
                                   kMultiplierSign | kHalf | kHalfArticle | kCurrencyLead;
      const uint32_t starts = t.flags & kStarts;
      if (starts == kHalfArticle && t.roles == 0) return KeyIs(i + 1, "moitie");
      return t.roles != 0 || starts != 0 || Key(i) == "n" || Key(i) == "no" || Key(i) == "nos" ||
             IsMultipliedBy(i);
    }
    case TokenType::kSymbol:
      switch (t.symbol) {
        case '-':
        case 0x2212:
        case '+':
        case U'$':
        case U'€':
        case U'£':
        case '~':
        case 0x2248:
        case 0x223C:
        case '>':
        case '<':
        case 0x2265:
        case 0x2264:
        case 0x2A7E:
        case 0x2A7D:
        case 0xD7:
        case '#':
        case 0x2116:
        case '[':
          return true;
        default:
          return false;
      }
  }
  return false;
}

// Whether a figure is near `i`: a number, a numeric date, or a word that is a number,
// a month, a multiplier, a scale or a denominator, or "moitié" / "half", among the
// next few tokens. A match that starts with a word ("de", "plus", "une", "en") always
// holds one within that reach, so words with none are not tried: most words of prose
// are such connectors, and trying them all cost half the recognizer's time.
bool Recognizer::FigureNear(size_t i) const {
  constexpr size_t kReach = 6;
  constexpr uint16_t kFigureRoles =
      kRoleNumber | kRoleMonth | kRoleMultiplier | kRoleScale | kRoleDenominator;
  // "un", "une", "a", "one" count only with what follows them: a number word, a
  // fraction, a scale, or a unit right after ("un an", "un euro").
  const bool article = Flag(i, kArticleOne | kArticleA);
  for (size_t k = article ? i + 1 : i; k < n_ && k <= i + kReach; ++k) {
    const Token& t = T(k);
    if (t.type == TokenType::kNumber || t.type == TokenType::kNumericDate) return true;
    if (t.type != TokenType::kWord) continue;
    const uint16_t roles = article && k == i + 1 ? kFigureRoles | kRoleUnit : kFigureRoles;
    if ((t.roles & roles) != 0 || (t.flags & (kHalf | kPluralScale)) != 0 || IsMultipliedBy(k)) {
      return true;
    }
  }
  return false;
}

std::vector<Quantity> Recognizer::Run() const {
  std::vector<Quantity> out;
  for (size_t i = 0; i < n_;) {
    if (!CanStart(i) || (IsWord(i) && !FigureNear(i))) {
      ++i;
      continue;
    }
    const std::optional<Match> m = MatchAt(i);
    if (!m) {
      ++i;
      continue;
    }
    if (!m->a.skip) out.push_back(Finalize(*m));
    i = std::max(m->last, i + 1);
  }
  return out;
}

std::optional<Match> Recognizer::MatchAt(size_t i) const {
  const Token& t = T(i);
  if (t.type == TokenType::kOpaque) return std::nullopt;
  auto single = [](const Core& c) {
    Match m;
    m.a = c;
    m.first = c.first;
    m.last = c.last;
    m.qualifier = c.qualifier;
    return m;
  };
  if (auto c = MatchLabel(i)) return single(*c);
  if (auto c = MatchDate(i)) return single(*c);
  if (auto c = MatchClock(i)) return single(*c);
  if (Flag(i, kRangeStart)) {
    if (auto m = MatchRangeWithOpener(i)) return m;
  }
  if (auto m = MatchQualified(i)) return m;
  std::optional<Core> c = MatchCore(i);
  if (!c) return std::nullopt;
  if (c->skip) return single(*c);
  if (auto r = ContinueRange(*c, i, /*after_qualifier=*/false)) return r;
  Match m = single(*c);
  if (m.qualifier == Qualifier::kNone) MatchPostfix(&m);
  return m;
}

bool Recognizer::PhraseAt(size_t i, const QualifierPhrase& p, size_t* end) const {
  const uint8_t want = lang_ == Lang::kFr ? 1 : lang_ == Lang::kEn ? 2 : 3;
  if ((p.langs & want) == 0) return false;
  size_t k = i;
  for (const std::string& w : p.words) {
    if (k >= n_) return false;
    bool ok = false;
    if (w == "de") {
      ok = IsDe(k);
    } else if (w == "-") {
      ok = Sym(k, '-') && Glued(k) && Glued(k + 1);
    } else if (w == ".") {
      ok = Sym(k, '.') && Glued(k);
    } else {
      ok = IsWord(k) && Key(k) == w;
    }
    if (!ok) return false;
    ++k;
  }
  *end = k;
  return true;
}

// "s'articule autour de quatre axes", "organisé autour de trois piliers": "autour de"
// after a verb of structure says what the thing is built on, not an approximation.
bool Recognizer::StructuralAround(size_t i) const {
  // Not "tourne autour de 13 %" nor "gravite autour de": those do approximate.
  static constexpr std::string_view kVerbs[] = {"articul", "organis", "structur", "construi",
                                                "centr",   "regroup", "bati",     "axe"};
  if (!KeyIs(i, "autour") || i == 0 || !IsWord(i - 1)) return false;
  const std::string_view before = Key(i - 1);
  for (std::string_view v : kVerbs) {
    if (before.starts_with(v)) return true;
  }
  return false;
}

// A qualifier in front of a quantity or a range: "près de 13 %", "plus d'un tiers",
// "environ 10 à 15 %", "~13%", "≥ 5".
std::optional<Match> Recognizer::MatchQualified(size_t i) const {
  Match m;
  size_t after = i;
  if (T(i).type == TokenType::kSymbol) {
    const char32_t s = T(i).symbol;
    const bool eq = Sym(i + 1, '=') && Glued(i + 1);
    if (s == '~' || s == 0x2248 || s == 0x223C) m.qualifier = Qualifier::kApprox;
    if (s == '>') m.qualifier = eq ? Qualifier::kAtLeast : Qualifier::kMoreThan;
    if (s == '<') m.qualifier = eq ? Qualifier::kAtMost : Qualifier::kLessThan;
    if (s == 0x2265 || s == 0x2A7E) m.qualifier = Qualifier::kAtLeast;
    if (s == 0x2264 || s == 0x2A7D) m.qualifier = Qualifier::kAtMost;
    if (m.qualifier == Qualifier::kNone) return std::nullopt;
    after = i + (eq ? 2 : 1);
  } else if (Flag(i, kQualifierStart)) {
    if (StructuralAround(i)) return std::nullopt;
    for (const QualifierPhrase& p : QualifierPhrasesStartingWith(Key(i))) {
      if (!p.postfix && PhraseAt(i, p, &after)) {
        m.qualifier = p.qualifier;
        m.slight = p.slight;
        m.temporal = p.temporal;
        break;
      }
    }
    if (m.qualifier == Qualifier::kNone) return std::nullopt;
  } else {
    return std::nullopt;
  }
  std::optional<Match> r;
  if (Flag(after, kRangeStart)) r = MatchRangeWithOpener(after);
  if (!r) {
    std::optional<Core> c = MatchCore(after);
    if (!c || c->skip || c->qualifier != Qualifier::kNone) return std::nullopt;
    r = ContinueRange(*c, after, /*after_qualifier=*/true);
    if (!r) {
      m.a = *c;
      m.first = i;
      m.last = c->last;
      return m;
    }
  }
  r->first = i;  // "environ 10 à 15 %": the range, qualifier words in its span
  return r;
}

// True when a word of change ("passé", "rose") comes just before token `i`:
// "est passé de 10 % à 15 %" states two values, not a range.
bool Recognizer::ChangeBefore(size_t i) const {
  for (size_t back = 1; back <= 3 && back <= i; ++back) {
    if (Flag(i - back, kChangeWord)) return true;
    if (T(i - back).type != TokenType::kWord) return false;
  }
  return false;
}

// "entre 10 et 15 %", "de 10 à 15 %", "between 10 and 15 percent", "from 10 to 15".
std::optional<Match> Recognizer::MatchRangeWithOpener(size_t opener) const {
  const std::string_view k = Key(opener);
  const bool between = k == "entre" || k == "between";
  std::optional<Core> a = MatchCore(opener + 1);
  if (!a || a->skip || !a->rangeable) return std::nullopt;
  const size_t conn = a->last;
  const bool conn_ok = between ? Flag(conn, kEt) : Flag(conn, kRangeTo);
  if (!conn_ok) return std::nullopt;
  std::optional<Core> b = MatchCore(conn + 1);
  if (!b || b->skip || !b->rangeable) return std::nullopt;
  if (!between) {
    // "de 10 % à 15 %" with both units written out, or after a verb of change, is a
    // change between two values rather than a range.
    const bool both_units = !a->unit.empty() && !b->unit.empty();
    if (ChangeBefore(opener) || both_units) return std::nullopt;
  }
  if (!CombineRange(&*a, &*b)) return std::nullopt;
  Match m;
  m.a = *a;
  m.b = *b;
  m.qualifier = Qualifier::kRange;
  m.first = opener;
  m.last = b->last;
  return m;
}

// "10-15 %", "10 à 15 %", "10 to 15%" after a first quantity `a`. Unless a qualifier
// precedes, "à"/"to" after an opener "de"/"from" that did not make a range (a change:
// "passé de 10 à 15 %") does not make one either.
std::optional<Match> Recognizer::ContinueRange(const Core& a, size_t first,
                                               bool after_qualifier) const {
  if (!a.rangeable || a.qualifier != Qualifier::kNone) return std::nullopt;
  const size_t k = a.last;
  const Token& t = T(k);
  const bool dash = t.type == TokenType::kSymbol && IsRangeDash(t.symbol);
  if (dash) {
    // Digits on both sides, spaced alike: "10-15", "10 – 15".
    const bool spaced = t.space_before;
    if (!IsNumber(k + 1) || !IsNumber(a.last - 1) || T(k + 1).space_before != spaced) {
      return std::nullopt;
    }
  } else if (!Flag(k, kRangeTo) || (!after_qualifier && ChangeBefore(first)) ||
             (!after_qualifier && first > 0 && Flag(first - 1, kRangeStart))) {
    return std::nullopt;
  }
  std::optional<Core> b = MatchCore(k + 1);
  if (!b || b->skip || !b->rangeable) return std::nullopt;
  if (dash && a.year_shaped && !t.space_before) ShortenedYear(a, &*b);
  Core lo = a;
  if (!CombineRange(&lo, &*b)) return std::nullopt;
  Match m;
  m.a = lo;
  m.b = *b;
  m.qualifier = Qualifier::kRange;
  m.first = first;
  m.last = b->last;
  return m;
}

// The second year of "2018–19" (a season, an academic year) written with two digits:
// made the year 2019 when it follows the first one in the same century.
void Recognizer::ShortenedYear(const Core& a, Core* b) const {
  const Token& t = T(b->first);
  if (b->year_shaped || b->last != b->first + 1 || t.type != TokenType::kNumber || !t.plain ||
      t.int_digits != 2) {
    return;
  }
  const double century = a.value - std::fmod(a.value, 100);
  if (century + b->value <= a.value) return;
  b->value += century;
  b->year_shaped = true;
}

// Makes the two ends of a range agree: the unit and scale written once apply to both
// ("10-15 %", "de 1,2 à 1,5 million d'euros"). False when they cannot form a range.
bool Recognizer::CombineRange(Core* a, Core* b) const {
  if (!a->has_scale && b->has_scale) {
    a->value *= b->scale;
    a->half *= b->scale;
    a->scale = b->scale;
    a->has_scale = true;
    a->year_shaped = false;
  }
  if (a->unit.empty() && !b->unit.empty()) {
    a->value *= b->unit_factor;
    a->half *= b->unit_factor;
    a->unit = b->unit;
    a->kind = b->kind;
    a->year_shaped = false;
  } else if (b->unit.empty() && !a->unit.empty()) {
    b->value *= a->unit_factor;
    b->half *= a->unit_factor;
    b->unit = a->unit;
    b->kind = a->kind;
    b->year_shaped = false;
  }
  if (a->unit != b->unit || a->kind != b->kind) return false;
  if (a->year_shaped != b->year_shaped) return false;
  return a->value < b->value;
}

void Recognizer::MatchPostfix(Match* m) const {
  const size_t k = m->last;
  if (!Flag(k, kQualifierStart)) return;
  for (const QualifierPhrase& p : QualifierPhrasesStartingWith(Key(k))) {
    size_t end = 0;
    if (p.postfix && PhraseAt(k, p, &end)) {
      m->qualifier = p.qualifier;
      m->last = end;
      return;
    }
  }
}

// Whether a year-shaped number is a year: yes after "en", "in", "depuis"...; no after
// a plural determiner ("les 2000 salariés") or before a plural noun or unit
// ("2000 personnes", "1500 km"); yes otherwise.
bool Recognizer::YearContext(const Core& c) const {
  const size_t i = c.first;
  if (i > 0 && IsWord(i - 1)) {
    const bool des_accented = Key(i - 1) == "des" && T(i - 1).accented;  // "dès"
    if (des_accented || Flag(i - 1, kYearCue)) return true;
    if (Flag(i - 1, kCountDeterminer)) return false;
  }
  const size_t next = c.last;
  if (IsWord(next) && !IsStop(next) && !T(next).capitalized && Flag(next, kYearCue) == false) {
    const std::string_view k = Key(next);
    const bool plural = k.size() > 3 && (k.back() == 's' || k.back() == 'x');
    const bool short_unit = k.size() <= 3 && T(next).lex == nullptr;
    if (plural || short_unit) return false;
  }
  return true;
}

// Bounds of a single (non-range) quantity from its value, precision and qualifier.
void Recognizer::SetBounds(const Core& a, bool slight, Quantity* q) const {
  const double v = a.value;
  const double lo = a.has_bounds ? a.low : a.exact ? v : v - a.half;
  const double hi = a.has_bounds ? a.high : a.exact ? v : v + a.half;
  // How far "un peu plus de" reaches: 10 % of the value, at least the precision.
  const double spread = std::max(std::abs(v) * 0.1, a.exact ? 0.0 : a.half);
  // "moins de 10" cannot go below 0 for a share, a count or an amount.
  const double floor = (v >= 0 && a.kind != QuantityKind::kPercentagePoints) ? 0.0 : -HUGE_VAL;
  switch (q->qualifier) {
    case Qualifier::kNone:
    case Qualifier::kRange:
      q->low = lo, q->high = hi;
      break;
    case Qualifier::kApprox:
      q->low = a.has_bounds ? lo : std::min(lo, v - std::abs(v) * 0.1);
      q->high = a.has_bounds ? hi : std::max(hi, v + std::abs(v) * 0.1);
      break;
    case Qualifier::kMoreThan:
    case Qualifier::kAtLeast:
      q->low = v;
      q->high = slight ? v + spread : HUGE_VAL;
      break;
    case Qualifier::kLessThan:
    case Qualifier::kAtMost:
      q->low = slight ? v - spread : floor;
      q->high = v;
      break;
  }
}

Quantity Recognizer::Finalize(const Match& m) const {
  Quantity q;
  Core a = m.a;
  q.qualifier = m.qualifier;
  q.span = {T(m.first).begin, T(m.last - 1).end};
  const bool plain_year =
      a.year_shaped && !m.b && (m.qualifier == Qualifier::kNone || m.temporal) && YearContext(a);
  if (plain_year) {
    // A qualifier such as "jusqu'à" bounds a year in time, not in size: keep the year.
    q.qualifier = Qualifier::kNone;
    q.span.begin = T(a.first).begin;
    a.kind = QuantityKind::kYear;
    a.exact = true;
  }
  if (m.b) {
    Core both = a;
    both.last = m.b->last;
    if (a.year_shaped && m.b->year_shaped && YearContext(both)) a.kind = QuantityKind::kYear;
  }
  q.kind = a.kind;
  q.unit = std::string(a.unit);
  q.decimals = m.b ? std::max(a.decimals, m.b->decimals) : a.decimals;
  q.in_words = a.in_words || (m.b && m.b->in_words);
  q.text = std::string(tl_.text.substr(q.span.begin, q.span.end - q.span.begin));
  if (m.b) {
    q.value = (a.value + m.b->value) / 2;
    q.low = a.value;
    q.high = m.b->value;
  } else {
    q.value = a.value;
    SetBounds(a, m.slight, &q);
  }
  return q;
}

}  // namespace citecheck::text::internal
