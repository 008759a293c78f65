#include <gtest/gtest.h>

#include <algorithm>

#include "draft/claim_summary.h"
#include "draft/draft.h"
#include "testutil/testutil.h"

namespace citecheck::draft {
namespace {

std::vector<Claim> ClaimsOf(std::string_view markdown) {
  auto d = ParseDraft("t.md", markdown);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  if (!d.ok()) return {};
  return ExtractClaims(*d);
}

std::vector<std::string> Texts(const std::vector<Claim>& claims) {
  std::vector<std::string> out;
  for (const Claim& c : claims) out.push_back(c.quantity.text);
  return out;
}

std::vector<int> Lines(const Claim& c) {
  std::vector<int> out;
  for (const Mention& m : c.mentions) out.push_back(m.range.line);
  return out;
}

constexpr char kSources[] =
    "\n## Sources\n\n1. **Institut des transports** - Rapport\n"
    "   - URL : https://transports.example/rapport\n"
    "   - Fiabilité : 8/10\n";

// The same fact stated three times, rephrased, is one claim with three mentions; the
// year that frames it qualifies it rather than making a claim of its own.
TEST(ExtractClaims, GroupsMentionsOfOneFactAndKeepsTheYearAsQualifier) {
  std::string md =
      "En 2022, 17 % des salariés ont utilisé les transports en commun (Source : Institut des "
      "transports).\n\n"
      "Le chiffre est connu : 17 % des salariés utilisent les transports en commun.\n\n"
      "Rappelons qu'en 2022, 17 % des salariés prenaient les transports en commun.\n" +
      std::string(kSources);
  auto claims = ClaimsOf(md);
  ASSERT_EQ(claims.size(), 1u) << ::testing::PrintToString(Texts(claims));
  const Claim& c = claims[0];
  EXPECT_EQ(c.id, "c1");
  EXPECT_EQ(c.quantity.kind, text::QuantityKind::kPercent);
  EXPECT_EQ(c.quantity.value, 17);
  EXPECT_EQ(Lines(c), (std::vector<int>{1, 3, 5}));
  ASSERT_EQ(c.qualifiers.size(), 1u);
  EXPECT_EQ(c.qualifiers[0].kind, text::QuantityKind::kYear);
  EXPECT_EQ(c.qualifiers[0].value, 2022);
  EXPECT_EQ(c.sources, std::vector<int>{0});
  EXPECT_FALSE(c.negated);
  EXPECT_EQ(c.mentions[0].range.column, 10);
  EXPECT_EQ(c.mentions[0].range.end_column, 14);
}

TEST(ExtractClaims, SameFigureAboutDifferentThingsStaysApart) {
  std::string md =
      "Le taux de chômage atteint 7 % dans la région.\n\n"
      "Les prix des loyers ont augmenté de 7 % en un an.\n" +
      std::string(kSources);
  auto claims = ClaimsOf(md);
  EXPECT_EQ(claims.size(), 2u);
}

TEST(ExtractClaims, YearAloneIsAClaim) {
  auto claims =
      ClaimsOf("Le plan national a été lancé en 2019 par le ministère.\n" + std::string(kSources));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quantity.kind, text::QuantityKind::kYear);
  EXPECT_EQ(claims[0].quantity.value, 2019);
  EXPECT_TRUE(claims[0].qualifiers.empty());
}

TEST(ExtractClaims, NumberInWordsIsAClaim) {
  auto claims = ClaimsOf(
      "Le programme repose sur cinq piliers : former, équiper, financer, "
      "mesurer et partager.\n" +
      std::string(kSources));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].quantity.kind, text::QuantityKind::kCount);
  EXPECT_EQ(claims[0].quantity.value, 5);
  EXPECT_TRUE(claims[0].quantity.in_words);
}

TEST(ExtractClaims, NegationIsKept) {
  auto claims = ClaimsOf(
      "64 % des communes ne disposent pas de piste cyclable.\n\n"
      "Only 12% of towns do not publish their budget.\n" +
      std::string(kSources));
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_TRUE(claims[0].negated);
  EXPECT_TRUE(claims[1].negated);
}

