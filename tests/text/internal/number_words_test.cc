#include "text/internal/number_words.h"

#include <gtest/gtest.h>

#include <string_view>

#include "text/internal/tokenizer.h"

namespace citecheck::text::internal {
namespace {

struct Case {
  Lang lang;
  std::string_view text;
  double value;
  int words;  // number words read
  bool article_only;
  bool ordinal;
};

// French and English spelled numbers, compounds and the 1990 hyphenated spelling.
TEST(ParseWordNumber, Table) {
  constexpr Case kCases[] = {
      {Lang::kFr, "un", 1, 1, true, false},
      {Lang::kFr, "une", 1, 1, true, false},
      {Lang::kFr, "deux", 2, 1, false, false},
      {Lang::kFr, "seize", 16, 1, false, false},
      {Lang::kFr, "dix-sept", 17, 2, false, false},
      {Lang::kFr, "vingt et un", 21, 2, false, false},
      {Lang::kFr, "vingt-et-un", 21, 2, false, false},
      {Lang::kFr, "trente-deux", 32, 2, false, false},
      {Lang::kFr, "soixante-dix", 70, 2, false, false},
      {Lang::kFr, "soixante et onze", 71, 2, false, false},
      {Lang::kFr, "soixante-douze", 72, 2, false, false},
      {Lang::kFr, "soixante-dix-neuf", 79, 3, false, false},
      {Lang::kFr, "quatre-vingts", 80, 2, false, false},
      {Lang::kFr, "quatre-vingt-un", 81, 3, false, false},
      {Lang::kFr, "quatre-vingt-dix", 90, 3, false, false},
      {Lang::kFr, "quatre-vingt-dix-sept", 97, 4, false, false},
      {Lang::kFr, "quatre vingt dix sept", 97, 4, false, false},
      {Lang::kFr, "cent", 100, 1, false, false},
      {Lang::kFr, "cent un", 101, 2, false, false},
      {Lang::kFr, "deux cents", 200, 2, false, false},
      {Lang::kFr, "deux cent trois", 203, 3, false, false},
      {Lang::kFr, "mille", 1000, 1, false, false},
      {Lang::kFr, "deux mille trois", 2003, 3, false, false},
      {Lang::kFr, "deux-mille-vingt-quatre", 2024, 4, false, false},
      {Lang::kFr, "mille neuf cent quatre-vingt-dix", 1990, 6, false, false},
      {Lang::kFr, "trois cent mille", 300000, 3, false, false},
      {Lang::kFr, "un million", 1e6, 2, false, false},
      {Lang::kFr, "deux millions trois cent mille", 2.3e6, 5, false, false},
      {Lang::kFr, "mille milliards", 1e12, 2, false, false},
      {Lang::kFr, "septante-cinq", 75, 2, false, false},
      {Lang::kFr, "deuxième", 2, 1, false, true},
      {Lang::kFr, "vingt-et-unième", 21, 2, false, true},
      {Lang::kFr, "centième", 100, 1, false, true},
      {Lang::kEn, "one", 1, 1, true, false},
      {Lang::kEn, "a", 1, 1, true, false},
      {Lang::kEn, "twenty-one", 21, 2, false, false},
      {Lang::kEn, "twenty one", 21, 2, false, false},
      {Lang::kEn, "two hundred", 200, 2, false, false},
      {Lang::kEn, "two hundred and five", 205, 3, false, false},
      {Lang::kEn, "a hundred", 100, 2, false, false},
      {Lang::kEn, "a thousand", 1000, 2, false, false},
      {Lang::kEn, "a dozen", 12, 2, false, false},
      {Lang::kEn, "nineteen hundred", 1900, 2, false, false},
      {Lang::kEn, "three million", 3e6, 2, false, false},
      {Lang::kEn, "twenty-first", 21, 2, false, true},
      {Lang::kEn, "third", 3, 1, false, true},
  };
  for (const Case& c : kCases) {
    const TokenList tokens = Tokenize(c.text, c.lang);
    const std::optional<WordNumber> n = ParseWordNumber(tokens, 0, c.lang);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
    EXPECT_EQ(n->words, c.words) << c.text;
    EXPECT_EQ(n->article_only, c.article_only) << c.text;
    EXPECT_EQ(n->ordinal, c.ordinal) << c.text;
    EXPECT_EQ(n->end, tokens.tokens.size()) << c.text;  // everything was read
  }
}

// Words that do not continue the number are left for the caller.
TEST(ParseWordNumber, StopsAtWhatDoesNotFit) {
  struct Stop {
    Lang lang;
    std::string_view text;
    double value;
    size_t end;  // token index after the number
  };
  constexpr Stop kCases[] = {
      {Lang::kFr, "deux trois", 2, 1},
      {Lang::kFr, "vingt et deux", 20, 1},
      {Lang::kFr, "un cinquième", 1, 1},
      {Lang::kFr, "deux tiers", 2, 1},
      {Lang::kFr, "trois mille deux millions", 3002, 3},
      {Lang::kEn, "twenty and one", 20, 1},
      {Lang::kEn, "one in five", 1, 1},
  };
  for (const Stop& c : kCases) {
    const TokenList tokens = Tokenize(c.text, c.lang);
    const std::optional<WordNumber> n = ParseWordNumber(tokens, 0, c.lang);
    ASSERT_TRUE(n.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(n->value, c.value) << c.text;
    EXPECT_EQ(n->end, c.end) << c.text;
  }
}

// Not numbers: other words, a lone scale word, the other language's words, "unième".
TEST(ParseWordNumber, NotNumbers) {
  struct Not {
    Lang lang;
    std::string_view text;
  };
  constexpr Not kCases[] = {
      {Lang::kFr, "entreprise"}, {Lang::kFr, "million"}, {Lang::kFr, "three"}, {Lang::kEn, "trois"},
      {Lang::kEn, "thousand"},   {Lang::kFr, "unième"},  {Lang::kFr, "42"},
  };
  for (const Not& c : kCases) {
    const TokenList tokens = Tokenize(c.text, c.lang);
    EXPECT_FALSE(ParseWordNumber(tokens, 0, c.lang).has_value()) << c.text;
  }
}

}  // namespace
}  // namespace citecheck::text::internal
