#include "draft/internal/front_matter.h"

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::draft::internal {
namespace {

// Every key of the front matter is kept: nested mappings flattened with dotted keys,
// the mappings of a sequence indexed, scalars of a mixed sequence indexed too, so that
// the order of the items survives.
TEST(ParseFrontMatter, FlattensNestedKeys) {
  const std::string yaml =
      "---\n"
      "title: Le v\xC3\xA9lo\n"
      "seo:\n"
      "  description: Court\n"
      "  keywords: [v\xC3\xA9lo, ville]\n"
      "sources:\n"
      "  - name: Observatoire\n"
      "    url: https://o.example/a\n"
      "  - https://m.example/b\n"
      "---\n"
      "Texte.\n";
  auto fm = ParseFrontMatter("f.md", yaml);
  ASSERT_OK(fm);
  const std::vector<FrontMatterField> want = {
      {"title", "Le v\xC3\xA9lo", {}, 2},
      {"seo", "", {}, 3},
      {"seo.description", "Court", {}, 4},
      {"seo.keywords", "", {"v\xC3\xA9lo", "ville"}, 5},
      {"sources", "", {"https://m.example/b"}, 6},
      {"sources[0].name", "Observatoire", {}, 7},
      {"sources[0].url", "https://o.example/a", {}, 8},
      {"sources[1]", "https://m.example/b", {}, 9},
  };
  EXPECT_EQ(fm->fields, want);
  EXPECT_EQ(fm->end, yaml.find("Texte."));
}

// Aliases can make a few lines expand without bound; flattening stops at a cap.
TEST(ParseFrontMatter, AliasExpansionIsBounded) {
  std::string yaml = "---\na: &a {x: 1, y: 2, z: 3, w: 4}\n";
  std::string prev = "a";
  for (int level = 0; level < 8; ++level) {
    const std::string name = "l" + std::to_string(level);
    yaml += name + ": &" + name + " [";
    for (int k = 0; k < 9; ++k) yaml += (k ? ", *" : "*") + prev;
    yaml += "]\n";
    prev = name;
  }
  yaml += "---\nTexte.\n";
  auto fm = ParseFrontMatter("f.md", yaml);
  ASSERT_OK(fm);
  EXPECT_LE(fm->fields.size(), 2000u);
}

TEST(ParseFrontMatter, NoFrontMatter) {
  auto fm = ParseFrontMatter("f.md", "# Titre\n\nTexte.\n");
  ASSERT_OK(fm);
  EXPECT_TRUE(fm->fields.empty());
  EXPECT_EQ(fm->end, 0u);
}

}  // namespace
}  // namespace citecheck::draft::internal
