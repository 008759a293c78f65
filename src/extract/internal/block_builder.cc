#include "extract/internal/block_builder.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <utility>

namespace citecheck::extract::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kBlockSeparator = "\n\n";

// HTML's ASCII whitespace. Unicode spaces such as U+00A0 are text: they do not collapse
// in a browser either, and the French typography they carry matters downstream.
bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

void AppendValidUtf8(std::string_view in, std::string* out) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const int64_t n = static_cast<int64_t>(in.size());
  int64_t i = 0;
  int64_t run_start = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      out->append(in.substr(run_start, start - run_start));
      out->append(kReplacement);
      run_start = i;
    }
  }
  out->append(in.substr(run_start));
}

std::string CollapseWhitespace(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool pending_space = false;
  for (char c : in) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

void BlockBuilder::Open(const BlockStyle& style) {
  if (!blocks_.empty()) text_.append(kBlockSeparator);
  current_ = Block{style.kind, text_.size(), text_.size(), style.level, style.page};
  open_ = true;
  pending_space_ = false;
  after_break_ = false;
}

void BlockBuilder::AppendValidUtf8(std::string_view run) { internal::AppendValidUtf8(run, &text_); }

void BlockBuilder::Append(std::string_view raw, const BlockStyle& style) {
  size_t i = 0;
  const size_t n = raw.size();
  while (i < n) {
    if (IsSpace(raw[i])) {
      if (open_ && !after_break_) pending_space_ = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && !IsSpace(raw[j])) ++j;
    if (!open_) {
      Open(style);
    } else if (pending_space_) {
      text_.push_back(' ');
    }
    pending_space_ = false;
    after_break_ = false;
    AppendValidUtf8(raw.substr(i, j - i));
    i = j;
  }
}

void BlockBuilder::AppendPreformatted(std::string_view raw, const BlockStyle& style) {
  size_t i = 0;
  const size_t n = raw.size();
  while (i < n) {
    const char c = raw[i];
    if (c == '\n') {
      while (open_ && text_.size() > current_.start &&
             (text_.back() == ' ' || text_.back() == '\t')) {
        text_.pop_back();
      }
      if (open_ && !after_break_) text_.push_back('\n');
      after_break_ = open_;
      ++i;
      continue;
    }
    if (IsSpace(c)) {
      if (open_ && c != '\r') text_.push_back(c == '\t' ? '\t' : ' ');
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && !IsSpace(raw[j])) ++j;
    if (!open_) Open(style);
    after_break_ = false;
    pending_space_ = false;
    AppendValidUtf8(raw.substr(i, j - i));
    i = j;
  }
}

void BlockBuilder::LineBreak() {
  if (!open_) return;
  if (after_break_) {
    End();
    return;
  }
  text_.push_back('\n');
  after_break_ = true;
  pending_space_ = false;
}

void BlockBuilder::End() {
  if (!open_) return;
  while (text_.size() > current_.start) {
    const char c = text_.back();
    if (c != ' ' && c != '\n' && c != '\t') break;
    text_.pop_back();
  }
  current_.end = text_.size();
  blocks_.push_back(current_);
  open_ = false;
  pending_space_ = false;
  after_break_ = false;
}

void BlockBuilder::Finish(Document* doc) {
  End();
  doc->text = std::move(text_);
  doc->blocks = std::move(blocks_);
  text_.clear();
  blocks_.clear();
}

void RemoveBlocks(Document* doc, const std::function<bool(const Document&, const Block&)>& drop) {
  std::string text;
  text.reserve(doc->text.size());
  std::vector<Block> kept;
  kept.reserve(doc->blocks.size());
  for (const Block& block : doc->blocks) {
    if (drop(*doc, block)) continue;
    if (!kept.empty()) text.append(kBlockSeparator);
    Block moved = block;
    moved.start = text.size();
    text.append(doc->text, block.start, block.end - block.start);
    moved.end = text.size();
    kept.push_back(moved);
  }
  doc->text = std::move(text);
  doc->blocks = std::move(kept);
}

}  // namespace citecheck::extract::internal
