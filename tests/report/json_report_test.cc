// RenderJson: the JSON report matches its published schema,
// docs/schema/check-report.schema.json. (tests/cli/report_formats_test.cc checks the
// report of a real run against it too.)
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/file.h"
#include "report/report.h"
#include "report_fixture.h"
#include "testing/process.h"
#include "testutil/testutil.h"

namespace citecheck::report {
namespace {

std::string Validate(const CheckReport& r) {
  testutil::TempDir dir;
  const auto out = dir.path() / "report.json";
  EXPECT_OK(common::WriteFileAtomically(out, RenderJson(r)));
  return testing::SchemaErrors(
      testutil::SourceRoot() / "docs" / "schema" / "check-report.schema.json", out);
}

TEST(JsonReport, ValidAgainstItsSchema) {
  EXPECT_EQ(Validate(testing::SampleReport()), "");
  // Hostile text everywhere, except in the fields the pipeline itself writes (the
  // schema constrains claim ids and finding codes).
  CheckReport hostile = testing::HostileReport();
  hostile.claims[2].claim.id = "c3";
  hostile.findings[0].code = "placeholder";
  EXPECT_EQ(Validate(hostile), "");
  CheckReport empty;
  empty.checked_at = "2025-01-01T00:00:00Z";
  EXPECT_EQ(Validate(empty), "");
}

// The validation can fail: a report the schema forbids is caught.
TEST(JsonReport, SchemaCatchesAnInvalidReport) {
  CheckReport r = testing::SampleReport();
  r.lang = "de";  // the schema allows fr, en or ""
  r.checked_at = "yesterday";
  const std::string errors = Validate(r);
  EXPECT_NE(errors.find("/draft/lang"), std::string::npos) << errors;
  EXPECT_NE(errors.find("/checked_at"), std::string::npos) << errors;
}

// The draft's text is for the HTML page only; the JSON keeps its documented fields.
TEST(JsonReport, LeavesTheDraftTextOut) {
  const boost::json::value v = boost::json::parse(RenderJson(testing::SampleReport()));
  EXPECT_EQ(v.at("draft").as_object().size(), 3u);
  EXPECT_EQ(v.at("claims").as_array().size(), 4u);
}

}  // namespace
}  // namespace citecheck::report
