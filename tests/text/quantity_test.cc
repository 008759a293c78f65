#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/printers.h"
#include "text/text.h"

namespace citecheck::text {
namespace {

using K = QuantityKind;
using Q = Qualifier;
constexpr double kInf = HUGE_VAL;

// A whole expected Quantity; `text` is the span's text in `source`.
Quantity Make(std::string_view source, std::string_view span_text, K kind, double value, double low,
              double high, std::string unit = "", Q qualifier = Q::kNone, int decimals = 0,
              bool in_words = false) {
  Quantity q;
  q.kind = kind;
  q.value = value;
  q.low = low;
  q.high = high;
  q.unit = std::move(unit);
  q.qualifier = qualifier;
  q.decimals = decimals;
  q.in_words = in_words;
  const size_t begin = source.find(span_text);
  EXPECT_NE(begin, std::string_view::npos) << span_text;
  q.span = {begin, begin + span_text.size()};
  q.text = std::string(span_text);
  return q;
}

// The example of text.h, verbatim.
TEST(FindQuantities, HeaderExample) {
  const std::string_view s = "En 2024, 13 % des PME";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "2024", K::kYear, 2024, 2024, 2024),
                                   Make(s, "13 %", K::kPercent, 13, 12.5, 13.5, "%")}));
  EXPECT_EQ(FindQuantities(s, Lang::kFr)[0].span, (Span{3, 7}));
  EXPECT_EQ(FindQuantities(s, Lang::kFr)[1].span, (Span{9, 13}));
}

// Whole sentences of the kind citecheck checks: every quantity, nothing else.
TEST(FindQuantities, ArticleSentences) {
  std::string_view s =
      "En 2024, seules 13% des TPE et PME françaises ont intégré une solution "
      "d'intelligence artificielle";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "2024", K::kYear, 2024, 2024, 2024),
                                   Make(s, "13%", K::kPercent, 13, 12.5, 13.5, "%")}));
  s = "87% des PME françaises n'utilisent pas encore l'IA";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "87%", K::kPercent, 87, 86.5, 87.5, "%")}));
  s = "Le plan repose sur quatre axes principaux.";
  EXPECT_EQ(
      FindQuantities(s, Lang::kFr),
      (std::vector<Quantity>{Make(s, "quatre", K::kCount, 4, 3.5, 4.5, "", Q::kNone, 0, true)}));
  s = "Une mission nationale confiée à Bpifrance pour l'année 2025.";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "2025", K::kYear, 2025, 2025, 2025)}));
  s = "Temps de lecture : 7 min";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "7 min", K::kDuration, 7, 6.5, 7.5, "minute")}));
  s = "Date : 24/06/2025";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "24/06/2025", K::kDate, 20250624, 20250624, 20250624)}));
  s = "02/03/2023 (avec mise à jour avril 2024)";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "02/03/2023", K::kDate, 20230302, 20230302, 20230302),
                                   Make(s, "avril 2024", K::kDate, 20240400, 20240400, 20240400)}));
}

// A rating "8/10" is read as the fraction 0.8 (documented in text.h).
TEST(FindQuantities, RatingIsAFraction) {
  const std::string_view s = "Fiabilité : 8/10";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "8/10", K::kFraction, 0.8, 0.8, 0.8)}));
}

