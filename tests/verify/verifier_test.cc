#include <gtest/gtest.h>

#include <cmath>

#include "draft/draft.h"
#include "index/index.h"
#include "testutil/testutil.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

using text::Lang;

constexpr char kSourceA[] = "https://a.example/etude";
constexpr char kSourceB[] = "https://b.example/rapport";

// The first claim of a one-paragraph draft citing source A (and listing B).
draft::Claim ClaimOf(const std::string& sentence, Lang lang = Lang::kFr) {
  std::string md = "---\nlang: " + std::string(text::LangCode(lang)) + "\n---\n" + sentence +
                   "\n\n## Sources\n\n1. **Etude A**\n   - URL : " + kSourceA +
                   "\n2. **Rapport B**\n   - URL : " + kSourceB + "\n";
  auto d = draft::ParseDraft("t.md", md);
  EXPECT_TRUE(d.ok()) << d.status().ToString();
  auto claims = draft::ExtractClaims(*d);
  EXPECT_FALSE(claims.empty()) << sentence;
  return claims.empty() ? draft::Claim{} : claims.front();
}

class VerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = index::Index::InMemory();
    ASSERT_OK(index);
    index_ = std::move(*index);
  }

  void AddSource(const std::string& url, const std::vector<std::string>& paragraphs,
                 Lang lang = Lang::kFr) {
    index::SourceDocument d;
    d.url = url;
    d.lang = lang;
    for (const std::string& p : paragraphs) {
      if (!d.text.empty()) d.text += "\n\n";
      d.passages.push_back({d.text.size(), d.text.size() + p.size()});
      d.text += p;
    }
    ASSERT_OK(index_->Replace(d));
  }

  // Source A cited and readable, B listed and readable unless told otherwise.
  std::vector<SourceState> States(bool b_readable = true) {
    return {{0, kSourceA, true, true, ""},
            {1, kSourceB, false, b_readable, b_readable ? "" : "HTTP 404 Not Found"}};
  }

  Verdict Check(const std::string& sentence, Lang lang = Lang::kFr) {
    Verifier v(*index_, config_);
    return v.Verify(ClaimOf(sentence + " (Source : Etude A).", lang), States(), lang);
  }

  // A statement without a figure, checked against source A alone.
  Verdict CheckStatement(const std::string& sentence, Lang lang = Lang::kFr) {
    std::vector<draft::Claim> claims = draft::ClaimsOfText(sentence, lang);
    EXPECT_EQ(claims.size(), 1u);
    EXPECT_FALSE(claims.at(0).has_figure);
    Verifier v(*index_, config_);
    return v.Verify(claims.at(0), {{0, kSourceA, true, true, ""}}, lang);
  }

  common::VerifyConfig config_;
  std::unique_ptr<index::Index> index_;
};

// Same figure, same subject: supported, with the passage and the figure located.
TEST_F(VerifierTest, SameFigureAboutTheSameThingIsSupported) {
  AddSource(kSourceA, {"Sommaire de l'étude.",
                       "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail."});
  Verdict v = Check("En 2024, 28 % des actifs ont utilisé un vélo pour aller au travail");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_GE(v.support, 0.5);
  EXPECT_EQ(v.source, 0);
  ASSERT_EQ(v.evidence.size(), 1u);
  const Evidence& e = v.evidence[0];
  EXPECT_EQ(e.url, kSourceA);
  EXPECT_EQ(e.text, "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail.");
  const size_t start = std::string("Sommaire de l'étude.\n\n").size();
  EXPECT_EQ(e.start, start);
  EXPECT_EQ(e.end, start + e.text.size());
  EXPECT_EQ(e.figure, "28 %");
  EXPECT_EQ(e.figure_start, start + 9);
  EXPECT_EQ(e.figure_end, start + 13);
}

// Rounding within the stated precision is agreement: 12.8 % is "13 %".
TEST_F(VerifierTest, FigureWithinStatedPrecisionIsSupported) {
  AddSource(kSourceA,
            {"Au total, 12,8 % des petites entreprises ont adopté un logiciel de paie en ligne."});
  EXPECT_EQ(Check("13 % des petites entreprises ont adopté un logiciel de paie en ligne").kind,
            VerdictKind::kSupported);
}

