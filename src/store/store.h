// store: the SQLite database under the data directory (citecheck.db, WAL mode).
//
// It keeps what citecheck learned and decided: every fetch (status, chain, headers,
// where the body was archived), every extracted document, every check with its
// verdicts. Records are plain structs of this module; JSON columns hold lists the
// callers serialize. Writes that belong together go through RunInTransaction so that a
// failure leaves nothing half-written.
//
//   auto store = store::Store::Open(dir / "citecheck.db");
//   CC_RETURN_IF_ERROR((*store)->RunInTransaction([&] { ... return Status::Ok(); }));
//
// Thread-safety: a Store is used by one thread at a time (its SQLite handle is opened
// without SQLite's mutexes). Several processes, or several Stores, may open the same
// file; SQLite's locking and a busy timeout arbitrate: readers never wait (WAL), and
// a writer waits up to the busy timeout for another writer, then fails with
// kUnavailable.
#ifndef CITECHECK_STORE_STORE_H_
#define CITECHECK_STORE_STORE_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace citecheck::store {

struct FetchRecord {
  int64_t id = 0;                 // assigned by AddFetch
  std::string url;                // as cited
  std::string final_url;
  std::string outcome;            // crawler::FetchOutcomeName
  int status = 0;
  std::string error;
  std::string redirects_json;     // JSON array of {url, status, location}
  std::string headers_json;       // JSON array of [name, value]
  std::string content_type;
  std::string body_sha256;        // "" when there is no body
  int64_t body_bytes = 0;
  std::string warc_file;
  int64_t warc_offset = -1;
  int64_t fetched_at_micros = 0;
  double elapsed_ms = 0;
  bool operator==(const FetchRecord&) const = default;
};

struct DocumentRecord {
  int64_t id = 0;                 // assigned by AddDocument
  int64_t fetch_id = 0;
  std::string url;
  std::string media_type;
  std::string title;
  std::string lang;
  std::string published;
  std::string author;
  std::string text_sha256;
  std::string text;
  std::string blocks_json;        // JSON array of {kind, start, end, level, page}
  bool operator==(const DocumentRecord&) const = default;
};

struct VerdictRecord {
  std::string claim_id;           // stable within a check ("c1", "c2"...)
  std::string claim_text;
  std::string verdict;            // supported | contradicted | not_found | unverifiable
  double support = 0;
  std::string source_url;         // the source that decided, or ""
  std::string evidence_text;
  int64_t evidence_start = -1;    // offsets into that source's document text
  int64_t evidence_end = -1;
  std::string reason;
  std::string mentions_json;      // JSON array of {line, column}
  bool operator==(const VerdictRecord&) const = default;
};

struct CheckRecord {
  int64_t id = 0;                 // assigned by AddCheck
  std::string draft_path;
  std::string draft_sha256;
  int64_t started_at_micros = 0;
  int64_t finished_at_micros = 0;
  double integrity = 0;
  std::string report_json;        // the full JSON report
  std::vector<VerdictRecord> verdicts;
  bool operator==(const CheckRecord&) const = default;
};

// ---------------------------------------------------------------------------------
// Jobs of the HTTP API (`citecheck serve`): drafts queued for a check, and what the
// check produced. A job moves queued -> running -> done | failed; a running job whose
// process stopped is queued again by RequeueRunningJobs.

struct JobRecord {
  int64_t id = 0;                 // assigned by AddJob
  std::string kind = "check";     // what the job does; only "check" for now
  std::string state = "queued";   // queued | running | done | failed
  std::string input_name;         // the draft's name in messages ("draft.md")
  std::string input;              // the draft as sent
  std::string options_json = "{}";  // the request's options, as a JSON object
  std::string owner;              // the token name that submitted it, "" when anonymous
  int64_t created_at_micros = 0;
  int64_t started_at_micros = 0;  // 0 until it runs (the last start when retried)
  int64_t finished_at_micros = 0; // 0 until done or failed
  int attempts = 0;               // how many times it was started
  std::string error_code;         // failed: common::StatusCodeName; "" otherwise
  std::string error_message;
  bool operator==(const JobRecord&) const = default;
};

// One rendering of a finished job's report ("json", "html", "sarif", "claimreview").
struct JobOutput {
  std::string format;
  std::string content;
  bool operator==(const JobOutput&) const = default;
};

