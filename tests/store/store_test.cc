#include "store/store.h"

#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/internal/schema.h"
#include "store/internal/sqlite.h"
#include "testutil/testutil.h"

namespace citecheck::store {

// Readable failure output for whole-record comparisons.
void PrintTo(const FetchRecord& f, std::ostream* os) {
  *os << "{id=" << f.id << " url=" << f.url << " final_url=" << f.final_url
      << " outcome=" << f.outcome << " status=" << f.status << " error=" << f.error
      << " redirects=" << f.redirects_json << " headers=" << f.headers_json
      << " type=" << f.content_type << " sha=" << f.body_sha256 << " bytes=" << f.body_bytes
      << " warc=" << f.warc_file << "@" << f.warc_offset << " at=" << f.fetched_at_micros
      << " ms=" << f.elapsed_ms << "}";
}
void PrintTo(const DocumentRecord& d, std::ostream* os) {
  *os << "{id=" << d.id << " fetch_id=" << d.fetch_id << " url=" << d.url
      << " type=" << d.media_type << " title=" << d.title << " lang=" << d.lang
      << " published=" << d.published << " author=" << d.author << " sha=" << d.text_sha256
      << " text=" << d.text << " blocks=" << d.blocks_json << "}";
}
void PrintTo(const VerdictRecord& v, std::ostream* os) {
  *os << "{" << v.claim_id << " '" << v.claim_text << "' " << v.verdict << " " << v.support
      << " " << v.source_url << " '" << v.evidence_text << "' [" << v.evidence_start << ","
      << v.evidence_end << ") " << v.reason << " " << v.mentions_json << "}";
}
void PrintTo(const CheckRecord& c, std::ostream* os) {
  *os << "{id=" << c.id << " draft=" << c.draft_path << " sha=" << c.draft_sha256
      << " started=" << c.started_at_micros << " finished=" << c.finished_at_micros
      << " integrity=" << c.integrity << " report=" << c.report_json << " verdicts=[";
  for (const VerdictRecord& v : c.verdicts) PrintTo(v, os);
  *os << "]}";
}

namespace {

using common::Status;
using common::StatusCode;
using testutil::TempDir;

constexpr std::string_view kTables[] = {"sources", "fetches", "documents", "checks",
                                        "verdicts"};

FetchRecord SampleFetch(std::string url, int64_t fetched_at_micros) {
  FetchRecord f;
  f.url = std::move(url);
  f.final_url = f.url + "?redirected=1";
  f.outcome = "ok";
  f.status = 200;
  f.error = "";
  f.redirects_json = R"([{"url":"http://a.example/","status":301,"location":"/b"}])";
  f.headers_json = R"([["content-type","text/html; charset=utf-8"]])";
  f.content_type = "text/html";
  f.body_sha256 = std::string(64, 'a');
  f.body_bytes = 12345;
  f.warc_file = "warc/2024-05-01.warc.gz";
  f.warc_offset = 987654321012;
  f.fetched_at_micros = fetched_at_micros;
  f.elapsed_ms = 123.456;
  return f;
}

DocumentRecord SampleDocument(int64_t fetch_id) {
  DocumentRecord d;
  d.fetch_id = fetch_id;
  d.url = "https://stats.example/report";
  d.media_type = "text/html";
  d.title = "Rapport annuel — édition 2024";
  d.lang = "fr";
  d.published = "2024-03-01";
  d.author = "Institut Exemple";
  d.text_sha256 = std::string(64, 'b');
  d.text = "En 2024, 13 % des PME ont exporté.\nDeuxième paragraphe.";
  d.blocks_json = R"([{"kind":"p","start":0,"end":35,"level":0,"page":0}])";
  return d;
}

VerdictRecord SampleVerdict(std::string claim_id, std::string verdict) {
  VerdictRecord v;
  v.claim_id = std::move(claim_id);
  v.claim_text = "13 % des PME exportent (" + v.claim_id + ")";
  v.verdict = std::move(verdict);
  v.support = 0.875;
  v.source_url = "https://stats.example/report";
  v.evidence_text = "En 2024, 13 % des PME ont exporté.";
  v.evidence_start = 0;
  v.evidence_end = 35;
  v.reason = "number and subject match";
  v.mentions_json = R"([{"line":3,"column":7}])";
  return v;
}

CheckRecord SampleCheck() {
  CheckRecord c;
  c.draft_path = "drafts/pme.md";
  c.draft_sha256 = std::string(64, 'c');
  c.started_at_micros = 1714550400000000;
  c.finished_at_micros = 1714550401500000;
  c.integrity = 0.6667;
  c.report_json = R"({"claims":3})";
  // Claim ids deliberately out of lexical order: order must come from insertion.
  c.verdicts = {SampleVerdict("c2", "supported"), SampleVerdict("c10", "contradicted"),
                SampleVerdict("c1", "not_found"), SampleVerdict("c3", "unverifiable")};
  c.verdicts[2].source_url = "";
  c.verdicts[2].evidence_start = -1;
  c.verdicts[2].evidence_end = -1;
  return c;
}

// The first column of the first row of `sql`, as text ("" when there is no row), run
// on a raw connection of its own with none of Store's settings.
std::string RawQuery(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* raw_db = nullptr;
  const int open_rc = sqlite3_open_v2(file.c_str(), &raw_db, SQLITE_OPEN_READWRITE, nullptr);
  internal::DbPtr db(raw_db);
  EXPECT_EQ(open_rc, SQLITE_OK) << file;
  if (open_rc != SQLITE_OK) return "";
  sqlite3_stmt* raw_stmt = nullptr;
  const int prepare_rc = sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &raw_stmt, nullptr);
  internal::StatementPtr stmt(raw_stmt);
  EXPECT_EQ(prepare_rc, SQLITE_OK) << sqlite3_errmsg(db.get());
  if (prepare_rc != SQLITE_OK || sqlite3_step(stmt.get()) != SQLITE_ROW) return "";
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0));
  return text != nullptr ? text : "";
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Every behaviour that does not depend on the medium runs on a file database and on
// a private in-memory one.
enum class Medium { kMemory, kFile };
void PrintTo(Medium m, std::ostream* os) { *os << (m == Medium::kMemory ? "memory" : "file"); }

