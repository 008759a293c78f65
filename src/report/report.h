// report: what a check found, and the renderers that show it.
//
// CheckReport gathers everything a person or a tool needs about one check: the draft,
// each claim with its verdict and evidence, each source with its fetch outcome and its
// reliability next to the declared one, the findings, and the integrity score with its
// breakdown. RenderText writes it for a terminal (summary first, then claims grouped
// by source with the evidence quoted); RenderJson writes the stable JSON documented in
// docs/json-report.md and docs/schema/check-report.schema.json.
//
// Thread-safety: pure functions over values.
#ifndef CITECHECK_REPORT_REPORT_H_
#define CITECHECK_REPORT_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "draft/draft.h"
#include "verify/verify.h"

namespace citecheck::report {

// Bumped when a field changes meaning or disappears; additions keep the version.
inline constexpr int kJsonSchemaVersion = 1;

struct FetchSummary {
  std::string outcome;           // crawler::FetchOutcomeName, or "no_url"
  int status = 0;                // HTTP status, 0 when none
  std::string final_url;
  std::string error;             // why it failed, for people
  std::vector<std::string> redirects;  // "301 https://a -> https://b" per hop
  std::string content_type;
  std::string archive_file;      // WARC file holding the response, or ""
  int64_t archive_offset = -1;
  bool from_archive = false;     // replayed rather than fetched
  bool operator==(const FetchSummary&) const = default;
};

struct SourceReport {
  draft::SourceEntry entry;
  FetchSummary fetch;
  std::string title;             // of the fetched document
  verify::Reliability reliability;
  bool overrated = false;        // declared rating well above the computed one
  bool operator==(const SourceReport&) const = default;
};

struct ClaimReport {
  draft::Claim claim;
  verify::Verdict verdict;
  bool operator==(const ClaimReport&) const = default;
};

struct CheckReport {
  std::string draft_path;
  std::string title;
  std::string lang;              // "fr", "en" or ""
  std::string checked_at;        // ISO 8601 UTC
  std::vector<draft::Section> sections;
  std::vector<ClaimReport> claims;
  std::vector<SourceReport> sources;
  std::vector<draft::Finding> findings;
  verify::Integrity integrity;
  double min_integrity = 0;
  bool passed() const { return integrity.overall.score() >= min_integrity; }
  bool operator==(const CheckReport&) const = default;
};

// A declared rating this many points above the computed one is flagged.
inline constexpr double kOverratedMargin = 2.0;

struct TextOptions {
  bool color = false;  // ANSI colours (verdicts are also spelled out, never colour alone)
};

std::string RenderText(const CheckReport& report, const TextOptions& options);

// One JSON object, pretty-printed, ending in a newline.
std::string RenderJson(const CheckReport& report);

// The claims of a draft before any check (`citecheck claims`): each with its figure,
// qualifiers, context, polarity, attribution and mentions, plus the draft's findings.
std::string RenderClaimsText(const draft::Draft& draft, const std::vector<draft::Claim>& claims,
                             const TextOptions& options);
std::string RenderClaimsJson(const draft::Draft& draft, const std::vector<draft::Claim>& claims);

}  // namespace citecheck::report

#endif  // CITECHECK_REPORT_REPORT_H_
