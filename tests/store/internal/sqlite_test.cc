#include "store/internal/sqlite.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::store::internal {
namespace {

using common::Status;
using common::StatusCode;

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

Connection OpenMemory() {
  auto db = Connection::Open(":memory:", {});
  EXPECT_OK(db);
  return std::move(*db);
}

int64_t Count(const Connection& db, const Sql& sql) {
  Query query(db, sql);
  auto n = query.SingleInt();
  EXPECT_OK(n);
  return n.ok() ? *n : -1;
}

constexpr Sql kCountItems{"count items", "SELECT COUNT(*) FROM items"};
constexpr Sql kInsertItem{"insert item", "INSERT INTO items (name) VALUES (?)"};

struct CodeCase {
  int rc;
  StatusCode code;
};

// SqliteError maps each family of SQLite codes to one StatusCode (the table in
// sqlite.h), extended codes by their family except a foreign key failure.
TEST(SqliteError, MapsCodesByFamily) {
  const CodeCase cases[] = {
      {SQLITE_BUSY, StatusCode::kUnavailable},
      {SQLITE_BUSY_SNAPSHOT, StatusCode::kUnavailable},
      {SQLITE_LOCKED, StatusCode::kUnavailable},
      {SQLITE_CORRUPT, StatusCode::kCorruption},
      {SQLITE_NOTADB, StatusCode::kCorruption},
      {SQLITE_CANTOPEN, StatusCode::kIoError},
      {SQLITE_CANTOPEN_ISDIR, StatusCode::kIoError},
      {SQLITE_IOERR, StatusCode::kIoError},
      {SQLITE_IOERR_WRITE, StatusCode::kIoError},
      {SQLITE_FULL, StatusCode::kIoError},
      {SQLITE_READONLY, StatusCode::kIoError},
      {SQLITE_PERM, StatusCode::kIoError},
      {SQLITE_CONSTRAINT, StatusCode::kInvalidArgument},
      {SQLITE_CONSTRAINT_CHECK, StatusCode::kInvalidArgument},
      {SQLITE_CONSTRAINT_UNIQUE, StatusCode::kInvalidArgument},
      {SQLITE_CONSTRAINT_NOTNULL, StatusCode::kInvalidArgument},
      {SQLITE_CONSTRAINT_FOREIGNKEY, StatusCode::kFailedPrecondition},
      {SQLITE_NOMEM, StatusCode::kResourceExhausted},
      {SQLITE_TOOBIG, StatusCode::kResourceExhausted},
      {SQLITE_ERROR, StatusCode::kInternal},
      {SQLITE_MISUSE, StatusCode::kInternal},
      {SQLITE_RANGE, StatusCode::kInternal},
  };
  Connection db = OpenMemory();
  for (const CodeCase& c : cases) {
    SCOPED_TRACE(c.rc);
    EXPECT_EQ(SqliteError(db, c.rc, "step").code(), c.code);
  }
}

// The message names the path, the operation and SQLite's text for the code.
TEST(SqliteError, MessageNamesPathWhatAndReason) {
  Connection db = OpenMemory();
  const Status s = SqliteError(db, SQLITE_BUSY, "insert fetch");
  EXPECT_EQ(s.message(), ":memory:: insert fetch: database is locked (sqlite code 5)");
}

// When the handle's last failure is the one reported, its precise message is used.
TEST(SqliteError, UsesTheHandlesMessageForItsOwnFailure) {
  Connection db = OpenMemory();
  Query query(db, {"select missing", "SELECT * FROM missing_table"});
  auto row = query.Step();
  EXPECT_EQ(row.status().code(), StatusCode::kInternal);
  EXPECT_TRUE(Contains(row.status().message(), "select missing")) << row.status().ToString();
  EXPECT_TRUE(Contains(row.status().message(), "no such table: missing_table"))
      << row.status().ToString();
}

// A statement is compiled once per Connection and found again by its text.
TEST(Connection, PreparesEachStatementOnce) {
  Connection db = OpenMemory();
  auto first = db.Prepared({"one", "SELECT 1"});
  auto again = db.Prepared({"another name", "SELECT 1"});
  auto other = db.Prepared({"two", "SELECT 2"});
  ASSERT_OK(first);
  ASSERT_OK(again);
  ASSERT_OK(other);
  EXPECT_EQ(*first, *again);
  EXPECT_NE(*first, *other);
}

// Only single, valid statements can be cached.
TEST(Connection, RejectsTextThatIsNotOneStatement) {
  const Sql cases[] = {
      {"two statements", "SELECT 1; SELECT 2"},
      {"two statements after a semicolon", "SELECT 1;SELECT 2;"},
      {"empty", ""},
      {"only a comment", "-- nothing"},
      {"syntax error", "SELEC 1"},
  };
  Connection db = OpenMemory();
  for (const Sql& sql : cases) {
    SCOPED_TRACE(sql.name);
    auto stmt = db.Prepared(sql);
    EXPECT_EQ(stmt.status().code(), StatusCode::kInternal) << stmt.status().ToString();
    EXPECT_TRUE(Contains(stmt.status().message(), sql.name)) << stmt.status().ToString();
  }
}

// A Query resets its statement when it ends, so a SELECT left half-read holds no
// read transaction and the next Query starts from the first row.
TEST(Query, ResetsWhenDone) {
  Connection db = OpenMemory();
  const Sql select{"select", "SELECT 1 UNION ALL SELECT 2"};
  for (int i = 0; i < 2; ++i) {
    Query query(db, select);
    ASSERT_EQ(query.Step().value(), true);
    EXPECT_EQ(query.Int(0), 1);  // first row again: the last use was reset
  }
  auto stmt = db.Prepared(select);
  ASSERT_OK(stmt);
  EXPECT_EQ(sqlite3_stmt_busy(*stmt), 0);
}

// A parameter left unbound is our bug, reported rather than run as NULL, also
// when the statement was used with that parameter bound before.
TEST(Query, EveryParameterMustBeBound) {
  Connection db = OpenMemory();
  ASSERT_OK(db.Exec("CREATE TABLE items (name TEXT NOT NULL)", "create"));
  {
    Query insert(db, kInsertItem);
    insert.BindText("first");
    ASSERT_OK(insert.Run());
  }
  Query unbound(db, kInsertItem);
  const Status s = unbound.Run();
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_TRUE(Contains(s.message(), "bound 0 of 1 parameters")) << s.ToString();
}

// Text binds with its length: an empty view binds '', not NULL.
TEST(Query, EmptyTextIsNotNull) {
  Connection db = OpenMemory();
  ASSERT_OK(db.Exec("CREATE TABLE items (name TEXT NOT NULL)", "create"));
  Query insert(db, kInsertItem);
  insert.BindText(std::string_view());
  EXPECT_OK(insert.Run());
}

// RunInTransaction commits a successful body and undoes a failed one.
TEST(Connection, TransactionCommitsOrRollsBack) {
  Connection db = OpenMemory();
  ASSERT_OK(db.Exec("CREATE TABLE items (name TEXT NOT NULL)", "create"));
  auto insert = [&](std::string_view name) {
    Query query(db, kInsertItem);
    query.BindText(name);
    return query.Run();
  };
  ASSERT_OK(db.RunInTransaction([&] { return insert("kept"); }));
  const Status failure = Status::Internal("stop");
  EXPECT_EQ(db.RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(insert("dropped"));
    EXPECT_TRUE(db.in_transaction());
    return failure;
  }),
            failure);
  EXPECT_FALSE(db.in_transaction());
  EXPECT_EQ(Count(db, kCountItems), 1);
}

