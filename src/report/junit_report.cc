// JUnit XML, the test-report format most CI systems show (Jenkins, GitLab, GitHub
// actions that publish test results): one <testsuite> for the draft and one
// <testcase> per claim. There is no formal standard; the element and attribute names
// are those of the Ant JUnit task that the readers follow.
#include <cstdio>
#include <sstream>

#include "report/internal/escape.h"
#include "report/report.h"

namespace citecheck::report {
namespace {

using internal::Xml;
using verify::VerdictKind;

struct Counts {
  int failures = 0;  // contradicted, not found
  int errors = 0;    // unverifiable
};

Counts Count(const CheckReport& r) {
  Counts c;
  for (const ClaimReport& claim : r.claims) {
    if (claim.claim.mentions.empty()) continue;
    c.failures += claim.verdict.kind == VerdictKind::kContradicted ||
                  claim.verdict.kind == VerdictKind::kNotFound;
    c.errors += claim.verdict.kind == VerdictKind::kUnverifiable;
  }
  return c;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4g", v);
  return buf;
}

// The detail of a failing claim: what the draft says, why, and the passage.
std::string Body(const CheckReport& r, const ClaimReport& c) {
  std::ostringstream out;
  const draft::Mention& m = c.claim.mentions.front();
  out << r.draft_path << ":" << m.range.line << ":" << m.range.column << "\n"
      << "Draft: " << m.sentence << "\n"
      << "Why: " << c.verdict.reason << "\n";
  if (!c.verdict.evidence.empty()) {
    const verify::Evidence& e = c.verdict.evidence.front();
    out << "Passage (" << e.url << "): " << e.text << "\n";
  }
  return out.str();
}

void TestCase(const CheckReport& r, const ClaimReport& c, std::ostringstream& out) {
  const draft::Mention& m = c.claim.mentions.front();
  const std::string name =
      c.claim.id + " line " + std::to_string(m.range.line) + ": " + c.claim.quantity.text;
  out << "    <testcase name=\"" << Xml(name) << "\" classname=\"" << Xml(r.draft_path)
      << "\" file=\"" << Xml(r.draft_path) << "\" line=\"" << m.range.line << "\" time=\"0\"";
  const VerdictKind kind = c.verdict.kind;
  if (kind == VerdictKind::kSupported) {
    out << "/>\n";
    return;
  }
  const char* element = kind == VerdictKind::kUnverifiable ? "error" : "failure";
  out << ">\n      <" << element << " type=\"" << verify::VerdictName(kind) << "\" message=\""
      << Xml(std::string(verify::VerdictName(kind)) + ": " + c.verdict.reason) << "\">"
      << Xml(Body(r, c)) << "</" << element << ">\n    </testcase>\n";
}

}  // namespace

std::string RenderJunit(const CheckReport& r) {
  const Counts counts = Count(r);
  int tests = 0;
  for (const ClaimReport& c : r.claims) tests += c.claim.mentions.empty() ? 0 : 1;
  std::ostringstream out;
  const std::string totals = "tests=\"" + std::to_string(tests) + "\" failures=\"" +
                             std::to_string(counts.failures) + "\" errors=\"" +
                             std::to_string(counts.errors) + "\" skipped=\"0\"";
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"citecheck\" " << totals << " time=\"0\">\n"
      << "  <testsuite name=\"" << Xml(r.draft_path) << "\" " << totals << " time=\"0\"";
  if (!r.checked_at.empty()) out << " timestamp=\"" << Xml(r.checked_at) << "\"";
  out << ">\n    <properties>\n"
      << "      <property name=\"title\" value=\"" << Xml(r.title) << "\"/>\n"
      << "      <property name=\"integrity\" value=\"" << Number(r.integrity.overall.score())
      << "\"/>\n"
      << "      <property name=\"min_integrity\" value=\"" << Number(r.min_integrity) << "\"/>\n"
      << "      <property name=\"passed\" value=\"" << (r.passed() ? "true" : "false") << "\"/>\n"
      << "    </properties>\n";
  for (const ClaimReport& c : r.claims) {
    if (!c.claim.mentions.empty()) TestCase(r, c, out);
  }
  out << "  </testsuite>\n</testsuites>\n";
  return out.str();
}

}  // namespace citecheck::report