// A count given as a part of a stated whole stays a count and carries the whole; the
// verifier reads it as a share ("huit des dix" is 80 %).
TEST(FindQuantities, PartsOfAStatedWhole) {
  struct Case {
    const char* text;
    Lang lang;
    std::vector<double> values;
    std::vector<double> wholes;
  };
  const Case cases[] = {
      {"Huit des dix souris sont mortes", Lang::kFr, {8, 10}, {10, 0}},
      {"Sur les cinq décès, quatre ont été jugés non liés", Lang::kFr, {5, 4}, {0, 5}},
      {"Parmi les 1 200 PME interrogées, 156 utilisent l'IA", Lang::kFr, {1200, 156}, {0, 1200}},
      {"Sur 40 communes, 12 ont un budget participatif", Lang::kFr, {40, 12}, {0, 40}},
      {"Sur les 1 200 PME interrogées en 2024, 156 utilisent l'IA",
       Lang::kFr,
       {1200, 2024, 156},
       {0, 0, 1200}},
      {"Of the 1,200 firms surveyed, 156 use it", Lang::kEn, {1200, 156}, {0, 1200}},
      {"Three of the five judges dissented", Lang::kEn, {3, 5}, {5, 0}},
      // Not parts: no whole stated first, a part larger than the whole, a sentence between.
      {"La commune compte 12 écoles, 3 collèges", Lang::kFr, {12, 3}, {0, 0}},
      {"Sur les deux rives, dix ponts", Lang::kFr, {2, 10}, {0, 0}},
      {"Of the 12 members. 4 left", Lang::kEn, {12, 4}, {0, 0}},
      {"12 des 3 équipes", Lang::kFr, {12, 3}, {0, 0}},
      {"Les élues sont 12. Des 40 communes, la plupart sont rurales", Lang::kFr, {12, 40}, {0, 0}},
      {"Because of the 40 strikes, 12 flights were cancelled", Lang::kEn, {40, 12}, {0, 0}},
  };
  for (const Case& c : cases) {
    std::vector<double> values, wholes;
    for (const Quantity& q : FindQuantities(c.text, c.lang)) {
      EXPECT_TRUE(q.kind == K::kCount || q.kind == K::kYear) << c.text << ": " << q.text;
      values.push_back(q.value);
      wholes.push_back(q.whole);
    }
    EXPECT_EQ(values, c.values) << c.text;
    EXPECT_EQ(wholes, c.wholes) << c.text;
  }
}

// Digit groups: "1,200" and "1.200" depend on the language; three digits after a single
// separator make thousands in the language that uses that separator for thousands,
// and in kUnknown; anything else is a decimal mark.
TEST(FindQuantities, DecimalConventions) {
  struct Case {
    Lang lang;
    std::string_view text;
    double value;
    int decimals;
  };
  constexpr Case kCases[] = {
      {Lang::kEn, "1,200", 1200, 0},        {Lang::kFr, "1,200", 1.2, 3},
      {Lang::kUnknown, "1,200", 1200, 0},   {Lang::kFr, "1.200", 1200, 0},
      {Lang::kEn, "1.200", 1.2, 3},         {Lang::kUnknown, "1.200", 1200, 0},
      {Lang::kFr, "1,2", 1.2, 1},           {Lang::kEn, "1,2", 1.2, 1},
      {Lang::kEn, "0,125", 0.125, 3},       {Lang::kUnknown, "0.125", 0.125, 3},
      {Lang::kFr, "1.200,50", 1200.5, 2},   {Lang::kEn, "1,200.50", 1200.5, 2},
      {Lang::kFr, "1 200,5", 1200.5, 1},    {Lang::kFr, "1 234 567", 1234567, 0},
      {Lang::kEn, "1,234,567", 1234567, 0}, {Lang::kFr, "1.234.567", 1234567, 0},
      {Lang::kFr, "12,50", 12.5, 2},        {Lang::kFr, "2024 15", 2024, 0},
  };
  for (const Case& c : kCases) {
    const std::vector<Quantity> q = FindQuantities(c.text, c.lang);
    ASSERT_FALSE(q.empty()) << c.text;
    EXPECT_DOUBLE_EQ(q[0].value, c.value) << c.text << " " << LangCode(c.lang);
    EXPECT_EQ(q[0].decimals, c.decimals) << c.text;
  }
}

