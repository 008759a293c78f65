// The Markdown summary, meant for a pull-request comment: short, the problems first,
// the rest folded. GitHub-flavoured: tables and <details>. Everything copied from the
// draft or its sources is escaped as literal text (internal::MarkdownText).
#include <sstream>

#include "report/internal/escape.h"
#include "report/internal/labels.h"
#include "report/report.h"

namespace citecheck::report {
namespace {

using internal::Labels;
using internal::MarkdownText;
using verify::VerdictKind;

constexpr size_t kCellWidth = 200;  // bytes of a sentence or reason in a table cell

constexpr VerdictKind kKinds[] = {VerdictKind::kSupported, VerdictKind::kContradicted,
                                  VerdictKind::kNotFound, VerdictKind::kUnverifiable};

// GitHub renders these as colour emoji; the verdict's word always follows.
std::string_view Emoji(VerdictKind k) {
  switch (k) {
    case VerdictKind::kSupported:
      return "✅";
    case VerdictKind::kContradicted:
      return "❌";
    case VerdictKind::kNotFound:
      return "❔";
    case VerdictKind::kUnverifiable:
      return "⛔";
  }
  return "";
}

std::string Cell(std::string_view s) {
  std::string_view cut = internal::Utf8Prefix(s, kCellWidth);
  return MarkdownText(cut) + (cut.size() < s.size() ? "…" : "");
}

// An autolink for a web URL; anything else as literal text.
std::string Url(std::string_view url) {
  if (internal::IsWebUrl(url) && url.find_first_of("<> \t\n") == std::string_view::npos) {
    return "<" + std::string(url) + ">";
  }
  return MarkdownText(url);
}

void Summary(const CheckReport& r, const Labels& l, std::ostringstream& out) {
  const verify::Tally& t = r.integrity.overall;
  out << "### citecheck · " << MarkdownText(r.title.empty() ? r.draft_path : r.title) << "\n\n";
  out << MarkdownText(r.draft_path) << " · " << l.checked << " "
      << MarkdownText(internal::When(r.checked_at)) << "\n\n";
  out << "**" << l.integrity << internal::Colon(l) << internal::Percent(l, t.score()) << "** · "
      << internal::Fill(l.integrity_of, std::to_string(t.supported), std::to_string(t.total()));
  if (r.min_integrity > 0) {
    out << " · " << (r.passed() ? "✅ " : "❌ ") << l.minimum << " "
        << internal::Percent(l, r.min_integrity) << internal::Colon(l)
        << (r.passed() ? l.passed : l.failed);
  }
  out << "\n\n|";
  for (VerdictKind k : kKinds) out << " " << Emoji(k) << " " << internal::VerdictWord(l, k) << " |";
  out << "\n|";
  for (size_t i = 0; i < std::size(kKinds); ++i) out << "---:|";
  out << "\n|";
  for (VerdictKind k : kKinds) out << " " << t.count(k) << " |";
  out << "\n";
}

std::string Sources(const CheckReport& r, const draft::Claim& c) {
  std::string out;
  for (int i : c.sources) {
    if (i < 0 || static_cast<size_t>(i) >= r.sources.size()) continue;
    out += (out.empty() ? "" : ", ") +
           ("\\[" + std::to_string(r.sources[static_cast<size_t>(i)].entry.number) + "\\]");
  }
  return out.empty() ? "—" : out;
}

void ClaimTable(const CheckReport& r, const Labels& l, bool failing, std::ostringstream& out) {
  size_t shown = 0, total = 0;
  out << "| " << l.col_verdict << " | " << l.col_claim << " | " << l.col_line << " | "
      << l.col_sentence << " | " << l.col_source << " | " << l.why << " |\n"
      << "|---|---|---:|---|---|---|\n";
  for (const ClaimReport& c : r.claims) {
    if ((c.verdict.kind != VerdictKind::kSupported) != failing || c.claim.mentions.empty())
      continue;
    if (++total > kMarkdownMaxRows) continue;
    ++shown;
    out << "| " << Emoji(c.verdict.kind) << " " << internal::VerdictWord(l, c.verdict.kind) << " | "
        << MarkdownText(c.claim.id) << " · **" << MarkdownText(c.claim.quantity.text) << "** | "
        << c.claim.mentions.front().range.line << " | " << Cell(c.claim.mentions.front().sentence)
        << " | " << Sources(r, c.claim) << " | " << Cell(c.verdict.reason) << " |\n";
  }
  if (total > shown) {
    out << "\n" << internal::Fill(l.more_rows, std::to_string(total - shown)) << ".\n";
  }
}

void ProblemSources(const CheckReport& r, const Labels& l, std::ostringstream& out) {
  std::ostringstream list;
  for (const SourceReport& s : r.sources) {
    const bool dead = s.fetch.outcome != "ok";
    if (!dead && s.reliability.score >= kWeakReliability && !s.overrated) continue;
    list << "- " << (dead ? "⛔ " : "⚠️ ") << "\\[" << s.entry.number << "\\] "
         << MarkdownText(s.entry.name);
    if (!s.entry.url.empty()) list << " · " << Url(s.entry.url);
    list << " · ";
    if (dead)
      list << l.fetch_failed << internal::Colon(l)
           << Cell(s.fetch.error.empty() ? s.fetch.outcome : s.fetch.error);
    else
      list << l.weak;
    list << " · " << l.col_computed << " " << internal::Rating(l, s.reliability.score);
    if (s.entry.declared_reliability) {
      list << " (" << l.col_declared << " " << internal::Rating(l, *s.entry.declared_reliability)
           << ")";
    }
    list << "\n";
  }
  if (list.str().empty()) return;
  out << "\n#### " << l.problem_sources << "\n\n" << list.str();
}

}  // namespace

std::string RenderMarkdown(const CheckReport& r) {
  const Labels& l = internal::LabelsFor(r.lang);
  std::ostringstream out;
  Summary(r, l, out);
  const verify::Tally& t = r.integrity.overall;
  if (t.total() > t.supported) {
    out << "\n#### " << l.to_review << "\n\n";
    ClaimTable(r, l, true, out);
  }
  ProblemSources(r, l, out);
  if (t.supported > 0) {
    out << "\n<details><summary>" << l.supported_folded << " (" << t.supported << ")</summary>\n\n";
    ClaimTable(r, l, false, out);
    out << "\n</details>\n";
  }
  return out.str();
}

}  // namespace citecheck::report
