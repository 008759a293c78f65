// Dates ("24 juin 2025", "1er juin", "June 24, 2025", "avril 2024", "02/03/2023", days
// of one month: "6–7 mars"), times of day, which are skipped ("à 14h30", "14:30"), and
// labels whose numbers are not quantities ("ISO 28500", "article 12", "n° 5", "#3").
#include "text/internal/recognizer.h"

#include <cmath>

#include "text/internal/utf8.h"

namespace citecheck::text::internal {
namespace {

Core DateCore(size_t first, size_t last, int year, int month, int day) {
  Core c;
  c.first = first;
  c.last = last;
  c.kind = QuantityKind::kDate;
  c.value = year * 10000.0 + month * 100.0 + day;
  c.exact = true;
  c.rangeable = false;
  return c;
}

// Month names that are never abbreviations, so a following period ends the sentence.
bool IsFullMonthName(std::string_view k) {
  return k == "mai" || k == "juin" || k == "mars" || k == "aout" || k == "may" || k == "june" ||
         k == "july" || k.size() > 5;
}

// `c` made the range of days [c's day, last_day] of its month: "6–7 mars", "March 13–14".
Core DayRange(Core c, int last_day) {
  c.has_bounds = true;
  c.low = c.value;
  c.high = c.value - std::fmod(c.value, 100) + last_day;
  c.qualifier = Qualifier::kRange;
  return c;
}

}  // namespace

// The last day of a range of days after the first one: "–7" in "6–7 mars". 0 if none.
int Recognizer::RangeEndDay(size_t k, int first_day, size_t* end) const {
  const Token& t = T(k);
  if (t.type != TokenType::kSymbol || !IsRangeDash(t.symbol)) return 0;
  // Spaced alike on both sides: "6-7", "6 – 7".
  if (T(k + 1).space_before != t.space_before) return 0;
  const int last = DayAt(k + 1, end);
  return last > first_day ? last : 0;
}

std::optional<Core> Recognizer::MatchDate(size_t i) const {
  const Token& t = T(i);
  if (t.type == TokenType::kNumericDate) return DateCore(i, i + 1, t.year, t.month, t.day);
  if (auto c = MatchDayMonth(i)) return c;
  return MatchMonthFirst(i);
}

// A month name at `i`: French in any case, English capitalized ("May" is a month,
// "may" a verb). Returns 0 when there is none.
int Recognizer::MonthAt(size_t i, size_t* end) const {
  const LexEntry* e = Sense(i, [](const LexEntry& x) { return x.month > 0; });
  if (e == nullptr || (e->has(kNeedsCaps) && !T(i).capitalized)) return 0;
  *end = i + 1;
  if (Sym(i + 1, '.') && Glued(i + 1) && !IsFullMonthName(Key(i))) *end = i + 2;
  return e->month;
}

// A day of the month: "24", "1er", "1st", "24th", "premier".
int Recognizer::DayAt(size_t i, size_t* end) const {
  if (KeyIs(i, "premier") && lang_ != Lang::kEn) {
    *end = i + 1;
    return 1;
  }
  const Token& t = T(i);
  if (t.type != TokenType::kNumber || !t.plain || t.int_digits > 2 || t.value < 1 || t.value > 31) {
    return 0;
  }
  *end = i + 1;
  if (Glued(i + 1) && Flag(i + 1, kOrdinalSuffix)) *end = i + 2;
  return static_cast<int>(t.value);
}

int Recognizer::YearAt(size_t i, size_t* end) const {
  const Token& t = T(i);
  if (t.type != TokenType::kNumber || !t.plain || t.int_digits != 4 || t.value < 1000 ||
      t.value > 2100) {
    return 0;
  }
  *end = i + 1;
  return static_cast<int>(t.value);
}

// "24 juin 2025", "1er juin", "24 June 2025", "24th of June"; a range of days of one
// month: "6–7 mars 2018", "13-14 June".
std::optional<Core> Recognizer::MatchDayMonth(size_t i) const {
  size_t e1 = 0, e2 = 0, e3 = 0;
  const int day = DayAt(i, &e1);
  if (day == 0) return std::nullopt;
  const int last_day = RangeEndDay(e1, day, &e2);
  if (last_day != 0) e1 = e2;
  if (KeyIs(e1, "of") && lang_ != Lang::kFr) ++e1;
  const int month = MonthAt(e1, &e2);
  if (month == 0) return std::nullopt;
  const int year = YearAt(e2, &e3);
  const Core c = DateCore(i, year != 0 ? e3 : e2, year, month, day);
  return last_day != 0 ? DayRange(c, last_day) : c;
}

// "avril 2024", "June 2025", "June 24, 2025", "June 24th". A day after the month is
// English usage only.
std::optional<Core> Recognizer::MatchMonthFirst(size_t i) const {
  size_t e1 = 0, e2 = 0, e3 = 0;
  const int month = MonthAt(i, &e1);
  if (month == 0) return std::nullopt;
  int year = YearAt(e1, &e2);
  if (year != 0) return DateCore(i, e2, year, month, 0);
  const LexSenses* lex = T(i).lex;
  const bool english = lang_ != Lang::kFr && lex != nullptr && lex->en != nullptr &&
                       lex->en->month > 0 && T(i).capitalized;
  if (!english) return std::nullopt;
  const int day = DayAt(e1, &e2);
  if (day == 0 || (IsNumber(e2) && !Sym(e2, ','))) return std::nullopt;
  size_t e4 = 0;
  const int last_day = RangeEndDay(e2, day, &e4);
  if (last_day != 0) e2 = e4;
  size_t y = e2;
  if (Sym(y, ',')) ++y;
  year = YearAt(y, &e3);
  const Core c = DateCore(i, year != 0 ? e3 : e2, year, month, day);
  return last_day != 0 ? DayRange(c, last_day) : c;
}

// Citation markers: "[3]", "[1, 4]", "[2-5]", "[^2]" point at a source or a note;
// the brackets and what they hold are skipped together. Numbers of four digits or
// more ("[2024]") are not taken for markers.
std::optional<Core> Recognizer::MatchCitationMarker(size_t i) const {
  const auto small = [this](size_t k) { return IsNumber(k) && T(k).int_digits <= 3; };
  size_t e = i + 1;
  if (Sym(e, '^') && Glued(e)) ++e;
  if (!small(e) || !Glued(e)) return std::nullopt;
  ++e;
  while (e + 1 < n_ && (Sym(e, ',') || Sym(e, ';') || Sym(e, '-') || Sym(e, 0x2013)) &&
         small(e + 1)) {
    e += 2;
  }
  if (!Sym(e, ']') || !Glued(e)) return std::nullopt;
  Core c;
  c.first = i;
  c.last = e + 1;
  c.skip = true;
  return c;
}

// Numbers that name rather than measure: "ISO 28500", "article 12", "p. 3", "n° 5",
// "No. 5", "#3", "Covid 19". The label and its number are skipped together.
std::optional<Core> Recognizer::MatchLabel(size_t i) const {
  if (Sym(i, '[')) return MatchCitationMarker(i);
  size_t k = 0;
  if (Flag(i, kRefWord)) {
    k = i + 1;
    if ((Sym(k, '.') || Sym(k, ':')) && Glued(k)) ++k;
  } else if ((KeyIs(i, "n") || KeyIs(i, "no") || KeyIs(i, "nos")) && Glued(i + 1) &&
             (Sym(i + 1, 0xB0) || Sym(i + 1, 0xBA) || (Sym(i + 1, '.') && T(i).capitalized))) {
    k = i + 2;
  } else if ((Sym(i, '#') || Sym(i, 0x2116)) && IsNumber(i + 1) && Glued(i + 1)) {
    k = i + 1;
  } else {
    return std::nullopt;
  }
  const TokenType type = T(k).type;
  if (type != TokenType::kNumber && type != TokenType::kNumericDate) return std::nullopt;
  size_t e = k + 1;
  // What is glued to the number belongs to the label: "28500:2017", "L.123-4".
  while (e < n_ && Glued(e) && T(e).type != TokenType::kWord) ++e;
  Core c;
  c.first = i;
  c.last = e;
  c.skip = true;
  return c;
}

// "am", "pm", "a.m.", "p.m." or "o'clock" after the hour of a time of day.
bool Recognizer::MeridiemAt(size_t k, size_t* end) const {
  if (KeyIs(k, "am") || KeyIs(k, "pm") || KeyIs(k, "o'clock")) {
    *end = k + 1;
    return true;
  }
  if ((KeyIs(k, "a") || KeyIs(k, "p")) && Sym(k + 1, '.') && Glued(k + 1) && KeyIs(k + 2, "m") &&
      Glued(k + 2)) {
    *end = Sym(k + 3, '.') && Glued(k + 3) ? k + 4 : k + 3;
    return true;
  }
  return false;
}

// Times of day, skipped: "14:30", "à 14h30", "vers 9 h", "de 9h à 17h", "5pm",
// "11 a.m.", "11 o'clock".
// Without a preposition "2h30" is a duration and "24 h" too (see MatchNumberPhrase).
std::optional<Core> Recognizer::MatchClock(size_t i) const {
  size_t j = i;
  const bool des_accented = KeyIs(i, "des") && T(i).accented;
  const bool prep = Flag(i, kTimePrep) || des_accented;
  if (prep) j = i + 1;
  const Token& h = T(j);
  if (h.type != TokenType::kNumber || !h.plain || h.int_digits > 2 || h.value > 24) {
    return std::nullopt;
  }
  Core c;
  c.first = i;
  c.skip = true;
  if (Sym(j + 1, ':') && Glued(j + 1) && IsNumber(j + 2) && Glued(j + 2) &&
      T(j + 2).int_digits == 2) {
    c.last = j + 3;
    if (Sym(j + 3, ':') && Glued(j + 3) && IsNumber(j + 4) && Glued(j + 4)) c.last = j + 5;
    return c;
  }
  size_t am_pm_end = 0;
  const bool am_pm = MeridiemAt(j + 1, &am_pm_end);
  if (!KeyIs(j + 1, "h") && !am_pm) return std::nullopt;
  const bool glued_h = Glued(j + 1);
  size_t e = j + 2;
  if (IsNumber(e) && T(e).int_digits == 2 && T(e).value < 60 && Glued(e) == glued_h) ++e;
  if (am_pm) {
    c.last = am_pm_end;
    return c;
  }
  const std::string_view p = Key(i);
  if (prep && (p == "de" || p == "entre")) {
    // "de 9h à 17h", "entre 8h et 10h": only a pair of times is a schedule.
    const bool pair = (Flag(e, kRangeTo) || Flag(e, kEt)) && IsNumber(e + 1) && KeyIs(e + 2, "h");
    if (!pair) return std::nullopt;
    size_t e2 = e + 3;
    if (IsNumber(e2) && Glued(e2) && T(e2).int_digits == 2) ++e2;
    c.last = e2;
    return c;
  }
  if (!prep) return std::nullopt;
  c.last = e;
  return c;
}

}  // namespace citecheck::text::internal
