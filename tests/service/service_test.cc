#include "service/service.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "common/log.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::service {
namespace {

using verify::VerdictKind;

constexpr char kStudy[] =
    "<html lang=\"fr\"><head><title>Enquête transports 2024</title>"
    "<meta name=\"author\" content=\"Service statistique\">"
    "<meta property=\"article:published_time\" content=\"2024-12-01\"></head><body>"
    "<nav><a href=\"/\">Accueil</a> <a href=\"/a\">Publications</a></nav>"
    "<article><h1>Enquête transports 2024</h1>"
    "<p>En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler.</p>"
    "<p>Le réseau régional compte 320 gares desservies chaque jour.</p></article>"
    "<footer>Mentions légales</footer></body></html>";

// A draft citing three pages on the test server: one that backs a claim, one that
// contradicts another, one that is gone.
std::string DraftFor(const testutil::HttpServer& server) {
  return "---\ntitle: Transports\ndate: \"2025-01-10\"\n---\n\n"
         "# Transports\n\n"
         "En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler "
         "(Source : Enquête transports).\n\n"
         "Le réseau régional compte 410 gares desservies chaque jour (Source : Enquête transports).\n\n"
         "Les retards ont baissé de 12 % en un an (Source : Bilan ferroviaire).\n\n"
         "## Sources\n\n"
         "1. **Enquête transports** - Rapport\n   - URL : " + server.Url("/enquete") + "\n"
         "   - Fiabilité : 9/10\n"
         "2. **Bilan ferroviaire** - Article\n   - URL : " + server.Url("/bilan") + "\n"
         "   - Fiabilité : 8/10\n";
}

class CheckServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Route("/enquete", {.status = 200, .headers = {}, .body = kStudy});
    server_.Route("/bilan", {.status = 404, .headers = {}, .body = "<h1>Introuvable</h1>"});
    config_.store.dir = (dir_.path() / "data").string();
    config_.crawler.allow_private_addresses = true;  // the test server is on loopback
  }

  common::Result<report::CheckReport> Check(const std::string& markdown) {
    auto draft = draft::ParseDraft("draft.md", markdown);
    if (!draft.ok()) return draft.status();
    auto ws = OpenWorkspace(config_.store);
    if (!ws.ok()) return ws.status();
    workspace_ = std::move(*ws);
    auto fetcher = crawler::CurlFetcher::Create(config_.crawler, clock_, nullptr, &logger_);
    if (!fetcher.ok()) return fetcher.status();
    CheckService service(config_, **fetcher, *workspace_.store, *workspace_.index, clock_, logger_);
    return service.Check(*draft);
  }

  testutil::TempDir dir_;
  testutil::HttpServer server_;
  common::Config config_;
  common::ManualClock clock_{1736500000000000};
  common::CapturingLogger logger_;
  Workspace workspace_;
};

TEST_F(CheckServiceTest, ChecksADraftEndToEnd) {
  auto report = Check(DraftFor(server_));
  ASSERT_OK(report);
  ASSERT_EQ(report->claims.size(), 3u);
  EXPECT_EQ(report->claims[0].verdict.kind, VerdictKind::kSupported)
      << report->claims[0].verdict.reason;
  EXPECT_EQ(report->claims[1].verdict.kind, VerdictKind::kContradicted)
      << report->claims[1].verdict.reason;
  EXPECT_EQ(report->claims[2].verdict.kind, VerdictKind::kUnverifiable);
  EXPECT_EQ(report->claims[2].verdict.reason,
            "the cited source could not be read: source 2: HTTP 404 Not Found; the other "
            "sources do not state it");
  EXPECT_EQ(report->integrity.overall, (verify::Tally{1, 1, 0, 1}));
  EXPECT_EQ(report->checked_at, "2025-01-10T09:06:40Z");

  ASSERT_EQ(report->sources.size(), 2u);
  const report::SourceReport& study = report->sources[0];
  EXPECT_EQ(study.fetch.outcome, "ok");
  EXPECT_EQ(study.fetch.status, 200);
  EXPECT_EQ(study.title, "Enquête transports 2024");
  const report::SourceReport& gone = report->sources[1];
  EXPECT_EQ(gone.fetch.outcome, "http_error");
  EXPECT_EQ(gone.fetch.status, 404);
  EXPECT_EQ(gone.reliability.score, 0);
  EXPECT_TRUE(gone.overrated);  // declared 8/10, earns 0
}

