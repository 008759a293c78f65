// The evidence panel of the HTML report: for each claim, what the draft says, why the
// verdict was given, the passage that decided with its figure marked, and the source
// with its URL, fetch outcome, archived copy and reliability.
#include <algorithm>

#include "report/internal/escape.h"
#include "report/internal/html_parts.h"

namespace citecheck::report::internal {
namespace {

constexpr size_t kSentenceWidth = 600;  // bytes of a claim's sentence shown
constexpr size_t kPassageWidth = 1200;  // bytes of an evidence passage shown

using verify::VerdictKind;

std::string_view PassageHeading(const Labels& l, VerdictKind kind) {
  switch (kind) {
    case VerdictKind::kSupported:
      return l.passage_supports;
    case VerdictKind::kContradicted:
      return l.passage_contradicts;
    default:
      return l.passage_closest;
  }
}

// The source an evidence passage comes from: the deciding one, else the one whose
// URL it carries.
int EvidenceSource(const CheckReport& r, const verify::Verdict& v, const verify::Evidence& e) {
  if (v.source >= 0 && static_cast<size_t>(v.source) < r.sources.size()) return v.source;
  for (size_t i = 0; i < r.sources.size(); ++i) {
    const SourceReport& s = r.sources[i];
    if (!e.url.empty() && (s.entry.url == e.url || s.fetch.final_url == e.url)) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

void AppendPassage(std::string& out, const verify::Evidence& e) {
  size_t fb = 0, fe = 0;
  const bool placed = e.figure_end > e.figure_start && e.figure_start >= e.start &&
                      e.figure_end - e.start <= e.text.size();
  if (placed) {
    fb = e.figure_start - e.start;
    fe = e.figure_end - e.start;
  }
  if (!placed || !IsCharBoundary(e.text, fb) || !IsCharBoundary(e.text, fe)) {
    const size_t at = e.figure.empty() ? std::string::npos : e.text.find(e.figure);
    fb = at == std::string::npos ? 0 : at;
    fe = at == std::string::npos ? 0 : at + e.figure.size();
  }
  const std::string text = Excerpt(e.text, kPassageWidth, &fb, &fe);
  out += "<blockquote class=\"passage\"";
  if (IsWebUrl(e.url)) out += " cite=\"" + Html(e.url) + "\"";
  out += "><p>";
  AppendHtml(out, text.substr(0, fb));
  if (fe > fb) {
    out += "<mark>";
    AppendHtml(out, text.substr(fb, fe - fb));
    out += "</mark>";
  }
  AppendHtml(out, text.substr(fe));
  out += "</p></blockquote>\n";
}

void AppendFetch(std::string& out, const Labels& l, const SourceReport& s) {
  if (s.fetch.outcome == "ok") {
    AppendHtml(out, l.fetch_ok);
    if (s.fetch.status > 0) out += ", HTTP " + std::to_string(s.fetch.status);
    return;
  }
  if (s.fetch.outcome == "no_url") return AppendHtml(out, l.no_url);
  AppendHtml(out, l.fetch_failed);
  out += Colon(l);
  AppendEnglish(out, l, s.fetch.error.empty() ? s.fetch.outcome : s.fetch.error);
}

void AppendArchive(std::string& out, const Labels& l, const FetchSummary& f) {
  if (f.archive_file.empty()) return AppendHtml(out, l.no_archive);
  // The file name first, where it reads well; its folder after, smaller.
  const size_t slash = f.archive_file.find_last_of('/');
  out += "<code>" + Html(f.archive_file.substr(slash == std::string::npos ? 0 : slash + 1)) +
         "</code>";
  if (f.archive_offset >= 0) {
    out += ", " + Html(Fill(l.archive_offset, std::to_string(f.archive_offset)));
  }
  if (f.from_archive) out += " · " + Html(l.replayed);
  if (slash != std::string::npos) {
    out += "<br><code class=\"muted url\">" + Html(f.archive_file.substr(0, slash + 1)) + "</code>";
  }
}

void AppendSourceFacts(std::string& out, const HtmlContext& ctx, int i) {
  const Labels& l = ctx.labels;
  const SourceReport& s = ctx.report.sources[static_cast<size_t>(i)];
  out += "<dl class=\"facts\"><dt>" + Html(l.col_source) + "</dt><dd>" +
         Html(SourceLabel(ctx.report, i));
  if (!s.entry.kind.empty()) out += " <span class=\"muted\">(" + Html(s.entry.kind) + ")</span>";
  out += "</dd>\n<dt>URL</dt><dd>";
  if (s.entry.url.empty())
    AppendHtml(out, l.no_url);
  else
    AppendUrl(out, s.entry.url);
  out += "</dd>\n";
  if (!s.fetch.final_url.empty() && s.fetch.final_url != s.entry.url) {
    out += "<dt>" + Html(l.final_url) + "</dt><dd>";
    AppendUrl(out, s.fetch.final_url);
    out += "</dd>\n";
  }
  out += "<dt>" + Html(l.col_fetch) + "</dt><dd>";
  AppendFetch(out, l, s);
  out += "</dd>\n<dt>" + Html(l.archived_copy) + "</dt><dd>";
  AppendArchive(out, l, s.fetch);
  out += "</dd>\n<dt>" + Html(l.col_computed) + "</dt><dd>" + Html(Rating(l, s.reliability.score));
  out += s.entry.declared_reliability ? " (" + Html(l.declared) + std::string(Colon(l)) +
                                            Html(Rating(l, *s.entry.declared_reliability)) + ")"
                                      : "";
  if (s.overrated) out += "<br><span class=\"flag\">⚠ " + Html(l.overrated) + "</span>";
  out += "</dd></dl>\n";
}

void AppendMentions(std::string& out, const HtmlContext& ctx, const draft::Claim& c) {
  const Labels& l = ctx.labels;
  const draft::Range& first = c.mentions.front().range;
  out += "<p class=\"where\">" + Html(l.line) + " " + std::to_string(first.line) + ", " +
         Html(l.column) + " " + std::to_string(first.column);
  if (!ctx.report.draft_content.empty()) {
    const std::string id = Html(MentionId(c, 0));
    out += " · <a href=\"#" + id + "\" data-goto=\"" + id + "\">" + Html(l.show_in_draft) + "</a>";
  }
  out += "</p>\n";
  if (c.mentions.size() < 2) return;
  out += "<p class=\"where\">" + Html(Fill(l.stated_in_draft, std::to_string(c.mentions.size()))) +
         std::string(Colon(l));
  for (size_t k = 0; k < c.mentions.size(); ++k) {
    const std::string where = std::string(l.line) + " " + std::to_string(c.mentions[k].range.line);
    if (k > 0) out += ", ";
    if (ctx.report.draft_content.empty()) {
      AppendHtml(out, where);
      continue;
    }
    const std::string id = Html(MentionId(c, k));
    out += "<a href=\"#" + id + "\" data-goto=\"" + id + "\">" + Html(where) + "</a>";
  }
  out += "</p>\n";
}

void AppendWhy(std::string& out, const HtmlContext& ctx, const verify::Verdict& v) {
  const Labels& l = ctx.labels;
  out += "<h4>" + Html(l.why) + "</h4>\n";
  AppendEnglish(out, l, v.reason, "p", "reason");
  if (v.derivation == "complement") out += "<p class=\"reason\">" + Html(l.complement) + "</p>";
  out += "<p class=\"muted\">" + Html(l.support) + std::string(Colon(l)) +
         Html(Decimal2(l, v.support)) + "</p>\n";
}

void AppendEvidence(std::string& out, const HtmlContext& ctx, const ClaimReport& c) {
  const Labels& l = ctx.labels;
  const verify::Verdict& v = c.verdict;
  if (v.evidence.empty()) {
    out += "<h4>" + Html(l.evidence) + "</h4>\n<p>" + Html(l.no_passage) + "</p>\n";
  } else {
    out += "<h4>" + Html(PassageHeading(l, v.kind)) + "</h4>\n";
    AppendPassage(out, v.evidence.front());
  }
  // The source that decided, else every source the claim cites (their fetch errors
  // explain an unverifiable verdict).
  std::vector<int> shown;
  if (!v.evidence.empty()) shown.push_back(EvidenceSource(ctx.report, v, v.evidence.front()));
  if (shown.empty() || shown.front() < 0) shown = c.claim.sources;
  shown.erase(std::remove_if(shown.begin(), shown.end(),
                             [&](int i) {
                               return i < 0 || static_cast<size_t>(i) >= ctx.report.sources.size();
                             }),
              shown.end());
  out += "<h4>" + Html(shown.size() > 1 ? l.sources : l.col_source) + "</h4>\n";
  if (shown.empty()) out += "<p>" + Html(l.unattributed) + "</p>\n";
  for (int i : shown) AppendSourceFacts(out, ctx, i);
  if (v.evidence.size() < 2) return;
  out += "<details><summary>" + Html(l.other_passages) + " (" +
         std::to_string(v.evidence.size() - 1) + ")</summary>\n";
  for (size_t k = 1; k < v.evidence.size(); ++k) {
    out += "<p class=\"url\">";
    AppendUrl(out, v.evidence[k].url);
    out += "</p>\n";
    AppendPassage(out, v.evidence[k]);
  }
  out += "</details>\n";
}

void AppendDetail(std::string& out, const HtmlContext& ctx, const ClaimReport& c) {
  const Labels& l = ctx.labels;
  const std::string id = Html(c.claim.id);
  const std::string figure = MentionText(ctx.report, c.claim, 0);
  out += "<section class=\"detail " + std::string(VerdictClass(c.verdict.kind)) +
         "\" id=\"detail-" + id + "\" data-detail=\"" + id +
         "\" tabindex=\"-1\" aria-labelledby=\"detail-" + id + "-h\" data-announce=\"" +
         Html(c.claim.id + " · " + figure + " · " + std::string(VerdictWord(l, c.verdict.kind))) +
         "\">\n<h3 id=\"detail-" + id + "-h\"><span>" + id + " · " + Html(figure) + "</span> ";
  AppendBadge(out, l, c.verdict.kind);
  out += "</h3>\n<p class=\"claim-text\">« ";
  const draft::Mention& m = c.claim.mentions.front();
  AppendSentence(out, m.sentence, figure,
                 m.range.begin - std::min(m.range.begin, m.sentence_range.begin), "mark",
                 kSentenceWidth);
  out += " »</p>\n";
  AppendMentions(out, ctx, c.claim);
  AppendWhy(out, ctx, c.verdict);
  AppendEvidence(out, ctx, c);
  out += "</section>\n";
}

void AppendLegend(std::string& out, const Labels& l) {
  out += "<h3 class=\"sr-only\">" + Html(l.legend) + "</h3>\n<ul class=\"legend\">\n";
  for (VerdictKind k : {VerdictKind::kSupported, VerdictKind::kContradicted, VerdictKind::kNotFound,
                        VerdictKind::kUnverifiable}) {
    out += "<li>";
    AppendBadge(out, l, k);
    out += " " + Html(l.verdict_help[static_cast<size_t>(k)]) + "</li>\n";
  }
  out += "</ul>\n";
}

}  // namespace

void AppendPanel(std::string& out, const HtmlContext& ctx) {
  const Labels& l = ctx.labels;
  out +=
      "<aside id=\"panel\" class=\"panel card\" aria-labelledby=\"h-panel\">\n<h2 id=\"h-panel\">" +
      Html(l.evidence) + "</h2>\n<div id=\"panel-empty\" class=\"panel-empty\" hidden><p>" +
      Html(l.evidence_empty) + "</p>\n";
  AppendLegend(out, l);
  out += "</div>\n";
  for (const ClaimReport& c : ctx.report.claims) {
    if (!c.claim.mentions.empty()) AppendDetail(out, ctx, c);
  }
  out += "</aside>\n";
}

}  // namespace citecheck::report::internal
