#include "verify/internal/model.h"

#include <cmath>

namespace citecheck::verify::internal {
namespace {

// Fitted by bench/claims/fit.py on the 431 English development claims (on its own
// cases: F1 0.581, precision 0.500, recall 0.693, ROC-AUC 0.741). The bias includes the decision
// threshold, so that 0.5 separates supported from not.
struct Weights {
  double bias = -3.1911;
  double window = 2.1545;
  double greedy = 1.4218;
  double source = -3.1382;
  double names = 2.7043;
  double missing = -0.7811;
  double terms = 0.7182;
  double conflict = 0.3468;
};
constexpr Weights kWeights;

}  // namespace

double SupportScore(const Signals& s) {
  const Weights& w = kWeights;
  const double z = w.bias + w.window * s.window + w.greedy * s.greedy + w.source * s.source +
                   w.names * s.names + w.missing * s.missing + w.terms * s.terms +
                   w.conflict * s.conflict;
  return 1 / (1 + std::exp(-z));
}

}  // namespace citecheck::verify::internal
