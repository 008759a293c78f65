// Walks a draft's Markdown body (cmark-gfm) into sections, prose blocks mapped back to
// the file, links, and the raw entries of the sources list.
#ifndef CITECHECK_DRAFT_INTERNAL_MARKDOWN_H_
#define CITECHECK_DRAFT_INTERNAL_MARKDOWN_H_

#include <string_view>
#include <vector>

#include "draft/draft.h"

namespace citecheck::draft::internal {

// One entry of the sources list before interpretation: a top-level list item of the
// sources section (with its nested items), or a loose paragraph there.
struct RawSourceItem {
  std::vector<int> blocks;  // indexes into MarkdownBody::blocks, in order
  bool list_item = false;
  size_t begin = 0;         // file byte range of the whole item
  size_t end = 0;
};

struct MarkdownBody {
  std::vector<Section> sections;
  std::vector<ProseBlock> blocks;
  std::vector<Link> links;
  std::vector<RawSourceItem> source_items;
  bool has_sources_section = false;
};

// True for a heading that opens a sources list: "Sources", "Sources et références",
// "Références", "References", "Bibliographie", "Sources and references"...
bool IsSourcesHeading(std::string_view title);

// `body` is the whole file with the front matter blanked out (offsets are file
// offsets). `draft` supplies line starts for ranges.
MarkdownBody ParseMarkdownBody(std::string_view body, const Draft& draft);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_MARKDOWN_H_
