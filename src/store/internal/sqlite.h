// store/internal: the thin layer over the SQLite C API that the store is built on.
//
// Connection owns one sqlite3 handle, the statements prepared on it (each compiled
// once and reused) and the transaction depth. Query is one execution of a cached
// statement. SqliteError is the single place where SQLite result codes become
// common::Status values.
//
//   CC_ASSIGN_OR_RETURN(Connection db, Connection::Open(":memory:", {}));
//   Query q(db, {"count fetches", "SELECT COUNT(*) FROM fetches"});
//   CC_ASSIGN_OR_RETURN(bool row, q.Step());
//
// Thread-safety: a Connection and its Queries are used by one thread at a time (the
// handle is opened with SQLITE_OPEN_NOMUTEX).
#ifndef CITECHECK_STORE_INTERNAL_SQLITE_H_
#define CITECHECK_STORE_INTERNAL_SQLITE_H_

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace citecheck::store::internal {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using DbPtr = std::unique_ptr<sqlite3, SqliteCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// A statement's text and the short name error messages use for it.
struct Sql {
  std::string_view name;  // "insert fetch"
  std::string_view text;  // one SQL statement
};

// How a Connection is opened.
struct ConnectionOptions {
  // How long a statement waits for another connection's lock before it fails with
  // SQLITE_BUSY (kUnavailable).
  std::chrono::milliseconds busy_timeout{5000};
};

class Connection {
 public:
  // Opens or creates `path` (":memory:" for a private in-memory database) and
  // configures it: busy timeout, WAL journal (files only), foreign keys on,
  // synchronous=NORMAL. The directory must exist. Errors: kIoError when the file
  // cannot be opened, kCorruption when it is not a database, kUnavailable when
  // another connection holds a lock past the busy timeout.
  static common::Result<Connection> Open(std::string path,
                                         const ConnectionOptions& options);

  Connection(Connection&&) = default;
  Connection& operator=(Connection&&) = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() = default;

  // The handle, owned by this Connection. Never null after a successful Open.
  sqlite3* handle() const { return db_.get(); }
  // The path given to Open; error messages name it.
  const std::string& path() const { return path_; }
  bool in_memory() const { return path_ == ":memory:"; }

  // Runs one or more statements that return no rows, without caching them (schema
  // changes). `what` names the operation in errors.
  common::Status Exec(std::string_view sql, std::string_view what);

  // Runs `body` inside BEGIN IMMEDIATE ... COMMIT. When `body` returns an error or
  // throws, the transaction is rolled back (the error is returned, the exception
  // passes through). A call made while another is running on this Connection joins
  // it: it works inside a savepoint, so its writes commit with the outer transaction,
  // and when its body fails only its own writes are undone before its error is
  // returned to the outer body. A failing COMMIT rolls back and returns its error.
  common::Status RunInTransaction(const std::function<common::Status()>& body);

  // True while a RunInTransaction body is running.
  bool in_transaction() const { return depth_ > 0; }

  // The statement for `sql`, compiled on first use and kept until the Connection
  // closes. The cache is keyed by the statement text. Errors: those of
  // sqlite3_prepare_v3 (kInternal for a syntax error).
  common::Result<sqlite3_stmt*> Prepared(const Sql& sql) const;

 private:
  Connection(DbPtr db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}
  common::Status Configure(const ConnectionOptions& options);
  common::Status RunStatement(const Sql& sql);
  common::Status Finish(bool outermost);
  void Undo(bool outermost);

  DbPtr db_;
  std::string path_;
  // Keyed by sqlite3_sql() of the value, i.e. by text the statement itself owns.
  // Mutable: preparing is a cache fill, invisible to callers of const methods.
  mutable std::unordered_map<std::string_view, StatementPtr> statements_;
  int depth_ = 0;  // nesting of RunInTransaction calls in progress
};

// The one conversion from a SQLite result code (primary or extended) to a Status.
// The message names the database path, `what` (the statement or operation) and
// SQLite's own message. Codes: BUSY/LOCKED -> kUnavailable; CORRUPT/NOTADB ->
// kCorruption; CANTOPEN/IOERR/FULL/READONLY/PERM -> kIoError; CONSTRAINT ->
// kFailedPrecondition for a foreign key (the referenced row is missing),
// kInvalidArgument for the others (CHECK, NOT NULL, UNIQUE); NOMEM/TOOBIG ->
// kResourceExhausted; ERROR/MISUSE/RANGE/SCHEMA -> kInternal (our SQL is wrong);
// anything else -> kIoError.
// REQUIRES: rc is not SQLITE_OK, SQLITE_ROW or SQLITE_DONE.
common::Status SqliteError(const Connection& db, int rc, std::string_view what);

// One execution of a cached statement. Bind* set parameters in order; Step advances;
// the column readers read the current row. The destructor resets the statement and
// clears its bindings, so a half-read SELECT never keeps a read transaction open and
// the next use never sees stale parameters. An error from preparing or binding is
// kept and returned by the next Step or Run.
//
// REQUIRES: `db` outlives the Query; one Query per statement at a time.
class Query {
 public:
  Query(const Connection& db, const Sql& sql);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // The text is not copied: it must stay alive until the last Step.
  Query& BindText(std::string_view value);
  Query& BindInt(int64_t value);
  Query& BindReal(double value);

  // True when a row is ready, false when the statement has finished.
  common::Result<bool> Step();
  // Steps until the statement finishes, ignoring rows.
  common::Status Run();
  // For statements that give one row whose first column is an integer (COUNT(*),
  // INSERT ... RETURNING id, PRAGMA user_version): that integer, after running the
  // statement to its end. kInternal when there is no row.
  common::Result<int64_t> SingleInt();

  // Columns of the current row, counted from 0. REQUIRES: the last Step gave a row.
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string Text(int column) const;

 private:
  common::Status Failed(int rc);

  const Connection& db_;
  const std::string_view name_;
  sqlite3_stmt* stmt_ = nullptr;  // owned by db_'s cache; null when prepare failed
  common::Status pending_;        // first prepare or bind error
  int next_parameter_ = 1;
};

}  // namespace citecheck::store::internal

#endif  // CITECHECK_STORE_INTERNAL_SQLITE_H_
