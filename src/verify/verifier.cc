#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "verify/internal/judge.h"
#include "verify/internal/lexical.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

using internal::FigureFinding;
using internal::Judge;
using internal::Reading;
using internal::Relation;
using internal::SourceView;
using internal::Window;

// Evidence windows listed per verdict: the deciding one, then the next best.
constexpr size_t kEvidenceListed = 3;

std::string FormatCoverage(double c) {
  return std::to_string(static_cast<int>(std::lround(c * 100))) + " %";
}

std::string SourceLabel(const SourceState& s) { return "source " + std::to_string(s.index + 1); }

Evidence MakeEvidence(const SourceView& view, const Window& w, double score) {
  Evidence e;
  e.url = view.url;
  e.text = internal::WindowText(view, w);
  e.start = view.passages[w.first].start;
  e.end = view.passages[w.last].end;
  e.score = std::clamp(score, 0.0, 1.0);
  return e;
}

Evidence FigureEvidence(const SourceView& view, const FigureFinding& f, double score) {
  Window w = f.window;
  // The window shown always holds the figure's passage.
  if (f.passage < w.first || f.passage > w.last) w = {f.passage, f.passage, 0, f.coverage};
  Evidence e = MakeEvidence(view, w, score);
  const size_t base = view.passages[f.passage].start;
  e.figure = f.figure.text;
  e.figure_start = base + f.figure.span.begin;
  e.figure_end = base + (f.relation == Relation::kSum ? f.last_part.span.end : f.figure.span.end);
  if (f.relation == Relation::kSum) {
    const std::string& text = view.passages[f.passage].text;
    e.figure = text.substr(f.figure.span.begin, f.last_part.span.end - f.figure.span.begin);
  }
  return e;
}

// Appends the reading's next best windows after `first`, skipping ones that overlap it.
void AddOtherWindows(const SourceView& view, const Reading& r, Verdict& v) {
  for (const Window& w : r.windows) {
    if (v.evidence.size() >= kEvidenceListed) break;
    const size_t start = view.passages[w.first].start;
    const size_t end = view.passages[w.last].end;
    bool overlaps = false;
    for (const Evidence& e : v.evidence) overlaps = overlaps || (start < e.end && e.start < end);
    if (!overlaps) v.evidence.push_back(MakeEvidence(view, w, w.coverage));
  }
}

// One source's reading, with the source it came from.
struct Read {
  Reading reading;
  const SourceState* source = nullptr;
  const SourceView* view = nullptr;
};

// What reading the sources turned up for one claim.
struct Gathered {
  std::optional<Read> support, contra, nearest;
  std::vector<std::string> unread;  // "source 3: HTTP 404 Not Found"
  int cited_read = 0;
  int others_read = 0;
};

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

std::string DerivationOf(Relation r) {
  if (r == Relation::kComplement) return "complement";
  if (r == Relation::kSum) return "sum";
  return "";
}

Verdict Supported(const Gathered& g, bool any_cited) {
  Verdict v;
  const Read& got = *g.support;
  const Reading& r = got.reading;
  v.kind = VerdictKind::kSupported;
  v.support = std::max(0.5, r.support);
  v.source = got.source->index;
  v.signals = r.signals;
  std::ostringstream why;
  why << SourceLabel(*got.source);
  if (r.match) {
    v.evidence.push_back(FigureEvidence(*got.view, *r.match, v.support));
    v.derivation = DerivationOf(r.match->relation);
    why << " states " << v.evidence.front().figure;
    if (v.derivation == "complement")
      why << " (the complement of the claim's figure, polarity flipped)";
    if (v.derivation == "sum") why << " (parts that add up to the claim's figure)";
    why << " with " << FormatCoverage(r.match->coverage) << " of the claim's context";
    if (r.full_date) {
      // A year next to the claim's words, the day in the page's dateline.
      v.evidence.push_back(FigureEvidence(*got.view, *r.full_date, v.support));
      why << ", and gives the full date, " << r.full_date->figure.text << ", elsewhere";
    }
  } else {
    v.evidence.push_back(MakeEvidence(*got.view, r.windows.front(), v.support));
    why << " states " << FormatCoverage(r.windows.front().coverage)
        << " of the claim's wording in one place";
  }
  AddOtherWindows(*got.view, r, v);
  if (!got.source->cited && any_cited) why << "; it is not the source the claim cites";
  v.reason = why.str();
  return v;
}

