#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/clock.h"
#include "common/file.h"
#include "common/log.h"
#include "service/service.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::service {
namespace {

using verify::VerdictKind;

constexpr char kPage[] =
    "Enquête mobilité 2024\n\n"
    "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail.\n\n"
    "Le réseau régional compte 320 gares desservies chaque jour.";

ClaimCase Case(std::string claim, std::string source_text = kPage) {
  ClaimCase c;
  c.id = "t1";
  c.claim = std::move(claim);
  c.lang = text::Lang::kFr;
  c.source_text = std::move(source_text);
  return c;
}

struct ParseCase {
  const char* json;
  const char* error;  // "" when valid
};

// Each line is an object with an id, a claim and one source; other members are ignored.
TEST(ParseClaimCase, AcceptsCasesAndNamesWhatIsWrong) {
  const ParseCase cases[] = {
      {R"({"id":"a","claim":"x","lang":"fr","source_text":"y","label":"supported"})", ""},
      {R"({"id":"a","claim":"x","source_url":"https://s.example/"})", ""},
      {R"({"id":"a","claim":"x","source_file":"page.html","claim_context":"He"})", ""},
      {R"(["id"])", "not a JSON object"},
      {R"({"id":"a","claim":"x")", "not valid JSON"},
      {R"({"claim":"x","source_text":"y"})", "\"id\" is missing"},
      {R"({"id":3,"claim":"x","source_text":"y"})", "\"id\" must be a string"},
      {R"({"id":"a","source_text":"y"})", "\"claim\" is missing"},
      {R"({"id":"a","claim":"","source_text":"y"})", "\"claim\" is empty"},
      {R"({"id":"a","claim":"x"})", "no source_text, source_file or source_url"},
      {R"({"id":"a","claim":"x","lang":"de","source_text":"y"})",
       "\"lang\" must be \"fr\" or \"en\", not \"de\""},
  };
  for (const ParseCase& c : cases) {
    auto got = ParseClaimCase(c.json);
    if (std::string(c.error).empty()) {
      EXPECT_TRUE(got.ok()) << c.json << ": " << got.status().ToString();
    } else {
      ASSERT_FALSE(got.ok()) << c.json;
      EXPECT_EQ(got.status().message().rfind(c.error, 0), 0u) << got.status().message();
    }
  }
  auto full =
      ParseClaimCase(R"({"id":"a","claim":"x","lang":"en","source_text":"y","claim_context":"c"})");
  ASSERT_OK(full);
  ClaimCase want;
  want.id = "a";
  want.claim = "x";
  want.lang = text::Lang::kEn;
  want.source_text = "y";
  want.claim_context = "c";
  EXPECT_EQ(*full, want);
}

// A claim with a figure: one fact per figure plus its wording; all backed.
TEST(ClaimCaseRunner, SupportsAClaimItsSourceStates) {
  common::Config config;
  ClaimCaseRunner runner(config, nullptr);
  auto r =
      runner.Run(Case("En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail."));
  ASSERT_OK(r);
  EXPECT_EQ(r->kind, VerdictKind::kSupported) << r->reason;
  EXPECT_GE(r->support, 0.5);
  ASSERT_EQ(r->facts.size(), 2u);
  EXPECT_TRUE(r->facts[0].claim.has_figure);
  EXPECT_EQ(r->facts[0].claim.quantity.text, "28 %");
  EXPECT_FALSE(r->facts[1].claim.has_figure);
  ASSERT_FALSE(r->evidence.empty());
  const verify::Evidence& e = r->evidence[0];
  EXPECT_EQ(e.text, "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail.");
  EXPECT_EQ(std::string(kPage).substr(e.start, e.end - e.start), e.text);
}

// The claim takes its weakest fact: one figure backed, the other contradicted.
TEST(ClaimCaseRunner, ClaimTakesItsWeakestFact) {
  common::Config config;
  ClaimCaseRunner runner(config, nullptr);
  auto r =
      runner.Run(Case("En 2024, 28 % des actifs ont utilisé un vélo et le réseau régional compte "
                      "410 gares desservies chaque jour."));
  ASSERT_OK(r);
  ASSERT_EQ(r->facts.size(), 3u);
  EXPECT_EQ(r->facts[0].verdict.kind, VerdictKind::kSupported) << r->facts[0].verdict.reason;
  EXPECT_EQ(r->facts[1].verdict.kind, VerdictKind::kContradicted) << r->facts[1].verdict.reason;
  EXPECT_EQ(r->kind, VerdictKind::kContradicted);
  EXPECT_EQ(r->reason, r->facts[1].verdict.reason);
  EXPECT_EQ(r->facts[1].verdict.evidence.at(0).figure, "320");
  // The passages that best state the whole claim come first; here they hold the
  // conflicting figure too.
  ASSERT_FALSE(r->evidence.empty());
  EXPECT_EQ(r->evidence[0], r->facts[2].verdict.evidence.at(0));
  EXPECT_NE(r->evidence[0].text.find("320 gares"), std::string::npos);
  EXPECT_LT(r->support, 0.5);
}

// A claim that is not supported reports its wording's support (0.49 times its score),
// halved when contradicted, whichever fact failed: claims rank by how near the source
// comes to their wording.
TEST(ClaimCaseRunner, ClaimsNotSupportedRankByTheirWording) {
  common::Config config;
  ClaimCaseRunner runner(config, nullptr);
  auto nearest = runner.Run(Case(
      "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail, soit 3 millions "
      "de personnes."));
  auto other = runner.Run(Case("Le réseau régional compte 480 gares desservies chaque jour."));
  auto far = runner.Run(Case("Le musée municipal a accueilli 480 classes de collégiens."));
  ASSERT_OK(nearest);
  ASSERT_OK(other);
  ASSERT_OK(far);
  ASSERT_EQ(nearest->facts.size(), 3u);
  EXPECT_EQ(nearest->facts[0].verdict.kind, VerdictKind::kSupported);
  EXPECT_EQ(nearest->kind, VerdictKind::kNotFound) << nearest->reason;
  EXPECT_EQ(nearest->facts[2].verdict.kind, VerdictKind::kNotFound);
  EXPECT_DOUBLE_EQ(nearest->support, nearest->facts[2].verdict.support);

  ASSERT_EQ(other->facts.size(), 2u);
  EXPECT_EQ(other->kind, VerdictKind::kContradicted) << other->reason;
  EXPECT_EQ(other->facts[1].verdict.kind, VerdictKind::kNotFound);
  EXPECT_DOUBLE_EQ(other->support, 0.5 * other->facts[1].verdict.support);

  ASSERT_EQ(far->facts.size(), 2u);
  EXPECT_EQ(far->kind, VerdictKind::kNotFound) << far->reason;
  EXPECT_DOUBLE_EQ(far->support, far->facts[1].verdict.support);

  EXPECT_GT(nearest->support, other->support);
  EXPECT_GT(other->support, far->support);
  EXPECT_LT(nearest->support, 0.5);
}

// A source that cannot be read makes the case unverifiable, not an error.
TEST(ClaimCaseRunner, UnreadableSourceIsUnverifiable) {
  common::Config config;
  ClaimCaseRunner runner(config, nullptr);
  ClaimCase c = Case("Le réseau compte 320 gares.", "");
  c.source_file = "/nonexistent/page.html";
  auto r = runner.Run(c);
  ASSERT_OK(r);
  EXPECT_EQ(r->kind, VerdictKind::kUnverifiable);
  EXPECT_EQ(r->reason.rfind("the source could not be read: ", 0), 0u) << r->reason;
  ClaimCase by_url = Case("Le réseau compte 320 gares.", "");
  by_url.source_url = "https://s.example/page";
  auto u = runner.Run(by_url);
  ASSERT_OK(u);
  EXPECT_EQ(u->kind, VerdictKind::kUnverifiable);
}

// Files go through extraction by type: an HTML page's furniture is dropped.
TEST(ClaimCaseRunner, ReadsSourceFiles) {
  testutil::TempDir dir;
  const auto file = dir.path() / "page.html";
  ASSERT_OK(common::WriteFileAtomically(
      file,
      "<html><body><nav>Accueil Publications</nav><article><p>Le réseau régional compte "
      "320 gares desservies chaque jour.</p></article></body></html>"));
  common::Config config;
  ClaimCaseRunner runner(config, nullptr);
  ClaimCase c = Case("Le réseau régional compte 320 gares desservies chaque jour.", "");
  c.source_file = file.string();
  auto r = runner.Run(c);
  ASSERT_OK(r);
  EXPECT_EQ(r->kind, VerdictKind::kSupported) << r->reason;
  EXPECT_EQ(r->evidence.at(0).text, "Le réseau régional compte 320 gares desservies chaque jour.");
}

// Sources given by URL are fetched (here from a server on loopback).
TEST(ClaimCaseRunner, FetchesSourcesGivenByUrl) {
  testutil::HttpServer server;
  server.Route("/etude", {.status = 200,
                          .headers = {{"Content-Type", "text/html; charset=utf-8"}},
                          .body = "<html lang=\"fr\"><body><p>En 2024, 28 % des actifs ont utilisé "
                                  "un vélo pour se rendre au travail.</p></body></html>"});
  common::Config config;
  config.crawler.allow_private_addresses = true;
  common::ManualClock clock(1736500000000000);
  common::CapturingLogger logger;
  auto fetcher = crawler::CurlFetcher::Create(config.crawler, clock, nullptr, &logger);
  ASSERT_OK(fetcher);
  ClaimCaseRunner runner(config, fetcher->get());
  ClaimCase c = Case("En 2024, 28 % des actifs ont utilisé un vélo pour aller au travail.", "");
  c.source_url = server.Url("/etude");
  auto r = runner.Run(c);
  ASSERT_OK(r);
  EXPECT_EQ(r->kind, VerdictKind::kSupported) << r->reason;
}

// One JSON line with the fields the scorer reads.
TEST(ClaimCaseResultJson, WritesOneLine) {
  common::Config config;
  ClaimCaseRunner runner(config, nullptr);
  auto r =
      runner.Run(Case("En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail."));
  ASSERT_OK(r);
  const std::string line = ClaimCaseResultJson(*r, false, true);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  boost::json::object o = boost::json::parse(line).as_object();
  EXPECT_EQ(o.at("id").as_string(), "t1");
  EXPECT_EQ(o.at("verdict").as_string(), "supported");
  EXPECT_GE(o.at("support").to_number<double>(), 0.5);
  const auto& e = o.at("evidence").as_array().at(0).as_object();
  EXPECT_EQ(e.at("text").as_string(),
            "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail.");
  EXPECT_EQ(e.at("start").to_number<size_t>(), std::string(kPage).find("En 2024, 28 %"));
  const auto& q = o.at("quantities").as_array().at(0).as_object();
  EXPECT_EQ(q.at("text").as_string(), "28 %");
  EXPECT_EQ(q.at("kind").as_string(), "percent");
  EXPECT_EQ(q.at("verdict").as_string(), "supported");
  EXPECT_TRUE(o.contains("signals"));
  EXPECT_FALSE(o.contains("verify_ms"));
}

// The built-in list, then the file's entries, which win.
TEST(LoadPublishers, AddsTheConfiguredFile) {
  common::VerifyConfig config;
  auto builtin = LoadPublishers(config);
  ASSERT_OK(builtin);
  EXPECT_EQ(*builtin, verify::BuiltinPublishers());
  testutil::TempDir dir;
  config.publishers_file = (dir.path() / "extra.toml").string();
  ASSERT_OK(common::WriteFileAtomically(config.publishers_file,
                                        "[[publisher]]\nhost = \"insee.fr\"\ntype = \"blog\"\n"));
  auto extended = LoadPublishers(config);
  ASSERT_OK(extended);
  EXPECT_EQ(extended->size(), builtin->size() + 1);
  EXPECT_EQ(verify::FindPublisher("https://www.insee.fr/", *extended)->type, "blog");
  config.publishers_file = (dir.path() / "missing.toml").string();
  EXPECT_FALSE(LoadPublishers(config).ok());
}

}  // namespace
}  // namespace citecheck::service
