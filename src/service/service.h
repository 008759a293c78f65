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
  // Supported: the lowest of the facts' supports. Otherwise, under 0.5: the wording's
  // support, times 0.7 for each figure not backed, halved when contradicted (so that
  // claims that are not backed still rank by how near the source comes).
  double support = 0;
  std::vector<verify::Evidence> evidence;  // the weakest fact's first, best first
  std::string reason;                      // the weakest fact's reason
  std::vector<FactResult> facts;           // in the claim's order
  int64_t verify_micros = 0;               // time spent verifying, source already indexed
  bool operator==(const ClaimCaseResult&) const = default;
};

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

}  // namespace citecheck::service

#endif  // CITECHECK_SERVICE_SERVICE_H_
