#include "verify/internal/model.h"

#include <cmath>

namespace citecheck::verify::internal {
namespace {

// Fitted by bench/claims/fit.py on the English development claims;
// in-sample, 431 cases: F1 0.556 (P 0.609, R 0.511), ROC-AUC 0.798;
// 5-fold CV by article, 431 cases: F1 0.532 (P 0.583, R 0.489), ROC-AUC 0.772.
// The bias includes the decision threshold, so that 0.5 separates supported
// from not.
struct Weights {
  double bias = -3.1922;
  double window = 2.4368;
  double greedy = 1.2700;
  double source = -2.7376;
  double names = 1.7553;
  double missing = -0.9321;
  double terms = 0.7614;
  double conflict = 0.4148;
  double passage = -0.6001;
  double names_window = 1.1465;
  double max_missing = 1.1255;
  double figures = -0.3499;
  double figures_absent = -3.0628;
  double figures_far = -0.0038;
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