// What is not a claim: front matter, HTML comments, code, the article counting its own
// parts, list numbering, ratings and reading times, section numbers, the sources list.
TEST(ExtractClaims, SkipsNumbersThatAreNotClaims) {
  std::string md =
      "---\nreadingTime: \"6 min\"\nsources: 1\n---\n"
      "<!-- Score qualité : 95% -->\n\n"
      "## 1. Contexte\n\n"
      "Cette analyse, basée sur deux sources, fait le point.\n\n"
      "Voici trois conseils pour agir :\n\n"
      "1. **Mesurer** d'abord.\n2. **Agir** ensuite.\n\n"
      "```\nratio = 40 %\n```\n\n"
      "Fiabilité globale : 8/10.\n\n"
      "Temps de lecture : 6 min.\n" +
      std::string(kSources);
  auto claims = ClaimsOf(md);
  EXPECT_TRUE(claims.empty()) << ::testing::PrintToString(Texts(claims));
}

TEST(ExtractClaims, AttributionAppliesToTheParagraphAndTheGroup) {
  std::string md =
      "Le réseau compte 1 200 kilomètres de voies. Il dessert 45 communes (Source : Institut des "
      "transports).\n" +
      std::string(kSources);
  auto claims = ClaimsOf(md);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].quantity.value, 1200000);  // in metres
  EXPECT_EQ(claims[0].quantity.unit, "m");
  EXPECT_EQ(claims[0].sources, std::vector<int>{0});  // paragraph-level attribution
  EXPECT_EQ(claims[1].sources, std::vector<int>{0});  // its own sentence
}

struct NotClaimCase {
  const char* name;
  const char* markdown;  // a sources list is appended
};

// What is not a claim, one case per rule of ExtractClaims' contract.
TEST(ExtractClaims, NumbersThatAreNotClaims) {
  const NotClaimCase cases[] = {
      {"html comment", "Texte <!-- Score : 97% --> sans chiffre.\n"},
      {"html comment block", "<!--\nScore int\xC3\xA9grit\xC3\xA9 : 0.0%\n-->\n"},
      {"declared score", "Score conversationnel : 97 %\n"},
      {"declared rating", "Note de fiabilit\xC3\xA9 : 8/10\n"},
      {"reading time", "7 min de lecture\n"},
      {"reading time en", "Reading time: 6 minutes\n"},
      {"section number", "## 2. M\xC3\xA9thode\n\nTexte.\n"},
      {"step heading", "## \xC3\x89tape 3 : agir\n\nTexte.\n"},
      {"heading dates its topic", "# Le t\xC3\xA9l\xC3\xA9travail en 2024\n\nTexte.\n"},
      {"list numbering", "1. Mesurer.\n2. Agir.\n3. Suivre.\n"},
      {"citation markers", "Le constat est partag\xC3\xA9 [3], [1, 2].\n"},
      {"footnote reference",
       "Le constat est partag\xC3\xA9[^1].\n\n[^1]: Rapport 2023, https://n.example/r\n"},
      {"source line", "Texte.\n\nSource : Insee, enqu\xC3\xAAte 2023\n"},
      {"self count",
       "Cette analyse, bas\xC3\xA9"
       "e sur trois sources, fait le point.\n"},
      {"voici", "Voici trois conseils pour agir.\n"},
      {"here are", "Here are five tips to start.\n"},
      {"code", "```\nratio = 40 %\n```\n"},
      {"inline code", "La variable `n = 12` est lue.\n"},
      {"ordinal in words", "Le premier constat est simple.\n"},
  };
  for (const NotClaimCase& c : cases) {
    auto claims = ClaimsOf(std::string(c.markdown) + kSources);
    EXPECT_TRUE(claims.empty()) << c.name << ": " << ::testing::PrintToString(Texts(claims));
  }
}

struct PhraseCase {
  text::Lang lang;
  const char* sentence;
  const char* figure;  // the claim's quantity text
  const char* subject;
  const char* predicate;
  bool negated;
};

