#include "verify/internal/match.h"

#include <gtest/gtest.h>

#include "text/text.h"

namespace citecheck::verify::internal {
namespace {

using text::Lang;

// The one figure of `phrase` (the test fails when there is not exactly one).
text::Quantity Figure(const std::string& phrase, Lang lang) {
  std::vector<text::Quantity> q = text::FindQuantities(phrase, lang);
  EXPECT_EQ(q.size(), 1u) << phrase;
  return q.empty() ? text::Quantity{} : q.front();
}

struct RelationCase {
  const char* claim;
  const char* passage;
  Lang lang;
  Relation want;
  const char* rule;
};

// A count given as a part of a stated whole is also a share: "huit des dix souris" is
// 80 %, "sur les 1 200 PME interrogées, 156" is 13 %; as a count it stays itself.
TEST(Compare, PartOfAWholeIsAShare) {
  struct Case {
    const char* claim;
    const char* passage;
    size_t index;  // which figure of the passage
    Lang lang;
    Relation want;
  };
  const Case cases[] = {
      {"80 %", "Huit des dix souris sont mortes", 0, Lang::kFr, Relation::kEqual},
      {"90 %", "Huit des dix souris sont mortes", 0, Lang::kFr, Relation::kDifferent},
      {"20 %", "Huit des dix souris sont mortes", 0, Lang::kFr, Relation::kComplement},
      {"huit souris", "Huit des dix souris sont mortes", 0, Lang::kFr, Relation::kEqual},
      {"13 %", "Sur les 1 200 PME interrogées, 156 utilisent l'IA", 1, Lang::kFr, Relation::kEqual},
      {"un sur cinq", "Sur les cinq décès, quatre ont été jugés non liés", 1, Lang::kFr,
       Relation::kComplement},
      {"five deaths", "Of the five deaths, four were unrelated", 1, Lang::kEn,
       Relation::kDifferent},
      {"60%", "Three of the five judges dissented", 0, Lang::kEn, Relation::kEqual},
  };
  for (const Case& c : cases) {
    const std::vector<text::Quantity> passage = text::FindQuantities(c.passage, c.lang);
    ASSERT_LT(c.index, passage.size()) << c.passage;
    EXPECT_EQ(Compare(Figure(c.claim, c.lang), passage[c.index]), c.want)
        << c.claim << " / " << c.passage;
  }
}

// Each matching rule, in French and English, with the case that must not match.
TEST(Compare, FollowsEachMatchingRule) {
  const RelationCase cases[] = {
      // Equal within the stated precision and qualifier.
      {"près de 13 %", "12,8 %", Lang::kFr, Relation::kEqual, "approximation covers rounding"},
      {"13 %", "12,8 %", Lang::kFr, Relation::kEqual, "13 % stands for [12.5, 13.5)"},
      {"13 %", "12,4 %", Lang::kFr, Relation::kDifferent, "12.4 rounds to 12"},
      {"about 41%", "40.6%", Lang::kEn, Relation::kEqual, "approximation in English"},
      {"plus de 10 %", "12 %", Lang::kFr, Relation::kEqual, "a lower bound holds"},
      {"plus de 1 000 entreprises", "800 entreprises", Lang::kFr, Relation::kDifferent,
       "a lower bound fails"},
      {"more than 1,000 firms", "800 firms", Lang::kEn, Relation::kDifferent,
       "a lower bound fails"},
      // Strict bounds that only touch disagree.
      {"moins de 5 ans", "plus de 5 ans", Lang::kFr, Relation::kDifferent, "strict bounds"},
      {"under 5 years", "over 5 years", Lang::kEn, Relation::kDifferent, "strict bounds"},
      // Unit and scale equivalence.
      {"1,2 million", "1 200 000", Lang::kFr, Relation::kEqual, "scale word"},
      {"1.2 million", "1,200,000", Lang::kEn, Relation::kEqual, "scale word"},
      {"3 milliards d'euros", "3 000 millions d'euros", Lang::kFr, Relation::kEqual,
       "money scales"},
      {"3 milliards d'euros", "3 milliards de dollars", Lang::kFr, Relation::kUnrelated,
       "currencies differ"},
      {"13 %", "13 euros", Lang::kFr, Relation::kUnrelated, "percent is no money"},
      // Fractions are percentages.
      {"un sur cinq", "20 %", Lang::kFr, Relation::kEqual, "one in five"},
      {"one in five", "20%", Lang::kEn, Relation::kEqual, "one in five"},
      {"un quart", "25 %", Lang::kFr, Relation::kEqual, "a quarter"},
      {"un quart", "30 %", Lang::kFr, Relation::kDifferent, "a quarter is not 30 %"},
      // Precisions that only touch do not agree.
      {"quatre axes", "trois axes", Lang::kFr, Relation::kDifferent, "[3.5, 4.5) and [2.5, 3.5)"},
      {"13 %", "13,0 %", Lang::kFr, Relation::kEqual, "the same figure, more precise"},
      // The complement of a percentage.
      {"87 %", "13 %", Lang::kFr, Relation::kComplement, "100 - 13"},
      {"87%", "13%", Lang::kEn, Relation::kComplement, "100 - 13"},
      // Dates agree on the parts both state.
      {"2024", "24 juin 2024", Lang::kFr, Relation::kEqual, "the year of a date"},
      {"avril 2024", "12 avril 2024", Lang::kFr, Relation::kEqual, "the month of a date"},
      {"June 24, 2025", "24 June 2025", Lang::kEn, Relation::kEqual, "two date orders"},
      {"June 24, 2025", "June 25, 2025", Lang::kEn, Relation::kDifferent, "another day"},
      {"2024", "2021", Lang::kFr, Relation::kDifferent, "another year"},
      // A date without a year compares by the parts it states.
      {"12 July", "12 July 2019", Lang::kEn, Relation::kEqual, "the claim gives no year"},
      {"May 7, 2018", "May 7", Lang::kEn, Relation::kEqual, "the passage gives no year"},
      {"7 mai 2018", "8 mai", Lang::kFr, Relation::kDifferent, "another day, no year"},
      {"2018", "7 mai", Lang::kFr, Relation::kUnrelated, "nothing stated by both"},
      // A passage that agrees but leaves out the claim's month or day is coarser.
      {"octobre 2018", "2018", Lang::kFr, Relation::kCoarser, "the month left out"},
      {"August 22, 2017", "August 2017", Lang::kEn, Relation::kCoarser, "the day left out"},
      {"October 2018", "2017", Lang::kEn, Relation::kDifferent, "another year all the same"},
      // Durations in two units compare in days.
      {"18 mois", "un an et demi", Lang::kFr, Relation::kEqual, "months and years"},
      {"un an", "un mois", Lang::kFr, Relation::kDifferent, "a year is no month"},
      {"two years", "24 months", Lang::kEn, Relation::kEqual, "years and months"},
      {"three weeks", "21 days", Lang::kEn, Relation::kEqual, "weeks and days"},
      {"three weeks", "30 days", Lang::kEn, Relation::kDifferent, "weeks and days"},
      // Measures compare in base units; a temperature in either scale.
      {"1 500 km", "1,5 million de mètres", Lang::kFr, Relation::kEqual, "km and metres"},
      {"3 tonnes", "3 000 kg", Lang::kFr, Relation::kEqual, "tonnes and kilograms"},
      {"5 tonnes", "5 kg", Lang::kFr, Relation::kDifferent, "a tonne is no kilogram"},
      {"12 km²", "1 200 hectares", Lang::kFr, Relation::kEqual, "square km and hectares"},
      {"60 °C", "140°F", Lang::kEn, Relation::kEqual, "Celsius and Fahrenheit"},
      {"62 degrés Celsius", "60°C", Lang::kFr, Relation::kDifferent, "another temperature"},
      {"62 degrés Celsius", "plus de 60°C", Lang::kFr, Relation::kEqual, "within a bound"},
      {"62 °C", "62 km", Lang::kFr, Relation::kUnrelated, "another dimension"},
      {"62 °C", "62", Lang::kFr, Relation::kUnrelated, "a plain count"},
      // Spans of years and of days agree when they share one.
      {"the 2018–19 season", "the 2018-2019 season", Lang::kEn, Relation::kEqual,
       "a shortened second year"},
      {"in 2019", "the 2018–19 season", Lang::kEn, Relation::kEqual, "a year of the span"},
      {"in 2020", "the 2018–19 season", Lang::kEn, Relation::kDifferent, "a year outside it"},
      {"in 1995", "the 1990s", Lang::kEn, Relation::kEqual, "a year of the decade"},
      {"en 2016", "de 2014 à 2018", Lang::kFr, Relation::kEqual, "a year inside the range"},
      {"March 13–14, 2018", "March 13-14", Lang::kEn, Relation::kEqual, "the same days"},
      {"March 14, 2018", "March 13–14", Lang::kEn, Relation::kEqual, "a day of the span"},
      {"March 16, 2018", "March 13–14", Lang::kEn, Relation::kDifferent, "a day outside it"},
      {"le 7 mars 2022", "les 6-7 mars 2022", Lang::kFr, Relation::kEqual, "a day of the span"},
      {"le 9 mars 2022", "les 6-7 mars 2022", Lang::kFr, Relation::kDifferent, "a day outside"},
  };
  for (const RelationCase& c : cases) {
    EXPECT_EQ(Compare(Figure(c.claim, c.lang), Figure(c.passage, c.lang)), c.want)
        << c.claim << " vs " << c.passage << ": " << c.rule;
  }
}

struct SumCase {
  const char* claim;
  const char* passage;
  Lang lang;
  bool sums;
  const char* rule;
};

// Parts of a whole stated apart add up to the claim's figure.
TEST(PartsSumTo, AddsPartsOfTheClaimsKindAndUnit) {
  const SumCase cases[] = {
      {"30 %", "18 % des salariés à vélo et 12 % à pied", Lang::kFr, true, "two parts"},
      {"30%", "18% cycle and 12% walk", Lang::kEn, true, "two parts in English"},
      {"45 %", "20 %, 15 % et 10 %", Lang::kFr, true, "all parts"},
      {"33 %", "18 % et 12 %", Lang::kFr, false, "a wrong total"},
      {"30 %", "18 euros et 12 euros", Lang::kFr, false, "another unit"},
      {"2030", "2010 et 20", Lang::kFr, false, "years do not add"},
      {"12 km", "7 km de pistes et 5 000 m de voies", Lang::kFr, true, "lengths add"},
      {"45 °C", "20 °C et 25 °C", Lang::kFr, false, "temperatures do not add"},
  };
  for (const SumCase& c : cases) {
    size_t first = 0, last = 0;
    EXPECT_EQ(
        PartsSumTo(Figure(c.claim, c.lang), text::FindQuantities(c.passage, c.lang), &first, &last),
        c.sums)
        << c.claim << " vs " << c.passage << ": " << c.rule;
  }
}

TEST(PartsSumTo, NamesThePartsThatAddUp) {
  const std::vector<text::Quantity> parts =
      text::FindQuantities("En 2024, 7 % puis 18 % et enfin 12 %", Lang::kFr);
  size_t first = 0, last = 0;
  ASSERT_TRUE(PartsSumTo(Figure("30 %", Lang::kFr), parts, &first, &last));
  EXPECT_EQ(parts[first].text, "18 %");
  EXPECT_EQ(parts[last].text, "12 %");
}

TEST(Coverage, CountsTheWantedTermsFound) {
  EXPECT_DOUBLE_EQ(Coverage({"a", "b", "c", "d"}, {"b", "d", "e"}), 0.5);
  EXPECT_DOUBLE_EQ(Coverage({}, {"a"}), 0);
  EXPECT_EQ(SortedUnique({"b", "a", "b"}), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace citecheck::verify::internal
