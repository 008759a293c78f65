// FindQuantities and the names of kinds and qualifiers. The recognizer itself lives in
// internal/ (tokenizer, lexicon, number words, recognizer).
#include <algorithm>
#include <initializer_list>
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

namespace {

bool PlainCount(const Quantity& q) {
  return q.kind == QuantityKind::kCount && q.qualifier == Qualifier::kNone && q.value >= 0;
}

bool WordsAre(const std::vector<Word>& words, std::initializer_list<std::string_view> want) {
  return words.size() == want.size() &&
         std::equal(words.begin(), words.end(), want.begin(),
                    [](const Word& w, std::string_view f) { return w.folded == f; });
}

// The words that end `text` before byte `end`, at most `bytes` back (cut at a
// character); `*begin` is where they were read from.
std::vector<Word> WordsBefore(std::string_view text, size_t end, size_t bytes, size_t* begin) {
  *begin = end > bytes ? end - bytes : 0;
  while (*begin < end && (static_cast<unsigned char>(text[*begin]) & 0xC0) == 0x80) ++*begin;
  return Words(text.substr(*begin, end - *begin));
}

// Whether byte `at` of `text` opens a sentence or a clause: only spaces after the start,
// or after punctuation ("Of the 40 members, 12 ..."; not "Because of the 40 strikes").
bool OpensClause(std::string_view text, size_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  return at == 0 || std::string_view(",.;:!?(\n").find(text[at - 1]) != std::string_view::npos;
}

// Sets `whole` on the counts that the text gives as parts of a stated whole: "8 des 10
// souris", "three of the five judges", and the whole stated first: "Sur les cinq décès,
// quatre ...", "Parmi les 200 élus, 45 ...", "Of the 1,200 firms surveyed, 156 ...".
void MarkWholes(std::string_view text, std::vector<Quantity>& qs) {
  // At most this many words between the whole and its part ("décès", "interrogées").
  constexpr size_t kMaxNounWords = 4;
  for (size_t i = 0; i + 1 < qs.size(); ++i) {
    // A date may stand between them: "Sur les 1 200 PME interrogées en 2024, 156 ...".
    size_t j = i + 1;
    while (j + 1 < qs.size() &&
           (qs[j].kind == QuantityKind::kYear || qs[j].kind == QuantityKind::kDate))
      ++j;
    Quantity& a = qs[i];
    Quantity& b = qs[j];
    if (!PlainCount(a) || !PlainCount(b) || b.span.begin < a.span.end) continue;
    const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
    std::vector<Word> between = Words(gap);
    std::erase_if(between, [](const Word& w) { return w.is_number; });
    const bool adjacent = j == i + 1 && gap.find_first_of(".,;:!?()") == std::string_view::npos;
    if (WordsAre(between, {"des"}) || WordsAre(between, {"of", "the"}) ||
        WordsAre(between, {"d'entre", "les"})) {
      if (adjacent && b.value >= a.value && b.value >= 2) a.whole = b.value;
      continue;
    }
    // One comma, the counted noun before it, nothing else between the two figures.
    if (std::count(gap.begin(), gap.end(), ',') != 1 ||
        gap.find_first_of(".;:!?()") != std::string_view::npos || between.size() > kMaxNounWords ||
        a.value < b.value || a.value < 2) {
      continue;
    }
    size_t from = 0;
    const std::vector<Word> lead = WordsBefore(text, a.span.begin, 24, &from);
    auto ends_with = [&](std::string_view x, std::string_view y) {
      return lead.size() >= 2 && lead[lead.size() - 2].folded == x && lead.back().folded == y &&
             OpensClause(text, from + lead[lead.size() - 2].span.begin);
    };
    const bool stated_first = ends_with("sur", "les") || ends_with("parmi", "les") ||
                              ends_with("of", "the") || ends_with("among", "the") ||
                              (!lead.empty() && lead.back().folded == "sur" &&
                               OpensClause(text, from + lead.back().span.begin));
    if (stated_first) b.whole = a.value;
  }
}

}  // namespace

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
  MarkWholes(text, out);
  return out;
}

}  // namespace citecheck::text
