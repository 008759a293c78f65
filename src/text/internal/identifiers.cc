// Recognizes the text the quantity tokenizer must not read as numbers: web and e-mail
// addresses, domain paths and telephone numbers.
#include "text/internal/identifiers.h"

#include <array>
#include <string_view>

#include "text/internal/utf8.h"

namespace citecheck::text::internal {
namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool DigitAt(std::string_view s, size_t i) {
  return i < s.size() && IsAsciiDigit(static_cast<unsigned char>(s[i]));
}

size_t DigitsFrom(std::string_view s, size_t i) {
  size_t j = i;
  while (DigitAt(s, j)) ++j;
  return j - i;
}

bool AlnumAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  size_t len = 0;
  const char32_t c = DecodeAt(s, i, &len);
  return IsAsciiDigit(c) || IsWordChar(c);
}

// End of the run of non-space characters starting at `i`.
size_t ChunkEnd(std::string_view s, size_t i) {
  size_t len = 0;
  while (i < s.size() && !IsSpace(DecodeAt(s, i, &len))) i += len;
  return i;
}

}  // namespace

bool FindAddress(std::string_view text, size_t i, size_t* end) {
  const std::string_view rest = text.substr(i);
  // Cheap byte scan first: no '/' or '@' before the next ASCII space and no "www."
  // prefix rules out an address (nearly every word).
  bool candidate = StartsWithNoCase(rest, "www.");
  for (size_t j = i; j < text.size() && !candidate; ++j) {
    const char b = text[j];
    if (b == ' ' || b == '\n' || b == '\t' || b == '\r') break;
    candidate = b == '/' || b == '@';
  }
  if (!candidate) return false;
  size_t chunk = ChunkEnd(text, i);
  const std::string_view s = text.substr(i, chunk - i);
  bool url = StartsWithNoCase(rest, "http://") || StartsWithNoCase(rest, "https://") ||
             StartsWithNoCase(rest, "www.") || StartsWithNoCase(rest, "ftp://");
  if (!url) {
    const size_t at = s.find('@');
    const size_t slash = s.find('/');
    if (at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos) {
      url = true;
    } else if (slash != std::string_view::npos && slash > 0) {
      // A dot followed by two letters before the first slash: a host name.
      const size_t dot = s.rfind('.', slash);
      url = dot != std::string_view::npos && slash - dot > 2 &&
            IsAsciiAlpha(static_cast<unsigned char>(s[dot + 1])) &&
            IsAsciiAlpha(static_cast<unsigned char>(s[dot + 2]));
    }
  }
  if (!url) return false;
  // Trailing punctuation belongs to the sentence, not to the address.
  while (chunk > i &&
         std::string_view(".,;:!?)]}>\"'").find(text[chunk - 1]) != std::string_view::npos) {
    --chunk;
  }
  if (chunk >= i + 2 && text.substr(chunk - 2, 2) == "\xC2\xBB") chunk -= 2;  // "»"
  *end = chunk;
  return chunk > i;
}

bool FindPhoneNumber(std::string_view text, size_t i, size_t* end) {
  const bool plus = i > 0 && text[i - 1] == '+';
  std::array<size_t, 8> sizes{};
  int n = 0;
  size_t j = i;
  char32_t sep = 0;
  while (n < 8) {
    const size_t d = DigitsFrom(text, j);
    sizes[n++] = d;
    j += d;
    if (j >= text.size()) break;
    size_t len = 0;
    const char32_t c = DecodeAt(text, j, &len);
    if ((c != ' ' && c != 0xA0 && c != '.' && c != '-') || !DigitAt(text, j + len)) break;
    if (sep != 0 && c != sep) break;
    sep = c;
    j += len;
  }
  const bool leading_zero = text[i] == '0';
  bool phone = false;
  if (n == 1) {
    phone = leading_zero && sizes[0] >= 9 && sizes[0] <= 10;
  } else if (n == 5 && leading_zero && sizes[0] == 2) {
    phone = sizes[1] == 2 && sizes[2] == 2 && sizes[3] == 2 && sizes[4] == 2;
  } else if (n >= 3 && (sep == '-' || sep == '.')) {
    // "555-123-4567", "010-2448-6441"; not the thousands of "100.000.000".
    size_t total = 0;
    bool groups_ok = true, thousands = sizes[0] <= 3;
    for (int k = 0; k < n; ++k) {
      total += sizes[k];
      groups_ok = groups_ok && sizes[k] >= 2 && sizes[k] <= 4;
      if (k > 0) thousands = thousands && sizes[k] == 3;
    }
    phone = groups_ok && total >= 9 && !thousands;
  }
  if (plus && n >= 3) {
    size_t total = 0;
    bool small = true;
    for (int k = 0; k < n; ++k) {
      total += sizes[k];
      small = small && sizes[k] <= 4;
    }
    phone = phone || (small && total >= 8);
  }
  if (!phone || AlnumAt(text, j)) return false;
  *end = j;
  return true;
}

}  // namespace citecheck::text::internal
