#include <algorithm>

#include <gtest/gtest.h>

#include "draft/draft.h"
#include "testutil/testutil.h"

namespace citecheck::draft {
namespace {

std::vector<Claim> ClaimsOf(std::string_view markdown) {
  auto d = ParseDraft("t.md", markdown);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  if (!d.ok()) return {};
  return ExtractClaims(*d);
}

std::vector<std::string> Texts(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const Claim& c : claims) out.push_back(c.quantity.text);
  return out;
}

std::vector<int> Lines(const Claim& c) {
  std::vector<int> out;
  for (const Mention& m : c.mentions) out.push_back(m.range.line);
  return out;
}

constexpr char kSources[] =
    "\n## Sources\n\n1. **Institut des transports** - Rapport\n"
    "   - URL : https://transports.example/rapport\n"
    "   - Fiabilité : 8/10\n";

// The same fact stated three times, rephrased, is one claim with three mentions; the
// year that frames it qualifies it rather than making a claim of its own.
TEST(ExtractClaims, GroupsMentionsOfOneFactAndKeepsTheYearAsQualifier) {
  std::string md =
      "En 2022, 17 % des salariés ont utilisé les transports en commun (Source : Institut des transports).\n\n"
      "Le chiffre est connu : 17 % des salariés utilisent les transports en commun.\n\n"
      "Rappelons qu'en 2022, 17 % des salariés prenaient les transports en commun.\n" +
      std::string(kSources);
  auto claims = ClaimsOf(md);
  ASSERT_EQ(claims.size(), 1u) << ::testing::PrintToString(Texts(claims));
  const Claim& c = claims[0];
  EXPECT_EQ(c.id, "c1");
  EXPECT_EQ(c.quantity.kind, text::QuantityKind::kPercent);
  EXPECT_EQ(c.quantity.value, 17);
  EXPECT_EQ(Lines(c), (std::vector<int>{1, 3, 5}));
  ASSERT_EQ(c.qualifiers.size(), 1u);
  EXPECT_EQ(c.qualifiers[0].kind, text::QuantityKind::kYear);
  EXPECT_EQ(c.qualifiers[0].value, 2022);
  EXPECT_EQ(c.sources, std::vector<int>{0});
  EXPECT_FALSE(c.negated);
  EXPECT_EQ(c.mentions[0].range.column, 10);
  EXPECT_EQ(c.mentions[0].range.end_column, 14);
}

TEST(ExtractClaims, SameFigureAboutDifferentThingsStaysApart) {
  std::string md =
      "Le taux de chômage atteint 7 % dans la région.\n\n"
      "Les prix des loyers ont augmenté de 7 % en un an.\n" + std::string(kSources);
  auto claims = ClaimsOf(md);
  EXPECT_EQ(claims.size(), 2u);
}

TEST(ExtractClaims, YearAloneIsAClaim) {
  auto claims = ClaimsOf("Le plan national a été lancé en 2019 par le ministère.\n" +
                         std::string(kSources));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quantity.kind, text::QuantityKind::kYear);
  EXPECT_EQ(claims[0].quantity.value, 2019);
  EXPECT_TRUE(claims[0].qualifiers.empty());
}

TEST(ExtractClaims, NumberInWordsIsAClaim) {
  auto claims = ClaimsOf("Le programme repose sur cinq piliers : former, équiper, financer, "
                         "mesurer et partager.\n" + std::string(kSources));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quantity.kind, text::QuantityKind::kCount);
  EXPECT_EQ(claims[0].quantity.value, 5);
  EXPECT_TRUE(claims[0].quantity.in_words);
}

TEST(ExtractClaims, NegationIsKept) {
  auto claims = ClaimsOf("64 % des communes ne disposent pas de piste cyclable.\n\n"
                         "Only 12% of towns do not publish their budget.\n" + std::string(kSources));
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_TRUE(claims[0].negated);
  EXPECT_TRUE(claims[1].negated);
}

// What is not a claim: front matter, HTML comments, code, the article counting its own
// parts, list numbering, ratings and reading times, section numbers, the sources list.
TEST(ExtractClaims, SkipsNumbersThatAreNotClaims) {
  std::string md =
      "---\nreadingTime: \"6 min\"\nsources: 1\n---\n"
      "<!-- Score qualité : 95% -->\n\n"
      "## 1. Contexte\n\n"
      "Cette analyse, basée sur deux sources, fait le point.\n\n"
      "Voici trois conseils pour agir :\n\n"
      "1. **Mesurer** d'abord.\n2. **Agir** ensuite.\n\n"
      "```\nratio = 40 %\n```\n\n"
      "Fiabilité globale : 8/10.\n\n"
      "Temps de lecture : 6 min.\n" + std::string(kSources);
  auto claims = ClaimsOf(md);
  EXPECT_TRUE(claims.empty()) << ::testing::PrintToString(Texts(claims));
}

