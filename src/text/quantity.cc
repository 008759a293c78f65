// FindQuantities and the names of kinds and qualifiers. The recognizer itself lives in
// internal/ (tokenizer, lexicon, number words, recognizer).
#include <string_view>
#include <vector>

#include "text/internal/recognizer.h"
#include "text/internal/tokenizer.h"
#include "text/text.h"

namespace citecheck::text {
namespace {

// Token offsets are 32-bit; longer inputs are read in pieces cut at a line break.
constexpr size_t kMaxPiece = size_t{1} << 31;

}  // namespace

std::string_view QuantityKindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kCount:
      return "count";
    case QuantityKind::kPercent:
      return "percent";
    case QuantityKind::kPercentagePoints:
      return "percentage_points";
    case QuantityKind::kMoney:
      return "money";
    case QuantityKind::kYear:
      return "year";
    case QuantityKind::kDate:
      return "date";
    case QuantityKind::kDuration:
      return "duration";
    case QuantityKind::kOrdinal:
      return "ordinal";
    case QuantityKind::kFraction:
      return "fraction";
    case QuantityKind::kMultiplier:
      return "multiplier";
    case QuantityKind::kMeasure:
      return "measure";
  }
  return "";
}

std::string_view QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kNone:
      return "none";
    case Qualifier::kApprox:
      return "approx";
    case Qualifier::kAtLeast:
      return "at_least";
    case Qualifier::kMoreThan:
      return "more_than";
    case Qualifier::kAtMost:
      return "at_most";
    case Qualifier::kLessThan:
      return "less_than";
    case Qualifier::kRange:
      return "range";
  }
  return "";
}

std::vector<Quantity> FindQuantities(std::string_view text, Lang lang) {
  std::vector<Quantity> out;
  size_t base = 0;
  while (true) {
    std::string_view piece = text.substr(base);
    if (piece.size() > kMaxPiece) {
      const size_t cut = piece.rfind('\n', kMaxPiece);
      piece = piece.substr(0, cut == std::string_view::npos || cut == 0 ? kMaxPiece : cut);
    }
    const internal::TokenList tokens = internal::Tokenize(piece, lang);
    for (Quantity& q : internal::Recognizer(tokens, lang).Run()) {
      q.span.begin += base;
      q.span.end += base;
      out.push_back(std::move(q));
    }
    base += piece.size();
    if (base >= text.size()) break;
  }
  return out;
}

}  // namespace citecheck::text