class StoreTest : public ::testing::TestWithParam<Medium> {
 protected:
  void SetUp() override {
    path_ = GetParam() == Medium::kMemory ? std::filesystem::path(":memory:")
                                          : dir_.path() / "citecheck.db";
    auto opened = Store::Open(path_);
    ASSERT_OK(opened);
    store_ = std::move(*opened);
  }

  // Row counts of every table, in kTables order.
  std::vector<int64_t> Counts() const {
    std::vector<int64_t> counts;
    for (std::string_view table : kTables) {
      auto n = store_->CountRows(table);
      EXPECT_OK(n);
      counts.push_back(n.ok() ? *n : -1);
    }
    return counts;
  }

  TempDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(MemoryAndFile, StoreTest,
                         ::testing::Values(Medium::kMemory, Medium::kFile),
                         [](const auto& info) {
                           return info.param == Medium::kMemory ? "Memory" : "File";
                         });

// A new database has every table, all empty.
TEST_P(StoreTest, NewDatabaseHasEveryTableEmpty) {
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
  EXPECT_EQ(store_->ListChecks().value(), std::vector<int64_t>{});
}

// AddFetch assigns an id; LatestFetch gives back the whole record with that id.
TEST_P(StoreTest, FetchRoundTripsWholeRecord) {
  FetchRecord want = SampleFetch("https://stats.example/report", 1714550400000000);
  want.id = 777;  // ignored by AddFetch
  auto id = store_->AddFetch(want);
  ASSERT_OK(id);
  EXPECT_GT(*id, 0);
  want.id = *id;
  auto got = store_->LatestFetch(want.url);
  ASSERT_OK(got);
  EXPECT_EQ(*got, std::optional<FetchRecord>(want));
}

// A failed fetch (no body, no archive) keeps its defaults, including the -1 offset.
TEST_P(StoreTest, FailedFetchWithDefaultsRoundTrips) {
  FetchRecord want;
  want.url = "https://down.example/";
  want.outcome = "dns_error";
  want.error = "Could not resolve host: down.example";
  auto id = store_->AddFetch(want);
  ASSERT_OK(id);
  want.id = *id;
  EXPECT_EQ(store_->LatestFetch(want.url).value(), std::optional<FetchRecord>(want));
}

// Text is stored with its length: embedded NUL bytes and non-ASCII survive.
TEST_P(StoreTest, TextKeepsNulBytesAndUtf8) {
  FetchRecord want = SampleFetch("https://bin.example/", 1);
  want.error = std::string("before\0after — ünïcode", 26);
  auto id = store_->AddFetch(want);
  ASSERT_OK(id);
  want.id = *id;
  EXPECT_EQ(store_->LatestFetch(want.url).value(), std::optional<FetchRecord>(want));
}

struct LatestCase {
  const char* name;
  std::vector<std::pair<std::string, int64_t>> fetches;  // url, fetched_at, in add order
  size_t want;  // index into fetches of the one LatestFetch("https://a.example/") gives
};

// LatestFetch orders by fetched_at_micros, then by id (the last added wins a tie);
// fetches of other URLs never count.
TEST_P(StoreTest, LatestFetchIsNewestTimeThenLastAdded) {
  const std::string a = "https://a.example/";
  const std::string b = "https://b.example/";
  const LatestCase cases[] = {
      {"single", {{a, 10}}, 0},
      {"newer added last", {{a, 10}, {a, 20}}, 1},
      {"older added last", {{a, 20}, {a, 10}}, 0},
      {"tie goes to last added", {{a, 10}, {a, 10}}, 1},
      {"other url newer", {{a, 10}, {b, 99}}, 0},
      {"mixed", {{a, 30}, {b, 50}, {a, 5}, {a, 30}, {a, 29}}, 3},
  };
  for (const LatestCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto store = Store::Open(":memory:");
    ASSERT_OK(store);
    std::vector<FetchRecord> added;
    for (const auto& [url, at] : c.fetches) {
      FetchRecord f = SampleFetch(url, at);
      f.status = static_cast<int>(added.size());  // tells the records apart
      auto id = (*store)->AddFetch(f);
      ASSERT_OK(id);
      f.id = *id;
      added.push_back(f);
    }
    EXPECT_EQ((*store)->LatestFetch(a).value(), std::optional<FetchRecord>(added[c.want]));
  }
}

// A URL never fetched has no latest fetch; the match is exact, not a prefix.
TEST_P(StoreTest, LatestFetchOfUnknownUrlIsEmpty) {
  ASSERT_OK(store_->AddFetch(SampleFetch("https://a.example/page", 1)));
  EXPECT_EQ(store_->LatestFetch("https://a.example/").value(), std::nullopt);
  EXPECT_EQ(store_->LatestFetch("https://a.example/PAGE").value(), std::nullopt);
  EXPECT_EQ(store_->LatestFetch("").value(), std::nullopt);
}

// Fetches of one URL share one source row.
TEST_P(StoreTest, FetchesOfOneUrlShareOneSource) {
  ASSERT_OK(store_->AddFetch(SampleFetch("https://a.example/x", 1)));
  ASSERT_OK(store_->AddFetch(SampleFetch("https://a.example/x", 2)));
  ASSERT_OK(store_->AddFetch(SampleFetch("https://a.example/y", 3)));
  EXPECT_EQ(Counts(), (std::vector<int64_t>{2, 3, 0, 0, 0}));
}

struct BadFetchCase {
  const char* name;
  FetchRecord fetch;
  StatusCode code;
  const char* message;  // a part of the error message
};

// Constraints reject impossible fetches, naming the violated rule; nothing remains.
TEST_P(StoreTest, RejectsImpossibleFetches) {
  FetchRecord empty_url = SampleFetch("", 1);
  FetchRecord negative_size = SampleFetch("https://a.example/", 1);
  negative_size.body_bytes = -1;
  const BadFetchCase cases[] = {
      {"empty url", empty_url, StatusCode::kInvalidArgument, "url <> ''"},
      {"negative size", negative_size, StatusCode::kInvalidArgument, "body_bytes >= 0"},
  };
  for (const BadFetchCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto id = store_->AddFetch(c.fetch);
    EXPECT_EQ(id.status().code(), c.code) << id.status().ToString();
    EXPECT_TRUE(Contains(id.status().message(), c.message)) << id.status().ToString();
    EXPECT_TRUE(Contains(id.status().message(), path_.string())) << id.status().ToString();
  }
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
}

// AddDocument assigns an id; DocumentForFetch gives back the whole record, the last
// added one when a fetch was extracted twice.
TEST_P(StoreTest, DocumentRoundTripsAndLastExtractionWins) {
  auto fetch_id = store_->AddFetch(SampleFetch("https://stats.example/report", 1));
  ASSERT_OK(fetch_id);
  DocumentRecord first = SampleDocument(*fetch_id);
  auto first_id = store_->AddDocument(first);
  ASSERT_OK(first_id);
  first.id = *first_id;
  EXPECT_EQ(store_->DocumentForFetch(*fetch_id).value(), std::optional<DocumentRecord>(first));

  DocumentRecord second = SampleDocument(*fetch_id);
  second.title = "Re-extracted";
  auto second_id = store_->AddDocument(second);
  ASSERT_OK(second_id);
  second.id = *second_id;
  EXPECT_NE(second.id, first.id);
  EXPECT_EQ(store_->DocumentForFetch(*fetch_id).value(),
            std::optional<DocumentRecord>(second));
  EXPECT_EQ(store_->DocumentForFetch(*fetch_id + 1).value(), std::nullopt);
}

// A document must come from a recorded fetch (foreign key): kFailedPrecondition.
TEST_P(StoreTest, DocumentOfUnknownFetchIsFailedPrecondition) {
  auto id = store_->AddDocument(SampleDocument(42));
  EXPECT_EQ(id.status().code(), StatusCode::kFailedPrecondition) << id.status().ToString();
  EXPECT_TRUE(Contains(id.status().message(), "FOREIGN KEY")) << id.status().ToString();
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
}

// A check comes back whole, its verdicts in the order they were given.
TEST_P(StoreTest, CheckRoundTripsWithVerdictsInOrder) {
  CheckRecord want = SampleCheck();
  auto id = store_->AddCheck(want);
  ASSERT_OK(id);
  want.id = *id;
  auto got = store_->GetCheck(*id);
  ASSERT_OK(got);
  EXPECT_EQ(*got, want);
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 1, 4}));
}

