#include "store/internal/schema.h"

#include <iterator>
#include <string>
#include <string_view>

namespace citecheck::store::internal {
namespace {

using common::Result;
using common::Status;

// kMigrations[i] takes the schema from version i to i+1. Steps are append-only: once
// released, a step never changes; a later change is a new step.
//
// STRICT tables make SQLite reject a value of the wrong type instead of storing it,
// so a binding mistake fails loudly. Every column is NOT NULL: the records have no
// "absent" state other than their documented defaults ("" or -1).
constexpr std::string_view kMigrations[] = {
    // Version 1: sources, fetches, documents, checks and their verdicts.
    R"sql(
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE CHECK (url <> ''),
  host TEXT NOT NULL,
  first_seen_micros INTEGER NOT NULL
) STRICT;

CREATE TABLE fetches (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources (id),
  url TEXT NOT NULL,
  final_url TEXT NOT NULL,
  outcome TEXT NOT NULL,
  status INTEGER NOT NULL,
  error TEXT NOT NULL,
  redirects_json TEXT NOT NULL,
  headers_json TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  body_bytes INTEGER NOT NULL CHECK (body_bytes >= 0),
  warc_file TEXT NOT NULL,
  warc_offset INTEGER NOT NULL,
  fetched_at_micros INTEGER NOT NULL,
  elapsed_ms REAL NOT NULL
) STRICT;
-- LatestFetch: the newest fetch of a URL is the last entry of its range.
CREATE INDEX fetches_by_url_time ON fetches (url, fetched_at_micros, id);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  fetch_id INTEGER NOT NULL REFERENCES fetches (id),
  url TEXT NOT NULL,
  media_type TEXT NOT NULL,
  title TEXT NOT NULL,
  lang TEXT NOT NULL,
  published TEXT NOT NULL,
  author TEXT NOT NULL,
  text_sha256 TEXT NOT NULL,
  text TEXT NOT NULL,
  blocks_json TEXT NOT NULL
) STRICT;
CREATE INDEX documents_by_fetch ON documents (fetch_id);

CREATE TABLE checks (
  id INTEGER PRIMARY KEY,
  draft_path TEXT NOT NULL,
  draft_sha256 TEXT NOT NULL,
  started_at_micros INTEGER NOT NULL,
  finished_at_micros INTEGER NOT NULL,
  integrity REAL NOT NULL,
  report_json TEXT NOT NULL
) STRICT;

-- The primary key doubles as the index by check, in claim order.
CREATE TABLE verdicts (
  check_id INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
  claim_id TEXT NOT NULL,
  claim_text TEXT NOT NULL,
  verdict TEXT NOT NULL
    CHECK (verdict IN ('supported', 'contradicted', 'not_found', 'unverifiable')),
  support REAL NOT NULL,
  source_url TEXT NOT NULL,
  evidence_text TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  reason TEXT NOT NULL,
  mentions_json TEXT NOT NULL,
  PRIMARY KEY (check_id, ordinal)
) STRICT, WITHOUT ROWID;
)sql",
    // Jobs of the HTTP API: drafts waiting to be checked, or checked, with their
    // rendered outputs. A job interrupted by a stop is queued again at the next start.
    R"sql(
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('check')),
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  input_name TEXT NOT NULL,
  input TEXT NOT NULL,
  options_json TEXT NOT NULL,
  owner TEXT NOT NULL,
  created_at_micros INTEGER NOT NULL,
  started_at_micros INTEGER NOT NULL,
  finished_at_micros INTEGER NOT NULL,
  attempts INTEGER NOT NULL CHECK (attempts >= 0),
  error_code TEXT NOT NULL,
  error_message TEXT NOT NULL
) STRICT;
-- The queue: the oldest queued job is the first entry of its state's range.
CREATE INDEX jobs_by_state ON jobs (state, id);

CREATE TABLE job_outputs (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  format TEXT NOT NULL CHECK (format <> ''),
  content TEXT NOT NULL,
  PRIMARY KEY (job_id, format)
) STRICT, WITHOUT ROWID;
)sql",
    // The crawler's HTTP cache: per URL, the validators of its last good response and
    // where that response is archived (the body is read back from the WARC file).
    R"sql(
CREATE TABLE http_cache (
  url TEXT PRIMARY KEY CHECK (url <> ''),
  final_url TEXT NOT NULL,
  redirects_json TEXT NOT NULL,
  etag TEXT NOT NULL,
  last_modified TEXT NOT NULL,
  warc_file TEXT NOT NULL,
  warc_offset INTEGER NOT NULL,
  validated_at_micros INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
)sql",
    // The nightly audit: published articles (their claims as verified at publication
    // and their sources), audit runs, and each run's per-URL and per-claim results. A
    // result is keyed by its run, so a resumed run never writes one twice.
    R"sql(
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE CHECK (key <> ''),
  path TEXT NOT NULL,
  public_url TEXT NOT NULL,
  content TEXT NOT NULL,
  published_at_micros INTEGER NOT NULL,
  check_id INTEGER NOT NULL
) STRICT;

