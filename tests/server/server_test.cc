// The HTTP API end to end, over real sockets: a server on 127.0.0.1 port 0, sources
// served by a test site on loopback.
#include "server/server.h"

#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "service/service.h"

#include "server/harness.h"
#include "server/internal/router.h"
#include "testutil/testutil.h"

namespace citecheck::server::testing {
namespace {

namespace json = boost::json;

const json::object& Obj(const json::value& v) { return v.as_object(); }
std::string Str(const json::value& v) { return std::string(v.as_string()); }

// The verdict of claim `i` in a JSON report.
std::string VerdictOf(const json::value& report, size_t i) {
  return Str(Obj(Obj(report).at("claims").as_array().at(i)).at("verdict"));
}

// Probes answer without a token; /readyz reports the queue.
TEST_F(ServerTest, ProbesAnswer) {
  StartServer();
  Response health = Request(port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  Response ready = Request(port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, R"({"status":"ready","queued_checks":0})");
}

// The served OpenAPI document is the repository's file, byte for byte, and it
// describes every route the server has.
TEST_F(ServerTest, ServesTheRepositoryOpenApiDocumentDescribingEveryRoute) {
  StartServer();
  Response doc = Request(port(), "GET", "/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.Header("content-type"), "application/json");
  EXPECT_EQ(doc.body, testutil::ReadTestFile(testutil::SourceRoot() / "docs/api/openapi.json"));
  const json::value v = doc.Json();
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(Str(Obj(v).at("openapi")), "3.1.0");
  const json::object& paths = Obj(v).at("paths").as_object();
  for (const internal::Route& r : internal::Routes()) {
    std::string method(r.method);
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    ASSERT_TRUE(paths.contains(r.pattern)) << r.pattern;
    EXPECT_TRUE(paths.at(r.pattern).as_object().contains(method)) << r.method << " " << r.pattern;
  }
  EXPECT_EQ(paths.size(), internal::Routes().size());
}

// A Markdown draft is checked within the wait: 200 with the report, the same verdicts
// as `citecheck check`, and a Location for the check.
TEST_F(ServerTest, PostCheckAnswersWithTheReportWhenDoneWithinTheWait) {
  StartServer();
  Response r = Request(port(), "POST", "/v1/checks?name=transports.md", DraftCiting(site_),
                       {{"Content-Type", "text/markdown; charset=utf-8"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("location"), "/v1/checks/1");
  const json::value v = r.Json();
  EXPECT_EQ(Str(Obj(v).at("status")), "done");
  EXPECT_EQ(Str(Obj(v).at("name")), "transports.md");
  EXPECT_EQ(Str(Obj(v).at("created_at")), "2025-01-10T09:06:40Z");
  const json::value& report = Obj(v).at("report");
  EXPECT_EQ(Str(Obj(Obj(report).at("draft")).at("path")), "transports.md");
  EXPECT_EQ(VerdictOf(report, 0), "supported");
  EXPECT_EQ(VerdictOf(report, 1), "contradicted");
  EXPECT_EQ(VerdictOf(report, 2), "unverifiable");

  // The same check, read back.
  Response again = Request(port(), "GET", "/v1/checks/1");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(Obj(again.Json()).at("report"), report);
}

// A JSON body with options; wait_ms 0 answers 202 at once, and polling the Location
// finds the check done.
TEST_F(ServerTest, PostCheckWithoutWaitingAnswers202ThenThePollFindsTheReport) {
  StartServer();
  json::object body{{"draft", DraftCiting(site_)}, {"options", {{"name", "a.md"}, {"wait_ms", 0}}}};
  Response r = Request(port(), "POST", "/v1/checks", json::serialize(body),
                       {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.Header("location"), "/v1/checks/1");
  const std::string status = Str(Obj(r.Json()).at("status"));
  EXPECT_TRUE(status == "queued" || status == "running") << status;
  Response done = AwaitCheck(1, "done");
  EXPECT_EQ(VerdictOf(Obj(done.Json()).at("report"), 0), "supported");
  EXPECT_EQ(Str(Obj(done.Json()).at("links").as_object().at("report_html")), "/v1/checks/1/report.html");
}

// The other renderings of a finished check: HTML, SARIF, ClaimReview for all claims
// and for one.
TEST_F(ServerTest, FinishedCheckHasHtmlSarifAndClaimReview) {
  StartServer();
  ASSERT_EQ(Request(port(), "POST", "/v1/checks", DraftCiting(site_)).status, 200);

  Response html = Request(port(), "GET", "/v1/checks/1/report.html");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("<html"), std::string::npos);
  EXPECT_NE(html.body.find("Contredite"), std::string::npos);

  Response sarif = Request(port(), "GET", "/v1/checks/1/report.sarif");
  ASSERT_EQ(sarif.status, 200);
  EXPECT_EQ(sarif.Header("content-type"), "application/sarif+json");
  EXPECT_EQ(Str(Obj(sarif.Json()).at("version")), "2.1.0");

  Response all = Request(port(), "GET", "/v1/checks/1/claimreview");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.Header("content-type"), "application/ld+json");
  const json::value all_doc = all.Json();
  const json::array& graph = Obj(all_doc).at("@graph").as_array();
  ASSERT_EQ(graph.size(), 3u);

  Response one = Request(port(), "GET", "/v1/checks/1/claims/c2/claimreview");
  ASSERT_EQ(one.status, 200);
  json::object expected{{"@context", "https://schema.org"}};
  for (const auto& [k, v] : graph[1].as_object()) expected[k] = v;
  EXPECT_EQ(one.Json(), json::value(expected));
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1/claims/c9/claimreview").status, 404);
}

// Drafts that cannot be checked are refused before they are queued: a parse error
// with its file:line (400), a body that is neither Markdown nor JSON (415), bad JSON
// or options (400).
TEST_F(ServerTest, PostCheckRefusesBadInput) {
  StartServer();
  Response no_sources = Request(port(), "POST", "/v1/checks?name=bad.md", "# Titre\n\nSans source.\n");
  EXPECT_EQ(no_sources.status, 400);
  EXPECT_EQ(no_sources.ErrorCode(), "invalid_request");
  const std::string message = no_sources.ErrorMessage();
  EXPECT_TRUE(message.starts_with("bad.md:")) << message;

  EXPECT_EQ(Request(port(), "POST", "/v1/checks", "x", {{"Content-Type", "image/png"}}).status, 415);
  struct Case {
    const char* body;
    const char* what;
  };
  for (const Case& c : {Case{"{", "not valid JSON"}, Case{"[]", "JSON object"},
                        Case{R"({"draft": 3})", "\"draft\""},
                        Case{R"({"draft": "x", "extra": 1})", "unknown member"},
                        Case{R"({"draft": "x", "options": {"wait_ms": -1}})", "options.wait_ms"},
                        Case{R"({"draft": "x", "options": {"color": "red"}})", "options.color"}}) {
    Response r = Request(port(), "POST", "/v1/checks", c.body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 400) << c.body;
    EXPECT_NE(r.ErrorMessage().find(c.what), std::string::npos) << r.body;
  }
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1").status, 404);  // nothing was queued
}

// Unknown ids, paths and methods.
TEST_F(ServerTest, UnknownThingsAre404And405) {
  StartServer();
  for (const char* target : {"/v1/checks/7", "/v1/checks/abc", "/v1/checks/0/report.html", "/nope"}) {
    Response r = Request(port(), "GET", target);
    EXPECT_EQ(r.status, 404) << target;
    EXPECT_EQ(r.ErrorCode(), "not_found") << target;
  }
  Response wrong = Request(port(), "DELETE", "/v1/checks/1");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET");
}

// A claim against a URL: the verdict with its evidence, in the shape of a
// `citecheck verify-claims` line; the source is fetched once and then served from the
// cache.
TEST_F(ServerTest, VerifyClaimAgainstAUrlUsesTheCache) {
  StartServer();
  const std::string body = json::serialize(json::object{
      {"id", "q1"},
      {"claim", "En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler."},
      {"lang", "fr"},
      {"url", site_.Url("/enquete")}});
  Response r = Request(port(), "POST", "/v1/claims:verify", body, {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value doc = r.Json();
  const json::object& v = Obj(doc);
  EXPECT_EQ(Str(v.at("id")), "q1");
  EXPECT_EQ(Str(v.at("verdict")), "supported");
  EXPECT_GE(v.at("support").to_number<double>(), 0.5);
  ASSERT_FALSE(v.at("evidence").as_array().empty());
  EXPECT_NE(Str(Obj(v.at("evidence").as_array()[0]).at("text")).find("17 %"), std::string::npos);

  const std::string contradicted = json::serialize(json::object{
      {"claim", "Le réseau régional compte 410 gares desservies chaque jour."},
      {"url", site_.Url("/enquete")}});
  Response second = Request(port(), "POST", "/v1/claims:verify", contradicted);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(Str(Obj(second.Json()).at("verdict")), "contradicted");
  EXPECT_EQ(site_.RequestCount("/enquete"), 1);

  const std::string metrics = Request(port(), "GET", "/metrics").body;
  EXPECT_NE(metrics.find("citecheck_source_cache_requests_total{result=\"hit\"} 1\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("citecheck_fetches_total{outcome=\"ok\"} 1\n"), std::string::npos);
  EXPECT_NE(metrics.find("citecheck_http_requests_total{route=\"/v1/claims:verify\",status=\"200\"} 2\n"),
            std::string::npos);
}

// A claim against sent text; an unreadable source makes the claim unverifiable.
TEST_F(ServerTest, VerifyClaimAgainstTextAndAgainstADeadSource) {
  StartServer();
  const std::string claim = "En 2024, le réseau compte 320 gares et 41 lignes.";
  const std::string page =
      "Le réseau régional compte 320 gares desservies chaque jour.\n\nIl compte 38 lignes.";
  Response text = Request(port(), "POST", "/v1/claims:verify", json::serialize(json::object{
      {"id", "t"}, {"claim", claim}, {"lang", "fr"}, {"text", page}}));
  ASSERT_EQ(text.status, 200) << text.body;
  // The same verdict, support, evidence and facts as `citecheck verify-claims`.
  common::Config config;
  service::ClaimCaseRunner runner(config, nullptr);
  service::ClaimCase c;
  c.id = "t";
  c.claim = claim;
  c.lang = text::Lang::kFr;
  c.source_text = page;
  auto line = runner.Run(c);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(text.Json(), json::parse(service::ClaimCaseResultJson(*line, false, false)));
  EXPECT_EQ(line->facts.size(), 3u);  // 320, 41 and the wording ("En 2024" dates them)
  EXPECT_EQ(line->kind, verify::VerdictKind::kNotFound) << line->reason;

  Response dead = Request(port(), "POST", "/v1/claims:verify", json::serialize(json::object{
      {"claim", "Les retards ont baissé de 12 %."}, {"url", site_.Url("/bilan")}}));
  ASSERT_EQ(dead.status, 200) << dead.body;
  EXPECT_EQ(Str(Obj(dead.Json()).at("verdict")), "unverifiable");
  EXPECT_EQ(Str(Obj(dead.Json()).at("reason")), "the source could not be read: HTTP 404 Not Found");
}

// Malformed claim requests are 400 with what is wrong.
TEST_F(ServerTest, VerifyClaimRefusesMalformedRequests) {
  StartServer();
  const std::pair<const char*, const char*> cases[] = {
      {"nope", "not valid JSON"},
      {R"({"url": "https://a.fr/"})", "\"claim\" is missing"},
      {R"({"claim": "x"})", "exactly one of"},
      {R"({"claim": "x", "url": "https://a.fr/", "text": "y"})", "exactly one of"},
      {R"({"claim": "x", "text": "y", "lang": "de"})", "\"lang\" must be"},
      {R"({"claim": "x", "url": "ftp://a.fr/"})", "ftp://a.fr/"},
      {R"({"claim": 3, "text": "y"})", "\"claim\" must be a string"},
      {R"({"claim": "x", "text": "y", "source": "z"})", "unknown member"},
  };
  for (const auto& [body, what] : cases) {
    Response r = Request(port(), "POST", "/v1/claims:verify", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_NE(r.ErrorMessage().find(what), std::string::npos) << body << " -> " << r.body;
  }
}

// A source: fetch outcome, document, reliability with reasons, extracted text.
TEST_F(ServerTest, GetSourceGivesOutcomeReliabilityAndText) {
  StartServer();
  Response r = Request(port(), "GET", "/v1/sources?url=" + site_.Url("/enquete"));
  ASSERT_EQ(r.status, 200) << r.body;
  const json::value doc = r.Json();
  const json::object& v = Obj(doc);
  EXPECT_EQ(v.at("readable"), json::value(true));
  EXPECT_EQ(Str(v.at("outcome")), "ok");
  EXPECT_EQ(v.at("status").to_number<int>(), 200);
  EXPECT_EQ(Str(Obj(v.at("document")).at("title")), "Enquête transports 2024");
  EXPECT_EQ(Str(Obj(v.at("document")).at("author")), "Service statistique");
  EXPECT_FALSE(Obj(v.at("reliability")).at("reasons").as_array().empty());
  EXPECT_NE(Str(v.at("text")).find("320 gares"), std::string::npos);

  Response no_text = Request(port(), "GET", "/v1/sources?text=false&url=" + site_.Url("/enquete"));
  EXPECT_FALSE(Obj(no_text.Json()).contains("text"));

  Response gone = Request(port(), "GET", "/v1/sources?url=" + site_.Url("/bilan"));
  ASSERT_EQ(gone.status, 200);
  EXPECT_EQ(Obj(gone.Json()).at("readable"), json::value(false));
  EXPECT_EQ(Str(Obj(gone.Json()).at("outcome")), "http_error");
  EXPECT_EQ(Str(Obj(gone.Json()).at("error")), "HTTP 404 Not Found");

  EXPECT_EQ(Request(port(), "GET", "/v1/sources").status, 400);
  EXPECT_EQ(Request(port(), "GET", "/v1/sources?url=not-a-url").status, 400);
}

// The URLs and their states in an audit report's "results", in the report's order.
std::vector<std::pair<std::string, std::string>> AuditStates(const json::value& report) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const json::value& r : Obj(report).at("results").as_array()) {
    out.emplace_back(Str(Obj(r).at("url")), Str(Obj(r).at("state")));
  }
  return out;
}

// An audit of URLs done within the wait answers 200 with the report (the JSON of
// `citecheck audit --format json`) and a Location; GET reads the same run back.
TEST_F(ServerTest, PostAuditOfUrlsAnswersWithTheReportWhenDoneWithinTheWait) {
  config_.audit.memento_timemap = "";  // no archive look-ups off loopback
  StartServer();
  json::object body{{"urls", json::array{site_.Url("/enquete"), site_.Url("/bilan")}}};
  Response r = Request(port(), "POST", "/v1/audits", json::serialize(body),
                       {{"Content-Type", "application/json"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("location"), "/v1/audits/1");
  const json::value v = r.Json();
  EXPECT_EQ(Str(Obj(v).at("status")), "done");
  EXPECT_EQ(Str(Obj(v).at("shard")), "");
  EXPECT_EQ(Str(Obj(v).at("scope")).rfind("urls:", 0), 0u) << r.body;
  const json::value& report = Obj(v).at("report");
  EXPECT_EQ(Obj(Obj(report).at("run")).at("id"), json::value(1));
  EXPECT_EQ(Obj(report).at("previous_run"), json::value(nullptr));
  const std::vector<std::pair<std::string, std::string>> want{
      {site_.Url("/bilan"), "failing"}, {site_.Url("/enquete"), "ok"}};
  EXPECT_EQ(AuditStates(report), want);

  Response again = Request(port(), "GET", "/v1/audits/1");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.Json(), v);

  // The same list again (in another order) is the same scope: compared with run 1.
  json::object twice{{"urls", json::array{site_.Url("/bilan"), site_.Url("/enquete")}}};
  Response second = Request(port(), "POST", "/v1/audits", json::serialize(twice));
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Header("location"), "/v1/audits/2");
  EXPECT_EQ(Obj(Obj(second.Json()).at("report")).at("previous_run"), json::value(1));
}

// Without waiting, POST answers 202 while the audit runs; another audit is refused
// with 409 meanwhile; polling the Location finds the run done.
TEST_F(ServerTest, PostAuditWithoutWaitingAnswers202ThenThePollFindsTheReport) {
  config_.audit.memento_timemap = "";
  StartServer();
  json::object body{{"urls", json::array{site_.Url("/slow")}}, {"shard", "1/1"}, {"wait_ms", 0}};
  Response r = Request(port(), "POST", "/v1/audits", json::serialize(body));
  ASSERT_EQ(r.status, 202) << r.body;
  EXPECT_EQ(r.Header("location"), "/v1/audits/1");
  EXPECT_EQ(Str(Obj(r.Json()).at("status")), "running");
  EXPECT_EQ(Obj(r.Json()).at("finished_at"), json::value(nullptr));

  Response busy = Request(port(), "POST", "/v1/audits", R"({"articles": "registry"})");
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(busy.ErrorCode(), "conflict");
  EXPECT_EQ(busy.ErrorMessage(), "audit 1 is running; one audit runs at a time");

  gate_.Open();
  Response done;
  for (int i = 0; i < 600; ++i) {
    done = Request(port(), "GET", "/v1/audits/1");
    if (Str(Obj(done.Json()).at("status")) == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(Str(Obj(done.Json()).at("status")), "done") << done.body;
  const std::vector<std::pair<std::string, std::string>> want{{site_.Url("/slow"), "ok"}};
  EXPECT_EQ(AuditStates(Obj(done.Json()).at("report")), want);
}

// The published-article registry, empty here, is audited too: a done run with no result.
TEST_F(ServerTest, PostAuditOfTheEmptyRegistryIsDoneWithNoResult) {
  StartServer();
  Response r = Request(port(), "POST", "/v1/audits", R"({"articles": "registry"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(Obj(r.Json()).at("scope")), "registry");
  EXPECT_TRUE(Obj(Obj(r.Json()).at("report")).at("results").as_array().empty());
}

// Malformed audit requests are 400 with the reason; unknown ids are 404; nothing starts.
TEST_F(ServerTest, AuditRoutesRefuseBadBodiesAndUnknownIds) {
  StartServer();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"", "the body is not valid JSON"},
      {"[]", "the body must be a JSON object"},
      {"{}", R"(give "urls", "articles": "registry", or both)"},
      {R"({"urls": []})", R"("urls" must be a non-empty array of URLs)"},
      {R"({"urls": [3]})", R"("urls" must contain strings)"},
      {R"({"urls": ["ftp://x.test/"]})", R"(not an http(s) URL: "ftp://x.test/")"},
      {R"({"articles": "all"})", R"("articles" must be "registry" (the published articles))"},
      {R"({"articles": "registry", "shard": "3/2"})", "3/2"},
      {R"({"articles": "registry", "shard": 1})", R"("shard" must be a string "I/N")"},
      {R"({"articles": "registry", "wait_ms": -1})", R"("wait_ms" must be an integer)"},
      {R"({"articles": "registry", "scope": "x"})", R"(unknown member "scope")"},
  };
  for (const auto& [body, reason] : cases) {
    Response r = Request(port(), "POST", "/v1/audits", body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(r.ErrorCode(), "invalid_request") << body;
    EXPECT_NE(r.ErrorMessage().find(reason), std::string::npos) << body << ": " << r.ErrorMessage();
  }
  for (const char* id : {"1", "0", "x", "99999999999999999999"}) {
    Response r = Request(port(), "GET", std::string("/v1/audits/") + id);
    EXPECT_EQ(r.status, 404) << id;
    EXPECT_EQ(r.ErrorCode(), "not_found") << id;
    EXPECT_EQ(r.ErrorMessage(), std::string("no audit with id ") + id);
  }
}

// /metrics counts requests by route and status, and reports the queue.
TEST_F(ServerTest, MetricsCountRequestsByRouteAndStatus) {
  StartServer();
  Request(port(), "GET", "/healthz");
  Request(port(), "GET", "/nope");
  Response m = Request(port(), "GET", "/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(m.body.find("citecheck_http_requests_total{route=\"/healthz\",status=\"200\"} 1\n"), std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("citecheck_http_requests_total{route=\"other\",status=\"404\"} 1\n"), std::string::npos);
  EXPECT_NE(m.body.find("citecheck_http_request_duration_seconds_bucket{route=\"/healthz\",status=\"200\",le=\"+Inf\"} 1\n"),
            std::string::npos);
  EXPECT_NE(m.body.find("citecheck_check_queue_depth 0\n"), std::string::npos);
}

// The HTML report of a check, opened in headless Chromium: the page's script runs and
// the verdicts are there to see.
TEST_F(ServerTest, HtmlReportShowsTheVerdictsInChromium) {
  if (std::system("command -v chromium > /dev/null 2>&1") != 0) GTEST_SKIP() << "no chromium";
  StartServer();
  ASSERT_EQ(Request(port(), "POST", "/v1/checks", DraftCiting(site_)).status, 200);
  testutil::TempDir profile;
  const std::string command =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir=" + profile.path().string() + " --dump-dom "
      "http://127.0.0.1:" + std::to_string(port()) + "/v1/checks/1/report.html 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  ASSERT_NE(pipe, nullptr);
  std::string dom;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof(buf), pipe.get())) dom.append(buf, n);
  ASSERT_FALSE(dom.empty()) << "chromium printed nothing";
  for (const char* verdict : {"Confirmée", "Contredite", "Invérifiable"}) {
    EXPECT_NE(dom.find(verdict), std::string::npos) << verdict;
  }
}

}  // namespace
}  // namespace citecheck::server::testing
