#include <gtest/gtest.h>

#include "verify/verify.h"

namespace citecheck::verify {
namespace {

draft::Claim ClaimIn(int section, std::vector<int> sources) {
  draft::Claim c;
  draft::Mention m;
  m.section = section;
  c.mentions.push_back(m);
  c.sources = std::move(sources);
  return c;
}

Verdict Of(VerdictKind k) {
  Verdict v;
  v.kind = k;
  return v;
}

// Integrity = supported / all check-worthy claims; unverifiable counts against it.
TEST(Integrity, ScoreIsTheShareOfSupportedClaims) {
  Tally t{2, 1, 0, 1};
  EXPECT_DOUBLE_EQ(t.score(), 0.5);
  EXPECT_EQ(t.total(), 4);
  EXPECT_DOUBLE_EQ(Tally{}.score(), 1.0);
}

// count(kind) reads the field of that verdict.
TEST(Integrity, CountReadsEachVerdictsField) {
  const Tally t{4, 3, 2, 1};
  EXPECT_EQ(
      (std::vector<int>{t.count(VerdictKind::kSupported), t.count(VerdictKind::kContradicted),
                        t.count(VerdictKind::kNotFound), t.count(VerdictKind::kUnverifiable)}),
      (std::vector<int>{4, 3, 2, 1}));
}

TEST(Integrity, BreaksDownBySourceAndSection) {
  draft::Draft d;
  d.sources.resize(2);
  d.sections.resize(2);
  std::vector<draft::Claim> claims = {ClaimIn(0, {0}), ClaimIn(0, {0, 1}), ClaimIn(1, {}),
                                      ClaimIn(1, {1})};
  std::vector<Verdict> verdicts = {Of(VerdictKind::kSupported), Of(VerdictKind::kContradicted),
                                   Of(VerdictKind::kNotFound), Of(VerdictKind::kUnverifiable)};
  Integrity got = ComputeIntegrity(d, claims, verdicts);
  Integrity want;
  want.overall = {1, 1, 1, 1};
  want.per_source = {{1, 1, 0, 0}, {0, 1, 0, 1}};
  want.per_section = {{1, 1, 0, 0}, {0, 0, 1, 1}};
  want.unattributed = {0, 0, 1, 0};
  EXPECT_EQ(got, want);
  EXPECT_DOUBLE_EQ(got.overall.score(), 0.25);
}

}  // namespace
}  // namespace citecheck::verify