// The HTTP cache entry of one URL (see Store::PutHttpCache).
struct HttpCacheRecord {
  std::string url;             // the key: the requested URL, normalized
  std::string final_url;       // where its redirects led
  std::string redirects_json;  // JSON array of {url, status, location}
  std::string etag;            // "" when the response had none
  std::string last_modified;   // "" when the response had none
  std::string warc_file;       // the archived final response
  int64_t warc_offset = -1;
  int64_t validated_at_micros = 0;  // the last 200 or 304 for it
  bool operator==(const HttpCacheRecord&) const = default;
};

// =================================================================================
// Nightly audit (implemented in audit.cc): the registry of published articles, and
// every audit run with its per-URL and per-claim results. Results are keyed by
// (run, url) and (run, article, claim): writing one twice keeps the first, so that a
// run resumed after a crash never records a result twice.

// One claim of a published article, as verified at publication.
struct ArticleClaimRecord {
  std::string claim_id;         // "c1"...: ExtractClaims' id in the published draft
  std::string sentence;
  std::string verdict;          // supported | contradicted | not_found | unverifiable
  double support = 0;
  std::string source_url;       // the source that decided, or ""
  std::string evidence_text;    // the deciding passage, or ""
  std::string evidence_sha256;  // of evidence_text, or ""
  bool operator==(const ArticleClaimRecord&) const = default;
};

// One cited source of a published article, as fetched at publication.
struct ArticleSourceRecord {
  std::string url;
  std::string content_sha256;  // of the page's text (or body) at publication, or ""
  int64_t cited_at_micros = 0;  // the citation date: the entry's date, else publication
  bool operator==(const ArticleSourceRecord&) const = default;
};

struct ArticleRecord {
  int64_t id = 0;               // assigned by PublishArticle
  std::string key;              // the public URL when given, else the draft path
  std::string path;             // the draft path as given
  std::string public_url;       // "" when none was given
  std::string content;          // the draft as published
  int64_t published_at_micros = 0;
  int64_t check_id = 0;         // the check that verified it, 0 when none
  std::vector<ArticleClaimRecord> claims;
  std::vector<ArticleSourceRecord> sources;
  bool operator==(const ArticleRecord&) const = default;
};

struct AuditRunRecord {
  int64_t id = 0;
  std::string scope;            // what was audited: "registry", "articles:DIR", "urls:FILE"
  std::string shard;            // "I/N", or "" for all URLs
  std::string state = "running";  // running | done
  int64_t started_at_micros = 0;
  int64_t finished_at_micros = 0;  // 0 while running
  bool operator==(const AuditRunRecord&) const = default;
};

// What one audit run found about one URL.
struct AuditUrlRecord {
  int64_t run_id = 0;
  std::string url;              // as cited
  // ok | redirected | failing | dead | soft404 | blocked | drifted | error
  std::string state;
  std::string previous_state;   // the same URL's state in the last run before, or ""
  std::string link_class;       // crawler::LinkClassName
  int status = 0;               // the final HTTP status, 0 when none
  std::string final_url;
  std::string proposed_url;     // redirected: the URL to cite instead
  std::string detail;           // why, for people
  std::string content_sha256;   // of the text (or body) read, or ""
  int changed = -1;             // 1 changed, 0 unchanged, -1 unknown (no earlier copy)
  int failures = 0;             // failures counted towards confirmation (0 when alive)
  int64_t last_failure_micros = 0;  // when the last counted failure happened
  std::string archived_url;     // the closest archived copy (Memento), or ""
  int64_t archived_at_micros = 0;
  int64_t checked_at_micros = 0;
  bool operator==(const AuditUrlRecord&) const = default;
};

// What one audit run found about one claim of one article.
struct AuditClaimRecord {
  int64_t run_id = 0;
  std::string article_key;
  std::string claim_id;
  std::string sentence;
  std::string source_url;
  std::string verdict;          // now
  std::string previous_verdict; // at the last run, or at publication; "" when never seen
  double support = 0;
  // still_supported | support_lost | changed_verdict | unchanged | new
  std::string outcome;
  std::string evidence_text;    // the deciding passage now, or ""
  std::string evidence_sha256;
  std::string old_evidence_text;  // the passage before, when it changed
  bool operator==(const AuditClaimRecord&) const = default;
};

