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

// Code points of valid UTF-8: the bytes that do not continue a sequence. (A parsed
// draft is valid UTF-8; this loop vectorizes, where a decoding one costs as much as
// the rest of claim extraction on a long draft.)
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::optional<text::Quantity> FrontMatterDate(const Draft& d) {
  for (std::string_view key :
       {"date", "published", "publication_date", "pubDate", "datePublished"}) {
    const std::string value = d.FrontMatterValue(key);
    if (value.empty()) continue;
    for (const text::Quantity& q : text::FindQuantities(value, d.lang)) {
      if (q.kind == text::QuantityKind::kDate || q.kind == text::QuantityKind::kYear) return q;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view SourceOriginName(SourceOrigin origin) {
  switch (origin) {
    case SourceOrigin::kList:
      return "list";
    case SourceOrigin::kFootnote:
      return "footnote";
    case SourceOrigin::kReference:
      return "reference";
    case SourceOrigin::kFrontMatter:
      return "front_matter";
    case SourceOrigin::kInlineLink:
      return "inline_link";
  }
  return "list";
}

std::string_view CitationKindName(CitationKind kind) {
  switch (kind) {
    case CitationKind::kNamed:
      return "named";
    case CitationKind::kLink:
      return "link";
    case CitationKind::kFootnote:
      return "footnote";
    case CitationKind::kNumber:
      return "number";
  }
  return "named";
}

Range Draft::FileRange(size_t begin, size_t end) const {
  auto position = [&](size_t offset, int* line, int* column) {
    offset = std::min(offset, content.size());
    auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    size_t idx = static_cast<size_t>(it - line_starts.begin()) - 1;
    *line = static_cast<int>(idx) + 1;
    *column = static_cast<int>(CodePoints(
                  std::string_view(content).substr(line_starts[idx], offset - line_starts[idx]))) +
              1;
  };
  Range r;
  r.begin = std::min(begin, content.size());
  r.end = std::max(r.begin, std::min(end, content.size()));
  position(r.begin, &r.line, &r.column);
  const size_t next_line = static_cast<size_t>(r.line) < line_starts.size()
                               ? line_starts[static_cast<size_t>(r.line)]
                               : content.size() + 1;
  if (r.end < next_line) {
    // Same line: count from the beginning, not from the line start again.
    r.end_line = r.line;
    r.end_column =
        r.column +
        static_cast<int>(CodePoints(std::string_view(content).substr(r.begin, r.end - r.begin)));
  } else {
    position(r.end, &r.end_line, &r.end_column);
  }
  return r;
}

Range Draft::RangeOf(const ProseBlock& block, size_t begin, size_t end) const {
  // Maps a text offset to the file; bytes outside any verbatim piece (a decoded entity,
  // a line break) take the nearest mapped position before them. Pieces are in text
  // order, so the piece is found by binary search.
  const auto& pieces = block.pieces;
  auto map = [&](size_t off) -> size_t {
    auto it =
        std::upper_bound(pieces.begin(), pieces.end(), off,
                         [](size_t o, const ProseBlock::Piece& p) { return o < p.text_begin; });
    if (it == pieces.begin()) return pieces.front().file_begin;
    const ProseBlock::Piece& p = *(it - 1);
    if (off < p.text_begin + p.size) return p.file_begin + (off - p.text_begin);
    return p.file_begin + p.size;
  };
  if (pieces.empty()) return FileRange(0, 0);
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
  d.date = FrontMatterDate(d);
  CC_ASSIGN_OR_RETURN(internal::SourceLabels labels, internal::BuildSources(md, d));
  if (!d.has_sources_section && d.sources.empty()) {
    return Status::InvalidArgument(
        At(path, static_cast<int>(d.line_starts.size())) +
        ": no sources list: add a section such as \"## Sources\" listing the cited URLs");
  }
  internal::FindCitations(labels, d);
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
