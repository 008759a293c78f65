// The terminal report: summary first, then findings, sources, and the claims grouped
// by the source they cite, each with its evidence quoted. Verdicts are spelled out in
// words and marked with a sign, so colour is never the only cue.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "report/report.h"

namespace citecheck::report {
namespace {

constexpr size_t kQuoteWidth = 220;  // longest quoted excerpt, in bytes

struct Style {
  bool color;
  std::string Paint(std::string_view s, const char* code) const {
    if (!color) return std::string(s);
    return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
  }
  std::string Bold(std::string_view s) const { return Paint(s, "1"); }
  std::string Dim(std::string_view s) const { return Paint(s, "2"); }
};

const char* VerdictColor(verify::VerdictKind k) {
  switch (k) {
    case verify::VerdictKind::kSupported: return "32";
    case verify::VerdictKind::kContradicted: return "31;1";
    case verify::VerdictKind::kNotFound: return "33";
    case verify::VerdictKind::kUnverifiable: return "35";
  }
  return "0";
}

std::string VerdictLabel(verify::VerdictKind k) {
  switch (k) {
    case verify::VerdictKind::kSupported: return "[ok] SUPPORTED";
    case verify::VerdictKind::kContradicted: return "[!!] CONTRADICTED";
    case verify::VerdictKind::kNotFound: return "[??] NOT FOUND";
    case verify::VerdictKind::kUnverifiable: return "[--] UNVERIFIABLE";
  }
  return "";
}

std::string Percent(double v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.0f %%", v * 100);
  return buf;
}

std::string Rating(double v) {
  char buf[16];
  if (std::abs(v - std::round(v)) < 0.05) std::snprintf(buf, sizeof(buf), "%.0f/10", v);
  else std::snprintf(buf, sizeof(buf), "%.1f/10", v);
  return buf;
}

// Backs off to a UTF-8 character boundary.
size_t Boundary(std::string_view s, size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return std::min(pos, s.size());
}

// An excerpt of at most kQuoteWidth bytes around [focus_begin, focus_end), with the
// focus marked.
std::string Excerpt(std::string_view s, size_t focus_begin, size_t focus_end, const Style& st) {
  focus_end = std::min(focus_end, s.size());
  focus_begin = std::min(focus_begin, focus_end);
  size_t begin = 0, end = s.size();
  if (s.size() > kQuoteWidth) {
    const size_t half = kQuoteWidth / 2;
    begin = Boundary(s, focus_begin > half ? focus_begin - half : 0);
    end = Boundary(s, std::min(s.size(), begin + kQuoteWidth));
    if (end < focus_end) end = focus_end;
  }
  std::string out = begin > 0 ? "…" : "";
  out += s.substr(begin, focus_begin - begin);
  if (focus_end > focus_begin) {
    out += st.Bold("[" + std::string(s.substr(focus_begin, focus_end - focus_begin)) + "]");
  }
  out += s.substr(focus_end, end - focus_end);
  if (end < s.size()) out += "…";
  for (char& c : out) if (c == '\n') c = ' ';
  return out;
}

void Summary(const CheckReport& r, const Style& st, std::ostringstream& out) {
  const verify::Tally& t = r.integrity.overall;
  out << st.Bold("citecheck") << "  " << (r.title.empty() ? r.draft_path : r.title) << "\n";
  out << st.Dim(r.draft_path + " · checked " + r.checked_at) << "\n\n";
  out << st.Bold("Integrity " + Percent(t.score())) << "  " << t.supported << " of " << t.total()
      << " claims supported by their sources";
  if (r.min_integrity > 0) {
    out << "  (minimum " << Percent(r.min_integrity) << ": "
        << (r.passed() ? st.Paint("PASS", "32") : st.Paint("FAIL", "31;1")) << ")";
  }
  out << "\n  " << st.Paint("supported " + std::to_string(t.supported), "32") << " · "
      << st.Paint("contradicted " + std::to_string(t.contradicted), "31") << " · "
      << st.Paint("not found " + std::to_string(t.not_found), "33") << " · "
      << st.Paint("unverifiable " + std::to_string(t.unverifiable), "35") << "\n";
}

void Findings(const std::string& path, const std::vector<draft::Finding>& findings,
              const Style& st, std::ostringstream& out) {
  if (findings.empty()) return;
  out << "\n" << st.Bold("Findings") << "\n";
  for (const draft::Finding& f : findings) {
    out << "  " << path << ":" << f.range.line << ":" << f.range.column << "  "
        << st.Paint(f.code, "33") << "  " << f.message << "\n";
  }
}

void Sources(const CheckReport& r, const Style& st, std::ostringstream& out) {
  out << "\n" << st.Bold("Sources") << "\n";
  if (r.sources.empty()) out << "  (none listed)\n";
  for (const SourceReport& s : r.sources) {
    out << "  [" << s.entry.number << "] " << st.Bold(s.entry.name);
    if (s.entry.from_inline_link) out << st.Dim(" (inline link)");
    out << "\n      " << (s.entry.url.empty() ? "(no URL)" : s.entry.url) << "\n      ";
    if (s.fetch.outcome == "ok") {
      out << "fetched: HTTP " << s.fetch.status;
      if (!s.fetch.content_type.empty()) out << " " << s.fetch.content_type;
      if (s.fetch.from_archive) out << " (from archive)";
    } else {
      out << st.Paint("not read: " + s.fetch.error, "35");
    }
    for (const std::string& hop : s.fetch.redirects) out << "\n      redirect " << hop;
    out << "\n      reliability " << st.Bold(Rating(s.reliability.score));
    if (s.entry.declared_reliability) {
      out << " (declared " << Rating(*s.entry.declared_reliability) << ")";
    }
    if (s.overrated) out << "  " << st.Paint("declared rating is higher than it earns", "31");
    out << "\n";
    for (const std::string& why : s.reliability.reasons) out << st.Dim("        " + why) << "\n";
  }
}

void Claim(const CheckReport& r, const ClaimReport& c, const Style& st, std::ostringstream& out) {
  const verify::Verdict& v = c.verdict;
  const draft::Mention& first = c.claim.mentions.front();
  out << "    " << st.Paint(VerdictLabel(v.kind), VerdictColor(v.kind)) << "  " << c.claim.id
      << "  " << r.draft_path << ":" << first.range.line << ":" << first.range.column << "  "
      << st.Bold(c.claim.quantity.text);
  char support[32];
  std::snprintf(support, sizeof(support), "  support %.2f", v.support);
  out << st.Dim(support) << "\n";
  const size_t figure = first.range.begin - first.sentence_range.begin;
  out << "      « " << Excerpt(first.sentence, figure, figure + c.claim.quantity.text.size(), st)
      << " »\n";
  if (c.claim.mentions.size() > 1) {
    out << st.Dim("      stated " + std::to_string(c.claim.mentions.size()) + " times: ");
    for (size_t i = 0; i < c.claim.mentions.size(); ++i) {
      const draft::Range& m = c.claim.mentions[i].range;
      out << st.Dim((i ? ", " : "") + std::to_string(m.line) + ":" + std::to_string(m.column));
    }
    out << "\n";
  }
  out << "      " << v.reason << "\n";
  if (!v.evidence.empty()) {
    const verify::Evidence& e = v.evidence.front();
    const size_t fb = e.figure_end > e.figure_start ? e.figure_start - e.start : 0;
    const size_t fe = e.figure_end > e.figure_start ? e.figure_end - e.start : 0;
    out << "      evidence: « " << Excerpt(e.text, fb, fe, st) << " »\n";
    out << st.Dim("        " + e.url + " (text bytes " + std::to_string(e.start) + "-" +
                  std::to_string(e.end) + ")")
        << "\n";
  }
}

void Claims(const CheckReport& r, const Style& st, std::ostringstream& out) {
  out << "\n" << st.Bold("Claims") << "\n";
  if (r.claims.empty()) out << "  (no check-worthy claims found)\n";
  // Each claim is shown once, under the first source it is attributed to.
  for (size_t s = 0; s <= r.sources.size(); ++s) {
    bool header = false;
    for (const ClaimReport& c : r.claims) {
      const int first = c.claim.sources.empty() ? -1 : c.claim.sources.front();
      const bool here = s < r.sources.size() ? first == static_cast<int>(s) : first < 0;
      if (!here) continue;
      if (!header) {
        out << "  " << (s < r.sources.size()
                            ? "[" + std::to_string(s + 1) + "] " + r.sources[s].entry.name
                            : std::string("Not attributed to a listed source"))
            << "\n";
        header = true;
      }
      Claim(r, c, st, out);
    }
  }
}

std::string Position(const draft::Range& r) {
  return std::to_string(r.line) + ":" + std::to_string(r.column);
}

void DraftClaim(const draft::Draft& d, const draft::Claim& c, const Style& st,
                std::ostringstream& out) {
  const text::Quantity& q = c.quantity;
  out << st.Bold(c.id) << "  " << text::QuantityKindName(q.kind) << " " << q.text;
  if (q.qualifier != text::Qualifier::kNone) out << " (" << text::QualifierName(q.qualifier) << ")";
  out << "  " << c.mentions.size() << (c.mentions.size() == 1 ? " mention" : " mentions") << "\n";
  for (const draft::Mention& m : c.mentions) {
    const size_t figure = m.range.begin - m.sentence_range.begin;
    out << "    " << d.path << ":" << Position(m.range) << "  « "
        << Excerpt(m.sentence, figure, figure + (m.range.end - m.range.begin), st) << " »\n";
  }
  if (!c.qualifiers.empty()) {
    out << "    dated:";
    for (const text::Quantity& y : c.qualifiers) out << " " << y.text;
    out << "\n";
  }
  out << "    polarity: " << (c.negated ? "negative" : "positive") << "\n";
  out << "    attributed to: ";
  if (c.sources.empty()) out << "(no source named; checked against all sources)";
  for (size_t i = 0; i < c.sources.size(); ++i) {
    const draft::SourceEntry& e = d.sources[c.sources[i]];
    out << (i ? ", " : "") << "[" << e.number << "] " << e.name;
  }
  out << "\n" << st.Dim("    context: ");
  for (size_t i = 0; i < c.context.size(); ++i) out << st.Dim((i ? " " : "") + c.context[i]);
  out << "\n";
}

}  // namespace

std::string RenderClaimsText(const draft::Draft& d, const std::vector<draft::Claim>& claims,
                             const TextOptions& options) {
  Style st{options.color};
  std::ostringstream out;
  out << st.Bold(std::to_string(claims.size()) + " claims") << " in " << d.path << "\n\n";
  for (const draft::Claim& c : claims) DraftClaim(d, c, st, out);
  Findings(d.path, d.findings, st, out);
  out << "\n" << st.Bold("Sources") << "\n";
  for (const draft::SourceEntry& e : d.sources) {
    out << "  [" << e.number << "] " << e.name << "  " << (e.url.empty() ? "(no URL)" : e.url);
    if (e.declared_reliability) out << "  declared " << Rating(*e.declared_reliability);
    out << "\n";
  }
  return out.str();
}

std::string RenderText(const CheckReport& report, const TextOptions& options) {
  Style st{options.color};
  std::ostringstream out;
  Summary(report, st, out);
  Findings(report.draft_path, report.findings, st, out);
  Sources(report, st, out);
  Claims(report, st, out);
  return out.str();
}

}  // namespace citecheck::report
