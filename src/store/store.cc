#include "store/store.h"

#include <string>
#include <system_error>
#include <utility>

#include <boost/url/parse.hpp>

#include "store/internal/schema.h"
#include "store/internal/sqlite.h"
#include "store/internal/store_impl.h"

namespace citecheck::store {
namespace {

using common::Result;
using common::Status;
using internal::Connection;
using internal::Query;
using internal::Sql;

// Every statement the store runs. Column lists are spelled out in each, in the order
// the Bind*/Read* functions below use; the statements are prepared once per Store.

// The first fetch of a URL creates its source; later ones only move first_seen back
// when a fetch from the past is recorded after a newer one.
constexpr Sql kUpsertSource{
    "add source",
    "INSERT INTO sources (url, host, first_seen_micros) VALUES (?, ?, ?) "
    "ON CONFLICT (url) DO UPDATE SET "
    "first_seen_micros = min(first_seen_micros, excluded.first_seen_micros) "
    "RETURNING id"};

constexpr Sql kInsertFetch{
    "insert fetch",
    "INSERT INTO fetches (source_id, url, final_url, outcome, status, error, "
    "redirects_json, headers_json, content_type, body_sha256, body_bytes, warc_file, "
    "warc_offset, fetched_at_micros, elapsed_ms) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"};

constexpr Sql kLatestFetch{
    "select latest fetch",
    "SELECT id, url, final_url, outcome, status, error, redirects_json, headers_json, "
    "content_type, body_sha256, body_bytes, warc_file, warc_offset, fetched_at_micros, "
    "elapsed_ms FROM fetches WHERE url = ? "
    "ORDER BY fetched_at_micros DESC, id DESC LIMIT 1"};

constexpr Sql kInsertDocument{
    "insert document",
    "INSERT INTO documents (fetch_id, url, media_type, title, lang, published, author, "
    "text_sha256, text, blocks_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"};

constexpr Sql kDocumentForFetch{
    "select document for fetch",
    "SELECT id, fetch_id, url, media_type, title, lang, published, author, text_sha256, "
    "text, blocks_json FROM documents WHERE fetch_id = ? ORDER BY id DESC LIMIT 1"};

constexpr Sql kInsertCheck{
    "insert check",
    "INSERT INTO checks (draft_path, draft_sha256, started_at_micros, finished_at_micros, "
    "integrity, report_json) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"};

constexpr Sql kInsertVerdict{
    "insert verdict",
    "INSERT INTO verdicts (check_id, ordinal, claim_id, claim_text, verdict, support, "
    "source_url, evidence_text, evidence_start, evidence_end, reason, mentions_json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};

constexpr Sql kSelectCheck{
    "select check",
    "SELECT id, draft_path, draft_sha256, started_at_micros, finished_at_micros, "
    "integrity, report_json FROM checks WHERE id = ?"};

constexpr Sql kSelectVerdicts{
    "select verdicts",
    "SELECT claim_id, claim_text, verdict, support, source_url, evidence_text, "
    "evidence_start, evidence_end, reason, mentions_json "
    "FROM verdicts WHERE check_id = ? ORDER BY ordinal"};

constexpr Sql kListChecks{"list checks", "SELECT id FROM checks ORDER BY id"};

// CountRows picks one of these by name: the table name never reaches SQL text.
constexpr Sql kCountRows[] = {
    {"sources", "SELECT COUNT(*) FROM sources"},
    {"fetches", "SELECT COUNT(*) FROM fetches"},
    {"documents", "SELECT COUNT(*) FROM documents"},
    {"checks", "SELECT COUNT(*) FROM checks"},
    {"verdicts", "SELECT COUNT(*) FROM verdicts"},
    {"http_cache", "SELECT COUNT(*) FROM http_cache"},
};

// The host of `url`, lower-cased (host names are case-insensitive); "" when the URL
// does not parse or has no host.
std::string HostOf(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return "";
  std::string host = parsed->host_address();
  for (char& c : host) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return host;
}

Result<int64_t> UpsertSource(const Connection& db, const FetchRecord& fetch) {
  const std::string host = HostOf(fetch.url);
  Query query(db, kUpsertSource);
  query.BindText(fetch.url).BindText(host).BindInt(fetch.fetched_at_micros);
  return query.SingleInt();
}

Result<int64_t> InsertFetch(const Connection& db, int64_t source_id, const FetchRecord& f) {
  Query query(db, kInsertFetch);
  query.BindInt(source_id).BindText(f.url).BindText(f.final_url).BindText(f.outcome);
  query.BindInt(f.status).BindText(f.error).BindText(f.redirects_json);
  query.BindText(f.headers_json).BindText(f.content_type).BindText(f.body_sha256);
  query.BindInt(f.body_bytes).BindText(f.warc_file).BindInt(f.warc_offset);
  query.BindInt(f.fetched_at_micros).BindReal(f.elapsed_ms);
  return query.SingleInt();
}

// Reads the columns of kLatestFetch.
FetchRecord ReadFetch(const Query& row) {
  FetchRecord f;
  int c = 0;
  f.id = row.Int(c++);
  f.url = row.Text(c++);
  f.final_url = row.Text(c++);
  f.outcome = row.Text(c++);
  f.status = static_cast<int>(row.Int(c++));
  f.error = row.Text(c++);
  f.redirects_json = row.Text(c++);
  f.headers_json = row.Text(c++);
  f.content_type = row.Text(c++);
  f.body_sha256 = row.Text(c++);
  f.body_bytes = row.Int(c++);
  f.warc_file = row.Text(c++);
  f.warc_offset = row.Int(c++);
  f.fetched_at_micros = row.Int(c++);
  f.elapsed_ms = row.Real(c++);
  return f;
}

// Reads the columns of kDocumentForFetch.
DocumentRecord ReadDocument(const Query& row) {
  DocumentRecord d;
  int c = 0;
  d.id = row.Int(c++);
  d.fetch_id = row.Int(c++);
  d.url = row.Text(c++);
  d.media_type = row.Text(c++);
  d.title = row.Text(c++);
  d.lang = row.Text(c++);
  d.published = row.Text(c++);
  d.author = row.Text(c++);
  d.text_sha256 = row.Text(c++);
  d.text = row.Text(c++);
  d.blocks_json = row.Text(c++);
  return d;
}

Status InsertVerdict(const Connection& db, int64_t check_id, int64_t ordinal,
                     const VerdictRecord& v) {
  Query query(db, kInsertVerdict);
  query.BindInt(check_id).BindInt(ordinal).BindText(v.claim_id).BindText(v.claim_text);
  query.BindText(v.verdict).BindReal(v.support).BindText(v.source_url);
  query.BindText(v.evidence_text).BindInt(v.evidence_start).BindInt(v.evidence_end);
  query.BindText(v.reason).BindText(v.mentions_json);
  return query.Run().WithContext("claim " + v.claim_id);
}

// Reads the columns of kSelectVerdicts.
VerdictRecord ReadVerdict(const Query& row) {
  VerdictRecord v;
  int c = 0;
  v.claim_id = row.Text(c++);
  v.claim_text = row.Text(c++);
  v.verdict = row.Text(c++);
  v.support = row.Real(c++);
  v.source_url = row.Text(c++);
  v.evidence_text = row.Text(c++);
  v.evidence_start = row.Int(c++);
  v.evidence_end = row.Int(c++);
  v.reason = row.Text(c++);
  v.mentions_json = row.Text(c++);
  return v;
}

// Reads the columns of kSelectCheck, without the verdicts.
CheckRecord ReadCheck(const Query& row) {
  CheckRecord check;
  int c = 0;
  check.id = row.Int(c++);
  check.draft_path = row.Text(c++);
  check.draft_sha256 = row.Text(c++);
  check.started_at_micros = row.Int(c++);
  check.finished_at_micros = row.Int(c++);
  check.integrity = row.Real(c++);
  check.report_json = row.Text(c++);
  return check;
}

Result<std::vector<VerdictRecord>> ReadVerdicts(const Connection& db, int64_t check_id) {
  Query query(db, kSelectVerdicts);
  query.BindInt(check_id);
  std::vector<VerdictRecord> verdicts;
  while (true) {
    CC_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return verdicts;
    verdicts.push_back(ReadVerdict(query));
  }
}

// SQLite reports a missing directory only as "unable to open database file"; say
// which directory is missing instead.
Status CheckDirectoryExists(const std::filesystem::path& path) {
  if (path == ":memory:") return Status::Ok();
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return Status::Ok();
  return Status::IoError(path.string() + ": open: directory " + dir.string() +
                         " does not exist");
}

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& path) {
  return Open(path, StoreOptions{});
}

Result<std::unique_ptr<Store>> Store::Open(const std::filesystem::path& path,
                                           const StoreOptions& options) {
  CC_RETURN_IF_ERROR(CheckDirectoryExists(path));
  internal::ConnectionOptions connection_options;
  connection_options.busy_timeout = options.busy_timeout;
  CC_ASSIGN_OR_RETURN(Connection db, Connection::Open(path.string(), connection_options));
  CC_RETURN_IF_ERROR(internal::Migrate(db));
  return std::unique_ptr<Store>(new Store(std::make_unique<Impl>(Impl{std::move(db)})));
}

Status Store::RunInTransaction(const std::function<Status()>& body) {
  return impl_->db.RunInTransaction(body);
}

Result<int64_t> Store::AddFetch(const FetchRecord& fetch) {
  const Connection& db = impl_->db;
  int64_t id = 0;
  // The source row and the fetch appear together or not at all.
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    CC_ASSIGN_OR_RETURN(const int64_t source_id, UpsertSource(db, fetch));
    CC_ASSIGN_OR_RETURN(id, InsertFetch(db, source_id, fetch));
    return Status::Ok();
  }));
  return id;
}

