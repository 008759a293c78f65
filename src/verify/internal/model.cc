#include "verify/internal/model.h"

#include <cmath>

namespace citecheck::verify::internal {
namespace {

// Fitted by bench/claims/fit.py on the English development claims;
// in-sample, 431 cases: F1 0.581 (P 0.602, R 0.562), ROC-AUC 0.816;
// 5-fold CV by article, 431 cases: F1 0.545 (P 0.567, R 0.526), ROC-AUC 0.782.
// The bias includes the decision threshold, so that 0.5 separates supported
// from not.
struct Weights {
  double bias = -3.0668;
  double window = 2.3334;
  double greedy = 1.3760;
  double source = -2.6970;
  double names = 1.7191;
  double missing = -0.9146;
  double terms = 0.7350;
  double conflict = 0.2342;
  double passage = -0.6519;
  double names_window = 1.1835;
  double max_missing = 0.9804;
  double figures = -0.3457;
  double figures_absent = -3.0542;
  double figures_far = 0.0025;
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
