#include <gtest/gtest.h>

#include "draft/internal/markdown.h"

namespace citecheck::draft::internal {
namespace {

// Reference definitions are read from the lines no block covers; lines inside a block
// (here, prose covering bytes [0, 20)) are text, not definitions.
TEST(FindReferenceDefinitions, ReadsDefinitionLines) {
  const std::string body =
      "[1]: https://a.example/x\n"  // covered by prose: not a definition
      "[2]: <https://b.example/y> \"Titre B\"\n"
      "  [insee]: https://insee.example/r 'Insee'\n"
      "[^4]: Rapport 2024, https://d.example/z.\n"
      "[5]: https://e.example/w then text\n"
      "[6]:\n";
  const std::vector<std::pair<size_t, size_t>> covered = {{0, 20}};
  const std::vector<RawReference> refs = FindReferenceDefinitions(body, covered);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].label, "2");
  EXPECT_EQ(refs[0].url, "https://b.example/y");
  EXPECT_EQ(refs[0].title, "Titre B");
  EXPECT_EQ(body.substr(refs[0].url_begin, refs[0].url_end - refs[0].url_begin),
            "https://b.example/y");
  EXPECT_EQ(refs[1].label, "insee");
  EXPECT_EQ(refs[1].title, "Insee");
  EXPECT_EQ(refs[2].label, "^4");
  EXPECT_EQ(refs[2].url, "https://d.example/z");
  EXPECT_EQ(refs[2].title, "Rapport 2024, https://d.example/z.");
}

struct SourceLineCase {
  const char* text;
  bool source_line;
};

// "Source : X" cites; "Sources :" alone opens a list; other labels are prose.
TEST(IsSourceLine, Table) {
  const SourceLineCase cases[] = {
      {"Source : Insee, enqu\xC3\xAAte 2023", true},
      {"Sources: Eurostat; OCDE", true},
      {"**Source :** Insee", true},
      {"(Source : Insee)", true},
      {"Data source: ONS", true},
      {"Sources :", false},
      {"Source", false},
      {"Conclusion : agir vite", false},
      {"La source : une nappe phr\xC3\xA9"
       "atique",
       false},
  };
  for (const SourceLineCase& c : cases) EXPECT_EQ(IsSourceLine(c.text), c.source_line) << c.text;
}

TEST(IsSourcesHeading, Table) {
  EXPECT_TRUE(
      IsSourcesHeading("Sources et r\xC3\xA9"
                       "f\xC3\xA9rences"));
  EXPECT_TRUE(IsSourcesHeading("References"));
  EXPECT_TRUE(IsSourcesHeading("\xF0\x9F\x93\x9A Sources :"));
  EXPECT_FALSE(IsSourcesHeading("Les sources d'\xC3\xA9nergie"));
  EXPECT_FALSE(IsSourcesHeading("Conclusion"));
}

}  // namespace
}  // namespace citecheck::draft::internal
