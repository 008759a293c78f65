// ExtractPdf: poppler-cpp text boxes, grouped into lines and the lines into paragraphs
// by the vertical gaps between them, one page at a time.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <time.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/internal/block_builder.h"
#include "text/text.h"

namespace citecheck::extract {
namespace {

// A gap between two lines larger than this share of the line height is a blank line:
// single-spaced lines sit about 0.2 heights apart.
constexpr double kParagraphGap = 0.7;

struct Line {
  std::string text;
  double top = 0;
  double bottom = 0;
};

std::string Utf8(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

std::string IsoDate(time_t t) {
  if (t <= 0) return "";
  struct tm tm;
  if (gmtime_r(&t, &tm) == nullptr) return "";
  char buf[16];
  if (strftime(buf, sizeof(buf), "%Y-%m-%d", &tm) == 0) return "";
  return buf;
}

// Groups the page's word boxes (in reading order) into lines: a box whose vertical
// middle falls outside the current line starts a new one.
std::vector<Line> PageLines(const poppler::page& page) {
  std::vector<Line> lines;
  bool space_after_last = false;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    const double middle = r.y() + r.height() / 2;
    if (lines.empty() || middle < lines.back().top || middle > lines.back().bottom) {
      lines.push_back(Line{"", r.y(), r.y() + r.height()});
    } else if (space_after_last) {
      lines.back().text.push_back(' ');
    }
    Line& line = lines.back();
    line.text += Utf8(box.text());
    line.top = std::min(line.top, r.y());
    line.bottom = std::max(line.bottom, r.y() + r.height());
    space_after_last = box.has_space_after();
  }
  return lines;
}

void AppendPage(const poppler::page& page, int number, internal::BlockBuilder* out) {
  const internal::BlockStyle style{BlockKind::kParagraph, 0, number};
  const std::vector<Line> lines = PageLines(page);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      const double height = std::max(lines[i - 1].bottom - lines[i - 1].top, 1.0);
      const double gap = lines[i].top - lines[i - 1].bottom;
      // A line above the previous one (a new column) also starts a paragraph.
      if (gap > kParagraphGap * height || gap < -height) out->End();
    }
    out->Append(lines[i].text, style);
    out->Append("\n", style);
  }
  out->End();
}

}  // namespace

common::Result<Document> ExtractPdf(std::string_view pdf, std::string_view url) {
  if (pdf.size() > static_cast<size_t>(INT_MAX)) {
    return common::Status::ResourceExhausted("PDF too large: " + std::string(url));
  }
  // load_from_raw_data reads `pdf` in place; it outlives `file` here.
  std::unique_ptr<poppler::document> file(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (file == nullptr) {
    return common::Status::InvalidArgument("not a readable PDF: " + std::string(url));
  }
  if (file->is_locked()) {
    return common::Status::PermissionDenied("PDF is encrypted: " + std::string(url));
  }
  Document doc;
  doc.url = std::string(url);
  doc.media_type = "application/pdf";
  doc.title = internal::CollapseWhitespace(Utf8(file->get_title()));
  doc.author = internal::CollapseWhitespace(Utf8(file->get_author()));
  doc.published = IsoDate(file->get_creation_date_t());
  doc.modified = IsoDate(file->get_modification_date_t());
  internal::BlockBuilder builder;
  for (int i = 0; i < file->pages(); ++i) {
    std::unique_ptr<poppler::page> page(file->create_page(i));
    if (page != nullptr) AppendPage(*page, i + 1, &builder);
  }
  builder.Finish(&doc);
  // poppler-cpp does not expose the catalog's /Lang: the language is detected.
  doc.lang = text::LangCode(text::DetectLanguage(doc.text));
  return doc;
}

}  // namespace citecheck::extract