// Bounds after each qualifier (text.h): exact statements get half a unit of the last
// digit; approximations +-10 % (at least the precision); one-sided qualifiers the
// stated value and infinity, or 0 below for non-negative kinds; "un peu plus de"
// stays within 10 % of the value.
TEST(FindQuantities, QualifierBounds) {
  struct Case {
    std::string_view text;
    Q qualifier;
    double low;
    double high;
  };
  const Case kCases[] = {
      {"13 %", Q::kNone, 12.5, 13.5},
      {"13,5 %", Q::kNone, 13.5 - 0.05, 13.5 + 0.05},
      {"environ 13 %", Q::kApprox, 13 - 1.3, 13 + 1.3},
      {"environ 2 %", Q::kApprox, 1.5, 2.5},  // the precision is wider than 10 %
      {"plus de 10", Q::kMoreThan, 10, kInf},
      {"au moins 10", Q::kAtLeast, 10, kInf},
      {"moins de 10", Q::kLessThan, 0, 10},
      {"au plus 10", Q::kAtMost, 0, 10},
      {"moins de -3 %", Q::kLessThan, -kInf, -3},
      {"un peu plus de 10 %", Q::kMoreThan, 10, 11},
      {"un peu moins de 10 %", Q::kLessThan, 9, 10},
      {"entre 10 et 15 %", Q::kRange, 10, 15},
  };
  for (const Case& c : kCases) {
    const std::vector<Quantity> q = FindQuantities(c.text, Lang::kFr);
    ASSERT_EQ(q.size(), 1u) << c.text;
    EXPECT_EQ(q[0].qualifier, c.qualifier) << c.text;
    EXPECT_DOUBLE_EQ(q[0].low, c.low) << c.text;
    EXPECT_DOUBLE_EQ(q[0].high, c.high) << c.text;
    EXPECT_EQ(q[0].span, (Span{0, c.text.size()})) << c.text;
  }
}

// A range takes the unit and scale written once for both ends; its value is the
// midpoint.
TEST(FindQuantities, RangesPropagateUnitAndScale) {
  std::string_view s = "de 1,2 à 1,5 million d'euros";
  EXPECT_EQ(
      FindQuantities(s, Lang::kFr),
      (std::vector<Quantity>{Make(s, s, K::kMoney, 1.35e6, 1.2e6, 1.5e6, "EUR", Q::kRange, 1)}));
  s = "10-15 %";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, s, K::kPercent, 12.5, 10, 15, "%", Q::kRange)}));
  s = "between two and three weeks";
  EXPECT_EQ(
      FindQuantities(s, Lang::kEn),
      (std::vector<Quantity>{Make(s, s, K::kDuration, 2.5, 2, 3, "week", Q::kRange, 0, true)}));
}

// "passer de X à Y" / "from X to Y" after a verb of change, or with the unit written
// on both ends, states two values; "entre X et Y" is always a range.
TEST(FindQuantities, ChangeIsNotARange) {
  std::string_view s = "Le taux est passé de 10 % à 15 %.";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "10 %", K::kPercent, 10, 9.5, 10.5, "%"),
                                   Make(s, "15 %", K::kPercent, 15, 14.5, 15.5, "%")}));
  s = "Le taux a été porté de 10 à 15 %.";
  ASSERT_EQ(FindQuantities(s, Lang::kFr).size(), 2u);
  s = "The rate rose from 10% to 15%.";
  ASSERT_EQ(FindQuantities(s, Lang::kEn).size(), 2u);
  s = "entre 10 % et 15 %";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, s, K::kPercent, 12.5, 10, 15, "%", Q::kRange)}));
}

