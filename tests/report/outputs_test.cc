// ParseOutputs and Render: the --format list of `citecheck check`.
#include <gtest/gtest.h>

#include "common/config.h"
#include "report/report.h"
#include "report_fixture.h"
#include "testutil/testutil.h"

namespace citecheck::report {
namespace {

TEST(Outputs, ParsesLists) {
  const struct {
    std::string spec;
    std::vector<Output> outputs;
  } cases[] = {
      {"text", {{Format::kText, ""}}},
      {"json", {{Format::kJson, ""}}},
      {"text,json=out.json,html=report.html",
       {{Format::kText, ""}, {Format::kJson, "out.json"}, {Format::kHtml, "report.html"}}},
      {" sarif = a b.sarif , markdown", {{Format::kSarif, "a b.sarif"}, {Format::kMarkdown, ""}}},
      {"junit=-,claimreview=cr.json", {{Format::kJunit, ""}, {Format::kClaimReview, "cr.json"}}},
      {"html=r.html,sarif=r.sarif", {{Format::kHtml, "r.html"}, {Format::kSarif, "r.sarif"}}},
  };
  for (const auto& c : cases) {
    auto parsed = ParseOutputs(c.spec);
    ASSERT_OK(parsed);
    EXPECT_EQ(*parsed, c.outputs) << c.spec;
  }
}

TEST(Outputs, RefusesBadLists) {
  const struct {
    std::string spec;
    std::string message;
  } cases[] = {
      {"", "no report format given"},
      {"xml",
       "unknown report format \"xml\": expected one of text, json, html, sarif, markdown, junit, "
       "claimreview"},
      {"text,,json=a", "empty item in report formats \"text,,json=a\""},
      {"json=", "report format \"json=\": empty path after '='"},
      {"text,json",
       "report formats \"text,json\": only one can go to standard output; give the others a "
       "file, as in html=report.html"},
      {"json=a.out,html=a.out",
       "report formats \"json=a.out,html=a.out\": \"a.out\" is written twice"},
  };
  for (const auto& c : cases) {
    auto parsed = ParseOutputs(c.spec);
    ASSERT_FALSE(parsed.ok()) << c.spec;
    EXPECT_EQ(parsed.status().message(), c.message) << c.spec;
  }
}

// The report.format setting accepts every format, alone or in a list with files, so
// config.toml can choose outputs as --format does.
TEST(Outputs, ConfigAcceptsEveryFormat) {
  for (Format f : AllFormats()) {
    common::Config config;
    EXPECT_OK(common::ApplySetting(config, "report.format", FormatName(f)));
    EXPECT_EQ(config.report.format, FormatName(f));
  }
  common::Config config;
  EXPECT_OK(common::ApplySetting(config, "report.format", "text,sarif=out.sarif,html=r.html"));
  EXPECT_FALSE(common::ApplySetting(config, "report.format", "text,xml=a").ok());
}

// Render dispatches to each renderer.
TEST(Outputs, RenderDispatches) {
  const CheckReport r = testing::SampleReport();
  EXPECT_EQ(Render(r, Format::kText, {}), RenderText(r, {}));
  EXPECT_EQ(Render(r, Format::kText, {true}), RenderText(r, {true}));
  EXPECT_EQ(Render(r, Format::kJson, {}), RenderJson(r));
  EXPECT_EQ(Render(r, Format::kHtml, {}), RenderHtml(r));
  EXPECT_EQ(Render(r, Format::kSarif, {}), RenderSarif(r));
  EXPECT_EQ(Render(r, Format::kMarkdown, {}), RenderMarkdown(r));
  EXPECT_EQ(Render(r, Format::kJunit, {}), RenderJunit(r));
  EXPECT_EQ(Render(r, Format::kClaimReview, {}), RenderClaimReview(r));
}

}  // namespace
}  // namespace citecheck::report
