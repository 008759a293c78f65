// The API's job queue in the store: bounded adds, one start per job, finishing with
// outputs, and what a restart does to jobs that were running.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/store.h"
#include "testutil/testutil.h"

namespace citecheck::store {

void PrintTo(const JobRecord& j, std::ostream* os) {
  *os << "{id=" << j.id << " kind=" << j.kind << " state=" << j.state
      << " name=" << j.input_name << " input=" << j.input << " options=" << j.options_json
      << " owner=" << j.owner << " created=" << j.created_at_micros
      << " started=" << j.started_at_micros << " finished=" << j.finished_at_micros
      << " attempts=" << j.attempts << " error=" << j.error_code << ": " << j.error_message
      << "}";
}

namespace {

using common::Status;
using common::StatusCode;

JobRecord SampleJob(std::string input, int64_t created) {
  JobRecord j;
  j.input_name = "draft.md";
  j.input = std::move(input);
  j.options_json = R"({"wait_ms":0})";
  j.owner = "editor";
  j.created_at_micros = created;
  return j;
}

class JobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(dir_.path() / "citecheck.db");
    ASSERT_OK(store);
    store_ = std::move(*store);
  }

  testutil::TempDir dir_;
  std::unique_ptr<Store> store_;
};

// A job is stored as given, queued, with nothing started or finished yet.
TEST_F(JobsTest, AddThenGetGivesTheQueuedJob) {
  auto id = store_->AddJob(SampleJob("# A\n", 100), 10);
  ASSERT_OK(id);
  JobRecord expected = SampleJob("# A\n", 100);
  expected.id = *id;
  auto got = store_->GetJob(*id);
  ASSERT_OK(got);
  EXPECT_EQ(*got, expected);
  EXPECT_EQ(*store_->CountJobs("queued"), 1);
}

// The bound counts queued jobs only: a running job leaves room for another.
TEST_F(JobsTest, AddRefusesWhenTheQueueIsFull) {
  ASSERT_OK(store_->AddJob(SampleJob("a", 1), 2));
  ASSERT_OK(store_->AddJob(SampleJob("b", 2), 2));
  auto full = store_->AddJob(SampleJob("c", 3), 2);
  EXPECT_EQ(full.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(*store_->CountJobs("queued"), 2);
  ASSERT_OK(store_->StartNextJob(10));
  EXPECT_OK(store_->AddJob(SampleJob("c", 3), 2));
}

// Jobs start oldest first, each once; an empty queue gives nullopt.
TEST_F(JobsTest, StartNextTakesTheOldestQueuedJobOnce) {
  auto first = store_->AddJob(SampleJob("a", 1), 10);
  auto second = store_->AddJob(SampleJob("b", 2), 10);
  ASSERT_OK(first);
  ASSERT_OK(second);
  auto started = store_->StartNextJob(50);
  ASSERT_OK(started);
  ASSERT_TRUE(started->has_value());
  JobRecord expected = SampleJob("a", 1);
  expected.id = *first;
  expected.state = "running";
  expected.started_at_micros = 50;
  expected.attempts = 1;
  EXPECT_EQ(**started, expected);
  auto next = store_->StartNextJob(60);
  ASSERT_OK(next);
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->id, *second);
  auto none = store_->StartNextJob(70);
  ASSERT_OK(none);
  EXPECT_FALSE(none->has_value());
}

// Two Stores on one file (two threads of the server) never start the same job.
TEST_F(JobsTest, TwoStoresStartDistinctJobs) {
  auto other = Store::Open(dir_.path() / "citecheck.db");
  ASSERT_OK(other);
  ASSERT_OK(store_->AddJob(SampleJob("a", 1), 10));
  ASSERT_OK(store_->AddJob(SampleJob("b", 2), 10));
  auto a = store_->StartNextJob(5);
  auto b = (*other)->StartNextJob(5);
  ASSERT_OK(a);
  ASSERT_OK(b);
  ASSERT_TRUE(a->has_value() && b->has_value());
  EXPECT_NE((*a)->id, (*b)->id);
  EXPECT_FALSE((*other)->StartNextJob(6)->has_value());
}

