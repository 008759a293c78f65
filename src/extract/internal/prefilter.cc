#include "extract/internal/prefilter.h"

#include <strings.h>

#include <cctype>
#include <cstring>

namespace citecheck::extract::internal {
namespace {

bool IsTagNameEnd(char c) {
  return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// True when `s` at `pos` starts with `prefix` (ASCII, case-insensitive) followed by
// the end of a tag name.
bool StartsTag(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos <= prefix.size()) return false;
  return strncasecmp(s.data() + pos, prefix.data(), prefix.size()) == 0 &&
         IsTagNameEnd(s[pos + prefix.size()]);
}

// Position one past the '>' that closes the tag opened at `lt`, skipping quoted
// attribute values; s.size() when it is never closed.
size_t EndOfTag(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Only a quote right after '=' (possibly spaced) opens a value; a stray quote in
      // a malformed tag must not swallow the page.
      size_t k = i;
      while (k > lt && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n')) --k;
      if (k > lt && s[k - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

// Start of the end tag "</name" at or after `from` (name case-insensitive, followed by
// the end of a tag name), or s.size().
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (hit == nullptr) return s.size();
    const size_t lt = static_cast<const char*>(hit) - s.data();
    if (lt + 1 < s.size() && s[lt + 1] == '/' && StartsTag(s, lt + 2, name)) return lt;
    from = lt + 1;
  }
  return s.size();
}

bool IsJsonLd(std::string_view start_tag) {
  static constexpr std::string_view kType = "ld+json";
  for (size_t i = 0; i + kType.size() <= start_tag.size(); ++i) {
    if (strncasecmp(start_tag.data() + i, kType.data(), kType.size()) == 0) return true;
  }
  return false;
}

// Skips the raw-text element whose start tag begins at `lt`; returns the position after
// its end tag. Keeps the body of a JSON-LD script.
size_t SkipElement(std::string_view s, size_t lt, std::string_view name, PrefilteredHtml* out) {
  const size_t body = EndOfTag(s, lt);
  if (body >= s.size()) return s.size();
  const size_t end_tag = FindEndTag(s, body, name);
  if (name == "script" && IsJsonLd(s.substr(lt, body - lt))) {
    out->json_ld.emplace_back(s.substr(body, end_tag - body));
  }
  if (end_tag >= s.size()) return s.size();
  return EndOfTag(s, end_tag);
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool ContainsNoCase(std::string_view s, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (strncasecmp(s.data() + i, needle.data(), needle.size()) == 0) return true;
  }
  return false;
}

// The attributes extraction reads. Everything else (srcset, data-*, event handlers,
// anchors' href) is dropped before gumbo copies it into its tree.
bool KeepsAttribute(std::string_view tag, std::string_view name, std::string_view value) {
  static constexpr std::string_view kAlways[] = {
      "class", "id",       "role",     "hidden",  "aria-hidden", "itemprop",
      "lang",  "xml:lang", "datetime", "pubdate", "content",     "rel",
  };
  for (std::string_view keep : kAlways) {
    if (EqualsNoCase(name, keep)) return true;
  }
  if (EqualsNoCase(name, "style")) {
    return ContainsNoCase(value, "none") || ContainsNoCase(value, "hidden");
  }
  if (EqualsNoCase(tag, "meta")) {
    return EqualsNoCase(name, "name") || EqualsNoCase(name, "property") ||
           EqualsNoCase(name, "http-equiv") || EqualsNoCase(name, "charset");
  }
  return EqualsNoCase(tag, "link") && EqualsNoCase(name, "href");
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && IsSpace(s[pos])) ++pos;
  return pos;
}

// End of the attribute value starting at `pos` (after '=' and spaces).
size_t EndOfValue(std::string_view s, size_t pos) {
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) {
    const size_t close = s.find(s[pos], pos + 1);
    return close == std::string_view::npos ? s.size() : close + 1;
  }
  while (pos < s.size() && !IsSpace(s[pos]) && s[pos] != '>') ++pos;
  return pos;
}

// Copies the start tag at `lt` with only the attributes KeepsAttribute accepts, the
// way the HTML tokenizer splits attributes; returns the position after the tag.
size_t CopyStartTag(std::string_view s, size_t lt, std::string* out) {
  size_t pos = lt + 1;
  while (pos < s.size() && !IsTagNameEnd(s[pos])) ++pos;
  const std::string_view tag = s.substr(lt + 1, pos - lt - 1);
  out->append(s.substr(lt, pos - lt));
  while (true) {
    pos = SkipSpaces(s, pos);
    if (pos >= s.size()) return s.size();
    if (s[pos] == '>') {
      out->push_back('>');
      return pos + 1;
    }
    if (s[pos] == '/') {
      out->push_back('/');
      ++pos;
      continue;
    }
    const size_t start = pos++;
    while (pos < s.size() && !IsSpace(s[pos]) && s[pos] != '/' && s[pos] != '>' && s[pos] != '=') {
      ++pos;
    }
    const std::string_view name = s.substr(start, pos - start);
    size_t end = pos;
    std::string_view value;
    if (const size_t eq = SkipSpaces(s, pos); eq < s.size() && s[eq] == '=') {
      const size_t value_start = SkipSpaces(s, eq + 1);
      end = EndOfValue(s, value_start);
      value = s.substr(value_start, end - value_start);
    }
    if (KeepsAttribute(tag, name, value)) {
      out->push_back(' ');
      out->append(s.substr(start, end - start));
    }
    pos = end;
  }
}

// Returns the position after the construct at `lt` when it is one we drop, or `lt`.
size_t SkipDropped(std::string_view s, size_t lt, PrefilteredHtml* out) {
  if (s.compare(lt, 4, "<!--") == 0) {
    // Searching from "<!" also ends the abrupt empty comments "<!-->" and "<!--->".
    const size_t close = s.find("-->", lt + 2);
    return close == std::string_view::npos ? s.size() : close + 3;
  }
  for (std::string_view name : {"script", "style", "svg"}) {
    if (StartsTag(s, lt + 1, name)) return SkipElement(s, lt, name, out);
  }
  return lt;
}

}  // namespace

PrefilteredHtml Prefilter(std::string_view html) {
  PrefilteredHtml out;
  // One allocation: the output is never longer than the input.
  out.html.reserve(html.size());
  size_t pos = 0;
  while (pos < html.size()) {
    const void* hit = std::memchr(html.data() + pos, '<', html.size() - pos);
    if (hit == nullptr) break;
    const size_t lt = static_cast<const char*>(hit) - html.data();
    out.html.append(html.substr(pos, lt - pos));
    const size_t next = SkipDropped(html, lt, &out);
    if (next != lt) {
      pos = next;
    } else if (lt + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[lt + 1]))) {
      pos = CopyStartTag(html, lt, &out.html);
    } else {
      out.html.push_back('<');
      pos = lt + 1;
    }
  }
  if (pos < html.size()) out.html.append(html.substr(pos));
  return out;
}

}  // namespace citecheck::extract::internal