TEST(ExtractClaims, AttributionAppliesToTheParagraphAndTheGroup) {
  std::string md =
      "Le réseau compte 1 200 kilomètres de voies. Il dessert 45 communes (Source : Institut des transports).\n" +
      std::string(kSources);
  auto claims = ClaimsOf(md);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].quantity.value, 1200);
  EXPECT_EQ(claims[0].sources, std::vector<int>{0});  // paragraph-level attribution
  EXPECT_EQ(claims[1].sources, std::vector<int>{0});  // its own sentence
}

// The first seed (../shared/seeds): the 13 % / 2024 fact, the 2025 mission and the four
// axes, each one claim with all its mentions, attributed to the CCI source.
TEST(Seeds, FirstDraftClaims) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  auto d = LoadDraft(*shared / "seeds" / "000_fffab15786d37f22.txt");
  ASSERT_OK(d);
  auto claims = ExtractClaims(*d);
  ASSERT_EQ(claims.size(), 3u) << ::testing::PrintToString(Texts(claims));
  EXPECT_EQ(claims[0].quantity.kind, text::QuantityKind::kPercent);
  EXPECT_EQ(claims[0].quantity.value, 13);
  EXPECT_EQ(Lines(claims[0]), (std::vector<int>{17, 23, 35}));
  ASSERT_EQ(claims[0].qualifiers.size(), 1u);
  EXPECT_EQ(claims[0].qualifiers[0].value, 2024);
  EXPECT_EQ(claims[0].sources, std::vector<int>{0});
  EXPECT_EQ(claims[1].quantity.kind, text::QuantityKind::kYear);
  EXPECT_EQ(claims[1].quantity.value, 2025);
  EXPECT_EQ(Lines(claims[1]), (std::vector<int>{19, 27, 39}));
  EXPECT_EQ(claims[2].quantity.kind, text::QuantityKind::kCount);
  EXPECT_EQ(claims[2].quantity.value, 4);
  EXPECT_EQ(Lines(claims[2]), (std::vector<int>{27, 39}));
  EXPECT_EQ(d->sources.size(), 3u);
  EXPECT_TRUE(d->findings.empty()) << d->findings.front().message;
}

TEST(Seeds, SecondDraftFindsTheComplementAndThePlaceholder) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  auto d = LoadDraft(*shared / "seeds" / "001_e691c1189ca58ec0.txt");
  ASSERT_OK(d);
  auto claims = ExtractClaims(*d);
  auto it = std::find_if(claims.begin(), claims.end(),
                         [](const Claim& c) { return c.quantity.value == 87; });
  ASSERT_NE(it, claims.end()) << ::testing::PrintToString(Texts(claims));
  EXPECT_EQ(it->quantity.kind, text::QuantityKind::kPercent);
  EXPECT_TRUE(it->negated);
  EXPECT_EQ(it->mentions.front().range.line, 8);
  for (const Claim& c : claims) {
    EXPECT_NE(c.quantity.value, 97) << "the HTML comment's score is not a claim";
  }
  ASSERT_EQ(d->sources.size(), 1u);
  ASSERT_FALSE(d->findings.empty());
  EXPECT_EQ(d->findings.back().code, "placeholder");
}

}  // namespace
}  // namespace citecheck::draft

namespace citecheck::draft {
namespace {

TEST(ClaimsOfText, OneClaimPerFigure) {
  std::vector<Claim> claims =
      ClaimsOfText("En 2023, 41 % des ménages triaient leurs déchets et 12 % les compostaient.",
                   text::Lang::kFr);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_TRUE(claims[0].has_figure);
  EXPECT_EQ(claims[0].quantity.value, 41);
  EXPECT_EQ(claims[1].quantity.value, 12);
  EXPECT_EQ(claims[0].qualifiers.at(0).value, 2023);
  EXPECT_EQ(claims[0].mentions.at(0).range.column, 10);
}

// A statement without a figure is still a claim, checked on its words alone.
TEST(ClaimsOfText, StatementWithoutFigureIsOneClaim) {
  std::vector<Claim> claims =
      ClaimsOfText("The company was founded by two brothers from Ohio.", text::Lang::kEn);
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0];
  // "two" is a figure: the claim is about it.
  EXPECT_TRUE(c.has_figure);
  std::vector<Claim> none =
      ClaimsOfText("The museum did not reopen after the storm.", text::Lang::kEn);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_FALSE(none[0].has_figure);
  EXPECT_TRUE(none[0].negated);
  EXPECT_EQ(none[0].context, (std::vector<std::string>{"museum", "reopen", "storm"}));
  EXPECT_EQ(none[0].mentions.at(0).range.line, 1);
}

}  // namespace
}  // namespace citecheck::draft
