#include "verify/internal/match.h"

#include <algorithm>
#include <cmath>

namespace citecheck::verify::internal {
namespace {

using text::Quantity;
using text::QuantityKind;

void Bounds(const Quantity& q, double* low, double* high);

// The figure as a percentage when it is one (a fraction 0.2 is 20 %).
bool AsPercent(const Quantity& q, double* value, double* low, double* high) {
  if (q.kind == QuantityKind::kPercent) {
    *value = q.value;
    *low = q.low;
    *high = q.high;
    return true;
  }
  if (q.kind == QuantityKind::kFraction && q.value > 0 && q.value <= 1) {
    *value = q.value * 100;
    *low = q.low * 100;
    *high = q.high * 100;
    return true;
  }
  // A part of a stated whole: "quatre" of "sur les cinq décès, quatre" is 80 %.
  if (q.kind == QuantityKind::kCount && q.whole > 0 && q.value <= q.whole) {
    double l, h;
    Bounds(q, &l, &h);
    *value = 100 * q.value / q.whole;
    *low = 100 * l / q.whole;
    *high = 100 * h / q.whole;
    return true;
  }
  return false;
}

bool Overlaps(double low_a, double high_a, double low_b, double high_b) {
  // Intervals from the recognizer are half-open at the top for exact figures; a tiny
  // tolerance keeps "13 %" and "13,0 %" equal despite floating point.
  // Open bounds are infinite: they take no part in the tolerance.
  auto finite = [](double v) { return std::isfinite(v) ? std::abs(v) : 0.0; };
  const double eps =
      1e-9 * std::max({1.0, finite(low_a), finite(high_a), finite(low_b), finite(high_b)});
  // Two stated precisions share more than an end: "quatre" [3.5, 4.5) and "trois"
  // [2.5, 3.5) only touch. A point (a year, an exact bound) may sit on an end.
  if (high_a - low_a > eps && high_b - low_b > eps) {
    return low_a < high_b - eps && low_b < high_a - eps;
  }
  return low_a <= high_b + eps && low_b <= high_a + eps;
}

// "moins de 5 ans" and "plus de 5 ans" share only the point 5, which neither includes:
// a strict bound that only touches the other interval is no agreement.
bool OnlyTouch(const Quantity& a, const Quantity& b) {
  auto strict_low = [](const Quantity& q) { return q.qualifier == text::Qualifier::kMoreThan; };
  auto strict_high = [](const Quantity& q) { return q.qualifier == text::Qualifier::kLessThan; };
  const double eps = 1e-9 * std::max({1.0, std::abs(a.value), std::abs(b.value)});
  if (!std::isfinite(a.high - b.low) && !std::isfinite(b.high - a.low)) return false;
  const bool a_below_b = std::abs(a.high - b.low) <= eps && (strict_high(a) || strict_low(b));
  const bool b_below_a = std::abs(b.high - a.low) <= eps && (strict_high(b) || strict_low(a));
  return a_below_b || b_below_a;
}

// An interval that is never narrower than the value itself, in case a recognizer gave
// low == high == 0 for a stated figure.
void Bounds(const Quantity& q, double* low, double* high) {
  *low = q.low;
  *high = q.high;
  if (*low == 0 && *high == 0) *low = *high = q.value;
}

Relation ComparePercent(const Quantity& claim, const Quantity& passage) {
  // Two counts compare as counts, even when one is a part of a whole ("quatre" of five
  // mice is not "huit" of ten).
  if (claim.kind == QuantityKind::kCount && passage.kind == QuantityKind::kCount) {
    return Relation::kUnrelated;
  }
  double cv, cl, ch, pv, pl, ph;
  if (!AsPercent(claim, &cv, &cl, &ch) || !AsPercent(passage, &pv, &pl, &ph)) {
    return Relation::kUnrelated;
  }
  if (OnlyTouch(claim, passage)) return Relation::kDifferent;
  if (Overlaps(cl, ch, pl, ph)) return Relation::kEqual;
  if (Overlaps(100 - ch, 100 - cl, pl, ph)) return Relation::kComplement;
  return Relation::kDifferent;
}

// A date or year as what it states: a span of years, a month, a span of days of that
// month, with 0 for what it does not state ("2018–19" is the years 2018 to 2019, "March
// 6–7" the days 6 to 7 of March).
struct DateParts {
  int years[2] = {0, 0};
  int month = 0;
  int days[2] = {0, 0};
};

DateParts PartsOf(const Quantity& q) {
  DateParts p;
  if (q.kind == QuantityKind::kYear) {
    // A year range or a decade ("the 1990s") spans its bounds; a single year is its value.
    const double low = q.low < q.high ? q.low : q.value;
    const double high = q.low < q.high ? q.high : q.value;
    p.years[0] = static_cast<int>(std::floor(low));
    p.years[1] = static_cast<int>(std::floor(high));
    return p;
  }
  // year*10000 + month*100 + day; a range of days keeps its first and last in low, high.
  const long first = std::lround(q.low < q.high ? q.low : q.value);
  const long last = std::lround(q.low < q.high ? q.high : q.value);
  p.years[0] = p.years[1] = static_cast<int>(first / 10000);
  p.month = static_cast<int>(first / 100 % 100);
  p.days[0] = static_cast<int>(first % 100);
  p.days[1] = static_cast<int>(last % 100);
  return p;
}

// Only the parts both state compare: "12 July" is "12 July 2019", and a page's "May 7"
// (its year given by the dateline) says nothing against "May 7, 2018". A day is only
// comparable within a stated month. Spans agree when they share a year (a day). A
// passage that agrees but leaves out the claim's month or day is coarser: the year of
// a page may be given by its dateline, its month and day are not.
Relation CompareDates(const Quantity& claim, const Quantity& passage) {
  const DateParts c = PartsOf(claim);
  const DateParts p = PartsOf(passage);
  auto meet = [](const int a[2], const int b[2]) { return a[0] <= b[1] && b[0] <= a[1]; };
  bool shared = false;
  if (c.years[0] != 0 && p.years[0] != 0) {
    if (!meet(c.years, p.years)) return Relation::kDifferent;
    shared = true;
  }
  if (c.month != 0 && p.month != 0) {
    if (c.month != p.month) return Relation::kDifferent;
    shared = true;
    if (c.days[0] != 0 && p.days[0] != 0) {
      if (!meet(c.days, p.days)) return Relation::kDifferent;
    }
  }
  // Nothing stated by both: neither says anything of the other.
  if (!shared) return Relation::kUnrelated;
  // A year does not state the month of "October 2018", nor a month its day.
  if ((c.month != 0 && p.month == 0) || (c.days[0] != 0 && p.days[0] == 0)) {
    return Relation::kCoarser;
  }
  return Relation::kEqual;
}

bool IsDate(const Quantity& q) {
  return q.kind == QuantityKind::kYear || q.kind == QuantityKind::kDate;
}

// Days in one `unit` of a duration; 0 for a unit that is not one of time.
double DaysPer(const std::string& unit) {
  if (unit == "year") return 365.25;
  if (unit == "month") return 365.25 / 12;
  if (unit == "week") return 7;
  if (unit == "day") return 1;
  if (unit == "hour") return 1.0 / 24;
  if (unit == "minute") return 1.0 / (24 * 60);
  if (unit == "second") return 1.0 / (24 * 60 * 60);
  return 0;
}

// Durations in two units compare in days: "18 mois" is "un an et demi", "un an" is
// not "un mois".
Relation CompareDurations(const Quantity& claim, const Quantity& passage) {
  const double c = DaysPer(claim.unit);
  const double p = DaysPer(passage.unit);
  if (c == 0 || p == 0) return Relation::kUnrelated;
  double cl, ch, pl, ph;
  Bounds(claim, &cl, &ch);
  Bounds(passage, &pl, &ph);
  if (OnlyTouch(claim, passage)) return Relation::kDifferent;
  return Overlaps(cl * c, ch * c, pl * p, ph * p) ? Relation::kEqual : Relation::kDifferent;
}

}  // namespace

Relation Compare(const Quantity& claim, const Quantity& passage) {
  Relation percent = ComparePercent(claim, passage);
  if (percent != Relation::kUnrelated) return percent;
  if (IsDate(claim) && IsDate(passage)) return CompareDates(claim, passage);
  if (claim.kind == QuantityKind::kDuration && passage.kind == QuantityKind::kDuration &&
      claim.unit != passage.unit) {
    return CompareDurations(claim, passage);
  }
  if (claim.kind != passage.kind || claim.unit != passage.unit) {
    // "quatre axes" and "4" are both counts; a year stated as a bare count is not.
    return Relation::kUnrelated;
  }
  double cl, ch, pl, ph;
  Bounds(claim, &cl, &ch);
  Bounds(passage, &pl, &ph);
  if (OnlyTouch(claim, passage)) return Relation::kDifferent;
  return Overlaps(cl, ch, pl, ph) ? Relation::kEqual : Relation::kDifferent;
}

bool IsAdditive(const Quantity& q) {
  switch (q.kind) {
    case QuantityKind::kCount:
    case QuantityKind::kPercent:
    case QuantityKind::kPercentagePoints:
    case QuantityKind::kMoney:
      return true;
    case QuantityKind::kMeasure:
      return q.unit != "°C";  // lengths and masses add up, temperatures do not
    default:
      return false;
  }
}

bool PartsSumTo(const Quantity& claim, const std::vector<Quantity>& parts, size_t* first,
                size_t* last) {
  if (!IsAdditive(claim)) return false;
  std::vector<size_t> same;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].kind == claim.kind && parts[i].unit == claim.unit &&
        parts[i].qualifier == text::Qualifier::kNone) {
      same.push_back(i);
    }
  }
  if (same.size() < 2) return false;
  double cl, ch;
  Bounds(claim, &cl, &ch);
  // Rounded parts add their rounding: the sum may be off by half a unit per part.
  auto within = [&](double sum, double slack) {
    return Overlaps(cl, ch, sum - slack, sum + slack);
  };
  auto slack_of = [](const Quantity& q) { return (q.high - q.low) / 2; };
  for (size_t a = 0; a < same.size(); ++a) {
    for (size_t b = a + 1; b < same.size(); ++b) {
      const Quantity& x = parts[same[a]];
      const Quantity& y = parts[same[b]];
      if (within(x.value + y.value, slack_of(x) + slack_of(y))) {
        *first = same[a];
        *last = same[b];
        return true;
      }
    }
  }
  double total = 0, slack = 0;
  for (size_t i : same) {
    total += parts[i].value;
    slack += slack_of(parts[i]);
  }
  if (same.size() > 2 && within(total, slack)) {
    *first = same.front();
    *last = same.back();
    return true;
  }
  return false;
}

std::vector<std::string> SortedUnique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

double Coverage(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  if (wanted.empty()) return 0;
  size_t hits = 0;
  for (const std::string& w : wanted) {
    hits += std::binary_search(have.begin(), have.end(), w) ? 1 : 0;
  }
  return static_cast<double>(hits) / static_cast<double>(wanted.size());
}

}  // namespace citecheck::verify::internal
