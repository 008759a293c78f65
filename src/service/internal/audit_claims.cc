#include "service/internal/audit_claims.h"

#include <algorithm>

#include "common/hash.h"
#include "draft/draft.h"
#include "service/internal/audit_recorder.h"
#include "verify/verify.h"

namespace citecheck::service::internal {
namespace {

using common::Result;

std::vector<verify::SourceState> States(const draft::Draft& d, const draft::Claim& claim,
                                        const std::map<std::string, SourceReadState>& reads) {
  std::vector<verify::SourceState> out;
  for (size_t i = 0; i < d.sources.size(); ++i) {
    const draft::SourceEntry& e = d.sources[i];
    verify::SourceState s;
    s.index = static_cast<int>(i);
    s.url = e.url;
    s.cited = std::find(claim.sources.begin(), claim.sources.end(), static_cast<int>(i)) !=
              claim.sources.end();
    if (e.url.empty()) {
      s.reason = "the entry gives no URL";
    } else if (auto it = reads.find(UrlKey(e.url)); it != reads.end()) {
      s.readable = it->second.readable;
      s.reason = it->second.failure;
    } else {
      s.reason = "not fetched";
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Before this run: the latest audit result of the claim, else its published verdict.
Result<std::optional<ClaimBefore>> Before(const AuditArticle& article, const std::string& id,
                                          const store::Store& store, int64_t run_id) {
  CC_ASSIGN_OR_RETURN(const std::optional<store::AuditClaimRecord> last,
                      store.LatestAuditClaim(article.key, id, run_id));
  if (last)
    return std::optional<ClaimBefore>({last->verdict, last->evidence_text, last->evidence_sha256});
  for (const store::ArticleClaimRecord& c : article.published_claims) {
    if (c.claim_id == id) {
      return std::optional<ClaimBefore>({c.verdict, c.evidence_text, c.evidence_sha256});
    }
  }
  return std::optional<ClaimBefore>();
}

// The language claims and passages are compared in: the draft's, or when it is too
// short to tell, the one most of its sources read now are written in (as a check does).
text::Lang VerifyLang(const draft::Draft& d, const std::map<std::string, SourceReadState>& reads) {
  if (d.lang != text::Lang::kUnknown) return d.lang;
  int fr = 0, en = 0;
  for (const draft::SourceEntry& e : d.sources) {
    const auto it = reads.find(UrlKey(e.url));
    if (e.url.empty() || it == reads.end() || !it->second.readable) continue;
    fr += it->second.lang == text::Lang::kFr ? 1 : 0;
    en += it->second.lang == text::Lang::kEn ? 1 : 0;
  }
  if (fr == 0 && en == 0) return text::Lang::kUnknown;
  return fr >= en ? text::Lang::kFr : text::Lang::kEn;
}

store::AuditClaimRecord RecordOf(const AuditArticle& article, const draft::Claim& claim,
                                 const verify::Verdict& v,
                                 const std::optional<ClaimBefore>& before) {
  store::AuditClaimRecord r;
  r.article_key = article.key;
  r.claim_id = claim.id;
  r.sentence = claim.sentence;
  if (v.source >= 0 && v.source < static_cast<int>(article.draft.sources.size())) {
    r.source_url = article.draft.sources[v.source].url;
  }
  r.verdict = std::string(verify::VerdictName(v.kind));
  r.previous_verdict = before ? before->verdict : "";
  r.support = v.support;
  r.outcome = ClaimOutcome(before, r.verdict);
  if (!v.evidence.empty()) {
    r.evidence_text = v.evidence.front().text;
    r.evidence_sha256 = common::Sha256Hex(r.evidence_text);
  }
  // The passage that backed the claim before, when the text now differs: what drifted.
  if (before && !before->evidence_text.empty() && before->evidence_sha256 != r.evidence_sha256) {
    r.old_evidence_text = before->evidence_text;
  }
  return r;
}

}  // namespace

std::string ClaimOutcome(const std::optional<ClaimBefore>& before, std::string_view now) {
  if (!before) return "new";
  const bool was = before->verdict == "supported";
  const bool is = now == "supported";
  if (was && is) return "still_supported";
  if (was) return "support_lost";
  return before->verdict == now ? "unchanged" : "changed_verdict";
}

Result<std::vector<store::AuditClaimRecord>> AuditArticleClaims(
    const AuditArticle& article, const std::map<std::string, SourceReadState>& reads,
    const index::Index& index, const common::VerifyConfig& config, const store::Store& store,
    int64_t run_id) {
  const draft::Draft& d = article.draft;
  const text::Lang lang = VerifyLang(d, reads);
  verify::Verifier verifier(index, config);
  std::vector<store::AuditClaimRecord> out;
  for (const draft::Claim& claim : draft::ExtractClaims(d)) {
    const verify::Verdict v = verifier.Verify(claim, States(d, claim, reads), lang);
    CC_ASSIGN_OR_RETURN(const std::optional<ClaimBefore> before,
                        Before(article, claim.id, store, run_id));
    store::AuditClaimRecord r = RecordOf(article, claim, v, before);
    r.run_id = run_id;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace citecheck::service::internal
