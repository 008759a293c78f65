// Checks as jobs: the bounded queue, a graceful stop that lets the running check end
// and keeps the queued one, and the queued one completing after a restart.
#include <memory>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "server/harness.h"
#include "server/internal/jobs.h"
#include "store/store.h"
#include "testutil/testutil.h"

namespace citecheck::server::testing {
namespace {

namespace json = boost::json;

// Submits a draft without waiting; returns its id (0 on failure).
int64_t Submit(int port, const std::string& draft) {
  Response r = Request(port, "POST", "/v1/checks?wait_ms=0", draft);
  EXPECT_EQ(r.status, 202) << r.body;
  const json::value v = r.Json();
  return v.is_object() ? v.as_object().at("id").as_int64() : 0;
}

class JobsTest : public ServerTest {
 protected:
  JobsTest() {
    config_.server.check_workers = 1;
    config_.server.max_queued_checks = 1;
  }
};

// With one check running (held on a slow source) and one queued, the queue is full:
// 503 with Retry-After, and the refused draft leaves no job behind.
TEST_F(JobsTest, FullQueueIs503WithRetryAfter) {
  StartServer();
  const int64_t running = Submit(port(), DraftCiting(site_, "/slow"));
  AwaitCheck(running, "running");
  const int64_t queued = Submit(port(), DraftCiting(site_));
  EXPECT_EQ(queued, running + 1);
  Response full = Request(port(), "POST", "/v1/checks", DraftCiting(site_));
  EXPECT_EQ(full.status, 503);
  EXPECT_EQ(full.ErrorCode(), "queue_full");
  EXPECT_EQ(full.Header("retry-after"), "30");
  const std::string metrics = Request(port(), "GET", "/metrics").body;
  EXPECT_NE(metrics.find("citecheck_check_queue_depth 1\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("citecheck_checks_running 1\n"), std::string::npos);
  gate_.Open();
  AwaitCheck(queued, "done");
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/" + std::to_string(queued + 1)).status, 404);
}

// Stopping with a check running and another queued: the running one finishes, the
// queued one stays queued in the database, and a new server on the same data
// directory runs it to the end.
TEST_F(JobsTest, QueuedCheckSurvivesARestart) {
  StartServer();
  const int64_t running = Submit(port(), DraftCiting(site_, "/slow"));
  AwaitCheck(running, "running");
  const int64_t queued = Submit(port(), DraftCiting(site_));

  server_->RequestStop();
  gate_.Open();
  EXPECT_OK(server_->Wait());
  server_.reset();

  {
    auto store = store::Store::Open(std::filesystem::path(DataDir()) / "citecheck.db");
    ASSERT_OK(store);
    EXPECT_EQ((*store)->GetJob(running)->state, "done");
    EXPECT_EQ((*store)->GetJob(queued)->state, "queued");
  }

  StartServer();
  const json::value done = AwaitCheck(queued, "done").Json();
  ASSERT_TRUE(done.is_object());
  EXPECT_EQ(done.as_object().at("report").as_object().at("claims").as_array().size(), 3u);
  EXPECT_EQ(done.as_object().at("attempts").as_int64(), 1);
}

// While stopping, API requests on connections still open get 503 (and the connection
// is closed), and /readyz says not ready; probes still answer.
TEST_F(JobsTest, StoppingServerRefusesNewWork) {
  StartServer();
  Connection kept(port());
  ASSERT_EQ(kept.Send("GET", "/healthz").status, 200);
  Connection probe(port());
  ASSERT_EQ(probe.Send("GET", "/healthz").status, 200);
  const int64_t running = Submit(port(), DraftCiting(site_, "/slow"));
  AwaitCheck(running, "running");

  server_->RequestStop();  // the running check holds the stop until the gate opens
  Response refused = kept.Send("POST", "/v1/claims:verify", R"({"claim": "x", "text": "y"})");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.ErrorCode(), "unavailable");
  EXPECT_EQ(refused.Header("connection"), "close");
  Response ready = probe.Send("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);

  gate_.Open();
  EXPECT_OK(server_->Wait());
  server_.reset();
}

// Per-check options: name, min_integrity, wait_ms; anything else is refused.
TEST(JobOptions, ParsesKnownOptionsAndRefusesOthers) {
  auto parsed = internal::ParseJobOptions(
      json::parse(R"({"name": "a.md", "min_integrity": 0.5, "wait_ms": 10})").as_object());
  ASSERT_OK(parsed);
  EXPECT_EQ(*parsed, (internal::JobOptions{"a.md", 0.5, 10}));
  EXPECT_EQ(internal::JobOptionsJson(*parsed), R"({"name":"a.md","min_integrity":5E-1,"wait_ms":10})");
  for (const char* bad : {R"({"name": ""})", R"({"min_integrity": 2})", R"({"wait_ms": 1.5})",
                          R"({"wait_ms": 700000})", R"({"lang": "fr"})"}) {
    EXPECT_EQ(internal::ParseJobOptions(json::parse(bad).as_object()).status().code(),
              common::StatusCode::kInvalidArgument)
        << bad;
  }
}

}  // namespace
}  // namespace citecheck::server::testing