// A check with no claims is still a check.
TEST_P(StoreTest, CheckWithoutVerdictsRoundTrips) {
  CheckRecord want = SampleCheck();
  want.verdicts.clear();
  auto id = store_->AddCheck(want);
  ASSERT_OK(id);
  want.id = *id;
  EXPECT_EQ(store_->GetCheck(*id).value(), want);
}

// Each verdict value of the contract is accepted; anything else is kInvalidArgument.
TEST_P(StoreTest, VerdictValuesAreTheFourOfTheContract) {
  const std::pair<const char*, bool> cases[] = {
      {"supported", true},  {"contradicted", true}, {"not_found", true},
      {"unverifiable", true}, {"", false},          {"Supported", false},
      {"maybe", false},     {"not found", false},
  };
  for (const auto& [verdict, valid] : cases) {
    SCOPED_TRACE(verdict);
    CheckRecord check = SampleCheck();
    check.verdicts = {SampleVerdict("c1", verdict)};
    auto id = store_->AddCheck(check);
    if (valid) {
      ASSERT_OK(id);
      check.id = *id;
      EXPECT_EQ(store_->GetCheck(*id).value(), check);
    } else {
      EXPECT_EQ(id.status().code(), StatusCode::kInvalidArgument) << id.status().ToString();
    }
  }
}

