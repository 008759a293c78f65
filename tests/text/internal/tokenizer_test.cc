#include "text/internal/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace citecheck::text::internal {
namespace {

// A token summarized for comparison: its type, raw text and folded key.
struct Tok {
  TokenType type;
  std::string raw;
  std::string key;
  bool operator==(const Tok&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Tok& t) {
  return os << static_cast<int>(t.type) << ":'" << t.raw << "'/'" << t.key << "'";
}

std::vector<Tok> Toks(std::string_view text, Lang lang = Lang::kFr) {
  const TokenList list = Tokenize(text, lang);
  std::vector<Tok> out;
  for (const Token& t : list.tokens) {
    out.push_back({t.type, std::string(list.Raw(t)), std::string(list.Key(t))});
  }
  return out;
}

constexpr TokenType kNum = TokenType::kNumber;
constexpr TokenType kWord = TokenType::kWord;
constexpr TokenType kSym = TokenType::kSymbol;
constexpr TokenType kDate = TokenType::kNumericDate;
constexpr TokenType kOpaque = TokenType::kOpaque;

// Words are folded; elided articles end with an apostrophe; hyphens are symbols.
TEST(Tokenize, WordsElisionsAndHyphens) {
  EXPECT_EQ(Toks("L’Été d'un quatre-vingt"), (std::vector<Tok>{{kWord, "L’", "l'"},
                                                               {kWord, "Été", "ete"},
                                                               {kWord, "d'", "d'"},
                                                               {kWord, "un", "un"},
                                                               {kWord, "quatre", "quatre"},
                                                               {kSym, "-", "-"},
                                                               {kWord, "vingt", "vingt"}}));
  EXPECT_EQ(Toks("aujourd'hui"), (std::vector<Tok>{{kWord, "aujourd'hui", "aujourd'hui"}}));
}

// Spaces between tokens are recorded; word case and accents too.
TEST(Tokenize, TokenFlags) {
  const TokenList list = Tokenize("Dès 13%  EUR", Lang::kFr);
  ASSERT_EQ(list.tokens.size(), 4u);
  EXPECT_TRUE(list.tokens[0].capitalized);
  EXPECT_TRUE(list.tokens[0].accented);
  EXPECT_FALSE(list.tokens[0].all_caps);
  EXPECT_TRUE(list.tokens[1].space_before);
  EXPECT_FALSE(list.tokens[2].space_before);  // "%" glued to "13"
  EXPECT_TRUE(list.tokens[3].all_caps);
  EXPECT_EQ(list.tokens[0].begin, 0u);
  EXPECT_EQ(list.tokens[0].end, 4u);
}

struct NumberCase {
  Lang lang;
  std::string_view text;
  double value;
  int decimals;
  bool grouped;
  bool plain;
};

// Digit groups and decimal marks in both conventions.
TEST(Tokenize, Numbers) {
  constexpr NumberCase kCases[] = {
      {Lang::kFr, "2024", 2024, 0, false, true},
      {Lang::kFr, "13,5", 13.5, 1, false, false},
      {Lang::kEn, "13.5", 13.5, 1, false, false},
      {Lang::kFr, "1 200", 1200, 0, true, false},
      {Lang::kFr, "1\u00a0200", 1200, 0, true, false},
      {Lang::kFr, "1\u202f200", 1200, 0, true, false},
      {Lang::kFr, "1\u2009200", 1200, 0, true, false},
      {Lang::kFr, "12 500 000", 12500000, 0, true, false},
      {Lang::kFr, "1 200,75", 1200.75, 2, true, false},
      {Lang::kFr, "1.200", 1200, 0, true, false},
      {Lang::kEn, "1.200", 1.2, 3, false, false},
      {Lang::kEn, "1,200", 1200, 0, true, false},
      {Lang::kFr, "1,200", 1.2, 3, false, false},
      {Lang::kUnknown, "1,200", 1200, 0, true, false},
      {Lang::kEn, "0,125", 0.125, 3, false, false},
      {Lang::kFr, "1.234.567,8", 1234567.8, 1, true, false},
      {Lang::kEn, "1,234,567.8", 1234567.8, 1, true, false},
  };
  for (const NumberCase& c : kCases) {
    const TokenList list = Tokenize(c.text, c.lang);
    ASSERT_EQ(list.tokens.size(), 1u) << c.text;
    const Token& t = list.tokens[0];
    EXPECT_EQ(t.type, kNum) << c.text;
    EXPECT_DOUBLE_EQ(t.value, c.value) << c.text;
    EXPECT_EQ(t.decimals, c.decimals) << c.text;
    EXPECT_EQ(t.grouped, c.grouped) << c.text;
    EXPECT_EQ(t.plain, c.plain) << c.text;
  }
}

// A space joins groups only in the shape "1 200": not after four digits, not before a
// group of another size.
TEST(Tokenize, SpacesJoinOnlyThousandGroups) {
  EXPECT_EQ(Toks("2024 100"), (std::vector<Tok>{{kNum, "2024", "2024"}, {kNum, "100", "100"}}));
  EXPECT_EQ(Toks("12 50"), (std::vector<Tok>{{kNum, "12", "12"}, {kNum, "50", "50"}}));
  EXPECT_EQ(Toks("1 2000"), (std::vector<Tok>{{kNum, "1", "1"}, {kNum, "2000", "2000"}}));
  EXPECT_EQ(Toks("1, 200"),
            (std::vector<Tok>{{kNum, "1", "1"}, {kSym, ",", ","}, {kNum, "200", "200"}}));
}

// Numeric dates become one token with the day/month order resolved by language.
TEST(Tokenize, NumericDates) {
  struct Case {
    Lang lang;
    std::string_view text;
    int year, month, day;
  };
  constexpr Case kCases[] = {
      {Lang::kFr, "02/03/2023", 2023, 3, 2},  {Lang::kEn, "02/03/2023", 2023, 2, 3},
      {Lang::kEn, "13/03/2023", 2023, 3, 13}, {Lang::kFr, "03/13/2023", 2023, 3, 13},
      {Lang::kFr, "2.3.2023", 2023, 3, 2},    {Lang::kFr, "2023-03-02", 2023, 3, 2},
      {Lang::kFr, "02-03-2023", 2023, 3, 2},  {Lang::kFr, "03/2024", 2024, 3, 0},
      {Lang::kFr, "02/03/23", 2023, 3, 2},    {Lang::kEn, "2023/03/02", 2023, 3, 2},
  };
  for (const Case& c : kCases) {
    const TokenList list = Tokenize(c.text, c.lang);
    ASSERT_EQ(list.tokens.size(), 1u) << c.text;
    const Token& t = list.tokens[0];
    EXPECT_EQ(t.type, kDate) << c.text;
    EXPECT_EQ(t.year, c.year) << c.text;
    EXPECT_EQ(t.month, c.month) << c.text;
    EXPECT_EQ(t.day, c.day) << c.text;
  }
  // Not dates: impossible months or days, two-part shapes, digits glued after.
  for (std::string_view s : {"13/13/2023", "32/01/2023", "8/10", "2020-2024", "10-15"}) {
    for (const Token& t : Tokenize(s, Lang::kFr).tokens) {
      EXPECT_NE(t.type, kDate) << s;
    }
  }
}

// Identifiers, addresses, versions and telephone numbers are opaque.
TEST(Tokenize, OpaqueChunks) {
  EXPECT_EQ(Toks("COVID-19"), (std::vector<Tok>{{kOpaque, "COVID-19", "COVID-19"}}));
  EXPECT_EQ(Toks("H2O"), (std::vector<Tok>{{kOpaque, "H2O", "H2O"}}));
  EXPECT_EQ(Toks("5G"), (std::vector<Tok>{{kOpaque, "5G", "5G"}}));
  EXPECT_EQ(Toks("v1.2"), (std::vector<Tok>{{kOpaque, "v1.2", "v1.2"}}));
  EXPECT_EQ(Toks("1.2.3"), (std::vector<Tok>{{kOpaque, "1.2.3", "1.2.3"}}));
  EXPECT_EQ(Toks("rapport_2024"), (std::vector<Tok>{{kOpaque, "rapport_2024", "rapport_2024"}}));
  EXPECT_EQ(Toks("(https://x.fr/2024/a)."),
            (std::vector<Tok>{{kSym, "(", "("},
                              {kOpaque, "https://x.fr/2024/a", "https://x.fr/2024/a"},
                              {kSym, ")", ")"},
                              {kSym, ".", "."}}));
  EXPECT_EQ(Toks("a@b2024.fr"), (std::vector<Tok>{{kOpaque, "a@b2024.fr", "a@b2024.fr"}}));
  EXPECT_EQ(Toks("01 23 45 67 89"),
            (std::vector<Tok>{{kOpaque, "01 23 45 67 89", "01 23 45 67 89"}}));
  EXPECT_EQ(Toks("0612345678"), (std::vector<Tok>{{kOpaque, "0612345678", "0612345678"}}));
}

// Known suffixes are split off the digits; "x3", "mi-2024" and "14h30" keep their parts.
TEST(Tokenize, SuffixesAfterDigits) {
  EXPECT_EQ(Toks("1er"), (std::vector<Tok>{{kNum, "1", "1"}, {kWord, "er", "er"}}));
  EXPECT_EQ(Toks("3Mds€"),
            (std::vector<Tok>{{kNum, "3", "3"}, {kWord, "Mds", "mds"}, {kSym, "€", "€"}}));
  EXPECT_EQ(Toks("50kg"), (std::vector<Tok>{{kNum, "50", "50"}, {kWord, "kg", "kg"}}));
  EXPECT_EQ(Toks("14h30"),
            (std::vector<Tok>{{kNum, "14", "14"}, {kWord, "h", "h"}, {kNum, "30", "30"}}));
  EXPECT_EQ(Toks("x3"), (std::vector<Tok>{{kWord, "x", "x"}, {kNum, "3", "3"}}));
  EXPECT_EQ(Toks("mi-2024"),
            (std::vector<Tok>{{kWord, "mi", "mi"}, {kSym, "-", "-"}, {kNum, "2024", "2024"}}));
}

// Words carry their lexicon senses and the flags of the language's senses.
TEST(Tokenize, LexiconFlags) {
  const TokenList fr = Tokenize("vingt janvier", Lang::kFr);
  EXPECT_NE(fr.tokens[0].roles & kRoleNumber, 0);
  EXPECT_NE(fr.tokens[1].roles & kRoleMonth, 0);
  // "three" has an English sense only.
  EXPECT_EQ(Tokenize("three", Lang::kFr).tokens[0].roles, 0);
  EXPECT_NE(Tokenize("three", Lang::kEn).tokens[0].roles & kRoleNumber, 0);
  EXPECT_NE(Tokenize("three", Lang::kUnknown).tokens[0].roles & kRoleNumber, 0);
}

}  // namespace
}  // namespace citecheck::text::internal
