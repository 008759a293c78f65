// Highlights survive Markdown rendering as private-use characters: each range is
// bracketed in the source by two code points of Supplementary Private Use Area-A
// (U+F0000 + 2i opens highlight i, U+F0001 + 2i closes it), which CommonMark treats
// as ordinary word characters and cmark copies to its output unchanged; the HTML is
// then scanned once to swap them for the markup. Private-use characters of that plane
// already in the draft become U+FFFD first, so that only ours are read as markers.
#include "report/internal/draft_html.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>

#include "report/internal/escape.h"

namespace citecheck::report::internal {
namespace {

constexpr char32_t kMarkerBase = 0xF0000;
constexpr size_t kMaxHighlights = 0x7FFF;

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct BufferDeleter {
  void operator()(char* p) const { cmark_get_default_mem_allocator()->free(p); }
};

void AppendMarker(std::string& out, char32_t cp) {
  out += static_cast<char>(0xF0 | (cp >> 18));
  out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

// The marker at s[i] (a code point of U+F0000..U+FFFFF), if there is one.
std::optional<char32_t> MarkerAt(std::string_view s, size_t i) {
  if (i + 4 > s.size() || static_cast<unsigned char>(s[i]) != 0xF3) return std::nullopt;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b(1) < 0xB0 || b(1) > 0xBF || (b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) {
    return std::nullopt;
  }
  return (char32_t{3} << 18) | (char32_t(b(1) & 0x3F) << 12) | (char32_t(b(2) & 0x3F) << 6) |
         char32_t(b(3) & 0x3F);
}

bool IsFence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line == "---" || (closing && line == "...");
}

// Sorted, non-overlapping, well-placed highlights.
std::vector<Highlight> Usable(std::string_view content, size_t body,
                              std::vector<Highlight> highlights) {
  std::stable_sort(highlights.begin(), highlights.end(),
                   [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
  std::vector<Highlight> out;
  size_t last_end = body;
  for (Highlight& h : highlights) {
    if (out.size() == kMaxHighlights) break;
    if (h.begin < last_end || h.end <= h.begin || h.end > content.size()) continue;
    if (!IsCharBoundary(content, h.begin) || !IsCharBoundary(content, h.end)) continue;
    last_end = h.end;
    out.push_back(std::move(h));
  }
  return out;
}

// The body with markers inserted and stray private-use characters neutralized.
std::string MarkedSource(std::string_view content, size_t body,
                         const std::vector<Highlight>& highlights) {
  std::string out;
  out.reserve(content.size() - body + highlights.size() * 8);
  size_t next = 0;  // index of the next marker to place (2 per highlight)
  for (size_t i = body; i <= content.size(); ++i) {
    while (next < highlights.size() * 2) {
      const Highlight& h = highlights[next / 2];
      if ((next % 2 == 0 ? h.begin : h.end) != i) break;
      AppendMarker(out, kMarkerBase + static_cast<char32_t>(next));
      ++next;
    }
    if (i == content.size()) break;
    if (MarkerAt(content, i)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += 3;
      continue;
    }
    out += content[i];
  }
  return out;
}

std::string RenderMarkdown(std::string_view source) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_FOOTNOTES));
  for (const char* name : {"table", "autolink", "strikethrough"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), source.data(), source.size());
  std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));
  // Without CMARK_OPT_UNSAFE, raw HTML becomes a comment and javascript:, vbscript:,
  // file: and most data: URLs are dropped.
  std::unique_ptr<char, BufferDeleter> html(
      cmark_render_html(doc.get(), CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES,
                        cmark_parser_get_syntax_extensions(parser.get())));
  return html ? std::string(html.get()) : std::string();
}

// Swaps the markers in cmark's output for the highlights' markup.
class MarkerSwapper {
 public:
  explicit MarkerSwapper(const std::vector<Highlight>& highlights) : highlights_(highlights) {}

  std::string Run(std::string_view html) {
    std::string out;
    out.reserve(html.size() + highlights_.size() * 160);
    for (size_t i = 0; i < html.size(); ++i) {
      if (auto marker = MarkerAt(html, i)) {
        if (!in_tag_) Marker(*marker - kMarkerBase, out);
        i += 3;
        continue;
      }
      if (html[i] == '<') Tag(html.substr(i), out);
      if (html[i] == '>') in_tag_ = false;
      out += html[i];
    }
    CloseOpen(out);
    return out;
  }

 private:
  void Marker(size_t n, std::string& out) {
    const size_t index = n / 2;
    if (index >= highlights_.size()) return;
    if (n % 2 == 0) {
      CloseOpen(out);
      in_link_now_ = link_depth_ > 0;
      const Highlight& h = highlights_[index];
      out += in_link_now_ ? h.open_in_link : h.open;
      open_ = index;
    } else if (open_ == index) {
      CloseOpen(out);
    }
  }

  // An element boundary ends the open highlight: its markup must nest.
  void Tag(std::string_view rest, std::string& out) {
    CloseOpen(out);
    in_tag_ = true;
    if (rest.starts_with("<a ") || rest.starts_with("<a>")) ++link_depth_;
    if (rest.starts_with("</a>") && link_depth_ > 0) --link_depth_;
  }

  void CloseOpen(std::string& out) {
    if (!open_) return;
    const Highlight& h = highlights_[*open_];
    out += in_link_now_ ? h.close_in_link : h.close;
    open_.reset();
  }

  const std::vector<Highlight>& highlights_;
  std::optional<size_t> open_;
  bool in_link_now_ = false;
  bool in_tag_ = false;
  int link_depth_ = 0;
};

}  // namespace

size_t BodyStart(std::string_view content) {
  const size_t start = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  size_t eol = content.find('\n', start);
  if (eol == std::string_view::npos || !IsFence(content.substr(start, eol - start), false)) {
    return start;
  }
  for (size_t pos = eol + 1; pos < content.size();) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    if (IsFence(content.substr(pos, end - pos), true)) return std::min(end + 1, content.size());
    pos = end + 1;
  }
  return start;
}

std::string DraftHtml(std::string_view content, std::vector<Highlight> highlights) {
  const size_t body = BodyStart(content);
  std::vector<Highlight> usable = Usable(content, body, std::move(highlights));
  const std::string html = RenderMarkdown(MarkedSource(content, body, usable));
  return MarkerSwapper(usable).Run(html);
}

}  // namespace citecheck::report::internal
