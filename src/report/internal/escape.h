// Escaping for the markup languages the reports are written in, and small UTF-8 text
// helpers. Everything the draft or its sources wrote passes through one of these
// before it reaches an output, so that neither can inject markup.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_REPORT_INTERNAL_ESCAPE_H_
#define CITECHECK_REPORT_INTERNAL_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace citecheck::report::internal {

// Appends `s` with &, <, >, " and ' replaced by character references, safe in HTML
// text and in quoted attribute values. NUL bytes are dropped.
void AppendHtml(std::string& out, std::string_view s);
std::string Html(std::string_view s);

// `s` for XML 1.0 text and attributes: markup characters escaped, characters XML
// forbids (C0 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF)
// dropped, malformed UTF-8 replaced by U+FFFD.
std::string Xml(std::string_view s);

// `s` as literal inline Markdown text (GitHub-flavoured): ASCII punctuation that could
// start markup is backslash-escaped, line breaks become spaces. Safe in table cells.
std::string MarkdownText(std::string_view s);

// True for an absolute http or https URL (Boost.URL grammar): the only links the
// reports make clickable.
bool IsWebUrl(std::string_view url);

// The longest prefix of `s` of at most `max_bytes` that ends on a UTF-8 character
// boundary.
std::string_view Utf8Prefix(std::string_view s, size_t max_bytes);

// True when `pos` is 0, s.size(), or the first byte of a UTF-8 character in `s`.
bool IsCharBoundary(std::string_view s, size_t pos);

// `s` with runs of white space (including line breaks) collapsed to one space and
// trimmed.
std::string CollapseSpace(std::string_view s);

// An excerpt of `s` of about `width` bytes centred on [focus_begin, focus_end), on
// character boundaries, with "…" where it was cut. `*focus_begin` and `*focus_end`
// are moved to the same text in the excerpt. REQUIRES: focus_begin <= focus_end.
std::string Excerpt(std::string_view s, size_t width, size_t* focus_begin, size_t* focus_end);

}  // namespace citecheck::report::internal

#endif  // CITECHECK_REPORT_INTERNAL_ESCAPE_H_
