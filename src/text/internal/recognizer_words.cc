// Expressions whose number is a word of its own: ordinals ("deuxième", "the second"),
// halves ("la moitié", "half of"), multipliers ("doublé", "tenfold", "x3") and vague
// counts ("une dizaine", "des centaines de", "thousands of").
#include "text/internal/recognizer.h"

namespace citecheck::text::internal {

// A lone ordinal word: "premier", "deuxième", "vingt-et-unième", "first", "the second".
std::optional<Core> Recognizer::MatchOrdinalWord(size_t i, const WordNumber& wn) const {
  if (wn.words == 1) {
    const bool second = Sense(i, [](const LexEntry& e) { return e.has(kSecondOrdinal); });
    if (second && (i == 0 || !Flag(i - 1, kOrdinalDet))) return std::nullopt;
    const std::string_view k = Key(i);
    if ((k == "premier" || k == "premiere") && KeyIs(i + 1, "ministre")) return std::nullopt;
    if (k == "first" && i > 0 && KeyIs(i - 1, "at")) return std::nullopt;
    if (k == "third" && (KeyIs(i + 1, "party") || KeyIs(i + 1, "parties"))) return std::nullopt;
    if (Sym(i + 1, '-') && Glued(i + 1) && (KeyIs(i + 2, "party") || KeyIs(i + 2, "parties"))) {
      return std::nullopt;
    }
  }
  Core c;
  c.first = i;
  c.last = wn.end;
  c.in_words = true;
  return ExactCore(c, QuantityKind::kOrdinal, wn.value);
}

// "la moitié", "moitié", "half of", "half the".
std::optional<Core> Recognizer::MatchHalf(size_t i) const {
  Core c;
  c.first = i;
  c.in_words = true;
  const auto fr_half = [this](size_t k) { return KeyIs(k, "moitie"); };
  if (fr_half(i) || (KeyIs(i, "la") && fr_half(i + 1))) {
    c.last = fr_half(i) ? i + 1 : i + 2;
    return ExactCore(c, QuantityKind::kFraction, 0.5);
  }
  if (!KeyIs(i, "half") || lang_ == Lang::kFr) return std::nullopt;
  if (i > 0 && (Flag(i - 1, kOrdinalDet) || KeyIs(i - 1, "other") ||
                Sense(i - 1, [](const LexEntry& e) { return e.ordinal > 0; }))) {
    return std::nullopt;
  }
  if (Sym(i + 1, '-') && Glued(i + 1)) return std::nullopt;
  const std::string_view next = Key(i + 1);
  const bool of = next == "of" || next == "the" || next == "a" || next == "an" || next == "its" ||
                  next == "their" || next == "all" || next == "our" || next == "his" ||
                  next == "her" || next == "that" || next == "this" || next == "these" ||
                  next == "those";
  if (!of || !IsWord(i + 1)) return std::nullopt;
  c.last = i + 1;
  return ExactCore(c, QuantityKind::kFraction, 0.5);
}

// "doublé", "a triplé", "le double", "tenfold", "doubled", "twice as", "x3", "×3".
std::optional<Core> Recognizer::MatchMultiplierWord(size_t i) const {
  Core c;
  c.first = i;
  if ((Flag(i, kMultiplierSign) && IsNumber(i + 1) && Glued(i + 1) && !Glued(i)) ||
      (Sym(i, 0xD7) && IsNumber(i + 1))) {
    c.last = i + 2;
    c = ExactCore(c, QuantityKind::kMultiplier, T(i + 1).value);
    c.decimals = T(i + 1).decimals;
    return c;
  }
  const LexEntry* e = Sense(i, [](const LexEntry& x) { return x.multiplier_word > 0; });
  if (e == nullptr) return std::nullopt;
  const std::string_view k = Key(i);
  if (e->has(kNeedsDeterminer) && !T(i).accented) {
    // Determiners and auxiliaries: "le double", "un doublement", "a doublé", "to double".
    static constexpr std::string_view kBefore[] = {
        "le",    "la",       "au",      "du",    "un",      "ce",     "son",    "sa",
        "leur",  "a",        "ont",     "avait", "avaient", "aura",   "auront", "va",
        "vont",  "pourrait", "devrait", "doit",  "the",     "to",     "will",   "would",
        "could", "can",      "may",     "might", "should",  "nearly", "almost", "more"};
    bool ok = false;
    for (std::string_view b : kBefore) ok = ok || (i > 0 && KeyIs(i - 1, b));
    if (!ok) return std::nullopt;
  }
  if ((k == "twice" || k == "thrice") && !Flag(i + 1, kComparative)) return std::nullopt;
  c.last = i + 1;
  c.in_words = true;
  return ExactCore(c, QuantityKind::kMultiplier, e->multiplier_word);
}

// "multiplié" / "divisé" (any agreement, the infinitive too), "multiplied" and
// "divided", which take their factor after "par" / "by".
bool Recognizer::IsMultipliedBy(size_t i) const {
  if (!IsWord(i)) return false;
  std::string_view k = Key(i);
  if (k == "divided") return true;
  if (k.starts_with("multipli")) {
    k.remove_prefix(8);
  } else if (k.starts_with("divis")) {
    k.remove_prefix(5);
  } else {
    return false;
  }
  return k == "e" || k == "ee" || k == "es" || k == "ees" || k == "er" || k == "ed";
}

// "multiplié par trois" (3), "multiplied by 2.5", "divisé par deux" (0.5): the span is
// the verb with its factor.
std::optional<Core> Recognizer::MatchMultipliedBy(size_t i) const {
  if (!IsMultipliedBy(i) || !(KeyIs(i + 1, "par") || KeyIs(i + 1, "by"))) return std::nullopt;
  const size_t n = i + 2;
  double factor = 0;
  size_t end = 0;
  int decimals = 0;
  bool words = false;
  if (IsNumber(n)) {
    // "multiplié par 3x" repeats the factor's sign: "3x" alone is the multiplier.
    if (Glued(n + 1) && (KeyIs(n + 1, "x") || Sym(n + 1, 0xD7))) return std::nullopt;
    factor = T(n).value;
    decimals = T(n).decimals;
    end = n + 1;
  } else if (const std::optional<WordNumber> w = ParseWordNumber(tl_, n, lang_);
             w && !w->ordinal && !w->article_only) {
    factor = w->value;
    end = w->end;
    words = true;
  }
  if (factor <= 0) return std::nullopt;
  const bool divided = Key(i).starts_with("divi");
  Core c;
  c.first = i;
  c.last = end;
  c = ExactCore(c, QuantityKind::kMultiplier, divided ? 1 / factor : factor);
  c.decimals = decimals;
  c.in_words = words;
  return c;
}

// The unit of an approximating noun at `k`: "dizaines" 10, "milliers" 1000 (`plural`),
// or "dizaine", "thousand" (singular, multipliers included); 0 for none.
double Recognizer::ApproxNoun(size_t k, bool plural) const {
  const LexEntry* e = Sense(k, [plural](const LexEntry& x) {
    if (plural) return x.approx_noun > 0 && x.has(kPluralScale);
    return (x.approx_noun > 0 && !x.has(kPluralScale)) || x.multiplier >= 100;
  });
  if (e == nullptr) return 0;
  return e->approx_noun > 0 ? e->approx_noun : e->multiplier;
}

// The words of a vague count starting at `i`: its unit, whether it is "about one" of it
// ("une dizaine") rather than "several" ("des dizaines"), and the token after it.
bool Recognizer::VagueHead(size_t i, double* unit, bool* about_one, size_t* end) const {
  *about_one = false;
  if (Flag(i, kArticleOne) && lang_ != Lang::kEn &&
      Sense(i + 1, [](const LexEntry& x) { return x.approx_noun > 0; }) != nullptr) {
    *unit = ApproxNoun(i + 1, false);  // "une dizaine", "un millier"
    *about_one = true;
    *end = i + 2;
    return *unit > 0;
  }
  // "des", "de" ("de dizaines de civils") only before a plural noun.
  const bool des = (KeyIs(i, "des") && !T(i).accented) || KeyIs(i, "de") || KeyIs(i, "d'");
  const bool a_few = KeyIs(i, "a") && KeyIs(i + 1, "few");
  size_t k = i;
  if ((Flag(i, kVague) && !KeyIs(i, "des")) || des || a_few) {
    k = a_few ? i + 2 : i + 1;  // "plusieurs milliers", "several thousand", "a few hundred"
    *unit = ApproxNoun(k, true);
    if (*unit == 0 && !des) *unit = ApproxNoun(k, false);
  } else if (Flag(i, kPluralScale) && lang_ != Lang::kFr && KeyIs(i + 1, "of")) {
    *unit = ApproxNoun(i, true);  // "thousands of"
  } else {
    return false;
  }
  *end = k + 1;
  return *unit > 0;
}

// Vague counts: "une dizaine", "un millier", "une centaine de milliers",
// "des centaines", "plusieurs milliers", "quelques millions d'euros", "des dizaines de
// milliers", "dozens of", "several thousand", "tens of thousands of". "About one" of a
// unit allows +-20 %; "several" of it means 2 to 10 of it, valued at the least.
std::optional<Core> Recognizer::MatchVague(size_t i) const {
  double u = 0;
  bool about_one = false;
  size_t k = 0;
  if (!VagueHead(i, &u, &about_one, &k)) return std::nullopt;
  if ((IsDe(k) || KeyIs(k, "of")) && ApproxNoun(k + 1, true) >= 1000) {
    u *= ApproxNoun(k + 1, true);  // "des dizaines de milliers", "tens of thousands"
    k += 2;
  }
  Core c;
  c.first = i;
  c.last = k;
  c.in_words = true;
  c.rangeable = false;
  c.has_bounds = true;
  c.qualifier = Qualifier::kApprox;
  size_t end = 0;
  const Unit cur = CurrencyAfter(k, /*allow_de=*/true, &end);
  if (cur != Unit::kNone) {
    c.kind = QuantityKind::kMoney;
    c.unit = UnitName(cur);
    c.last = end;
  }
  c.value = about_one ? u : 2 * u;
  c.low = about_one ? 0.8 * u : 2 * u;
  c.high = about_one ? 1.2 * u : 10 * u;
  return c;
}

}  // namespace citecheck::text::internal
