// Check reports for the report tests, built by hand (not by the claim extractor) so
// that each test knows exactly what it renders.
#ifndef CITECHECK_TESTS_REPORT_REPORT_FIXTURE_H_
#define CITECHECK_TESTS_REPORT_REPORT_FIXTURE_H_

#include <string>
#include <string_view>

#include "report/report.h"

namespace citecheck::report::testing {

// The Range of the `nth` occurrence of `needle` in `content`, with 1-based line and
// code-point column as the draft parser gives them. Fails the test when absent.
draft::Range Find(std::string_view content, std::string_view needle, int nth = 0);

// A French draft with four claims, one of each verdict:
//   c1 "28 %" supported by source 1, stated twice (lines 8 and 16);
//   c2 "910 000" contradicted by source 2 (written in bold), evidence "738 000";
//   c3 "près de 12 000" not found (written inside a link's text);
//   c4 "41 %" unverifiable: source 3 is a 404.
// Sources: 1 read (9/10, declared 9); 2 read but weak (4.5/10, declared 8,
// overrated); 3 dead (HTTP 404, declared 9). One finding (source_count_mismatch).
CheckReport SampleReport();

// SampleReport in English: lang "en", same content.
CheckReport SampleReportEn();

// SampleReport with markup and script in every text field that comes from the draft
// or its sources, each payload setting window.__pwned when it runs.
CheckReport HostileReport();

}  // namespace citecheck::report::testing

#endif  // CITECHECK_TESTS_REPORT_REPORT_FIXTURE_H_
