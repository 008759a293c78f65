#include "verify/internal/match.h"

#include <algorithm>
#include <cmath>

namespace citecheck::verify::internal {
namespace {

using text::Quantity;
using text::QuantityKind;

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
  return false;
}

bool Overlaps(double low_a, double high_a, double low_b, double high_b) {
  // Intervals from the recognizer are half-open at the top for exact figures; a tiny
  // tolerance keeps "13 %" and "13,0 %" equal despite floating point.
  const double eps = 1e-9 * std::max({1.0, std::abs(high_a), std::abs(high_b)});
  return low_a <= high_b + eps && low_b <= high_a + eps;
}

// An interval that is never narrower than the value itself, in case a recognizer gave
// low == high == 0 for a stated figure.
void Bounds(const Quantity& q, double* low, double* high) {
  *low = q.low;
  *high = q.high;
  if (*low == 0 && *high == 0) *low = *high = q.value;
}

Relation ComparePercent(const Quantity& claim, const Quantity& passage) {
  double cv, cl, ch, pv, pl, ph;
  if (!AsPercent(claim, &cv, &cl, &ch) || !AsPercent(passage, &pv, &pl, &ph)) {
    return Relation::kUnrelated;
  }
  if (Overlaps(cl, ch, pl, ph)) return Relation::kEqual;
  if (Overlaps(100 - ch, 100 - cl, pl, ph)) return Relation::kComplement;
  return Relation::kDifferent;
}

// Dates: year*10000 + month*100 + day with zeros for parts not stated.
Relation CompareDates(const Quantity& claim, const Quantity& passage) {
  auto parts = [](const Quantity& q, int* y, int* m, int* d) {
    if (q.kind == QuantityKind::kYear) {
      *y = static_cast<int>(q.value);
      *m = *d = 0;
      return;
    }
    long v = std::lround(q.value);
    *y = static_cast<int>(v / 10000);
    *m = static_cast<int>(v / 100 % 100);
    *d = static_cast<int>(v % 100);
  };
  int cy, cm, cd, py, pm, pd;
  parts(claim, &cy, &cm, &cd);
  parts(passage, &py, &pm, &pd);
  if (cy != py) return Relation::kDifferent;
  if (cm != 0 && pm != 0 && cm != pm) return Relation::kDifferent;
  if (cd != 0 && pd != 0 && cd != pd) return Relation::kDifferent;
  return Relation::kEqual;
}

bool IsDate(const Quantity& q) {
  return q.kind == QuantityKind::kYear || q.kind == QuantityKind::kDate;
}

}  // namespace

Relation Compare(const Quantity& claim, const Quantity& passage) {
  Relation percent = ComparePercent(claim, passage);
  if (percent != Relation::kUnrelated) return percent;
  if (IsDate(claim) && IsDate(passage)) return CompareDates(claim, passage);
  if (claim.kind != passage.kind || claim.unit != passage.unit) {
    // "quatre axes" and "4" are both counts; a year stated as a bare count is not.
    return Relation::kUnrelated;
  }
  double cl, ch, pl, ph;
  Bounds(claim, &cl, &ch);
  Bounds(passage, &pl, &ph);
  return Overlaps(cl, ch, pl, ph) ? Relation::kEqual : Relation::kDifferent;
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
