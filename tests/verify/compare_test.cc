#include <gtest/gtest.h>

#include "testutil/testutil.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

constexpr char kOriginal[] =
    "---\ntitle: Vélo\nlang: fr\ndate: \"2025-01-10\"\n---\n\n# Le vélo au travail\n\n"
    "En 2024, 28 % des actifs ont utilisé un vélo pour aller au travail (Source : Baromètre "
    "vélo).\n\n"
    "Le réseau régional compte 320 stations de location (Source : Rapport réseau).\n\n"
    "Les ventes de vélos électriques ont atteint 738 000 unités en 2023 (Source : Rapport "
    "réseau).\n\n"
    "## Sources\n\n"
    "1. **Baromètre vélo** - Rapport\n   - URL : https://obs.example/barometre\n"
    "2. **Rapport réseau** - Rapport\n   - URL : https://reseau.example/rapport\n";

constexpr char kRewrite[] =
    "---\ntitle: Vélo, version courte\nlang: fr\n---\n\n# Le vélo au travail\n\n"
    "En 2024, 28 % des actifs ont utilisé un vélo pour aller au travail (Source : Baromètre "
    "vélo).\n\n"
    "Autrement dit, 72 % des actifs n'ont pas utilisé de vélo pour aller au travail en 2024.\n\n"
    "Le réseau régional compte 350 stations de location.\n\n"
    "Un tiers des cyclistes roulent sous la pluie.\n\n"
    "## Sources\n\n"
    "1. **Baromètre vélo** - Rapport\n   - URL : https://obs.example/barometre\n";

draft::Draft Parse(const std::string& path, const std::string& md) {
  auto d = draft::ParseDraft(path, md);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  return d.ok() ? *d : draft::Draft{};
}

const FactChange* Find(const Comparison& c, FactChangeKind kind, const std::string& figure) {
  for (const FactChange& f : c.facts) {
    if (f.kind == kind && (f.rewrite_figure == figure || f.original_figure == figure)) return &f;
  }
  return nullptr;
}

// Each kind of change, found by reading each version as the source of the other.
TEST(CompareDrafts, FindsKeptDerivedChangedAddedAndDroppedFacts) {
  auto c = CompareDrafts(Parse("a.md", kOriginal), Parse("b.md", kRewrite), {});
  ASSERT_OK(c);
  const FactChange* kept = Find(*c, FactChangeKind::kKept, "28 %");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->original_figure, "28 %");
  EXPECT_EQ(kept->rewrite_figure, "28 %");
  EXPECT_EQ(kept->rewrite_range.line, 8);
  const FactChange* derived = Find(*c, FactChangeKind::kDerived, "72 %");
  ASSERT_NE(derived, nullptr);
  EXPECT_EQ(derived->derivation, "complement");
  EXPECT_EQ(derived->original_figure, "28 %");
  const FactChange* changed = Find(*c, FactChangeKind::kChanged, "320");
  ASSERT_NE(changed, nullptr);
  EXPECT_EQ(changed->rewrite_figure, "350");
  EXPECT_NE(Find(*c, FactChangeKind::kDropped, "738 000"), nullptr);
  EXPECT_NE(Find(*c, FactChangeKind::kAdded, "Un tiers"), nullptr);
  EXPECT_EQ(c->facts.size(), 5u);
  ASSERT_EQ(c->sources.size(), 1u);
  EXPECT_EQ(c->sources[0].kind, "dropped");
  EXPECT_EQ(c->sources[0].url, "https://reseau.example/rapport");
  // 28 % and 72 % are backed (their source is still listed), 350 is changed, the third
  // is new.
  EXPECT_EQ(c->rewrite, (Tally{2, 1, 1, 0}));
  EXPECT_DOUBLE_EQ(c->integrity, 0.5);
}

// A kept fact whose every source was dropped is no longer backed.
TEST(CompareDrafts, FactWhoseSourcesWereDroppedIsUnverifiable) {
  const std::string rewrite =
      "---\nlang: fr\n---\n\nLe réseau régional compte 320 stations de location.\n\n"
      "## Sources\n\n1. **Baromètre vélo** - Rapport\n   - URL : https://obs.example/barometre\n";
  auto c = CompareDrafts(Parse("a.md", kOriginal), Parse("b.md", rewrite), {});
  ASSERT_OK(c);
  EXPECT_NE(Find(*c, FactChangeKind::kKept, "320"), nullptr);
  EXPECT_EQ(c->rewrite, (Tally{0, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(c->integrity, 0);
}

TEST(CompareDrafts, IdenticalDraftsKeepEverything) {
  auto c = CompareDrafts(Parse("a.md", kOriginal), Parse("b.md", kOriginal), {});
  ASSERT_OK(c);
  for (const FactChange& f : c->facts) EXPECT_EQ(f.kind, FactChangeKind::kKept) << f.reason;
  EXPECT_TRUE(c->sources.empty());
  EXPECT_DOUBLE_EQ(c->integrity, 1);
}

// The two seed drafts: the rewrite keeps 13 %, derives 87 % from it, and drops two of
// the three sources behind a placeholder.
TEST(CompareDrafts, SeedRewrite) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "no ../shared";
  const auto dir = *shared / "seeds";
  auto original = draft::LoadDraft(dir / "000_fffab15786d37f22.txt");
  auto rewrite = draft::LoadDraft(dir / "001_e691c1189ca58ec0.txt");
  if (!original.ok() || !rewrite.ok()) GTEST_SKIP() << "seed drafts absent";
  auto c = CompareDrafts(*original, *rewrite, {});
  ASSERT_OK(c);
  const FactChange* kept = nullptr;
  const FactChange* derived = nullptr;
  for (const FactChange& f : c->facts) {
    if (f.kind == FactChangeKind::kKept && f.original_figure.rfind("13", 0) == 0) kept = &f;
    if (f.kind == FactChangeKind::kDerived && f.rewrite_figure.rfind("87", 0) == 0) derived = &f;
  }
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->rewrite_figure.rfind("13", 0), 0u);
  ASSERT_NE(derived, nullptr);
  EXPECT_EQ(derived->derivation, "complement");
  int dropped = 0, placeholders = 0;
  for (const SourceChange& s : c->sources) {
    dropped += s.kind == "dropped" ? 1 : 0;
    placeholders += s.kind == "placeholder" ? 1 : 0;
  }
  EXPECT_EQ(dropped, 2);
  EXPECT_EQ(placeholders, 1);
  EXPECT_GT(c->integrity, 0);
}

}  // namespace
}  // namespace citecheck::verify
