#include "extract/internal/charset.h"

#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

#include "extract/internal/block_builder.h"

namespace citecheck::extract::internal {
namespace {

// The HTML standard looks for <meta charset> in the first 1024 bytes; pages that put a
// long comment or script first push it further, and a wider window costs little.
constexpr size_t kMetaScanBytes = 4096;

// The detector needs a sample, not the whole page.
constexpr size_t kDetectBytes = 64 * 1024;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
using DetectorPtr = std::unique_ptr<UCharsetDetector, DetectorCloser>;

struct Alias {
  std::string_view label;
  std::string_view encoding;
};

// Labels browsers read as another encoding than their name says (WHATWG Encoding
// standard, the single-byte table and the CJK legacy entries).
constexpr Alias kAliases[] = {
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"iso_8859-1:1987", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"csisolatin1", "windows-1252"},
    {"iso-ir-100", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"iso8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"tis-620", "windows-874"},
    {"iso-8859-11", "windows-874"},
    {"gb2312", "gbk"},
    {"x-gbk", "gbk"},
    {"csgb2312", "gbk"},
    {"euc-kr", "windows-949"},
    {"ks_c_5601-1987", "windows-949"},
    {"utf-16", "utf-16le"},
    {"x-sjis", "shift_jis"},
    {"sjis", "shift_jis"},
    {"ms_kanji", "shift_jis"},
    {"x-user-defined", "windows-1252"},
};

bool IsLabelByte(char c) {
  return !std::isspace(static_cast<unsigned char>(c)) && c != ';' && c != '"' && c != '\'' &&
         c != '>' && c != '/' && c != ',';
}

// The value after "charset" in a tag's text: skips spaces and '=' and an opening
// quote, and stops at the end of the label.
std::string LabelAfterCharset(std::string_view tag, size_t pos) {
  pos += 7;  // "charset"
  while (pos < tag.size() && tag[pos] == ' ') ++pos;
  if (pos >= tag.size() || tag[pos] != '=') return "";
  ++pos;
  while (pos < tag.size() && (tag[pos] == ' ' || tag[pos] == '"' || tag[pos] == '\'')) {
    ++pos;
  }
  size_t end = pos;
  while (end < tag.size() && IsLabelByte(tag[end])) ++end;
  return NormalizeCharsetLabel(tag.substr(pos, end - pos));
}

size_t FindNoCase(std::string_view s, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (strncasecmp(s.data() + i, needle.data(), needle.size()) == 0) return i;
  }
  return std::string_view::npos;
}

// True when `body` is UTF-8 with at most a few stray bytes: a page pasted together from
// sources with one Latin-1 byte in it is still a UTF-8 page, and reading the whole of it
// as windows-1252 would garble every accented letter.
bool MostlyUtf8(std::string_view body) {
  const auto* p = reinterpret_cast<const uint8_t*>(body.data());
  const int64_t n = static_cast<int64_t>(body.size());
  int64_t valid = 0, invalid = 0;
  for (int64_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    ++(c < 0 ? invalid : valid);
  }
  return invalid == 0 || (valid >= 8 && invalid * 10 <= valid);
}

}  // namespace

std::string NormalizeCharsetLabel(std::string_view label) {
  while (!label.empty() && (std::isspace(static_cast<unsigned char>(label.front())) ||
                            label.front() == '"' || label.front() == '\'')) {
    label.remove_prefix(1);
  }
  while (!label.empty() && (std::isspace(static_cast<unsigned char>(label.back())) ||
                            label.back() == '"' || label.back() == '\'')) {
    label.remove_suffix(1);
  }
  std::string lower(label);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Alias& a : kAliases) {
    if (lower == a.label) return std::string(a.encoding);
  }
  return lower;
}

std::string_view BomCharset(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) return "utf-8";
  if (body.starts_with("\xFF\xFE")) return "utf-16le";
  if (body.starts_with("\xFE\xFF")) return "utf-16be";
  return "";
}

std::string MetaCharset(std::string_view html) {
  const std::string_view head = html.substr(0, kMetaScanBytes);
  for (size_t pos = FindNoCase(head, "<meta", 0); pos != std::string_view::npos;
       pos = FindNoCase(head, "<meta", pos + 5)) {
    size_t end = head.find('>', pos);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view tag = head.substr(pos, end - pos);
    const size_t at = FindNoCase(tag, "charset", 0);
    if (at == std::string_view::npos) continue;
    std::string label = LabelAfterCharset(tag, at);
    if (!label.empty()) return label;
  }
  return "";
}

std::string DetectCharset(std::string_view body) {
  UErrorCode err = U_ZERO_ERROR;
  DetectorPtr detector(ucsdet_open(&err));
  if (U_FAILURE(err)) return "";
  ucsdet_enableInputFilter(detector.get(), true);
  const std::string_view sample = body.substr(0, kDetectBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &err);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &err);
  if (U_FAILURE(err) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &err);
  if (U_FAILURE(err) || name == nullptr) return "";
  return NormalizeCharsetLabel(name);
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int64_t n = static_cast<int64_t>(s.size());
  for (int64_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

common::Result<std::string> ConvertToUtf8(std::string_view body, std::string_view charset) {
  const std::string name = NormalizeCharsetLabel(charset);
  if (name == "utf-8") {
    std::string out;
    AppendValidUtf8(body, &out);
    return out;
  }
  // ICU converts through int32_t lengths; at 3 output bytes per input byte at most.
  constexpr size_t kMaxInput = (size_t{1} << 31) / 4;
  if (body.size() > kMaxInput) {
    return common::Status::ResourceExhausted("body too large to convert from " + name);
  }
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &err));
  if (U_FAILURE(err)) {
    return common::Status::InvalidArgument("unknown charset \"" + name + "\"");
  }
  std::string out(body.size() * 3 + 4, '\0');
  const int32_t len =
      ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), out.data(), static_cast<int32_t>(out.size()),
                         body.data(), static_cast<int32_t>(body.size()), &err);
  if (U_FAILURE(err)) {
    return common::Status::InvalidArgument("cannot convert from charset \"" + name +
                                           "\": " + u_errorName(err));
  }
  out.resize(static_cast<size_t>(len));
  return out;
}

namespace {

// True when ICU has a converter for `name`; unknown labels are skipped as browsers
// skip them.
bool KnownCharset(const std::string& name) {
  if (name.empty()) return false;
  if (name == "utf-8") return true;
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &err));
  return U_SUCCESS(err);
}

}  // namespace

CharsetDecision DecideCharset(std::string_view body, std::string_view header_charset,
                              bool is_html) {
  if (const std::string_view bom = BomCharset(body); !bom.empty()) {
    return {std::string(bom), bom == "utf-8" ? size_t{3} : size_t{2}};
  }
  std::string charset = NormalizeCharsetLabel(header_charset);
  if (!KnownCharset(charset) && is_html) {
    charset = MetaCharset(body);
    // A page that can declare itself in ASCII is not UTF-16 (HTML standard).
    if (charset.starts_with("utf-16")) charset = "utf-8";
  }
  if (!KnownCharset(charset)) {
    charset = MostlyUtf8(body) ? "utf-8" : DetectCharset(body);
    if (!KnownCharset(charset)) charset = "windows-1252";
  }
  return {charset, 0};
}

common::Result<std::string> DecodeToUtf8(std::string_view body, std::string_view header_charset,
                                         bool is_html) {
  const CharsetDecision decision = DecideCharset(body, header_charset, is_html);
  return ConvertToUtf8(body.substr(decision.bom_size), decision.charset);
}

}  // namespace citecheck::extract::internal
