// `citecheck check --format` with several outputs at once, on the bundled example:
// each output is checked by the kind of tool that reads it (JSON Schema, the official
// SARIF schema, an XML parser, a JSON parser).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "testing/process.h"
#include "testutil/testutil.h"

namespace citecheck::cli {
namespace {

namespace json = boost::json;
using report::testing::Run;
using report::testing::RunResult;

std::string Example(const char* name) {
  return (testutil::SourceRoot() / "data" / "examples" / name).string();
}

RunResult Check(const std::vector<std::string>& extra, const std::filesystem::path& cwd) {
  std::vector<std::string> args = {"check", Example("velo-travail.md"), "--replay",
                                   Example("sources.warc.gz")};
  args.insert(args.end(), extra.begin(), extra.end());
  return Run((report::testing::BuildDir() / "citecheck").string(), args, cwd);
}

// Every format in one run: text on standard output, the others in files, each valid
// for its readers.
TEST(ReportFormats, ExampleWritesEveryFormatAtOnce) {
  testutil::TempDir cwd;
  RunResult run = Check({"--format",
                         "text,json=r.json,html=r.html,sarif=r.sarif,markdown=r.md,junit=r.xml,"
                         "claimreview=claims.jsonld"},
                        cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("citecheck  Vélo et trajets")) << run.out;
  const auto& dir = cwd.path();
  EXPECT_EQ(
      report::testing::SchemaErrors(
          testutil::SourceRoot() / "docs" / "schema" / "check-report.schema.json", dir / "r.json"),
      "");
  EXPECT_EQ(report::testing::XmlErrors(dir / "r.xml"), "");
  const json::value reviews = json::parse(testutil::ReadTestFile(dir / "claims.jsonld"));
  const json::value report = json::parse(testutil::ReadTestFile(dir / "r.json"));
  const size_t claims = report.at("claims").as_array().size();
  EXPECT_GT(claims, 0u);
  EXPECT_EQ(reviews.at("@graph").as_array().size(), claims);
  const std::string md = testutil::ReadTestFile(dir / "r.md");
  EXPECT_NE(md.find("910 000"), std::string::npos) << md;
  const std::string html = testutil::ReadTestFile(dir / "r.html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
  size_t details = 0;
  for (size_t p = html.find("<section class=\"detail "); p != std::string::npos;
       p = html.find("<section class=\"detail ", p + 1)) {
    ++details;
  }
  EXPECT_EQ(details, claims);
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent: SARIF not checked against the official schema";
  EXPECT_EQ(report::testing::SchemaErrors(*shared / "data" / "schemas" / "sarif-schema-2.1.0.json",
                                          dir / "r.sarif"),
            "");
}

// Two runs of the same check give the same SARIF results and fingerprints, so a
// code-scanning tool sees the same alerts, not new ones.
TEST(ReportFormats, SarifIsStableAcrossRuns) {
  std::vector<std::string> fingerprints[2];
  for (auto& list : fingerprints) {
    testutil::TempDir cwd;
    RunResult run = Check({"--format", "sarif"}, cwd.path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json::value sarif = json::parse(run.out);
    for (const json::value& r : sarif.at("runs").at(0).at("results").as_array()) {
      list.push_back(std::string(r.at("ruleId").as_string()) + " " +
                     std::string(r.at("partialFingerprints").at("citecheck/v1").as_string()));
    }
  }
  EXPECT_FALSE(fingerprints[0].empty());
  EXPECT_EQ(fingerprints[0], fingerprints[1]);
}

// --output FILE takes the format that has no file of its own, as before there were
// several; the report.format setting chooses outputs as --format does.
TEST(ReportFormats, OutputFlagAndSetting) {
  testutil::TempDir cwd;
  RunResult run = Check({"--format", "json", "--output", "out.json"}, cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_NO_THROW(json::parse(testutil::ReadTestFile(cwd.path() / "out.json")));
  run = Check({"--set", "report.format=markdown,junit=j.xml"}, cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("### citecheck")) << run.out;
  EXPECT_TRUE(std::filesystem::exists(cwd.path() / "j.xml"));
}

// A bad list is refused before anything is fetched or stored.
TEST(ReportFormats, BadListsAreUsageErrors) {
  const struct {
    std::vector<std::string> args;
    std::string message;
  } cases[] = {
      {{"--format", "pdf"}, "invalid value \"pdf\""},
      {{"--format", "text,json"}, "only one can go to standard output"},
      {{"--format", "json=a.out,html=a.out"}, "\"a.out\" is written twice"},
      {{"--format", "json=a.json", "--output", "b.json"}, "--output b.json: no format left for it"},
  };
  for (const auto& c : cases) {
    testutil::TempDir cwd;
    RunResult run = Check(c.args, cwd.path());
    EXPECT_EQ(run.exit_code, 2) << c.message;
    EXPECT_NE(run.err.find(c.message), std::string::npos) << run.err;
    EXPECT_FALSE(std::filesystem::exists(cwd.path() / ".citecheck")) << c.message;
  }
}

}  // namespace
}  // namespace citecheck::cli
