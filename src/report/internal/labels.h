// The words the HTML and Markdown reports are written with, in French and English,
// and the number formats of each language. The verifier's reasons and the crawler's
// errors stay in English; the renderers mark them as such.
//
// Thread-safety: immutable data and pure functions.
#ifndef CITECHECK_REPORT_INTERNAL_LABELS_H_
#define CITECHECK_REPORT_INTERNAL_LABELS_H_

#include <string>
#include <string_view>

#include "verify/verify.h"

namespace citecheck::report::internal {

struct Labels {
  std::string_view lang;  // "fr" or "en"
  std::string_view report_kind;
  std::string_view checked;
  std::string_view summary;
  std::string_view integrity;
  std::string_view integrity_of;  // "... supported by their sources: {a} of {b}"
  std::string_view minimum;
  std::string_view passed;
  std::string_view failed;
  std::string_view skip_to_claims;
  std::string_view findings;
  std::string_view claims;
  std::string_view no_claims;
  std::string_view col_verdict, col_claim, col_sentence, col_source, col_line;
  std::string_view draft;
  std::string_view draft_hint;
  std::string_view draft_missing;
  std::string_view evidence;
  std::string_view evidence_empty;
  std::string_view legend;
  std::string_view why;
  std::string_view support;
  std::string_view passage_supports, passage_contradicts, passage_closest;
  std::string_view no_passage;
  std::string_view other_passages;
  std::string_view stated_in_draft;  // "Stated {a} times in the draft"
  std::string_view show_in_draft;
  std::string_view line;
  std::string_view column;
  std::string_view attributed_to;
  std::string_view unattributed;
  std::string_view decided_by;
  std::string_view complement;
  std::string_view final_url;
  std::string_view archived_copy;
  std::string_view archive_offset;  // "record at byte {a}"
  std::string_view replayed;
  std::string_view no_archive;
  std::string_view sources;
  std::string_view no_sources;
  std::string_view col_fetch, col_declared, col_computed, col_reasons, col_claims;
  std::string_view fetch_ok, fetch_failed, no_url;
  std::string_view inline_link;
  std::string_view overrated;
  std::string_view overrated_short;
  std::string_view declared;
  std::string_view weak;
  std::string_view redirect;
  std::string_view not_declared;
  std::string_view claims_supported;  // "supported: {a} of {b}"
  std::string_view to_review;
  std::string_view problem_sources;
  std::string_view supported_folded;
  std::string_view more_rows;  // "{a} more in the full report"
  std::string_view verdict_one[4];
  std::string_view verdict_many[4];
  std::string_view verdict_help[4];
  std::string_view claim_review_rating[4];
};

// French for "fr", English otherwise.
const Labels& LabelsFor(std::string_view lang);

// The verdict's sign, shown beside its word so colour is never the only cue:
// ✓ supported, ✗ contradicted, ? not found, ⊘ unverifiable.
std::string_view VerdictSign(verify::VerdictKind kind);

// The verdict's word for one claim, capitalized ("Contradicted", "Contredite").
std::string_view VerdictWord(const Labels& l, verify::VerdictKind kind);

// The verdict's word agreeing with a count of `n` claims: "contradicted" (English),
// "contredite" (0 or 1, French) or "contredites".
std::string_view VerdictCountWord(const Labels& l, verify::VerdictKind kind, int n);

// "3 contradicted" / "1 contredite", "3 contredites".
std::string VerdictCount(const Labels& l, verify::VerdictKind kind, int n);

// ": " in English, " : " (no-break space first) in French.
std::string_view Colon(const Labels& l);

// `pattern` with "{a}" replaced by `a` and "{b}" by `b`.
std::string Fill(std::string_view pattern, std::string_view a, std::string_view b = "");

// 0.5 -> "50 %" (French, no-break space) or "50%" (English).
std::string Percent(const Labels& l, double fraction);
// 8 -> "8/10", 7.5 -> "7,5/10" or "7.5/10".
std::string Rating(const Labels& l, double v);
// "2025-03-18T09:30:00Z" -> "2025-03-18 09:30 UTC"; anything else unchanged.
std::string When(std::string_view iso);

// A support score with two decimals: "0,83" or "0.83".
std::string Decimal2(const Labels& l, double v);

}  // namespace citecheck::report::internal

#endif  // CITECHECK_REPORT_INTERNAL_LABELS_H_
