#include "verify/internal/model.h"

#include <cmath>

namespace citecheck::verify::internal {
namespace {

// Fitted by bench/claims/fit.py on the English development claims;
// in-sample, 431 cases: F1 0.600 (P 0.609, R 0.591), ROC-AUC 0.819;
// 5-fold CV by article, 431 cases: F1 0.551 (P 0.570, R 0.533), ROC-AUC 0.785.
// The bias includes the decision threshold, so that 0.5 separates supported
// from not.
struct Weights {
  double bias = -3.0272;
  double window = 2.5439;
  double greedy = 1.6178;
  double source = -2.8195;
  double names = 1.6688;
  double missing = -0.8937;
  double terms = 0.7124;
  double conflict = 0.2188;
  double passage = -0.9295;
  double names_window = 1.1857;
  double max_missing = 1.1292;
  double figures = -0.3661;
  double figures_absent = -3.0915;
  double figures_far = 0.0255;
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
