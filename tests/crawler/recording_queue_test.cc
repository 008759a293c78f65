// Tests for RecordingQueue (recording_queue.cc): every result recorded once, in
// transactions of a connection of its own to a real SQLite file; errors returned and
// never blocking the fetch loop.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crawler/crawler.h"
#include "store/store.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

using common::Status;

FetchResult Result(const std::string& url) {
  FetchResult r;
  r.url = url;
  r.final_url = url;
  r.outcome = FetchOutcome::kOk;
  r.status = 200;
  return r;
}

store::FetchRecord RecordOf(const FetchResult& f) {
  store::FetchRecord r;
  r.url = f.url;
  r.final_url = f.final_url;
  r.outcome = "ok";
  r.status = f.status;
  return r;
}

// Results told to the listener and those only returned by FetchAll (a URL refused
// before any request) are each recorded once, in the database the queue opened.
TEST(RecordingQueue, RecordsEveryResultOnce) {
  testutil::TempDir dir;
  const auto db = dir.path() / "citecheck.db";
  ASSERT_OK(store::Store::Open(db));  // creates the schema
  std::vector<std::string> recorded;  // the recording thread's until Finish returns
  RecordingQueue queue(db, [&](store::Store& s, FetchResult f) -> Status {
    recorded.push_back(f.url);
    return s.AddFetch(RecordOf(f)).status();
  });
  ASSERT_OK(queue.Start());
  queue.OnResult(Result("http://a.test/1"));
  queue.OnResult(Result("http://a.test/2"));
  // FetchAll's list: the two already told, in another spelling, and one refused URL.
  const std::vector<FetchResult> all = {Result("HTTP://a.test/1"), Result("http://a.test/2#x"),
                                        Result("http://a.test/3")};
  ASSERT_OK(queue.Finish(all));
  EXPECT_EQ(recorded, (std::vector<std::string>{"http://a.test/1", "http://a.test/2",
                                                "http://a.test/3"}));
  auto reader = store::Store::Open(db);
  ASSERT_OK(reader);
  for (const char* url : {"http://a.test/1", "http://a.test/2", "http://a.test/3"}) {
    auto latest = (*reader)->LatestFetch(url);
    ASSERT_OK(latest);
    ASSERT_TRUE(latest->has_value()) << url;
    EXPECT_EQ((*latest)->status, 200) << url;
  }
}

// The first error is returned by Finish; the batch it happened in is rolled back, and
// later results are drained without being recorded.
TEST(RecordingQueue, FirstErrorIsReturnedAndItsBatchRolledBack) {
  testutil::TempDir dir;
  const auto db = dir.path() / "citecheck.db";
  ASSERT_OK(store::Store::Open(db));
  RecordingQueue queue(db, [&](store::Store& s, FetchResult f) -> Status {
    CC_RETURN_IF_ERROR(s.AddFetch(RecordOf(f)).status());
    if (f.url == "http://a.test/bad") return Status::IoError("disk full while recording " + f.url);
    return Status::Ok();
  });
  ASSERT_OK(queue.Start());
  const Status finished =
      queue.Finish({Result("http://a.test/bad"), Result("http://a.test/after")});
  EXPECT_EQ(finished, Status::IoError("disk full while recording http://a.test/bad"));
  auto reader = store::Store::Open(db);
  ASSERT_OK(reader);
  for (const char* url : {"http://a.test/bad", "http://a.test/after"}) {
    auto latest = (*reader)->LatestFetch(url);
    ASSERT_OK(latest);
    EXPECT_FALSE(latest->has_value()) << url;
  }
}

}  // namespace
}  // namespace citecheck::crawler
