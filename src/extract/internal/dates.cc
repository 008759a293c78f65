#include "extract/internal/dates.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>

namespace citecheck::extract::internal {
namespace {

struct Token {
  enum Type { kNumber, kWord, kPunct } type;
  std::string_view text;
  bool spaced_before;  // whitespace separates it from the previous token
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || u >= 0x80;
}

// Splits `text` into digit runs, letter runs (non-ASCII bytes count as letters, so that
// "décembre" stays whole) and single punctuation marks; whitespace only sets
// `spaced_before`.
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool spaced = false;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      spaced = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    Token::Type type = Token::kPunct;
    if (IsDigit(c)) {
      type = Token::kNumber;
      while (j < text.size() && IsDigit(text[j])) ++j;
    } else if (IsWordByte(c)) {
      type = Token::kWord;
      while (j < text.size() && IsWordByte(text[j])) ++j;
    }
    tokens.push_back({type, text.substr(i, j - i), spaced});
    spaced = false;
    i = j;
  }
  return tokens;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string Format(int y, int m, int d) {
  if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) {
    return "";
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads token sequences starting at `i`; each Try* returns "" when it does not apply.
class Matcher {
 public:
  Matcher(const std::vector<Token>& t, DateOrder order) : t_(t), order_(order) {}

  std::string At(size_t i) const {
    std::string date = TryNumeric(i);
    if (date.empty()) date = TryDayMonthYear(i);
    if (date.empty()) date = TryMonthDayYear(i);
    return date;
  }

 private:
  bool Is(size_t i, Token::Type type) const { return i < t_.size() && t_[i].type == type; }
  bool IsPunct(size_t i, char c) const { return Is(i, Token::kPunct) && t_[i].text[0] == c; }
  bool IsNumber(size_t i, size_t min_len, size_t max_len) const {
    return Is(i, Token::kNumber) && t_[i].text.size() >= min_len && t_[i].text.size() <= max_len;
  }
  // Skips an ordinal suffix glued to a day ("1er", "21st") and a period or comma.
  size_t SkipOrdinal(size_t i) const;
  size_t SkipPunct(size_t i, char c) const { return IsPunct(i, c) ? i + 1 : i; }
  int Month(size_t i) const { return Is(i, Token::kWord) ? MonthFromName(t_[i].text) : 0; }

  std::string TryNumeric(size_t i) const;
  std::string TryDayMonthYear(size_t i) const;
  std::string TryMonthDayYear(size_t i) const;

  const std::vector<Token>& t_;
  const DateOrder order_;
};

size_t Matcher::SkipOrdinal(size_t i) const {
  if (Is(i, Token::kWord) && !t_[i].spaced_before) {
    static constexpr std::string_view kSuffixes[] = {"er", "re", "e", "st", "nd", "rd", "th"};
    for (std::string_view s : kSuffixes) {
      if (t_[i].text == s) return i + 1;
    }
  }
  return i;
}

// "2019-11-19", "2019/11/19", "19/11/2019", "19.11.2019", "11-19-2019".
std::string Matcher::TryNumeric(size_t i) const {
  if (i + 4 >= t_.size()) return "";
  const size_t a = i, b = i + 2, c = i + 4;
  if (!Is(a, Token::kNumber) || !Is(b, Token::kNumber) || !Is(c, Token::kNumber)) return "";
  if (!Is(a + 1, Token::kPunct) || !Is(b + 1, Token::kPunct)) return "";
  const char sep = t_[a + 1].text[0];
  if ((sep != '-' && sep != '/' && sep != '.') || t_[b + 1].text[0] != sep) return "";
  for (size_t k : {a + 1, b, b + 1, c}) {
    if (t_[k].spaced_before) return "";
  }
  if (IsNumber(a, 4, 4) && IsNumber(b, 1, 2) && IsNumber(c, 1, 2)) {
    return Format(ToInt(t_[a].text), ToInt(t_[b].text), ToInt(t_[c].text));
  }
  if (!IsNumber(a, 1, 2) || !IsNumber(b, 1, 2) || !IsNumber(c, 4, 4)) return "";
  const int x = ToInt(t_[a].text), y = ToInt(t_[b].text), year = ToInt(t_[c].text);
  const bool month_first = x <= 12 && (y > 12 || order_ == DateOrder::kMonthFirst);
  return month_first ? Format(year, x, y) : Format(year, y, x);
}

// "19 novembre 2019", "1er déc. 2019", "19th November, 2019", "Tue, 19 Nov 2019".
std::string Matcher::TryDayMonthYear(size_t i) const {
  if (!IsNumber(i, 1, 2)) return "";
  size_t k = SkipPunct(SkipOrdinal(i + 1), '.');
  const int month = Month(k);
  if (month == 0) return "";
  k = SkipPunct(SkipPunct(k + 1, '.'), ',');
  if (!IsNumber(k, 4, 4)) return "";
  return Format(ToInt(t_[k].text), month, ToInt(t_[i].text));
}

// "November 19, 2019", "Nov. 19 2019", "Nov 19th, 2019".
std::string Matcher::TryMonthDayYear(size_t i) const {
  const int month = Month(i);
  if (month == 0) return "";
  size_t k = SkipPunct(i + 1, '.');
  if (!IsNumber(k, 1, 2)) return "";
  const size_t day = k;
  k = SkipPunct(SkipOrdinal(k + 1), ',');
  if (!IsNumber(k, 4, 4)) return "";
  return Format(ToInt(t_[k].text), month, ToInt(t_[day].text));
}

struct MonthName {
  std::string_view name;
  int month;
};

// Folded (lower case) names and the abbreviations in use, with and without accents.
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},       {"janvier", 1},   {"janv", 1},     {"february", 2},
    {"feb", 2},       {"février", 2},   {"fevrier", 2},   {"févr", 2},     {"fevr", 2},
    {"fév", 2},       {"fev", 2},       {"march", 3},     {"mar", 3},      {"mars", 3},
    {"april", 4},     {"apr", 4},       {"avril", 4},     {"avr", 4},      {"may", 5},
    {"mai", 5},       {"june", 6},      {"jun", 6},       {"juin", 6},     {"july", 7},
    {"jul", 7},       {"juillet", 7},   {"juil", 7},      {"august", 8},   {"aug", 8},
    {"août", 8},      {"aout", 8},      {"september", 9}, {"sep", 9},      {"sept", 9},
    {"septembre", 9}, {"october", 10},  {"oct", 10},      {"octobre", 10}, {"november", 11},
    {"nov", 11},      {"novembre", 11}, {"december", 12}, {"dec", 12},     {"décembre", 12},
    {"decembre", 12}, {"déc", 12},
};

}  // namespace

int MonthFromName(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  if (word.size() < 3 || word.size() > 12) return 0;
  // Every month name starts with one of these letters; most words stop here.
  const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  if (std::string_view("jfmasond").find(first) == std::string_view::npos) return 0;
  std::string folded;
  const bool ascii = std::all_of(word.begin(), word.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    for (char c : word)
      folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  } else {
    icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())))
        .foldCase()
        .toUTF8String(folded);
  }
  for (const MonthName& m : kMonths) {
    if (folded == m.name) return m.month;
  }
  return 0;
}

std::string FindDate(std::string_view text, DateOrder order) {
  const std::vector<Token> tokens = Tokenize(text);
  const Matcher matcher(tokens, order);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].type == Token::kPunct) continue;
    std::string date = matcher.At(i);
    if (!date.empty()) return date;
  }
  return "";
}

}  // namespace citecheck::extract::internal