CREATE TABLE article_claims (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  claim_id TEXT NOT NULL,
  sentence TEXT NOT NULL,
  verdict TEXT NOT NULL
    CHECK (verdict IN ('supported', 'contradicted', 'not_found', 'unverifiable')),
  support REAL NOT NULL,
  source_url TEXT NOT NULL,
  evidence_text TEXT NOT NULL,
  evidence_sha256 TEXT NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE article_sources (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal INTEGER NOT NULL,
  url TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  cited_at_micros INTEGER NOT NULL,
  PRIMARY KEY (article_id, ordinal)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_runs (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  shard TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  started_at_micros INTEGER NOT NULL,
  finished_at_micros INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_runs_by_scope ON audit_runs (scope, shard, state, id);

CREATE TABLE audit_urls (
  run_id INTEGER NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
  url TEXT NOT NULL CHECK (url <> ''),
  state TEXT NOT NULL,
  previous_state TEXT NOT NULL,
  link_class TEXT NOT NULL,
  status INTEGER NOT NULL,
  final_url TEXT NOT NULL,
  proposed_url TEXT NOT NULL,
  detail TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  changed INTEGER NOT NULL CHECK (changed IN (-1, 0, 1)),
  failures INTEGER NOT NULL CHECK (failures >= 0),
  last_failure_micros INTEGER NOT NULL,
  archived_url TEXT NOT NULL,
  archived_at_micros INTEGER NOT NULL,
  checked_at_micros INTEGER NOT NULL,
  PRIMARY KEY (run_id, url)
) STRICT, WITHOUT ROWID;
-- LatestAuditUrl: a URL's results, newest run last.
CREATE INDEX audit_urls_by_url ON audit_urls (url, run_id);

CREATE TABLE audit_claims (
  run_id INTEGER NOT NULL REFERENCES audit_runs (id) ON DELETE CASCADE,
  article_key TEXT NOT NULL,
  claim_id TEXT NOT NULL,
  sentence TEXT NOT NULL,
  source_url TEXT NOT NULL,
  verdict TEXT NOT NULL,
  previous_verdict TEXT NOT NULL,
  support REAL NOT NULL,
  outcome TEXT NOT NULL,
  evidence_text TEXT NOT NULL,
  evidence_sha256 TEXT NOT NULL,
  old_evidence_text TEXT NOT NULL,
  PRIMARY KEY (run_id, article_key, claim_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX audit_claims_by_claim ON audit_claims (article_key, claim_id, run_id);
)sql",
};

constexpr Sql kReadVersion{"read schema version", "PRAGMA user_version"};

Status CheckNotNewer(const Connection& db, int64_t version) {
  if (version <= SchemaVersion()) return Status::Ok();
  return Status::FailedPrecondition(
      db.path() + ": database schema version " + std::to_string(version) +
      " is newer than this program's (" + std::to_string(SchemaVersion()) + ")");
}

// Applies the steps after `version`, then records the new version.
Status ApplySteps(Connection& db, int64_t version) {
  for (int64_t v = version; v < SchemaVersion(); ++v) {
    CC_RETURN_IF_ERROR(
        db.Exec(kMigrations[v], "migrate schema to version " + std::to_string(v + 1)));
  }
  // The pragma takes no parameter; the text is a number of ours.
  return db.Exec("PRAGMA user_version = " + std::to_string(SchemaVersion()),
                 "set schema version");
}

}  // namespace

int64_t SchemaVersion() { return static_cast<int64_t>(std::size(kMigrations)); }

Result<int64_t> ReadSchemaVersion(const Connection& db) {
  Query query(db, kReadVersion);
  return query.SingleInt();
}

Status Migrate(Connection& db) {
  // Most opens find the schema current: check without taking the write lock.
  CC_ASSIGN_OR_RETURN(const int64_t found, ReadSchemaVersion(db));
  CC_RETURN_IF_ERROR(CheckNotNewer(db, found));
  if (found == SchemaVersion()) return Status::Ok();
  return db.RunInTransaction([&db]() -> Status {
    // Read again under the write lock: another process may have migrated meanwhile.
    CC_ASSIGN_OR_RETURN(const int64_t version, ReadSchemaVersion(db));
    CC_RETURN_IF_ERROR(CheckNotNewer(db, version));
    return ApplySteps(db, version);
  });
}

}  // namespace citecheck::store::internal
