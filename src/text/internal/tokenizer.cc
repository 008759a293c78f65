// Tokenizer of the quantity recognizer. It decides everything that depends on
// characters rather than words: digit groups and decimal marks, numeric dates, and
// which digit strings are identifiers rather than numbers.
#include "text/internal/tokenizer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <string_view>

#include "text/internal/fold.h"
#include "text/internal/identifiers.h"
#include "text/internal/utf8.h"

namespace citecheck::text::internal {
namespace {

// A unit of length followed by the digit of its power ("m2", "km2", "m3"), the word
// ending there.
bool IsPowerOfMetres(std::string_view key, char32_t digit, bool alnum_after) {
  return (key == "m" || key == "km" || key == "cm" || key == "mm") &&
         (digit == '2' || digit == '3') && !alnum_after;
}

// Elided French words: "l'adoption" is "l'" + "adoption".
constexpr std::string_view kElisions[] = {"l",      "d",      "j",      "m",      "n",
                                          "s",      "t",      "c",      "qu",     "jusqu",
                                          "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"};

bool IsElision(std::string_view key) {
  for (std::string_view e : kElisions) {
    if (key == e) return true;
  }
  return false;
}

// A digit group of a number being scanned.
struct Group {
  size_t begin = 0;
  size_t size = 0;
};

// The digit groups of a candidate numeric date.
struct DateParts {
  size_t n[3] = {0, 0, 0};  // digits in each group; n[2] == 0 for two groups
  int v[3] = {0, 0, 0};
  char32_t sep = 0;
};

struct ScannedNumber {
  size_t end = 0;  // byte after the last digit used
  double value = 0;
  int decimals = 0;
  int int_digits = 0;
  bool grouped = false;
  bool plain = false;
  bool version = false;  // "1.2.3": not a number at all
};

void AddSense(const LexEntry* e, Token* t) {
  if (e == nullptr) return;
  t->flags |= e->flags;
  if (e->cardinal >= 0 || e->multiplier > 0 || e->ordinal > 0 || e->approx_noun > 0) {
    t->roles |= kRoleNumber;
  }
  if (e->month > 0) t->roles |= kRoleMonth;
  if (e->multiplier_word > 0) t->roles |= kRoleMultiplier;
  if (e->unit != Unit::kNone) t->roles |= kRoleUnit;
  if (e->scale > 0) t->roles |= kRoleScale;
  if (e->denominator > 0) t->roles |= kRoleDenominator;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Lang lang) : text_(text), lang_(lang) {
    out_.text = text;
    out_.keys.reserve(text.size() + 16);
    out_.tokens.reserve(text.size() / 4 + 4);
  }

  TokenList Run();

 private:
  char32_t At(size_t i, size_t* len) const {
    if (i >= text_.size()) {
      *len = 0;
      return 0;
    }
    return DecodeAt(text_, i, len);
  }
  char32_t At(size_t i) const {
    size_t len = 0;
    return At(i, &len);
  }
  bool DigitAt(size_t i) const {
    return i < text_.size() && IsAsciiDigit(static_cast<unsigned char>(text_[i]));
  }
  size_t DigitsFrom(size_t i) const {
    size_t j = i;
    while (DigitAt(j)) ++j;
    return j - i;
  }
  bool AlnumAt(size_t i) const {
    if (i >= text_.size()) return false;
    const char32_t c = At(i);
    return IsAsciiDigit(c) || IsWordChar(c);
  }

  Token& Push(TokenType type, size_t begin, size_t end) {
    Token& t = out_.tokens.emplace_back();
    t.type = type;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.space_before = space_;
    t.key_begin = static_cast<uint32_t>(out_.keys.size());
    space_ = false;
    return t;
  }
  void SetRawKey(Token& t) {
    out_.keys.append(text_.substr(t.begin, t.end - t.begin));
    t.key_size = static_cast<uint32_t>(out_.keys.size() - t.key_begin);
  }

  size_t OpaqueEnd(size_t i) const;
  void PushOpaque(size_t begin, size_t end);
  void AbsorbIntoOpaque(size_t from, size_t end);
  size_t ScanWord(size_t i);
  size_t ScanLetters(size_t i, Token* t);
  size_t ScanNumeric(size_t i);
  bool TryNumericDate(size_t i, size_t* end);
  bool ReadDateParts(size_t i, DateParts* p, size_t* stop) const;
  bool ResolveDate(const DateParts& p, int* year, int* month, int* day) const;
  ScannedNumber ScanNumber(size_t i) const;
  ScannedNumber Interpret(const std::array<Group, 8>& groups, const std::array<char32_t, 8>& seps,
                          int n) const;
  size_t ScanSuffix(size_t number_begin, size_t i);

