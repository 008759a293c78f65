// How two figures relate, and how much of a claim's context a passage carries.
#ifndef CITECHECK_VERIFY_INTERNAL_MATCH_H_
#define CITECHECK_VERIFY_INTERNAL_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace citecheck::verify::internal {

enum class Relation {
  kUnrelated,   // different kinds or units: says nothing about each other
  kEqual,       // the passage figure is the claim figure, within stated precision
  kComplement,  // a percentage equal to 100 minus the claim's
  kDifferent,   // same kind and unit, values incompatible
};

// How `passage` relates to `claim`. Percent and fractions compare as percentages,
// counts and money by value in base units (money only within one currency), years
// and dates by the parts both state.
Relation Compare(const text::Quantity& claim, const text::Quantity& passage);

// Sorted, duplicate-free copy.
std::vector<std::string> SortedUnique(std::vector<std::string> v);

// Share of `wanted` (sorted unique) found in `have` (sorted unique); 0 when wanted is empty.
double Coverage(const std::vector<std::string>& wanted, const std::vector<std::string>& have);

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_MATCH_H_