// A matching figure alone is not support: the context must match too.
TEST_F(VerifierTest, NumberMatchAloneIsNotSupport) {
  AddSource(kSourceA, {"28 % des ventes de la boutique concernent des accessoires de cuisine."});
  Verdict v = Check("28 % des actifs ont utilisé un vélo pour aller au travail");
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  EXPECT_LT(v.support, 0.5);
}

TEST_F(VerifierTest, DifferentFigureAboutTheSameThingIsContradicted) {
  AddSource(kSourceA,
            {"En 2023, les ventes de vélos à assistance électrique ont atteint 738 000 unités."});
  Verdict v =
      Check("En 2023, les ventes de vélos à assistance électrique ont atteint 910 000 unités");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_LT(v.support, 0.5);
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_EQ(v.evidence[0].figure, "738 000");
  EXPECT_NE(v.reason.find("738 000"), std::string::npos);
}

// The trap: companies that consider AI are not companies that adopted it.
TEST_F(VerifierTest, IntentionDoesNotSupportAnAchievement) {
  AddSource(kSourceA, {"13 % des TPE et PME françaises envisagent d'intégrer une solution "
                       "d'intelligence artificielle dans leurs activités."});
  Verdict v = Check(
      "13 % des TPE et PME françaises ont intégré une solution d'intelligence "
      "artificielle dans leurs activités");
  EXPECT_NE(v.kind, VerdictKind::kSupported) << v.reason;
}

// 87 % who do not = 100 % - 13 % who do, with the polarity flipped.
TEST_F(VerifierTest, ComplementWithFlippedPolarityIsSupported) {
  AddSource(kSourceA, {"En 2024, 13 % des PME françaises utilisent l'intelligence artificielle."});
  Verdict v = Check("87 % des PME françaises n'utilisent pas l'intelligence artificielle");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.derivation, "complement");
  EXPECT_EQ(v.evidence.at(0).figure, "13 %");
}

TEST_F(VerifierTest, ComplementWithoutPolarityFlipIsNotSupport) {
  AddSource(kSourceA, {"13 % des PME françaises utilisent l'intelligence artificielle."});
  Verdict v = Check("87 % des PME françaises utilisent l'intelligence artificielle");
  EXPECT_NE(v.kind, VerdictKind::kSupported) << v.reason;
}

// The year that frames the claim must agree when the passage dates its figure.
TEST_F(VerifierTest, FigureOfAnotherYearIsNotSupport) {
  AddSource(kSourceA, {"En 2021, 28 % des actifs ont utilisé un vélo pour se rendre au travail."});
  Verdict v = Check("En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail");
  EXPECT_NE(v.kind, VerdictKind::kSupported) << v.reason;
}

TEST_F(VerifierTest, EnglishClaimsAreMatchedToo) {
  AddSource(kSourceA, {"In 2023, about 41% of households recycled their food waste."}, Lang::kEn);
  Verdict v = Check("In 2023, 41% of households recycled their food waste", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
}

// When the cited source says nothing, another listed source may back the claim, and
// the reason says it is not the cited one.
TEST_F(VerifierTest, OtherSourceCanSupportAndSaysSo) {
  AddSource(kSourceA, {"Une page sans rapport avec le sujet."});
  AddSource(kSourceB, {"Le parc compte 1 200 bornes de recharge publiques."});
  Verdict v = Check("Le parc compte 1 200 bornes de recharge publiques");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.source, 1);
  EXPECT_NE(v.reason.find("not the source the claim cites"), std::string::npos);
}

// A claim whose cited source cannot be read is unverifiable, whatever the other
// sources hold; the reason names the cited source and why.
TEST_F(VerifierTest, UnreadableCitedSourceMakesAClaimUnverifiable) {
  AddSource(kSourceB, {"Une page qui parle d'autre chose."});
  Verifier verifier(*index_, config_);
  std::vector<SourceState> states = {
      {0, kSourceA, true, false, "DNS failure: could not resolve host a.example"},
      {1, kSourceB, false, true, ""}};
  Verdict v = verifier.Verify(ClaimOf("Le parc compte 1 200 bornes (Source : Etude A)."), states,
                              Lang::kFr);
  EXPECT_EQ(v.kind, VerdictKind::kUnverifiable);
  EXPECT_EQ(v.support, 0);
  EXPECT_TRUE(v.evidence.empty());
  EXPECT_EQ(v.reason,
            "the cited source could not be read: source 1: DNS failure: could not resolve host "
            "a.example; the other sources do not state it");
}