Verdict Contradicted(const draft::Claim& claim, const Gathered& g) {
  Verdict v;
  const Read& got = *g.contra;
  const Reading& r = got.reading;
  v.kind = VerdictKind::kContradicted;
  v.source = got.source->index;
  v.signals = r.signals;
  const bool by_figure =
      r.conflict && claim.has_figure &&
      (!r.word_conflict || r.conflict->local_coverage >= r.word_conflict->coverage);
  if (by_figure) {
    const FigureFinding& f = *r.conflict;
    v.support = 0.25 * (1 - f.local_coverage);
    v.evidence.push_back(FigureEvidence(*got.view, f, f.local_coverage));
    if (f.negated) {
      v.reason = SourceLabel(*got.source) + " states " + f.figure.text +
                 " in a negated sentence, " + "about the same thing (" +
                 FormatCoverage(f.local_coverage) + " of the claim's context)";
    } else {
      v.reason = SourceLabel(*got.source) + " gives " + f.figure.text + " where the claim says " +
                 claim.quantity.text + ", about the same thing (" +
                 FormatCoverage(f.local_coverage) + " of the claim's context)";
    }
  } else {
    const internal::WordConflict& c = *r.word_conflict;
    v.support = 0.5 * kNotSupportedScale * r.support;
    v.evidence.push_back(MakeEvidence(*got.view, c.window, c.coverage));
    v.reason = SourceLabel(*got.source) + " " + c.why + ", in a sentence with " +
               FormatCoverage(c.coverage) + " of the claim's wording";
  }
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
                                   : "no source could be read: ") +
             Joined(g.unread);
  if (any_cited && g.others_read > 0) v.reason += "; the other sources do not state it";
  return v;
}

Verdict NotFound(const draft::Claim& claim, const Gathered& g, bool has_context, bool any_cited) {
  Verdict v;
  v.kind = VerdictKind::kNotFound;
  const std::string what = claim.has_figure ? claim.quantity.text : "this";
  if (g.nearest) {
    const Reading& r = g.nearest->reading;
    v.support = kNotSupportedScale * r.support;
    v.signals = r.signals;
    if (r.match) {
      v.evidence.push_back(FigureEvidence(*g.nearest->view, *r.match, r.match->coverage));
    } else if (!r.windows.empty()) {
      v.evidence.push_back(
          MakeEvidence(*g.nearest->view, r.windows.front(), r.windows.front().coverage));
    }
    AddOtherWindows(*g.nearest->view, r, v);
  }
  if (!has_context) {
    v.reason = "the claim's sentence says too little besides the figure to be matched";
  } else if (g.nearest && g.nearest->reading.match) {
    v.reason = "the closest passage states " + v.evidence.front().figure + " but with only " +
               FormatCoverage(g.nearest->reading.match->coverage) + " of the claim's context";
  } else if (any_cited) {
    v.reason = "the cited source was read and states nothing matching " + what +
               (claim.has_figure ? " about this" : "");
    if (g.others_read > 0) v.reason += ", nor do the other sources";
  } else {
    v.reason = std::to_string(g.others_read) + " sources were read and none states " + what +
               (claim.has_figure ? " about this" : "");
  }
  return v;
}

}  // namespace

struct Verifier::Cache {
  std::map<std::string, SourceView> views;
};

std::string_view VerdictName(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::kSupported:
      return "supported";
    case VerdictKind::kContradicted:
      return "contradicted";
    case VerdictKind::kNotFound:
      return "not_found";
    case VerdictKind::kUnverifiable:
      return "unverifiable";
  }
  return "unknown";
}

Verifier::Verifier(const index::Index& index, const common::VerifyConfig& config)
    : index_(index), config_(config), cache_(std::make_unique<Cache>()) {}

Verifier::~Verifier() = default;

namespace {

// Reads one source into `g`: its best support, contradiction and nearest reading.
// `note_unread`: whether an unreadable source explains the verdict.
void ReadSource(const index::Index& index, std::map<std::string, SourceView>& views,
                const Judge& judge, const SourceState& s, text::Lang lang, bool note_unread,
                Gathered& g) {
  if (!s.readable) {
    if (note_unread) g.unread.push_back(SourceLabel(s) + ": " + s.reason);
    return;
  }
  auto it = views.find(s.url);
  if (it == views.end()) {
    auto passages = index.Passages(s.url);
    if (!passages.ok()) {
      if (note_unread) g.unread.push_back(SourceLabel(s) + ": " + passages.status().message());
      return;
    }
    it = views.emplace(s.url, internal::MakeSourceView(s.url, lang, std::move(*passages))).first;
  }
  (s.cited ? g.cited_read : g.others_read) += 1;
  SourceView& view = it->second;
  Read read{judge.Read(view), &s, &view};
  if (judge.Supports(read.reading)) {
    if (!g.support || read.reading.support > g.support->reading.support) g.support = read;
  } else if (s.cited && judge.Contradicts(read.reading)) {
    if (!g.contra) g.contra = read;
  }
  if (!g.nearest || read.reading.support > g.nearest->reading.support) g.nearest = read;
}

}  // namespace

Verdict Verifier::Verify(const draft::Claim& claim, const std::vector<SourceState>& sources,
                         text::Lang lang) const {
  const Judge judge(claim, lang, config_);
  const bool any_cited =
      std::any_of(sources.begin(), sources.end(), [](const SourceState& s) { return s.cited; });
  Gathered g;
  for (const SourceState& s : sources) {
    if (s.cited) ReadSource(index_, cache_->views, judge, s, lang, true, g);
  }
  // The other sources are read when the claim cites none, or when the cited ones do
  // not back it; they explain an unverifiable verdict only in the first case.
  if (!any_cited || (!g.support && config_.search_other_sources)) {
    for (const SourceState& s : sources) {
      if (!s.cited) ReadSource(index_, cache_->views, judge, s, lang, !any_cited, g);
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
