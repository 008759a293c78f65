// Tests for the audit tables of the store (audit.cc): the registry of published
// articles, audit runs (resumed while running), and results written once per key.
#include <gtest/gtest.h>

#include "store/store.h"
#include "testutil/testutil.h"

namespace citecheck::store {
namespace {

ArticleRecord Article(std::string key, std::string verdict) {
  ArticleRecord a;
  a.key = std::move(key);
  a.path = "drafts/a.md";
  a.public_url = a.key;
  a.content = "# A\n\nEn 2024, 17 % des salariés...\n";
  a.published_at_micros = 1700000000000000;
  a.check_id = 3;
  a.claims = {{"c1", "En 2024, 17 % des salariés...", std::move(verdict), 0.9, "https://s.test/a",
               "17 % des salariés", "abc"},
              {"c2", "320 gares", "not_found", 0.1, "", "", ""}};
  a.sources = {{"https://s.test/a", "hash-a", 1690000000000000},
               {"https://s.test/b", "", 1700000000000000}};
  return a;
}

AuditUrlRecord UrlResult(int64_t run, std::string url, std::string state) {
  AuditUrlRecord u;
  u.run_id = run;
  u.url = std::move(url);
  u.state = std::move(state);
  u.link_class = "dead";
  u.status = 404;
  u.final_url = u.url;
  u.detail = "HTTP 404 Not Found";
  u.failures = 1;
  u.last_failure_micros = 5;
  u.checked_at_micros = 5;
  return u;
}

// A published article comes back whole; publishing the same key again keeps its id
// and replaces its claims and sources.
TEST(AuditStore, PublishListAndReplace) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  auto id = (*store)->PublishArticle(Article("https://news.test/a", "supported"));
  ASSERT_OK(id);
  ArticleRecord expected = Article("https://news.test/a", "supported");
  expected.id = *id;
  EXPECT_EQ(*(*store)->ListArticles(), std::vector<ArticleRecord>{expected});

  ArticleRecord again = Article("https://news.test/a", "contradicted");
  again.sources.pop_back();
  auto same = (*store)->PublishArticle(again);
  ASSERT_OK(same);
  EXPECT_EQ(*same, *id);
  again.id = *id;
  EXPECT_EQ(*(*store)->ListArticles(), std::vector<ArticleRecord>{again});
}

// Bad input is refused and leaves nothing behind.
TEST(AuditStore, PublishRejectsBadArticles) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  EXPECT_EQ((*store)->PublishArticle(Article("", "supported")).status().code(),
            common::StatusCode::kInvalidArgument);
  EXPECT_EQ((*store)->PublishArticle(Article("k", "maybe")).status().code(),
            common::StatusCode::kInvalidArgument);
  EXPECT_TRUE((*store)->ListArticles()->empty());
}

// A running run of a scope and shard is resumed, not duplicated; once done, the next
// call starts a new one, and the done one becomes its previous run. Shards are series
// of their own.
TEST(AuditStore, RunsAreResumedUntilDone) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  auto first = (*store)->StartOrResumeAuditRun("registry", "", 10);
  ASSERT_OK(first);
  EXPECT_EQ(*first, (AuditRunRecord{first->id, "registry", "", "running", 10, 0}));
  EXPECT_EQ(*(*store)->StartOrResumeAuditRun("registry", "", 20), *first);
  auto shard = (*store)->StartOrResumeAuditRun("registry", "1/2", 20);
  ASSERT_OK(shard);
  EXPECT_NE(shard->id, first->id);
  ASSERT_OK((*store)->FinishAuditRun(first->id, 30));
  auto second = (*store)->StartOrResumeAuditRun("registry", "", 40);
  ASSERT_OK(second);
  EXPECT_GT(second->id, shard->id);
  EXPECT_EQ(*(*store)->PreviousAuditRun("registry", "", second->id),
            (AuditRunRecord{first->id, "registry", "", "done", 10, 30}));
  EXPECT_EQ(*(*store)->PreviousAuditRun("registry", "1/2", second->id), std::nullopt);
  EXPECT_EQ((*store)->FinishAuditRun(999, 1).code(), common::StatusCode::kNotFound);
}