// GetCheck of an id that does not exist: kNotFound naming the id.
TEST_P(StoreTest, MissingCheckIsNotFoundNamingTheId) {
  auto got = store_->GetCheck(4242);
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(got.status().message(), "4242")) << got.status().ToString();
}

// ListChecks gives every check id, oldest first.
TEST_P(StoreTest, ListChecksIsOldestFirst) {
  std::vector<int64_t> ids;
  for (int i = 0; i < 3; ++i) {
    auto id = store_->AddCheck(SampleCheck());
    ASSERT_OK(id);
    ids.push_back(*id);
  }
  EXPECT_LT(ids[0], ids[1]);
  EXPECT_LT(ids[1], ids[2]);
  EXPECT_EQ(store_->ListChecks().value(), ids);
}

// AddCheck is atomic: when one verdict is rejected, neither the check nor its other
// verdicts remain, and checks added before are untouched.
TEST_P(StoreTest, AddCheckIsAtomic) {
  CheckRecord kept = SampleCheck();
  auto kept_id = store_->AddCheck(kept);
  ASSERT_OK(kept_id);
  kept.id = *kept_id;

  CheckRecord bad = SampleCheck();
  bad.verdicts[2].verdict = "probably";  // the third of four verdicts fails
  auto id = store_->AddCheck(bad);
  EXPECT_EQ(id.status().code(), StatusCode::kInvalidArgument) << id.status().ToString();
  EXPECT_TRUE(Contains(id.status().message(), "claim c1")) << id.status().ToString();
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 1, 4}));
  EXPECT_EQ(store_->ListChecks().value(), std::vector<int64_t>{kept.id});
  EXPECT_EQ(store_->GetCheck(kept.id).value(), kept);
}

