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

std::vector<std::string> StemmedContext(const draft::Claim& claim, text::Lang lang) {
  std::vector<std::string> stems;
  for (const std::string& w : claim.context) stems.push_back(text::Stem(w, lang));
  return internal::SortedUnique(std::move(stems));
}

class Judge {
 public:
  Judge(const draft::Claim& claim, text::Lang lang, const common::VerifyConfig& config)
      : claim_(claim), lang_(lang), config_(config),
        context_(StemmedContext(claim, lang)),
        claim_modal_(text::IsModal(text::Words(claim.sentence))) {}

  Reading Read(const index::Passage& passage) const {
    Reading r;
    r.passage = passage;
    std::vector<std::string> stems =
        internal::SortedUnique(text::ContentTerms(passage.text, lang_));
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
      if (rel != Relation::kUnrelated && text::IsModal(text::Words(sentence)) != claim_modal_) {
        rel = Relation::kUnrelated;
      }
      if (Rank(rel) <= Rank(r.relation)) continue;
      r.relation = rel;
      r.figure = f;
      r.local_coverage = internal::Coverage(
          context_, internal::SortedUnique(text::ContentTerms(sentence, lang_)));
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
    const bool passage_negated = text::IsNegated(text::Words(SentenceAt(passage, f.span.begin, lang_)));
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

// What reading the sources turned up for one claim.
struct Gathered {
  std::optional<Reading> support, contra, nearest;
  const SourceState* support_source = nullptr;
  const SourceState* contra_source = nullptr;
  std::vector<std::string> unread;  // "source 3: HTTP 404 Not Found"
  int cited_read = 0;
  int others_read = 0;
};

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

// Searches one source's passages and keeps the best support, contradiction and
// nearest passage. `note_unread`: whether an unreadable source explains the verdict.
void ReadSource(const index::Index& index, const common::VerifyConfig& config,
                const Judge& judge, const draft::Claim& claim, const SourceState& s,
                text::Lang lang, bool note_unread, Gathered& g) {
  if (!s.readable) {
    if (note_unread) g.unread.push_back(SourceLabel(s) + ": " + s.reason);
    return;
  }
  index::PassageQuery query;
  query.text = claim.sentence;
  query.lang = lang;
  query.urls = {s.url};
  query.limit = static_cast<size_t>(config.passages_per_source);
  auto passages = index.Search(query);
  if (!passages.ok()) {
    if (note_unread) g.unread.push_back(SourceLabel(s) + ": " + passages.status().message());
    return;
  }
  (s.cited ? g.cited_read : g.others_read) += 1;
  for (const index::Passage& p : *passages) {
    Reading r = judge.Read(p);
    if (judge.Supports(r) && (!g.support || r.coverage > g.support->coverage)) {
      g.support = r;
      g.support_source = &s;
    } else if (judge.Contradicts(r) && s.cited &&
               (!g.contra || r.local_coverage > g.contra->local_coverage)) {
      g.contra = r;
      g.contra_source = &s;
    }
    if (!g.nearest || r.coverage > g.nearest->coverage) g.nearest = r;
  }
}

Verdict Supported(const Gathered& g, bool any_cited) {
  Verdict v;
  const Reading& r = *g.support;
  v.kind = VerdictKind::kSupported;
  v.support = 0.5 + 0.5 * r.coverage;
  v.source = g.support_source->index;
  v.evidence.push_back(MakeEvidence(r, v.support));
  if (r.relation == Relation::kComplement) v.derivation = "complement";
  std::ostringstream why;
  why << SourceLabel(*g.support_source) << " states " << r.figure.text;
  if (!v.derivation.empty()) why << " (the complement of the claim's figure, polarity flipped)";
  why << " with " << FormatCoverage(r.coverage) << " of the claim's context";
  if (!g.support_source->cited && any_cited) why << "; it is not the source the claim cites";
  v.reason = why.str();
  return v;
}

Verdict Contradicted(const draft::Claim& claim, const Gathered& g) {
  Verdict v;
  const Reading& r = *g.contra;
  v.kind = VerdictKind::kContradicted;
  v.support = 0.25 * (1 - r.local_coverage);
  v.source = g.contra_source->index;
  v.evidence.push_back(MakeEvidence(r, r.local_coverage));
  v.reason = SourceLabel(*g.contra_source) + " gives " + r.figure.text + " where the draft says " +
             claim.quantity.text + ", about the same thing (" + FormatCoverage(r.local_coverage) +
             " of the claim's context)";
  return v;
}

Verdict Unverifiable(const Gathered& g, bool any_cited) {
  Verdict v;
  v.kind = VerdictKind::kUnverifiable;
  if (g.unread.empty()) {
    v.reason = "the claim cites no source with a URL, and the draft lists none";
    return v;
  }
  v.reason = std::string(any_cited ? "the cited source could not be read: "
                                   : "no source could be read: ") + Joined(g.unread);
  if (any_cited && g.others_read > 0) v.reason += "; the other sources do not state it";
  return v;
}

Verdict NotFound(const draft::Claim& claim, const Gathered& g, bool has_context, bool any_cited) {
  Verdict v;
  v.kind = VerdictKind::kNotFound;
  v.support = g.nearest ? 0.45 * g.nearest->coverage : 0;
  if (g.nearest) v.evidence.push_back(MakeEvidence(*g.nearest, g.nearest->coverage));
  if (!has_context) {
    v.reason = "the claim's sentence says too little besides the figure to be matched";
  } else if (g.nearest && g.nearest->relation == Relation::kEqual) {
    v.reason = "the closest passage states " + g.nearest->figure.text + " but with only " +
               FormatCoverage(g.nearest->coverage) + " of the claim's context";
  } else if (any_cited) {
    v.reason = "the cited source was read and states nothing matching " + claim.quantity.text +
               " about this";
    if (g.others_read > 0) v.reason += ", nor do the other sources";
  } else {
    v.reason = std::to_string(g.others_read) + " sources were read and none states " +
               claim.quantity.text + " about this";
  }
  return v;
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
  const Judge judge(claim, lang, config_);
  const bool any_cited = std::any_of(sources.begin(), sources.end(),
                                     [](const SourceState& s) { return s.cited; });
  Gathered g;
  for (const SourceState& s : sources) {
    if (s.cited) ReadSource(index_, config_, judge, claim, s, lang, true, g);
  }
  // The other sources are read when the claim cites none, or when the cited ones do
  // not back it; they explain an unverifiable verdict only in the first case.
  if (!any_cited || (!g.support && config_.search_other_sources)) {
    for (const SourceState& s : sources) {
      if (!s.cited) ReadSource(index_, config_, judge, claim, s, lang, !any_cited, g);
    }
  }
  Verdict v;
  if (g.support) {
    v = Supported(g, any_cited);
  } else if (g.contra) {
    v = Contradicted(claim, g);
  } else if ((any_cited && g.cited_read == 0) || g.cited_read + g.others_read == 0) {
    v = Unverifiable(g, any_cited);
  } else {
    v = NotFound(claim, g, judge.HasContext(), any_cited);
  }
  v.claim_id = claim.id;
  return v;
}

}  // namespace citecheck::verify
