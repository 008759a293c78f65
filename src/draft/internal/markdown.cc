#include "draft/internal/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <string>

namespace citecheck::draft::internal {
namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};

// How far past a mismatch the aligner looks for the next matching source byte. Source
// and literal differ only by escapes ("\*"), entities ("&amp;") and similar short runs.
constexpr size_t kResyncWindow = 24;

bool HasType(cmark_node* node, std::string_view type) {
  const char* t = cmark_node_get_type_string(node);
  return t != nullptr && type == t;
}

// Walks block nodes depth first, building prose blocks and collecting the sources list.
class Walker {
 public:
  Walker(std::string_view body, const Draft& draft, MarkdownBody& out)
      : body_(body), draft_(draft), out_(out) {}

  void Block(cmark_node* node, bool top_level) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_DOCUMENT:
      case CMARK_NODE_BLOCK_QUOTE:
        Children(node, top_level);
        return;
      case CMARK_NODE_LIST:
        List(node, top_level);
        return;
      case CMARK_NODE_ITEM:
        item_start_ = true;
        Children(node, false);
        return;
      case CMARK_NODE_HEADING:
        Heading(node);
        return;
      case CMARK_NODE_PARAGRAPH:
        Paragraph(node, top_level);
        return;
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        FootnoteDefinition(node);
        return;
      default:
        break;
    }
    if (HasType(node, "table")) {
      Table(node);
      return;
    }
    // Code blocks, HTML blocks (comments included) and rules carry no prose; their
    // lines hold no reference definitions either.
    covered_.push_back({Start(node), End(node)});
  }

  std::vector<std::pair<size_t, size_t>> TakeCovered() { return std::move(covered_); }

 private:
  void Children(cmark_node* node, bool top_level) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      Block(c, top_level);
    }
  }

  void List(cmark_node* node, bool top_level) {
    const bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(node);
    ++list_depth_;
    for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
      const bool source_item = top_level && in_sources_;
      if (source_item) {
        current_item_ = RawSourceItem{};
        current_item_->list_item = true;
        if (ordered) current_item_->label = std::to_string(number++);
        current_item_->begin = Start(item);
        current_item_->end = End(item);
      }
      Block(item, false);
      if (source_item) {
        out_.source_items.push_back(std::move(*current_item_));
        current_item_.reset();
      }
    }
    --list_depth_;
  }

  void Heading(cmark_node* node) {
    const int level = cmark_node_get_heading_level(node);
    ProseBlock& block = AddProse(node, ProseBlock::Kind::kHeading);
    Section section;
    section.title = block.text;
    section.level = level;
    section.range = draft_.FileRange(Start(node), End(node));
    if (in_sources_ && level <= sources_level_) in_sources_ = false;
    if (!in_sources_ && IsSourcesHeading(section.title)) {
      in_sources_ = true;
      sources_level_ = level;
      out_.has_sources_section = true;
    }
    out_.sections.push_back(std::move(section));
    // The heading belongs to the section it opens.
    block.section = static_cast<int>(out_.sections.size()) - 1;
    block.in_sources = in_sources_;
  }

  void Paragraph(cmark_node* node, bool top_level) {
    cmark_node* parent = cmark_node_parent(node);
    const bool in_item = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
    const auto kind = in_item ? ProseBlock::Kind::kListItem : ProseBlock::Kind::kParagraph;
    if (top_level && in_sources_ && sources_level_ == kLineOpened && !current_item_ &&
        !MayHoldUrl(node)) {
      in_sources_ = false;  // prose again after a list opened by a "Sources :" line
    }
    const bool loose_source = top_level && in_sources_ && !current_item_;
    if (loose_source) {
      current_item_ = RawSourceItem{};
      current_item_->begin = Start(node);
      current_item_->end = End(node);
    }
    ProseBlock& block = AddProse(node, kind);
    if (loose_source) {
      out_.source_items.push_back(std::move(*current_item_));
      current_item_.reset();
    } else if (top_level && !in_sources_ && block.text.size() <= 48 && !IsSourceLine(block.text) &&
               IsSourcesHeading(block.text)) {
      // "**Sources :**" on a line of its own opens a list as a heading would.
      in_sources_ = true;
      sources_level_ = kLineOpened;
      out_.has_sources_section = true;
      block.in_sources = true;
    } else if (!in_sources_ && !current_item_) {
      block.source_line = IsSourceLine(block.text);
    }
  }

  // Footnote definitions (moved to the end by cmark-gfm) are entries of the sources
  // list, whatever section they end up in.
  void FootnoteDefinition(cmark_node* node) {
    const bool saved = in_sources_;
    in_sources_ = true;
    current_item_ = RawSourceItem{};
    current_item_->list_item = true;
    current_item_->footnote = true;
    current_item_->begin = Start(node);
    current_item_->end = End(node);
    current_item_->label = FootnoteLabel(&current_item_->begin);
    Children(node, false);
    out_.source_items.push_back(std::move(*current_item_));
    current_item_.reset();
    in_sources_ = saved;
  }

  // The label of the footnote definition whose content starts at `*begin`, read back
  // from its line ("[^1]: ..."); moves `*begin` to the opening bracket.
  std::string FootnoteLabel(size_t* begin) const {
    const auto& starts = draft_.line_starts;
    auto it = std::upper_bound(starts.begin(), starts.end(), *begin);
    const size_t line_start = it == starts.begin() ? 0 : *(it - 1);
    std::string_view head = body_.substr(line_start, *begin - line_start);
    const size_t open = head.find("[^");
    const size_t close = head.find("]:", open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) return "";
    *begin = line_start + open;
    return std::string(head.substr(open + 2, close - open - 2));
  }

  // Whether a paragraph's source text holds something like a URL.
  bool MayHoldUrl(cmark_node* node) const {
    std::string_view text = body_.substr(Start(node), End(node) - Start(node));
    return text.find("http") != std::string_view::npos ||
           text.find("www.") != std::string_view::npos;
  }

  void Table(cmark_node* table) {
    for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        AddProse(cell, ProseBlock::Kind::kTableCell);
      }
    }
  }

  ProseBlock& AddProse(cmark_node* node, ProseBlock::Kind kind) {
    ProseBlock block;
    block.kind = kind;
    block.section = static_cast<int>(out_.sections.size()) - 1;
    block.in_sources = in_sources_;
    if (kind == ProseBlock::Kind::kListItem) {
      block.list_depth = list_depth_;
      block.item_start = item_start_;
      item_start_ = false;
    }
    cursor_ = Start(node);
    block_end_ = End(node);
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      Inline(c, block);
    }
    out_.blocks.push_back(std::move(block));
    if (current_item_) {
      current_item_->blocks.push_back(static_cast<int>(out_.blocks.size()) - 1);
    }
    return out_.blocks.back();
  }

  void Inline(cmark_node* node, ProseBlock& block) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        Append(block, cmark_node_get_literal(node), node);
        return;
      case CMARK_NODE_CODE: {
        const size_t begin = block.text.size();
        Append(block, cmark_node_get_literal(node), node);
        block.code.push_back({begin, block.text.size()});
        return;
      }
      case CMARK_NODE_SOFTBREAK:
        if (!block.text.empty() && block.text.back() != ' ') block.text += ' ';
        return;
      case CMARK_NODE_LINEBREAK:
        block.text += '\n';
        return;
      case CMARK_NODE_STRONG: {
        const size_t begin = block.text.size();
        for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
          Inline(c, block);
        }
        block.strong.push_back({begin, block.text.size()});
        return;
      }
      case CMARK_NODE_LINK:
        LinkNode(node, block);
        return;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_IMAGE:
        return;  // comments, tags and image alt texts are not prose
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        // The node's literal is the note's number; the label is read from the source.
        CitationMarker marker;
        marker.at = block.text.size();
        std::string_view written = body_.substr(Start(node), End(node) - Start(node));
        if (written.starts_with("[^") && written.ends_with("]")) {
          marker.label = std::string(written.substr(2, written.size() - 3));
        } else if (const char* number = cmark_node_get_literal(node)) {
          marker.label = number;
        }
        marker.footnote = true;
        marker.range = draft_.FileRange(Start(node), End(node));
        block.markers.push_back(std::move(marker));
        return;
      }
      default:
        for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
          Inline(c, block);
        }
    }
  }

  void LinkNode(cmark_node* node, ProseBlock& block) {
    const size_t text_begin = block.text.size();
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      Inline(c, block);
    }
    if (IsNumberLabel(std::string_view(block.text).substr(text_begin))) {
      // "[1]" resolved to a definition: a citation marker, not a figure of the prose.
      Truncate(block, text_begin);
    }
    Link link;
    link.text = block.text.substr(text_begin);
    const char* url = cmark_node_get_url(node);
    link.url = url ? url : "";
    const bool positioned = cmark_node_get_start_line(node) > 0;
    link.range = positioned ? draft_.FileRange(Start(node), End(node))
                            : draft_.RangeOf(block, text_begin, block.text.size());
    block.link_begins.push_back(text_begin);
    block.link_ends.push_back(block.text.size());
    block.link_urls.push_back(link.url);
    out_.links.push_back(std::move(link));
  }

  static bool IsNumberLabel(std::string_view s) {
    if (s.empty() || s.size() > 3) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  static void Truncate(ProseBlock& block, size_t size) {
    block.text.resize(size);
    std::erase_if(block.pieces, [&](const ProseBlock::Piece& p) { return p.text_begin >= size; });
    for (ProseBlock::Piece& p : block.pieces) p.size = std::min(p.size, size - p.text_begin);
  }

  // Appends a literal and maps it back to the file: within the node's own source range
  // when cmark gave one, else from the block's cursor.
  void Append(ProseBlock& block, const char* literal_c, cmark_node* node) {
    std::string_view literal = literal_c ? literal_c : "";
    size_t from = cursor_;
    if (cmark_node_get_start_line(node) > 0) from = Start(node);
    if (cmark_node_get_type(node) == CMARK_NODE_CODE) {
      // A code span's position includes its backticks.
      size_t tick = body_.find(literal.empty() ? std::string_view("`") : literal, from);
      if (tick != std::string_view::npos && tick < block_end_) from = tick;
    }
    Align(block, literal, from);
    block.text += literal;
  }

  void Align(ProseBlock& block, std::string_view literal, size_t j) {
    const size_t base = block.text.size();
    const size_t limit = std::min(body_.size(), block_end_ + kResyncWindow);
    ProseBlock::Piece piece;
    bool open = false;
    size_t i = 0;
    while (i < literal.size() && j < limit) {
      if (literal[i] == body_[j]) {
        if (!open) piece = {base + i, j, 0};
        open = true;
        ++piece.size;
        ++i;
        ++j;
        continue;
      }
      if (open) block.pieces.push_back(piece);
      open = false;
      size_t k = body_.substr(j + 1, kResyncWindow).find(literal[i]);
      if (k != std::string_view::npos) {
        j += k + 1;
      } else {
        ++i;
      }
    }
    if (open) block.pieces.push_back(piece);
    cursor_ = j;
  }

  size_t Offset(int line, int column) const {
    if (line <= 0) return cursor_;
    const auto& starts = draft_.line_starts;
    size_t idx = std::min(static_cast<size_t>(line - 1), starts.size() - 1);
    return std::min(body_.size(), starts[idx] + static_cast<size_t>(std::max(column, 1) - 1));
  }
  size_t Start(cmark_node* n) const {
    return Offset(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
  }
  size_t End(cmark_node* n) const {
    if (cmark_node_get_end_line(n) <= 0) return block_end_;
    return std::min(body_.size(),
                    Offset(cmark_node_get_end_line(n), cmark_node_get_end_column(n)) + 1);
  }

  std::string_view body_;
  const Draft& draft_;
  MarkdownBody& out_;
  // sources_level_ of a list opened by a "Sources :" line: any heading closes it.
  static constexpr int kLineOpened = 7;

  bool in_sources_ = false;
  int sources_level_ = 0;
  int list_depth_ = 0;
  bool item_start_ = false;                         // the next list-item block opens its item
  std::vector<std::pair<size_t, size_t>> covered_;  // code, HTML and rules
  std::optional<RawSourceItem> current_item_;
  size_t cursor_ = 0;     // file offset where the next unpositioned literal is sought
  size_t block_end_ = 0;  // file offset just past the current block
};

void AttachExtensions(cmark_parser* parser) {
  cmark_gfm_core_extensions_ensure_registered();
  for (const char* name : {"table", "autolink", "strikethrough"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
}

}  // namespace

bool IsSourcesHeading(std::string_view title) {
  std::string folded = text::Fold(title);
  // Keep letters and spaces only, so "Sources et références :" and "📚 Sources" match.
  std::string words;
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || c == ' ') words += c;
  }
  while (!words.empty() && words.front() == ' ') words.erase(words.begin());
  while (!words.empty() && words.back() == ' ') words.pop_back();
  static constexpr std::string_view kPrefixes[] = {
      "sources",       "source",       "references",        "reference",
      "bibliographie", "bibliography", "liste des sources", "nos sources",
      "works cited",   "citations"};
  for (std::string_view p : kPrefixes) {
    if (words == p || words.rfind(std::string(p) + " ", 0) == 0) return true;
  }
  return false;
}

MarkdownBody ParseMarkdownBody(std::string_view body, const Draft& draft) {
  MarkdownBody out;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES));
  AttachExtensions(parser.get());
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  Walker walker(body, draft, out);
  walker.Block(doc.get(), true);
  std::vector<std::pair<size_t, size_t>> covered = walker.TakeCovered();
  for (const ProseBlock& b : out.blocks) {
    for (const ProseBlock::Piece& p : b.pieces)
      covered.push_back({p.file_begin, p.file_begin + p.size});
  }
  std::sort(covered.begin(), covered.end());
  out.references = FindReferenceDefinitions(body, covered);
  return out;
}

}  // namespace citecheck::draft::internal
