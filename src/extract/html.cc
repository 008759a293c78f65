// ExtractHtml: prefilter, parse with gumbo, read the metadata, extract the main content.

#include <strings.h>

#include <algorithm>
#include <utility>

#include "extract/extract.h"
#include "extract/internal/block_builder.h"
#include "extract/internal/content.h"
#include "extract/internal/dom.h"
#include "extract/internal/metadata.h"
#include "extract/internal/prefilter.h"
#include "text/text.h"

namespace citecheck::extract {
namespace {

// Only the first blocks can be the article's title repeated as a heading.
constexpr size_t kTitleSearchBlocks = 3;

bool SameTitle(std::string_view heading, std::string_view title) {
  const size_t n = std::min(heading.size(), title.size());
  if (n < 8 || n * 2 < std::max(heading.size(), title.size())) return false;
  // <title> often adds " - Site name"; og:title and the <h1> may differ in the tail.
  return strncasecmp(heading.data(), title.data(), n) == 0;
}

// The title is in Document::title; a heading that repeats it is not body text.
void DropTitleHeading(Document* doc) {
  for (size_t i = 0; i < doc->blocks.size() && i < kTitleSearchBlocks; ++i) {
    const Block& b = doc->blocks[i];
    if (b.kind != BlockKind::kHeading || !SameTitle(BlockText(*doc, b), doc->title)) {
      continue;
    }
    const Block* target = &doc->blocks[i];
    internal::RemoveBlocks(
        doc, [target](const Document&, const Block& block) { return &block == target; });
    return;
  }
}

void CopyMetadata(internal::Metadata meta, Document* doc) {
  doc->title = std::move(meta.title);
  doc->lang = std::move(meta.lang);
  doc->published = std::move(meta.published);
  doc->modified = std::move(meta.modified);
  doc->author = std::move(meta.author);
  doc->site_name = std::move(meta.site_name);
  doc->canonical_url = std::move(meta.canonical_url);
  doc->description = std::move(meta.description);
}

}  // namespace

common::Result<Document> ExtractHtml(std::string_view html, std::string_view url) {
  const internal::PrefilteredHtml page = internal::Prefilter(html);
  const internal::GumboTree tree(page.html);
  Document doc;
  doc.url = std::string(url);
  doc.media_type = "text/html";
  CopyMetadata(internal::ExtractMetadata(tree.root(), page.json_ld, url), &doc);
  internal::ExtractMainContent(tree.root(), &doc);
  DropTitleHeading(&doc);
  if (doc.lang.empty()) doc.lang = text::LangCode(text::DetectLanguage(doc.text));
  return doc;
}

}  // namespace citecheck::extract
