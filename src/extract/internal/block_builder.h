// BlockBuilder: assembles a Document's text and blocks from pieces of raw text.
//
// Every extractor (HTML, PDF, plain text) feeds text through one BlockBuilder, so the
// rules for the main text live in one place: whitespace runs collapse to one space,
// blocks are trimmed, empty blocks vanish, invalid UTF-8 becomes U+FFFD, blocks are
// separated by "\n\n", and each Block's offsets index its text.
//
//   BlockBuilder b;
//   b.Append("  Hello \n world ", BlockKind::kParagraph);  // opens a block lazily
//   b.End();                                               // "Hello world"
//   b.Finish(&doc);
//
// Thread-compatible: one builder per document.
#ifndef CITECHECK_EXTRACT_INTERNAL_BLOCK_BUILDER_H_
#define CITECHECK_EXTRACT_INTERNAL_BLOCK_BUILDER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace citecheck::extract::internal {

// The attributes a block is opened with.
struct BlockStyle {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;  // heading level
  int page = 0;   // PDF page
  bool operator==(const BlockStyle&) const = default;
};

class BlockBuilder {
 public:
  BlockBuilder() = default;
  BlockBuilder(const BlockBuilder&) = delete;
  BlockBuilder& operator=(const BlockBuilder&) = delete;

  // Appends `raw` to the open block, opening one with `style` when none is open and
  // `raw` holds something besides whitespace. Runs of ASCII whitespace become one
  // space; whitespace at the start of a block or of a line is dropped.
  void Append(std::string_view raw, const BlockStyle& style);

  // Like Append, but keeps spaces and tabs as they are (for <pre>); line ends become
  // one '\n' (blank lines are squeezed so that "\n\n" never occurs inside a block).
  void AppendPreformatted(std::string_view raw, const BlockStyle& style);

  // A line break inside the open block (<br>). A second break in a row, with nothing
  // but whitespace between, ends the block instead: two <br> separate paragraphs.
  void LineBreak();

  // Closes the open block, trimming trailing whitespace. No-op when none is open.
  void End();

  // True when a block is open and has received some text.
  bool in_block() const { return open_; }

  // Bytes of text in the finished blocks and the open one, separators included.
  size_t size() const { return text_.size(); }

  // The finished blocks so far.
  const std::vector<Block>& blocks() const { return blocks_; }

  // Ends the open block and moves the text and blocks into `doc` (replacing its text
  // and blocks).
  void Finish(Document* doc);

 private:
  void Open(const BlockStyle& style);
  void AppendValidUtf8(std::string_view run);

  std::string text_;
  std::vector<Block> blocks_;
  bool open_ = false;
  Block current_;
  bool pending_space_ = false;  // whitespace seen since the last visible byte
  bool after_break_ = false;    // the open block ends with a '\n' from LineBreak()
};

// Removes the blocks for which `drop(doc, block)` is true, rebuilding the text and the
// offsets of the blocks that remain.
void RemoveBlocks(Document* doc, const std::function<bool(const Document&, const Block&)>& drop);

// Appends `in` to `out`, each invalid UTF-8 sequence replaced by U+FFFD.
void AppendValidUtf8(std::string_view in, std::string* out);

// Returns `in` with runs of ASCII whitespace collapsed to one space and trimmed.
std::string CollapseWhitespace(std::string_view in);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_BLOCK_BUILDER_H_
