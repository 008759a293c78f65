#include <algorithm>
#include <cmath>
#include <sstream>

#include "verify/internal/match.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

using internal::Relation;

// What one passage says about the claim.
struct Reading {
  Relation relation = Relation::kUnrelated;
  double coverage = 0;        // share of the claim's context in the passage
  double local_coverage = 0;  // share in the sentence that holds the figure
  bool year_conflict = false; // the passage dates its figure to another year
  text::Quantity figure;      // the passage figure that decided (when related)
  index::Passage passage;
};

std::string FormatCoverage(double c) {
  return std::to_string(static_cast<int>(std::lround(c * 100))) + " %";
}

// The sentence of `text` that holds byte `offset`.
std::string_view SentenceAt(std::string_view text, size_t offset, text::Lang lang) {
  for (const text::Span& s : text::SplitSentences(text, lang)) {
    if (offset >= s.begin && offset < s.end) return text.substr(s.begin, s.size());
  }
  return text;
}

bool IsDate(const text::Quantity& q) {
  return q.kind == text::QuantityKind::kYear || q.kind == text::QuantityKind::kDate;
}

// True when the passage states years and none of them is a year the claim is dated to.
bool YearConflict(const draft::Claim& claim, const std::vector<text::Quantity>& figures) {
  if (claim.qualifiers.empty()) return false;
  bool passage_has_year = false;
  for (const text::Quantity& f : figures) {
    if (!IsDate(f)) continue;
    passage_has_year = true;
    for (const text::Quantity& q : claim.qualifiers) {
      if (internal::Compare(q, f) == Relation::kEqual) return false;
    }
  }
  return passage_has_year;
}

// Ranks relations: a match beats a contradiction beats nothing.
int Rank(Relation r) {
  switch (r) {
    case Relation::kEqual: return 3;
    case Relation::kComplement: return 2;
    case Relation::kDifferent: return 1;
    case Relation::kUnrelated: return 0;
  }
  return 0;
}

class Judge {
 public:
  Judge(const draft::Claim& claim, text::Lang lang, const common::VerifyConfig& config)
      : claim_(claim), lang_(lang), config_(config),
        context_(internal::SortedUnique(claim.context)),
        claim_modal_(internal::IsModal(claim.sentence)) {}

  Reading Read(const index::Passage& passage) const {
    Reading r;
    r.passage = passage;
    std::vector<std::string> stems =
        internal::SortedUnique(internal::ContextStems(passage.text, lang_));
    r.coverage = internal::Coverage(context_, stems);
    std::vector<text::Quantity> figures = text::FindQuantities(passage.text, lang_);
    r.year_conflict = YearConflict(claim_, figures);
    for (const text::Quantity& f : figures) {
      if (IsDate(f) && !IsDate(claim_.quantity)) continue;
      Relation rel = internal::Compare(claim_.quantity, f);
      if (rel == Relation::kComplement && !FlipsPolarity(passage.text, f)) {
        rel = Relation::kDifferent;
      }
      std::string_view sentence = SentenceAt(passage.text, f.span.begin, lang_);
      // An intention is not an achievement: the figure then describes something else.
      if (rel != Relation::kUnrelated && internal::IsModal(sentence) != claim_modal_) {
        rel = Relation::kUnrelated;
      }
      if (Rank(rel) <= Rank(r.relation)) continue;
      r.relation = rel;
      r.figure = f;
      r.local_coverage = internal::Coverage(
          context_, internal::SortedUnique(internal::ContextStems(sentence, lang_)));
    }
    return r;
  }

  bool Supports(const Reading& r) const {
    return (r.relation == Relation::kEqual || r.relation == Relation::kComplement) &&
           r.coverage >= config_.min_context_overlap && !r.year_conflict;
  }

  bool Contradicts(const Reading& r) const {
    return r.relation == Relation::kDifferent && !r.year_conflict &&
           r.local_coverage >= config_.contradiction_overlap;
  }

  // A claim's context only appears when it has some; a bare figure cannot be judged.
  bool HasContext() const { return !context_.empty(); }

 private:
  // A complement backs the claim only with the polarity flipped: "87 % n'utilisent
  // pas" is "13 % utilisent", not "13 % n'utilisent pas".
  bool FlipsPolarity(std::string_view passage, const text::Quantity& f) const {
    const bool passage_negated = internal::IsNegated(SentenceAt(passage, f.span.begin, lang_));
    return passage_negated != claim_.negated;
  }

  const draft::Claim& claim_;
  const text::Lang lang_;
  const common::VerifyConfig& config_;
  const std::vector<std::string> context_;
  const bool claim_modal_;
};

Evidence MakeEvidence(const Reading& r, double score) {
  Evidence e;
  e.url = r.passage.url;
  e.text = r.passage.text;
  e.start = r.passage.start;
  e.end = r.passage.end;
  e.score = std::clamp(score, 0.0, 1.0);
  if (r.relation != Relation::kUnrelated) {
    e.figure = r.figure.text;
    e.figure_start = r.passage.start + r.figure.span.begin;
    e.figure_end = r.passage.start + r.figure.span.end;
  }
  return e;
}

