// Which mentions of the same figure state the same fact.
#ifndef CITECHECK_DRAFT_INTERNAL_GROUPING_H_
#define CITECHECK_DRAFT_INTERNAL_GROUPING_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "text/text.h"

namespace citecheck::draft::internal {

// What grouping looks at in one mention. Terms are ids given by one TermMaker, in
// sorted, unique lists.
struct FactKey {
  text::Quantity quantity;
  bool negated = false;
  std::vector<int> context;    // stems of the sentence's content words
  std::vector<int> subject;    // stems of the subject, classes for kin words
  std::vector<int> predicate;  // stems of the predicate
  std::vector<int> items;      // stems of the announced items
  bool part_subject = false;   // the subject holds a word of the "#part" class
};

// The terms of `words` (folded content words) for grouping: stems, sorted and unique.
// With `kin`, words of a kind are replaced by their class ("pme", "entreprises",
// "companies" -> "#firm"; "axes", "phases", "domaines", "pillars" -> "#part"), for
// comparing subjects.
std::vector<std::string> GroupTerms(const std::vector<std::string>& words, text::Lang lang,
                                    bool kin);

// GroupTerms for many word lists of one text, as ids: each distinct word is stemmed
// once, each distinct term numbered once, so that comparing terms compares ints.
// Not thread-safe (it caches).
class TermMaker {
 public:
  explicit TermMaker(text::Lang lang) : lang_(lang) {}
  std::vector<std::string> Terms(const std::vector<std::string>& words, bool kin);
  std::vector<int> Ids(const std::vector<std::string>& words, bool kin);
  // The id of a term ("#part"), numbering it if new.
  int Id(const std::string& term);

 private:
  const std::string& Term(const std::string& word, bool kin);

  const text::Lang lang_;
  std::unordered_map<std::string, std::string> stems_;
  std::unordered_map<std::string, int> ids_;
};

// Groups `keys` into facts: the result gives, for each key, the index of the first key
// of its group. Keys are compared only with keys of an equal figure and polarity.
std::vector<size_t> GroupFacts(const std::vector<FactKey>& keys);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_GROUPING_H_