// Subject, predicate and polarity of a figure in its clause (ClaimsOfText).
TEST(ExtractClaims, SubjectPredicateAndPolarity) {
  const PhraseCase cases[] = {
      {text::Lang::kFr,
       "En 2024, seules 13 % des PME ont int\xC3\xA9gr\xC3\xA9 l'IA, selon la CCI.", "13 %",
       "des PME", "ont int\xC3\xA9gr\xC3\xA9 l'IA", false},
      {text::Lang::kFr, "Le taux de ch\xC3\xB4mage atteint 7,3 % dans la r\xC3\xA9gion.", "7,3 %",
       "Le taux de ch\xC3\xB4mage", "atteint 7,3 % dans la r\xC3\xA9gion", false},
      {text::Lang::kFr, "87 % des PME n'utilisent pas encore l'IA : pourquoi ?", "87 %", "des PME",
       "n'utilisent pas encore l'IA", true},
      {text::Lang::kFr, "Les pistes ne couvrent plus que 40 % des rues.", "40 %", "des rues",
       "ne couvrent plus que", false},
      {text::Lang::kFr, "64 % des communes ne disposent pas de piste, mais 20 % en ont une.",
       "64 %", "des communes", "ne disposent pas de piste", true},
      {text::Lang::kFr, "64 % des communes ne disposent pas de piste, mais 20 % en ont une.",
       "20 %", "", "en ont une", false},
      {text::Lang::kFr, "Le budget a \xC3\xA9t\xC3\xA9 multipli\xC3\xA9 par trois depuis 2020.",
       "multipli\xC3\xA9 par trois", "Le budget",
       "a \xC3\xA9t\xC3\xA9 multipli\xC3\xA9 par trois depuis 2020", false},
      {text::Lang::kEn, "Nearly 40% of rural households still lack a fast connection.",
       "Nearly 40%", "of rural households", "still lack a fast connection", false},
      {text::Lang::kEn, "Only 12% of towns do not publish their budget.", "12%", "of towns",
       "do not publish their budget", true},
      {text::Lang::kEn,
       "In 2023, a typical plan cost \xC2\xA3"
       "30 a month.",
       "\xC2\xA3"
       "30",
       "a typical plan",
       "cost \xC2\xA3"
       "30 a month",
       false},
  };
  for (const PhraseCase& c : cases) {
    const std::vector<Claim> claims = ClaimsOfText(c.sentence, c.lang);
    auto it = std::find_if(claims.begin(), claims.end(),
                           [&](const Claim& x) { return x.quantity.text == c.figure; });
    ASSERT_NE(it, claims.end()) << c.sentence << ": " << ::testing::PrintToString(Texts(claims));
    EXPECT_EQ(it->subject, c.subject) << c.sentence;
    EXPECT_EQ(it->predicate, c.predicate) << c.sentence;
    EXPECT_EQ(it->negated, c.negated) << c.sentence;
  }
}

// Each mention keeps the citations that back it: those of its sentence (footnote,
// bracketed number, link, named source), else its paragraph's, else those of a
// "Source :" line right after the paragraph. "selon [le recensement](...)" both names
// and links its source.
TEST(ExtractClaims, CitationsOfEachMention) {
  const std::string md =
      "En 2023, 28 % des salari\xC3\xA9s t\xC3\xA9l\xC3\xA9travaillaient[^ons]. Seuls 12 % des "
      "employeurs l'interdisent [2].\n\n"
      "Environ 1,2 million de personnes ont d\xC3\xA9m\xC3\xA9nag\xC3\xA9 selon "
      "[le recensement](https://recensement.example/r).\n\n"
      "Les espaces partag\xC3\xA9s sont pass\xC3\xA9s \xC3\xA0 2 500 en 2024.\n\n"
      "Source : Observatoire des tiers-lieux\n\n"
      "## Sources\n\n"
      "1. **Observatoire des tiers-lieux** - https://tiers-lieux.example/obs\n"
      "2. **Enqu\xC3\xAAte employeurs** - https://employeurs.example/e\n\n"
      "[^ons]: Office statistique, 2024, https://stat.example/teletravail\n";
  auto claims = ClaimsOf(md);
  std::vector<std::vector<std::string>> cites;
  for (const Claim& c : claims) cites.push_back(Summarize(c).citations.at(0));
  const std::vector<std::vector<std::string>> want = {
      {"footnote 'ons' -> 2"},
      {"number '2' -> 1"},
      {"named 'recensement' -> 3", "link 'https://recensement.example/r' -> 3"},
      {"named 'Observatoire des tiers-lieux' -> 0"},
  };
  EXPECT_EQ(cites, want) << ::testing::PrintToString(Texts(claims));
  ASSERT_EQ(claims.size(), 4u);
  EXPECT_EQ(claims[0].sources, std::vector<int>{2});
  EXPECT_EQ(claims[3].qualifiers.at(0).text, "2024");
}