// A bare integer 1000..2100 is a year, unless a unit follows, a plural determiner
// precedes, a plural noun follows without a year cue, a quantity qualifier precedes,
// or it is written with a separator.
TEST(FindQuantities, YearsAndCounts) {
  struct Case {
    Lang lang;
    std::string_view text;
    K kind;
  };
  constexpr Case kCases[] = {
      {Lang::kFr, "en 2024", K::kYear},        {Lang::kFr, "2024", K::kYear},
      {Lang::kEn, "in 2019", K::kYear},        {Lang::kFr, "en 2024 les entreprises", K::kYear},
      {Lang::kFr, "2000 salariés", K::kCount}, {Lang::kFr, "les 2000 salariés", K::kCount},
      {Lang::kFr, "plus de 2000", K::kCount},  {Lang::kFr, "environ 1500", K::kCount},
      {Lang::kFr, "2 024", K::kCount},         {Lang::kEn, "2,024", K::kCount},
      {Lang::kFr, "2024 %", K::kPercent},      {Lang::kFr, "2024 euros", K::kMoney},
      {Lang::kFr, "2100", K::kYear},           {Lang::kFr, "2101", K::kCount},
      {Lang::kFr, "999", K::kCount},           {Lang::kFr, "0999", K::kCount},
      {Lang::kFr, "2024,5", K::kCount},        {Lang::kFr, "jusqu'en 2030", K::kYear},
  };
  for (const Case& c : kCases) {
    const std::vector<Quantity> q = FindQuantities(c.text, c.lang);
    ASSERT_EQ(q.size(), 1u) << c.text;
    EXPECT_EQ(q[0].kind, c.kind) << c.text;
  }
  // "jusqu'à" bounds a year in time: the year stays a year and the span excludes it.
  const std::string_view s = "jusqu'à 2030";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "2030", K::kYear, 2030, 2030, 2030)}));
}

// A lone article is no quantity; in a compound, a fraction, before a scale word or a
// unit it counts.
TEST(FindQuantities, Articles) {
  for (std::string_view s : {"un homme", "une femme", "un", "une entreprise"}) {
    EXPECT_TRUE(FindQuantities(s, Lang::kFr).empty()) << s;
  }
  for (std::string_view s : {"a man", "an idea", "one of them", "one day", "a year ago"}) {
    EXPECT_TRUE(FindQuantities(s, Lang::kEn).empty()) << s;
  }
  struct Case {
    Lang lang;
    std::string_view text;
    K kind;
    double value;
  };
  constexpr Case kCases[] = {
      {Lang::kFr, "vingt et un", K::kCount, 21},     {Lang::kFr, "un quart", K::kFraction, 0.25},
      {Lang::kFr, "un sur cinq", K::kFraction, 0.2}, {Lang::kFr, "un million", K::kCount, 1e6},
      {Lang::kFr, "un an", K::kDuration, 1},         {Lang::kEn, "a third", K::kFraction, 1.0 / 3},
      {Lang::kEn, "one in five", K::kFraction, 0.2}, {Lang::kEn, "a million", K::kCount, 1e6},
      {Lang::kEn, "a hundred", K::kCount, 100},      {Lang::kEn, "one percent", K::kPercent, 1},
  };
  for (const Case& c : kCases) {
    const std::vector<Quantity> q = FindQuantities(c.text, c.lang);
    ASSERT_EQ(q.size(), 1u) << c.text;
    EXPECT_EQ(q[0].kind, c.kind) << c.text;
    EXPECT_DOUBLE_EQ(q[0].value, c.value) << c.text;
    EXPECT_EQ(q[0].span, (Span{0, c.text.size()})) << c.text;
  }
}

// kUnknown reads the French and the English word lists.
TEST(FindQuantities, UnknownLanguageReadsBoth) {
  const std::string_view s = "trois ans, three years, 13 pour cent, 13 percent";
  const std::vector<Quantity> q = FindQuantities(s, Lang::kUnknown);
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].unit, "year");
  EXPECT_EQ(q[1].unit, "year");
  EXPECT_EQ(q[2].unit, "%");
  EXPECT_EQ(q[3].unit, "%");
  // A language's words are not read in the other: "three" is no number in French.
  EXPECT_TRUE(FindQuantities("three", Lang::kFr).empty());
  EXPECT_TRUE(FindQuantities("trois", Lang::kEn).empty());
}

