// What one source says about one claim: the passages that state its wording, the
// passage that states its figure (or a figure derived from it, or a different one
// about the same thing), whether it denies the claim, and the support score.
#ifndef CITECHECK_VERIFY_INTERNAL_JUDGE_H_
#define CITECHECK_VERIFY_INTERNAL_JUDGE_H_

#include <optional>
#include <string>
#include <vector>

#include "common/config.h"
#include "draft/draft.h"
#include "verify/internal/lexical.h"
#include "verify/internal/match.h"
#include "verify/verify.h"

namespace citecheck::verify::internal {

// A figure of the source that bears on the claim's figure.
struct FigureFinding {
  Relation relation = Relation::kUnrelated;
  text::Quantity figure;      // in the passage (the first part, for a sum)
  text::Quantity last_part;   // the last part of a sum
  size_t passage = 0;         // index into SourceView::passages
  Window window;              // the passages shown as evidence
  double local_coverage = 0;  // the figure's terms in the sentence that states it
  double coverage = 0;        // the figure's terms in its passage and the two around it
  bool negated = false;       // the same figure, in a sentence that negates the claim
};

// A passage that says the opposite of the claim in words: it negates what the claim
// affirms (or the reverse), denies it, or gives the opposite direction of change.
struct WordConflict {
  Window window;
  double coverage = 0;  // claim terms in the sentence that opposes it
  std::string why;      // "negates it", "denies it", "states the opposite change"
};

struct Reading {
  Signals signals;
  double support = 0;                  // the model's score, in [0, 1]
  std::vector<Window> windows;         // best lexical windows, best first
  std::optional<FigureFinding> match;  // equal, complement, sum, or a coarser date
  // When the match is a coarser date: where the page gives the claim's full date (its
  // dateline), as a finding of relation kEqual.
  std::optional<FigureFinding> full_date;
  std::optional<FigureFinding> conflict;  // a different figure about the same thing
  std::optional<WordConflict> word_conflict;
  // The claim's figure words in the passage that holds most of them.
  double local_best = 0;
};

class Judge {
 public:
  // `claim` and `config` must outlive the Judge.
  Judge(const draft::Claim& claim, text::Lang lang, const common::VerifyConfig& config);

  // Reads one source. Fills the source's figure cache as it goes.
  Reading Read(SourceView& view) const;

  // Whether a reading backs the claim: for a claim with a figure, the figure (or one
  // derived from it) stated with enough of the words that describe it; for a
  // statement, a support score of 0.5 or more and no passage saying its opposite.
  bool Supports(const Reading& r) const;
  // Whether it contradicts the claim: a different figure about the same thing, or
  // (for a claim without a figure) the same statement negated or denied.
  bool Contradicts(const Reading& r) const;
  // Whether the sentence that says most of the claim says its opposite in words.
  bool Opposes(const Reading& r) const;

  // The claim has words besides its figure to match.
  bool HasContext() const { return !terms_.empty(); }
  const draft::Claim& claim() const { return claim_; }

 private:
  // The best figure of `windows` that backs the claim's (want_match) or opposes it. A
  // coarser date backs it when `coarser_backs` (the page states the full date
  // elsewhere), and otherwise neither backs nor opposes it.
  std::optional<FigureFinding> BestFigure(SourceView& view, const TermMatcher& m,
                                          const std::vector<Window>& windows, bool want_match,
                                          bool coarser_backs) const;
  std::optional<FigureFinding> ReadFigure(SourceView& view, const TermMatcher& m, size_t passage,
                                          const text::Quantity& f,
                                          const std::vector<text::Quantity>& all) const;
  // How to read a verb of preventing in `words` against the claim (text::Preventing).
  text::Preventing PolarityMode(const std::vector<text::Word>& words) const;
  // Whether the claim's figure is negated, read in `mode`.
  bool ClaimNegated(text::Preventing mode) const;
  std::optional<WordConflict> FindWordConflict(const SourceView& view, const TermMatcher& m,
                                               const std::vector<Window>& windows) const;
  // Puts first the windows that also state the sentence's figures (a statement's
  // evidence should show its dates and amounts too).
  void PreferWindowsWithFigures(SourceView& view, std::vector<Window>& windows) const;
  // Mask of the claim terms among `stems` (sorted).
  uint64_t MaskOf(const std::vector<std::string>& stems) const;
  Signals Measure(const TermMatcher& m, const std::vector<Window>& windows, const Reading& r) const;
  // Fills the figure signals: which of the sentence's figures the source states, and
  // whether next to the best window.
  void MeasureFigures(SourceView& view, const std::vector<Window>& windows, Signals& s) const;
  double FigureSupport(const Reading& r) const;
  // The words of the claim's clause that holds its figure (all its words without one).
  std::span<const text::Word> ClaimClause() const;
  // Whether `sentence` (its `words`) negates what it says of the claim: a negated clause
  // that holds at least half of what the sentence holds of the claim's terms.
  bool StatementNegated(const TermMatcher& m, std::string_view sentence,
                        const std::vector<text::Word>& words, text::Preventing mode) const;
  double LocalCoverage(const SourceView& view, const TermMatcher& m, size_t passage,
                       size_t offset) const;
  // Whether another figure of `sentence` (of the claim's kind, with another value,
  // not stated by the claim) is followed by clearly more of the words around the
  // claim's figure than figure `at` is. `in_sentence` holds the sentence's figures, offsets within
  // it, in order.
  bool AboutAnother(std::string_view sentence, size_t at, text::Lang lang, const TermMatcher& m,
                    const std::vector<text::Quantity>& in_sentence) const;

  const draft::Claim& claim_;
  const text::Lang lang_;
  const common::VerifyConfig& config_;
  std::vector<ClaimTerm> terms_;
  // The terms that stand near the claim's figure and say what it counts: a long
  // sentence states several facts, and the figure's passage need only hold its own.
  uint64_t local_ = ~uint64_t{0};
  std::vector<text::Word> claim_words_;
  std::vector<text::Quantity> sentence_figures_;  // every figure of the claim's sentence
  bool claim_modal_ = false;
  bool claim_negated_ = false;              // the figure's clause
  bool claim_prevents_ = false;             // the sentence holds a verb of preventing
  bool claim_negated_literal_ = false;      // claim_negated_, read with Preventing::kLiteral
  std::vector<std::string> claim_counted_;  // what the claim's figure counts, if a count
};

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_JUDGE_H_