// A count followed by a colon announces items: inline ("quatre axes : A, B, C et D")
// or as the list after the paragraph.
TEST(ExtractClaims, ItemsACountAnnounces) {
  auto inline_items = ClaimsOfText(
      "Le plan compte trois volets : former, \xC3\xA9quiper et financer.", text::Lang::kFr);
  ASSERT_EQ(inline_items.size(), 1u);
  EXPECT_EQ(inline_items[0].items,
            (std::vector<std::string>{"former", "\xC3\xA9quiper", "financer"}));
  auto listed = ClaimsOf(
      "Le programme vise deux publics :\n\n- Les artisans (sur demande)\n  - sous-point\n"
      "- Les commer\xC3\xA7"
      "ants : accompagnement\n" +
      std::string(kSources));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].items, (std::vector<std::string>{"Les artisans",
                                                       "Les commer\xC3\xA7"
                                                       "ants"}));
}

struct GroupCase {
  const char* name;
  const char* first;
  const char* second;
  bool same_fact;
};

// When two mentions of an equal figure are one fact.
TEST(ExtractClaims, SameFactOrNot) {
  const GroupCase cases[] = {
      {"rephrased, shared context", "En 2022, 17 % des salari\xC3\xA9s prenaient le train.",
       "Rappelons que 17 % des salari\xC3\xA9s prennent le train.", true},
      {"distinctive figure, kin subjects", "87 % des PME n'utilisent pas l'IA.",
       "Quand 87 % des entreprises n'ont pas saut\xC3\xA9 le pas, il faut agir.", true},
      {"parts of one plan", "L'aide couvre quatre domaines cl\xC3\xA9s.",
       "La CCI a structur\xC3\xA9 son approche en quatre phases progressives.", true},
      {"different subjects", "Le taux de ch\xC3\xB4mage atteint 7 % dans la r\xC3\xA9gion.",
       "Les prix des loyers ont augment\xC3\xA9 de 7 % en un an.", false},
      {"round figure, kin subjects, nothing else shared", "50 % des PME exportent.",
       "50 % des entreprises recrutent des alternants.", false},
      {"opposite polarity", "87 % des PME utilisent un ERP.", "87 % des PME n'utilisent pas l'IA.",
       false},
      {"small counts of other things", "Trois usines ont ferm\xC3\xA9.",
       "Trois salari\xC3\xA9s ont \xC3\xA9t\xC3\xA9 primés.", false},
  };
  for (const GroupCase& c : cases) {
    auto claims = ClaimsOf(std::string(c.first) + "\n\n" + c.second + "\n" + kSources);
    EXPECT_EQ(claims.size(), c.same_fact ? 1u : 2u)
        << c.name << ": " << ::testing::PrintToString(Texts(claims));
  }
}

// The first seed (../shared/seeds/000_...): every claim, exactly. The 13 % / 2024 fact
// is one claim with its three mentions, each attributed to the CCI source (by "selon"
// on line 17, by "(Source : ...)" on lines 23 and 35); "En 2024" qualifies it. The
// 2025 mission is one claim (its first mention, in the introduction, cites nothing
// itself). "quatre axes" is a count in words, followed by the four items it counts.
// Not claims: the front matter (reading time, "sources: 3", the description's "3
// sources"), "trois sources" (the article counting itself), list numbering, dates and
// ratings of the sources list.
TEST(Seeds, FirstDraftClaimsExactly) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  auto d = LoadDraft(*shared / "seeds" / "000_fffab15786d37f22.txt");
  ASSERT_OK(d);
  const std::string cci = "named 'CCI Provence-Alpes-C\xC3\xB4te d'Azur' -> 0";
  const std::vector<ClaimSummary> want = {
      {"percent 13 '13%'",
       {"2024"},
       false,
       {0},
       {"17:17-17:20", "23:235-23:238", "35:267-35:270"},
       "des TPE et PME fran\xC3\xA7"
       "aises",
       "ont int\xC3\xA9gr\xC3\xA9 une solution d'intelligence artificielle dans leurs "
       "activit\xC3\xA9s",
       {},
       {{cci}, {cci}, {cci}}},
      {"year 2025 '2025'",
       {},
       false,
       {0},
       {"19:515-19:519", "27:243-27:247", "39:86-39:90"},
       "la mission nationale confi\xC3\xA9"
       "e au r\xC3\xA9seau des CCI",
       "",
       {},
       {{}, {cci}, {cci}}},
      {"count 4 'quatre'",
       {},
       false,
       {0},
       {"27:284-27:290", "39:235-39:241"},
       "axes principaux",
       "s'articule autour de",
       {"l'apprivoisement", "l'adoption", "la ma\xC3\xAEtrise",
        "la s\xC3\xA9"
        "curisation de l'IA g\xC3\xA9n\xC3\xA9rative par les entrepreneurs"},
       {{cci}, {cci}}},
  };
  const std::vector<Claim> claims = ExtractClaims(*d);
  EXPECT_EQ(SummarizeAll(claims), want);
  for (size_t i = 0; i < claims.size(); ++i) {
    EXPECT_EQ(claims[i].id, "c" + std::to_string(i + 1));
    EXPECT_TRUE(claims[i].has_figure);
  }
  EXPECT_TRUE(d->findings.empty()) << d->findings.front().message;
}

