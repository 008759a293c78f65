// Tests for AuditService (audit.cc, internal/audit_run.cc) against a loopback site with
// ok, dead, moved, drifted, flaky, rate-limited, blocked and soft-404 pages, and a
// Memento archive on the same server. Time between runs is a ManualClock: the spacing
// of failures is checked without waiting.
#include <gtest/gtest.h>

#include <atomic>
#include <map>

#include "common/clock.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "service/service.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::service {
namespace {

constexpr int64_t kT0 = int64_t{1767225600} * 1000000;  // 2026-01-01T00:00:00Z
constexpr int64_t kHour = int64_t{3600} * 1000000;

std::string Html(const std::string& title, const std::string& paragraph) {
  return "<html lang=\"fr\"><head><title>" + title + "</title></head><body><article><h1>" + title +
         "</h1><p>" + paragraph + "</p></article></body></html>";
}

const char kStations320[] = "Le réseau régional compte 320 gares desservies chaque jour.";
const char kStations290[] = "Le réseau régional compte 290 gares desservies chaque jour.";

// What a test compares of each URL result: everything but texts for people and times.
struct UrlView {
  std::string state;
  std::string previous_state;
  std::string link_class;
  int failures = 0;
  std::string proposed_url;
  int changed = -1;
  std::string archived_url;
  bool operator==(const UrlView&) const = default;
};

void PrintTo(const UrlView& v, std::ostream* os) {
  *os << "{" << v.state << " was " << v.previous_state << ", " << v.link_class << ", failures "
      << v.failures << ", proposed " << v.proposed_url << ", changed " << v.changed << ", archived "
      << v.archived_url << "}";
}

struct ClaimView {
  std::string verdict;
  std::string previous_verdict;
  std::string outcome;
  bool operator==(const ClaimView&) const = default;
};

void PrintTo(const ClaimView& v, std::ostream* os) {
  *os << "{" << v.verdict << " was " << v.previous_verdict << ", " << v.outcome << "}";
}

// A response that fails every other request (the first of each pair).
testutil::HttpHandler Alternating(int fail_status,
                                  std::vector<std::pair<std::string, std::string>> headers) {
  auto count = std::make_shared<std::atomic<int>>(0);
  return [count, fail_status, headers](const testutil::HttpRequest&) {
    testutil::HttpResponse r;
    if (++*count % 2 == 1) {
      r.status = fail_status;
      r.headers = headers;
      r.body = "try again";
    } else {
      r.body = Html("Page", "Un texte stable.");
    }
    return r;
  };
}

class AuditRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Serve("/enquete", Html("Enquête",
                           "En 2024, 17 % des salariés ont pris les transports en "
                           "commun pour aller travailler."));
    Serve("/reseau", Html("Réseau", kStations320));
    server_.Route("/gone", {.status = 404, .headers = {}, .body = "<h1>Introuvable</h1>"});
    server_.Route("/moved", {.status = 301, .headers = {{"Location", "/new-home"}}, .body = ""});
    Serve("/new-home", Html("Nouvelle adresse", "Un texte stable."));
    server_.Route("/flaky", Alternating(500, {}));
    server_.Route("/limited", Alternating(429, {{"Retry-After", "0"}}));
    server_.Route("/blocked", {.status = 403, .headers = {}, .body = "Forbidden"});
    server_.Route("/wall",
                  {.status = 503, .headers = {}, .body = "<title>Just a moment...</title>"});
    Serve("/soft", "<html><head><title>Page not found</title></head><body></body></html>");
    Archive("/gone");
    Archive("/reseau");
    config_.crawler.allow_private_addresses = true;  // the site is on loopback
    config_.crawler.robots = false;
    config_.crawler.per_host_delay_ms = 0;
    config_.crawler.retry_base_ms = 1;
    config_.crawler.archive = false;
    config_.audit.confirm_failures = 2;
    config_.audit.confirm_spacing_hours = 24;
    config_.audit.memento_timemap = server_.Url("/timemap/link/");
    auto store = store::Store::Open(dir_.path() / "citecheck.db");
    ASSERT_OK(store);
    store_ = std::move(*store);
    auto index = index::Index::InMemory();
    ASSERT_OK(index);
    index_ = std::move(*index);
  }

  void Serve(const std::string& target, const std::string& html) {
    server_.Route(target, {.status = 200, .headers = {}, .body = html});
  }

  // A TimeMap for `target` with one capture in 2025.
  void Archive(const std::string& target) {
    server_.Route("/timemap/link/" + server_.Url(target),
                  {.status = 200,
                   .headers = {{"Content-Type", "application/link-format"}},
                   .body = "<" + server_.Url(target) + ">;rel=\"original\",\n<" + Copy(target) +
                           ">;rel=\"memento\";datetime=\"Sat, 15 Mar 2025 10:00:00 GMT\"\n"});
  }

  std::string Copy(const std::string& target) const {
    return "http://archive.example/web/20250315100000/" + server_.Url(target);
  }

  AuditInput Input() const {
    const std::string md =
        "---\ntitle: Transports\ndate: \"2025-03-10\"\n---\n\n# Transports\n\n"
        "En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler "
        "(Source : Enquête transports).\n\n"
        "Le réseau régional compte 320 gares desservies chaque jour (Source : Réseau).\n\n"
        "## Sources\n\n"
        "1. **Enquête transports** - Rapport\n   - URL : " +
        server_.Url("/enquete") +
        "\n"
        "2. **Réseau** - Article\n   - URL : " +
        server_.Url("/reseau") +
        "\n"
        "3. **Bilan** - Article\n   - URL : " +
        server_.Url("/gone") + "\n";
    AuditInput input;
    input.scope = "test";
    AuditArticle article;
    article.key = "transports.md";
    auto draft = draft::ParseDraft("transports.md", md);
    EXPECT_OK(draft);
    if (draft.ok()) article.draft = std::move(*draft);
    input.articles.push_back(std::move(article));
    for (const char* t : {"/moved", "/flaky", "/limited", "/blocked", "/wall", "/soft"}) {
      input.urls.push_back(server_.Url(t));
    }
    return input;
  }

  common::Result<AuditReport> Audit(const AuditInput& input, const AuditShard& shard = {}) {
    auto mementos = crawler::CurlFetcher::Create(config_.crawler, clock_, nullptr, nullptr);
    if (!mementos.ok()) return mementos.status();
    AuditFetcherFactory factory = [this](crawler::ResultListener* listener)
        -> common::Result<std::unique_ptr<crawler::Fetcher>> {
      crawler::CurlFetcherOptions options;
      options.results = listener;
      options.jitter_seed = 7;
      auto fetcher = crawler::CurlFetcher::Create(config_.crawler, clock_, options);
      if (!fetcher.ok()) return fetcher.status();
      return std::unique_ptr<crawler::Fetcher>(std::move(*fetcher));
    };
    AuditService audit(config_, factory, dir_.path() / "citecheck.db", *store_, *index_, clock_,
                       logger_, mementos->get());
    return audit.Run(input, shard);
  }

  std::map<std::string, UrlView> Urls(const AuditReport& r) const {
    std::map<std::string, UrlView> out;
    for (const store::AuditUrlRecord& u : r.urls) {
      std::string path = u.url.substr(server_.Url("").size());
      out[path] = {u.state,
                   u.previous_state,
                   u.link_class,
                   u.failures,
                   u.proposed_url.empty() ? "" : u.proposed_url.substr(server_.Url("").size()),
                   u.changed,
                   u.archived_url};
    }
    return out;
  }

  static std::map<std::string, ClaimView> Claims(const AuditReport& r) {
    std::map<std::string, ClaimView> out;
    for (const store::AuditClaimRecord& c : r.claims) {
      out[c.claim_id] = {c.verdict, c.previous_verdict, c.outcome};
    }
    return out;
  }

  testutil::TempDir dir_;
  testutil::HttpServer server_;
  common::Config config_;
  common::ManualClock clock_{kT0};
  common::CapturingLogger logger_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<index::Index> index_;
};

