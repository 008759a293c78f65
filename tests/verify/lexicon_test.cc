#include "verify/internal/lexicon.h"

#include <gtest/gtest.h>

namespace citecheck::verify::internal {
namespace {

Direction Of(const char* s) { return DirectionOf(text::Words(s)); }

TEST(DirectionOf, TellsRisesFromFalls) {
  EXPECT_EQ(Of("les ventes ont augmenté de 12 %"), Direction::kUp);
  EXPECT_EQ(Of("une hausse de 3 points"), Direction::kUp);
  EXPECT_EQ(Of("sales rose by 4%"), Direction::kUp);
  EXPECT_EQ(Of("les ventes ont baissé de 12 %"), Direction::kDown);
  EXPECT_EQ(Of("prices fell sharply"), Direction::kDown);
  EXPECT_EQ(Of("les ventes atteignent 12 000 unités"), Direction::kNone);
  EXPECT_EQ(Of("une hausse puis une baisse"), Direction::kNone);  // both: neither
}

TEST(IsDenial, FindsDenialsAndCorrections) {
  EXPECT_TRUE(IsDenial(text::Words("Le ministère a démenti cette information.")));
  EXPECT_TRUE(IsDenial(text::Words("Cette affirmation est fausse.")));
  EXPECT_TRUE(IsDenial(text::Words("Il n'existe aucune trace d'une telle lettre.")));
  EXPECT_TRUE(IsDenial(text::Words("The company denied the report.")));
  EXPECT_FALSE(IsDenial(text::Words("Le ministère a publié le rapport.")));
}

TEST(StatesOpposite, FindsOppositeWordsNotSharedOnes) {
  EXPECT_TRUE(StatesOpposite(text::Words("des faux négatifs"), text::Words("des faux positifs")));
  EXPECT_TRUE(
      StatesOpposite(text::Words("la vente est autorisée"), text::Words("la vente est interdite")));
  EXPECT_TRUE(StatesOpposite(text::Words("it happened before the vote"),
                             text::Words("it happened after the vote")));
  EXPECT_FALSE(
      StatesOpposite(text::Words("positifs et négatifs"), text::Words("des tests négatifs")));
  EXPECT_FALSE(StatesOpposite(text::Words("il est venu"), text::Words("à l'ouest")));
}

}  // namespace
}  // namespace citecheck::verify::internal

namespace citecheck::verify::internal {
namespace {

// Intentions are not facts: modal verbs, and plans followed by "to" / "de".
TEST(StatesIntention, FindsPlansAndPossibilities) {
  EXPECT_TRUE(StatesIntention(text::Words("13 % envisagent d'intégrer l'IA")));
  EXPECT_TRUE(StatesIntention(text::Words("13% of firms plan to adopt AI")));
  EXPECT_TRUE(StatesIntention(text::Words("the city aims to build 40 stations")));
  EXPECT_TRUE(StatesIntention(text::Words("la ville a le projet de construire 40 stations")));
  EXPECT_FALSE(StatesIntention(text::Words("13 % ont intégré l'IA")));
  EXPECT_FALSE(StatesIntention(text::Words("the plan was adopted in 2020")));
}

}  // namespace
}  // namespace citecheck::verify::internal
