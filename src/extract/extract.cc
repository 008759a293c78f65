#include "extract/extract.h"

#include <strings.h>

#include <cctype>
#include <string>

#include "common/file.h"
#include "extract/internal/block_builder.h"
#include "extract/internal/charset.h"
#include "text/text.h"

namespace citecheck::extract {
namespace {

enum class Format { kHtml, kPdf, kPlainText, kUnsupported };

struct MediaType {
  std::string type;     // lower case, without parameters: "text/html"
  std::string charset;  // the charset parameter, if any
};

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

MediaType ParseMediaType(std::string_view value) {
  MediaType m;
  const size_t semi = value.find(';');
  m.type = Trimmed(value.substr(0, semi));
  for (char& c : m.type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (semi == std::string_view::npos) return m;
  const std::string params(value.substr(semi));
  for (size_t pos = 0; pos + 8 <= params.size(); ++pos) {
    if (strncasecmp(params.data() + pos, "charset=", 8) == 0) {
      const size_t end = params.find(';', pos);
      m.charset = Trimmed(std::string_view(params).substr(pos + 8, end - pos - 8));
      break;
    }
  }
  return m;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && strncasecmp(s.data(), prefix.data(), prefix.size()) == 0;
}

// The HTML standard's sniffing patterns for "text/html", after a BOM and whitespace.
bool LooksLikeHtml(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) {
    body.remove_prefix(1);
  }
  static constexpr std::string_view kStarts[] = {"<!doctype html",
                                                 "<html",
                                                 "<head",
                                                 "<script",
                                                 "<iframe",
                                                 "<h1",
                                                 "<div",
                                                 "<font",
                                                 "<table",
                                                 "<a",
                                                 "<style",
                                                 "<title",
                                                 "<b",
                                                 "<body",
                                                 "<br",
                                                 "<p",
                                                 "<!--"};
  for (std::string_view start : kStarts) {
    if (!StartsWithNoCase(body, start)) continue;
    if (start == "<!--") return true;
    const char next = body.size() > start.size() ? body[start.size()] : '\0';
    if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r') {
      return true;
    }
  }
  return false;
}

Format Sniff(std::string_view body) {
  if (body.starts_with("%PDF-")) return Format::kPdf;
  if (LooksLikeHtml(body)) return Format::kHtml;
  if (common::LooksBinary(body)) return Format::kUnsupported;
  return Format::kPlainText;
}

// Types that say nothing about the content: servers send them for anything.
bool IsGeneric(std::string_view type) {
  return type.empty() || type == "application/octet-stream" || type == "binary/octet-stream" ||
         type == "application/unknown" || type == "unknown/unknown" ||
         type == "application/x-download" || type == "application/force-download" ||
         type.find("xml") != std::string::npos;
}

Format FormatOf(std::string_view type, std::string_view body) {
  // A PDF is a PDF whatever the server calls it; browsers sniff it the same way.
  if (body.starts_with("%PDF-")) return Format::kPdf;
  if (type == "text/html" || type == "application/xhtml+xml") return Format::kHtml;
  if (type == "application/pdf" || type == "application/x-pdf") return Format::kPdf;
  if (IsGeneric(type)) return Sniff(body);
  if (type.starts_with("text/")) return Format::kPlainText;
  return Format::kUnsupported;
}

}  // namespace

std::string_view BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list_item";
    case BlockKind::kTableCell:
      return "table_cell";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kCaption:
      return "caption";
    case BlockKind::kPreformatted:
      return "preformatted";
  }
  return "paragraph";
}

std::string BodyText(const Document& doc) {
  std::string body;
  body.reserve(doc.text.size());
  for (const Block& block : doc.blocks) {
    if (block.kind == BlockKind::kCaption) continue;
    if (!body.empty()) body += "\n\n";
    body += BlockText(doc, block);
  }
  return body;
}

common::Result<Document> ExtractPlainText(std::string_view text, std::string_view url) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  internal::BlockBuilder builder;
  const internal::BlockStyle style{BlockKind::kParagraph};
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
      builder.End();  // a blank line ends the paragraph
    } else {
      builder.Append(line, style);
      builder.Append("\n", style);
    }
    pos = end + 1;
  }
  Document doc;
  doc.url = std::string(url);
  doc.media_type = "text/plain";
  builder.Finish(&doc);
  doc.lang = text::LangCode(text::DetectLanguage(doc.text));
  return doc;
}

common::Result<Document> Extract(std::string_view body, std::string_view media_type,
                                 std::string_view charset, std::string_view url) {
  const MediaType type = ParseMediaType(media_type);
  const std::string_view declared = charset.empty() ? type.charset : charset;
  const Format format = FormatOf(type.type, body);
  if (format == Format::kPdf) return ExtractPdf(body, url);
  if (format == Format::kUnsupported) {
    if (IsGeneric(type.type)) {
      return common::Status::InvalidArgument("unsupported binary content of unknown type for " +
                                             std::string(url));
    }
    return common::Status::InvalidArgument("unsupported media type \"" + type.type + "\" for " +
                                           std::string(url));
  }
  const bool html = format == Format::kHtml;
  const internal::CharsetDecision decision = internal::DecideCharset(body, declared, html);
  const std::string_view content = body.substr(decision.bom_size);
  if (decision.charset == "utf-8") {
    // Both extractors replace invalid bytes themselves: no copy of the body needed.
    return html ? ExtractHtml(content, url) : ExtractPlainText(content, url);
  }
  CC_ASSIGN_OR_RETURN(const std::string utf8, internal::ConvertToUtf8(content, decision.charset));
  return html ? ExtractHtml(utf8, url) : ExtractPlainText(utf8, url);
}

}  // namespace citecheck::extract