Result<std::optional<FetchRecord>> Store::LatestFetch(std::string_view url) const {
  Query query(impl_->db, kLatestFetch);
  query.BindText(url);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<FetchRecord>();
  return std::optional<FetchRecord>(ReadFetch(query));
}

Result<int64_t> Store::AddDocument(const DocumentRecord& d) {
  Query query(impl_->db, kInsertDocument);
  query.BindInt(d.fetch_id).BindText(d.url).BindText(d.media_type).BindText(d.title);
  query.BindText(d.lang).BindText(d.published).BindText(d.author);
  query.BindText(d.text_sha256).BindText(d.text).BindText(d.blocks_json);
  return query.SingleInt();
}

Result<std::optional<DocumentRecord>> Store::DocumentForFetch(int64_t fetch_id) const {
  Query query(impl_->db, kDocumentForFetch);
  query.BindInt(fetch_id);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<DocumentRecord>();
  return std::optional<DocumentRecord>(ReadDocument(query));
}

Result<int64_t> Store::AddCheck(const CheckRecord& check) {
  const Connection& db = impl_->db;
  int64_t id = 0;
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    Query query(db, kInsertCheck);
    query.BindText(check.draft_path).BindText(check.draft_sha256);
    query.BindInt(check.started_at_micros).BindInt(check.finished_at_micros);
    query.BindReal(check.integrity).BindText(check.report_json);
    CC_ASSIGN_OR_RETURN(id, query.SingleInt());
    for (size_t i = 0; i < check.verdicts.size(); ++i) {
      CC_RETURN_IF_ERROR(InsertVerdict(db, id, static_cast<int64_t>(i), check.verdicts[i]));
    }
    return Status::Ok();
  }));
  return id;
}

Result<CheckRecord> Store::GetCheck(int64_t id) const {
  const Connection& db = impl_->db;
  Query query(db, kSelectCheck);
  query.BindInt(id);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return Status::NotFound(db.path() + ": no check with id " + std::to_string(id));
  CheckRecord check = ReadCheck(query);
  // Verdicts are written with their check and never changed, so reading them
  // outside the check's snapshot cannot mix two versions.
  CC_ASSIGN_OR_RETURN(check.verdicts, ReadVerdicts(db, id));
  return check;
}

Result<std::vector<int64_t>> Store::ListChecks() const {
  Query query(impl_->db, kListChecks);
  std::vector<int64_t> ids;
  while (true) {
    CC_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return ids;
    ids.push_back(query.Int(0));
  }
}

Result<int64_t> Store::CountRows(std::string_view table) const {
  for (const Sql& count : kCountRows) {
    if (count.name != table) continue;
    Query query(impl_->db, count);
    return query.SingleInt();
  }
  return Status::InvalidArgument(impl_->db.path() + ": count rows: unknown table \"" +
                                 std::string(table) + "\"");
}

}  // namespace citecheck::store
