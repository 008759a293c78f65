// RenderJunit: one test case per claim, readable by CI test views.
#include <gtest/gtest.h>

#include "common/file.h"
#include "report/report.h"
#include "report_fixture.h"
#include "testing/process.h"
#include "testutil/testutil.h"

namespace citecheck::report {
namespace {

// The whole document for the sample report: supported claims pass, contradicted and
// not-found ones fail, unverifiable ones are errors (the check could not be made).
TEST(JunitReport, SampleReport) {
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"citecheck\" tests=\"4\" failures=\"2\" errors=\"1\" skipped=\"0\" "
      "time=\"0\">\n"
      "  <testsuite name=\"drafts/velo.md\" tests=\"4\" failures=\"2\" errors=\"1\" skipped=\"0\" "
      "time=\"0\" "
      "timestamp=\"2025-03-18T09:30:00Z\">\n"
      "    <properties>\n"
      "      <property name=\"title\" value=\"Vélo au travail\"/>\n"
      "      <property name=\"integrity\" value=\"0.25\"/>\n"
      "      <property name=\"min_integrity\" value=\"0.8\"/>\n"
      "      <property name=\"passed\" value=\"false\"/>\n"
      "    </properties>\n"
      "    <testcase name=\"c1 line 8: 28 %\" classname=\"drafts/velo.md\" file=\"drafts/velo.md\" "
      "line=\"8\" time=\"0\"/>\n"
      "    <testcase name=\"c2 line 10: 910 000\" classname=\"drafts/velo.md\" "
      "file=\"drafts/velo.md\" line=\"10\" time=\"0\">\n"
      "      <failure type=\"contradicted\" message=\"contradicted: source 2 gives 738 000 where "
      "the draft says 910 000\">"
      "drafts/velo.md:10:26\n"
      "Draft: Les ventes ont atteint 910 000 unités en 2023 (Source : Journal).\n"
      "Why: source 2 gives 738 000 where the draft says 910 000\n"
      "Passage (https://journal.example/a): En 2023, les ventes ont atteint 738 000 unités en "
      "France.\n"
      "</failure>\n"
      "    </testcase>\n"
      "    <testcase name=\"c3 line 12: près de 12 000\" classname=\"drafts/velo.md\" "
      "file=\"drafts/velo.md\" line=\"12\" time=\"0\">\n"
      "      <failure type=\"not_found\" message=\"not_found: the cited source was read and states "
      "nothing matching près de 12 000 about this\">"
      "drafts/velo.md:12:21\n"
      "Draft: Le secteur emploie près de 12 000 personnes.\n"
      "Why: the cited source was read and states nothing matching près de 12 000 about this\n"
      "Passage (https://journal.example/a): En 2023, les ventes ont atteint 738 000 unités en "
      "France.\n"
      "</failure>\n"
      "    </testcase>\n"
      "    <testcase name=\"c4 line 14: 41 %\" classname=\"drafts/velo.md\" "
      "file=\"drafts/velo.md\" line=\"14\" time=\"0\">\n"
      "      <error type=\"unverifiable\" message=\"unverifiable: the cited source could not be "
      "read: source 3: HTTP 404 Not Found\">"
      "drafts/velo.md:14:6\n"
      "Draft: Pour 41 % des non-cyclistes, le manque de pistes dissuade (Source : Étude).\n"
      "Why: the cited source could not be read: source 3: HTTP 404 Not Found\n"
      "</error>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n";
  EXPECT_EQ(RenderJunit(testing::SampleReport()), expected);
}

// Markup and control characters from the draft or sources keep the document
// well-formed XML.
TEST(JunitReport, WellFormedWhateverTheInput) {
  CheckReport r = testing::HostileReport();
  r.claims[1].verdict.reason += std::string("\x01\x1b[31m\0", 8) + "\xC3";
  testutil::TempDir dir;
  ASSERT_OK(common::WriteFileAtomically(dir.path() / "junit.xml", RenderJunit(r)));
  EXPECT_EQ(testing::XmlErrors(dir.path() / "junit.xml"), "");
}

}  // namespace
}  // namespace citecheck::report