// Inside a caller's transaction, a failed AddCheck still leaves nothing of itself,
// even when the caller goes on and commits its other work.
TEST_P(StoreTest, FailedAddCheckInsideTransactionLeavesNothingOfItself) {
  CheckRecord bad = SampleCheck();
  bad.verdicts.back().verdict = "???";
  Status add_check;
  ASSERT_OK(store_->RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(store_->AddFetch(SampleFetch("https://a.example/", 1)).status());
    add_check = store_->AddCheck(bad).status();
    return Status::Ok();  // the caller chooses to keep the fetch
  }));
  EXPECT_EQ(add_check.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Counts(), (std::vector<int64_t>{1, 1, 0, 0, 0}));
}

// A body that fails rolls everything back and its error is returned unchanged.
TEST_P(StoreTest, FailedTransactionLeavesNothing) {
  const Status failure = Status::Unavailable("index shard down");
  Status s = store_->RunInTransaction([&]() -> Status {
    auto fetch_id = store_->AddFetch(SampleFetch("https://a.example/", 1));
    CC_RETURN_IF_ERROR(fetch_id.status());
    CC_RETURN_IF_ERROR(store_->AddDocument(SampleDocument(*fetch_id)).status());
    CC_RETURN_IF_ERROR(store_->AddCheck(SampleCheck()).status());
    return failure;
  });
  EXPECT_EQ(s, failure);
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
  // The store is usable afterwards.
  ASSERT_OK(store_->AddFetch(SampleFetch("https://a.example/", 1)));
  EXPECT_EQ(Counts(), (std::vector<int64_t>{1, 1, 0, 0, 0}));
}

// A body that throws rolls back too; the exception reaches the caller.
TEST_P(StoreTest, ThrowingBodyRollsBack) {
  EXPECT_THROW((void)store_->RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(store_->AddFetch(SampleFetch("https://a.example/", 1)).status());
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
  ASSERT_OK(store_->RunInTransaction([&]() -> Status {
    return store_->AddFetch(SampleFetch("https://a.example/", 1)).status();
  }));
  EXPECT_EQ(Counts(), (std::vector<int64_t>{1, 1, 0, 0, 0}));
}

// Nested transactions join the outer one: all their writes commit together.
TEST_P(StoreTest, NestedTransactionsCommitTogether) {
  ASSERT_OK(store_->RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(store_->AddFetch(SampleFetch("https://a.example/", 1)).status());
    return store_->RunInTransaction([&]() -> Status {
      auto id = store_->AddFetch(SampleFetch("https://b.example/", 2));
      CC_RETURN_IF_ERROR(id.status());
      return store_->AddDocument(SampleDocument(*id)).status();
    });
  }));
  EXPECT_EQ(Counts(), (std::vector<int64_t>{2, 2, 1, 0, 0}));
}

// When the outer body fails, the nested work that had succeeded is undone as well.
TEST_P(StoreTest, OuterFailureUndoesNestedWork) {
  Status s = store_->RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(store_->RunInTransaction([&]() -> Status {
      return store_->AddFetch(SampleFetch("https://a.example/", 1)).status();
    }));
    return Status::Internal("later step failed");
  });
  EXPECT_EQ(s, Status::Internal("later step failed"));
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
}

