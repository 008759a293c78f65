// Placeholders and source counts, tested through ParseDraft.
#include <gtest/gtest.h>

#include "draft/draft.h"
#include "testutil/testutil.h"

namespace citecheck::draft {
namespace {

struct PlaceholderCase {
  const char* prose;
  std::vector<std::string> want;  // the placeholders found, as quoted in the messages
};

std::vector<std::string> Placeholders(const Draft& d) {
  std::vector<std::string> out;
  for (const Finding& f : d.findings) {
    if (f.code != "placeholder") continue;
    const size_t open = f.message.find('"');
    out.push_back(f.message.substr(open + 1, f.message.find('"', open + 1) - open - 1));
  }
  return out;
}

// Content left missing, each flagged where it is written.
TEST(Findings, Placeholders) {
  const PlaceholderCase cases[] = {
      {"[Autres sources conserv\xC3\xA9"
       "es \xC3\xA0 l'identique...]",
       {"[Autres sources conserv\xC3\xA9"
        "es \xC3\xA0 l'identique...]"}},
      {"Le d\xC3\xA9tail [...] suit.", {"[...]"}},
      {"Le ministre a dit \xC2\xAB les PME [...] h\xC3\xA9sitent \xC2\xBB hier.", {}},
      {"Le taux atteint XX % et le budget XX \xE2\x82\xAC.", {"XX %", "XX \xE2\x82\xAC"}},
      {"Un taux de X,X % est attendu.", {"X,X %"}},
      {"Le march\xC3\xA9 p\xC3\xA8se XX millions.", {"XX"}},
      {"TODO : ajouter le chiffre de l'OCDE.", {"TODO"}},
      {"Le chiffre [Ins\xC3\xA9rer le chiffre 2024] manque.", {"[Ins\xC3\xA9rer le chiffre 2024]"}},
      {"Lorem ipsum dolor sit amet.", {"Lorem ipsum dolor sit amet."}},
      {"Le XXe si\xC3\xA8"
       "cle et la TODOlist ne sont pas des trous.",
       {}},
      {"Voir [1] et [la note](https://a.example/x).", {}},
  };
  for (const PlaceholderCase& c : cases) {
    auto d = ParseDraft("p.md", std::string(c.prose) + "\n\n## Sources\n\n- https://a.example/x\n");
    ASSERT_OK(d);
    EXPECT_EQ(Placeholders(*d), c.want) << c.prose;
  }
}

TEST(Findings, PlaceholderRangeIsThePlaceholder) {
  auto d = ParseDraft(
      "p.md", "Le taux atteint XX % selon nos calculs.\n\n## Sources\n\n- https://a.example/x\n");
  ASSERT_OK(d);
  ASSERT_EQ(d->findings.size(), 1u);
  EXPECT_EQ(d->findings[0].range, d->FileRange(16, 20));
}

struct CountCase {
  const char* draft;
  std::vector<std::string> want;  // messages
};

// Source counts the draft gives of itself, checked against the listed sources.
TEST(Findings, SourceCounts) {
  const std::string list = "\n## Sources\n\n- https://a.example/1\n- https://b.example/2\n";
  const CountCase cases[] = {
      {"---\nsources: 2\n---\nTexte.\n", {}},
      {"---\nsources: 3\n---\nTexte.\n",
       {"the front matter declares 3 sources but the sources list has 2"}},
      {"---\ndescription: \"Analyse bas\xC3\xA9"
       "e sur 3 sources v\xC3\xA9rifi\xC3\xA9"
       "es\"\n---\nTexte.\n",
       {"the front matter's description says 3 sources but the sources list has 2"}},
      {"Cette analyse, bas\xC3\xA9"
       "e sur trois sources, fait le point.\n",
       {"the text says 3 sources but the sources list has 2"}},
      {"This article draws on two sources.\n", {}},
      {"Les trois sources d'\xC3\xA9nergie du pays.\n", {}},
  };
  for (const CountCase& c : cases) {
    auto d = ParseDraft("n.md", std::string(c.draft) + list);
    ASSERT_OK(d);
    std::vector<std::string> got;
    for (const Finding& f : d->findings) got.push_back(f.message);
    EXPECT_EQ(got, c.want) << c.draft;
  }
}

struct EnumerationCase {
  const char* draft;
  bool mismatch;
};

// A count that announces a list must match the list's top-level items.
TEST(Findings, EnumerationCounts) {
  const std::string list = "\n## Sources\n\n- https://a.example/1\n";
  const EnumerationCase cases[] = {
      {"Voici trois actions :\n\n1. Un\n2. Deux\n3. Trois\n", false},
      {"Voici trois actions :\n\n1. Un\n2. Deux\n3. Trois\n4. Quatre\n", true},
      {"Four steps:\n\n- One\n  - detail\n  - detail\n- Two\n- Three\n- Four\n", false},
      {"Il y a deux publics :\n\n- Les artisans\n", true},
      {"En 2024 :\n\n- Un\n- Deux\n", false},
      {"Trois actions, puis ceci :\n\n- Un\n", false},
  };
  for (const EnumerationCase& c : cases) {
    auto d = ParseDraft("e.md", std::string(c.draft) + list);
    ASSERT_OK(d);
    bool found = false;
    for (const Finding& f : d->findings) found = found || f.code == "enumeration_mismatch";
    EXPECT_EQ(found, c.mismatch) << c.draft;
  }
}

}  // namespace
}  // namespace citecheck::draft
