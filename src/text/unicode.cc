// Fold, ToValidUtf8 and CountCodePoints.
//
// Fold has three paths. ASCII text is lower-cased byte by byte. Text whose non-ASCII
// characters all lie in Latin-1, Latin Extended-A/B or General Punctuation (nearly all
// French and English prose) is folded through a table computed once, at first use, by
// the ICU path itself, so both paths agree by construction. Anything else goes through
// ICU normalization and case mapping.
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/internal/fold.h"
#include "text/internal/utf8.h"
#include "text/text.h"

namespace citecheck::text {
namespace internal {
namespace {

// Marks removed by folding: the general-purpose combining diacritics blocks. Marks
// that belong to a script (Indic vowel signs, kana voicing marks) are kept because
// removing them changes the letter, not an accent.
bool IsStrippedMark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

bool IsApostropheLike(UChar32 c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x02BC || c == 0x0060 ||
         c == 0x00B4 || c == 0x2032 || c == 0xFF07;
}

bool IsQuoteLike(UChar32 c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB || c == 0x00BB ||
         c == 0x2033 || c == 0x2039 || c == 0x203A || c == 0xFF02;
}

// The punctuation and space mapping of Fold(); returns -1 to drop the code point.
UChar32 MapFolded(UChar32 c) {
  if (IsStrippedMark(c)) return -1;
  if (IsApostropheLike(c)) return '\'';
  if (IsQuoteLike(c)) return '"';
  if (c == '\n' || c == '\r') return c;
  if (c == 0x2028 || c == 0x2029 || c == 0x0085) return '\n';
  if (u_isUWhiteSpace(c)) return ' ';
  if (c == 0x2212 || u_charType(c) == U_DASH_PUNCTUATION) return '-';
  return c;
}

icu::UnicodeString MapAll(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    const UChar32 m = MapFolded(c);
    if (m >= 0) out.append(m);
  }
  return out;
}

// One entry of the fast table: the folded UTF-8 bytes of a single code point.
struct FoldEntry {
  char bytes[11] = {};
  uint8_t size = 0xFF;  // 0xFF: not foldable code point by code point
};

constexpr char32_t kLatinBegin = 0x80, kLatinEnd = 0x250;
constexpr char32_t kPunctBegin = 0x2000, kPunctEnd = 0x2070;
constexpr size_t kLatinSize = kLatinEnd - kLatinBegin;
constexpr size_t kTableSize = kLatinSize + (kPunctEnd - kPunctBegin);

using FoldTable = std::array<FoldEntry, kTableSize>;

FoldTable BuildFoldTable() {
  FoldTable table;
  auto fill = [&table](char32_t begin, char32_t end, size_t base) {
    for (char32_t c = begin; c < end; ++c) {
      std::string utf8;
      AppendUtf8(c, &utf8);
      const std::string folded = FoldWithIcu(utf8);
      FoldEntry& e = table[base + (c - begin)];
      if (folded.size() < sizeof(e.bytes)) {
        folded.copy(e.bytes, folded.size());
        e.size = static_cast<uint8_t>(folded.size());
      }
    }
  };
  fill(kLatinBegin, kLatinEnd, 0);
  fill(kPunctBegin, kPunctEnd, kLatinSize);
  return table;
}

const FoldEntry* FastEntry(char32_t c) {
  // Built once, on first use, and never modified afterwards.
  static const FoldTable kTable = BuildFoldTable();
  const FoldEntry* e = nullptr;
  if (c >= kLatinBegin && c < kLatinEnd) {
    e = &kTable[c - kLatinBegin];
  } else if (c >= kPunctBegin && c < kPunctEnd) {
    e = &kTable[kLatinSize + (c - kPunctBegin)];
  }
  return (e != nullptr && e->size != 0xFF) ? e : nullptr;
}

char FoldAscii(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c == '`') return '\'';
  if (c == '\t' || c == '\v' || c == '\f') return ' ';
  return c;
}

}  // namespace

std::string FoldWithIcu(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return ToValidUtf8(text);  // ICU data missing: best effort
  // fromUTF8 substitutes U+FFFD for ill-formed input. The spacing accents are mapped
  // before NFKD, which would otherwise turn "´" into a space and a mark.
  icu::UnicodeString s = MapAll(icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))));
  icu::UnicodeString d = nfkd->normalize(s, status);
  d.toLower(icu::Locale::getRoot());
  icu::UnicodeString out = nfc->normalize(MapAll(d), status);
  if (U_FAILURE(status)) return ToValidUtf8(text);
  std::string result;
  out.toUTF8String(result);
  return result;
}

bool AppendFoldedFast(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(FoldAscii(static_cast<char>(c)));
    return true;
  }
  const FoldEntry* e = FastEntry(c);
  if (e == nullptr) return false;
  out->append(e->bytes, e->size);
  return true;
}

}  // namespace internal

namespace {

// ICU's int32_t string lengths bound one slow-path call; larger inputs are folded in
// pieces cut before an ASCII space, where normalization cannot combine across.
constexpr size_t kMaxIcuChunk = size_t{1} << 28;

// Bytes that the fast path appended for `text` (which it folded entirely).
size_t FoldedSize(std::string_view text) {
  std::string scratch;
  for (size_t i = 0, len = 0; i < text.size(); i += len) {
    internal::AppendFoldedFast(internal::DecodeAt(text, i, &len), &scratch);
  }
  return scratch.size();
}

std::string FoldSlowChunked(std::string_view text) {
  std::string out;
  while (text.size() > kMaxIcuChunk) {
    size_t cut = text.rfind(' ', kMaxIcuChunk);
    if (cut == std::string_view::npos || cut == 0) cut = kMaxIcuChunk;
    out += internal::FoldWithIcu(text.substr(0, cut));
    text.remove_prefix(cut);
  }
  out += internal::FoldWithIcu(text);
  return out;
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Pieces between ASCII white space are folded independently: normalization and case
  // mapping never act across a space, so a piece that needs ICU does not send the
  // rest of the text down the slow path.
  size_t piece = 0;
  for (size_t i = 0; i < text.size();) {
    const char b = text[i];
    if (static_cast<unsigned char>(b) < 0x80) {
      if (b == ' ' || b == '\n') piece = i + 1;
      internal::AppendFoldedFast(static_cast<unsigned char>(b), &out);
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t c = internal::DecodeAt(text, i, &len);
    // U+FFFD from an ill-formed sequence is not in the table, so invalid input also
    // takes the ICU path, which substitutes the replacement character.
    if (internal::AppendFoldedFast(c, &out)) {
      i += len;
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
    out.resize(out.size() - FoldedSize(text.substr(piece, i - piece)));
    out += FoldSlowChunked(text.substr(piece, end - piece));
    i = piece = end;
  }
  return out;
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;  // text[copied, i) is valid and not yet appended
  for (size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t c = internal::DecodeAt(text, i, &len);
    const bool bad = c == internal::kReplacementChar && text.substr(i, len) != "\xEF\xBF\xBD";
    if (bad) {
      out.append(text.substr(copied, i - copied));
      out.append("\xEF\xBF\xBD");
      copied = i + len;
    }
    i += len;
  }
  out.append(text.substr(copied));
  return out;
}

size_t CountCodePoints(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++n) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    internal::DecodeAt(text, i, &len);
    i += len;
  }
  return n;
}

}  // namespace citecheck::text
