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
  kSum,         // parts that add up to the claim's figure (see PartsSumTo)
  kCoarser,     // a date that agrees but does not state the claim's month or day
  kDifferent,   // same kind and unit, values incompatible
};

// How `passage` relates to `claim`. Percent and fractions compare as percentages,
// counts and money by value in base units (money only within one currency), years
// and dates by the parts both state.
Relation Compare(const text::Quantity& claim, const text::Quantity& passage);

// True when the figure can be a part of a whole: a percentage, a count, an amount of
// money or of percentage points (not a year, date, ordinal, duration or multiplier).
bool IsAdditive(const text::Quantity& q);

// True when two of `parts`, or all of them, are additive figures of the claim's kind
// and unit whose sum lies within the claim's interval ("18 % ... et 12 %" make
// "30 %"). Sets `first` and `last` to the indexes of the parts that add up.
bool PartsSumTo(const text::Quantity& claim, const std::vector<text::Quantity>& parts,
                size_t* first, size_t* last);

// Sorted, duplicate-free copy.
std::vector<std::string> SortedUnique(std::vector<std::string> v);

// Share of `wanted` (sorted unique) found in `have` (sorted unique); 0 when wanted is empty.
double Coverage(const std::vector<std::string>& wanted, const std::vector<std::string>& have);

}  // namespace citecheck::verify::internal

#endif  // CITECHECK_VERIFY_INTERNAL_MATCH_H_