// How a Store is opened. The defaults are those of the one-argument Store::Open.
struct StoreOptions {
  // How long a write waits for the lock held by another connection (another process,
  // or another Store on the same file) before it fails with kUnavailable.
  std::chrono::milliseconds busy_timeout{5000};
};

// A citecheck database. Every error message names the database path; failures of
// SQLite map to codes as follows: a lock held past the busy timeout -> kUnavailable;
// a damaged file or one that is not a database -> kCorruption; a file that cannot be
// opened, read or written -> kIoError; a value a constraint rejects ->
// kInvalidArgument; a reference to a row that does not exist -> kFailedPrecondition.
//
// Thread-safety: not thread-safe; one thread at a time uses a Store, const methods
// included (they reuse cached prepared statements). Use one Store per thread.
class Store {
 public:
  // Opens or creates the database (":memory:" for a private in-memory one), turns on
  // WAL and foreign keys, sets a busy timeout (5 s) and brings the schema to the
  // current version. The directory must exist: the caller creates the data
  // directory. Errors: kIoError / kCorruption naming the path and SQLite's message
  // (kIoError also when the directory is missing); kFailedPrecondition when the
  // file's schema is newer than this program.
  static common::Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path);
  // As above, with `options` (a shorter busy timeout, for instance).
  static common::Result<std::unique_ptr<Store>> Open(const std::filesystem::path& path,
                                                     const StoreOptions& options);
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it returns an error
  // (which is returned) or throws (the exception passes through). Nested calls join
  // the outer transaction: their writes commit or roll back with it. A nested body
  // runs inside a savepoint, so when it fails, its own writes are undone at once and
  // its error is returned to the outer body, which decides what to do. A failing
  // COMMIT rolls back and returns its error. kUnavailable when another connection
  // keeps the write lock past the busy timeout.
  common::Status RunInTransaction(const std::function<common::Status()>& body);

  // Adds a fetch (and its URL to the sources table, with the URL's host and the
  // earliest fetched_at_micros seen); returns its id. fetch.id is ignored.
  // kInvalidArgument when fetch.url is empty or body_bytes is negative.
  common::Result<int64_t> AddFetch(const FetchRecord& fetch);
  // The most recent fetch of `url` (exactly as cited): the greatest fetched_at_micros,
  // and among equal times the last added.
  common::Result<std::optional<FetchRecord>> LatestFetch(std::string_view url) const;

  // Adds a document; returns its id. doc.id is ignored. kFailedPrecondition when no
  // fetch has id doc.fetch_id.
  common::Result<int64_t> AddDocument(const DocumentRecord& doc);
  // The document extracted from fetch `fetch_id`; the last added when there are
  // several (a re-extraction).
  common::Result<std::optional<DocumentRecord>> DocumentForFetch(int64_t fetch_id) const;

  // Adds a check and its verdicts (in one transaction); returns the check id.
  // check.id is ignored. On error nothing of the check remains. kInvalidArgument when
  // a verdict is not one of supported, contradicted, not_found, unverifiable.
  common::Result<int64_t> AddCheck(const CheckRecord& check);
  // REQUIRES: nothing. The check with its verdicts in their original order.
  // kNotFound, naming the id, when there is no such check.
  common::Result<CheckRecord> GetCheck(int64_t id) const;
  // Ids of all checks, oldest (first added) first.
  common::Result<std::vector<int64_t>> ListChecks() const;

  // Row counts per table, for tests and `citecheck status`. `table` is one of
  // sources, fetches, documents, checks, verdicts, http_cache; kInvalidArgument
  // otherwise.
  common::Result<int64_t> CountRows(std::string_view table) const;

  // ---------------------------------------------------------------------------------
  // Jobs (implemented in jobs.cc).

  // Adds a queued job unless `max_queued` jobs are already queued; returns its id.
  // job.id and job.state are ignored. kResourceExhausted when the queue is full;
  // kInvalidArgument when job.kind is not "check".
  common::Result<int64_t> AddJob(const JobRecord& job, int64_t max_queued);
  // kNotFound, naming the id, when there is no such job.
  common::Result<JobRecord> GetJob(int64_t id) const;
  // Moves the oldest queued job to running (started_at = now_micros, attempts + 1)
  // and returns it; nullopt when none is queued. Safe against other Stores on the
  // same file: each queued job is started once.
  common::Result<std::optional<JobRecord>> StartNextJob(int64_t now_micros);
  // Ends a running job: `state` is "done" or "failed" (with `error`, whose code name
  // and message are kept), `outputs` are stored with it, all in one transaction.
  // kFailedPrecondition when the job is not running; kInvalidArgument for another state.
  common::Status FinishJob(int64_t id, std::string_view state, const common::Status& error,
                           const std::vector<JobOutput>& outputs, int64_t now_micros);
  // After a stop: running jobs started fewer than `max_attempts` times are queued
  // again, the others fail ("interrupted N times"). Returns how many were queued.
  common::Result<int64_t> RequeueRunningJobs(int max_attempts, int64_t now_micros);
  // Jobs in `state` (queued, running, done, failed).
  common::Result<int64_t> CountJobs(std::string_view state) const;
  // The output of job `id` in `format`; nullopt when there is none.
  common::Result<std::optional<std::string>> GetJobOutput(int64_t id,
                                                          std::string_view format) const;

  // ---------------------------------------------------------------------------------
  // HTTP cache (implemented in http_cache.cc): for each URL, the validators of its last
  // good response and where that response is archived, so that the crawler can ask
  // "has it changed?" (If-None-Match / If-Modified-Since) and reuse the archived body.

  // Adds or replaces the entry of entry.url. kInvalidArgument when url is empty.
  common::Status PutHttpCache(const HttpCacheRecord& entry);
  // The entry of `url` (exactly as stored); nullopt when there is none.
  common::Result<std::optional<HttpCacheRecord>> GetHttpCache(std::string_view url) const;

  // ---------------------------------------------------------------------------------
  // Nightly audit (implemented in audit.cc).

  // Records `article` as published, replacing the claims and sources of an earlier
  // article with the same key (one transaction). Returns its id (the earlier id when
  // replaced). kInvalidArgument when key is empty or a claim's verdict is unknown.
  common::Result<int64_t> PublishArticle(const ArticleRecord& article);
  // Every published article with its claims and sources, by id.
  common::Result<std::vector<ArticleRecord>> ListArticles() const;

  // The running run of (scope, shard) when there is one (a run interrupted by a crash:
  // it is resumed), else a new running run started at `now_micros`.
  common::Result<AuditRunRecord> StartOrResumeAuditRun(std::string_view scope,
                                                       std::string_view shard,
                                                       int64_t now_micros);
  // Marks run `id` done. kNotFound naming the id when there is no such run.
  common::Status FinishAuditRun(int64_t id, int64_t now_micros);
  // Run `id`. kNotFound naming the id when there is no such run.
  common::Result<AuditRunRecord> GetAuditRun(int64_t id) const;
  // The last done run of (scope, shard) before run `before_id`; nullopt when none.
  common::Result<std::optional<AuditRunRecord>> PreviousAuditRun(std::string_view scope,
                                                                 std::string_view shard,
                                                                 int64_t before_id) const;
  // Adds a URL result; one already stored for (run_id, url) is kept and false is
  // returned. kFailedPrecondition when the run does not exist.
  common::Result<bool> AddAuditUrl(const AuditUrlRecord& record);
  // Sets the archived copy of a recorded URL result. kNotFound when there is none.
  common::Status SetAuditArchive(int64_t run_id, std::string_view url,
                                 std::string_view archived_url, int64_t archived_at_micros);
  // The results of run `run_id`, by URL.
  common::Result<std::vector<AuditUrlRecord>> AuditUrls(int64_t run_id) const;
  // The result for `url` in the latest run before `before_run_id`; nullopt when none.
  common::Result<std::optional<AuditUrlRecord>> LatestAuditUrl(std::string_view url,
                                                               int64_t before_run_id) const;
  // Adds a claim result; one already stored for (run_id, article_key, claim_id) is kept
  // and false is returned.
  common::Result<bool> AddAuditClaim(const AuditClaimRecord& record);
  // The claim results of run `run_id`, by article and claim.
  common::Result<std::vector<AuditClaimRecord>> AuditClaims(int64_t run_id) const;
  // The result for a claim in the latest run before `before_run_id`; nullopt when none.
  common::Result<std::optional<AuditClaimRecord>> LatestAuditClaim(
      std::string_view article_key, std::string_view claim_id, int64_t before_run_id) const;

 private:
  class Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace citecheck::store

#endif  // CITECHECK_STORE_STORE_H_