// Two runs a day apart: every URL and claim classed, transitions recorded; the dead
// link confirmed at its second failure (confirm_failures 2), with its archived copy;
// the drifted page's claim loses its support, with the passage before and after. A
// third run an hour later changes nothing and breaks nothing new.
TEST_F(AuditRunTest, ClassesEveryUrlAndClaimOverRuns) {
  const AuditInput input = Input();
  auto first = Audit(input);
  ASSERT_OK(first);
  const std::map<std::string, UrlView> run1 = {
      {"/enquete", {"ok", "", "ok", 0, "", -1, ""}},
      {"/reseau", {"ok", "", "ok", 0, "", -1, ""}},
      {"/gone", {"failing", "", "dead", 1, "", -1, ""}},
      {"/moved", {"redirected", "", "redirect_ok", 0, "/new-home", -1, ""}},
      {"/flaky", {"ok", "", "flaky", 0, "", -1, ""}},
      {"/limited", {"ok", "", "ratelimited", 0, "", -1, ""}},
      {"/blocked", {"blocked", "", "error", 0, "", -1, ""}},
      {"/wall", {"blocked", "", "error", 0, "", -1, ""}},
      {"/soft", {"soft404", "", "soft404", 0, "", -1, ""}},
  };
  EXPECT_EQ(Urls(*first), run1);
  const std::map<std::string, ClaimView> claims1 = {{"c1", {"supported", "", "new"}},
                                                    {"c2", {"supported", "", "new"}}};
  EXPECT_EQ(Claims(*first), claims1);
  EXPECT_TRUE(HasNewlyBroken(*first));  // the soft 404, seen for the first time
  EXPECT_EQ(first->previous, std::nullopt);

  Serve("/reseau", Html("Réseau", kStations290));
  clock_.Advance(25 * kHour);
  auto second = Audit(input);
  ASSERT_OK(second);
  const std::map<std::string, UrlView> run2 = {
      {"/enquete", {"ok", "ok", "ok", 0, "", 0, ""}},
      {"/reseau", {"drifted", "ok", "ok", 0, "", 1, Copy("/reseau")}},
      {"/gone", {"dead", "failing", "dead", 2, "", -1, Copy("/gone")}},
      {"/moved", {"redirected", "redirected", "redirect_ok", 0, "/new-home", 0, ""}},
      {"/flaky", {"ok", "ok", "flaky", 0, "", 0, ""}},
      {"/limited", {"ok", "ok", "ratelimited", 0, "", 0, ""}},
      {"/blocked", {"blocked", "blocked", "error", 0, "", -1, ""}},
      {"/wall", {"blocked", "blocked", "error", 0, "", -1, ""}},
      {"/soft", {"soft404", "soft404", "soft404", 0, "", -1, ""}},
  };
  EXPECT_EQ(Urls(*second), run2);
  const std::map<std::string, ClaimView> claims2 = {
      {"c1", {"supported", "supported", "still_supported"}},
      {"c2", {"contradicted", "supported", "support_lost"}}};
  EXPECT_EQ(Claims(*second), claims2);
  ASSERT_EQ(second->claims.size(), 2u);
  EXPECT_NE(second->claims[1].old_evidence_text.find("320"), std::string::npos);
  EXPECT_NE(second->claims[1].evidence_text.find("290"), std::string::npos);
  EXPECT_TRUE(HasNewlyBroken(*second));
  ASSERT_TRUE(second->previous.has_value());
  EXPECT_EQ(second->previous->id, first->run.id);

  clock_.Advance(kHour);
  auto third = Audit(input);
  ASSERT_OK(third);
  EXPECT_FALSE(HasNewlyBroken(*third));
  EXPECT_EQ(Urls(*third).at("/gone"), (UrlView{"dead", "dead", "dead", 2, "", -1, Copy("/gone")}));
  EXPECT_EQ(Urls(*third).at("/reseau").state, "ok");
  EXPECT_EQ(Claims(*third).at("c2"), (ClaimView{"contradicted", "contradicted", "unchanged"}));
}

