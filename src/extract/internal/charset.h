// charset: decides which character encoding a body is in and converts it to UTF-8.
//
// The order follows the HTML standard's encoding sniffing: a byte order mark wins, then
// the charset the server sent, then a <meta charset> or <meta http-equiv> near the top
// of an HTML page; without any of them, a body that is valid UTF-8 is UTF-8, and
// anything else is detected statistically (ICU's charset detector). Labels map to
// encodings as browsers map them: "iso-8859-1", "latin1" and "us-ascii" all mean
// windows-1252, whose extra characters (curly quotes, the euro sign) pages rely on.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_EXTRACT_INTERNAL_CHARSET_H_
#define CITECHECK_EXTRACT_INTERNAL_CHARSET_H_

#include <string>
#include <string_view>

#include "common/status.h"

namespace citecheck::extract::internal {

// The encoding a label stands for, lower case ("ISO-8859-1" -> "windows-1252",
// "utf8" -> "utf-8"); other labels are returned trimmed and lower-cased, unquoted.
std::string NormalizeCharsetLabel(std::string_view label);

// "utf-8", "utf-16le" or "utf-16be" when `body` starts with that byte order mark,
// else "".
std::string_view BomCharset(std::string_view body);

// The charset declared by the first <meta charset="..."> or
// <meta http-equiv="Content-Type" content="...; charset=..."> in the first 4 KiB of
// `html`, normalized; "" when there is none.
std::string MetaCharset(std::string_view html);

// The charset ICU's detector finds most likely for `body` (markup is ignored),
// normalized; "" when it cannot tell.
std::string DetectCharset(std::string_view body);

struct CharsetDecision {
  std::string charset;  // normalized label, "utf-8" when the body needs no conversion
  size_t bom_size = 0;  // bytes of byte order mark to skip
  bool operator==(const CharsetDecision&) const = default;
};

// Decides the charset of `body` in the order above. `header_charset` may be ""; `is_html`
// enables the <meta> scan. A declared label ICU does not know is skipped, as browsers
// skip it.
CharsetDecision DecideCharset(std::string_view body, std::string_view header_charset, bool is_html);

// DecideCharset, then the body in UTF-8 without its BOM. Bytes invalid in the charset
// become U+FFFD. Errors: kResourceExhausted for bodies too large for ICU (over 512 MiB).
common::Result<std::string> DecodeToUtf8(std::string_view body, std::string_view header_charset,
                                         bool is_html);

// Converts `body` from `charset` (any label) to UTF-8. Errors: kInvalidArgument when
// the charset is unknown.
common::Result<std::string> ConvertToUtf8(std::string_view body, std::string_view charset);

// True when `s` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_CHARSET_H_
