// Tests for the conditional re-fetch's memory (cache.cc): which results are
// remembered, and the round trip through the store's http_cache table.
#include <gtest/gtest.h>

#include "crawler/crawler.h"
#include "printers.h"
#include "store/store.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

FetchResult Archived() {
  FetchResult r;
  r.url = "HTTP://a.test/page#top";
  r.final_url = "http://a.test/moved";
  r.outcome = FetchOutcome::kOk;
  r.status = 200;
  r.headers = {{"ETag", "\"v1\""}, {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"}};
  r.redirects = {{"http://a.test/page", 301, "/moved"}};
  r.warc_file = "/data/warc/run.warc.gz";
  r.warc_offset = 1234;
  r.fetched_at_micros = 1700000000000000;
  return r;
}

// A network or revalidated 200 archived somewhere is remembered under its normalized
// URL, with its validators, chain and record.
TEST(CacheEntryOf, RemembersArchivedSuccesses) {
  CachedResponse expected;
  expected.url = "http://a.test/page";
  expected.final_url = "http://a.test/moved";
  expected.redirects = {{"http://a.test/page", 301, "/moved"}};
  expected.etag = "\"v1\"";
  expected.last_modified = "Sun, 06 Nov 1994 08:49:37 GMT";
  expected.warc_file = "/data/warc/run.warc.gz";
  expected.warc_offset = 1234;
  expected.validated_at_micros = 1700000000000000;
  EXPECT_EQ(CacheEntryOf(Archived()), expected);
  FetchResult revalidated = Archived();
  revalidated.cache = CacheUse::kRevalidated;
  EXPECT_EQ(CacheEntryOf(revalidated), expected);
}

// Failures, soft 404s, unarchived responses and answers from the freshness window
// change nothing.
TEST(CacheEntryOf, SkipsWhatCannotBeReused) {
  std::vector<FetchResult> skipped(5, Archived());
  skipped[0].outcome = FetchOutcome::kHttpError;
  skipped[0].status = 404;
  skipped[1].soft_404 = true;
  skipped[2].warc_file.clear();
  skipped[3].cache = CacheUse::kFresh;
  skipped[4].status = 206;
  for (const FetchResult& r : skipped) EXPECT_EQ(CacheEntryOf(r), std::nullopt);
}

// Record then Lookup through a store gives the entry back; a later result replaces it.
TEST(StoreResponseCache, RoundTripsThroughTheStore) {
  auto store = store::Store::Open(":memory:");
  ASSERT_OK(store);
  StoreResponseCache cache(**store);
  EXPECT_EQ(*cache.Lookup("http://a.test/page"), std::nullopt);
  FetchResult failed = Archived();
  failed.url = "http://a.test/other";
  failed.outcome = FetchOutcome::kTimeout;
  ASSERT_OK(cache.Record({Archived(), failed}));
  EXPECT_EQ(*(*store)->CountRows("http_cache"), 1);
  auto found = cache.Lookup("http://a.test/page");
  ASSERT_OK(found);
  EXPECT_EQ(*found, CacheEntryOf(Archived()));
  FetchResult newer = Archived();
  newer.headers = {{"ETag", "\"v2\""}};
  newer.fetched_at_micros += 1000000;
  ASSERT_OK(cache.Record({newer}));
  EXPECT_EQ((*cache.Lookup("http://a.test/page"))->etag, "\"v2\"");
  EXPECT_EQ((*cache.Lookup("http://a.test/page"))->last_modified, "");
}

}  // namespace
}  // namespace citecheck::crawler
