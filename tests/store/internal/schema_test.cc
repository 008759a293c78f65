#include "store/internal/schema.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/internal/sqlite.h"
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

// Names of the schema objects of `type` ("table", "index"), sorted.
std::vector<std::string> Objects(const Connection& db, std::string_view type) {
  Query query(db, {"list objects",
                   "SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name"});
  query.BindText(type);
  std::vector<std::string> names;
  while (true) {
    auto row = query.Step();
    EXPECT_OK(row);
    if (!row.ok() || !*row) return names;
    names.push_back(query.Text(0));
  }
}

// A new database gets every table and index, and the current version. (verdicts is
// a WITHOUT ROWID table: its primary key is the table itself, not a separate index.)
TEST(Schema, MigratesNewDatabaseToCurrentVersion) {
  Connection db = OpenMemory();
  EXPECT_EQ(ReadSchemaVersion(db).value(), 0);
  ASSERT_OK(Migrate(db));
  EXPECT_EQ(ReadSchemaVersion(db).value(), SchemaVersion());
  EXPECT_EQ(Objects(db, "table"),
            (std::vector<std::string>{"article_claims", "article_sources", "articles",
                                      "audit_claims", "audit_runs", "audit_urls", "checks",
                                      "documents", "fetches", "http_cache", "job_outputs",
                                      "jobs", "sources", "verdicts"}));
  EXPECT_EQ(Objects(db, "index"),
            (std::vector<std::string>{"audit_claims_by_claim", "audit_runs_by_scope",
                                      "audit_urls_by_url", "documents_by_fetch",
                                      "fetches_by_url_time", "jobs_by_state",
                                      "sqlite_autoindex_articles_1",
                                      "sqlite_autoindex_sources_1"}));
}

// Migrating a current database changes nothing.
TEST(Schema, MigrateIsIdempotent) {
  Connection db = OpenMemory();
  ASSERT_OK(Migrate(db));
  ASSERT_OK(Migrate(db));
  EXPECT_EQ(ReadSchemaVersion(db).value(), SchemaVersion());
  EXPECT_EQ(Objects(db, "table").size(), 14u);
}

// A database newer than the program is refused, naming both versions, and left
// untouched.
TEST(Schema, NewerDatabaseIsFailedPrecondition) {
  Connection db = OpenMemory();
  const int64_t newer = SchemaVersion() + 5;
  ASSERT_OK(db.Exec("PRAGMA user_version = " + std::to_string(newer), "set version"));
  const Status s = Migrate(db);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Contains(s.message(), "version " + std::to_string(newer))) << s.ToString();
  EXPECT_TRUE(Contains(s.message(), "(" + std::to_string(SchemaVersion()) + ")"))
      << s.ToString();
  EXPECT_EQ(ReadSchemaVersion(db).value(), newer);
  EXPECT_EQ(Objects(db, "table"), std::vector<std::string>{});
}

// A step that fails leaves nothing of the migration: no new table, no new version.
TEST(Schema, FailedStepLeavesNothing) {
  Connection db = OpenMemory();
  ASSERT_OK(db.Exec("CREATE TABLE checks (x TEXT)", "create a conflicting table"));
  const Status s = Migrate(db);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_TRUE(Contains(s.message(), "migrate schema to version 1")) << s.ToString();
  EXPECT_TRUE(Contains(s.message(), "already exists")) << s.ToString();
  EXPECT_EQ(ReadSchemaVersion(db).value(), 0);
  EXPECT_EQ(Objects(db, "table"), std::vector<std::string>{"checks"});
}

struct PlanCase {
  const char* query;
  const char* index;  // must appear in the plan
};

// The lookups the store makes are served by an index, in the order they need (no
// temporary sort).
TEST(Schema, LookupsUseIndexes) {
  const PlanCase cases[] = {
      {"SELECT * FROM fetches WHERE url = 'u' "
       "ORDER BY fetched_at_micros DESC, id DESC LIMIT 1",
       "fetches_by_url_time"},
      {"SELECT * FROM documents WHERE fetch_id = 1 ORDER BY id DESC LIMIT 1",
       "documents_by_fetch"},
      {"SELECT * FROM verdicts WHERE check_id = 1 ORDER BY ordinal", "PRIMARY KEY"},
      {"SELECT id FROM sources WHERE url = 'u'", "sqlite_autoindex_sources_1"},
  };
  Connection db = OpenMemory();
  ASSERT_OK(Migrate(db));
  for (const PlanCase& c : cases) {
    SCOPED_TRACE(c.query);
    const std::string sql = std::string("EXPLAIN QUERY PLAN ") + c.query;
    Query plan(db, {"plan", sql});
    std::string details;
    while (true) {
      auto row = plan.Step();
      ASSERT_OK(row);
      if (!*row) break;
      details += plan.Text(3) + "\n";
    }
    EXPECT_TRUE(Contains(details, c.index)) << details;
    EXPECT_FALSE(Contains(details, "TEMP B-TREE")) << details;
  }
}

}  // namespace
}  // namespace citecheck::store::internal
