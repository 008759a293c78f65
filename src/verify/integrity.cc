#include "verify/verify.h"

namespace citecheck::verify {
namespace {

void Count(Tally& t, VerdictKind kind) {
  switch (kind) {
    case VerdictKind::kSupported:
      ++t.supported;
      break;
    case VerdictKind::kContradicted:
      ++t.contradicted;
      break;
    case VerdictKind::kNotFound:
      ++t.not_found;
      break;
    case VerdictKind::kUnverifiable:
      ++t.unverifiable;
      break;
  }
}

}  // namespace

int Tally::count(VerdictKind kind) const {
  switch (kind) {
    case VerdictKind::kSupported:
      return supported;
    case VerdictKind::kContradicted:
      return contradicted;
    case VerdictKind::kNotFound:
      return not_found;
    case VerdictKind::kUnverifiable:
      return unverifiable;
  }
  return 0;
}

double Tally::score() const {
  const int n = total();
  return n == 0 ? 1.0 : static_cast<double>(supported) / static_cast<double>(n);
}

Integrity ComputeIntegrity(const draft::Draft& draft, const std::vector<draft::Claim>& claims,
                           const std::vector<Verdict>& verdicts) {
  Integrity out;
  out.per_source.resize(draft.sources.size());
  out.per_section.resize(draft.sections.size());
  for (size_t i = 0; i < claims.size() && i < verdicts.size(); ++i) {
    const VerdictKind kind = verdicts[i].kind;
    Count(out.overall, kind);
    for (int s : claims[i].sources) {
      if (s >= 0 && static_cast<size_t>(s) < out.per_source.size()) Count(out.per_source[s], kind);
    }
    if (claims[i].sources.empty()) Count(out.unattributed, kind);
    const int section = claims[i].mentions.empty() ? -1 : claims[i].mentions.front().section;
    if (section >= 0 && static_cast<size_t>(section) < out.per_section.size()) {
      Count(out.per_section[section], kind);
    }
  }
  return out;
}

}  // namespace citecheck::verify
