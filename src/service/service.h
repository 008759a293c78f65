// service: the check pipeline shared by the command line and the HTTP server.
//
// A check reads a parsed draft, extracts its claims, fetches every cited URL (through
// whatever Fetcher it is given: the network, or a WARC archive to replay), extracts
// and indexes the pages, verifies each claim, rates each source, and records the whole
// run in the store in one transaction. The data directory holds citecheck.db, index/
// and warc/.
//
//   auto ws = service::OpenWorkspace(config.store);
//   service::CheckService checks(config, fetcher, *ws->store, *ws->index, clock, logger);
//   auto report = checks.Check(*draft);
//
// Thread-safety: a CheckService is used by one thread at a time.
#ifndef CITECHECK_SERVICE_SERVICE_H_
#define CITECHECK_SERVICE_SERVICE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"
#include "crawler/crawler.h"
#include "draft/draft.h"
#include "extract/extract.h"
#include "index/index.h"
#include "report/report.h"
#include "store/store.h"
#include "verify/verify.h"

namespace citecheck::service {

struct Workspace {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<index::Index> index;
  std::filesystem::path warc_dir;
};

// Opens the data directory, creating it and its parts when missing.
// Errors: kIoError naming the directory that cannot be created or opened.
common::Result<Workspace> OpenWorkspace(const common::StoreConfig& config);

// A new archive file name under `warc_dir` for a run starting at `now_micros`:
// "<warc_dir>/citecheck-20250730T120000Z-<pid>.warc.gz".
std::filesystem::path NewWarcPath(const std::filesystem::path& warc_dir, int64_t now_micros);

// Why a fetch gives nothing to read, for people: "DNS failure: could not resolve host
// x.fr", "HTTP 404 Not Found", "not in the archive".
std::string FailureReason(const crawler::FetchResult& fetch);

// What the pipeline learned about one source URL.
struct SourceRead {
  crawler::FetchResult fetch;
  std::optional<extract::Document> doc;  // when the body was read; doc->lang is set
  std::string failure;                   // why it was not, otherwise
};

// Extracts a fetched body and indexes its passages under fetch.url (replacing what the
// index held for that URL). A page that cannot be read is a `failure`, not an error;
// errors come from the index only.
common::Result<SourceRead> ReadFetched(crawler::FetchResult fetch, index::Index& index);

// Indexes an extracted document under `url`: its blocks cut into passages, in its
// language (declared, else detected).
common::Status IndexDocument(const std::string& url, const extract::Document& doc,
                             index::Index& index);

// Fetches `urls` (each once), reads and indexes every page, and commits the index.
// Logs one line per URL. Results are keyed by the URL as given.
common::Result<std::map<std::string, SourceRead>> ReadSources(
    const std::vector<std::string>& urls, crawler::Fetcher& fetcher, index::Index& index,
    common::Logger& logger);

class CheckService {
 public:
  // Every reference must outlive the service.
  CheckService(const common::Config& config, crawler::Fetcher& fetcher, store::Store& store,
               index::Index& index, const common::Clock& clock, common::Logger& logger);
  CheckService(const CheckService&) = delete;
  CheckService& operator=(const CheckService&) = delete;

  // Runs the whole check. Errors only for failures of our own machinery (the store,
  // the index); unreachable sources are verdicts, not errors.
  common::Result<report::CheckReport> Check(const draft::Draft& draft);

