// SplitSentences and Words, on ICU break iterators.
//
// Creating an ICU BreakIterator loads and compiles its rules, which costs far more
// than splitting a short passage, and an iterator is not safe to share between
// threads. Each thread therefore keeps its own iterators (thread_local), created on
// first use; the functions stay safe to call concurrently. The text is handed to ICU
// as UTF-8 through UText, so boundaries come back as byte offsets.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "text/internal/utf8.h"
#include "text/text.h"

namespace citecheck::text {
namespace {

using internal::DecodeAt;
using internal::DecodeBefore;
using internal::IsSpace;

struct UTextCloser {
  void operator()(UText* t) const { utext_close(t); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

icu::BreakIterator* CachedIterator(bool sentence, Lang lang) {
  thread_local std::array<std::unique_ptr<icu::BreakIterator>, 4> cache;
  const size_t slot = sentence ? 1 + static_cast<size_t>(lang) : 0;
  if (!cache[slot]) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = lang == Lang::kFr   ? icu::Locale::getFrench()
                               : lang == Lang::kEn ? icu::Locale::getEnglish()
                                                   : icu::Locale::getRoot();
    cache[slot].reset(sentence ? icu::BreakIterator::createSentenceInstance(locale, status)
                               : icu::BreakIterator::createWordInstance(locale, status));
    if (U_FAILURE(status)) cache[slot].reset();
  }
  return cache[slot].get();
}

// Points `it` at `text`; the returned UText must outlive the iteration.
UTextPtr Attach(icu::BreakIterator* it, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) return nullptr;
  it->setText(ut.get(), status);
  if (U_FAILURE(status)) return nullptr;
  return ut;
}

// Abbreviations after which a period does not end a sentence (compared with the
// characters between the preceding space or bracket and the period).
constexpr std::string_view kAbbreviations[] = {
    "M",    "MM",   "Mme",  "Mmes", "Mlle", "Mlles", "Me",  "Mgr",    "Dr",   "Drs",  "Pr",  "Prof",
    "St",   "Ste",  "Mr",   "Mrs",  "Ms",   "Jr",    "Sr",  "etc",    "cf",   "Cf",   "vs",  "env",
    "ex",   "p",    "pp",   "e.g",  "i.e",  "U.S",   "U.K", "U.S.A",  "J.-C", "av",   "apr", "fig",
    "Fig",  "vol",  "Vol",  "no",   "No",   "n",     "art", "Art",    "al",   "éd",   "ed",  "coll",
    "chap", "janv", "févr", "avr",  "juil", "sept",  "oct", "nov",    "déc",  "Jan",  "Feb", "Mar",
    "Apr",  "Aug",  "Sep",  "Sept", "Oct",  "Nov",   "Dec", "approx", "ca",   "resp", "tél", "Tél",
    "Cie",  "Sté",  "Inc",  "Ltd",  "Co",   "Corp",  "Gen", "Gén",    "Sen",  "Rep",  "Gov"};

// True when the text before `b` ends with a period that does not end a sentence:
// after an abbreviation, an initial ("J. Dupont"), or between digits ("1. 200").
bool AbbreviationBefore(std::string_view text, size_t b, size_t next) {
  size_t end = b, len = 0;
  while (end > 0) {
    const char32_t c = DecodeBefore(text, end, &len);
    if (!IsSpace(c)) break;
    if (c == '\n' || c == '\r' || c == 0x2029) return false;  // a line break ends it anyway
    end -= len;
  }
  if (end == 0 || text[end - 1] != '.') return false;
  const size_t dot = end - 1;
  size_t start = dot;
  while (start > 0) {
    const char32_t c = DecodeBefore(text, start, &len);
    if (IsSpace(c) || c == '(' || c == '[' || c == 0xAB || c == '"') break;
    start -= len;
  }
  const std::string_view word = text.substr(start, dot - start);
  for (std::string_view a : kAbbreviations) {
    if (word == a) return true;
  }
  if (!word.empty()) {
    size_t wl = 0;
    const char32_t first = DecodeAt(word, 0, &wl);
    if (wl == word.size() && u_isupper(static_cast<UChar32>(first))) return true;  // initial
    const bool digit_before = internal::IsAsciiDigit(static_cast<unsigned char>(word.back()));
    if (digit_before && next < text.size() &&
        internal::IsAsciiDigit(static_cast<unsigned char>(text[next]))) {
      return true;
    }
  }
  return false;
}

void PushTrimmed(std::string_view text, size_t begin, size_t end, std::vector<Span>* out) {
  size_t len = 0;
  while (begin < end && IsSpace(DecodeAt(text, begin, &len))) begin += len;
  while (end > begin && IsSpace(DecodeBefore(text, end, &len))) end -= len;
  if (end > begin) out->push_back({begin, end});
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, Lang lang) {
  std::vector<Span> out;
  icu::BreakIterator* it = CachedIterator(/*sentence=*/true, lang);
  const UTextPtr ut = it != nullptr ? Attach(it, text) : nullptr;
  if (ut == nullptr) {
    PushTrimmed(text, 0, text.size(), &out);
    return out;
  }
  size_t start = 0;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    const size_t pos = static_cast<size_t>(b);
    if (pos < text.size()) {
      size_t next = pos, len = 0;
      while (next < text.size() && IsSpace(DecodeAt(text, next, &len))) next += len;
      if (AbbreviationBefore(text, pos, next)) continue;
    }
    PushTrimmed(text, start, pos, &out);
    start = pos;
  }
  PushTrimmed(text, start, text.size(), &out);
  it->setText(icu::UnicodeString());  // drop the reference to `text`
  return out;
}

namespace {

bool IsWordHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool HasLetter(std::string_view s) {
  for (size_t i = 0, len = 0; i < s.size(); i += len) {
    if (internal::IsWordChar(DecodeAt(s, i, &len))) return true;
  }
  return false;
}

// "1 200", "12 500 000": a 3-digit group after a short number and one space.
bool JoinsDigitGroup(std::string_view text, const Word& a, const Word& b) {
  if (!a.is_number || !b.is_number) return false;
  const std::string_view first = text.substr(a.span.begin, a.span.size());
  if (first.find_first_of(",.") != std::string_view::npos) return false;
  size_t gap_len = 0;
  if (!internal::IsDigitGroupSpace(DecodeAt(text, a.span.end, &gap_len)) ||
      a.span.end + gap_len != b.span.begin) {
    return false;
  }
  const size_t head = first.find_first_of(" \xC2\xE2");  // first group of a joined number
  const size_t first_group = head == std::string_view::npos ? first.size() : head;
  const std::string_view next = text.substr(b.span.begin, b.span.size());
  const size_t digits = next.find_first_not_of("0123456789");
  const size_t n = digits == std::string_view::npos ? next.size() : digits;
  return first_group <= 3 && n == 3 && (n == next.size() || next[n] == ',' || next[n] == '.');
}

// Splits "l'adoption" into "l'" and "adoption" (also with a typographic apostrophe).
void SplitElision(std::string_view text, Word w, std::vector<Word>* out) {
  static constexpr std::string_view kPrefixes[] = {
      "l",  "d",     "j",      "m",      "n",      "s",      "t",     "c",
      "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};
  const std::string_view s = text.substr(w.span.begin, w.span.size());
  for (size_t i = 0, len = 0; i < s.size() && i <= 6; i += len) {
    const char32_t c = DecodeAt(s, i, &len);
    if (!internal::IsApostrophe(c)) continue;
    std::string prefix;
    for (char ch : s.substr(0, i)) prefix.push_back(internal::AsciiLower(ch));
    bool elided = false;
    for (std::string_view p : kPrefixes) elided = elided || prefix == p;
    if (!elided || i + len >= s.size()) break;
    out->push_back({{w.span.begin, w.span.begin + i + len}, prefix + "'", false});
    w.span.begin += i + len;
    break;
  }
  const std::string_view rest = text.substr(w.span.begin, w.span.size());
  size_t len = 0;
  if (!rest.empty() && u_isupper(static_cast<UChar32>(DecodeAt(rest, 0, &len)))) {
    size_t second_len = 0;
    w.title_case =
        len >= rest.size() || u_islower(static_cast<UChar32>(DecodeAt(rest, len, &second_len)));
  }
  w.folded = Fold(rest);
  out->push_back(std::move(w));
}

}  // namespace

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> out;
  icu::BreakIterator* it = CachedIterator(/*sentence=*/false, Lang::kUnknown);
  const UTextPtr ut = it != nullptr ? Attach(it, text) : nullptr;
  if (ut == nullptr) return out;
  out.reserve(text.size() / 6 + 1);
  // A word is finished (split and folded) only once the next one shows it cannot be
  // joined to it by a hyphen or a digit-group space.
  std::optional<Word> pending;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    const int32_t status = it->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    const bool number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
    Word w{{static_cast<size_t>(start), static_cast<size_t>(end)}, "", number};
    if (pending) {
      Word& prev = *pending;
      size_t len = 0;
      const bool hyphen = prev.span.end < text.size() &&
                          IsWordHyphen(DecodeAt(text, prev.span.end, &len)) &&
                          prev.span.end + len == w.span.begin;
      const bool letters = !prev.is_number || !w.is_number;
      if ((hyphen && letters) || JoinsDigitGroup(text, prev, w)) {
        prev.span.end = w.span.end;
        prev.is_number = prev.is_number && w.is_number &&
                         !HasLetter(text.substr(prev.span.begin, prev.span.size()));
        continue;
      }
      SplitElision(text, std::move(prev), &out);
    }
    pending = std::move(w);
  }
  if (pending) SplitElision(text, std::move(*pending), &out);
  it->setText(icu::UnicodeString());
  return out;
}

}  // namespace citecheck::text
