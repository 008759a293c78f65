#include "verify/internal/model.h"

#include <cmath>

namespace citecheck::verify::internal {
namespace {

// Fitted by bench/claims/fit.py on the English development claims;
// in-sample, 431 cases: F1 0.596 (P 0.617, R 0.577), ROC-AUC 0.815;
// 5-fold CV by article, 431 cases: F1 0.544 (P 0.573, R 0.518), ROC-AUC 0.787.
// The bias includes the decision threshold, so that 0.5 separates supported
// from not.
struct Weights {
  double bias = -3.1499;
  double window = 2.3403;
  double greedy = 1.6354;
  double source = -2.9390;
  double names = 1.7636;
  double missing = -0.9193;
  double terms = 0.7597;
  double conflict = 0.2604;
  double passage = -0.6921;
  double names_window = 1.1582;
  double max_missing = 1.1651;
  double figures = -0.3689;
  double figures_absent = -2.9380;
  double figures_far = -0.0936;
};
constexpr Weights kWeights;

}  // namespace

double SupportScore(const Signals& s) {
  const Weights& w = kWeights;
  const double z =
      w.bias + w.window * s.window + w.greedy * s.greedy + w.source * s.source + w.names * s.names +
      w.missing * s.missing + w.terms * s.terms + w.conflict * s.conflict + w.passage * s.passage +
      w.names_window * s.names_window + w.max_missing * s.max_missing + w.figures * s.figures +
      w.figures_absent * s.figures_absent + w.figures_far * s.figures_far;
  return 1 / (1 + std::exp(-z));
}

}  // namespace citecheck::verify::internal