// When a nested body fails, its own writes are undone and its error goes to the
// outer body; the outer body's writes commit when it succeeds.
TEST_P(StoreTest, FailedNestedBodyUndoesOnlyItsOwnWrites) {
  const Status failure = Status::NotFound("no such draft");
  Status nested;
  ASSERT_OK(store_->RunInTransaction([&]() -> Status {
    CC_RETURN_IF_ERROR(store_->AddFetch(SampleFetch("https://a.example/", 1)).status());
    nested = store_->RunInTransaction([&]() -> Status {
      CC_RETURN_IF_ERROR(store_->AddFetch(SampleFetch("https://b.example/", 2)).status());
      return failure;
    });
    return store_->AddFetch(SampleFetch("https://c.example/", 3)).status();
  }));
  EXPECT_EQ(nested, failure);
  EXPECT_EQ(Counts(), (std::vector<int64_t>{2, 2, 0, 0, 0}));
  EXPECT_EQ(store_->LatestFetch("https://b.example/").value(), std::nullopt);
  EXPECT_NE(store_->LatestFetch("https://c.example/").value(), std::nullopt);
}

// CountRows accepts only the known table names; nothing else reaches SQL.
TEST_P(StoreTest, CountRowsRejectsUnknownTables) {
  const char* cases[] = {"", "Fetches", "sqlite_master", "fetches; DROP TABLE fetches",
                         "fetches --", "published"};
  for (const char* table : cases) {
    SCOPED_TRACE(table);
    auto n = store_->CountRows(table);
    EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument) << n.status().ToString();
  }
  EXPECT_EQ(Counts(), (std::vector<int64_t>{0, 0, 0, 0, 0}));
}

// Everything written survives closing and reopening the file.
TEST(StoreFile, ReopenedFileKeepsEverything) {
  TempDir dir;
  const auto path = dir.path() / "citecheck.db";
  FetchRecord fetch = SampleFetch("https://stats.example/report", 1714550400000000);
  DocumentRecord doc;
  CheckRecord check = SampleCheck();
  {
    auto store = Store::Open(path);
    ASSERT_OK(store);
    auto fetch_id = (*store)->AddFetch(fetch);
    ASSERT_OK(fetch_id);
    fetch.id = *fetch_id;
    doc = SampleDocument(fetch.id);
    auto doc_id = (*store)->AddDocument(doc);
    ASSERT_OK(doc_id);
    doc.id = *doc_id;
    auto check_id = (*store)->AddCheck(check);
    ASSERT_OK(check_id);
    check.id = *check_id;
  }
  auto store = Store::Open(path);
  ASSERT_OK(store);
  EXPECT_EQ((*store)->LatestFetch(fetch.url).value(), std::optional<FetchRecord>(fetch));
  EXPECT_EQ((*store)->DocumentForFetch(fetch.id).value(), std::optional<DocumentRecord>(doc));
  EXPECT_EQ((*store)->GetCheck(check.id).value(), check);
  EXPECT_EQ((*store)->ListChecks().value(), std::vector<int64_t>{check.id});
}

// A database file is in WAL mode, as any other connection sees it, and has the
// current schema version.
TEST(StoreFile, FileIsInWalModeAtCurrentVersion) {
  TempDir dir;
  const auto path = dir.path() / "citecheck.db";
  ASSERT_OK(Store::Open(path));
  EXPECT_EQ(RawQuery(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(RawQuery(path, "PRAGMA user_version"),
            std::to_string(internal::SchemaVersion()));
}

struct SourceCase {
  const char* url;
  const char* host;
};

// Each source records the host of its URL, lower-cased ("" when there is none), and
// the earliest fetch time seen for it.
TEST(StoreFile, SourcesRecordHostAndFirstSeen) {
  const SourceCase cases[] = {
      {"https://Stats.Example/report?x=1", "stats.example"},
      {"http://[::1]:8080/a", "::1"},
      {"http://127.0.0.1/", "127.0.0.1"},
      {"not a url", ""},
      {"mailto:someone@example.org", ""},
  };
  TempDir dir;
  const auto path = dir.path() / "citecheck.db";
  auto store = Store::Open(path);
  ASSERT_OK(store);
  for (const SourceCase& c : cases) {
    SCOPED_TRACE(c.url);
    ASSERT_OK((*store)->AddFetch(SampleFetch(c.url, 500)));
    ASSERT_OK((*store)->AddFetch(SampleFetch(c.url, 100)));  // older, added later
    ASSERT_OK((*store)->AddFetch(SampleFetch(c.url, 900)));
    const std::string where = " FROM sources WHERE url = '" + std::string(c.url) + "'";
    EXPECT_EQ(RawQuery(path, "SELECT host" + where), c.host);
    EXPECT_EQ(RawQuery(path, "SELECT first_seen_micros" + where), "100");
  }
}

// A file that is not a SQLite database: kCorruption naming the path.
TEST(StoreFile, NonDatabaseFileIsCorruption) {
  const std::pair<const char*, std::string> cases[] = {
      {"short text", "# Draft\n\nNot a database.\n"},
      {"long text", std::string(8192, 'x')},
      {"almost a header", std::string("SQLite format 2") + std::string(4081, '\0')},
  };
  for (const auto& [name, content] : cases) {
    SCOPED_TRACE(name);
    TempDir dir;
    const auto path = dir.path() / "citecheck.db";
    std::ofstream(path, std::ios::binary) << content;
    auto store = Store::Open(path);
    EXPECT_EQ(store.status().code(), StatusCode::kCorruption) << store.status().ToString();
    EXPECT_TRUE(Contains(store.status().message(), path.string())) << store.status().ToString();
  }
}

// The caller creates the data directory; when it is missing, Open fails with
// kIoError naming the path, and creates nothing.
TEST(StoreFile, MissingDirectoryIsIoErrorNamingThePath) {
  TempDir dir;
  const auto path = dir.path() / "no-such-dir" / "citecheck.db";
  auto store = Store::Open(path);
  EXPECT_EQ(store.status().code(), StatusCode::kIoError) << store.status().ToString();
  EXPECT_TRUE(Contains(store.status().message(), path.string())) << store.status().ToString();
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "no-such-dir"));
}

