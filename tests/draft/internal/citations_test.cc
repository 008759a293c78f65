// Attributions and citation markers, tested through ParseDraft.
#include <gtest/gtest.h>

#include "draft/draft.h"
#include "testutil/testutil.h"

namespace citecheck::draft {
namespace {

std::vector<std::string> Markers(const Draft& d) {
  std::vector<std::string> out;
  for (const ProseBlock& b : d.blocks) {
    for (const CitationMarker& m : b.markers) {
      out.push_back(std::string(m.footnote ? "^" : "") + m.label + "->" + std::to_string(m.source) +
                    "@" + std::to_string(m.range.line) + ":" + std::to_string(m.range.column));
    }
  }
  return out;
}

std::vector<std::string> Codes(const Draft& d) {
  std::vector<std::string> out;
  for (const Finding& f : d.findings) out.push_back(f.code + "@" + std::to_string(f.range.line));
  return out;
}

// "[n]" designates the n-th entry of the list (or the entry labelled n); "[1, 3]" two
// of them; a footnote its definition. What designates nothing is a finding.
TEST(Citations, MarkersResolveToSources) {
  const std::string md =
      "Un constat [1, 3]. Un autre [2-3]. Une note[^n]. Un oubli [^x]. Trop loin [9].\n\n"
      "Une ann\xC3\xA9"
      "e [2024] n'est pas un renvoi.\n\n"
      "## Sources\n\n"
      "- **A** https://a.example/1\n- **B** https://b.example/2\n- **C** https://c.example/3\n\n"
      "[^n]: Note, https://n.example/4\n";
  auto d = ParseDraft("c.md", md);
  ASSERT_OK(d);
  const std::vector<std::string> want = {"1->0@1:12",  "3->2@1:12",   "2->1@1:29", "3->2@1:29",
                                         "^n->3@1:44", "^x->-1@1:59", "9->-1@1:75"};
  EXPECT_EQ(Markers(*d), want);
  EXPECT_EQ(Codes(*d),
            (std::vector<std::string>{"unresolved_citation@1", "unresolved_citation@1"}));
}

// Named attributions: "(Source : X)", "selon X", a "Source : X" line; resolved by the
// words of the entry's name and URL. "selon les experts" names no source and is dropped;
// an explicit "(Source : X)" that names no entry is a finding.
TEST(Citations, NamedAttributions) {
  const std::string md =
      "Selon l'Observatoire, 9 % des trajets. Selon les experts, 3 % suffisent.\n\n"
      "Un chiffre (Source : Eurostat) et un autre (Sources : Observatoire ; Institut "
      "fant\xC3\xB4me).\n\n"
      "Le parc atteint 2 500 places.\n\n"
      "Source : Eurostat\n\n"
      "## Sources\n\n"
      "1. **Observatoire du v\xC3\xA9lo** - https://velo.example/obs\n"
      "2. **Statistiques europ\xC3\xA9"
      "ennes** - https://ec.example/eurostat/velo\n";
  auto d = ParseDraft("c.md", md);
  ASSERT_OK(d);
  std::vector<std::string> got;
  for (const Attribution& a : d->attributions) {
    got.push_back(a.name + "->" + std::to_string(a.source) +
                  (a.explicit_source ? " explicit" : ""));
  }
  const std::vector<std::string> want = {
      "Observatoire->0", "Eurostat->1 explicit", "Observatoire->0 explicit",
      "Institut fant\xC3\xB4me->-1 explicit", "Eurostat->1 explicit"};
  EXPECT_EQ(got, want);
  EXPECT_EQ(Codes(*d), (std::vector<std::string>{"unresolved_attribution@3"}));
  bool source_line = false;
  for (const ProseBlock& b : d->blocks) source_line = source_line || b.source_line;
  EXPECT_TRUE(source_line);
}

}  // namespace
}  // namespace citecheck::draft