// Everything the run learned is in the store: both fetches, the one document, the
// check with a verdict per claim.
TEST_F(CheckServiceTest, RecordsTheRunInTheStore) {
  auto report = Check(DraftFor(server_));
  ASSERT_OK(report);
  store::Store& store = *workspace_.store;
  EXPECT_EQ(*store.CountRows("fetches"), 2);
  EXPECT_EQ(*store.CountRows("documents"), 1);
  EXPECT_EQ(*store.CountRows("checks"), 1);
  auto ids = store.ListChecks();
  ASSERT_OK(ids);
  auto check = store.GetCheck(ids->front());
  ASSERT_OK(check);
  EXPECT_EQ(check->draft_path, "draft.md");
  ASSERT_EQ(check->verdicts.size(), 3u);
  EXPECT_EQ(check->verdicts[0].verdict, "supported");
  EXPECT_EQ(check->verdicts[0].source_url, server_.Url("/enquete"));
  EXPECT_EQ(check->verdicts[1].verdict, "contradicted");
  EXPECT_EQ(check->verdicts[2].verdict, "unverifiable");
  EXPECT_DOUBLE_EQ(check->integrity, 1.0 / 3);
  EXPECT_EQ(check->report_json, report::RenderJson(*report));
  auto fetch = store.LatestFetch(server_.Url("/bilan"));
  ASSERT_OK(fetch);
  ASSERT_TRUE(fetch->has_value());
  EXPECT_EQ((*fetch)->status, 404);
  EXPECT_EQ((*fetch)->outcome, "http_error");
}

// A source whose host does not answer makes its claims unverifiable, with the reason.
TEST_F(CheckServiceTest, UnreachableHostGivesConnectionFailure) {
  config_.crawler.resolve = {"nowhere.example:9:127.0.0.1"};
  config_.crawler.connect_timeout_ms = 2000;
  // Port 9 (discard) is closed on loopback.
  std::string md =
      "En 2023, 5 % des gares ont fermé (Source : Nulle part).\n\n## Sources\n\n"
      "1. **Nulle part**\n   - URL : http://nowhere.example:9/page\n";
  auto report = Check(md);
  ASSERT_OK(report);
  ASSERT_EQ(report->claims.size(), 1u);
  EXPECT_EQ(report->claims[0].verdict.kind, VerdictKind::kUnverifiable);
  EXPECT_EQ(report->sources[0].fetch.outcome, "connect_error");
  EXPECT_NE(report->claims[0].verdict.reason.find("connection failed"), std::string::npos)
      << report->claims[0].verdict.reason;
}

TEST(NewWarcPath, NamesTheRunByTimeAndProcess) {
  std::string name = NewWarcPath("/d/warc", 1736500000000000).filename().string();
  EXPECT_EQ(name.rfind("citecheck-20250110T090640Z-", 0), 0u) << name;
  EXPECT_TRUE(name.ends_with(".warc.gz"));
}

TEST(FailureReason, NamesTheKindOfFailure) {
  crawler::FetchResult dns;
  dns.outcome = crawler::FetchOutcome::kDnsError;
  dns.error = "could not resolve host www.example.fr";
  EXPECT_EQ(FailureReason(dns), "DNS failure: could not resolve host www.example.fr");
  crawler::FetchResult http;
  http.outcome = crawler::FetchOutcome::kHttpError;
  http.status = 410;
  EXPECT_EQ(FailureReason(http), "HTTP 410");
}

}  // namespace
}  // namespace citecheck::service