// A COMMIT that fails (here a deferred foreign key) returns its error and leaves the
// connection outside any transaction, with nothing written.
TEST(Connection, FailingCommitReturnsItsErrorAndRollsBack) {
  Connection db = OpenMemory();
  ASSERT_OK(db.Exec("CREATE TABLE parents (id INTEGER PRIMARY KEY);"
                    "CREATE TABLE items (name TEXT REFERENCES parents (id))",
                    "create"));
  const Status s = db.RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(db.Exec("PRAGMA defer_foreign_keys = ON", "defer"));
    Query insert(db, kInsertItem);
    insert.BindText("7");  // no parent 7: accepted now, refused at COMMIT
    return insert.Run();
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_TRUE(Contains(s.message(), "commit")) << s.ToString();
  EXPECT_NE(sqlite3_get_autocommit(db.handle()), 0);
  EXPECT_EQ(Count(db, kCountItems), 0);
}

// Foreign keys are enforced on every connection (PRAGMA foreign_keys is per
// connection and off by default).
TEST(Connection, EnforcesForeignKeys) {
  Connection db = OpenMemory();
  ASSERT_OK(db.Exec("CREATE TABLE parents (id INTEGER PRIMARY KEY);"
                    "CREATE TABLE items (name TEXT REFERENCES parents (id))",
                    "create"));
  Query insert(db, kInsertItem);
  insert.BindText("7");
  EXPECT_EQ(insert.Run().code(), StatusCode::kFailedPrecondition);
}

// BEGIN IMMEDIATE waits for another connection's write lock for the busy timeout,
// then fails with kUnavailable; reads are not blocked.
TEST(Connection, BeginIsUnavailableWhileAnotherConnectionWrites) {
  testutil::TempDir dir;
  const std::string path = (dir.path() / "t.db").string();
  auto writer = Connection::Open(path, {});
  ASSERT_OK(writer);
  ASSERT_OK(writer->Exec("CREATE TABLE items (name TEXT)", "create"));
  auto other = Connection::Open(path, {.busy_timeout = std::chrono::milliseconds(10)});
  ASSERT_OK(other);
  Status blocked;
  ASSERT_OK(writer->RunInTransaction([&]() -> Status {
    blocked = other->RunInTransaction([] { return Status::Ok(); });
    EXPECT_EQ(Count(*other, kCountItems), 0);
    return Status::Ok();
  }));
  EXPECT_EQ(blocked.code(), StatusCode::kUnavailable) << blocked.ToString();
  EXPECT_TRUE(Contains(blocked.message(), path)) << blocked.ToString();
  EXPECT_FALSE(other->in_transaction());
  EXPECT_OK(other->RunInTransaction([] { return Status::Ok(); }));
}

}  // namespace
}  // namespace citecheck::store::internal
