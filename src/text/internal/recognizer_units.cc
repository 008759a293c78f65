// Units after a number (percent, points, currencies, durations) and currencies before
// it ("$3bn", "US$5", "EUR 40").
#include "text/internal/recognizer.h"

namespace citecheck::text::internal {
namespace {

bool IsDuration(Unit u) { return u >= Unit::kYear && u <= Unit::kSecond; }
bool IsMeasure(Unit u) { return u >= Unit::kMetre && u <= Unit::kFahrenheit; }

Unit CurrencySymbol(const Token& t) {
  if (t.type != TokenType::kSymbol) return Unit::kNone;
  switch (t.symbol) {
    case U'€':
      return Unit::kEur;
    case U'$':
      return Unit::kUsd;
    case U'£':
      return Unit::kGbp;
    default:
      return Unit::kNone;
  }
}

}  // namespace

std::string_view UnitName(Unit u) {
  switch (u) {
    case Unit::kPercent:
      return "%";
    case Unit::kPoints:
    case Unit::kBasisPoints:
      return "pp";
    case Unit::kEur:
      return "EUR";
    case Unit::kUsd:
      return "USD";
    case Unit::kGbp:
      return "GBP";
    case Unit::kYear:
      return "year";
    case Unit::kMonth:
      return "month";
    case Unit::kWeek:
      return "week";
    case Unit::kDay:
      return "day";
    case Unit::kHour:
      return "hour";
    case Unit::kMinute:
      return "minute";
    case Unit::kSecond:
      return "second";
    case Unit::kMetre:
      return "m";
    case Unit::kKilogram:
      return "kg";
    case Unit::kSquareMetre:
      return "m2";
    case Unit::kLitre:
      return "l";
    case Unit::kCelsius:
      return "°C";
    case Unit::kFahrenheit:
      return "°F";
    case Unit::kNone:
      break;
  }
  return "";
}

bool IsCurrency(Unit u) { return u == Unit::kEur || u == Unit::kUsd || u == Unit::kGbp; }

Unit Recognizer::CurrencyWord(size_t k, size_t* end) const {
  const LexEntry* e = Sense(k, [](const LexEntry& x) { return IsCurrency(x.unit); });
  if (e != nullptr && (!e->has(kNeedsCaps) || T(k).all_caps)) {
    *end = k + 1;
    if (e->unit == Unit::kUsd && (KeyIs(k + 1, "americains") || KeyIs(k + 1, "us"))) ++*end;
    return e->unit;
  }
  const std::string_view key = Key(k);
  if ((key == "livre" || key == "livres" || key == "pound" || key == "pounds") &&
      KeyIs(k + 1, "sterling")) {
    *end = k + 2;
    return Unit::kGbp;
  }
  if (key == "us" && T(k).all_caps && (KeyIs(k + 1, "dollars") || KeyIs(k + 1, "dollar"))) {
    *end = k + 2;
    return Unit::kUsd;
  }
  return Unit::kNone;
}

// A currency after the number: "€", "euros", "EUR", "dollars", "livres sterling",
// and with `allow_de` (after a scale word) "d'euros", "de dollars", "of dollars".
Unit Recognizer::CurrencyAfter(size_t k, bool allow_de, size_t* end) const {
  const Unit sym = CurrencySymbol(T(k));
  if (sym != Unit::kNone) {
    *end = k + 1;
    return sym;
  }
  const Unit word = CurrencyWord(k, end);
  if (word != Unit::kNone || !allow_de) return word;
  if (KeyIs(k, "de") || KeyIs(k, "d'") || KeyIs(k, "of")) {
    const Unit s = CurrencySymbol(T(k + 1));
    if (s != Unit::kNone) {
      *end = k + 2;
      return s;
    }
    return CurrencyWord(k + 1, end);
  }
  return Unit::kNone;
}

// A currency before the number: "$3bn", "€ 40", "US$5", "USD 3".
Unit Recognizer::CurrencyPrefix(size_t i, size_t* end) const {
  const Unit sym = CurrencySymbol(T(i));
  if (sym != Unit::kNone && IsNumber(i + 1)) {
    *end = i + 1;
    return sym;
  }
  if (KeyIs(i, "us") && T(i).all_caps && Sym(i + 1, '$') && Glued(i + 1) && IsNumber(i + 2)) {
    *end = i + 2;
    return Unit::kUsd;
  }
  const LexEntry* e = Sense(i, [](const LexEntry& x) { return IsCurrency(x.unit); });
  if (e != nullptr && e->has(kNeedsCaps) && T(i).all_caps && IsNumber(i + 1)) {
    *end = i + 1;
    return e->unit;
  }
  return Unit::kNone;
}

bool Recognizer::MatchPercent(size_t k, size_t* end) const {
  if (Sym(k, '%') || Sym(k, 0xFF05)) {
    *end = k + 1;
    return true;
  }
  if (Sense(k, [](const LexEntry& e) { return e.unit == Unit::kPercent; })) {
    *end = k + 1;
    return true;
  }
  if (Flag(k, kPercentWord)) {
    if (KeyIs(k + 1, "cent")) {
      *end = k + 2;
      return true;
    }
    if (Sym(k + 1, '-') && Glued(k + 1) && KeyIs(k + 2, "cent") && Glued(k + 2)) {
      *end = k + 3;
      return true;
    }
  }
  return false;
}

// Percentage points: "3 points", "3 pts", "3 pp", "3 points de pourcentage",
// "3 percentage points"; basis points ("50 pb", "50 bps", "50 points de base") count
// as hundredths. "3 points de vente" and "3 points of sale" are not points.
bool Recognizer::MatchPoints(size_t k, size_t* end, double* factor) const {
  *factor = 1;
  const bool points_after = KeyIs(k + 1, "point") || KeyIs(k + 1, "points");
  if (KeyIs(k, "percentage") && points_after) {
    *end = k + 2;
    return true;
  }
  if (KeyIs(k, "basis") && points_after) {
    *end = k + 2;
    *factor = 0.01;
    return true;
  }
  const LexEntry* e = Sense(
      k, [](const LexEntry& x) { return x.unit == Unit::kPoints || x.unit == Unit::kBasisPoints; });
  if (e == nullptr) return false;
  if (e->unit == Unit::kBasisPoints) {
    *end = k + 1;
    *factor = 0.01;
    return true;
  }
  const bool word = KeyIs(k, "point") || KeyIs(k, "points");
  if (KeyIs(k + 1, "de") || KeyIs(k + 1, "d'")) {
    if (KeyIs(k + 2, "pourcentage") || Sym(k + 2, '%')) {
      *end = k + 3;
      return true;
    }
    if (KeyIs(k + 2, "base")) {
      *end = k + 3;
      *factor = 0.01;
      return true;
    }
    if (word) return false;
  }
  if (word && KeyIs(k + 1, "of")) return false;
  *end = k + 1;
  return true;
}

bool Recognizer::AtLineStart(size_t i) const {
  size_t at = T(i).begin;
  while (at > 0 && (tl_.text[at - 1] == ' ' || tl_.text[at - 1] == '\t')) --at;
  return at == 0 || tl_.text[at - 1] == '\n';
}

// A physical unit at token `k`: "km", "tonnes", "hectares", "°C", "60°F", "degrés
// Celsius", and after a scale word "de tonnes", "of tonnes". Not a rate ("130 km/h",
// "5 mg/l"): the figure then measures something else. Sets `*factor` to base units.
Unit Recognizer::MeasureAt(size_t k, size_t number, bool after_scale, double* factor,
                            size_t* end) const {
  *factor = 1;
  size_t u = k;
  if (Sym(u, '-') && Glued(u) && Glued(u + 1)) ++u;  // "26-mile", "3-metre"
  if (after_scale && (KeyIs(u, "de") || KeyIs(u, "d'") || KeyIs(u, "of"))) ++u;
  Unit unit = Unit::kNone;
  if (Sym(u, 0x2103) || Sym(u, 0x2109)) {  // "℃", "℉"
    unit = Sym(u, 0x2103) ? Unit::kCelsius : Unit::kFahrenheit;
    *end = u + 1;
  } else if (Sym(u, 0xB0)) {
    // "60°C", "60 °F", and a bare "-18°" (a temperature, or an angle read as one); not
    // the "1°", "2°" that number the items of a French legal text at a line start.
    const bool scale = (KeyIs(u + 1, "c") || KeyIs(u + 1, "f")) && Glued(u + 1);
    if (!scale && AtLineStart(number)) return Unit::kNone;
    unit = KeyIs(u + 1, "f") && Glued(u + 1) ? Unit::kFahrenheit : Unit::kCelsius;
    *end = scale ? u + 2 : u + 1;
  } else if (KeyIs(u, "degree") || KeyIs(u, "degrees") || KeyIs(u, "degre") ||
             KeyIs(u, "degres")) {
    *end = u + 2;
    if (KeyIs(u + 1, "celsius") || KeyIs(u + 1, "centigrade")) {
      unit = Unit::kCelsius;
    } else if (KeyIs(u + 1, "fahrenheit")) {
      unit = Unit::kFahrenheit;
    } else if (Sense(u, [](const LexEntry& e) { return e.unit == Unit::kCelsius; })) {
      unit = Unit::kCelsius;  // French "degrés" alone
      *end = u + 1;
    }
  } else {
    const LexEntry* e = Sense(u, [](const LexEntry& x) { return IsMeasure(x.unit); });
    // One-letter units are lower case: "3 M" is three million, "5G" a network.
    if (e == nullptr || (Key(u).size() == 1 && T(u).all_caps)) return Unit::kNone;
    unit = e->unit;
    *factor = e->unit_factor;
    *end = u + 1;
    if (unit == Unit::kMetre && (Sym(*end, 0xB2) || Sym(*end, 0xB3)) && Glued(*end)) {
      // "45 m²", "12 km²": a surface; "m³" is a volume (1000 litres).
      const bool square = Sym(*end, 0xB2);
      unit = square ? Unit::kSquareMetre : Unit::kLitre;
      *factor = square ? *factor * *factor : *factor * *factor * *factor * 1000;
      ++*end;
    }
  }
  if (unit == Unit::kNone) return unit;
  if (Sym(*end, '/') && Glued(*end)) return Unit::kNone;  // a rate
  return unit;
}

// The unit at token `k`: percent, points, a currency (or the `prefix` one), a
// duration or a physical measure. Sets `*unit`, `*factor` (to base units) and `*end`.
bool Recognizer::UnitAt(size_t k, const Core& c, Unit prefix, Unit* unit, double* factor,
                        size_t* end) const {
  *factor = 1;
  if (MatchPercent(k, end)) {
    *unit = Unit::kPercent;
    return true;
  }
  if (MatchPoints(k, end, factor)) {
    *unit = Unit::kPoints;
    return true;
  }
  const Unit cur = CurrencyAfter(k, c.has_scale, end);
  if (cur != Unit::kNone) {
    *unit = cur;
    return prefix == Unit::kNone || prefix == cur;
  }
  if (prefix != Unit::kNone) {
    *unit = prefix;
    *end = k;
    return true;
  }
  size_t u = k;
  if (Sym(k, '-') && Glued(k) && Glued(k + 1)) u = k + 1;  // "3-year", "10-day"
  auto duration = [](const LexEntry& x) { return IsDuration(x.unit); };
  // "cinq dernières années", "trois prochains mois": a time adjective between the
  // number and its unit.
  static constexpr std::string_view kTimeAdjectives[] = {
      "derniers", "dernieres", "dernier", "derniere", "prochains", "prochaines",
      "premiers", "premieres", "consecutifs", "consecutives"};
  for (std::string_view adjective : kTimeAdjectives) {
    if (KeyIs(u, adjective) && Sense(u + 1, duration) != nullptr) {
      ++u;
      break;
    }
  }
  const LexEntry* e = Sense(u, duration);
  if (e == nullptr) {
    *unit = MeasureAt(k, c.first, c.has_scale, factor, end);
    return *unit != Unit::kNone;
  }
  if (e->has(kAttachedOnly) && !(Glued(u) && u == k)) return false;
  *unit = e->unit;
  *factor = e->unit_factor;
  *end = u + 1;
  return true;
}

// Units after the number (and its scale). Sets kind, unit and value in base units.
bool Recognizer::MatchUnit(Core* c, size_t k, Unit prefix) const {
  Unit unit = Unit::kNone;
  double factor = 1;
  size_t end = 0;
  if (!UnitAt(k, *c, prefix, &unit, &factor, &end)) return false;
  c->unit = UnitName(unit);
  c->kind = unit == Unit::kPercent  ? QuantityKind::kPercent
            : unit == Unit::kPoints ? QuantityKind::kPercentagePoints
            : IsCurrency(unit)      ? QuantityKind::kMoney
            : IsMeasure(unit)       ? QuantityKind::kMeasure
                                    : QuantityKind::kDuration;
  c->value *= factor;
  c->half *= factor;
  c->unit_factor = factor;
  c->last = end;
  if (IsDuration(unit) && KeyIs(end, "et") &&
      Sense(end + 1, [](const LexEntry& x) { return x.has(kDecimalPart); })) {
    c->value += 0.5 * factor;  // "deux ans et demi"
    c->last = end + 2;
  }
  return true;
}

}  // namespace citecheck::text::internal
