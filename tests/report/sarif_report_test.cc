// RenderSarif: SARIF 2.1.0 that code-scanning tools accept and de-duplicate.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/file.h"
#include "report/report.h"
#include "report_fixture.h"
#include "testing/process.h"
#include "testutil/testutil.h"

namespace citecheck::report {
namespace {

namespace json = boost::json;

json::object SarifRun(const CheckReport& r) {
  json::value v = json::parse(RenderSarif(r));
  return v.at("runs").at(0).as_object();
}

struct Expected {
  std::string rule;
  std::string level;
  int line;
  int column;
};

// One result per failing claim (at its first mention), per dead or weak source (at
// its URL in the sources list) and per finding; supported claims and sound sources
// give none. Columns count code points, as the run declares.
TEST(SarifReport, ResultsRulesAndLocations) {
  const CheckReport r = testing::SampleReport();
  const json::object run = SarifRun(r);
  EXPECT_EQ(run.at("columnKind"), "unicodeCodePoints");
  const json::array& results = run.at("results").as_array();
  const std::vector<Expected> expected = {
      {"claim-contradicted", "error", 10, 26},   {"claim-not-found", "warning", 12, 21},
      {"claim-unverifiable", "warning", 14, 6},  {"source-weak", "warning", 24, 12},
      {"source-unreachable", "warning", 27, 12}, {"draft-source-count-mismatch", "warning", 4, 1}};
  ASSERT_EQ(results.size(), expected.size()) << json::serialize(results);
  const json::array& rules = run.at("tool").at("driver").at("rules").as_array();
  for (size_t i = 0; i < expected.size(); ++i) {
    const json::object& res = results[i].as_object();
    EXPECT_EQ(res.at("ruleId").as_string(), expected[i].rule) << i;
    EXPECT_EQ(rules.at(res.at("ruleIndex").to_number<size_t>()).at("id").as_string(),
              expected[i].rule);
    EXPECT_EQ(res.at("level").as_string(), expected[i].level) << i;
    const json::object& loc = res.at("locations").at(0).at("physicalLocation").as_object();
    EXPECT_EQ(loc.at("artifactLocation").at("uri"), "drafts/velo.md");
    EXPECT_EQ(loc.at("artifactLocation").at("uriBaseId"), "%SRCROOT%");
    EXPECT_EQ(loc.at("region").at("startLine"), expected[i].line) << i;
    EXPECT_EQ(loc.at("region").at("startColumn"), expected[i].column) << i;
  }
  // "près de 12 000" (14 code points, 15 bytes) ends 14 columns after it starts.
  const json::object& region =
      results[1].at("locations").at(0).at("physicalLocation").at("region").as_object();
  EXPECT_EQ(region.at("endColumn").to_number<int>() - region.at("startColumn").to_number<int>(),
            14);
  EXPECT_EQ(region.at("snippet").at("text"), "près de 12 000");
  EXPECT_NE(std::string(results[0].at("message").at("text").as_string()).find("738 000"),
            std::string::npos);
}

// A claim stated twice has its other mention as a related location.
TEST(SarifReport, OtherMentionsAreRelatedLocations) {
  CheckReport r = testing::SampleReport();
  r.claims[0].verdict.kind = verify::VerdictKind::kNotFound;
  const json::object run = SarifRun(r);
  const json::object& res = run.at("results").at(0).as_object();
  ASSERT_TRUE(res.contains("relatedLocations"));
  const json::array& related = res.at("relatedLocations").as_array();
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0].at("physicalLocation").at("region").at("startLine"), 16);
}

std::vector<std::string> Fingerprints(const CheckReport& r) {
  std::vector<std::string> out;
  const json::object run = SarifRun(r);
  for (const json::value& res : run.at("results").as_array()) {
    out.emplace_back(res.at("partialFingerprints").at("citecheck/v1").as_string());
  }
  return out;
}

// Fingerprints identify what a result is about, not where it is: the same report
// gives the same fingerprints, moving a claim to another line keeps them, and they
// are distinct within a run.
TEST(SarifReport, FingerprintsAreStable) {
  const CheckReport r = testing::SampleReport();
  const std::vector<std::string> first = Fingerprints(r);
  EXPECT_EQ(Fingerprints(r), first);
  CheckReport moved = r;
  for (ClaimReport& c : moved.claims) {
    for (draft::Mention& m : c.claim.mentions) m.range.line += 7;
  }
  EXPECT_EQ(Fingerprints(moved), first);
  std::set<std::string> unique(first.begin(), first.end());
  EXPECT_EQ(unique.size(), first.size());
  for (const std::string& f : first) EXPECT_EQ(f.size(), 16u);
  CheckReport changed = r;
  changed.claims[1].claim.quantity.text = "920 000";
  EXPECT_NE(Fingerprints(changed)[0], first[0]);
}

// Artifact locations are URIs: relative paths against %SRCROOT%, absolute ones as
// file: URIs, with spaces and '#' escaped.
TEST(SarifReport, ArtifactUris) {
  const struct {
    std::string path, uri;
    bool base;
  } cases[] = {
      {"drafts/velo.md", "drafts/velo.md", true},
      {"my drafts/été #2.md", "my%20drafts/%C3%A9t%C3%A9%20%232.md", true},
      {"/home/me/a.md", "file:///home/me/a.md", false},
  };
  for (const auto& c : cases) {
    CheckReport r = testing::SampleReport();
    r.draft_path = c.path;
    const json::object run = SarifRun(r);
    const json::object& art = run.at("artifacts").at(0).at("location").as_object();
    EXPECT_EQ(art.at("uri").as_string(), c.uri) << c.path;
    EXPECT_EQ(art.contains("uriBaseId"), c.base) << c.path;
  }
}

void ExpectValid(const CheckReport& r, const std::filesystem::path& schema) {
  testutil::TempDir dir;
  const auto out = dir.path() / "report.sarif";
  ASSERT_OK(common::WriteFileAtomically(out, RenderSarif(r)));
  EXPECT_EQ(testing::SchemaErrors(schema, out), "") << r.draft_path;
}

// Valid against the official SARIF 2.1.0 schema (OASIS errata 01), for the sample,
// the hostile and an empty report.
TEST(SarifReport, ValidAgainstTheOfficialSchema) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  const auto schema = *shared / "data" / "schemas" / "sarif-schema-2.1.0.json";
  if (!std::filesystem::exists(schema)) GTEST_SKIP() << schema << " is absent";
  ExpectValid(testing::SampleReport(), schema);
  ExpectValid(testing::HostileReport(), schema);
  CheckReport empty;
  empty.draft_path = "empty.md";
  ExpectValid(empty, schema);
}

}  // namespace
}  // namespace citecheck::report