TEST_F(VerifierTest, ClaimCitingNothingIsUnverifiableWhenNoSourceCanBeRead) {
  Verifier verifier(*index_, config_);
  std::vector<SourceState> states = {
      {0, kSourceA, false, false, "DNS failure: could not resolve host a.example"},
      {1, kSourceB, false, false, "HTTP 404 Not Found"}};
  Verdict v = verifier.Verify(ClaimOf("Le parc compte 1 200 bornes."), states, Lang::kFr);
  EXPECT_EQ(v.kind, VerdictKind::kUnverifiable);
  EXPECT_EQ(v.reason,
            "no source could be read: source 1: DNS failure: could not resolve host a.example; "
            "source 2: HTTP 404 Not Found");
}

// Unit and scale: "1,2 million" is "1 200 000".
TEST_F(VerifierTest, ScaleWordsMatchDigits) {
  AddSource(kSourceA, {"Le réseau compte 1 200 000 abonnés au service de vélos en libre-service."});
  Verdict v = Check("Le réseau compte 1,2 million d'abonnés au service de vélos en libre-service");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.evidence.at(0).figure, "1 200 000");
}

// Measures compare in base units: kilometres meet metres, Fahrenheit meets Celsius, and
// another temperature of the same thing contradicts the claim.
TEST_F(VerifierTest, MeasuresCompareInBaseUnits) {
  AddSource(kSourceA, {"La nouvelle piste cyclable du canal mesure 12 500 mètres de long."});
  Verdict v = Check("La nouvelle piste cyclable du canal mesure 12,5 km de long");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.evidence.at(0).figure, "12 500 mètres");
  AddSource(kSourceA, {"The highest air temperature measured in the valley in July was 140°F."},
            Lang::kEn);
  v = Check("The highest air temperature measured in the valley in July was 60 °C.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  AddSource(kSourceA, {"La température de l'air la plus élevée mesurée en avril en Inde est de "
                       "47,4 °C."});
  v = Check(
      "La température de l'air la plus élevée mesurée en avril en Inde est de 62 degrés "
      "Celsius.");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_EQ(v.evidence.at(0).figure, "47,4 °C");
}

