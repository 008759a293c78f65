// extract: from a fetched body to a Document -- its main text in blocks, and metadata.
//
// HTML goes through gumbo: the article's headings, paragraphs, list items, table cells,
// quotes and captions are kept in reading order, and the page furniture (scripts,
// styles, navigation, headers, footers, asides, forms, menus, banners) is dropped. PDF
// goes through poppler-cpp, one or more blocks per page with the page number kept. Plain
// text is split into paragraphs. Bodies in other charsets are converted to UTF-8 (ICU).
//
//   auto doc = extract::Extract(fetch.body, fetch.content_type, fetch.charset, fetch.url);
//   for (const extract::Block& b : doc->blocks) Use(doc->text.substr(b.start, b.end - b.start));
//
// Thread-safety: every function is pure and may be called concurrently.
#ifndef CITECHECK_EXTRACT_EXTRACT_H_
#define CITECHECK_EXTRACT_EXTRACT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace citecheck::extract {

enum class BlockKind {
  kHeading = 0,
  kParagraph,
  kListItem,
  kTableCell,
  kQuote,
  kCaption,
  kPreformatted,
};

// Stable snake_case name: "heading", "paragraph", "list_item", "table_cell", "quote",
// "caption", "preformatted".
std::string_view BlockKindName(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  size_t start = 0;  // byte offset of the block's text in Document::text
  size_t end = 0;    // one past its last byte
  int level = 0;     // heading level 1..6 for kHeading, else 0
  int page = 0;      // 1-based PDF page, 0 for other media
  bool operator==(const Block&) const = default;
};

struct Document {
  std::string url;            // where it was fetched from
  std::string media_type;     // "text/html", "application/pdf", "text/plain"
  std::string title;          // <title> / og:title / PDF title, whitespace-collapsed
  std::string lang;           // BCP 47 as declared ("fr", "fr-FR"), else detected, or ""
  std::string published;      // ISO 8601 date ("2025-06-24") or "" when not marked up
  std::string modified;       // ISO 8601 date or ""
  std::string author;
  std::string site_name;
  std::string canonical_url;
  std::string description;
  // The main text: each block's text (whitespace collapsed, valid UTF-8), blocks
  // separated by "\n\n". Blocks index into it.
  std::string text;
  std::vector<Block> blocks;
  bool operator==(const Document&) const = default;
};

// The text of one block.
inline std::string_view BlockText(const Document& doc, const Block& block) {
  return std::string_view(doc.text).substr(block.start, block.end - block.start);
}

// The article's running text: the text of the blocks other than captions, separated by
// "\n\n". Captions describe pictures; they stay in Document::blocks (kCaption) for what
// they say, but a reader of the article body skips them.
std::string BodyText(const Document& doc);

// HTML that is already UTF-8 (invalid bytes are replaced).
common::Result<Document> ExtractHtml(std::string_view html, std::string_view url);

// Plain text: paragraphs are separated by blank lines.
common::Result<Document> ExtractPlainText(std::string_view text, std::string_view url);

// PDF through poppler-cpp. Errors: kInvalidArgument when the bytes are not a readable
// PDF (the message names the URL), kPermissionDenied when it is encrypted.
common::Result<Document> ExtractPdf(std::string_view pdf, std::string_view url);

// Dispatches on `media_type` (as sent in Content-Type) and on the bytes themselves when
// the type is missing or generic, and converts `charset` (or the one declared in the
// document, or the detected one) to UTF-8. Errors: kInvalidArgument for media types it
// does not read (images, archives...), naming the type and the URL.
common::Result<Document> Extract(std::string_view body, std::string_view media_type,
                                 std::string_view charset, std::string_view url);

}  // namespace citecheck::extract

#endif  // CITECHECK_EXTRACT_EXTRACT_H_