// IABot's rule: a failure counts only when it comes at least confirm_spacing_hours
// after the last one that counted; dead at the Nth counted failure, and a success
// starts the count again.
TEST_F(AuditRunTest, DeadOnlyAfterSpacedFailures) {
  config_.audit.confirm_failures = 3;
  AuditInput input;
  input.scope = "links";
  input.urls = {server_.Url("/gone")};
  struct Step {
    int64_t advance;
    std::string state;
    int failures;
  };
  const std::vector<Step> steps = {
      {0, "failing", 1},          {kHour, "failing", 1},  {24 * kHour, "failing", 2},
      {23 * kHour, "failing", 2}, {2 * kHour, "dead", 3}, {kHour, "dead", 3},
  };
  for (const Step& s : steps) {
    clock_.Advance(s.advance);
    auto report = Audit(input);
    ASSERT_OK(report);
    ASSERT_EQ(report->urls.size(), 1u);
    EXPECT_EQ(report->urls[0].state, s.state) << "after " << s.advance / kHour << " h";
    EXPECT_EQ(report->urls[0].failures, s.failures);
  }
  Serve("/gone", Html("De retour", "Un texte stable."));
  clock_.Advance(kHour);
  auto back = Audit(input);
  ASSERT_OK(back);
  EXPECT_EQ(back->urls[0].state, "ok");
  EXPECT_EQ(back->urls[0].failures, 0);
}

// Shards split the URLs by host: each shard records only its own, and together they
// record every URL once.
TEST_F(AuditRunTest, ShardsShareTheUrls) {
  AuditInput input;
  input.scope = "links";
  for (const char* host : {"a.invalid", "b.invalid", "c.invalid", "d.invalid", "e.invalid"}) {
    input.urls.push_back("http://" + std::string(host) + "/page");
  }
  std::map<std::string, int> seen;
  for (int i = 1; i <= 3; ++i) {
    auto report = Audit(input, {i, 3});
    ASSERT_OK(report);
    EXPECT_EQ(report->run.shard, std::to_string(i) + "/3");
    for (const store::AuditUrlRecord& u : report->urls) {
      ++seen[u.url];
      EXPECT_TRUE(InShard(u.url, {i, 3})) << u.url;
      EXPECT_EQ(u.state, "failing") << u.url;  // names under .invalid never resolve
    }
  }
  EXPECT_EQ(seen.size(), input.urls.size());
  for (const auto& [url, n] : seen) EXPECT_EQ(n, 1) << url;
}

}  // namespace
}  // namespace citecheck::service
