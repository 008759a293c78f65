// store/internal: the database schema and its migrations.
//
// The schema version lives in PRAGMA user_version. Each migration step brings the
// schema from version i to i+1; Migrate applies the missing steps and the new version
// number in one transaction, so a database is always at some whole version.
//
// Thread-safety: the functions are stateless; the Connection rules apply.
#ifndef CITECHECK_STORE_INTERNAL_SCHEMA_H_
#define CITECHECK_STORE_INTERNAL_SCHEMA_H_

#include <cstdint>

#include "common/status.h"
#include "store/internal/sqlite.h"

namespace citecheck::store::internal {

// The version this program's schema has: the number of migration steps.
int64_t SchemaVersion();

// The database's version (PRAGMA user_version; 0 for a new database).
common::Result<int64_t> ReadSchemaVersion(const Connection& db);

// Brings `db` to SchemaVersion(). Nothing changes when it is there already; when a
// step fails, nothing of the migration remains. Errors: kFailedPrecondition when the
// database is newer than this program, naming both versions; SQLite's otherwise.
// REQUIRES: no transaction is running on `db`.
common::Status Migrate(Connection& db);

}  // namespace citecheck::store::internal

#endif  // CITECHECK_STORE_INTERNAL_SCHEMA_H_
