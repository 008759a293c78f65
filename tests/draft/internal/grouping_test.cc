#include "draft/internal/grouping.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace citecheck::draft::internal {
namespace {

// One TermMaker for all keys of a test, as for all mentions of a draft.
TermMaker& Terms() {
  static TermMaker* terms = new TermMaker(text::Lang::kFr);
  return *terms;
}

FactKey Key(double value, text::QuantityKind kind, std::vector<std::string> subject,
            std::vector<std::string> context = {}, int decimals = 0) {
  FactKey k;
  k.quantity.kind = kind;
  k.quantity.value = value;
  k.quantity.decimals = decimals;
  k.quantity.unit = kind == text::QuantityKind::kPercent ? "%" : "";
  k.subject = Terms().Ids(subject, true);
  k.context = Terms().Ids(context, false);
  k.part_subject = std::binary_search(k.subject.begin(), k.subject.end(), Terms().Id("#part"));
  return k;
}

TEST(GroupTerms, KinWordsShareAClass) {
  EXPECT_EQ(GroupTerms({"pme", "francaises"}, text::Lang::kFr, true),
            (std::vector<std::string>{"#firm", "francais"}));
  EXPECT_EQ(GroupTerms({"entreprises", "tpe", "pme"}, text::Lang::kFr, true),
            (std::vector<std::string>{"#firm"}));
  EXPECT_EQ(GroupTerms({"entreprises"}, text::Lang::kFr, false),
            (std::vector<std::string>{"entrepris"}));
  EXPECT_EQ(GroupTerms({"phases", "progressives"}, text::Lang::kFr, true),
            (std::vector<std::string>{"#part", "progress"}));
}

// Each key is mapped to the first key of its fact.
TEST(GroupFacts, Table) {
  using K = text::QuantityKind;
  const std::vector<FactKey> keys = {
      Key(87, K::kPercent, {"pme", "francaises"}),    // 0
      Key(13, K::kPercent, {"tpe", "pme"}),           // 1
      Key(87, K::kPercent, {"entreprises"}),          // 2: distinctive, kin subject -> 0
      Key(50, K::kPercent, {"pme"}),                  // 3
      Key(50, K::kPercent, {"entreprises"}),          // 4: round, nothing shared -> apart
      Key(4, K::kCount, {"domaines", "cles"}),        // 5
      Key(4, K::kCount, {"phases", "progressives"}),  // 6: parts of a plan -> 5
      Key(4, K::kCount, {"usines"}),                  // 7: apart
      Key(7, K::kPercent, {"taux", "chomage"}, {"taux", "chomage", "region"}),  // 8
      Key(7, K::kPercent, {"prix", "loyers"}, {"prix", "loyers", "an"}),        // 9: apart
      Key(7, K::kPercent, {}, {"taux", "chomage", "atteint"}),                  // 10: context -> 8
  };
  const std::vector<size_t> want = {0, 1, 0, 3, 4, 5, 5, 7, 8, 9, 8};
  EXPECT_EQ(GroupFacts(keys), want);
}

TEST(GroupFacts, PolarityKeepsFactsApart) {
  std::vector<FactKey> keys = {Key(87, text::QuantityKind::kPercent, {"pme"}, {"pme", "ia"}),
                               Key(87, text::QuantityKind::kPercent, {"pme"}, {"pme", "ia"})};
  keys[1].negated = true;
  EXPECT_EQ(GroupFacts(keys), (std::vector<size_t>{0, 1}));
}

// A figure repeated thousands of times is grouped in linear time (bounded window):
// identical mentions all join the first.
TEST(GroupFacts, ManyEqualFigures) {
  std::vector<FactKey> keys(5000,
                            Key(2024, text::QuantityKind::kYear, {"plan"}, {"plan", "lance"}));
  const std::vector<size_t> groups = GroupFacts(keys);
  for (size_t g : groups) EXPECT_EQ(g, 0u);
}

}  // namespace
}  // namespace citecheck::draft::internal
