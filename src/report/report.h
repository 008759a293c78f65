// report: what a check found, and the renderers that show it.
//
// CheckReport gathers everything a person or a tool needs about one check: the draft,
// each claim with its verdict and evidence, each source with its fetch outcome and its
// reliability next to the declared one, the findings, and the integrity score with its
// breakdown. RenderText writes it for a terminal (summary first, then claims grouped
// by source with the evidence quoted); RenderJson writes the stable JSON documented in
// docs/json-report.md and docs/schema/check-report.schema.json. The other renderers
// serve editors and tools: one self-contained HTML page (RenderHtml), SARIF 2.1.0 for
// code-scanning tools (RenderSarif), a Markdown summary for a pull-request comment
// (RenderMarkdown), JUnit XML for CI test views (RenderJunit) and schema.org
// ClaimReview JSON-LD (RenderClaimReview). docs/report-formats.md describes them.
//
//   auto outputs = report::ParseOutputs("text,html=report.html");
//   for (const report::Output& o : *outputs) Write(o.path, report::Render(r, o.format, {}));
//
// Thread-safety: pure functions over values.
#ifndef CITECHECK_REPORT_REPORT_H_
#define CITECHECK_REPORT_REPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
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
  // The draft file as read. Mention, section and finding ranges are byte offsets into
  // it. Only the HTML report uses it (to show the draft); when it is empty the page
  // lists the claims without the draft.
  std::string draft_content;
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

// ---------------------------------------------------------------------------------
// Reports for editors and tools. Every renderer escapes what it copies from the draft
// and its sources, so neither can inject markup into the output.

// One HTML page with everything inline (styles, script; no external asset, works
// offline; a Content-Security-Policy forbids anything else): a summary (integrity
// score, counts by verdict, findings), the claims in a table, the draft rendered from
// its Markdown with each claim mention marked by verdict (a sign and a word as well as
// a colour), an evidence panel for the selected claim (the passage with the deciding
// figure marked, the source with its URL and archived copy, the reason), and the
// sources table (fetch outcome, declared vs computed reliability, reasons). Claims are
// buttons (mouse or keyboard); "j"/"k" move to the next/previous claim; the URL
// fragment "#claim=c3" selects c3 when the page opens. Interface text is French when
// report.lang is "fr", English otherwise.
std::string RenderHtml(const CheckReport& report);

// `s` with &, <, >, " and ' written as HTML character references (NUL bytes dropped),
// safe in element content and in quoted attribute values; for other HTML pages built
// from drafts and sources (the audit report).
std::string EscapeHtml(std::string_view s);

// SARIF 2.1.0 (one run): a result per claim that is not supported, per source that
// could not be read or rates weak (computed reliability under kWeakReliability, or
// overrated), and per finding, located in the draft (line, column; columns count code
// points: run.columnKind is "unicodeCodePoints"). Rule ids are stable
// (docs/report-formats.md lists them); partialFingerprints["citecheck/v1"] hashes
// what the result is about (rule, figure and sentence, or source URL) and not where
// it is, so re-runs and edits elsewhere in the draft do not duplicate alerts. The
// run's automationDetails.id, "citecheck/<draft path>/", gives each draft its own
// category.
std::string RenderSarif(const CheckReport& report);

// A computed reliability below this (out of 10) makes a readable source weak.
inline constexpr double kWeakReliability = 5.0;

// A Markdown summary for a pull-request comment (GitHub-flavoured): the score and
// counts, the claims to review with the reason, the dead or weak sources, and the
// supported claims folded away. In the draft's language (FR or EN); at most
// kMarkdownMaxRows claims listed per table, the rest counted.
std::string RenderMarkdown(const CheckReport& report);
inline constexpr size_t kMarkdownMaxRows = 50;

// JUnit XML: one <testcase> per claim; contradicted and not_found claims are
// <failure>s, unverifiable ones <error>s (the check could not be made), supported
// ones pass. Characters XML 1.0 forbids are dropped.
std::string RenderJunit(const CheckReport& report);

// schema.org ClaimReview JSON-LD: {"@context": "https://schema.org", "@graph": [...]}
// with one ClaimReview per claim (the sentence reviewed, a rating from 1 to 5 named in
// the draft's language -- none for unverifiable claims -- the reason, and the passage
// that decided as citation).
std::string RenderClaimReview(const CheckReport& report);

// ---------------------------------------------------------------------------------
// Choosing outputs: `citecheck check --format text,json=out.json,html=report.html`.

enum class Format { kText, kJson, kHtml, kSarif, kMarkdown, kJunit, kClaimReview };

// "text", "json", "html", "sarif", "markdown", "junit", "claimreview".
std::string_view FormatName(Format format);

// Every format, in the order above.
const std::vector<Format>& AllFormats();

struct Output {
  Format format = Format::kText;
  std::string path;  // "" for standard output
  bool operator==(const Output&) const = default;
};

// Parses a comma-separated list of FORMAT or FORMAT=PATH ("-" as PATH is standard
// output). Errors (kInvalidArgument, naming the item): an empty list or item, an
// unknown format, an empty path, two outputs to standard output, the same path twice.
common::Result<std::vector<Output>> ParseOutputs(std::string_view spec);

struct RenderOptions {
  bool color = false;  // ANSI colours in text
};

// The report in `format`.
std::string Render(const CheckReport& report, Format format, const RenderOptions& options);

}  // namespace citecheck::report

#endif  // CITECHECK_REPORT_REPORT_H_
