// A claim reduced to what tests state about it, so that a whole claim list compares
// in one expectation and prints readably when it differs.
#ifndef CITECHECK_TESTS_DRAFT_CLAIM_SUMMARY_H_
#define CITECHECK_TESTS_DRAFT_CLAIM_SUMMARY_H_

#include <ostream>
#include <string>
#include <vector>

#include "draft/draft.h"

namespace citecheck::draft {

struct ClaimSummary {
  std::string figure;                   // "percent 13 '13%'"
  std::vector<std::string> qualifiers;  // as written: "2024"
  bool negated = false;
  std::vector<int> sources;
  std::vector<std::string> mentions;  // "17:17-17:20"
  std::string subject;
  std::string predicate;
  std::vector<std::string> items;
  // Per mention, its citations: "named 'CCI Provence-Alpes-Côte d'Azur' -> 0".
  std::vector<std::vector<std::string>> citations;
  bool operator==(const ClaimSummary&) const = default;
};

inline std::string Figure(const text::Quantity& q) {
  std::string value = std::to_string(q.value);
  value.erase(value.find_last_not_of('0') + 1);
  if (!value.empty() && value.back() == '.') value.pop_back();
  return std::string(text::QuantityKindName(q.kind)) + " " + value + " '" + q.text + "'";
}

inline ClaimSummary Summarize(const Claim& c) {
  ClaimSummary s;
  s.figure = Figure(c.quantity);
  for (const text::Quantity& q : c.qualifiers) s.qualifiers.push_back(q.text);
  s.negated = c.negated;
  s.sources = c.sources;
  for (const Mention& m : c.mentions) {
    s.mentions.push_back(std::to_string(m.range.line) + ":" + std::to_string(m.range.column) + "-" +
                         std::to_string(m.range.end_line) + ":" +
                         std::to_string(m.range.end_column));
    std::vector<std::string> cites;
    for (const Citation& ct : m.citations) {
      cites.push_back(std::string(CitationKindName(ct.kind)) + " '" + ct.label + "' -> " +
                      std::to_string(ct.source));
    }
    s.citations.push_back(std::move(cites));
  }
  s.subject = c.subject;
  s.predicate = c.predicate;
  s.items = c.items;
  return s;
}

inline std::vector<ClaimSummary> SummarizeAll(const std::vector<Claim>& claims) {
  std::vector<ClaimSummary> out;
  for (const Claim& c : claims) out.push_back(Summarize(c));
  return out;
}

inline void PrintTo(const ClaimSummary& s, std::ostream* os) {
  auto list = [os](const std::vector<std::string>& v) {
    *os << "{";
    for (size_t i = 0; i < v.size(); ++i) *os << (i ? ", " : "") << "\"" << v[i] << "\"";
    *os << "}";
  };
  *os << "\n  {\"" << s.figure << "\", ";
  list(s.qualifiers);
  *os << ", " << (s.negated ? "negated" : "positive") << ", sources {";
  for (size_t i = 0; i < s.sources.size(); ++i) *os << (i ? ", " : "") << s.sources[i];
  *os << "}, mentions ";
  list(s.mentions);
  *os << ",\n   subject \"" << s.subject << "\", predicate \"" << s.predicate << "\", items ";
  list(s.items);
  *os << ",\n   citations {";
  for (const auto& c : s.citations) list(c);
  *os << "}}";
}

}  // namespace citecheck::draft

#endif  // CITECHECK_TESTS_DRAFT_CLAIM_SUMMARY_H_