// The second seed (001_...): the rewrite. "87 %" (title, line 8) and "quand 87 % des
// entreprises n'ont pas encore sauté le pas" (line 26) are one negative fact: the same
// distinctive figure, the same polarity, subjects of one kind (PME / entreprises). It
// is not merged with 13 %, from which it derives by complement: that is the verifier's
// business. "quatre domaines clés" (followed by a list of four) and "quatre phases
// progressives" restate one structure. Not claims: everything in the opening HTML
// comment (scores, date), "trois actions concrètes" (the article counting itself),
// list numbering, the rating of the one listed source. Nothing is attributed: the
// prose names no source for any figure.
TEST(Seeds, SecondDraftClaimsExactly) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  auto d = LoadDraft(*shared / "seeds" / "001_e691c1189ca58ec0.txt");
  ASSERT_OK(d);
  const std::vector<ClaimSummary> want = {
      {"percent 87 '87%'",
       {},
       true,
       {},
       {"8:3-8:6", "26:153-26:156"},
       "des PME fran\xC3\xA7"
       "aises",
       "n'utilisent pas encore l'IA",
       {},
       {{}, {}}},
      {"percent 13 '13%'",
       {"2024"},
       false,
       {},
       {"10:163-10:166", "16:37-16:40"},
       "des TPE et PME fran\xC3\xA7"
       "aises",
       "ont franchi le pas de l'IA",
       {},
       {{}, {}}},
      {"year 2025 '2025'",
       {},
       false,
       {},
       {"18:145-18:149"},
       "la CCI",
       "vient de recevoir une mission nationale sp\xC3\xA9"
       "cifique pour 2025",
       {},
       {{}}},
      {"count 4 'quatre'",
       {},
       false,
       {},
       {"18:212-18:218", "28:86-28:92"},
       "domaines cl\xC3\xA9s",
       "",
       {"L'apprivoisement de l'IA", "Son adoption", "Sa ma\xC3\xAEtrise",
        "Sa s\xC3\xA9"
        "curisation"},
       {{}, {}}},
  };
  EXPECT_EQ(SummarizeAll(ExtractClaims(*d)), want);
  ASSERT_EQ(d->findings.size(), 1u);
  EXPECT_EQ(d->findings[0].code, "placeholder");
  EXPECT_EQ(d->findings[0].range.line, 53);
  EXPECT_EQ(d->findings[0].range.column, 1);
  ASSERT_EQ(d->sources.size(), 1u);
  EXPECT_EQ(d->sources[0].declared_reliability, 8.0);
}

}  // namespace
}  // namespace citecheck::draft

namespace citecheck::draft {
namespace {

TEST(ClaimsOfText, OneClaimPerFigure) {
  std::vector<Claim> claims =
      ClaimsOfText("En 2023, 41 % des ménages triaient leurs déchets et 12 % les compostaient.",
                   text::Lang::kFr);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_TRUE(claims[0].has_figure);
  EXPECT_EQ(claims[0].quantity.value, 41);
  EXPECT_EQ(claims[1].quantity.value, 12);
  EXPECT_EQ(claims[0].qualifiers.at(0).value, 2023);
  EXPECT_EQ(claims[0].mentions.at(0).range.column, 10);
}

// A statement without a figure is still a claim, checked on its words alone.
TEST(ClaimsOfText, StatementWithoutFigureIsOneClaim) {
  std::vector<Claim> claims =
      ClaimsOfText("The company was founded by two brothers from Ohio.", text::Lang::kEn);
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0];
  // "two" is a figure: the claim is about it.
  EXPECT_TRUE(c.has_figure);
  std::vector<Claim> none =
      ClaimsOfText("The museum did not reopen after the storm.", text::Lang::kEn);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_FALSE(none[0].has_figure);
  EXPECT_TRUE(none[0].negated);
  EXPECT_EQ(none[0].context, (std::vector<std::string>{"museum", "reopen", "storm"}));
  EXPECT_EQ(none[0].mentions.at(0).range.line, 1);
}

}  // namespace
}  // namespace citecheck::draft
