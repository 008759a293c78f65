#include "draft/internal/grouping.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

namespace citecheck::draft::internal {
namespace {

using text::QuantityKind;

// Context overlap (shared stems over the smaller context) above which two mentions of
// the same figure are taken to state the same fact. Mentions of one fact are usually
// rephrasings, so they share about half their content words; different facts with the
// same figure rarely share more than a few.
constexpr double kSameFactOverlap = 0.4;
// With subjects that agree, a little shared context is enough.
constexpr double kWeakOverlap = 0.2;
// Subjects agree when half the smaller one is shared.
constexpr double kSubjectOverlap = 0.5;
// Within a group of equal figures, a mention is compared with at most this many of the
// mentions before it, so that a figure repeated thousands of times (a year) stays
// linear; rephrasings of one fact are rarely that far apart.
constexpr size_t kCompareWindow = 64;
// Counts up to this are common in any text ("trois", "four"), so an equal small count
// says little by itself.
constexpr double kSmallCount = 12;

// Words that designate the same kind of thing in drafts about firms and plans.
// Folded forms; both singular and plural.
const std::map<std::string, std::string, std::less<>>& Kin() {
  static const auto* kin = new std::map<std::string, std::string, std::less<>>{
      {"entreprise", "#firm"}, {"entreprises", "#firm"}, {"pme", "#firm"},
      {"tpe", "#firm"},        {"eti", "#firm"},         {"societe", "#firm"},
      {"societes", "#firm"},   {"firme", "#firm"},       {"firmes", "#firm"},
      {"startup", "#firm"},    {"startups", "#firm"},    {"company", "#firm"},
      {"companies", "#firm"},  {"firm", "#firm"},        {"firms", "#firm"},
      {"business", "#firm"},   {"businesses", "#firm"},  {"sme", "#firm"},
      {"smes", "#firm"},       {"axe", "#part"},         {"axes", "#part"},
      {"domaine", "#part"},    {"domaines", "#part"},    {"phase", "#part"},
      {"phases", "#part"},     {"etape", "#part"},       {"etapes", "#part"},
      {"pilier", "#part"},     {"piliers", "#part"},     {"volet", "#part"},
      {"volets", "#part"},     {"levier", "#part"},      {"leviers", "#part"},
      {"priorite", "#part"},   {"priorites", "#part"},   {"chantier", "#part"},
      {"chantiers", "#part"},  {"area", "#part"},        {"areas", "#part"},
      {"pillar", "#part"},     {"pillars", "#part"},     {"step", "#part"},
      {"steps", "#part"},      {"stage", "#part"},       {"stages", "#part"},
      {"strand", "#part"},     {"strands", "#part"},     {"priority", "#part"},
      {"priorities", "#part"}, {"axis", "#part"}};
  return *kin;
}

// Shared terms over the smaller set; both arguments sorted and unique.
double Overlap(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return 0.0;
  size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
}

// A figure two different facts are unlikely to share by chance in one article: not
// round ("87 %", "13,5 %", "1 234"), not a small count, not a year or date.
bool Distinctive(const text::Quantity& q) {
  switch (q.kind) {
    case QuantityKind::kPercent:
    case QuantityKind::kPercentagePoints:
    case QuantityKind::kMoney:
    case QuantityKind::kCount:
    case QuantityKind::kMeasure:
      break;
    default:
      return false;
  }
  if (q.decimals > 0) return true;
  double v = std::abs(q.value);
  if (v <= kSmallCount || v != std::floor(v) || v > 1e15) return false;
  while (v >= 10 && std::fmod(v, 10) == 0) v /= 10;
  return std::fmod(v, 5) != 0 && v > kSmallCount;
}

bool SameFact(const FactKey& a, const FactKey& b) {
  const double context = Overlap(a.context, b.context);
  if (context >= kSameFactOverlap) return true;
  if (!a.items.empty() && !b.items.empty() && Overlap(a.items, b.items) >= kSubjectOverlap) {
    return true;
  }
  if (Overlap(a.subject, b.subject) < kSubjectOverlap) return false;
  const bool parts = a.quantity.kind == QuantityKind::kCount && a.part_subject && b.part_subject;
  return parts || Distinctive(a.quantity) || context >= kWeakOverlap ||
         Overlap(a.predicate, b.predicate) >= kWeakOverlap;
}

size_t Find(std::vector<size_t>& parent, size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

}  // namespace

const std::string& TermMaker::Term(const std::string& word, bool kin) {
  auto it = kin ? Kin().find(word) : Kin().end();
  if (it != Kin().end()) return it->second;
  auto [stem, fresh] = stems_.try_emplace(word);
  if (fresh) stem->second = text::Stem(word, lang_);
  return stem->second;
}

std::vector<std::string> TermMaker::Terms(const std::vector<std::string>& words, bool kin) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(Term(w, kin));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int TermMaker::Id(const std::string& term) {
  return ids_.try_emplace(term, static_cast<int>(ids_.size())).first->second;
}

std::vector<int> TermMaker::Ids(const std::vector<std::string>& words, bool kin) {
  std::vector<int> out;
  out.reserve(words.size());
  for (const std::string& w : words) out.push_back(Id(Term(w, kin)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> GroupTerms(const std::vector<std::string>& words, text::Lang lang,
                                    bool kin) {
  return TermMaker(lang).Terms(words, kin);
}

// Keys are compared only within buckets of the same figure, and with a bounded
// window of earlier keys, so a long draft with thousands of figures stays linear.
std::vector<size_t> GroupFacts(const std::vector<FactKey>& keys) {
  std::vector<size_t> parent(keys.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::map<std::tuple<int, std::string, double, bool>, std::vector<size_t>> buckets;
  for (size_t i = 0; i < keys.size(); ++i) {
    const text::Quantity& q = keys[i].quantity;
    buckets[{static_cast<int>(q.kind), q.unit, q.value, keys[i].negated}].push_back(i);
  }
  for (const auto& [key, members] : buckets) {
    for (size_t y = 1; y < members.size(); ++y) {
      for (size_t x = y > kCompareWindow ? y - kCompareWindow : 0; x < y; ++x) {
        if (Find(parent, members[x]) == Find(parent, members[y])) continue;
        if (!SameFact(keys[members[x]], keys[members[y]])) continue;
        parent[Find(parent, members[y])] = Find(parent, members[x]);
      }
    }
  }
  // Each group is named by its first member, so claims come in order of first mention.
  std::vector<size_t> first(keys.size());
  std::vector<size_t> root_first(keys.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t r = Find(parent, i);
    if (root_first[r] == keys.size()) root_first[r] = i;
    first[i] = root_first[r];
  }
  return first;
}

}  // namespace citecheck::draft::internal
