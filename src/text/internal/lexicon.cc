// The recognizer's vocabulary. The tables are plain lists; BuildLexicon() merges them
// into one map, once, at first use. French ordinals ("cinquième", "vingtième") are
// derived from the cardinals by the spelling rules rather than listed.
#include "text/internal/lexicon.h"

#include <algorithm>
#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace citecheck::text::internal {
namespace {

constexpr uint8_t kFr = 1, kEn = 2, kBoth = 3;

struct Lexicon {
  std::deque<std::string> keys;  // owns the map's keys
  std::deque<LexEntry> entries;  // owns the senses; stable addresses
  std::unordered_map<std::string_view, LexSenses> words;
  std::vector<QualifierPhrase> phrases;
  // phrases grouped by first word; keys point into the phrases' own strings
  std::unordered_map<std::string_view, std::vector<QualifierPhrase>> phrases_by_first;

  // The entry of `key` for one language (kFr or kEn), created empty when missing.
  LexEntry& At(uint8_t lang, std::string_view key) {
    auto it = words.find(key);
    if (it == words.end()) {
      keys.emplace_back(key);
      it = words.emplace(keys.back(), LexSenses{}).first;
    }
    const LexEntry*& slot = lang == kFr ? it->second.fr : it->second.en;
    if (slot == nullptr) slot = &entries.emplace_back();
    return const_cast<LexEntry&>(*slot);  // entries are ours and mutable while building
  }

