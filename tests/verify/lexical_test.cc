#include "verify/internal/lexical.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace citecheck::verify::internal {
namespace {

using text::Lang;

// Passages as the index gives them: offsets into one text, stems sorted.
SourceView ViewOf(const std::vector<std::string>& paragraphs, Lang lang = Lang::kEn,
                  const std::string& separator = "\n\n") {
  std::vector<index::Passage> passages;
  size_t at = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    index::Passage p;
    p.url = "https://s.example/a";
    p.ordinal = static_cast<int>(i);
    p.text = paragraphs[i];
    p.start = at;
    p.end = at + p.text.size();
    p.terms = text::ContentTerms(p.text, lang);
    std::sort(p.terms.begin(), p.terms.end());
    p.terms.erase(std::unique(p.terms.begin(), p.terms.end()), p.terms.end());
    at = p.end + separator.size();
    passages.push_back(std::move(p));
  }
  return MakeSourceView("https://s.example/a", lang, std::move(passages));
}

std::vector<std::string> Stems(const std::vector<ClaimTerm>& terms) {
  std::vector<std::string> out;
  for (const ClaimTerm& t : terms) out.push_back(t.stem);
  return out;
}

// Claim terms: content stems once each, names marked, figures left out.
TEST(ClaimTermsOf, KeepsContentStemsAndMarksNames) {
  const std::string s = "In 2019 Upton supported a bill banning sales in Michigan.";
  std::vector<ClaimTerm> terms = ClaimTermsOf(s, Lang::kEn, {{3, 7}});
  EXPECT_EQ(Stems(terms),
            (std::vector<std::string>{"upton", "support", "bill", "ban", "sale", "michigan"}));
  EXPECT_TRUE(terms[0].name);
  EXPECT_FALSE(terms[1].name);
  EXPECT_TRUE(terms[5].name);
  EXPECT_EQ(terms[0].offset, s.find("Upton"));
}

// The first word of a sentence is capitalized by grammar, not because it names.
TEST(ClaimTermsOf, SentenceStartIsNoName) {
  std::vector<ClaimTerm> terms = ClaimTermsOf("Bridges were built.", Lang::kEn, {});
  ASSERT_FALSE(terms.empty());
  EXPECT_FALSE(terms[0].name);
}

// A fact told over two sentences is found in a window of two passages; a window
// grows only when it covers more.
TEST(TermMatcher, BestWindowSpansNeighbouringPassages) {
  SourceView view =
      ViewOf({"Cookie notice and navigation.", "The museum opened its new gallery in Leeds.",
              "The gallery shows Roman pottery.", "Contact us."});
  std::vector<ClaimTerm> terms =
      ClaimTermsOf("The Leeds gallery shows Roman pottery.", Lang::kEn, {});
  TermMatcher m(view, terms);
  std::vector<Window> w = m.BestWindows(3, 2);
  ASSERT_FALSE(w.empty());
  EXPECT_EQ(w[0].first, 1u);
  EXPECT_EQ(w[0].last, 2u);
  EXPECT_DOUBLE_EQ(w[0].coverage, 1.0);
  EXPECT_EQ(WindowText(view, w[0]),
            "The museum opened its new gallery in Leeds.\n\nThe gallery shows Roman pottery.");
  EXPECT_EQ(m.MissingTerms(), 0);
}

// Coverage weighs rare terms more, and a missing term the most.
TEST(TermMatcher, RareTermsWeighMore) {
  SourceView view = ViewOf({"Paris museum news.", "Paris museum hours.", "Paris museum shop."});
  std::vector<ClaimTerm> terms = ClaimTermsOf("the paris museum shop", Lang::kEn, {});
  TermMatcher m(view, terms);
  const double with_shop = m.Coverage(m.PassageMask(2));
  const double without_shop = m.Coverage(m.PassageMask(0));
  EXPECT_DOUBLE_EQ(with_shop, 1.0);
  EXPECT_LT(without_shop, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.CoverageOf(m.PassageMask(0), m.PassageMask(0) | m.PassageMask(2), true),
                   2.0 / 3.0);
}

// Several passages together hold what none holds alone.
TEST(TermMatcher, GreedyCoverageUnitesPassages) {
  SourceView view = ViewOf({"Alpha beta.", "Nothing here.", "Gamma delta."});
  TermMatcher m(view, ClaimTermsOf("alpha beta gamma delta", Lang::kEn, {}));
  EXPECT_DOUBLE_EQ(m.GreedyCoverage(1), 0.5);
  EXPECT_DOUBLE_EQ(m.GreedyCoverage(2), 1.0);
  EXPECT_DOUBLE_EQ(m.NameCoverage(m.SourceMask()), 1.0);  // no names in the claim
}

// The heaviest term the source lacks, as a share of the claim's weight, and the best
// single passage's coverage.
TEST(TermMatcher, HeaviestMissingAndBestPassage) {
  SourceView view = ViewOf({"Alpha beta.", "Gamma."});
  TermMatcher full(view, ClaimTermsOf("alpha beta gamma", Lang::kEn, {}));
  EXPECT_DOUBLE_EQ(full.HeaviestMissing(), 0.0);
  EXPECT_GT(full.BestPassageCoverage(), 0.5);
  EXPECT_LT(full.BestPassageCoverage(), 1.0);
  EXPECT_DOUBLE_EQ(full.BestPassageCoverage(), full.Coverage(full.PassageMask(0)));
  TermMatcher lacking(view, ClaimTermsOf("alpha omega", Lang::kEn, {}));
  // "omega" is absent, so it weighs more than "alpha": over half the claim's weight.
  EXPECT_GT(lacking.HeaviestMissing(), 0.5);
  EXPECT_DOUBLE_EQ(lacking.HeaviestMissing(), 1.0 - lacking.Coverage(lacking.SourceMask()));
}

// Pieces of one block are joined by a space, blocks by a blank line.
TEST(WindowText, JoinsWithTheSeparatorOfTheSource) {
  SourceView view = ViewOf({"One sentence.", "Two sentence."}, Lang::kEn, " ");
  EXPECT_EQ(WindowText(view, {0, 1, 0, 0}), "One sentence. Two sentence.");
}

}  // namespace
}  // namespace citecheck::verify::internal
