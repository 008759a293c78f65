#include "text/internal/lexicon.h"

#include <gtest/gtest.h>

#include <string_view>

namespace citecheck::text::internal {
namespace {

const LexEntry* Fr(std::string_view w) {
  const LexSenses* s = LookupWord(w);
  return s == nullptr ? nullptr : s->fr;
}
const LexEntry* En(std::string_view w) {
  const LexSenses* s = LookupWord(w);
  return s == nullptr ? nullptr : s->en;
}

// French ordinals are derived from the cardinals by the spelling rules.
TEST(Lexicon, DerivedFrenchOrdinals) {
  struct Case {
    std::string_view word;
    int ordinal;
  };
  constexpr Case kCases[] = {
      {"deuxieme", 2},   {"troisieme", 3},   {"quatrieme", 4},  {"cinquieme", 5},
      {"neuvieme", 9},   {"onzieme", 11},    {"vingtieme", 20}, {"trentieme", 30},
      {"centieme", 100}, {"millieme", 1000}, {"premiere", 1},
  };
  for (const Case& c : kCases) {
    ASSERT_NE(Fr(c.word), nullptr) << c.word;
    EXPECT_EQ(Fr(c.word)->ordinal, c.ordinal) << c.word;
  }
  // From five on they are also denominators ("un cinquième"), plural included.
  EXPECT_EQ(Fr("cinquiemes")->denominator, 5);
  EXPECT_EQ(Fr("quart")->denominator, 4);
  EXPECT_EQ(Fr("tiers")->denominator, 3);
  EXPECT_EQ(Fr("troisieme")->denominator, 0);  // "un troisième mandat" is an ordinal
}

// A word can mean different things in each language.
TEST(Lexicon, SensesPerLanguage) {
  EXPECT_EQ(Fr("billion")->scale, 1e12);
  EXPECT_EQ(En("billion")->scale, 1e9);
  EXPECT_EQ(Fr("an")->unit, Unit::kYear);
  EXPECT_TRUE(En("an")->has(kArticleA));
  EXPECT_EQ(Fr("sept")->cardinal, 7);
  EXPECT_EQ(En("sept")->month, 9);
  EXPECT_TRUE(En("may")->has(kNeedsCaps));
  EXPECT_EQ(Fr("three"), nullptr);
  EXPECT_EQ(LookupWord("entreprise"), nullptr);
}

// FindSense picks the sense allowed by the language; kUnknown tries French first
// unless told otherwise.
TEST(Lexicon, FindSense) {
  const LexSenses* billion = LookupWord("billion");
  auto scale = [](const LexEntry& e) { return e.scale > 0; };
  EXPECT_EQ(FindSense(billion, Lang::kFr, scale)->scale, 1e12);
  EXPECT_EQ(FindSense(billion, Lang::kEn, scale)->scale, 1e9);
  EXPECT_EQ(FindSense(billion, Lang::kUnknown, scale)->scale, 1e12);
  EXPECT_EQ(FindSense(billion, Lang::kUnknown, scale, /*english_first=*/true)->scale, 1e9);
  const LexSenses* a = LookupWord("a");
  EXPECT_TRUE(HasFlag(a, Lang::kEn, kArticleA));
  EXPECT_FALSE(HasFlag(a, Lang::kFr, kArticleA));
  EXPECT_TRUE(HasFlag(a, Lang::kUnknown, kArticleA));
}

// Qualifier phrases are indexed by first word, longest first.
TEST(Lexicon, QualifierPhrases) {
  const auto plus = QualifierPhrasesStartingWith("plus");
  ASSERT_FALSE(plus.empty());
  for (size_t i = 1; i < plus.size(); ++i) {
    EXPECT_GE(plus[i - 1].words.size(), plus[i].words.size());
  }
  const auto un = QualifierPhrasesStartingWith("un");
  ASSERT_FALSE(un.empty());
  EXPECT_EQ(un[0].qualifier, Qualifier::kMoreThan);
  EXPECT_TRUE(un[0].slight);  // "un peu plus de"
  EXPECT_TRUE(QualifierPhrasesStartingWith("entreprise").empty());
}

}  // namespace
}  // namespace citecheck::text::internal
