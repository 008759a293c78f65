#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace citecheck::text {
namespace {

TEST(LangCode, Names) {
  EXPECT_EQ(LangCode(Lang::kFr), "fr");
  EXPECT_EQ(LangCode(Lang::kEn), "en");
  EXPECT_EQ(LangCode(Lang::kUnknown), "");
}

// BCP 47 and POSIX spellings, any case; anything else is kUnknown.
TEST(ParseLang, Table) {
  struct Case {
    std::string_view code;
    Lang lang;
  };
  constexpr Case kCases[] = {
      {"fr", Lang::kFr},       {"FR", Lang::kFr},       {"fr-FR", Lang::kFr},
      {"fr_CA", Lang::kFr},    {"fr-BE", Lang::kFr},    {"en", Lang::kEn},
      {"EN", Lang::kEn},       {"en-US", Lang::kEn},    {"en_GB", Lang::kEn},
      {"", Lang::kUnknown},    {"f", Lang::kUnknown},   {"de", Lang::kUnknown},
      {"fra", Lang::kUnknown}, {"eng", Lang::kUnknown}, {"frFR", Lang::kUnknown},
  };
  for (const Case& c : kCases) EXPECT_EQ(ParseLang(c.code), c.lang) << c.code;
  EXPECT_EQ(ParseLang(LangCode(Lang::kFr)), Lang::kFr);
  EXPECT_EQ(ParseLang(LangCode(Lang::kEn)), Lang::kEn);
}

// Stop-word frequencies decide; short or mixed text is kUnknown.
TEST(DetectLanguage, Table) {
  struct Case {
    std::string_view text;
    Lang lang;
  };
  constexpr Case kCases[] = {
      {"En 2024, seules 13 % des TPE et PME françaises ont intégré une solution "
       "d'intelligence artificielle dans leurs processus.",
       Lang::kFr},
      {"L’étude montre que la plupart des entreprises n’utilisent pas encore l’IA.", Lang::kFr},
      {"In 2024, only 13% of small businesses had adopted an artificial intelligence "
       "solution in their processes, according to the survey.",
       Lang::kEn},
      {"The company was founded in 1998 and it has grown since then.", Lang::kEn},
      {"", Lang::kUnknown},
      {"Bonjour", Lang::kUnknown},
      {"13 % 2024 1 200", Lang::kUnknown},
      {"Le chat. The dog.", Lang::kUnknown},
  };
  for (const Case& c : kCases) EXPECT_EQ(DetectLanguage(c.text), c.lang) << c.text;
}

// Stop words are looked up in folded form; kUnknown accepts both lists.
TEST(IsStopword, Table) {
  EXPECT_TRUE(IsStopword("le", Lang::kFr));
  EXPECT_TRUE(IsStopword("a", Lang::kFr));  // "à" folded
  EXPECT_TRUE(IsStopword("l'", Lang::kFr));
  EXPECT_TRUE(IsStopword("qu'", Lang::kFr));
  EXPECT_TRUE(IsStopword("etaient", Lang::kFr));
  EXPECT_FALSE(IsStopword("entreprise", Lang::kFr));
  EXPECT_FALSE(IsStopword("the", Lang::kFr));
  EXPECT_TRUE(IsStopword("the", Lang::kEn));
  EXPECT_TRUE(IsStopword("doesn't", Lang::kEn));
  EXPECT_FALSE(IsStopword("le", Lang::kEn));
  EXPECT_FALSE(IsStopword("company", Lang::kEn));
  EXPECT_TRUE(IsStopword("the", Lang::kUnknown));
  EXPECT_TRUE(IsStopword("les", Lang::kUnknown));
  EXPECT_FALSE(IsStopword("Le", Lang::kFr));  // not folded
}

// Snowball stems through Xapian; kUnknown leaves the word as is.
TEST(Stem, Table) {
  EXPECT_EQ(Stem("entreprises", Lang::kFr), "entrepris");
  EXPECT_EQ(Stem("entreprise", Lang::kFr), "entrepris");
  EXPECT_EQ(Stem("companies", Lang::kEn), "compani");
  EXPECT_EQ(Stem("company", Lang::kEn), "compani");
  // The French plural after "o" is dropped too, so singular and plural meet.
  EXPECT_EQ(Stem("velos", Lang::kFr), "velo");
  EXPECT_EQ(Stem("velo", Lang::kFr), "velo");
  // "-ais" adjectives keep their masculine form in every gender and number.
  EXPECT_EQ(Stem("francais", Lang::kFr), "francais");
  EXPECT_EQ(Stem("francaise", Lang::kFr), "francais");
  EXPECT_EQ(Stem("francaises", Lang::kFr), "francais");
  EXPECT_EQ(Stem("adopted", Lang::kEn), "adopt");
  EXPECT_EQ(Stem("entreprises", Lang::kUnknown), "entreprises");
  EXPECT_EQ(Stem("", Lang::kFr), "");
}

// Content terms: folded, without stop words, numbers or one-letter words, stemmed,
// in order, duplicates kept.
TEST(ContentTerms, FrenchAndEnglish) {
  EXPECT_EQ(
      ContentTerms("Les entreprises françaises ont intégré l'IA en 2024 ; "
                   "les entreprises y gagnent.",
                   Lang::kFr),
      (std::vector<std::string>{"entrepris", "francais", "integr", "ia", "entrepris", "gagnent"}));
  EXPECT_EQ(ContentTerms("The companies have adopted AI in 2024: 13% of companies.", Lang::kEn),
            (std::vector<std::string>{"compani", "adopt", "ai", "compani"}));
  EXPECT_TRUE(ContentTerms("", Lang::kFr).empty());
  EXPECT_TRUE(ContentTerms("le la les 13 % 1 200 a", Lang::kFr).empty());
}

struct PolarityCase {
  const char* text;
  bool negated;
};

// Negative statements in both languages; the restrictive "ne ... plus que" and
// "ne ... que" only narrow a figure, they do not deny it, nor does "not only" widen
// into a denial; "ne ... pas que" (a negated "that") does deny.
TEST(IsNegated, Table) {
  const PolarityCase cases[] = {
      {"87 % des PME n'utilisent pas encore l'IA", true},
      {"Les communes ne disposent plus de guichet", true},
      {"Aucune ne r\xC3\xA9pond : elles ne r\xC3\xA9pondent jamais", true},
      {"Les pistes ne couvrent plus que 40 % des rues", false},
      {"Elles n'ont int\xC3\xA9gr\xC3\xA9 que 13 % des outils", false},
      {"13 % des PME ont int\xC3\xA9gr\xC3\xA9 l'IA", false},
      {"Une entreprise sur dix, sans site web", true},
      {"12% of towns do not publish their budget", true},
      {"Farmers don't trust it", true},
      {"Most firms have never tried", true},
      {"Most firms have tried", false},
      {"Le rapport ne montre pas que 40 % des patients ont gu\xC3\xA9ri", true},
      {"Le plan ne vise pas seulement les grandes villes", false},
      {"La station n'est ni ouverte ni ferm\xC3\xA9"
       "e",
       true},
      {"Il est commandant, et non g\xC3\xA9n\xC3\xA9ral", true},
      {"The plan is not only about large towns", false},
      {"There is no evidence of a link", true},
      {"No. 5 won the race", false},
      {"Nobody saw the fire", true},
      // A negated verb of preventing affirms what it would have prevented.
      {"Le vaccin n'empêche pas de transmettre le virus", false},
      {"Le centre ne refuse pas les dons de sang", false},
      {"Le vaccin n'a pas empêché la transmission", false},
      {"La vente n'est pas interdite", false},
      {"Le texte ne prévoit aucune interdiction de vente", true},
      {"Le centre ne refuse pas les dons, mais il ne les garde pas", true},
      {"The strike did not stop the trains", false},
      {"The law never banned the sale", false},
      {"The strike did not last", true},
      {"Nothing stopped the trains", true},
      // A negation word that is part of a capitalized name or title.
      {"The group set off on the No Filter tour in May", false},
      {"She performed We Are Never Ever Getting Back Together at the concert", false},
      {"Court Does Not Rule on the Merits", true},
      {"No visitor came", true},
      {"THE FIRM DID NOT PAY", true},
      {"The film survives, with no projection print so far", true},
      {"He said: No, we never paid", true},
      {"Republican leaders said that No Democrat voted for the bill", true},
      {"Findings No link was found between the drug and the deaths", true},
      {"Messi played with No. 10 for Barcelona", false},
      // A word before "ne" that carries the negation.
      {"Ni l'Inde ni le Pakistan n'ont relevé de températures supérieures à 60 °C", true},
      {"Aucun pays n'a relevé une telle chaleur", true},
      {"Aucune des deux villes ne publie son budget", true},
      {"Nul ne conteste le chiffre", true},
      {"Personne n'a vu l'incendie", true},
      {"Rien ne prouve un lien entre les deux", true},
      {"Une personne a vu l'incendie", false},
      {"D'aucuns ne jurent que par le vélo", false},
      {"Rien n'empêche de transmettre le virus", false},
      {"Aucune loi n'a interdit la vente", false},
      // Words that only begin like a verb of preventing prevent nothing.
      {"The programmes are not interdisciplinary", true},
      {"Les parts du club ne sont pas cessibles", true},
  };
  for (const PolarityCase& c : cases) EXPECT_EQ(IsNegated(Words(c.text)), c.negated) << c.text;
}

// The clause around a byte offset: a conjunction with a subject pronoun starts one.
TEST(ClauseAround, Table) {
  struct Case {
    const char* text;
    const char* at;     // the word whose clause is wanted
    const char* first;  // the clause's first and last words
    const char* last;
  };
  const Case cases[] = {
      {"Revenue was 1,750 pounds and it was not cost effective", "1,750", "revenue", "pounds"},
      {"Revenue was 1,750 pounds and it was not cost effective", "cost", "and", "effective"},
      {"La ligne a transporté 4 200 voyageurs et elle n'a jamais été rentable", "4 200", "la",
       "voyageurs"},
      {"Ils ont vendu 300 vélos tandis qu'elles en ont vendu 200", "200", "tandis", "200"},
      // "and" before a noun joins words, not clauses.
      {"Sales rose 5 % and profits did not", "5", "sales", "not"},
      {"Il a gagné 300 euros et une médaille", "300", "il", "medaille"},
      // Opposing conjunctions, semicolons and colons end a clause.
      {"Sales reached 1,750 copies but profits did not grow", "1,750", "sales", "copies"},
      {"Aucune région n'échappe : le chômage a baissé à 7 %", "7", "le", "7"},
      {"Le taux a atteint 68 %, un record que personne n'attendait", "68", "le", "record"},
      {"3 000 personnes ont été évacuées et personne n'a été blessé", "3 000", "3 000", "evacuees"},
      // "on" is a pronoun in French only.
      {"The board did not meet in January and on 4 February", "4 February", "the", "february"},
  };
  for (const Case& c : cases) {
    const std::string text = c.text;
    const std::vector<Word> words = Words(text);
    const std::span<const Word> clause = ClauseAround(text, words, text.find(c.at));
    ASSERT_FALSE(clause.empty()) << c.text;
    EXPECT_EQ(clause.front().folded, c.first) << c.text << " at " << c.at;
    EXPECT_EQ(clause.back().folded, c.last) << c.text << " at " << c.at;
  }
  // Subject breaks only: a list and a "not X but Y" stay whole.
  const std::string list = "It requires: 1) to be French; 2) not to be a servant";
  const std::span<const Word> whole =
      ClauseAround(list, Words(list), list.find("French"), ClauseBreaks::kSubjects);
  EXPECT_EQ(whole.size(), Words(list).size());
  const std::string contrast = "Il n'est pas à Kiev mais à Izmir et il y dirige 300 soldats";
  const std::vector<Word> words = Words(contrast);
  const std::span<const Word> first =
      ClauseAround(contrast, words, contrast.find("Izmir"), ClauseBreaks::kSubjects);
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first.front().folded, "il");
  EXPECT_EQ(first.back().folded, "izmir");
}

// The statement of a sentence: "sans" and "without" deny a part of it, not the whole;
// the other negations count as for IsNegated.
TEST(IsStatementNegated, Table) {
  const PolarityCase cases[] = {
      {"Une entreprise sur dix, sans site web", false},
      {"Without its fans the tour would feel empty", false},
      {"The army took the town without a fight", false},
      {"Le village a été reconstruit sans aide de l'État", false},
      {"87 % des PME n'utilisent pas encore l'IA", true},
      {"The army did not take the town", true},
      {"Il n'est jamais parti sans son chien", true},
      {"The film survives, with no projection print so far", false},
  };
  for (const PolarityCase& c : cases) {
    EXPECT_EQ(IsStatementNegated(Words(c.text)), c.negated) << c.text;
  }
}

}  // namespace
}  // namespace citecheck::text
