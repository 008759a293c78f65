// Lexical support: how much of a claim's wording a source states, and where.
//
// A source is seen as its passages in document order, each with its stemmed terms (as
// the index stored them). A claim is its content terms, each weighted by how rare it
// is in the source (a word every passage uses says little about which passage backs
// the claim) and marked when it names something (a capitalized word inside the
// sentence: a person, a place, an organisation). Evidence is a window of one to three
// neighbouring passages, since a fact is often told over two sentences.
#ifndef CITECHECK_VERIFY_INTERNAL_LEXICAL_H_
#define CITECHECK_VERIFY_INTERNAL_LEXICAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/index.h"
#include "text/text.h"

namespace citecheck::verify::internal {

// At most this many distinct claim terms are weighed (a 64-bit mask per passage).
inline constexpr size_t kMaxClaimTerms = 64;

// One readable source: its passages in document order and how many of them hold each
// term. Built once per source and reused for every claim checked against it.
struct SourceView {
  std::string url;
  text::Lang lang = text::Lang::kUnknown;   // the language its figures are read in
  std::vector<index::Passage> passages;     // document order, with terms
  std::unordered_map<std::string, int> df;  // term -> passages holding it
  // The figures of each passage, found on first use (most passages never need them).
  std::vector<std::vector<text::Quantity>> figures;
  std::vector<bool> figures_found;
};

SourceView MakeSourceView(std::string url, text::Lang lang, std::vector<index::Passage> passages);

// The figures of passage `i` (text::FindQuantities), computed once.
const std::vector<text::Quantity>& FiguresOf(SourceView& view, size_t i);

struct ClaimTerm {
  std::string stem;
  bool name = false;  // written with a capital inside the sentence
  size_t offset = 0;  // byte offset of its first word in the sentence
  bool operator==(const ClaimTerm&) const = default;
};

// The distinct content terms of `sentence` (stems in `lang`), in order, with the words
// in `skip_spans` (the figures, the attributions) left out; at most kMaxClaimTerms.
std::vector<ClaimTerm> ClaimTermsOf(std::string_view sentence, text::Lang lang,
                                    const std::vector<text::Span>& skip_spans);

// A run of passages [first, last] of one source.
struct Window {
  size_t first = 0;
  size_t last = 0;
  uint64_t mask = 0;    // the claim terms it holds
  double coverage = 0;  // weighted share of the claim terms it holds, in [0, 1]
  bool operator==(const Window&) const = default;
};

// How a claim's terms sit in one source.
class TermMatcher {
 public:
  // `view` must outlive the matcher.
  TermMatcher(const SourceView& view, const std::vector<ClaimTerm>& terms);

  // Weighted share of the claim terms in `mask`, in [0, 1]; 0 when the claim has none.
  double Coverage(uint64_t mask) const;
  // Weighted share of the terms of `subset` that `mask` holds; 1 when `subset` is
  // empty. `uniform`: every term weighs the same (for the few words around a figure,
  // where rarity in a short source says little).
  double CoverageOf(uint64_t mask, uint64_t subset, bool uniform = false) const;
  // The same, counting the naming terms only (1 when the claim names nothing).
  double NameCoverage(uint64_t mask) const;
  // Mask of the claim terms passage `i` holds.
  uint64_t PassageMask(size_t i) const { return masks_[i]; }
  // Mask of every claim term the source holds anywhere.
  uint64_t SourceMask() const { return source_mask_; }
  // Claim terms the source never states.
  int MissingTerms() const;
  // Weight share of the heaviest claim term the source never states (0 when none is
  // missing): one rare word missing, a name or a title, often is the part not backed.
  double HeaviestMissing() const;
  // Coverage of the best single passage.
  double BestPassageCoverage() const;
  size_t term_count() const { return weights_.size(); }
  size_t passage_count() const { return masks_.size(); }

  // The best windows of up to `max_span` passages, best first, ranked by their
  // coverage of the terms in `subset`; no two overlap, and a longer window must cover
  // more to rank above a shorter one. Window::coverage is of all the terms.
  std::vector<Window> BestWindows(size_t max_span, size_t limit,
                                  uint64_t subset = ~uint64_t{0}) const;

  // Coverage of the union of at most `k` passages chosen greedily (a fact told in
  // several places of the page).
  double GreedyCoverage(size_t k) const;

 private:
  const SourceView& view_;
  std::vector<double> weights_;
  uint64_t names_ = 0;
  double total_ = 0;
  double names_total_ = 0;
  std::vector<uint64_t> masks_;
  uint64_t source_mask_ = 0;
};

// The text of passages [first, last], joined by what separates them in the source: a
// blank line between blocks, a space between the pieces of one block.
std::string WindowText(const SourceView& view, const Window& w);

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_LEXICAL_H_