// GetAuditRun reads one run by id, running or done; an unknown id is kNotFound.
TEST(AuditStore, GetAuditRunReadsOneRunById) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  const int64_t done = (*store)->StartOrResumeAuditRun("registry", "1/2", 5)->id;
  ASSERT_OK((*store)->FinishAuditRun(done, 9));
  const int64_t running = (*store)->StartOrResumeAuditRun("urls:x", "", 11)->id;
  EXPECT_EQ(*(*store)->GetAuditRun(done), (AuditRunRecord{done, "registry", "1/2", "done", 5, 9}));
  EXPECT_EQ(*(*store)->GetAuditRun(running),
            (AuditRunRecord{running, "urls:x", "", "running", 11, 0}));
  EXPECT_EQ((*store)->GetAuditRun(running + 1).status().code(), common::StatusCode::kNotFound);
}

// A URL result is written once per run: a second write keeps the first (a resumed run
// never duplicates or overwrites). LatestAuditUrl looks only at earlier runs.
TEST(AuditStore, UrlResultsAreWrittenOnce) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  const int64_t r1 = (*store)->StartOrResumeAuditRun("s", "", 1)->id;
  ASSERT_OK((*store)->FinishAuditRun(r1, 2));
  const int64_t r2 = (*store)->StartOrResumeAuditRun("s", "", 3)->id;
  EXPECT_TRUE(*(*store)->AddAuditUrl(UrlResult(r1, "http://a.test/", "failing")));
  EXPECT_TRUE(*(*store)->AddAuditUrl(UrlResult(r2, "http://a.test/", "dead")));
  EXPECT_FALSE(*(*store)->AddAuditUrl(UrlResult(r2, "http://a.test/", "ok")));
  EXPECT_EQ(*(*store)->AuditUrls(r2),
            std::vector<AuditUrlRecord>{UrlResult(r2, "http://a.test/", "dead")});
  EXPECT_EQ(*(*store)->LatestAuditUrl("http://a.test/", r2),
            UrlResult(r1, "http://a.test/", "failing"));
  EXPECT_EQ(*(*store)->LatestAuditUrl("http://a.test/", r1), std::nullopt);
  ASSERT_OK((*store)->SetAuditArchive(r2, "http://a.test/", "http://arch.test/a", 7));
  EXPECT_EQ((*store)->AuditUrls(r2)->at(0).archived_url, "http://arch.test/a");
  EXPECT_EQ((*store)->SetAuditArchive(r2, "http://nope.test/", "x", 1).code(),
            common::StatusCode::kNotFound);
  EXPECT_EQ((*store)->AddAuditUrl(UrlResult(999, "http://a.test/", "ok")).status().code(),
            common::StatusCode::kFailedPrecondition);
}

// Claim results likewise: once per (run, article, claim), latest from earlier runs.
TEST(AuditStore, ClaimResultsAreWrittenOnce) {
  auto store = Store::Open(":memory:");
  ASSERT_OK(store);
  const int64_t r1 = (*store)->StartOrResumeAuditRun("s", "", 1)->id;
  AuditClaimRecord c{r1,    "a.md", "c1", "17 %", "http://s.test/", "supported", "", 0.9,
                     "new", "17 %", "h",  ""};
  EXPECT_TRUE(*(*store)->AddAuditClaim(c));
  AuditClaimRecord other = c;
  other.verdict = "contradicted";
  EXPECT_FALSE(*(*store)->AddAuditClaim(other));
  EXPECT_EQ(*(*store)->AuditClaims(r1), std::vector<AuditClaimRecord>{c});
  EXPECT_EQ(*(*store)->LatestAuditClaim("a.md", "c1", r1 + 1), c);
  EXPECT_EQ(*(*store)->LatestAuditClaim("a.md", "c1", r1), std::nullopt);
}

}  // namespace
}  // namespace citecheck::store