 private:
  const common::Config& config_;
  crawler::Fetcher& fetcher_;
  store::Store& store_;
  index::Index& index_;
  const common::Clock& clock_;
  common::Logger& logger_;
};


// =================================================================================
// verify-claims: single claims, each checked against the one source it cites (a
// benchmark case, an API call), through the same extract -> index -> verify path as
// a check. Each case gets its own in-memory index, so that its verdict never depends
// on the other cases of a batch.
//
//   ClaimCaseRunner runner(config, &fetcher);
//   for (const ClaimCase& c : cases) auto result = runner.Run(c);

struct ClaimCase {
  std::string id;
  std::string claim;                       // the claim, one or a few sentences
  text::Lang lang = text::Lang::kUnknown;  // kUnknown: detected from the claim
  // The source: its text given inline, or a local file, or a URL to fetch, looked at
  // in that order. A URL given with a text or file only names that text.
  std::string source_text;
  std::string source_file;
  std::string source_url;
  std::string claim_context;  // the sentences before the claim ("He" is whom?)
  bool operator==(const ClaimCase&) const = default;
};

// Parses one JSON object {id, claim, lang?, source_text | source_file | source_url,
// claim_context?}. Other members are ignored (a labelled data set may be fed as is).
// Errors: kInvalidArgument naming what is wrong ("not a JSON object", "\"claim\" is
// missing", "\"id\" must be a string", "no source_text, source_file or source_url").
common::Result<ClaimCase> ParseClaimCase(std::string_view json);

// One fact of a case's claim (one figure, or the whole statement when it states none)
// and its verdict.
struct FactResult {
  draft::Claim claim;
  verify::Verdict verdict;
  bool operator==(const FactResult&) const = default;
};

struct ClaimCaseResult {
  std::string id;
  // The weakest of the facts' verdicts (contradicted, then not_found, then
  // supported); unverifiable when the source could not be read.
  verify::VerdictKind kind = verify::VerdictKind::kNotFound;
  // Supported: the wording's support score (at least 0.5). Otherwise 0.49 times that
  // score, halved when contradicted: under 0.5, and ranked by how near the source comes
  // to the claim's wording whichever fact failed. A claim without a figure is its
  // wording alone.
  double support = 0;
  std::vector<verify::Evidence> evidence;  // the weakest fact's first, best first
  std::string reason;                      // the weakest fact's reason
  std::vector<FactResult> facts;           // in the claim's order
  int64_t verify_micros = 0;               // time spent verifying, source already indexed
  bool operator==(const ClaimCaseResult&) const = default;
};

// Verifies every fact of `claim` against `source` with `verifier`: each figure of the
// sentence (draft::ClaimsOfText), plus its wording as one more fact when it has figures,
// so that a right year does not carry a claim the source does not make. The claim takes
// the weakest fact's verdict. Sets facts, kind, support, evidence, reason and
// verify_micros; not id.
ClaimCaseResult VerifyClaimText(const verify::Verifier& verifier, std::string_view claim,
                                const verify::SourceState& source, text::Lang lang);

// One JSON line (no newline): {id, verdict, support, evidence: [{text, start, end,
// score}], quantities: [{text, kind, value, unit, verdict, support, evidence_figure}],
// reason}, plus "verify_ms" when `with_timing` and the deciding fact's "signals" when
// `with_signals`.
std::string ClaimCaseResultJson(const ClaimCaseResult& r, bool with_timing, bool with_signals);

// The publishers sources are rated with: verify::BuiltinPublishers(), then the entries
// of config.publishers_file when it names one (they win over the built-in ones).
// Errors: the file's, naming it (unreadable, malformed).
common::Result<std::vector<verify::Publisher>> LoadPublishers(const common::VerifyConfig& config);

class ClaimCaseRunner {
 public:
  // `fetcher` fetches sources given by URL only; null means such sources are
  // unverifiable. References must outlive the runner.
  ClaimCaseRunner(const common::Config& config, crawler::Fetcher* fetcher);

  // Reads the case's source, indexes it, and verifies each fact of the claim. A source
  // that cannot be read gives an unverifiable result, not an error. Errors: the index
  // failing, and kInvalidArgument for an empty claim.
  common::Result<ClaimCaseResult> Run(const ClaimCase& c) const;

