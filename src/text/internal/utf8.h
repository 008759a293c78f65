// Small UTF-8 helpers shared by the text module's scanners. ICU's U8_ macros do the
// decoding; these wrappers only adapt them to std::string_view and size_t offsets.
#ifndef CITECHECK_TEXT_INTERNAL_UTF8_H_
#define CITECHECK_TEXT_INTERNAL_UTF8_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace citecheck::text::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at byte `i` of `s` and stores its encoded length in
// `*len` (at least 1). An ill-formed sequence decodes as U+FFFD and covers the bytes
// ICU's U8_NEXT treats as one maximal ill-formed subpart.
// REQUIRES: i < s.size().
inline char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  // Decoding from a window keeps ICU's int32_t indexes valid for inputs of any size.
  const int32_t window = static_cast<int32_t>(std::min<size_t>(s.size() - i, 4));
  int32_t j = 0;
  UChar32 c = 0;
  U8_NEXT(s.data() + i, j, window, c);
  *len = static_cast<size_t>(j);
  return c < 0 ? kReplacementChar : static_cast<char32_t>(c);
}

// Decodes the code point that ends just before byte `i`; `*len` gets its length.
// REQUIRES: i > 0.
inline char32_t DecodeBefore(std::string_view s, size_t i, size_t* len) {
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t l = 0;
  const char32_t c = DecodeAt(s, start, &l);
  if (start + l != i) {  // not a well-formed sequence ending at i
    *len = 1;
    return kReplacementChar;
  }
  *len = l;
  return c;
}

inline void AppendUtf8(char32_t c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
  if (error) {
    out->append("\xEF\xBF\xBD");
    return;
  }
  out->append(buf, static_cast<size_t>(n));
}

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// White space of any kind: ASCII blanks, NBSP, narrow NBSP, thin space, line and
// paragraph separators.
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// The spaces French and English typography put between digit groups ("1 200").
inline bool IsDigitGroupSpace(char32_t c) {
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

// ASCII apostrophe, typographic right/left single quotes, modifier letter apostrophe.
inline bool IsApostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

// Characters that join the parts of a compound word ("quatre-vingt", "TPE-PME").
inline bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Characters that separate the ends of a numeric range ("10-15", "10–15").
inline bool IsRangeDash(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2012;
}

// Letters and combining marks, the characters words are made of.
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(c);
  return u_isalpha(static_cast<UChar32>(c)) ||
         (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_M_MASK) != 0;
}

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_UTF8_H_