// A finished job keeps its outputs; a failed one its error code name and message.
TEST_F(JobsTest, FinishStoresOutputsAndErrors) {
  auto ok_id = store_->AddJob(SampleJob("a", 1), 10);
  auto bad_id = store_->AddJob(SampleJob("b", 2), 10);
  ASSERT_OK(store_->StartNextJob(5));
  ASSERT_OK(store_->StartNextJob(5));
  ASSERT_OK(store_->FinishJob(*ok_id, "done", Status::Ok(),
                              {{"json", "{}"}, {"html", "<p>"}}, 9));
  ASSERT_OK(store_->FinishJob(*bad_id, "failed", Status::IoError("disk full"), {}, 9));

  auto done = store_->GetJob(*ok_id);
  ASSERT_OK(done);
  EXPECT_EQ(done->state, "done");
  EXPECT_EQ(done->finished_at_micros, 9);
  EXPECT_EQ(done->error_code, "");
  EXPECT_EQ(*store_->GetJobOutput(*ok_id, "html"), std::optional<std::string>("<p>"));
  EXPECT_EQ(*store_->GetJobOutput(*ok_id, "sarif"), std::nullopt);

  auto failed = store_->GetJob(*bad_id);
  ASSERT_OK(failed);
  EXPECT_EQ(failed->state, "failed");
  EXPECT_EQ(failed->error_code, "I/O error");
  EXPECT_EQ(failed->error_message, "disk full");
}

// Only a running job can finish, and only as done or failed.
TEST_F(JobsTest, FinishRejectsJobsThatAreNotRunningAndUnknownStates) {
  auto id = store_->AddJob(SampleJob("a", 1), 10);
  ASSERT_OK(id);
  EXPECT_EQ(store_->FinishJob(*id, "done", Status::Ok(), {}, 2).code(),
            StatusCode::kFailedPrecondition);
  ASSERT_OK(store_->StartNextJob(5));
  EXPECT_EQ(store_->FinishJob(*id, "queued", Status::Ok(), {}, 2).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->GetJob(*id)->state, "running");
}

// After a stop, running jobs go back to the queue until they have been started
// max_attempts times; then they fail instead of being retried forever.
TEST_F(JobsTest, RequeueRunningJobsRetriesThenGivesUp) {
  auto id = store_->AddJob(SampleJob("a", 1), 10);
  ASSERT_OK(id);
  for (int attempt = 1; attempt <= 2; ++attempt) {
    ASSERT_OK(store_->StartNextJob(attempt));
    EXPECT_EQ(*store_->RequeueRunningJobs(2, 100), attempt < 2 ? 1 : 0);
  }
  auto job = store_->GetJob(*id);
  ASSERT_OK(job);
  EXPECT_EQ(job->state, "failed");
  EXPECT_EQ(job->attempts, 2);
  EXPECT_EQ(job->error_code, "aborted");
  EXPECT_EQ(job->error_message, "interrupted 2 times");
  EXPECT_EQ(job->finished_at_micros, 100);
}

// Error cases are values naming what is wrong.
TEST_F(JobsTest, RejectsUnknownKindsStatesAndIds) {
  JobRecord audit = SampleJob("a", 1);
  audit.kind = "audit";
  EXPECT_EQ(store_->AddJob(audit, 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->CountJobs("paused").status().code(), StatusCode::kInvalidArgument);
  auto missing = store_->GetJob(42);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("no job with id 42"), std::string::npos);
}

// Queued jobs survive closing and reopening the database.
TEST_F(JobsTest, QueuedJobsSurviveReopening) {
  auto id = store_->AddJob(SampleJob("a", 1), 10);
  ASSERT_OK(id);
  store_.reset();
  auto reopened = Store::Open(dir_.path() / "citecheck.db");
  ASSERT_OK(reopened);
  auto next = (*reopened)->StartNextJob(3);
  ASSERT_OK(next);
  ASSERT_TRUE(next->has_value());
  EXPECT_EQ((*next)->id, *id);
}

}  // namespace
}  // namespace citecheck::store
