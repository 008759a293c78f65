#include "draft/draft.h"

#include <algorithm>

#include "common/file.h"
#include "draft/internal/front_matter.h"
#include "draft/internal/markdown.h"
#include "draft/internal/sources.h"

namespace citecheck::draft {
namespace {

using common::Status;

std::vector<size_t> LineStarts(std::string_view content) {
  std::vector<size_t> starts = {0};
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

std::string At(std::string_view path, int line) {
  return std::string(path) + ":" + std::to_string(line);
}

// The front matter replaced by spaces (newlines kept), so that Markdown positions stay
// file positions.
std::string BlankFrontMatter(std::string_view content, size_t end) {
  std::string body(content);
  for (size_t i = 0; i < end; ++i) {
    if (body[i] != '\n') body[i] = ' ';
  }
  return body;
}

Status CheckText(std::string_view path, std::string_view content, const Draft& d) {
  if (content.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::InvalidArgument(At(path, 1) + ": the draft is empty");
  }
  if (common::LooksBinary(content)) {
    return Status::InvalidArgument(At(path, 1) +
                                   ": not a text file (binary content); expected Markdown");
  }
  std::string valid = text::ToValidUtf8(content);
  if (valid != content) {
    size_t bad = 0;
    while (bad < content.size() && bad < valid.size() && content[bad] == valid[bad]) ++bad;
    return Status::InvalidArgument(At(path, d.FileRange(bad, bad).line) +
                                   ": invalid UTF-8; save the draft as UTF-8");
  }
  return Status::Ok();
}

text::Lang DraftLang(const Draft& d, std::string_view body) {
  for (std::string_view key : {"lang", "language", "locale", "langue"}) {
    text::Lang l = text::ParseLang(d.FrontMatterValue(key));
    if (l != text::Lang::kUnknown) return l;
  }
  return text::DetectLanguage(body);
}

}  // namespace

Range Draft::FileRange(size_t begin, size_t end) const {
  auto position = [&](size_t offset, int* line, int* column) {
    offset = std::min(offset, content.size());
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    size_t idx = static_cast<size_t>(it - line_starts.begin()) - 1;
    *line = static_cast<int>(idx) + 1;
    *column = static_cast<int>(text::CountCodePoints(
                  std::string_view(content).substr(line_starts[idx], offset - line_starts[idx]))) + 1;
  };
  Range r;
  r.begin = std::min(begin, content.size());
  r.end = std::max(r.begin, std::min(end, content.size()));
  position(r.begin, &r.line, &r.column);
  position(r.end, &r.end_line, &r.end_column);
  return r;
}

Range Draft::RangeOf(const ProseBlock& block, size_t begin, size_t end) const {
  // Maps a text offset to the file; bytes outside any verbatim piece (a decoded entity,
  // a line break) take the nearest mapped position.
  auto map = [&](size_t off) -> size_t {
    const ProseBlock::Piece* before = nullptr;
    for (const ProseBlock::Piece& p : block.pieces) {
      if (off >= p.text_begin && off < p.text_begin + p.size) {
        return p.file_begin + (off - p.text_begin);
      }
      if (p.text_begin > off) return before ? before->file_begin + before->size : p.file_begin;
      before = &p;
    }
    return before ? before->file_begin + before->size : 0;
  };
  if (block.pieces.empty()) return FileRange(0, 0);
  size_t fb = map(begin);
  size_t fe = end > begin ? map(end - 1) + 1 : fb;
  return FileRange(fb, std::max(fb, fe));
}

std::string Draft::FrontMatterValue(std::string_view key) const {
  for (const FrontMatterField& f : front_matter) {
    if (f.key == key) return f.value;
  }
  return "";
}

common::Result<Draft> ParseDraft(std::string_view path, std::string_view content) {
  Draft d;
  d.path = std::string(path);
  d.content = std::string(content);
  d.line_starts = LineStarts(content);
  CC_RETURN_IF_ERROR(CheckText(path, content, d));
  CC_ASSIGN_OR_RETURN(internal::FrontMatter fm, internal::ParseFrontMatter(path, content));
  d.front_matter = std::move(fm.fields);
  const std::string body = BlankFrontMatter(content, fm.end);
  d.lang = DraftLang(d, std::string_view(body).substr(fm.end));
  internal::MarkdownBody md = internal::ParseMarkdownBody(body, d);
  d.sections = std::move(md.sections);
  d.blocks = std::move(md.blocks);
  d.links = std::move(md.links);
  d.has_sources_section = md.has_sources_section;
  d.title = d.FrontMatterValue("title");
  if (d.title.empty() && !d.sections.empty()) d.title = d.sections.front().title;
  if (!d.has_sources_section) {
    return Status::InvalidArgument(
        At(path, static_cast<int>(d.line_starts.size())) +
        ": no sources list: add a section such as \"## Sources\" listing the cited URLs");
  }
  CC_RETURN_IF_ERROR(internal::BuildSources(md.source_items, d));
  internal::FindAttributions(d);
  internal::FindPlaceholdersAndCounts(d);
  std::stable_sort(d.findings.begin(), d.findings.end(), [](const Finding& a, const Finding& b) {
    return a.range.begin < b.range.begin;
  });
  return d;
}

common::Result<Draft> LoadDraft(const std::filesystem::path& path) {
  CC_ASSIGN_OR_RETURN(std::string content, common::ReadFile(path, size_t{64} << 20));
  return ParseDraft(path.string(), content);
}

}  // namespace citecheck::draft
