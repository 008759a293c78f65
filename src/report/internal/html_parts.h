// Pieces of the HTML report shared by its two source files: html_report.cc (the page,
// summary, claims table, draft and sources) and html_detail.cc (the evidence panel).
//
// Thread-safety: pure functions.
#ifndef CITECHECK_REPORT_INTERNAL_HTML_PARTS_H_
#define CITECHECK_REPORT_INTERNAL_HTML_PARTS_H_

#include <string>
#include <string_view>

#include "report/internal/labels.h"
#include "report/report.h"

namespace citecheck::report::internal {

struct HtmlContext {
  const CheckReport& report;
  const Labels& labels;
};

// "v-supported", "v-contradicted", "v-not-found", "v-unverifiable".
std::string_view VerdictClass(verify::VerdictKind kind);

// A pill with the verdict's sign and word.
void AppendBadge(std::string& out, const Labels& l, verify::VerdictKind kind);

// Text the pipeline wrote in English (reasons, errors), marked lang="en" on a page in
// another language so that screen readers pronounce it right.
void AppendEnglish(std::string& out, const Labels& l, std::string_view text,
                   std::string_view element = "span", std::string_view css_class = "");

// A link for http(s) URLs; anything else is shown as text, never made clickable.
void AppendUrl(std::string& out, std::string_view url);

// The text of a mention as the draft writes it (the claim's figure when the draft is
// not part of the report).
std::string MentionText(const CheckReport& r, const draft::Claim& claim, size_t mention);

// `sentence` with the figure wrapped in <`tag`>. The figure is sought at `hint` (its
// byte offset if the sentence is verbatim), else anywhere in the sentence.
void AppendSentence(std::string& out, std::string_view sentence, std::string_view figure,
                    size_t hint, std::string_view tag, size_t width);

// "[2] Journal de l'économie" for source index `i` (into report.sources).
std::string SourceLabel(const CheckReport& r, int i);

// The DOM id of mention `k` of `claim` in the rendered draft.
std::string MentionId(const draft::Claim& claim, size_t k);

// The evidence panel: the empty state with the legend, then one detail per claim.
void AppendPanel(std::string& out, const HtmlContext& ctx);

}  // namespace citecheck::report::internal

#endif  // CITECHECK_REPORT_INTERNAL_HTML_PARTS_H_
