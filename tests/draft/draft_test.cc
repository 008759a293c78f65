#include "draft/draft.h"

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::draft {
namespace {

using common::Status;

// A small draft in the shape automated pipelines produce: front matter, sections,
// attributions and a numbered sources list with labelled fields.
constexpr char kDraft[] =
    "---\n"
    "title: \"Le compostage en ville\"\n"
    "date: \"2025-04-02\"\n"
    "tags: [\"déchets\", \"ville\"]\n"
    "sources: 2\n"
    "---\n"
    "\n"
    "# Le compostage en ville\n"
    "\n"
    "En 2023, 35 % des foyers urbains triaient leurs biodéchets (Source : Agence de la "
    "transition écologique).\n"
    "\n"
    "## Sources et références\n"
    "\n"
    "1. **Agence de la transition écologique – Rapport** - Rapport\n"
    "   - Date : 14/09/2024\n"
    "   - URL : https://www.agence-transition.example/rapport-biodechets\n"
    "   - Fiabilité : 9/10\n"
    "\n"
    "2. **Ville propre** (Fiabilité : 6/10)\n"
    "   - Article du 02/03/2023\n"
    "   - https://ville-propre.example/actualites/compost\n";

TEST(ParseDraft, ReadsFrontMatter) {
  auto d = ParseDraft("compost.md", kDraft);
  ASSERT_OK(d);
  std::vector<FrontMatterField> want = {
      {"title", "Le compostage en ville", {}, 2},
      {"date", "2025-04-02", {}, 3},
      {"tags", "", {"déchets", "ville"}, 4},
      {"sources", "2", {}, 5},
  };
  EXPECT_EQ(d->front_matter, want);
  EXPECT_EQ(d->title, "Le compostage en ville");
  EXPECT_EQ(d->lang, text::Lang::kFr);
}

TEST(ParseDraft, ReadsSectionsWithPositions) {
  auto d = ParseDraft("compost.md", kDraft);
  ASSERT_OK(d);
  ASSERT_EQ(d->sections.size(), 2u);
  EXPECT_EQ(d->sections[0].title, "Le compostage en ville");
  EXPECT_EQ(d->sections[0].level, 1);
  EXPECT_EQ(d->sections[0].range.line, 8);
  EXPECT_EQ(d->sections[1].title, "Sources et références");
  EXPECT_EQ(d->sections[1].level, 2);
  EXPECT_EQ(d->sections[1].range.line, 12);
  EXPECT_EQ(d->sections[1].range.column, 1);
  EXPECT_TRUE(d->has_sources_section);
}

// Both shapes of entry real drafts use: labelled sub-items, and a name line with the
// rating in parentheses followed by a date line and a bare URL.
TEST(ParseDraft, ReadsSourcesList) {
  auto d = ParseDraft("compost.md", kDraft);
  ASSERT_OK(d);
  ASSERT_EQ(d->sources.size(), 2u);
  const SourceEntry& a = d->sources[0];
  EXPECT_EQ(a.number, 1);
  EXPECT_EQ(a.name, "Agence de la transition écologique – Rapport");
  EXPECT_EQ(a.kind, "Rapport");
  EXPECT_EQ(a.date, "14/09/2024");
  EXPECT_EQ(a.url, "https://www.agence-transition.example/rapport-biodechets");
  EXPECT_EQ(a.declared_reliability, 9.0);
  EXPECT_EQ(a.range.line, 14);
  EXPECT_EQ(a.url_range.line, 16);
  EXPECT_EQ(a.url_range.column, 12);
  EXPECT_FALSE(a.from_inline_link);
  const SourceEntry& b = d->sources[1];
  EXPECT_EQ(b.name, "Ville propre");
  EXPECT_EQ(b.kind, "Article");
  EXPECT_EQ(b.date, "02/03/2023");
  EXPECT_EQ(b.url, "https://ville-propre.example/actualites/compost");
  EXPECT_EQ(b.declared_reliability, 6.0);
  EXPECT_EQ(b.url_range.line, 21);
}

TEST(ParseDraft, ResolvesExplicitAttributionToTheNamedSource) {
  auto d = ParseDraft("compost.md", kDraft);
  ASSERT_OK(d);
  ASSERT_EQ(d->attributions.size(), 1u);
  EXPECT_EQ(d->attributions[0].name, "Agence de la transition écologique");
  EXPECT_EQ(d->attributions[0].source, 0);
  EXPECT_TRUE(d->attributions[0].explicit_source);
  EXPECT_EQ(d->attributions[0].range.line, 10);
  EXPECT_TRUE(d->findings.empty()) << d->findings.front().message;
}

// Apostrophes differ between a draft's prose (') and its list (’); names still match.
TEST(ParseDraft, AttributionMatchesAcrossApostropheStyles) {
  std::string md =
      "Selon la CCI Côte d'Azur, 10 % des commerces ferment le lundi.\n\n"
      "## Sources\n\n- **CCI Côte d’Azur** - https://cci.example/etude\n";
  auto d = ParseDraft("a.md", md);
  ASSERT_OK(d);
  ASSERT_EQ(d->attributions.size(), 1u);
  EXPECT_EQ(d->attributions[0].source, 0);
  EXPECT_FALSE(d->attributions[0].explicit_source);
}

TEST(ParseDraft, ImplicitAttributionToNoListedSourceIsIgnored) {
  auto d = ParseDraft("a.md",
                      "Selon les experts, 3 % suffisent.\n\n## Sources\n\n- https://x.example/a\n");
  ASSERT_OK(d);
  EXPECT_TRUE(d->attributions.empty());
}

struct FindingCase {
  const char* name;
  const char* markdown;
  Finding want;  // compared on code, line and column; the message must name the thing
  const char* message_part;
};

TEST(ParseDraft, ReportsFindings) {
  const FindingCase cases[] = {
      {"placeholder in sources",
       "Texte.\n\n## Sources\n\n1. **A** - https://a.example/x\n\n"
       "[Autres sources conservées à l'identique...]\n",
       {"placeholder", "", {0, 0, 7, 1, 0, 0}},
       "Autres sources"},
      {"placeholder in prose",
       "Le taux atteint XX % selon nos calculs.\n\n## Sources\n\n- https://a.example/x\n",
       {"placeholder", "", {0, 0, 1, 17, 0, 0}},
       "XX %"},
      {"count mismatch",
       "---\nsources: 3\n---\nTexte.\n\n## Sources\n\n- https://a.example/x\n",
       {"source_count_mismatch", "", {0, 0, 2, 1, 0, 0}},
       "declares 3 sources"},
      {"unresolved attribution",
       "Un chiffre de 4 % (Source : Institut imaginaire).\n\n## Sources\n\n- **Autre** "
       "https://a.example/x\n",
       {"unresolved_attribution", "", {0, 0, 1, 29, 0, 0}},
       "Institut imaginaire"},
      {"source without url",
       "Texte.\n\n## Sources\n\n1. **Livre blanc** - Ouvrage\n",
       {"source_without_url", "", {0, 0, 5, 1, 0, 0}},
       "Livre blanc"},
  };
  for (const FindingCase& c : cases) {
    auto d = ParseDraft("f.md", c.markdown);
    ASSERT_OK(d);
    ASSERT_EQ(d->findings.size(), 1u) << c.name;
    const Finding& f = d->findings[0];
    EXPECT_EQ(f.code, c.want.code) << c.name;
    EXPECT_EQ(f.range.line, c.want.range.line) << c.name;
    EXPECT_EQ(f.range.column, c.want.range.column) << c.name;
    EXPECT_NE(f.message.find(c.message_part), std::string::npos) << c.name << ": " << f.message;
  }
}

struct ErrorCase {
  const char* name;
  std::string content;
  std::string message;
};

// Bad input is refused with the file and line and what is wrong.
TEST(ParseDraft, RejectsBadInputNamingFileAndLine) {
  const ErrorCase cases[] = {
      {"empty", "", "d.md:1: the draft is empty"},
      {"blank", "  \n\n\t\n", "d.md:1: the draft is empty"},
      {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
       "d.md:1: not a text file (binary content); expected Markdown"},
      {"invalid utf-8", "Titre\n\nCaf\xe9 cr\xe8me\n\n## Sources\n\n- https://a.example\n",
       "d.md:3: invalid UTF-8; save the draft as UTF-8"},
      {"no sources list", "# Titre\n\nEn 2024, 13 % des PME.\n",
       "d.md:4: no sources list: add a section such as \"## Sources\" listing the cited URLs"},
      {"malformed url", "Texte.\n\n## Sources\n\n1. **A**\n   - URL : htps//a.example/x\n",
       "d.md:6: source 1: malformed URL \"htps//a.example/x\""},
      {"not http", "Texte.\n\n## Sources\n\n1. **A**\n   - URL : ftp://a.example/x\n",
       "d.md:6: source 1: URL \"ftp://a.example/x\" is not http or https"},
      {"unclosed front matter", "---\ntitle: x\n\n# Titre\n",
       "d.md:1: front matter opened with \"---\" is never closed"},
      {"bad yaml", "---\ntitle: [unclosed\n---\n# T\n\n## Sources\n\n- https://a.example\n", ""},
      {"front matter not a map", "---\n- a\n- b\n---\n# T\n",
       "d.md:2: front matter must be a YAML mapping of keys to values"},
  };
  for (const ErrorCase& c : cases) {
    auto d = ParseDraft("d.md", c.content);
    ASSERT_FALSE(d.ok()) << c.name;
    EXPECT_EQ(d.status().code(), common::StatusCode::kInvalidArgument) << c.name;
    if (!c.message.empty()) {
      EXPECT_EQ(d.status().message(), c.message) << c.name;
    } else {
      EXPECT_EQ(d.status().message().rfind("d.md:", 0), 0u) << d.status().message();
    }
  }
}

TEST(LoadDraft, MissingFileNamesThePath) {
  testutil::TempDir dir;
  auto d = LoadDraft(dir.path() / "absent.md");
  EXPECT_EQ(d.status().code(), common::StatusCode::kNotFound);
  EXPECT_NE(d.status().message().find("absent.md"), std::string::npos);
}

// Columns count code points, so an accented line still points at the right character.
TEST(Draft, FileRangeCountsCodePoints) {
  Draft d;
  d.content = "éé x\nab";
  d.line_starts = {0, 7};
  Range r = d.FileRange(5, 6);  // "x"
  EXPECT_EQ(r, (Range{5, 6, 1, 4, 1, 5}));
  Range second = d.FileRange(8, 9);  // "b"
  EXPECT_EQ(second, (Range{8, 9, 2, 2, 2, 3}));
}

// Inline markup is removed from prose but every word keeps its place in the file.
TEST(Draft, ProseMapsBackThroughMarkup) {
  auto d = ParseDraft("m.md",
                      "Un **chiffre** de `12 %` et [un lien](https://a.example/x) &amp; fin.\n\n"
                      "## Sources\n\n- https://a.example/x\n");
  ASSERT_OK(d);
  const ProseBlock& b = d->blocks.front();
  EXPECT_EQ(b.text, "Un chiffre de 12 % et un lien & fin.");
  size_t at = b.text.find("12 %");
  Range r = d->RangeOf(b, at, at + 4);
  EXPECT_EQ(d->content.substr(r.begin, r.end - r.begin), "12 %");
  size_t fin = b.text.find("fin");
  Range rf = d->RangeOf(b, fin, fin + 3);
  EXPECT_EQ(d->content.substr(rf.begin, rf.end - rf.begin), "fin");
  ASSERT_EQ(d->links.size(), 2u);  // the inline link and the list's autolink
  EXPECT_EQ(d->links[0].text, "un lien");
  EXPECT_EQ(d->links[0].url, "https://a.example/x");
}

TEST(Draft, InlineLinkNotInTheListBecomesASource) {
  auto d = ParseDraft("m.md",
                      "Voir [cette étude](https://etude.example/r) : 8 % en 2022.\n\n"
                      "## Sources\n\n- https://a.example/x\n");
  ASSERT_OK(d);
  ASSERT_EQ(d->sources.size(), 2u);
  EXPECT_EQ(d->sources[1].url, "https://etude.example/r");
  EXPECT_EQ(d->sources[1].name, "cette étude");
  EXPECT_TRUE(d->sources[1].from_inline_link);
}

TEST(Draft, HtmlCommentsAndCodeAreNotProse) {
  auto d = ParseDraft(
      "m.md",
      "<!--\nScore : 97%\n-->\n\nTexte.\n\n```\n50 %\n```\n\n## Sources\n\n- https://a.example\n");
  ASSERT_OK(d);
  for (const ProseBlock& b : d->blocks) {
    EXPECT_EQ(b.text.find('%'), std::string::npos) << b.text;
  }
}

}  // namespace
}  // namespace citecheck::draft
