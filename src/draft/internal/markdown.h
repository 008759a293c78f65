// Walks a draft's Markdown body (cmark-gfm) into sections, prose blocks mapped back to
// the file, links, and the raw entries of the sources list.
#ifndef CITECHECK_DRAFT_INTERNAL_MARKDOWN_H_
#define CITECHECK_DRAFT_INTERNAL_MARKDOWN_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "draft/draft.h"

namespace citecheck::draft::internal {

// One entry of the sources list before interpretation: a top-level list item of the
// sources section (with its nested items), a loose paragraph there, or a footnote
// definition.
struct RawSourceItem {
  std::vector<int> blocks;  // indexes into MarkdownBody::blocks, in order
  bool list_item = false;
  bool footnote = false;  // a footnote definition "[^label]: ..."
  std::string label;      // footnote label, or the number of an ordered list item
  size_t begin = 0;       // file byte range of the whole item
  size_t end = 0;
};

// A reference-style link definition "[label]: URL "title"", which cmark consumes
// without leaving a node: found in the lines no block covers.
struct RawReference {
  std::string label;
  std::string url;
  std::string title;
  size_t begin = 0;  // file byte range of the line
  size_t end = 0;
  size_t url_begin = 0;  // file byte range of the URL
  size_t url_end = 0;
};

struct MarkdownBody {
  std::vector<Section> sections;
  std::vector<ProseBlock> blocks;
  std::vector<Link> links;
  std::vector<RawSourceItem> source_items;
  std::vector<RawReference> references;
  bool has_sources_section = false;
};

// True for a heading that opens a sources list: "Sources", "Sources et références",
// "Références", "References", "Bibliographie", "Sources and references"...
bool IsSourcesHeading(std::string_view title);

// True for a paragraph that is a "Source : X" / "Sources: X, Y" line (something after
// the colon), as opposed to a "Sources :" line that opens a list.
bool IsSourceLine(std::string_view text);

// The reference definitions among the lines of `body` that no block covers (`covered`
// holds sorted, disjoint file byte ranges of prose and code).
std::vector<RawReference> FindReferenceDefinitions(
    std::string_view body, const std::vector<std::pair<size_t, size_t>>& covered);

// `body` is the whole file with the front matter blanked out (offsets are file
// offsets). `draft` supplies line starts for ranges.
MarkdownBody ParseMarkdownBody(std::string_view body, const Draft& draft);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_MARKDOWN_H_
