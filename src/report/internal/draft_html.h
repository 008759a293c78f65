// The draft's Markdown as HTML, with markup placed around chosen byte ranges (the
// claim mentions), for the HTML report.
//
// Thread-safety: pure function (cmark-gfm's extension registry is set up once,
// thread-safely, by cmark itself).
#ifndef CITECHECK_REPORT_INTERNAL_DRAFT_HTML_H_
#define CITECHECK_REPORT_INTERNAL_DRAFT_HTML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck::report::internal {

struct Highlight {
  size_t begin = 0;  // byte offsets into the draft file, [begin, end)
  size_t end = 0;
  std::string open;   // markup placed before the text
  std::string close;  // and after it
  // Used instead inside a link, where interactive content (a button) may not nest.
  std::string open_in_link;
  std::string close_in_link;
};

// The Markdown body of `content` (its YAML front matter left out) rendered by
// cmark-gfm -- tables, autolinks, strikethrough and footnotes included; raw HTML
// omitted and unsafe link targets removed (cmark's safe mode) -- with each highlight's
// markup around its text. A highlight is dropped when it is empty, overlaps an earlier
// one, starts in the front matter, cuts a UTF-8 character, or lands inside a tag (an
// image's alt text); one that would straddle an element boundary is closed at that
// boundary. At most 32767 highlights are placed.
std::string DraftHtml(std::string_view content, std::vector<Highlight> highlights);

// Where the Markdown body starts: after a YAML front matter opened by a "---" line
// and closed by "---" or "...", else 0 (after a UTF-8 byte-order mark, if any).
size_t BodyStart(std::string_view content);

}  // namespace citecheck::report::internal

#endif  // CITECHECK_REPORT_INTERNAL_DRAFT_HTML_H_