// A time frame is part of the fact: a figure measured a month after an event does
// not back the same figure a year after it, and the same frame in other words does.
TEST_F(VerifierTest, FigureInAnotherTimeFrameIsNotSupport) {
  AddSource(kSourceA, {"Un mois après la vaccination, 94 % des sujets présentaient une "
                       "agrégation de globules rouges."});
  Verdict v = Check(
      "Un an après la vaccination, 94 % des sujets présentaient une agrégation de "
      "globules rouges");
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  v = Check(
      "Une semaine après la vaccination, 94 % des sujets présentaient une agrégation de "
      "globules rouges");
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  v = Check(
      "Trente jours après la vaccination, 94 % des sujets présentaient une agrégation de "
      "globules rouges");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  AddSource(kSourceA, {"Two years after the reform, 40% of the towns had a bike lane."}, Lang::kEn);
  v = Check("24 months after the reform, 40% of the towns had a bike lane.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  v = Check("Two weeks after the reform, 40% of the towns had a bike lane.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
}

// A negated verb of preventing affirms what follows it ("n'empêche pas de transmettre"),
// unless the claim uses such a verb itself ("stopped" against "did not stop").
TEST_F(VerifierTest, NegatedPreventingVerbAffirms) {
  AddSource(kSourceA, {"Le centre de Lille ne refuse pas les dons de sang des personnes "
                       "vaccinées contre la grippe."});
  Verdict v = CheckStatement(
      "Le centre de Lille accepte les dons de sang des personnes vaccinées contre "
      "la grippe");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  v = CheckStatement(
      "Le centre de Lille ne prend plus les dons de sang des personnes vaccinées contre "
      "la grippe");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_EQ(v.reason.find("affirms what the claim negates") != std::string::npos, true) << v.reason;
  v = CheckStatement(
      "Le centre de Lille refuse les dons de sang des personnes vaccinées contre la grippe");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  // An opposite word stays opposite when the negation is about something else, and a
  // figure under a negated verb of preventing is negated when the claim uses the verb.
  AddSource(kSourceA, {"The senator lost the race for the Ohio seat and did not concede."},
            Lang::kEn);
  v = CheckStatement("The senator won the race for the Ohio seat.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_TRUE(v.reason.starts_with("source 1 states the opposite")) << v.reason;
  AddSource(kSourceA, {"Police did not stop 300 protesters at the border crossing in Calais."},
            Lang::kEn);
  v = Check("Police stopped 300 protesters at the border crossing in Calais.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_TRUE(v.reason.starts_with("source 1 states 300 in a negated sentence")) << v.reason;
  AddSource(kSourceA, {"The strike did not stop the trains on the northern line."}, Lang::kEn);
  v = CheckStatement("The trains on the northern line ran during the strike.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  v = CheckStatement("The strike stopped the trains on the northern line.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
}

// A year backs no day: "2017" next to the claim's words says nothing of "22 August
// 2017" unless the page gives that day (its dateline), and it contradicts nothing.
TEST_F(VerifierTest, YearAloneDoesNotBackAFullDate) {
  AddSource(kSourceA, {"Le club a retenu Marc Duval dans l'équipe en 2017."});
  Verdict v = Check("Le 22 août 2017, le club a retenu Marc Duval dans l'équipe");
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  AddSource(kSourceA, {"LYON (22 août 2017) - Communiqué du club.",
                       "Le club a retenu Marc Duval dans l'équipe en 2017."});
  v = Check("Le 22 août 2017, le club a retenu Marc Duval dans l'équipe");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  // The dateline far from the words: both are quoted, the year first.
  AddSource(kSourceA, {"LYON (22 août 2017) - Communiqué du club.", "Horaires du stade.",
                       "Billetterie en ligne.", "Boutique du club.",
                       "Le club a retenu Marc Duval dans l'équipe en 2017."});
  v = Check("Le 22 août 2017, le club a retenu Marc Duval dans l'équipe");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  ASSERT_GE(v.evidence.size(), 2u);
  EXPECT_EQ(v.evidence[0].figure, "2017");
  EXPECT_EQ(v.evidence[1].figure, "22 août 2017");
  EXPECT_TRUE(v.reason.ends_with(", and gives the full date, 22 août 2017, elsewhere")) << v.reason;
  // A year in a negated sentence backs no day, nor does a day in one date anything.
  AddSource(kSourceA,
            {"The new bridge over the river did not open in 2019, because of the "
             "strike by the builders."},
            Lang::kEn);
  v = Check("The new bridge over the river opened on 4 June 2019.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  AddSource(
      kSourceA,
      {"The minister did not visit the site on 4 June 2019.", "Weather notes.", "Travel notes.",
       "Ticket notes.", "The new bridge over the river opened in 2019 after a long delay."},
      Lang::kEn);
  v = Check("The new bridge over the river opened on 4 June 2019.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  AddSource(kSourceA, {"The club picked Mark Dale for its 2017 squad."}, Lang::kEn);
  v = Check("In October 2017, the club picked Mark Dale for its squad.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  v = Check("In 2017, the club picked Mark Dale for its squad.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
}

// The same subject at the level of one sentence: when another figure of the passage
// stands among the words that describe the claim's figure, the equal figure speaks of
// something else ("1 800 inclus, parmi lesquels 300 ont reçu le vaccin").
TEST_F(VerifierTest, FigureWhoseWordsGoWithAnotherFigureIsNotSupport) {
  AddSource(kSourceA, {"L'essai a inclus plus de 1 800 volontaires, parmi lesquels 300 ont "
                       "reçu le nouveau vaccin nasal."});
  Verdict v = Check("1 800 volontaires ont reçu le nouveau vaccin nasal lors de l'essai");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_EQ(v.evidence.at(0).figure, "300");
  v = Check("L'essai a inclus plus de 1 800 volontaires");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  AddSource(kSourceA,
            {"The trial enrolled 1,800 volunteers, of whom 300 received the new "
             "nasal vaccine."},
            Lang::kEn);
  v = Check("1,800 volunteers received the new nasal vaccine in the trial.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  // Figures in a list share the words before them, and a figure the claim states too
  // owns its own words.
  AddSource(kSourceA, {"The city of Lorient has 400 schools and 30 hospitals."}, Lang::kEn);
  v = Check("The city of Lorient has 30 hospitals.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  // The word that leads a figure ("Mach 7") is that figure's, not the one before.
  AddSource(kSourceA, {"The naval gun hurls a 23-pound shell at speeds beyond Mach 7."}, Lang::kEn);
  v = Check("The naval gun hurls its shell at speeds beyond Mach 7.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  AddSource(kSourceA,
            {"Last month the start-up raised $100 million to value the company at "
             "over $500 million."},
            Lang::kEn);
  v = Check("The start-up raised $100 million to value the company at over $500 million.",
            Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
}

// "un salarié sur cinq" is 20 %.
TEST_F(VerifierTest, OneInFiveIsTwentyPercent) {
  AddSource(kSourceA, {"En 2024, 20 % des salariés ont télétravaillé chaque semaine."});
  Verdict v = Check("En 2024, un salarié sur cinq a télétravaillé chaque semaine");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
}

// Parts that add up to the claim's total back it, and say so.
TEST_F(VerifierTest, PartsThatSumToTheFigureSupportIt) {
  AddSource(kSourceA, {"En 2024, 18 % des actifs sont allés au travail à vélo et 12 % à pied."});
  Verdict v = Check("En 2024, 30 % des actifs sont allés au travail à vélo ou à pied");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.derivation, "sum");
  EXPECT_EQ(v.evidence.at(0).figure, "18 % des actifs sont allés au travail à vélo et 12 %");
}

// The same figure in a negated sentence contradicts the claim.
TEST_F(VerifierTest, SameFigureNegatedIsContradicted) {
  AddSource(kSourceA,
            {"Le ministre n'a jamais annoncé 500 nouvelles embauches dans les hôpitaux publics."});
  Verdict v = Check("Le ministre a annoncé 500 nouvelles embauches dans les hôpitaux publics");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_NE(v.reason.find("negated"), std::string::npos) << v.reason;
}

// A rise is not a fall of the same size.
TEST_F(VerifierTest, OppositeDirectionIsNoSupport) {
  AddSource(kSourceA, {"En 2024, les ventes de vélos cargos ont baissé de 12 % en France."});
  Verdict v = Check("En 2024, les ventes de vélos cargos ont augmenté de 12 % en France");
  EXPECT_NE(v.kind, VerdictKind::kSupported) << v.reason;
}

// The trap in English: firms that plan to adopt are not firms that adopted.
TEST_F(VerifierTest, PlansDoNotSupportAchievementsInEnglish) {
  AddSource(kSourceA,
            {"In 2024, 13% of small firms plan to adopt an artificial intelligence tool."},
            Lang::kEn);
  Verdict v =
      Check("In 2024, 13% of small firms have adopted an artificial intelligence tool", Lang::kEn);
  EXPECT_NE(v.kind, VerdictKind::kSupported) << v.reason;
}

// 87 % who do not = 100 % - 13 % who do, in English too.
TEST_F(VerifierTest, ComplementWithFlippedPolarityInEnglish) {
  AddSource(kSourceA, {"In 2024, 13% of French small businesses used artificial intelligence."},
            Lang::kEn);
  Verdict v = Check("In 2024, 87% of French small businesses did not use artificial intelligence",
                    Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.derivation, "complement");
}

// A statement without a figure is supported when a passage states its words, names
// included; the evidence is that passage.
TEST_F(VerifierTest, StatementStatedInTheSourceIsSupported) {
  AddSource(kSourceA,
            {"Opening hours and tickets.",
             "The bridge over the Tamar was designed by Isambard Kingdom Brunel.",
             "The shop sells postcards."},
            Lang::kEn);
  Verdict v = CheckStatement("Brunel designed the bridge over the Tamar.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_GE(v.support, 0.5);
  EXPECT_EQ(v.evidence.at(0).text,
            "The bridge over the Tamar was designed by Isambard Kingdom Brunel.");
}

TEST_F(VerifierTest, StatementTheSourceDoesNotMakeIsNotFound) {
  AddSource(kSourceA, {"The shop sells postcards and maps of Cornwall."}, Lang::kEn);
  Verdict v = CheckStatement("Brunel designed the bridge over the Tamar.", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kNotFound) << v.reason;
  EXPECT_LT(v.support, 0.5);
}

// A figure stated next to its words backs the claim even when that passage is not
// among the ones sharing most of the sentence's words: a dateline under a title.
TEST_F(VerifierTest, FigureInADatelineNextToItsWordsIsSupported) {
  AddSource(kSourceA,
            {"Jackalopes hire Todd Watson as new head coach", "May 20, 2019",
             "Cookie settings and newsletter sign-up for the league website.",
             "The Odessa Jackalopes of the North American Hockey League announced on Monday "
             "that they hired Todd Watson to lead the team as its coach."},
            Lang::kEn);
  Verdict v = Check("Todd Watson became head coach of the Odessa Jackalopes in 2019", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.evidence.at(0).figure, "May 20, 2019");
}

// A date that opens the sentence dates all of it: the passage that states it with most
// of the sentence backs it, even when the words right after the date (who was chosen)
// are not there. The same passage without the rest of the sentence does not.
TEST_F(VerifierTest, DateOpeningTheSentenceIsBackedByTheWholeSentence) {
  AddSource(kSourceA,
            {"TORONTO (22 August 2017) - The Canadian senior women's national basketball team "
             "will be led by a new coach at the FIBA AmeriCup tournament in Argentina.",
             "Training starts next week in Toronto.", "Tickets are on sale."},
            Lang::kEn);
  const std::string sentence =
      "On 22 August 2017, coach Amara Okonkwo was picked to lead the Canadian senior women's "
      "national basketball team at the FIBA AmeriCup tournament in Argentina";
  Verdict v = Check(sentence, Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.evidence.at(0).figure, "22 August 2017");

  AddSource(kSourceA,
            {"TORONTO (22 August 2017) - Ticket sales opened for the autumn season.",
             "Training starts next week in Toronto.", "Tickets are on sale."},
            Lang::kEn);
  EXPECT_EQ(Check(sentence, Lang::kEn).kind, VerdictKind::kNotFound);
}

// "Without" and "sans" deny a part of a sentence, not what it states: a source that
// states the rest is no contradiction of it.
TEST_F(VerifierTest, WithoutDoesNotNegateTheStatement) {
  AddSource(kSourceA,
            {"The rebels left the northern town of Kerbala after talks with the elders of the "
             "valley.",
             "Weather and travel notes."},
            Lang::kEn);
  Verdict v = CheckStatement(
      "The rebels left the northern town of Kerbala without a fight, after talks with the "
      "elders of the valley.",
      Lang::kEn);
  EXPECT_NE(v.kind, VerdictKind::kContradicted) << v.reason;
  AddSource(kSourceA, {"Les rebelles ont quitté la ville de Kerbala après des pourparlers "
                       "avec les anciens de la vallée.",
                       "Notes de voyage."});
  v = CheckStatement(
      "Les rebelles ont quitté la ville de Kerbala sans combat, après des "
      "pourparlers avec les anciens de la vallée.");
  EXPECT_NE(v.kind, VerdictKind::kContradicted) << v.reason;
}

// A date the passage gives without a year says nothing against the claim's year:
// "May 7" is no contradiction of "May 7, 2018" (nor "7 mai" of "7 mai 2018").
TEST_F(VerifierTest, DateWithoutYearIsNoContradiction) {
  struct Case {
    const char* source;
    const char* claim;
    Lang lang;
  };
  const Case cases[] = {
      {"Charlie Russell, a naturalist who lived among grizzly bears, died on May 7 in Calgary.",
       "Charlie Russell, a naturalist, died in Calgary on May 7, 2018", Lang::kEn},
      {"Le naturaliste Charlie Russell est mort le 7 mai à Calgary.",
       "Le naturaliste Charlie Russell est mort à Calgary le 7 mai 2018", Lang::kFr},
  };
  for (const Case& c : cases) {
    SetUp();
    AddSource(kSourceA, {c.source}, c.lang);
    Verdict v = Check(c.claim, c.lang);
    EXPECT_EQ(v.kind, VerdictKind::kSupported) << c.claim << ": " << v.reason;
  }
}

// A statement's signals say which of its sentence's figures the source states, and
// whether next to the words that best match it.
TEST_F(VerifierTest, StatementSignalsCountItsFigures) {
  AddSource(kSourceA,
            {"The bridge over the Tamar opened in 1859.", "Tickets and opening hours.",
             "Postcards of 1961 are sold in the shop."},
            Lang::kEn);
  draft::Claim c;
  c.sentence = "The bridge over the Tamar opened in 1859 and closed in 1961 after 1990.";
  c.has_figure = false;
  c.context = text::ContentWords(text::Words(c.sentence), Lang::kEn);
  Verifier v(*index_, config_);
  const Signals s = v.Verify(c, {{0, kSourceA, true, true, ""}}, Lang::kEn).signals;
  EXPECT_DOUBLE_EQ(s.figures, std::log1p(3.0));
  EXPECT_DOUBLE_EQ(s.figures_absent, 1.0 / 3.0);  // 1990
  EXPECT_DOUBLE_EQ(s.figures_far, 2.0 / 3.0);     // 1961 is two passages away; 1990 nowhere
}

// A statement the source negates, denies or turns into its opposite is contradicted.
TEST_F(VerifierTest, StatementNegatedDeniedOrReversedIsContradicted) {
  struct Case {
    const char* source;
    const char* claim;
  };
  const Case cases[] = {
      {"Le Conseil de l'Europe n'est pas une institution de l'Union européenne.",
       "Le Conseil de l'Europe est une institution de l'Union européenne."},
      {"Le ministère a démenti avoir envoyé une lettre aux députés allemands.",
       "Le ministère a envoyé une lettre aux députés allemands."},
      {"Le gouvernement australien a rappelé des doses de vaccin qui donnaient des faux positifs.",
       "Le gouvernement australien a rappelé des doses de vaccin qui donnaient des faux négatifs."},
  };
  for (const Case& c : cases) {
    SetUp();
    AddSource(kSourceA, {c.source});
    Verdict v = CheckStatement(c.claim);
    EXPECT_EQ(v.kind, VerdictKind::kContradicted) << c.claim << ": " << v.reason;
    EXPECT_LT(v.support, 0.5);
  }
}

// A source sentence that says the claim in other words and negates it contradicts it,
// even when few of the claim's words are shared: it is the best place for them.
TEST_F(VerifierTest, ParaphraseThatNegatesTheClaimIsContradicted) {
  AddSource(kSourceA,
            {"La banque alimentaire de Brest ne refuse pas les dons des particuliers vaccinés."});
  Verdict v = CheckStatement(
      "Selon une rumeur, la banque alimentaire de Brest rejette désormais toute aide venue de "
      "personnes ayant reçu un vaccin.");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_EQ(v.reason,
            "source 1 negates it, in a sentence with " +
                std::to_string(static_cast<int>(std::lround(100 * v.evidence.at(0).score))) +
                " % of the claim's wording");
}

// A negation in a sentence that holds little of what the best passage holds of the claim
// is about something else: the claim stays supported.
TEST_F(VerifierTest, NegationAwayFromTheClaimsWordsIsNoContradiction) {
  AddSource(kSourceA, {"The library of Lund opened a reading room for children, with books in "
                       "many languages and a garden for reading outside.",
                       "The garden is not open in winter."});
  Verdict v = CheckStatement(
      "The library of Lund opened a reading room for children, with books in many languages and a "
      "garden.",
      Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
}

// "Le rapport ne montre pas que 40 %": the figure stands under a negated verb, and a source
// that states it plainly contradicts the claim.
TEST_F(VerifierTest, FigureUnderANegatedReportingVerbIsNegated) {
  AddSource(kSourceA, {"En 2024, 40 % des patients suivis par la clinique ont guéri en un mois."});
  Verdict v = Check(
      "Le rapport ne montre pas qu'en 2024, 40 % des patients suivis par la clinique ont guéri en "
      "un mois");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_EQ(v.evidence[0].figure, "40 %");
}

// A negation in a later clause of the sentence ("and it was not ...") is not the figure's:
// the figure stays affirmed. In the same clause it still negates it.
struct ClauseCase {
  const char* source;
  const char* claim;
  Lang lang;
};

class NegationInAnotherClause : public VerifierTest,
                                public ::testing::WithParamInterface<ClauseCase> {};

TEST_P(NegationInAnotherClause, LeavesTheFigureAffirmed) {
  AddSource(kSourceA, {GetParam().source}, GetParam().lang);
  Verdict v = Check(GetParam().claim, GetParam().lang);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  EXPECT_EQ(v.source, 0);
}

INSTANTIATE_TEST_SUITE_P(
    EnglishAndFrench, NegationInAnotherClause,
    ::testing::Values(
        ClauseCase{"In 1958 the branch line earned about £1,750 a year and it was not cost "
                   "effective.",
                   "In 1958 the branch line earned about £1,750 a year", Lang::kEn},
        ClauseCase{"En 2023, la ligne a transporté 4 200 voyageurs par jour et elle n'a jamais "
                   "été rentable.",
                   "En 2023, la ligne a transporté 4 200 voyageurs par jour", Lang::kFr}));

TEST_F(VerifierTest, NegationInTheFiguresClauseStillCounts) {
  AddSource(kSourceA,
            {"The branch line did not earn £1,750 a year in 1958, and it was closed in 1962."},
            Lang::kEn);
  Verdict v = Check("The branch line earned £1,750 a year in 1958", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_NE(v.reason.find("negated"), std::string::npos) << v.reason;
}

// "Ni ... ni ... ne", "Aucun ... ne": the word that negates comes before the verb's "ne".
class NegationLedByAWordBeforeNe
    : public VerifierTest,
      public ::testing::WithParamInterface<std::pair<const char*, const char*>> {};

TEST_P(NegationLedByAWordBeforeNe, IsANegation) {
  AddSource(kSourceA, {GetParam().first});
  Verdict v = Check(GetParam().second);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  EXPECT_NE(v.reason.find("negated"), std::string::npos) << v.reason;
}

INSTANTIATE_TEST_SUITE_P(
    FrenchLeads, NegationLedByAWordBeforeNe,
    ::testing::Values(
        std::pair{"En 2024, ni Lyon ni Grenoble n'ont ouvert 40 nouvelles pistes cyclables.",
                  "En 2024, Lyon et Grenoble ont ouvert 40 nouvelles pistes cyclables"},
        std::pair{"En 2024, aucune commune du Vercors n'a fermé ses 12 écoles rurales.",
                  "En 2024, une commune du Vercors a fermé ses 12 écoles rurales"}));

// A share given as a part of a stated whole backs the percentage it makes, and
// contradicts another.
TEST_F(VerifierTest, PartOfAStatedWholeBacksItsShare) {
  AddSource(kSourceA, {"Sur les 1 200 PME interrogées, 156 ont intégré un outil d'intelligence "
                       "artificielle en 2024, selon la chambre de commerce."});
  Verdict v = Check(
      "En 2024, 13 % des PME interrogées par la chambre de commerce ont intégré un outil "
      "d'intelligence artificielle");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_EQ(v.evidence[0].figure, "156");
  v = Check(
      "En 2024, 30 % des PME interrogées par la chambre de commerce ont intégré un outil "
      "d'intelligence artificielle");
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
}

// The part of a stated whole is the count of what the sentence speaks of; the whole does
// not contradict it.
TEST_F(VerifierTest, PartOfAStatedWholeIsStillItsCount) {
  AddSource(kSourceA, {"Dans l'essai de Lyon, huit des dix souris ont survécu au traitement."});
  Verdict v = Check("Dans l'essai de Lyon, huit souris ont survécu au traitement");
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_EQ(v.evidence[0].figure, "huit");
}

// A claim quoted from the source keeps its polarity: the negation of another clause is
// not the figure's, on either side.
TEST_F(VerifierTest, QuotedSentenceWithANegatedClauseIsSupported) {
  const std::string sentence =
      "En 2023, les ventes du roman ont atteint 1 750 exemplaires mais les bénéfices n'ont pas "
      "augmenté";
  AddSource(kSourceA, {sentence + "."});
  Verdict v = Check(sentence);
  EXPECT_EQ(v.kind, VerdictKind::kSupported) << v.reason;
}

// Another count contradicts a count only when it counts the same things.
TEST_F(VerifierTest, CountOfOtherThingsIsNoContradiction) {
  AddSource(kSourceA, {"The rowing club of Ghent has 250 members and 3 boats on the river Lys."},
            Lang::kEn);
  EXPECT_EQ(Check("The rowing club of Ghent has 12 coaches on the river Lys", Lang::kEn).kind,
            VerdictKind::kNotFound);
  Verdict v = Check("The rowing club of Ghent has 300 members on the river Lys", Lang::kEn);
  EXPECT_EQ(v.kind, VerdictKind::kContradicted) << v.reason;
  ASSERT_FALSE(v.evidence.empty());
  EXPECT_EQ(v.evidence[0].figure, "250");
}

}  // namespace
}  // namespace citecheck::verify
