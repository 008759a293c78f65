// The support score of a statement without a figure: a logistic model over the
// Signals of a reading, its weights
// fitted on the labelled claims by bench/claims/fit.py (see bench/claims/README.md).
#ifndef CITECHECK_VERIFY_INTERNAL_MODEL_H_
#define CITECHECK_VERIFY_INTERNAL_MODEL_H_

#include "verify/verify.h"

namespace citecheck::verify::internal {

// In [0, 1]; 0.5 is the line between supported and not.
double SupportScore(const Signals& s);

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_MODEL_H_