 private:
  const common::Config& config_;
  crawler::Fetcher* const fetcher_;
};

// =================================================================================
// audit: the nightly re-check of published articles (`citecheck audit`).
//
// An audit re-fetches every URL the articles cite (conditionally, politely), classes
// each one -- ok, redirected (a permanent move: the new URL is proposed), failing then
// dead (404, 410, DNS or connection failure, confirmed only after
// audit.confirm_failures failures audit.confirm_spacing_hours apart), soft404,
// blocked (401, 403, 429, 999, robots.txt, anti-bot pages: not dead), drifted (the
// text changed since the last run or publication), error -- re-verifies every claim
// against the new text, and compares both with the previous run of the same scope.
// Dead and drifted sources get the closest archived copy (Memento). Each URL's result
// is committed as it arrives, keyed by (run, url): a run killed at any point is
// resumed by the next call with the same scope and shard, and nothing is lost or
// written twice.
//
//   auto input = service::RegistryAuditInput(*ws->store);
//   service::AuditService audit(config, factory, ws->dir / "citecheck.db", *ws->store,
//                               *ws->index, clock, logger);
//   auto report = audit.Run(*input, shard);
//   std::cout << service::RenderAuditMarkdown(*report);

// "--shard I/N": the URLs whose host hashes to I (1-based) of N.
struct AuditShard {
  int index = 1;
  int count = 1;
  std::string spec() const;  // "" for 1/1, else "I/N"
  bool operator==(const AuditShard&) const = default;
};

// Parses "I/N" with 1 <= I <= N. kInvalidArgument naming the text otherwise.
common::Result<AuditShard> ParseShard(std::string_view spec);

// True when `url`'s host falls in `shard` (a stable hash of the lower-case host, so
// every machine agrees; a text that is not a URL, an article's path, is hashed whole).
bool InShard(std::string_view url, const AuditShard& shard);

// One article to audit: its draft, and what publication recorded (empty for a folder
// of articles audited without a registry).
struct AuditArticle {
  std::string key;  // names the article in results: public URL, or path
  draft::Draft draft;
  int64_t published_at_micros = 0;
  std::vector<store::ArticleClaimRecord> published_claims;
  std::vector<store::ArticleSourceRecord> published_sources;
};

struct AuditInput {
  std::string scope;                  // names the series of runs compared with each other
  std::vector<AuditArticle> articles;
  std::vector<std::string> urls;      // URLs audited as links only (no claims)
};

// The articles of the registry (scope "registry"). Errors: the store's; a stored
// draft that no longer parses, naming its key.
common::Result<AuditInput> RegistryAuditInput(const store::Store& store);
// Every *.md file under `dir` (sorted; scope "articles:<dir>"). Errors: kNotFound
// naming a missing directory; a draft that does not parse, naming its file and line.
common::Result<AuditInput> ArticlesAuditInput(const std::filesystem::path& dir);

// The registry record of a checked draft (`citecheck publish`): each claim with its
// verdict and deciding passage (and that passage's hash), each source URL with the
// hash of the text the check read (looked up in `store`, where the check recorded its
// fetches and documents) and its citation date (the entry's date, else the draft's,
// else `now_micros`). The key is `public_url` when given, else the draft's path.
// Errors: the store's.
common::Result<store::ArticleRecord> ArticleRecordOf(const draft::Draft& draft,
                                                     const report::CheckReport& report,
                                                     std::string_view public_url,
                                                     const store::Store& store,
                                                     int64_t now_micros);

// What an audit run found. `urls` and `claims` are the run's records, by URL and by
// article and claim.
struct AuditReport {
  store::AuditRunRecord run;
  std::optional<store::AuditRunRecord> previous;  // the run compared with, if any
  std::vector<store::AuditUrlRecord> urls;
  std::vector<store::AuditClaimRecord> claims;
  bool resumed = false;  // the run had been interrupted and was finished by this call
};

// True for the URL states that mean the citation is broken: dead and soft404.
bool IsBrokenAuditState(std::string_view state);
// A URL became broken, or a claim lost its support, since the previous run.
bool IsNewlyBroken(const store::AuditUrlRecord& url);
bool IsNewlyBroken(const store::AuditClaimRecord& claim);
// Something is newly broken: `citecheck audit` then exits 1.
bool HasNewlyBroken(const AuditReport& report);

// Builds the fetcher an audit uses; `listener` must be told about each result (it is
// CurlFetcherOptions::results).
using AuditFetcherFactory = std::function<common::Result<std::unique_ptr<crawler::Fetcher>>(
    crawler::ResultListener* listener)>;

class AuditService {
 public:
  // `db_path` is the file of `store` (results are recorded on a connection of their
  // own, on a thread of their own, while the fetch goes on). `mementos` finds archived
  // copies; null looks none up. Every reference must outlive the service.
  AuditService(const common::Config& config, AuditFetcherFactory fetchers,
               std::filesystem::path db_path, store::Store& store, index::Index& index,
               const common::Clock& clock, common::Logger& logger,
               crawler::Fetcher* mementos = nullptr);
  AuditService(const AuditService&) = delete;
  AuditService& operator=(const AuditService&) = delete;

  // Audits the URLs and claims of `input` that fall in `shard` (an article belongs to
  // the shard of its key; its sources are fetched wherever they are, recorded only in
  // their own shard), resuming the interrupted run of the same scope and shard if any.
  // Errors: our machinery's (store, index, fetcher creation); unreachable sources are
  // results, not errors.
  common::Result<AuditReport> Run(const AuditInput& input, const AuditShard& shard);

 private:
  const common::Config& config_;
  const AuditFetcherFactory fetchers_;
  const std::filesystem::path db_path_;
  store::Store& store_;
  index::Index& index_;
  const common::Clock& clock_;
  common::Logger& logger_;
  crawler::Fetcher* const mementos_;
};

// The report with what is new since the previous run first: newly broken URLs and
// claims, other changes of state, then counts by state and every result. Markdown
// (GitHub-flavoured) and one self-contained HTML page (escaped, no external asset).
std::string RenderAuditMarkdown(const AuditReport& report);
std::string RenderAuditHtml(const AuditReport& report);
// One JSON object: {run, previous_run, new_broken, summary, new: [...], results: [one
// per URL: url, status, final_url, class, changed (when known), state, previous_state,
// proposed_url, failures, detail, archived_url], claims: [...]}. `results` follows the
// link-audit benchmark's candidate schema.
std::string RenderAuditJson(const AuditReport& report);

}  // namespace citecheck::service

#endif  // CITECHECK_SERVICE_SERVICE_H_
