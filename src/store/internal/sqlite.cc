#include "store/internal/sqlite.h"

#include <string>
#include <utility>

namespace citecheck::store::internal {
namespace {

using common::Result;
using common::Status;
using common::StatusCode;

// Transactions run through cached statements like everything else: a hot path that
// adds fetches one by one pays for BEGIN and COMMIT on every call.
constexpr Sql kBegin{"begin transaction", "BEGIN IMMEDIATE"};
constexpr Sql kCommit{"commit", "COMMIT"};
constexpr Sql kRollback{"rollback", "ROLLBACK"};
// Nested calls reuse one savepoint name: SQLite resolves a name to the innermost
// savepoint that has it, which is exactly the nesting RunInTransaction needs.
constexpr Sql kSavepoint{"savepoint", "SAVEPOINT nested"};
constexpr Sql kRelease{"release savepoint", "RELEASE nested"};
constexpr Sql kRollbackTo{"rollback to savepoint", "ROLLBACK TO nested"};
constexpr Sql kJournalModeWal{"set journal mode", "PRAGMA journal_mode = WAL"};

// Runs a callable when the scope ends, however it ends.
template <typename F>
class ScopeExit {
 public:
  explicit ScopeExit(F f) : f_(std::move(f)) {}
  ~ScopeExit() { f_(); }
  ScopeExit(const ScopeExit&) = delete;
  ScopeExit& operator=(const ScopeExit&) = delete;

 private:
  F f_;
};

StatusCode CodeFor(int rc) {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StatusCode::kUnavailable;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StatusCode::kCorruption;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
    case SQLITE_PROTOCOL:
      return StatusCode::kIoError;
    case SQLITE_CONSTRAINT:
      // A missing referenced row means the caller wrote things in the wrong order;
      // the other constraints reject the values themselves.
      return rc == SQLITE_CONSTRAINT_FOREIGNKEY ? StatusCode::kFailedPrecondition
                                                : StatusCode::kInvalidArgument;
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
      return StatusCode::kResourceExhausted;
    case SQLITE_ERROR:
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_SCHEMA:
    case SQLITE_INTERNAL:
    case SQLITE_MISMATCH:
      return StatusCode::kInternal;
    default:
      return StatusCode::kIoError;
  }
}

}  // namespace

Status SqliteError(const Connection& db, int rc, std::string_view what) {
  sqlite3* handle = db.handle();
  // sqlite3_errmsg describes the handle's most recent failure, which is more precise
  // ("no such table: x") than the generic text; use it only when it is about `rc`.
  const bool same = handle != nullptr && (sqlite3_errcode(handle) & 0xff) == (rc & 0xff);
  const char* detail = same ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
  std::string message = db.path();
  message.append(": ").append(what).append(": ").append(detail);
  message.append(" (sqlite code ").append(std::to_string(rc)).append(")");
  return Status(CodeFor(rc), std::move(message));
}

Result<Connection> Connection::Open(std::string path, const ConnectionOptions& options) {
  // NOMUTEX: a Connection is confined to one thread, so SQLite's own mutexes would
  // only cost time. EXRESCODE: extended codes tell a foreign key from a CHECK.
  constexpr int kFlags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                         SQLITE_OPEN_EXRESCODE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, kFlags, nullptr);
  // SQLite allocates a handle even when opening fails; it is owned (and closed) here.
  Connection db(DbPtr(raw), std::move(path));
  if (rc != SQLITE_OK) return SqliteError(db, rc, "open");
  CC_RETURN_IF_ERROR(db.Configure(options));
  return db;
}

Status Connection::Configure(const ConnectionOptions& options) {
  // The busy timeout comes first: switching to WAL may wait for another writer.
  const int rc = sqlite3_busy_timeout(handle(), static_cast<int>(options.busy_timeout.count()));
  if (rc != SQLITE_OK) return SqliteError(*this, rc, "set busy timeout");
  if (!in_memory()) {
    // The first statement that reads the file: a file that is not a database fails
    // here with SQLITE_NOTADB.
    Query wal(*this, kJournalModeWal);
    CC_ASSIGN_OR_RETURN(const bool row, wal.Step());
    const std::string mode = row ? wal.Text(0) : "";
    if (mode != "wal") {
      return Status::IoError(path_ + ": journal_mode=WAL refused (mode is \"" + mode + "\")");
    }
  }
  // synchronous=NORMAL is durable enough under WAL: a power cut may lose the last
  // commits but never corrupts the file.
  return Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", "configure");
}