// A database written by a newer program (higher user_version) is refused with
// kFailedPrecondition and left as it was.
TEST(StoreFile, NewerSchemaIsFailedPrecondition) {
  TempDir dir;
  const auto path = dir.path() / "citecheck.db";
  ASSERT_OK(Store::Open(path));
  const std::string newer = std::to_string(internal::SchemaVersion() + 1);
  RawQuery(path, "PRAGMA user_version = " + newer);
  auto store = Store::Open(path);
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition) << store.status().ToString();
  EXPECT_TRUE(Contains(store.status().message(), path.string())) << store.status().ToString();
  EXPECT_EQ(RawQuery(path, "PRAGMA user_version"), newer);
}

// Two Stores on one file (as two processes would): both read; while one holds the
// write transaction the other reads the last committed state, and its own write
// waits for the busy timeout, then fails with kUnavailable. Once the first commits,
// the second sees the new data and can write.
TEST(StoreFile, SecondWriterIsUnavailableWhileFirstHoldsTheLock) {
  TempDir dir;
  const auto path = dir.path() / "citecheck.db";
  auto first = Store::Open(path);
  ASSERT_OK(first);
  auto second = Store::Open(path, StoreOptions{.busy_timeout = std::chrono::milliseconds(20)});
  ASSERT_OK(second);
  Store& a = **first;
  Store& b = **second;
  const std::string url = "https://a.example/";

  FetchRecord old_fetch = SampleFetch(url, 1);
  old_fetch.id = a.AddFetch(old_fetch).value();
  EXPECT_EQ(b.LatestFetch(url).value(), std::optional<FetchRecord>(old_fetch));

  FetchRecord new_fetch = SampleFetch(url, 2);
  Status b_write;
  std::optional<FetchRecord> b_read;
  ASSERT_OK(a.RunInTransaction([&]() -> Status {
    CC_ASSIGN_OR_RETURN(new_fetch.id, a.AddFetch(new_fetch));
    b_write = b.AddFetch(SampleFetch(url, 3)).status();
    CC_ASSIGN_OR_RETURN(b_read, b.LatestFetch(url));
    return Status::Ok();
  }));
  EXPECT_EQ(b_write.code(), StatusCode::kUnavailable) << b_write.ToString();
  EXPECT_TRUE(Contains(b_write.message(), path.string())) << b_write.ToString();
  EXPECT_EQ(b_read, std::optional<FetchRecord>(old_fetch));

  EXPECT_EQ(b.LatestFetch(url).value(), std::optional<FetchRecord>(new_fetch));
  EXPECT_OK(b.AddFetch(SampleFetch(url, 3)));
  EXPECT_EQ(a.CountRows("fetches").value(), 3);
}

}  // namespace
}  // namespace citecheck::store
