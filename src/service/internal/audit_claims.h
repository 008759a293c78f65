// The claims half of an audit: each claim of an article verified again against the
// text its sources have now, and compared with what was known before (the last run,
// else publication).
#ifndef CITECHECK_SERVICE_INTERNAL_AUDIT_CLAIMS_H_
#define CITECHECK_SERVICE_INTERNAL_AUDIT_CLAIMS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/config.h"
#include "common/status.h"
#include "index/index.h"
#include "service/service.h"
#include "store/store.h"

namespace citecheck::service::internal {

// How a source of an article was read in this run, keyed by UrlKey.
struct SourceReadState {
  bool readable = false;
  std::string failure;                     // why not, for people
  text::Lang lang = text::Lang::kUnknown;  // of the text read
};

// What a claim was before this run.
struct ClaimBefore {
  std::string verdict;
  std::string evidence_text;
  std::string evidence_sha256;
};

// The outcome of a claim whose verdict went from `before` (nullopt: never seen) to
// `now`: new; still_supported; support_lost (supported before, not now);
// changed_verdict (any other change); unchanged.
std::string ClaimOutcome(const std::optional<ClaimBefore>& before, std::string_view now);

// Verifies every claim of `article` against the sources read in this run (`reads`;
// the index holds their text) and compares each with `store`'s latest result before
// `run_id`, else with the published claim. The records are not stored.
common::Result<std::vector<store::AuditClaimRecord>> AuditArticleClaims(
    const AuditArticle& article, const std::map<std::string, SourceReadState>& reads,
    const index::Index& index, const common::VerifyConfig& config, const store::Store& store,
    int64_t run_id);

}  // namespace citecheck::service::internal

#endif  // CITECHECK_SERVICE_INTERNAL_AUDIT_CLAIMS_H_
