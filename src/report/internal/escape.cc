#include "report/internal/escape.h"

#include <algorithm>
#include <boost/url/parse.hpp>

namespace citecheck::report::internal {
namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0 when it is malformed
// (overlong forms, surrogates and code points above U+10FFFF included).
size_t SequenceLength(std::string_view s, size_t i, char32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return *cp = c, 1;
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  char32_t v = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(k) & 0x3F);
  }
  const bool overlong = (n == 3 && v < 0x800) || (n == 4 && v < 0x10000);
  if (overlong || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  return *cp = v, n;
}

bool XmlAllowed(char32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

void AppendHtml(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        break;
      default:
        out += c;
    }
  }
}

std::string Html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  AppendHtml(out, s);
  return out;
}

std::string Xml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t n = SequenceLength(s, i, &cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    if (XmlAllowed(cp)) {
      if (n == 1)
        AppendHtml(out, s.substr(i, 1));
      else
        out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string MarkdownText(std::string_view s) {
  // Every ASCII punctuation character may be backslash-escaped in CommonMark; only
  // those that can open or close markup (GitHub's tables, autolinks and HTML
  // included) are, to keep the text readable.
  static constexpr std::string_view kSpecial = "\\`*_{}[]()<>#+-.!|~&:";
  std::string out;
  for (char c : CollapseSpace(s)) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

bool IsWebUrl(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return false;
  const auto scheme = parsed->scheme_id();
  return (scheme == boost::urls::scheme::http || scheme == boost::urls::scheme::https) &&
         parsed->has_authority() && !parsed->host().empty();
}

bool IsCharBoundary(std::string_view s, size_t pos) {
  if (pos == 0 || pos == s.size()) return true;
  return pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

std::string_view Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && !IsCharBoundary(s, end)) --end;
  return s.substr(0, end);
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string Excerpt(std::string_view s, size_t width, size_t* focus_begin, size_t* focus_end) {
  *focus_end = std::min(*focus_end, s.size());
  *focus_begin = std::min(*focus_begin, *focus_end);
  if (s.size() <= width) return std::string(s);
  const size_t focus = *focus_end - *focus_begin;
  const size_t room = width > focus ? (width - focus) / 2 : 0;
  size_t begin = *focus_begin > room ? *focus_begin - room : 0;
  size_t end = std::min(s.size(), std::max(*focus_end + room, begin + width));
  while (!IsCharBoundary(s, begin)) --begin;
  while (!IsCharBoundary(s, end)) ++end;
  std::string out = begin > 0 ? "…" : "";
  const size_t shift = out.size();
  out.append(s.substr(begin, end - begin));
  if (end < s.size()) out += "…";
  *focus_begin = *focus_begin - begin + shift;
  *focus_end = *focus_end - begin + shift;
  return out;
}

}  // namespace citecheck::report::internal

namespace citecheck::report {

std::string EscapeHtml(std::string_view s) { return internal::Html(s); }

}  // namespace citecheck::report
