// Tests for the classing of one URL in an audit (internal/audit_classify.cc): each
// rule of ClassifyAuditUrl from a FetchResult, a previous result and the settings.
#include "service/internal/audit_classify.h"

#include <gtest/gtest.h>

#include "service/service.h"

namespace citecheck::service::internal {
namespace {

constexpr int64_t kHour = int64_t{3600} * 1000000;
constexpr int64_t kNow = 1000 * kHour;

crawler::FetchResult Fetch(crawler::FetchOutcome outcome, int status, std::string body = "") {
  crawler::FetchResult f;
  f.url = "http://s.test/a";
  f.final_url = f.url;
  f.outcome = outcome;
  f.status = status;
  f.body = std::move(body);
  f.requests = 1;
  return f;
}

store::AuditUrlRecord Previous(std::string state, int failures, int64_t last, std::string sha) {
  store::AuditUrlRecord p;
  p.state = std::move(state);
  p.failures = failures;
  p.last_failure_micros = last;
  p.content_sha256 = std::move(sha);
  return p;
}

// One row per rule: the fetch, the previous result, the published hash and the text
// hash now, and the state, failures and `changed` expected.
TEST(ClassifyAuditUrl, Table) {
  using O = crawler::FetchOutcome;
  struct Case {
    std::string name;
    crawler::FetchResult fetch;
    std::optional<store::AuditUrlRecord> previous;
    std::string published;
    std::string sha;
    std::string state;
    int failures;
    int changed;
  };
  crawler::FetchResult moved = Fetch(O::kOk, 200);
  moved.redirects = {{"http://s.test/a", 301, "/b"}};
  moved.final_url = "http://s.test/b";
  crawler::FetchResult temporary = moved;
  temporary.redirects[0].status = 302;
  crawler::FetchResult soft = Fetch(O::kOk, 200, "x");
  soft.soft_404 = true;
  crawler::FetchResult robots = Fetch(O::kRobotsDisallowed, 0);
  const std::vector<Case> cases = {
      {"first success, nothing to compare", Fetch(O::kOk, 200), {}, "", "h1", "ok", 0, -1},
      {"same text as published", Fetch(O::kOk, 200), {}, "h1", "h1", "ok", 0, 0},
      {"text differs from publication", Fetch(O::kOk, 200), {}, "h0", "h1", "drifted", 0, 1},
      {"previous run wins over publication", Fetch(O::kOk, 200), Previous("ok", 0, 0, "h1"), "h0",
       "h1", "ok", 0, 0},
      {"permanent redirect", moved, {}, "", "h", "redirected", 0, -1},
      {"temporary redirect is ok", temporary, {}, "", "h", "ok", 0, -1},
      {"soft 404", soft, {}, "", "", "soft404", 0, -1},
      {"401", Fetch(O::kHttpError, 401), {}, "", "", "blocked", 0, -1},
      {"403", Fetch(O::kHttpError, 403), {}, "", "", "blocked", 0, -1},
      {"429 after the waits", Fetch(O::kHttpError, 429), {}, "", "", "blocked", 0, -1},
      {"999", Fetch(O::kHttpError, 999), {}, "", "", "blocked", 0, -1},
      {"robots.txt", robots, {}, "", "", "blocked", 0, -1},
      {"anti-bot wall",
       Fetch(O::kHttpError, 503, "<title>Just a moment...</title>"),
       {},
       "",
       "",
       "blocked",
       0,
       -1},
      {"page about captchas is not a wall",
       Fetch(O::kOk, 200, "<title>News</title><p>captcha</p>"),
       {},
       "",
       "h",
       "ok",
       0,
       -1},
      {"500 is an error", Fetch(O::kHttpError, 500), {}, "", "", "error", 0, -1},
      {"timeout is an error", Fetch(O::kTimeout, 0), {}, "", "", "error", 0, -1},
      {"first 404", Fetch(O::kHttpError, 404), {}, "", "", "failing", 1, -1},
      {"410", Fetch(O::kHttpError, 410), {}, "", "", "failing", 1, -1},
      {"DNS failure", Fetch(O::kDnsError, 0), {}, "", "", "failing", 1, -1},
      {"refused", Fetch(O::kConnectError, 0), {}, "", "", "failing", 1, -1},
      {"too soon to count", Fetch(O::kHttpError, 404), Previous("failing", 1, kNow - kHour, ""), "",
       "", "failing", 1, -1},
      {"spaced: counts", Fetch(O::kHttpError, 404), Previous("failing", 1, kNow - 24 * kHour, ""),
       "", "", "failing", 2, -1},
      {"third spaced failure: dead", Fetch(O::kHttpError, 404),
       Previous("failing", 2, kNow - 30 * kHour, ""), "", "", "dead", 3, -1},
      {"success resets", Fetch(O::kOk, 200), Previous("failing", 2, kNow - kHour, "h"), "", "h",
       "ok", 0, 0},
  };
  common::Config config;  // confirm_failures 3, spacing 24 h
  for (const Case& c : cases) {
    AuditFacts facts{c.sha, c.previous, c.published, kNow};
    const store::AuditUrlRecord r = ClassifyAuditUrl(c.fetch, facts, config);
    EXPECT_EQ(r.state, c.state) << c.name;
    EXPECT_EQ(r.failures, c.failures) << c.name;
    EXPECT_EQ(r.changed, c.changed) << c.name;
  }
}

// The counted failure keeps the time it was counted at, not the time of a failure that
// came too soon; the moved URL proposes where it went; a failing URL keeps the text
// last read, so drift is measured against it when it comes back.
TEST(ClassifyAuditUrl, CarriesWhatLaterRunsNeed) {
  common::Config config;
  AuditFacts soon{"", Previous("failing", 1, kNow - kHour, "h0"), "", kNow};
  const auto r = ClassifyAuditUrl(Fetch(crawler::FetchOutcome::kHttpError, 404), soon, config);
  EXPECT_EQ(r.last_failure_micros, kNow - kHour);
  EXPECT_EQ(r.content_sha256, "h0");
  EXPECT_EQ(r.previous_state, "failing");
  crawler::FetchResult moved = Fetch(crawler::FetchOutcome::kOk, 200);
  moved.redirects = {{"http://s.test/a", 308, "/b"}};
  moved.final_url = "http://s.test/b";
  EXPECT_EQ(ClassifyAuditUrl(moved, {}, config).proposed_url, "http://s.test/b");
}

using service::AuditShard;
using service::InShard;
using service::ParseShard;

TEST(ParseShard, Table) {
  EXPECT_EQ(*ParseShard("1/1"), (AuditShard{1, 1}));
  EXPECT_EQ(*ParseShard("3/4"), (AuditShard{3, 4}));
  for (const char* bad : {"", "1", "0/2", "3/2", "a/b", "1/2x", "-1/2", "1/0"}) {
    EXPECT_EQ(ParseShard(bad).status().code(), common::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(ParseShard("3/2").status().message(), "--shard \"3/2\": I must be between 1 and N");
  EXPECT_EQ((AuditShard{2, 4}).spec(), "2/4");
  EXPECT_EQ((AuditShard{1, 1}).spec(), "");
}

// Every URL is in exactly one shard, and URLs of one host are in the same shard.
TEST(InShard, ByHost) {
  for (int n : {1, 2, 3, 7}) {
    for (int h = 0; h < 20; ++h) {
      const std::string host = "http://Host" + std::to_string(h) + ".test";
      int shards = 0;
      for (int i = 1; i <= n; ++i) {
        const bool a = InShard(host + "/a", {i, n});
        EXPECT_EQ(a, InShard(host + "/other?q=1", {i, n}));
        shards += a ? 1 : 0;
      }
      EXPECT_EQ(shards, 1) << host << " " << n;
    }
  }
}

}  // namespace
}  // namespace citecheck::service::internal