  const std::string_view text_;
  const Lang lang_;
  TokenList out_;
  bool space_ = false;  // white space seen since the last token
};

// End of an identifier starting at `i`: letters, digits and the joiners . _ - / when
// followed by a letter or digit.
size_t Tokenizer::OpaqueEnd(size_t i) const {
  size_t len = 0;
  while (i < text_.size()) {
    const char32_t c = At(i, &len);
    if (IsAsciiDigit(c) || IsWordChar(c)) {
      i += len;
    } else if ((c == '.' || c == '_' || IsHyphen(c) || c == '/') && AlnumAt(i + len)) {
      i += len;
    } else {
      break;
    }
  }
  return i;
}

void Tokenizer::PushOpaque(size_t begin, size_t end) {
  Token& t = Push(TokenType::kOpaque, begin, end);
  SetRawKey(t);
}

// Turns the text [from, end), and the tokens glued to its left, into one opaque token
// ("rapport_2024", "4x4"). `from` is the end of the last token or later.
void Tokenizer::AbsorbIntoOpaque(size_t from, size_t end) {
  auto& toks = out_.tokens;
  size_t begin = from;
  bool space = space_;
  while (!toks.empty() && toks.back().end == begin && !space) {
    const Token& last = toks.back();
    const bool joinable = last.type != TokenType::kSymbol || last.symbol == '_' ||
                          last.symbol == '.' || IsHyphen(last.symbol);
    if (!joinable) break;
    begin = last.begin;
    space = last.space_before;
    out_.keys.resize(last.key_begin);
    toks.pop_back();
  }
  space_ = space;
  PushOpaque(begin, end);
}

// Appends the folded letters of the word starting at `i` to the keys and records its
// case and accents in `t`; stops after an elided article ("l'"). Returns its end.
size_t Tokenizer::ScanLetters(size_t i, Token* t) {
  const size_t begin = i;
  std::string& keys = out_.keys;
  bool all_caps = true;
  size_t len = 0;
  while (i < text_.size()) {
    const char a = text_[i];
    if (IsAsciiAlpha(static_cast<unsigned char>(a))) {  // the common case, inline
      if (i == begin) t->capitalized = a >= 'A' && a <= 'Z';
      if (a >= 'a') all_caps = false;
      keys.push_back(AsciiLower(a));
      ++i;
      continue;
    }
    const char32_t c = At(i, &len);
    if (IsWordChar(c)) {
      const size_t before = keys.size();
      if (!AppendFoldedFast(c, &keys)) AppendUtf8(u_tolower(static_cast<UChar32>(c)), &keys);
      if (keys.size() - before == 1 && c >= 0x80) t->accented = true;
      if (i == begin) t->capitalized = u_isupper(static_cast<UChar32>(c));
      if (u_islower(static_cast<UChar32>(c))) all_caps = false;
      i += len;
      continue;
    }
    size_t next_len = 0;
    if (!IsApostrophe(c) || i + len >= text_.size() || !IsWordChar(At(i + len, &next_len))) {
      break;
    }
    const bool elision = IsElision(std::string_view(keys).substr(t->key_begin));
    keys.push_back('\'');
    i += len;
    if (elision) break;  // "l'adoption": "l'" is a word of its own
  }
  t->all_caps = all_caps;
  return i;
}

size_t Tokenizer::ScanWord(size_t i) {
  const size_t begin = i;
  Token& t = Push(TokenType::kWord, begin, begin);
  i = ScanLetters(i, &t);
  t.end = static_cast<uint32_t>(i);
  t.key_size = static_cast<uint32_t>(out_.keys.size() - t.key_begin);
  const std::string_view key = out_.Key(t);
  // Letters glued to digits ("H2O", "T2", "COVID-19", "BA.5", "mp3") make an identifier,
  // except the multiplication sign of "x3", the "mi-" of "mi-2024" and the "h" of
  // "14h30", glued to digits on both sides.
  size_t len = 0;
  const char32_t next = At(i, &len);
  const bool digit_next = IsAsciiDigit(next);
  const bool hyphen_digit = IsHyphen(next) && DigitAt(i + len);
  const bool dot_digit = next == '.' && DigitAt(i + len);  // "BA.5", "L.123"
  const auto& toks = out_.tokens;
  const bool hour_mark = key == "h" && !t.space_before && toks.size() >= 2 &&
                         toks[toks.size() - 2].type == TokenType::kNumber &&
                         toks[toks.size() - 2].end == begin;
  // "45 m2", "12 km2", "3 m3" after a number: the digit is the power of a unit of length
  // written without the superscript, and is read as "²" or "³".
  const bool power = !t.capitalized && IsPowerOfMetres(key, next, AlnumAt(i + 1)) &&
                     toks.size() >= 2 && toks[toks.size() - 2].type == TokenType::kNumber;
  if (!power && ((digit_next && key != "x" && !hour_mark) || (hyphen_digit && key != "mi") ||
                 dot_digit || next == '_')) {
    const size_t end = OpaqueEnd(i);
    out_.keys.resize(t.key_begin);
    space_ = t.space_before;
    out_.tokens.pop_back();
    PushOpaque(begin, end);
    return end;
  }
  // Lexicon keys are short and ASCII; anything else needs no lookup.
  const bool ascii = key.size() <= 20 && std::all_of(key.begin(), key.end(), [](char ch) {
                       return static_cast<unsigned char>(ch) < 0x80;
                     });
  t.lex = ascii ? LookupWord(key) : nullptr;
  if (t.lex != nullptr) {
    if (lang_ != Lang::kEn) AddSense(t.lex->fr, &t);
    if (lang_ != Lang::kFr) AddSense(t.lex->en, &t);
  }
  if (power) {
    Token& sup = Push(TokenType::kSymbol, i, i + 1);  // `t` is not used past here
    sup.symbol = next == '2' ? 0xB2 : 0xB3;
    SetRawKey(sup);
    ++i;
  }
  return i;
}

// "02/03/2023", "2.3.2023", "2023-03-02", "02/03/23", "03/2024".
bool Tokenizer::TryNumericDate(size_t i, size_t* end) {
  // The tail of a longer digit string ("32/01/2023" is not "32/" and January 2023).
  if (i >= 2 && (text_[i - 1] == '/' || text_[i - 1] == '.' || text_[i - 1] == '-') &&
      DigitAt(i - 2)) {
    return false;
  }
  DateParts p;
  size_t stop = 0;
  if (!ReadDateParts(i, &p, &stop)) return false;
  if (AlnumAt(stop) || (At(stop) == p.sep && DigitAt(stop + 1))) return false;
  int year = 0, month = 0, day = 0;
  if (!ResolveDate(p, &year, &month, &day)) return false;
  Token& t = Push(TokenType::kNumericDate, i, stop);
  SetRawKey(t);
  t.year = year, t.month = month, t.day = day;
  *end = stop;
  return true;
}

// Two or three groups of digits joined by the same '/', '.' or '-'.
bool Tokenizer::ReadDateParts(size_t i, DateParts* p, size_t* stop) const {
  auto num = [this](size_t b, size_t n) {
    int v = 0;
    for (size_t k = 0; k < n && k < 6; ++k) v = v * 10 + (text_[b + k] - '0');
    return v;
  };
  p->n[0] = DigitsFrom(i);
  p->sep = At(i + p->n[0]);
  if (p->sep != '/' && p->sep != '.' && p->sep != '-') return false;
  const size_t i2 = i + p->n[0] + 1;
  p->n[1] = DigitsFrom(i2);
  if (p->n[1] == 0 || p->n[1] > 4) return false;
  p->v[0] = num(i, p->n[0]);
  p->v[1] = num(i2, p->n[1]);
  *stop = i2 + p->n[1];
  if (At(*stop) == p->sep && DigitAt(*stop + 1)) {
    const size_t i3 = *stop + 1;
    p->n[2] = DigitsFrom(i3);
    p->v[2] = num(i3, p->n[2]);
    *stop = i3 + p->n[2];
  }
  return true;
}

// Which group is the year, the month and the day: ISO order, day first (the month
// first in English when both readings are valid, or when only it is), or month/year.
bool Tokenizer::ResolveDate(const DateParts& p, int* year, int* month, int* day) const {
  const size_t n1 = p.n[0], n2 = p.n[1], n3 = p.n[2];
  const int a = p.v[0], b = p.v[1], c = p.v[2];
  if (n3 > 0 && n1 == 4 && n2 <= 2 && n3 <= 2 && p.sep != '.') {
    *year = a, *month = b, *day = c;
  } else if (n3 > 0 && n1 <= 2 && n2 <= 2 && (n3 == 4 || (n3 == 2 && p.sep == '/'))) {
    *year = n3 == 4 ? c : (c < 70 ? 2000 + c : 1900 + c);
    const bool month_first = p.sep == '/' && a <= 12 && (b > 12 || (lang_ == Lang::kEn && b <= 12));
    *month = month_first ? a : b;
    *day = month_first ? b : a;
  } else if (n3 == 0 && p.sep == '/' && n1 <= 2 && n2 == 4) {
    *month = a, *year = b, *day = 0;
  } else {
    return false;
  }
  return *year >= 1000 && *year <= 2100 && *month >= 1 && *month <= 12 && *day >= 0 && *day <= 31 &&
         (*day > 0 || n3 == 0);
}

ScannedNumber Tokenizer::ScanNumber(size_t i) const {
  std::array<Group, 8> groups{};
  std::array<char32_t, 8> seps{};
  int n = 0;
  size_t j = i;
  groups[n++] = {j, DigitsFrom(j)};
  j += groups[0].size;
  bool punct_seen = false;
  while (n < 8) {
    size_t len = 0;
    const char32_t c = At(j, &len);
    if ((c == ',' || c == '.') && DigitAt(j + len)) {
      punct_seen = true;
    } else if (IsDigitGroupSpace(c) && !punct_seen && groups[0].size <= 3 &&
               DigitsFrom(j + len) == 3 && !AlnumAt(j + len + 3) &&
               (n == 1 || groups[n - 1].size == 3)) {
      // A space joins digit groups only in the shape "1 200", "12 500 000".
    } else {
      break;
    }
    seps[n] = c;
    groups[n] = {j + len, DigitsFrom(j + len)};
    j = groups[n].begin + groups[n].size;
    ++n;
  }
  return Interpret(groups, seps, n);
}

// Decides which separators are thousands separators and which is the decimal mark.
ScannedNumber Tokenizer::Interpret(const std::array<Group, 8>& groups,
                                   const std::array<char32_t, 8>& seps, int n) const {
  int commas = 0, dots = 0, last_punct = 0;
  for (int k = 1; k < n; ++k) {
    if (seps[k] == ',') ++commas, last_punct = k;
    if (seps[k] == '.') ++dots, last_punct = k;
  }
  int decimal_at = 0;  // index of the group after the decimal mark, 0 for none
  bool version = false;
  if (commas > 0 && dots > 0) {
    const char32_t mark = seps[last_punct];
    if ((mark == ',' ? commas : dots) == 1)
      decimal_at = last_punct;
    else
      version = true;
  } else if (commas + dots >= 2) {
    decimal_at = 0;  // "1.200.000", "1,200,000"; checked below
  } else if (commas + dots == 1) {
    const Group& after = groups[last_punct];
    const std::string_view first = text_.substr(groups[0].begin, groups[0].size);
    const bool spaces = n > 2;
    const bool thousands_shape =
        after.size == 3 && first != "0" && groups[0].size <= 3 && !spaces && last_punct == n - 1;
    const char32_t mark = seps[last_punct];
    bool thousands = false;
    if (thousands_shape) {
      thousands = lang_ == Lang::kUnknown || (mark == ',' && lang_ == Lang::kEn) ||
                  (mark == '.' && lang_ == Lang::kFr);
    }
    decimal_at = thousands ? 0 : last_punct;
  }
  ScannedNumber out;
  const int int_groups = decimal_at == 0 ? n : decimal_at;
  for (int k = 1; k < int_groups && !version; ++k) {
    if (groups[k].size != 3 || groups[0].size > 3) version = true;
  }
  if (decimal_at != 0) {
    for (int k = decimal_at + 1; k < n; ++k) version = true;
  }
  if (version) {
    // "1,2,3" is a list: keep the first number. "1.2.3" is a version string.
    const bool list = commas > 0 && dots == 0;
    out.version = !list;
    n = 1, decimal_at = 0;
  }
  std::string digits;
  for (int k = 0; k < n; ++k) {
    if (k == decimal_at && k != 0) digits.push_back('.');
    digits.append(text_.substr(groups[k].begin, groups[k].size));
    if (k < (decimal_at == 0 ? n : decimal_at)) out.int_digits += groups[k].size;
  }
  std::from_chars(digits.data(), digits.data() + digits.size(), out.value);
  out.decimals = decimal_at == 0 ? 0 : static_cast<int>(groups[decimal_at].size);
  out.grouped = n > 1 && (decimal_at == 0 || decimal_at > 1);
  out.plain = n == 1;
  out.end = groups[n - 1].begin + groups[n - 1].size;
  return out;
}

// Letters glued after digits: a known suffix ("1er", "3bn", "10h", "7min", "5M€",
// "1990s", "3x") is split off as a word; an unknown lower-case unit ("50kg") too;
// anything else ("5G", "3D", "2CV", "4x4") makes the whole chunk an identifier.
size_t Tokenizer::ScanSuffix(size_t number_begin, size_t i) {
  size_t j = i, len = 0;
  std::string key;
  bool upper_first = false;
  while (j < text_.size()) {
    const char32_t c = At(j, &len);
    if (!IsWordChar(c)) break;
    if (j == i) upper_first = u_isupper(static_cast<UChar32>(c));
    if (!AppendFoldedFast(c, &key)) AppendUtf8(u_tolower(static_cast<UChar32>(c)), &key);
    j += len;
  }
  const LexSenses* lex = LookupWord(key);
  const bool known = lex != nullptr;
  bool ok = known || (!upper_first && key.size() >= 2);
  // A one-letter unit is lower case: "50g" is grams, "5G" a network.
  if (known && upper_first && key.size() == 1 && OnlyMeasure(*lex)) ok = false;
  // Digits may follow only the "h" of "14h30" and the metres of "45m2", "3m3".
  const bool hour = key == "h" && DigitsFrom(j) == 2 && !AlnumAt(j + 2);
  if (DigitAt(j) && !hour && !IsPowerOfMetres(key, At(j), AlnumAt(j + 1))) ok = false;
  if (At(j) == '_') ok = false;
  if (!ok) {
    const size_t end = OpaqueEnd(j);
    AbsorbIntoOpaque(i, end);
    (void)number_begin;
    return end;
  }
  return i;  // the word is scanned by the main loop
}

size_t Tokenizer::ScanNumeric(size_t i) {
  size_t end = 0;
  if (TryNumericDate(i, &end)) return end;
  if (FindPhoneNumber(text_, i, &end)) {
    PushOpaque(i, end);
    return end;
  }
  const ScannedNumber num = ScanNumber(i);
  if (num.version) {
    end = OpaqueEnd(i);
    PushOpaque(i, end);
    return end;
  }
  Token& t = Push(TokenType::kNumber, i, num.end);
  SetRawKey(t);
  t.value = num.value;
  t.decimals = static_cast<int16_t>(num.decimals);
  t.int_digits = static_cast<int16_t>(num.int_digits);
  t.grouped = num.grouped;
  t.plain = num.plain;
  t.leading_zero = text_[i] == '0' && num.int_digits > 1;
  size_t len = 0;
  const char32_t next = At(num.end, &len);
  if (IsWordChar(next)) return ScanSuffix(i, num.end);
  if (next == '_') {
    end = OpaqueEnd(num.end + len);
    AbsorbIntoOpaque(num.end, end);
    return end;
  }
  return num.end;
}

TokenList Tokenizer::Run() {
  size_t i = 0, len = 0;
  bool chunk_start = true;
  while (i < text_.size()) {
    const char32_t c = At(i, &len);
    if (IsSpace(c)) {
      space_ = true;
      chunk_start = true;
      i += len;
      continue;
    }
    size_t end = 0;
    if ((chunk_start || c == 'w' || c == 'h') && IsAsciiAlpha(c) && FindAddress(text_, i, &end)) {
      PushOpaque(i, end);
      i = end;
    } else if (IsAsciiDigit(c)) {
      i = ScanNumeric(i);
    } else if (IsWordChar(c)) {
      i = ScanWord(i);
    } else if (c == '_' && !space_ && !out_.tokens.empty() && AlnumAt(i + len)) {
      end = OpaqueEnd(i + len);
      AbsorbIntoOpaque(i, end);
      i = end;
    } else {
      Token& t = Push(TokenType::kSymbol, i, i + len);
      t.symbol = c;
      SetRawKey(t);
      i += len;
    }
    chunk_start = false;
  }
  return std::move(out_);
}

}  // namespace

TokenList Tokenize(std::string_view text, Lang lang) { return Tokenizer(text, lang).Run(); }

}  // namespace citecheck::text::internal