Status Connection::Exec(std::string_view sql, std::string_view what) {
  const std::string text(sql);  // sqlite3_exec needs a NUL-terminated string
  // No error-message out-parameter: it would be an owning char* to sqlite3_free;
  // sqlite3_errmsg carries the same text.
  const int rc = sqlite3_exec(handle(), text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteError(*this, rc, what);
  return Status::Ok();
}

Result<sqlite3_stmt*> Connection::Prepared(const Sql& sql) const {
  if (auto it = statements_.find(sql.text); it != statements_.end()) return it->second.get();
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(handle(), sql.text.data(), static_cast<int>(sql.text.size()),
                                    SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) return SqliteError(*this, rc, sql.name);
  // Text with no statement (empty, or only a comment) compiles to nothing. The key
  // must be the whole text, or the next lookup would miss and prepare again.
  if (stmt == nullptr || std::string_view(sqlite3_sql(stmt.get())) != sql.text) {
    return Status::Internal(path_ + ": " + std::string(sql.name) +
                            ": not exactly one SQL statement");
  }
  sqlite3_stmt* result = stmt.get();
  statements_.emplace(sqlite3_sql(result), std::move(stmt));
  return result;
}

Status Connection::RunStatement(const Sql& sql) {
  Query query(*this, sql);
  return query.Run();
}

Status Connection::RunInTransaction(const std::function<Status()>& body) {
  const bool outermost = depth_ == 0;
  CC_RETURN_IF_ERROR(RunStatement(outermost ? kBegin : kSavepoint));
  ++depth_;
  bool settled = false;
  // Without `settled` only when `body` threw: undo, and let the exception go on.
  ScopeExit leave([&] {
    if (!settled) Undo(outermost);
    --depth_;
  });
  Status status = body();
  if (status.ok()) {
    status = Finish(outermost);
  } else {
    Undo(outermost);
  }
  settled = true;
  return status;
}

Status Connection::Finish(bool outermost) {
  Status status = RunStatement(outermost ? kCommit : kRelease);
  // A failed COMMIT (say SQLITE_BUSY, or a deferred constraint) leaves the
  // transaction open; close it so that the connection is usable again.
  if (!status.ok()) Undo(outermost);
  return status;
}

void Connection::Undo(bool outermost) {
  // Some errors (SQLITE_FULL, SQLITE_IOERR, ...) make SQLite roll the whole
  // transaction back by itself; then there is nothing left to undo here, and an
  // outer COMMIT will report that the transaction is gone.
  if (sqlite3_get_autocommit(handle())) return;
  // Errors while undoing are not reported: the caller already returns the error that
  // made us undo, which is the one worth reading.
  if (outermost) {
    (void)RunStatement(kRollback);
    return;
  }
  // ROLLBACK TO keeps the savepoint open; RELEASE then removes it.
  if (RunStatement(kRollbackTo).ok()) (void)RunStatement(kRelease);
}

Query::Query(const Connection& db, const Sql& sql) : db_(db), name_(sql.name) {
  Result<sqlite3_stmt*> stmt = db.Prepared(sql);
  if (stmt.ok()) {
    stmt_ = *stmt;
  } else {
    pending_ = stmt.status();
  }
}

Query::~Query() {
  if (stmt_ == nullptr) return;
  // The codes returned here repeat the last Step's, which was already reported.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query& Query::BindText(std::string_view value) {
  const int index = next_parameter_++;
  if (!pending_.ok()) return *this;
  // A default string_view has a null data(), which SQLite would bind as NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  // SQLITE_STATIC: the caller keeps the text alive until the last Step (header).
  const int rc =
      sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK) pending_ = Failed(rc);
  return *this;
}

Query& Query::BindInt(int64_t value) {
  const int index = next_parameter_++;
  if (!pending_.ok()) return *this;
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) pending_ = Failed(rc);
  return *this;
}

Query& Query::BindReal(double value) {
  const int index = next_parameter_++;
  if (!pending_.ok()) return *this;
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) pending_ = Failed(rc);
  return *this;
}

Result<bool> Query::Step() {
  if (!pending_.ok()) return pending_;
  // An unbound parameter would silently be NULL: a bug of ours, not of the data.
  if (next_parameter_ - 1 != sqlite3_bind_parameter_count(stmt_)) {
    return Status::Internal(db_.path() + ": " + std::string(name_) + ": bound " +
                            std::to_string(next_parameter_ - 1) + " of " +
                            std::to_string(sqlite3_bind_parameter_count(stmt_)) +
                            " parameters");
  }
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Failed(rc);
}

Status Query::Run() {
  while (true) {
    CC_ASSIGN_OR_RETURN(const bool row, Step());
    if (!row) return Status::Ok();
  }
}

Result<int64_t> Query::SingleInt() {
  CC_ASSIGN_OR_RETURN(const bool row, Step());
  if (!row) {
    return Status::Internal(db_.path() + ": " + std::string(name_) + ": returned no row");
  }
  const int64_t value = Int(0);
  CC_RETURN_IF_ERROR(Run());
  return value;
}

int64_t Query::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Query::Real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Query::Text(int column) const {
  // column_text before column_bytes, as SQLite documents, so the length is that of
  // the UTF-8 text returned.
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int bytes = sqlite3_column_bytes(stmt_, column);
  return text != nullptr ? std::string(text, static_cast<size_t>(bytes)) : std::string();
}

Status Query::Failed(int rc) { return SqliteError(db_, rc, name_); }

}  // namespace citecheck::store::internal
