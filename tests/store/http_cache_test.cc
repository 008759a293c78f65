// Tests for the HTTP cache table of the store (http_cache.cc).
#include <gtest/gtest.h>

#include <filesystem>

#include "store/store.h"
#include "testutil/testutil.h"

namespace citecheck::store {
namespace {

HttpCacheRecord Entry(std::string url, std::string etag) {
  HttpCacheRecord e;
  e.url = std::move(url);
  e.final_url = e.url + "/moved";
  e.redirects_json = R"([{"url":")" + e.url + R"(","status":301,"location":"/moved"}])";
  e.etag = std::move(etag);
  e.last_modified = "Sun, 06 Nov 1994 08:49:37 GMT";
  e.warc_file = "/data/warc/a.warc.gz";
  e.warc_offset = 4096;
  e.validated_at_micros = 1700000000000000;
  return e;
}

// An entry comes back field for field; a second Put for the same URL replaces it.
TEST(HttpCache, PutThenGetAndReplace) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  EXPECT_EQ(*(*store)->GetHttpCache("http://a.test/x"), std::nullopt);
  ASSERT_OK((*store)->PutHttpCache(Entry("http://a.test/x", "\"v1\"")));
  ASSERT_OK((*store)->PutHttpCache(Entry("http://a.test/y", "\"w1\"")));
  EXPECT_EQ(*(*store)->GetHttpCache("http://a.test/x"), Entry("http://a.test/x", "\"v1\""));
  HttpCacheRecord newer = Entry("http://a.test/x", "\"v2\"");
  newer.validated_at_micros += 1;
  ASSERT_OK((*store)->PutHttpCache(newer));
  EXPECT_EQ(*(*store)->GetHttpCache("http://a.test/x"), newer);
  EXPECT_EQ(*(*store)->CountRows("http_cache"), 2);
}

TEST(HttpCache, UrlIsRequired) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  EXPECT_EQ((*store)->PutHttpCache(Entry("", "")).code(), common::StatusCode::kInvalidArgument);
}

// The table survives a reopen of a database file, like every other.
TEST(HttpCache, PersistsInTheFile) {
  testutil::TempDir dir;
  const auto path = dir.path() / "citecheck.db";
  {
    auto store = Store::Open(path);
    ASSERT_OK(store);
    ASSERT_OK((*store)->PutHttpCache(Entry("http://a.test/x", "\"v1\"")));
  }
  auto store = Store::Open(path);
  ASSERT_OK(store);
  EXPECT_EQ(*(*store)->GetHttpCache("http://a.test/x"), Entry("http://a.test/x", "\"v1\""));
}

}  // namespace
}  // namespace citecheck::store