  template <typename F>
  void Each(uint8_t langs, std::initializer_list<std::string_view> keys_in, F set) {
    for (std::string_view k : keys_in) {
      if (langs & kFr) set(At(kFr, k));
      if (langs & kEn) set(At(kEn, k));
    }
  }
  void Flag(uint8_t langs, std::initializer_list<std::string_view> keys_in, uint32_t f) {
    Each(langs, keys_in, [f](LexEntry& e) { e.flags |= f; });
  }
};

struct Valued {
  std::string_view key;
  double value;
};

constexpr Valued kFrCardinals[] = {
    {"zero", 0},      {"un", 1},        {"une", 1},        {"deux", 2},      {"trois", 3},
    {"quatre", 4},    {"cinq", 5},      {"six", 6},        {"sept", 7},      {"huit", 8},
    {"neuf", 9},      {"dix", 10},      {"onze", 11},      {"douze", 12},    {"treize", 13},
    {"quatorze", 14}, {"quinze", 15},   {"seize", 16},     {"vingt", 20},    {"vingts", 20},
    {"trente", 30},   {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"septante", 70},
    {"huitante", 80}, {"octante", 80},  {"nonante", 90},
};
constexpr Valued kEnCardinals[] = {
    {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},
};
constexpr Valued kEnOrdinals[] = {
    {"first", 1},         {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},         {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},         {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},   {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17},  {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},    {"fortieth", 40},   {"fiftieth", 50},   {"sixtieth", 60},
    {"seventieth", 70},   {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100},
    {"thousandth", 1000}, {"millionth", 1e6},
};

struct UnitWord {
  std::string_view key;
  Unit unit;
  double factor;
  uint8_t langs;
  uint32_t flags;
};

constexpr UnitWord kUnits[] = {
    {"pourcent", Unit::kPercent, 1, kFr, 0},
    {"pourcents", Unit::kPercent, 1, kFr, 0},
    {"percent", Unit::kPercent, 1, kEn, 0},
    {"pct", Unit::kPercent, 1, kBoth, 0},
    {"points", Unit::kPoints, 1, kBoth, 0},
    {"point", Unit::kPoints, 1, kBoth, 0},
    {"pts", Unit::kPoints, 1, kBoth, 0},
    {"pt", Unit::kPoints, 1, kBoth, 0},
    {"pp", Unit::kPoints, 1, kBoth, 0},
    {"pb", Unit::kBasisPoints, 1, kFr, 0},
    {"bp", Unit::kBasisPoints, 1, kEn, 0},
    {"bps", Unit::kBasisPoints, 1, kEn, 0},
    {"euro", Unit::kEur, 1, kBoth, 0},
    {"euros", Unit::kEur, 1, kBoth, 0},
    {"eur", Unit::kEur, 1, kBoth, kNeedsCaps},
    {"dollar", Unit::kUsd, 1, kBoth, 0},
    {"dollars", Unit::kUsd, 1, kBoth, 0},
    {"usd", Unit::kUsd, 1, kBoth, kNeedsCaps},
    {"gbp", Unit::kGbp, 1, kBoth, kNeedsCaps},
    {"an", Unit::kYear, 1, kFr, 0},
    {"ans", Unit::kYear, 1, kFr, 0},
    {"annee", Unit::kYear, 1, kFr, 0},
    {"annees", Unit::kYear, 1, kFr, 0},
    {"decennie", Unit::kYear, 10, kFr, 0},
    {"decennies", Unit::kYear, 10, kFr, 0},
    {"siecle", Unit::kYear, 100, kFr, 0},
    {"siecles", Unit::kYear, 100, kFr, 0},
    {"mois", Unit::kMonth, 1, kFr, 0},
    {"trimestre", Unit::kMonth, 3, kFr, 0},
    {"trimestres", Unit::kMonth, 3, kFr, 0},
    {"semestre", Unit::kMonth, 6, kFr, 0},
    {"semestres", Unit::kMonth, 6, kFr, 0},
    {"semaine", Unit::kWeek, 1, kFr, 0},
    {"semaines", Unit::kWeek, 1, kFr, 0},
    {"jour", Unit::kDay, 1, kFr, 0},
    {"jours", Unit::kDay, 1, kFr, 0},
    {"j", Unit::kDay, 1, kFr, kAttachedOnly},
    {"heure", Unit::kHour, 1, kFr, 0},
    {"heures", Unit::kHour, 1, kFr, 0},
    {"h", Unit::kHour, 1, kBoth, 0},
    {"minute", Unit::kMinute, 1, kBoth, 0},
    {"minutes", Unit::kMinute, 1, kBoth, 0},
    {"min", Unit::kMinute, 1, kBoth, 0},
    {"mn", Unit::kMinute, 1, kFr, 0},
    {"seconde", Unit::kSecond, 1, kFr, 0},
    {"secondes", Unit::kSecond, 1, kFr, 0},
    {"sec", Unit::kSecond, 1, kBoth, 0},
    {"s", Unit::kSecond, 1, kBoth, kAttachedOnly},
    {"year", Unit::kYear, 1, kEn, 0},
    {"years", Unit::kYear, 1, kEn, 0},
    {"yr", Unit::kYear, 1, kEn, 0},
    {"yrs", Unit::kYear, 1, kEn, 0},
    {"decade", Unit::kYear, 10, kEn, 0},
    {"decades", Unit::kYear, 10, kEn, 0},
    {"century", Unit::kYear, 100, kEn, 0},
    {"centuries", Unit::kYear, 100, kEn, 0},
    {"month", Unit::kMonth, 1, kEn, 0},
    {"months", Unit::kMonth, 1, kEn, 0},
    {"week", Unit::kWeek, 1, kEn, 0},
    {"weeks", Unit::kWeek, 1, kEn, 0},
    {"wk", Unit::kWeek, 1, kEn, 0},
    {"wks", Unit::kWeek, 1, kEn, 0},
    {"day", Unit::kDay, 1, kEn, 0},
    {"days", Unit::kDay, 1, kEn, 0},
    {"hour", Unit::kHour, 1, kEn, 0},
    {"hours", Unit::kHour, 1, kEn, 0},
    {"hr", Unit::kHour, 1, kEn, 0},
    {"hrs", Unit::kHour, 1, kEn, 0},
    {"mins", Unit::kMinute, 1, kEn, 0},
    {"second", Unit::kSecond, 1, kEn, 0},
    {"seconds", Unit::kSecond, 1, kEn, 0},
    {"secs", Unit::kSecond, 1, kEn, 0},
    // Lengths. "m" is metres only in French: English news write "10m" for millions.
    {"m", Unit::kMetre, 1, kFr, 0},
    {"km", Unit::kMetre, 1e3, kBoth, 0},
    {"cm", Unit::kMetre, 1e-2, kBoth, 0},
    {"mm", Unit::kMetre, 1e-3, kBoth, 0},
    {"metre", Unit::kMetre, 1, kBoth, 0},
    {"metres", Unit::kMetre, 1, kBoth, 0},
    {"meter", Unit::kMetre, 1, kEn, 0},
    {"meters", Unit::kMetre, 1, kEn, 0},
    {"kilometre", Unit::kMetre, 1e3, kBoth, 0},
    {"kilometres", Unit::kMetre, 1e3, kBoth, 0},
    {"kilometer", Unit::kMetre, 1e3, kEn, 0},
    {"kilometers", Unit::kMetre, 1e3, kEn, 0},
    {"centimetre", Unit::kMetre, 1e-2, kBoth, 0},
    {"centimetres", Unit::kMetre, 1e-2, kBoth, 0},
    {"centimeter", Unit::kMetre, 1e-2, kEn, 0},
    {"centimeters", Unit::kMetre, 1e-2, kEn, 0},
    {"millimetre", Unit::kMetre, 1e-3, kBoth, 0},
    {"millimetres", Unit::kMetre, 1e-3, kBoth, 0},
    {"millimeter", Unit::kMetre, 1e-3, kEn, 0},
    {"millimeters", Unit::kMetre, 1e-3, kEn, 0},
    {"mile", Unit::kMetre, 1609.344, kEn, 0},
    {"miles", Unit::kMetre, 1609.344, kBoth, 0},
    {"foot", Unit::kMetre, 0.3048, kEn, 0},
    {"feet", Unit::kMetre, 0.3048, kEn, 0},
    {"ft", Unit::kMetre, 0.3048, kEn, 0},
    // Masses.
    {"kg", Unit::kKilogram, 1, kBoth, 0},
    {"g", Unit::kKilogram, 1e-3, kBoth, 0},
    {"mg", Unit::kKilogram, 1e-6, kBoth, 0},
    {"kilo", Unit::kKilogram, 1, kFr, 0},
    {"kilos", Unit::kKilogram, 1, kBoth, 0},
    {"kilogramme", Unit::kKilogram, 1, kFr, 0},
    {"kilogrammes", Unit::kKilogram, 1, kFr, 0},
    {"kilogram", Unit::kKilogram, 1, kEn, 0},
    {"kilograms", Unit::kKilogram, 1, kEn, 0},
    {"gramme", Unit::kKilogram, 1e-3, kFr, 0},
    {"grammes", Unit::kKilogram, 1e-3, kFr, 0},
    {"gram", Unit::kKilogram, 1e-3, kEn, 0},
    {"grams", Unit::kKilogram, 1e-3, kEn, 0},
    {"tonne", Unit::kKilogram, 1e3, kBoth, 0},
    {"tonnes", Unit::kKilogram, 1e3, kBoth, 0},
    {"lb", Unit::kKilogram, 0.45359237, kEn, 0},
    {"lbs", Unit::kKilogram, 0.45359237, kEn, 0},
    // Areas and volumes.
    {"ha", Unit::kSquareMetre, 1e4, kBoth, 0},
    {"hectare", Unit::kSquareMetre, 1e4, kBoth, 0},
    {"hectares", Unit::kSquareMetre, 1e4, kBoth, 0},
    {"acre", Unit::kSquareMetre, 4046.8564224, kEn, 0},
    {"acres", Unit::kSquareMetre, 4046.8564224, kEn, 0},
    {"litre", Unit::kLitre, 1, kBoth, 0},
    {"litres", Unit::kLitre, 1, kBoth, 0},
    {"liter", Unit::kLitre, 1, kEn, 0},
    {"liters", Unit::kLitre, 1, kEn, 0},
    {"ml", Unit::kLitre, 1e-3, kBoth, 0},
    {"hectolitre", Unit::kLitre, 100, kFr, 0},
    {"hectolitres", Unit::kLitre, 100, kFr, 0},
    // Temperatures; "degrés" alone is Celsius in French, "degrees" alone may be an angle.
    {"degre", Unit::kCelsius, 1, kFr, 0},
    {"degres", Unit::kCelsius, 1, kFr, 0},
};

struct ScaleWord {
  std::string_view key;
  double scale;
  uint8_t langs;
  uint32_t flags;
};

constexpr ScaleWord kScales[] = {
    {"k", 1e3, kBoth, 0},        {"m", 1e6, kBoth, kNeedsCaps},
    {"mio", 1e6, kBoth, 0},      {"md", 1e9, kBoth, 0},
    {"mds", 1e9, kBoth, 0},      {"mrd", 1e9, kBoth, 0},
    {"mrds", 1e9, kBoth, 0},     {"bn", 1e9, kBoth, 0},
    {"bln", 1e9, kBoth, 0},      {"b", 1e9, kBoth, kWithCurrency},
    {"tn", 1e12, kBoth, 0},      {"trn", 1e12, kBoth, 0},
    {"mille", 1e3, kFr, 0},      {"million", 1e6, kBoth, 0},
    {"millions", 1e6, kBoth, 0}, {"milliard", 1e9, kFr, 0},
    {"milliards", 1e9, kFr, 0},  {"billion", 1e12, kFr, 0},
    {"billions", 1e12, kFr, 0},  {"billion", 1e9, kEn, 0},
    {"billions", 1e9, kEn, 0},   {"thousand", 1e3, kEn, 0},
    {"trillion", 1e12, kEn, 0},  {"trillions", 1e12, kEn, 0},
};

struct MonthWord {
  std::string_view key;
  int month;
};

constexpr MonthWord kFrMonths[] = {
    {"janvier", 1},  {"janv", 1},  {"fevrier", 2},   {"fevr", 2},      {"fev", 2},
    {"mars", 3},     {"avril", 4}, {"avr", 4},       {"mai", 5},       {"juin", 6},
    {"juillet", 7},  {"juil", 7},  {"aout", 8},      {"septembre", 9}, {"sept", 9},
    {"octobre", 10}, {"oct", 10},  {"novembre", 11}, {"nov", 11},      {"decembre", 12},
    {"dec", 12},
};
constexpr MonthWord kEnMonths[] = {
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
};

constexpr Valued kMultiplierWords[] = {
    {"double", 2},     {"doubles", 2},     {"doublee", 2},    {"doublees", 2},   {"doubler", 2},
    {"doublent", 2},   {"doublera", 2},    {"doubleront", 2}, {"doublait", 2},   {"doublaient", 2},
    {"doublant", 2},   {"doublement", 2},  {"triple", 3},     {"triples", 3},    {"triplee", 3},
    {"triplees", 3},   {"tripler", 3},     {"triplent", 3},   {"triplera", 3},   {"triplement", 3},
    {"quadruple", 4},  {"quadruples", 4},  {"quadruplee", 4}, {"quadrupler", 4}, {"quintuple", 5},
    {"quintuples", 5}, {"quintupler", 5},  {"decuple", 10},   {"decuples", 10},  {"decupler", 10},
    {"centuple", 100}, {"centupler", 100},
};
constexpr Valued kEnMultiplierWords[] = {
    {"doubled", 2},     {"doubling", 2},      {"tripled", 3},         {"tripling", 3},
    {"quadrupled", 4},  {"quadrupling", 4},   {"quintupled", 5},      {"twofold", 2},
    {"threefold", 3},   {"fourfold", 4},      {"fivefold", 5},        {"sixfold", 6},
    {"sevenfold", 7},   {"eightfold", 8},     {"ninefold", 9},        {"tenfold", 10},
    {"twentyfold", 20}, {"hundredfold", 100}, {"thousandfold", 1000}, {"twice", 2},
    {"thrice", 3},      {"halved", 0.5},      {"halving", 0.5},
};

constexpr Valued kFrApproxNouns[] = {
    {"dizaine", 10},     {"dizaines", 10},     {"douzaine", 12},    {"douzaines", 12},
    {"quinzaine", 15},   {"vingtaine", 20},    {"vingtaines", 20},  {"trentaine", 30},
    {"quarantaine", 40}, {"cinquantaine", 50}, {"soixantaine", 60}, {"centaine", 100},
    {"centaines", 100},  {"millier", 1000},    {"milliers", 1000},
};

// French ordinal of a cardinal: "cinq" -> "cinquieme", "neuf" -> "neuvieme",
// "quatre" -> "quatrieme" (final e dropped).
std::string FrOrdinal(std::string_view cardinal) {
  std::string s(cardinal);
  if (s == "cinq") return "cinquieme";
  if (s == "neuf") return "neuvieme";
  if (!s.empty() && s.back() == 'e') s.pop_back();
  return s + "ieme";
}

void AddNumbers(Lexicon& lex) {
  for (const Valued& v : kFrCardinals) {
    lex.At(kFr, v.key).cardinal = static_cast<int>(v.value);
    if (v.key == "un" || v.key == "une" || v.key == "zero" || v.key == "vingts") continue;
    const std::string ord = FrOrdinal(v.key);
    lex.At(kFr, ord).ordinal = static_cast<int>(v.value);
    if (v.value >= 5) {
      lex.At(kFr, ord).denominator = static_cast<int>(v.value);
      lex.At(kFr, ord + "s").denominator = static_cast<int>(v.value);
    }
  }
  for (const Valued& v : kEnCardinals) lex.At(kEn, v.key).cardinal = static_cast<int>(v.value);
  const Valued fr_mult[] = {{"cent", 100},      {"cents", 100},    {"mille", 1e3},
                            {"million", 1e6},   {"millions", 1e6}, {"milliard", 1e9},
                            {"milliards", 1e9}, {"billion", 1e12}, {"billions", 1e12}};
  for (const Valued& v : fr_mult) {
    lex.At(kFr, v.key).multiplier = v.value;
    // "billionième" would not fit the int ordinal, and no draft needs it.
    if (v.key.back() == 's' || v.value > 1e9) continue;
    const std::string ord = FrOrdinal(v.key);
    lex.At(kFr, ord).ordinal = static_cast<int>(v.value);
    lex.At(kFr, ord).denominator = static_cast<int>(v.value);
    lex.At(kFr, ord + "s").denominator = static_cast<int>(v.value);
  }
  const Valued en_mult[] = {
      {"hundred", 100}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};
  for (const Valued& v : en_mult) lex.At(kEn, v.key).multiplier = v.value;
  lex.At(kEn, "dozen").approx_noun = 12;
  lex.At(kEn, "dozens").approx_noun = 12;
  lex.Flag(kEn, {"dozens", "hundreds", "thousands", "millions", "billions", "tens"}, kPluralScale);
  lex.Flag(kFr, {"millions", "milliards", "milliers", "centaines", "dizaines"}, kPluralScale);
  for (const Valued& v : kFrApproxNouns) lex.At(kFr, v.key).approx_noun = v.value;
  for (std::string_view k : {"hundreds", "thousands", "millions", "billions", "tens"}) {
    const double u = k == "tens"        ? 10
                     : k == "hundreds"  ? 100
                     : k == "thousands" ? 1e3
                     : k == "millions"  ? 1e6
                                        : 1e9;
    lex.At(kEn, k).approx_noun = u;
  }
  lex.At(kFr, "millions").approx_noun = 1e6;
  lex.At(kFr, "milliards").approx_noun = 1e9;
}

void AddOrdinalsAndFractions(Lexicon& lex) {
  lex.Each(kFr, {"premier", "premiere", "premiers", "premieres", "unieme"},
           [](LexEntry& e) { e.ordinal = 1; });
  lex.Each(kFr, {"second", "seconde", "seconds", "secondes"}, [](LexEntry& e) {
    e.ordinal = 2;
    e.flags |= kSecondOrdinal;
  });
  for (const Valued& v : kEnOrdinals) {
    LexEntry& e = lex.At(kEn, v.key);
    e.ordinal = static_cast<int>(v.value);
    if (v.value >= 3) {
      e.denominator = static_cast<int>(v.value);
      lex.At(kEn, std::string(v.key) + "s").denominator = static_cast<int>(v.value);
    }
  }
  lex.At(kEn, "second").flags |= kSecondOrdinal;
  lex.Each(kFr, {"tiers"}, [](LexEntry& e) { e.denominator = 3; });
  lex.Each(kFr, {"quart", "quarts"}, [](LexEntry& e) { e.denominator = 4; });
  lex.Each(kEn, {"quarter", "quarters"}, [](LexEntry& e) { e.denominator = 4; });
  lex.Each(kEn, {"half", "halves"}, [](LexEntry& e) { e.denominator = 2; });
  lex.Flag(kFr, {"moitie"}, kHalf);
  lex.Flag(kFr, {"la"}, kHalfArticle);
  lex.Flag(kBoth, {"us"}, kCurrencyLead);
  lex.Flag(kEn, {"half"}, kHalf);
  lex.Flag(kFr, {"demi", "demie"}, kDecimalPart);
  lex.Flag(kEn, {"half"}, kDecimalPart);
}

void AddUnitsAndScales(Lexicon& lex) {
  for (const UnitWord& u : kUnits) {
    lex.Each(u.langs, {u.key}, [&u](LexEntry& e) {
      e.unit = u.unit;
      e.unit_factor = u.factor;
      e.flags |= u.flags;
    });
  }
  for (const ScaleWord& s : kScales) {
    lex.Each(s.langs, {s.key}, [&s](LexEntry& e) {
      e.scale = s.scale;
      e.flags |= s.flags;
    });
  }
  for (const MonthWord& m : kFrMonths) lex.At(kFr, m.key).month = m.month;
  for (const MonthWord& m : kEnMonths) {
    LexEntry& e = lex.At(kEn, m.key);
    e.month = m.month;
    e.flags |= kNeedsCaps;
  }
  for (const Valued& v : kMultiplierWords) {
    lex.At(kFr, v.key).multiplier_word = v.value;
  }
  // Bare adjectives and adverbs ("double peine", "doublement vaccinés") are not
  // multipliers; after a determiner or an auxiliary they are ("le double", "a doublé").
  lex.Flag(kBoth, {"double", "triple", "quadruple", "doubles", "triples"}, kNeedsDeterminer);
  lex.Flag(kFr, {"doublement", "triplement"}, kNeedsDeterminer);
  for (const Valued& v : kEnMultiplierWords) lex.At(kEn, v.key).multiplier_word = v.value;
  lex.Each(kEn, {"double", "triple", "quadruple"},
           [](LexEntry& e) { e.multiplier_word = e.multiplier_word == 0 ? 2 : e.multiplier_word; });
  lex.At(kEn, "triple").multiplier_word = 3;
  lex.At(kEn, "quadruple").multiplier_word = 4;
}

// Words around a number that change how it is read: articles, year cues, plural
// determiners, verbs of change, labels.
void AddContextWords(Lexicon& lex) {
  lex.Flag(kFr, {"un", "une"}, kArticleOne);
  lex.Flag(kEn, {"one"}, kArticleOne);
  lex.Flag(kEn, {"a", "an"}, kArticleA);
  lex.Flag(kFr, {"en",  "depuis",    "annee",   "annees",  "fin",   "debut",    "mi",
                 "ete", "printemps", "automne", "hiver",   "avant", "apres",    "d'ici",
                 "ici", "exercice",  "rentree", "courant", "an",    "jusqu'en", "millesime"},
           kYearCue);
  lex.Flag(kEn, {"in",     "since",  "year", "by",   "until",   "till",   "before", "after",
                 "during", "early",  "late", "mid",  "end",     "fiscal", "summer", "winter",
                 "spring", "autumn", "fall", "from", "through", "the",    "its",    "their",
                 "this",   "that",   "last", "next", "of",      "for"},
           kYearCue);
  lex.Flag(kFr, {"les", "des", "ces", "ses", "leurs", "nos", "vos", "mes", "tes", "aux"},
           kCountDeterminer);
  lex.Flag(kEn, {"these", "those"}, kCountDeterminer);
  lex.Flag(kFr, {"passe",   "passee",     "passes",     "passees",   "passer",       "passant",
                 "passait", "passera",    "evolue",     "augmente",  "augmentation", "hausse",
                 "baisse",  "diminue",    "diminution", "progresse", "progression",  "chute",
                 "recule",  "recul",      "grimpe",     "bondi",     "monte",        "descendu",
                 "glisse",  "croissance", "reduit",     "porte",     "ramene",       "releve",
                 "abaisse"},
           kChangeWord);
  lex.Flag(kEn, {"rose",    "risen",   "fell",    "fallen",   "increased", "decreased", "grew",
                 "grown",   "jumped",  "dropped", "declined", "went",      "gone",      "climbed",
                 "rising",  "falling", "rise",    "fall",     "increase",  "decrease",  "growth",
                 "surged",  "plunged", "slipped", "raised",   "lowered",   "cut",       "moved",
                 "shifted", "changed", "up",      "down"},
           kChangeWord);
  lex.Flag(kBoth,
           {"iso",    "rfc",      "iec",     "nf",      "din",   "article", "articles", "art",
            "alinea", "chapitre", "chapter", "section", "page",  "pages",   "p",        "figure",
            "fig",    "tableau",  "table",   "annexe",  "annex", "version", "numero",   "tome",
            "vol",    "volume",   "ligne",   "line",    "etape", "step",    "phase",    "cop",
            "niveau", "level",    "loi",     "decret",  "route", "ligue",   "windows",  "iphone",
            "covid",  "season",   "saison",  "episode", "issue", "number",  "apollo"},
           kRefWord);
}

// Words that join, introduce or follow numbers in the grammar.
void AddGrammarWords(Lexicon& lex) {
  lex.Flag(kFr, {"a", "vers", "des", "avant", "apres", "entre", "de"}, kTimePrep);
  lex.Flag(kEn, {"at", "by", "before", "after", "until", "from", "around"}, kTimePrep);
  lex.Flag(kFr,
           {"er", "re", "ere", "ers", "res", "eres", "e", "es", "eme", "emes", "ieme", "iemes",
            "nd", "nde", "ndes"},
           kOrdinalSuffix);
  lex.Flag(kEn, {"st", "nd", "rd", "th"}, kOrdinalSuffix);
  lex.Flag(kBoth, {"s"}, kDecadeSuffix);
  lex.Flag(kBoth, {"x"}, kMultiplierSign);
  lex.Flag(kFr, {"des", "plusieurs", "quelques"}, kVague);
  lex.Flag(kEn, {"several", "many", "few"}, kVague);
  lex.Flag(kFr, {"plus", "moins"}, kComparative);
  lex.Flag(kEn,
           {"more", "less", "as", "higher", "larger", "bigger", "greater", "lower", "smaller",
            "faster", "slower", "fewer", "the"},
           kComparative);
  lex.Flag(kFr, {"entre", "de", "d'"}, kRangeStart);
  lex.Flag(kEn, {"between", "from"}, kRangeStart);
  lex.Flag(kFr, {"pour"}, kPercentWord);
  lex.Flag(kEn, {"per"}, kPercentWord);
  lex.Flag(kFr, {"fois"}, kTimes);
  lex.Flag(kEn, {"times"}, kTimes);
  lex.Flag(kFr, {"sur"}, kFractionOf);
  lex.Flag(kEn, {"in", "out"}, kFractionOf);
  lex.Flag(kFr,
           {"le", "la", "les", "au", "aux", "du", "sa", "son", "ses", "leur", "leurs", "notre",
            "votre", "ce", "cette"},
           kOrdinalDet);
  lex.Flag(
      kEn,
      {"the", "its", "their", "our", "his", "her", "my", "your", "every", "each", "this", "that"},
      kOrdinalDet);
  lex.Flag(kFr, {"et"}, kEt);
  lex.Flag(kEn, {"and"}, kEt);
  lex.Flag(kFr, {"a"}, kRangeTo);
  lex.Flag(kEn, {"to"}, kRangeTo);
  lex.Flag(kEn, {"fold"}, kFold);
}

void AddPhrase(Lexicon& lex, std::string_view text, Qualifier q, uint8_t langs, bool slight = false,
               bool temporal = false, bool postfix = false) {
  QualifierPhrase p;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    p.words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  p.qualifier = q;
  p.slight = slight;
  p.temporal = temporal;
  p.postfix = postfix;
  p.langs = langs;
  lex.Flag(langs, {p.words.front()}, kQualifierStart);
  lex.phrases.push_back(std::move(p));
}

// Approximations before the number: "près de", "environ", "about", "nearly".
void AddApproximations(Lexicon& lex) {
  using Q = Qualifier;
  for (std::string_view s :
       {"environ", "pres de", "presque", "quasi", "quasiment", "pratiquement", "quelque",
        "autour de", "aux alentours de", "de l' ordre de", "a peu pres", "approximativement",
        "pas loin de", "grosso modo", "env ."}) {
    AddPhrase(lex, s, Q::kApprox, kFr);
  }
  for (std::string_view s :
       {"about", "around", "roughly", "approximately", "nearly", "almost", "some", "close to",
        "an estimated", "estimated", "circa", "ca .", "approx .", "approx", "just about",
        "in the region of", "on the order of", "roughly about"}) {
    AddPhrase(lex, s, Q::kApprox, kEn);
  }
}

// "plus de", "au moins", "more than", "at least".
void AddLowerBounds(Lexicon& lex) {
  using Q = Qualifier;
  for (std::string_view s : {"plus de", "au - dela de", "superieur a", "superieure a",
                             "superieurs a", "superieures a", "bien plus de", "davantage que"}) {
    AddPhrase(lex, s, Q::kMoreThan, kFr);
  }
  for (std::string_view s : {"un peu plus de", "legerement plus de", "a peine plus de",
                             "legerement superieur a", "un peu plus que"}) {
    AddPhrase(lex, s, Q::kMoreThan, kFr, /*slight=*/true);
  }
  for (std::string_view s : {"more than", "over", "above", "greater than", "higher than",
                             "in excess of", "upwards of", "well over", "well above"}) {
    AddPhrase(lex, s, Q::kMoreThan, kEn);
  }
  for (std::string_view s :
       {"just over", "a little over", "slightly more than", "slightly over", "just above",
        "slightly above", "a little more than", "just more than"}) {
    AddPhrase(lex, s, Q::kMoreThan, kEn, /*slight=*/true);
  }
  for (std::string_view s : {"au moins", "pas moins de", "au minimum", "minimum"}) {
    AddPhrase(lex, s, Q::kAtLeast, kFr);
  }
  for (std::string_view s :
       {"at least", "no less than", "no fewer than", "a minimum of", "not less than"}) {
    AddPhrase(lex, s, Q::kAtLeast, kEn);
  }
}

// "moins de", "jusqu'à", "less than", "up to".
void AddUpperBounds(Lexicon& lex) {
  using Q = Qualifier;
  for (std::string_view s : {"au plus", "au maximum", "tout au plus", "pas plus de", "maximum"}) {
    AddPhrase(lex, s, Q::kAtMost, kFr);
  }
  AddPhrase(lex, "jusqu' a", Q::kAtMost, kFr, false, /*temporal=*/true);
  for (std::string_view s : {"at most", "no more than", "not more than", "a maximum of",
                             "as many as", "as much as", "at the most"}) {
    AddPhrase(lex, s, Q::kAtMost, kEn);
  }
  AddPhrase(lex, "up to", Q::kAtMost, kEn, false, /*temporal=*/true);
  for (std::string_view s : {"moins de", "en dessous de", "en - dessous de", "inferieur a",
                             "inferieure a", "inferieurs a", "inferieures a", "bien moins de"}) {
    AddPhrase(lex, s, Q::kLessThan, kFr);
  }
  for (std::string_view s :
       {"un peu moins de", "legerement moins de", "a peine moins de", "legerement inferieur a"}) {
    AddPhrase(lex, s, Q::kLessThan, kFr, /*slight=*/true);
  }
  for (std::string_view s :
       {"less than", "fewer than", "under", "below", "lower than", "well under", "well below"}) {
    AddPhrase(lex, s, Q::kLessThan, kEn);
  }
  for (std::string_view s :
       {"just under", "slightly less than", "slightly under", "a little under", "just below",
        "slightly below", "a little less than", "just less than"}) {
    AddPhrase(lex, s, Q::kLessThan, kEn, /*slight=*/true);
  }
}

// Qualifiers after the number ("13 % environ", "10 or more").
void AddQualifiersAfter(Lexicon& lex) {
  using Q = Qualifier;
  AddPhrase(lex, "environ", Q::kApprox, kFr, false, false, /*postfix=*/true);
  AddPhrase(lex, "a peu pres", Q::kApprox, kFr, false, false, true);
  for (std::string_view s : {"au moins", "ou plus", "et plus", "au minimum", "minimum"}) {
    AddPhrase(lex, s, Q::kAtLeast, kFr, false, false, true);
  }
  for (std::string_view s : {"au plus", "au maximum", "tout au plus", "ou moins", "maximum"}) {
    AddPhrase(lex, s, Q::kAtMost, kFr, false, false, true);
  }
  AddPhrase(lex, "or so", Q::kApprox, kEn, false, false, true);
  for (std::string_view s :
       {"or more", "and more", "and above", "and over", "at least", "or above"}) {
    AddPhrase(lex, s, Q::kAtLeast, kEn, false, false, true);
  }
  for (std::string_view s : {"or less", "or fewer", "at most", "or below", "at the most"}) {
    AddPhrase(lex, s, Q::kAtMost, kEn, false, false, true);
  }
}

Lexicon BuildLexicon() {
  Lexicon lex;
  AddNumbers(lex);
  AddOrdinalsAndFractions(lex);
  AddUnitsAndScales(lex);
  AddContextWords(lex);
  AddGrammarWords(lex);
  AddApproximations(lex);
  AddLowerBounds(lex);
  AddUpperBounds(lex);
  AddQualifiersAfter(lex);
  // Longest phrases first, so that "un peu plus de" wins over "plus de".
  std::stable_sort(lex.phrases.begin(), lex.phrases.end(),
                   [](const QualifierPhrase& a, const QualifierPhrase& b) {
                     return a.words.size() > b.words.size();
                   });
  for (const QualifierPhrase& p : lex.phrases) {
    lex.keys.push_back(p.words.front());
    lex.phrases_by_first[lex.keys.back()].push_back(p);
  }
  return lex;
}

const Lexicon& GetLexicon() {
  static const Lexicon kLexicon = BuildLexicon();  // built once, read-only afterwards
  return kLexicon;
}

}  // namespace

bool OnlyMeasure(const LexSenses& s) {
  auto measure = [](const LexEntry* e) {
    return e == nullptr || (e->unit >= Unit::kMetre && e->unit <= Unit::kFahrenheit &&
                            e->scale == 0 && e->flags == 0);
  };
  return (s.fr != nullptr || s.en != nullptr) && measure(s.fr) && measure(s.en);
}

const LexSenses* LookupWord(std::string_view folded) {
  const Lexicon& lex = GetLexicon();
  auto it = lex.words.find(folded);
  return it == lex.words.end() ? nullptr : &it->second;
}

std::span<const QualifierPhrase> QualifierPhrasesStartingWith(std::string_view first) {
  const Lexicon& lex = GetLexicon();
  auto it = lex.phrases_by_first.find(first);
  if (it == lex.phrases_by_first.end()) return {};
  return it->second;
}

}  // namespace citecheck::text::internal
