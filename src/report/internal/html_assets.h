// The style sheet and script inlined in every HTML report. They hold no report data
// (the page carries it all in its markup), so the Content-Security-Policy can allow
// exactly these two by hash.
#ifndef CITECHECK_REPORT_INTERNAL_HTML_ASSETS_H_
#define CITECHECK_REPORT_INTERNAL_HTML_ASSETS_H_

#include <string_view>

namespace citecheck::report::internal {

extern const std::string_view kReportStyle;

// Progressive enhancement: without it every claim's detail is shown in the panel.
// With it one detail shows at a time; buttons carrying data-claim select a claim;
// "j"/"k" select the next/previous one; "#claim=<id>" in the URL selects on load and
// on hash change; keyboard activation moves focus to the detail; links carrying
// data-goto scroll to and focus their target.
extern const std::string_view kReportScript;

}  // namespace citecheck::report::internal

#endif  // CITECHECK_REPORT_INTERNAL_HTML_ASSETS_H_