// "2h30" is a duration in minutes; "à 14h30", "14:30" and "vers 10 h" are times of
// day and yield nothing (documented in text.h).
TEST(FindQuantities, TimesOfDayAndDurations) {
  const std::string_view s = "une course en 2h30";
  EXPECT_EQ(FindQuantities(s, Lang::kFr),
            (std::vector<Quantity>{Make(s, "2h30", K::kDuration, 150, 149.5, 150.5, "minute")}));
  for (std::string_view t : {"à 14h30", "14:30", "vers 10 h", "de 9h à 17h", "dès 8h"}) {
    EXPECT_TRUE(FindQuantities(t, Lang::kFr).empty()) << t;
  }
}

// Robustness: empty, invalid UTF-8, symbol soup and absurd numbers do not crash and
// keep spans inside the text.
TEST(FindQuantities, OddInputs) {
  EXPECT_TRUE(FindQuantities("", Lang::kFr).empty());
  EXPECT_TRUE(FindQuantities("%%% €€ $ -- ~ ≥", Lang::kFr).empty());
  EXPECT_TRUE(FindQuantities("1e10", Lang::kEn).empty());
  const std::string bad = "13 \xFF% et \xC3 2024 \xE2\x82";
  for (const Quantity& q : FindQuantities(bad, Lang::kFr)) {
    EXPECT_LE(q.span.end, bad.size());
    EXPECT_EQ(q.text, bad.substr(q.span.begin, q.span.size()));
  }
  const std::vector<Quantity> big =
      FindQuantities("123456789012345678901234567890 habitants", Lang::kFr);
  ASSERT_EQ(big.size(), 1u);
  EXPECT_DOUBLE_EQ(big[0].value, 123456789012345678901234567890.0);
}

// Quantities keep their order and never overlap in a long text.
TEST(FindQuantities, LongTextOrderedAndDisjoint) {
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text +=
        "En 2024, près de 13,5 % des 1 200 PME (soit un tiers) ont doublé leur budget "
        "de 1,2 million d'euros entre 2020 et 2023. ";
  }
  const std::vector<Quantity> q = FindQuantities(text, Lang::kFr);
  EXPECT_EQ(q.size(), 300u * 7);
  for (size_t i = 1; i < q.size(); ++i) EXPECT_LE(q[i - 1].span.end, q[i].span.begin);
}

// FindQuantities is pure and may run concurrently.
TEST(FindQuantities, ConcurrentCalls) {
  const std::string text = "Près de 13,5 % des 1 200 PME, un tiers, le 24 juin 2025.";
  const std::vector<Quantity> want = FindQuantities(text, Lang::kFr);
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 300; ++i) same = same && FindQuantities(text, Lang::kFr) == want;
      ok[t] = same;
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(ok, (std::vector<int>{1, 1, 1, 1}));
}

TEST(QuantityKindName, AllKinds) {
  EXPECT_EQ(QuantityKindName(K::kCount), "count");
  EXPECT_EQ(QuantityKindName(K::kPercent), "percent");
  EXPECT_EQ(QuantityKindName(K::kPercentagePoints), "percentage_points");
  EXPECT_EQ(QuantityKindName(K::kMoney), "money");
  EXPECT_EQ(QuantityKindName(K::kYear), "year");
  EXPECT_EQ(QuantityKindName(K::kDate), "date");
  EXPECT_EQ(QuantityKindName(K::kDuration), "duration");
  EXPECT_EQ(QuantityKindName(K::kOrdinal), "ordinal");
  EXPECT_EQ(QuantityKindName(K::kFraction), "fraction");
  EXPECT_EQ(QuantityKindName(K::kMultiplier), "multiplier");
}

TEST(QualifierName, AllQualifiers) {
  EXPECT_EQ(QualifierName(Q::kNone), "none");
  EXPECT_EQ(QualifierName(Q::kApprox), "approx");
  EXPECT_EQ(QualifierName(Q::kAtLeast), "at_least");
  EXPECT_EQ(QualifierName(Q::kMoreThan), "more_than");
  EXPECT_EQ(QualifierName(Q::kAtMost), "at_most");
  EXPECT_EQ(QualifierName(Q::kLessThan), "less_than");
  EXPECT_EQ(QualifierName(Q::kRange), "range");
}

}  // namespace
}  // namespace citecheck::text
