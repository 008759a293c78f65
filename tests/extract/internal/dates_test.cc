#include "extract/internal/dates.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck::extract::internal {
namespace {

struct Case {
  std::string text;
  std::string date;
  DateOrder order = DateOrder::kDayFirst;
};

// Rule: the machine-readable forms found in meta tags, JSON-LD and <time datetime>.
TEST(DatesTest, MachineForms) {
  const Case cases[] = {
      {"2019-11-19", "2019-11-19"},
      {"2019-11-19T10:00:00+01:00", "2019-11-19"},
      {"2019-11-19T23:30:00.366-05:00", "2019-11-19"},
      {"2019/1/9", "2019-01-09"},
      {"Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19"},
      {"  2024-02-29 ", "2024-02-29"},
  };
  for (const Case& c : cases) EXPECT_EQ(FindDate(c.text, c.order), c.date) << c.text;
}

// Rule: dates written out in French and English running text, found anywhere in it.
TEST(DatesTest, WrittenForms) {
  const Case cases[] = {
      {"Publié le 19 novembre 2019 à 10h", "2019-11-19"},
      {"mardi 1er décembre 2020", "2020-12-01"},
      {"le 3 févr. 2021", "2021-02-03"},
      {"MIS À JOUR LE 15 AOÛT 2022", "2022-08-15"},
      {"15 aout 2022", "2022-08-15"},
      {"Updated November 19, 2019 at 5:00 p.m.", "2019-11-19"},
      {"Nov. 19, 2019", "2019-11-19"},
      {"Nov 19th, 2019", "2019-11-19"},
      {"19th November 2019", "2019-11-19"},
      {"By Jane Doe | 2 Sept 2019", "2019-09-02"},
      {"Wednesday November 20, 2019", "2019-11-20"},
  };
  for (const Case& c : cases) EXPECT_EQ(FindDate(c.text, c.order), c.date) << c.text;
}

// Rule: all-numeric dates read day first unless told otherwise or impossible.
TEST(DatesTest, NumericForms) {
  const Case cases[] = {
      {"19/11/2019", "2019-11-19"},
      {"19.11.2019", "2019-11-19"},
      {"02/03/2019", "2019-03-02"},
      {"02/03/2019", "2019-02-03", DateOrder::kMonthFirst},
      {"11/19/2019", "2019-11-19"},  // 19 cannot be a month
      {"19/11/2019", "2019-11-19", DateOrder::kMonthFirst},
  };
  for (const Case& c : cases) EXPECT_EQ(FindDate(c.text, c.order), c.date) << c.text;
}

// Rule: no date is better than a wrong one.
TEST(DatesTest, RejectsNonDates) {
  const Case cases[] = {
      {"", ""},
      {"no date here", ""},
      {"31 février 2019", ""},  // no such day
      {"2019-02-29", ""},       // not a leap year
      {"2019-13-01", ""},
      {"19/11/19", ""},  // two-digit years are ambiguous
      {"You may 2 go", ""},
      {"November 2019", ""},  // no day
      {"1 200 000 habitants", ""},
      {"12 mars 0019", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(FindDate(c.text, c.order), c.date) << c.text;
}

TEST(DatesTest, MonthFromName) {
  EXPECT_EQ(MonthFromName("janvier"), 1);
  EXPECT_EQ(MonthFromName("Févr."), 2);
  EXPECT_EQ(MonthFromName("AOÛT"), 8);
  EXPECT_EQ(MonthFromName("Sept"), 9);
  EXPECT_EQ(MonthFromName("déc"), 12);
  EXPECT_EQ(MonthFromName("December"), 12);
  EXPECT_EQ(MonthFromName("mayo"), 0);
  EXPECT_EQ(MonthFromName("ma"), 0);
}

}  // namespace
}  // namespace citecheck::extract::internal