std::string SourceLabel(const SourceState& s) {
  return "source " + std::to_string(s.index + 1);
}

}  // namespace

std::string_view VerdictName(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::kSupported: return "supported";
    case VerdictKind::kContradicted: return "contradicted";
    case VerdictKind::kNotFound: return "not_found";
    case VerdictKind::kUnverifiable: return "unverifiable";
  }
  return "unknown";
}

Verifier::Verifier(const index::Index& index, const common::VerifyConfig& config)
    : index_(index), config_(config) {}

Verdict Verifier::Verify(const draft::Claim& claim, const std::vector<SourceState>& sources,
                         text::Lang lang) const {
  Verdict v;
  v.claim_id = claim.id;
  Judge judge(claim, lang, config_);
  std::vector<const SourceState*> order;
  for (const SourceState& s : sources) if (s.cited) order.push_back(&s);
  const bool any_cited = !order.empty();
  if (!any_cited || config_.search_other_sources) {
    for (const SourceState& s : sources) if (!s.cited) order.push_back(&s);
  }

  std::optional<Reading> best_support, best_contra, nearest;
  const SourceState* support_source = nullptr;
  const SourceState* contra_source = nullptr;
  std::vector<std::string> unread;
  int read = 0;
  for (const SourceState* s : order) {
    if (!s->readable) {
      unread.push_back(SourceLabel(*s) + ": " + s->reason);
      continue;
    }
    // Other sources are searched only when the cited ones did not back the claim.
    if (!s->cited && any_cited && best_support) break;
    ++read;
    index::PassageQuery query;
    query.text = claim.sentence;
    query.lang = lang;
    query.urls = {s->url};
    query.limit = static_cast<size_t>(config_.passages_per_source);
    auto passages = index_.Search(query);
    if (!passages.ok()) {
      unread.push_back(SourceLabel(*s) + ": " + passages.status().message());
      --read;
      continue;
    }
    for (const index::Passage& p : *passages) {
      Reading r = judge.Read(p);
      if (judge.Supports(r) && (!best_support || r.coverage > best_support->coverage)) {
        // Cited sources win ties with other sources: they are read first.
        if (!best_support || s->cited || !support_source->cited) {
          best_support = r;
          support_source = s;
        }
      } else if (judge.Contradicts(r) && s->cited &&
                 (!best_contra || r.local_coverage > best_contra->local_coverage)) {
        best_contra = r;
        contra_source = s;
      }
      if (!nearest || r.coverage > nearest->coverage) nearest = r;
    }
  }

  if (best_support) {
    v.kind = VerdictKind::kSupported;
    v.support = 0.5 + 0.5 * best_support->coverage;
    v.source = support_source->index;
    v.evidence.push_back(MakeEvidence(*best_support, v.support));
    if (best_support->relation == Relation::kComplement) v.derivation = "complement";
    std::ostringstream why;
    why << SourceLabel(*support_source) << " states " << best_support->figure.text;
    if (!v.derivation.empty()) why << " (the complement of the claim's figure, polarity flipped)";
    why << " with " << FormatCoverage(best_support->coverage) << " of the claim's context";
    if (!support_source->cited && any_cited) why << "; it is not the source the claim cites";
    v.reason = why.str();
    return v;
  }
  if (best_contra) {
    v.kind = VerdictKind::kContradicted;
    v.support = 0.25 * (1 - best_contra->local_coverage);
    v.source = contra_source->index;
    v.evidence.push_back(MakeEvidence(*best_contra, best_contra->local_coverage));
    v.reason = SourceLabel(*contra_source) + " gives " + best_contra->figure.text +
               " where the draft says " + claim.quantity.text + ", about the same thing (" +
               FormatCoverage(best_contra->local_coverage) + " of the claim's context)";
    return v;
  }
  if (read == 0) {
    v.kind = VerdictKind::kUnverifiable;
    v.support = 0;
    if (unread.empty()) {
      v.reason = "the claim cites no source with a URL, and the draft lists none";
    } else {
      v.reason = "no source could be read: ";
      for (size_t i = 0; i < unread.size(); ++i) v.reason += (i ? "; " : "") + unread[i];
    }
    return v;
  }
  v.kind = VerdictKind::kNotFound;
  v.support = nearest ? 0.45 * nearest->coverage : 0;
  if (nearest) v.evidence.push_back(MakeEvidence(*nearest, nearest->coverage));
  if (!judge.HasContext()) {
    v.reason = "the claim's sentence says too little besides the figure to be matched";
  } else if (nearest && nearest->relation == Relation::kEqual) {
    v.reason = "the closest passage states " + nearest->figure.text + " but with only " +
               FormatCoverage(nearest->coverage) + " of the claim's context";
  } else {
    v.reason = "the source was read (" + std::to_string(read) +
               (read == 1 ? " source" : " sources") + ") and states nothing matching " +
               claim.quantity.text + " about this";
  }
  return v;
}

}  // namespace citecheck::verify
