// Sources given outside a sources list, tested through ParseDraft.
#include <gtest/gtest.h>

#include "draft/draft.h"
#include "testutil/testutil.h"

namespace citecheck::draft {
namespace {

struct Brief {
  SourceOrigin origin;
  std::string label;
  std::string name;
  std::string url;
  bool operator==(const Brief&) const = default;
};

void PrintTo(const Brief& b, std::ostream* os) {
  *os << "{" << SourceOriginName(b.origin) << " '" << b.label << "' '" << b.name << "' " << b.url
      << "}";
}

std::vector<Brief> Briefs(const Draft& d) {
  std::vector<Brief> out;
  for (const SourceEntry& e : d.sources) out.push_back({e.origin, e.label, e.name, e.url});
  return out;
}

// Footnote definitions (cited ones, which cmark keeps, and orphans, which it drops)
// and reference-style definitions are sources; a definition repeating a list entry's
// URL is not listed twice.
TEST(SourceForms, FootnotesAndReferenceDefinitions) {
  const std::string md =
      "Un chiffre[^a] et un autre [2] et [un lien][insee].\n\n"
      "[^a]: Office statistique, *Enqu\xC3\xAAte*, mars 2024, https://stat.example/e\n"
      "[^orpheline]: Note jamais cit\xC3\xA9"
      "e https://orph.example/n\n\n"
      "[2]: https://deux.example/d \"Rapport deux\"\n"
      "[insee]: https://insee.example/r\n"
      "[dup]: https://stat.example/e\n";
  auto d = ParseDraft("f.md", md);
  ASSERT_OK(d);
  const std::vector<Brief> want = {
      {SourceOrigin::kFootnote, "a", "Office statistique, Enqu\xC3\xAAte, mars 2024",
       "https://stat.example/e"},
      {SourceOrigin::kFootnote, "orpheline",
       "Note jamais cit\xC3\xA9"
       "e",
       "https://orph.example/n"},
      {SourceOrigin::kReference, "2", "Rapport deux", "https://deux.example/d"},
      {SourceOrigin::kReference, "insee", "un lien", "https://insee.example/r"},
  };
  EXPECT_EQ(Briefs(*d), want);
  EXPECT_EQ(d->sources[0].date, "mars 2024");
  EXPECT_EQ(d->sources[0].range.line, 3);
  EXPECT_FALSE(d->has_sources_section);
  EXPECT_TRUE(d->findings.empty()) << d->findings.front().message;
}

// The front matter's "sources" sequence, of mappings or of strings, in order.
TEST(SourceForms, FrontMatterSources) {
  const std::string md =
      "---\n"
      "sources:\n"
      "  - name: Observatoire du v\xC3\xA9lo\n"
      "    url: https://velo.example/o\n"
      "    fiabilite: 8/10\n"
      "    date: 2024-05-02\n"
      "  - https://mairie.example/plan\n"
      "  - \"Enqu\xC3\xAAte mobilit\xC3\xA9 - https://mobilite.example/e\"\n"
      "---\n"
      "Texte.\n";
  auto d = ParseDraft("f.md", md);
  ASSERT_OK(d);
  const std::vector<Brief> want = {
      {SourceOrigin::kFrontMatter, "", "Observatoire du v\xC3\xA9lo", "https://velo.example/o"},
      {SourceOrigin::kFrontMatter, "", "mairie.example", "https://mairie.example/plan"},
      {SourceOrigin::kFrontMatter, "", "Enqu\xC3\xAAte mobilit\xC3\xA9",
       "https://mobilite.example/e"},
  };
  EXPECT_EQ(Briefs(*d), want);
  EXPECT_EQ(d->sources[0].declared_reliability, 8.0);
  ASSERT_TRUE(d->sources[0].parsed_date.has_value());
  EXPECT_EQ(d->sources[0].parsed_date->value, 20240502);
  EXPECT_EQ(d->sources[0].range.line, 3);
}

// A "**Sources :**" line opens a list as a heading would; prose after the list closes it.
TEST(SourceForms, SourcesLineOpensAList) {
  auto d = ParseDraft("f.md",
                      "Texte de 12 %.\n\n**Sources :**\n\n- **A** https://a.example/x\n"
                      "- **B** https://b.example/y\n\nEn conclusion, 40 % des cas.\n");
  ASSERT_OK(d);
  EXPECT_TRUE(d->has_sources_section);
  ASSERT_EQ(d->sources.size(), 2u);
  EXPECT_EQ(d->sources[1].name, "B");
  auto claims = ExtractClaims(*d);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[1].quantity.value, 40);
}

// A draft may cite only through links: no list is needed then. Without any source it
// is refused.
TEST(SourceForms, LinksAloneAreEnoughSources) {
  auto d = ParseDraft("f.md", "Selon [l'Insee](https://insee.example/t), 7 % des actifs.\n");
  ASSERT_OK(d);
  ASSERT_EQ(d->sources.size(), 1u);
  EXPECT_EQ(d->sources[0].origin, SourceOrigin::kInlineLink);
  EXPECT_TRUE(d->sources[0].from_inline_link);
  auto none = ParseDraft("f.md", "# Titre\n\nEn 2024, 13 % des PME.\n");
  EXPECT_FALSE(none.ok());
}

TEST(SourceForms, FrontMatterDate) {
  auto d = ParseDraft("f.md", "---\ndate: \"2025-07-30\"\n---\nTexte [l](https://a.example).\n");
  ASSERT_OK(d);
  ASSERT_TRUE(d->date.has_value());
  EXPECT_EQ(d->date->value, 20250730);
  auto fr = ParseDraft("f.md", "---\ndate: 30 juillet 2025\n---\nTexte [l](https://a.example).\n");
  ASSERT_OK(fr);
  ASSERT_TRUE(fr->date.has_value());
  EXPECT_EQ(fr->date->value, 20250730);
}

}  // namespace
}  // namespace citecheck::draft
