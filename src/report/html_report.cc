// The HTML report: one self-contained page. Its data is all in the markup, escaped
// once, here; the inline script (internal/html_assets.cc) only shows and hides it, so
// nothing the draft or a source wrote is ever evaluated as script. A
// Content-Security-Policy allows that one script and style sheet by hash and nothing
// else -- no network, no other script, no external image -- as a second line of
// defence and to keep the page offline.
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>

#include "report/internal/draft_html.h"
#include "report/internal/escape.h"
#include "report/internal/html_assets.h"
#include "report/internal/html_parts.h"
#include "report/report.h"

namespace citecheck::report {
namespace {

using internal::AppendHtml;
using internal::Html;
using internal::HtmlContext;
using internal::Labels;
using verify::VerdictKind;

constexpr size_t kTableSentenceWidth = 160;  // bytes of a sentence in the claims table
constexpr int kDraftHeadingShift = 2;        // the draft's "#" is an <h3> on the page

constexpr VerdictKind kKinds[] = {VerdictKind::kSupported, VerdictKind::kContradicted,
                                  VerdictKind::kNotFound, VerdictKind::kUnverifiable};

// "'sha256-<base64>'", the CSP source expression that allows exactly `text`.
std::string CspHash(std::string_view text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  unsigned char b64[4 * ((SHA256_DIGEST_LENGTH + 2) / 3) + 1];
  const int n = EVP_EncodeBlock(b64, digest, SHA256_DIGEST_LENGTH);
  return "'sha256-" + std::string(reinterpret_cast<const char*>(b64), static_cast<size_t>(n)) + "'";
}

void AppendHead(std::string& out, const CheckReport& r, const Labels& l) {
  out += "<!DOCTYPE html>\n<html lang=\"" + std::string(l.lang) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
         CspHash(internal::kReportStyle) + "; script-src " + CspHash(internal::kReportScript) +
         "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" "
         "content=\"citecheck " CITECHECK_VERSION "\">\n<title>";
  AppendHtml(out, (r.title.empty() ? r.draft_path : r.title) + " · citecheck");
  out += "</title>\n<style>";
  out += internal::kReportStyle;
  out += "</style>\n</head>\n";
}

void AppendTop(std::string& out, const CheckReport& r, const Labels& l) {
  out += "<a class=\"skip\" href=\"#claims\">" + Html(l.skip_to_claims) +
         "</a>\n<header class=\"top\"><div class=\"wrap\">\n<p class=\"kicker\">citecheck · " +
         Html(l.report_kind) + "</p>\n<h1>" + Html(r.title.empty() ? r.draft_path : r.title) +
         "</h1>\n<p class=\"meta\"><code>" + Html(r.draft_path) + "</code> · " + Html(l.checked) +
         " " + Html(internal::When(r.checked_at)) + "</p>\n</div></header>\n";
}

// The proportions of each verdict as one bar; the counts beside it say the same in
// words, so it is hidden from assistive technology.
void AppendBar(std::string& out, const verify::Tally& t) {
  if (t.total() == 0) return;
  out +=
      "<svg class=\"bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" "
      "aria-hidden=\"true\">";
  int x = 0;
  for (VerdictKind k : kKinds) {
    const int w = t.count(k) * 1000 / t.total();
    if (w == 0) continue;
    out += "<rect class=\"" + std::string(internal::VerdictClass(k)) + "\" x=\"" +
           std::to_string(x) + "\" y=\"0\" width=\"" +
           std::to_string(k == VerdictKind::kUnverifiable ? 1000 - x : w) + "\" height=\"10\"/>";
    x += w;
  }
  out += "</svg>";
}

void AppendSummary(std::string& out, const CheckReport& r, const Labels& l) {
  const verify::Tally& t = r.integrity.overall;
  out +=
      "<section class=\"card summary\" aria-labelledby=\"h-summary\">\n<h2 id=\"h-summary\" "
      "class=\"sr-only\">" +
      Html(l.summary) + "</h2>\n<div>\n<p class=\"score-value\">" +
      Html(internal::Percent(l, t.score())) + "</p>\n<p class=\"score-label\">" +
      Html(l.integrity) + "</p>\n<p class=\"score-line\">" +
      Html(internal::Fill(l.integrity_of, std::to_string(t.supported), std::to_string(t.total()))) +
      "</p>\n";
  if (r.min_integrity > 0) {
    const bool pass = r.passed();
    out += "<p class=\"gate " + std::string(pass ? "pass" : "fail") +
           "\"><span aria-hidden=\"true\">" + (pass ? "✓ " : "✗ ") + "</span>" + Html(l.minimum) +
           " " + Html(internal::Percent(l, r.min_integrity)) + std::string(internal::Colon(l)) +
           Html(pass ? l.passed : l.failed) + "</p>\n";
  }
  out += "</div>\n<div>\n<ul class=\"counts\">\n";
  for (VerdictKind k : kKinds) {
    out += "<li class=\"count " + std::string(internal::VerdictClass(k)) +
           "\"><span class=\"sign\" aria-hidden=\"true\">" + std::string(internal::VerdictSign(k)) +
           "</span><span class=\"n\">" + std::to_string(t.count(k)) + "</span> " +
           Html(internal::VerdictCountWord(l, k, t.count(k))) + "</li>\n";
  }
  out += "</ul>\n";
  AppendBar(out, t);
  out += "</div>\n</section>\n";
}

void AppendFindings(std::string& out, const CheckReport& r, const Labels& l) {
  if (r.findings.empty()) return;
  out += "<section class=\"card\" aria-labelledby=\"h-findings\">\n<h2 id=\"h-findings\">" +
         Html(l.findings) + " (" + std::to_string(r.findings.size()) +
         ")</h2>\n<ul class=\"findings\">\n";
  for (const draft::Finding& f : r.findings) {
    out += "<li><span class=\"num\">" + Html(l.line) + " " + std::to_string(f.range.line) +
           "</span> · <code>" + Html(f.code) + "</code> · ";
    internal::AppendEnglish(out, l, f.message);
    out += "</li>\n";
  }
  out += "</ul>\n</section>\n";
}

std::string CitedSources(const CheckReport& r, const draft::Claim& c, const Labels& l) {
  if (c.sources.empty()) return Html(l.unattributed);
  std::string out;
  for (int i : c.sources) {
    if (!out.empty()) out += "<br>";
    out += Html(internal::SourceLabel(r, i));
  }
  return out;
}

void AppendClaimRow(std::string& out, const CheckReport& r, const ClaimReport& c, const Labels& l) {
  const draft::Mention& m = c.claim.mentions.front();
  const std::string figure = internal::MentionText(r, c.claim, 0);
  out += "<tr class=\"" + std::string(internal::VerdictClass(c.verdict.kind)) + "\"><td>";
  internal::AppendBadge(out, l, c.verdict.kind);
  out += "</td><td><button type=\"button\" class=\"pick\" data-claim=\"" + Html(c.claim.id) +
         "\" aria-controls=\"panel\">" + Html(c.claim.id + " · " + figure) +
         "</button></td><td class=\"quote\">";
  internal::AppendSentence(out, m.sentence, figure,
                           m.range.begin - std::min(m.range.begin, m.sentence_range.begin),
                           "strong", kTableSentenceWidth);
  out += "</td><td class=\"cited\">" + CitedSources(r, c.claim, l) + "</td><td class=\"num\">" +
         std::to_string(m.range.line) + "</td></tr>\n";
}

void AppendClaims(std::string& out, const CheckReport& r, const Labels& l) {
  out +=
      "<section id=\"claims\" class=\"card\" aria-labelledby=\"h-claims\">\n<h2 id=\"h-claims\">" +
      Html(l.claims) + " (" + std::to_string(r.claims.size()) + ")</h2>\n";
  if (r.claims.empty()) {
    out += "<p>" + Html(l.no_claims) + "</p>\n</section>\n";
    return;
  }
  out += "<table class=\"claims\">\n<thead><tr><th scope=\"col\">" + Html(l.col_verdict) +
         "</th><th scope=\"col\">" + Html(l.col_claim) + "</th><th scope=\"col\">" +
         Html(l.col_sentence) + "</th><th scope=\"col\">" + Html(l.col_source) +
         "</th><th scope=\"col\">" + Html(l.col_line) + "</th></tr></thead>\n<tbody>\n";
  for (const ClaimReport& c : r.claims) {
    if (!c.claim.mentions.empty()) AppendClaimRow(out, r, c, l);
  }
  out += "</tbody>\n</table>\n</section>\n";
}

// Each mention of each claim, as a button carrying its verdict's sign and word.
std::vector<internal::Highlight> Highlights(const CheckReport& r, const Labels& l) {
  std::vector<internal::Highlight> out;
  for (const ClaimReport& c : r.claims) {
    const std::string cls = "hl " + std::string(internal::VerdictClass(c.verdict.kind));
    const std::string sign = "<span class=\"sign\" aria-hidden=\"true\">" +
                             std::string(internal::VerdictSign(c.verdict.kind)) + "</span>";
    for (size_t k = 0; k < c.claim.mentions.size(); ++k) {
      const draft::Range& range = c.claim.mentions[k].range;
      const std::string id = Html(internal::MentionId(c.claim, k));
      const std::string label =
          Html(internal::MentionText(r, c.claim, k) + std::string(internal::Colon(l)) +
               std::string(internal::VerdictWord(l, c.verdict.kind)) + " (" + c.claim.id + ")");
      internal::Highlight h;
      h.begin = range.begin;
      h.end = range.end;
      h.open = "<button type=\"button\" class=\"" + cls + "\" id=\"" + id + "\" data-claim=\"" +
               Html(c.claim.id) + "\" aria-controls=\"panel\" aria-label=\"" + label + "\">";
      h.close = sign + "</button>";
      h.open_in_link =
          "<mark class=\"" + cls + "\" id=\"" + id + "\" tabindex=\"-1\" title=\"" + label + "\">";
      h.close_in_link = sign + "</mark>";
      out.push_back(std::move(h));
    }
  }
  return out;
}

// The draft's own headings sit under the page's "The draft" heading.
std::string ShiftHeadings(std::string html) {
  for (int level = 6; level >= 1; --level) {
    const std::string to = std::to_string(std::min(6, level + kDraftHeadingShift));
    for (const std::string& from :
         {"<h" + std::to_string(level) + ">", "</h" + std::to_string(level) + ">"}) {
      const std::string repl = from.substr(0, from.size() - 2) + to + ">";
      for (size_t pos = html.find(from); pos != std::string::npos;
           pos = html.find(from, pos + repl.size())) {
        html.replace(pos, from.size(), repl);
      }
    }
  }
  return html;
}

void AppendDraft(std::string& out, const CheckReport& r, const Labels& l) {
  out += "<section id=\"draft\" class=\"card\" aria-labelledby=\"h-draft\">\n<h2 id=\"h-draft\">" +
         Html(l.draft) + "</h2>\n";
  if (r.draft_content.empty()) {
    out += "<p class=\"hint\">" + Html(l.draft_missing) + "</p>\n</section>\n";
    return;
  }
  out += "<p class=\"hint\">" + Html(l.draft_hint) + "</p>\n<article class=\"draft\"" +
         (r.lang.empty() ? std::string() : " lang=\"" + Html(r.lang) + "\"") + ">\n";
  out += ShiftHeadings(internal::DraftHtml(r.draft_content, Highlights(r, l)));
  out += "</article>\n</section>\n";
}

void AppendSourceRow(std::string& out, const CheckReport& r, size_t i, const Labels& l);

void AppendSources(std::string& out, const CheckReport& r, const Labels& l) {
  out +=
      "<section id=\"sources\" class=\"card\" aria-labelledby=\"h-sources\">\n<h2 "
      "id=\"h-sources\">" +
      Html(l.sources) + " (" + std::to_string(r.sources.size()) + ")</h2>\n";
  if (r.sources.empty()) {
    out += "<p>" + Html(l.no_sources) + "</p>\n</section>\n";
    return;
  }
  out += "<table class=\"sources\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">" +
         Html(l.col_source) + "</th><th scope=\"col\">" + Html(l.col_fetch) +
         "</th><th scope=\"col\">" + Html(l.col_declared) + "</th><th scope=\"col\">" +
         Html(l.col_computed) + "</th><th scope=\"col\">" + Html(l.col_reasons) +
         "</th><th scope=\"col\">" + Html(l.col_claims) + "</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < r.sources.size(); ++i) AppendSourceRow(out, r, i, l);
  out += "</tbody>\n</table>\n</section>\n";
}

void AppendSourceFetch(std::string& out, const SourceReport& s, const Labels& l) {
  if (s.fetch.outcome == "ok") {
    out += "<span class=\"badge v-supported\"><span class=\"sign\" aria-hidden=\"true\">✓</span>" +
           Html(l.fetch_ok) + "</span> HTTP " + std::to_string(s.fetch.status);
  } else {
    out +=
        "<span class=\"badge v-contradicted\"><span class=\"sign\" aria-hidden=\"true\">✗</span>" +
        Html(s.fetch.outcome == "no_url" ? l.no_url : l.fetch_failed) + "</span> ";
    internal::AppendEnglish(out, l, s.fetch.error);
  }
  for (const std::string& hop : s.fetch.redirects) {
    // "301 FROM -> TO": the row already shows FROM.
    const size_t space = hop.find(' '), arrow = hop.find(" -> ");
    out += "<br><span class=\"muted url\">" + Html(l.redirect) + " ";
    if (space != std::string::npos && arrow != std::string::npos && arrow > space) {
      out += Html(hop.substr(0, space)) + " → ";
      internal::AppendUrl(out, hop.substr(arrow + 4));
    } else {
      AppendHtml(out, hop);
    }
    out += "</span>";
  }
}

void AppendSourceRow(std::string& out, const CheckReport& r, size_t i, const Labels& l) {
  const SourceReport& s = r.sources[i];
  out += "<tr><td class=\"num\">" + std::to_string(s.entry.number) +
         "</td><td><span class=\"src-name\">" + Html(s.entry.name) + "</span>";
  if (s.entry.from_inline_link)
    out += " <span class=\"muted\">(" + Html(l.inline_link) + ")</span>";
  out += "<br><span class=\"url\">";
  if (s.entry.url.empty())
    AppendHtml(out, l.no_url);
  else
    internal::AppendUrl(out, s.entry.url);
  out += "</span></td><td>";
  AppendSourceFetch(out, s, l);
  out += "</td><td class=\"num\">" +
         Html(s.entry.declared_reliability ? internal::Rating(l, *s.entry.declared_reliability)
                                           : std::string(l.not_declared)) +
         "</td><td><span class=\"num\">" + Html(internal::Rating(l, s.reliability.score)) +
         "</span>";
  if (!s.reliability.publisher_type.empty() && s.reliability.publisher_type != "unknown") {
    out += " <span class=\"muted\">(" + Html(s.reliability.publisher_type) + ")</span>";
  }
  if (s.overrated) out += "<br><span class=\"flag\">⚠ " + Html(l.overrated_short) + "</span>";
  out += "</td><td><ul class=\"reasons\">";
  for (const std::string& why : s.reliability.reasons) {
    out += "<li>";
    internal::AppendEnglish(out, l, why);
    out += "</li>";
  }
  out += "</ul></td><td>";
  if (i < r.integrity.per_source.size() && r.integrity.per_source[i].total() > 0) {
    const verify::Tally& t = r.integrity.per_source[i];
    AppendHtml(out, internal::Fill(l.claims_supported, std::to_string(t.supported),
                                   std::to_string(t.total())));
  } else {
    out += "—";
  }
  out += "</td></tr>\n";
}

}  // namespace

std::string RenderHtml(const CheckReport& r) {
  const Labels& l = internal::LabelsFor(r.lang);
  std::string out;
  out.reserve(64 * 1024 + r.draft_content.size() * 2 + r.claims.size() * 4096);
  AppendHead(out, r, l);
  out += "<body>\n";
  AppendTop(out, r, l);
  out += "<main class=\"wrap\">\n";
  AppendSummary(out, r, l);
  AppendFindings(out, r, l);
  out += "<div class=\"layout\">\n<div class=\"content\">\n";
  AppendClaims(out, r, l);
  AppendDraft(out, r, l);
  out += "</div>\n";
  internal::AppendPanel(out, HtmlContext{r, l});
  out += "</div>\n";
  AppendSources(out, r, l);
  out += "</main>\n<footer class=\"wrap\">citecheck " CITECHECK_VERSION
         "</footer>\n"
         "<div id=\"announce\" class=\"sr-only\" aria-live=\"polite\"></div>\n<script>";
  out += internal::kReportScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

namespace internal {

std::string_view VerdictClass(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::kSupported:
      return "v-supported";
    case VerdictKind::kContradicted:
      return "v-contradicted";
    case VerdictKind::kNotFound:
      return "v-not-found";
    case VerdictKind::kUnverifiable:
      return "v-unverifiable";
  }
  return "";
}

void AppendBadge(std::string& out, const Labels& l, VerdictKind kind) {
  out += "<span class=\"badge " + std::string(VerdictClass(kind)) +
         "\"><span class=\"sign\" aria-hidden=\"true\">" + std::string(VerdictSign(kind)) +
         "</span>" + Html(VerdictWord(l, kind)) + "</span>";
}

void AppendEnglish(std::string& out, const Labels& l, std::string_view text,
                   std::string_view element, std::string_view css_class) {
  out += "<" + std::string(element);
  if (!css_class.empty()) out += " class=\"" + std::string(css_class) + "\"";
  if (l.lang != "en") out += " lang=\"en\"";
  out += ">";
  AppendHtml(out, text);
  out += "</" + std::string(element) + ">";
}

void AppendUrl(std::string& out, std::string_view url) {
  if (!IsWebUrl(url)) return AppendHtml(out, url);
  out += "<a href=\"" + Html(url) + "\" rel=\"noopener noreferrer\">" + Html(url) + "</a>";
}

std::string MentionText(const CheckReport& r, const draft::Claim& claim, size_t mention) {
  const draft::Range& range = claim.mentions[mention].range;
  const std::string_view content = r.draft_content;
  if (range.end > range.begin && range.end <= content.size() && range.end - range.begin <= 256) {
    return CollapseSpace(content.substr(range.begin, range.end - range.begin));
  }
  return claim.quantity.text;
}

void AppendSentence(std::string& out, std::string_view sentence, std::string_view figure,
                    size_t hint, std::string_view tag, size_t width) {
  size_t at = std::string_view::npos;
  if (!figure.empty() && sentence.substr(std::min(hint, sentence.size())).starts_with(figure)) {
    at = hint;
  } else if (!figure.empty()) {
    at = sentence.find(figure);
  }
  size_t fb = at == std::string_view::npos ? 0 : at;
  size_t fe = at == std::string_view::npos ? 0 : at + figure.size();
  const std::string text = Excerpt(sentence, width, &fb, &fe);
  AppendHtml(out, std::string_view(text).substr(0, fb));
  if (fe > fb) {
    out += "<" + std::string(tag) + ">";
    AppendHtml(out, std::string_view(text).substr(fb, fe - fb));
    out += "</" + std::string(tag) + ">";
  }
  AppendHtml(out, std::string_view(text).substr(fe));
}

std::string SourceLabel(const CheckReport& r, int i) {
  if (i < 0 || static_cast<size_t>(i) >= r.sources.size()) return "";
  const draft::SourceEntry& e = r.sources[static_cast<size_t>(i)].entry;
  return "[" + std::to_string(e.number) + "] " + e.name;
}

std::string MentionId(const draft::Claim& claim, size_t k) {
  return "m-" + claim.id + "-" + std::to_string(k);
}

}  // namespace internal
}  // namespace citecheck::report
