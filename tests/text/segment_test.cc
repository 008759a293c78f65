#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/printers.h"
#include "text/text.h"

namespace citecheck::text {
namespace {

std::vector<std::string> Sentences(std::string_view text, Lang lang) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text, lang)) {
    out.emplace_back(text.substr(s.begin, s.size()));
  }
  return out;
}

using Strings = std::vector<std::string>;

// Sentences are split at terminal punctuation and trimmed.
TEST(SplitSentences, SplitsAndTrims) {
  EXPECT_EQ(Sentences("  Première phrase. Deuxième phrase !  Troisième ?  ", Lang::kFr),
            (Strings{"Première phrase.", "Deuxième phrase !", "Troisième ?"}));
  EXPECT_EQ(Sentences("One. Two.", Lang::kEn), (Strings{"One.", "Two."}));
}

// Spans are byte offsets into the input, in order.
TEST(SplitSentences, SpansAreOffsets) {
  const std::string_view text = "Été chaud. Hiver froid.";
  const std::vector<Span> spans = SplitSentences(text, Lang::kFr);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{0, 12}));  // "Été" is 5 bytes
  EXPECT_EQ(spans[1], (Span{13, 25}));
}

// No split after abbreviations, initials, or inside numbers (text.h).
TEST(SplitSentences, AbbreviationsAndNumbersDoNotSplit) {
  struct Case {
    Lang lang;
    std::string_view text;
    Strings want;
  };
  const Case kCases[] = {
      {Lang::kFr,
       "M. Dupont est arrivé. Il est parti.",
       {"M. Dupont est arrivé.", "Il est parti."}},
      {Lang::kFr,
       "Il a vu Mme. Martin et le Dr. Who. Fin.",
       {"Il a vu Mme. Martin et le Dr. Who.", "Fin."}},
      {Lang::kFr,
       "Des PME, des ETI, etc. Les grandes aussi.",
       {"Des PME, des ETI, etc. Les grandes aussi."}},
      {Lang::kFr, "Voir p. ex. la page 3. Fin.", {"Voir p. ex. la page 3.", "Fin."}},
      {Lang::kFr,
       "En 50 av. J.-C. Rome existait. Fin.",
       {"En 50 av. J.-C. Rome existait.", "Fin."}},
      {Lang::kFr, "Signé J. Dupont. Fin.", {"Signé J. Dupont.", "Fin."}},
      {Lang::kFr,
       "Le taux est de 13.5 % cette année. Fin.",
       {"Le taux est de 13.5 % cette année.", "Fin."}},
      {Lang::kFr, "Il y a 1.200 salariés. Fin.", {"Il y a 1.200 salariés.", "Fin."}},
      {Lang::kEn, "He met e.g. Mr. Smith. She left.", {"He met e.g. Mr. Smith.", "She left."}},
      {Lang::kEn, "She said i.e. nothing. Then left.", {"She said i.e. nothing.", "Then left."}},
      {Lang::kEn, "The U.S. economy grew. It slowed.", {"The U.S. economy grew.", "It slowed."}},
      {Lang::kUnknown, "Prof. Martin a parlé. Fin.", {"Prof. Martin a parlé.", "Fin."}},
  };
  for (const Case& c : kCases) EXPECT_EQ(Sentences(c.text, c.lang), c.want) << c.text;
}

// A line break always ends a sentence, even after an abbreviation; blank lines yield
// nothing.
TEST(SplitSentences, LineBreaks) {
  EXPECT_EQ(Sentences("Titre\n\nUn paragraphe. Suite.\n", Lang::kFr),
            (Strings{"Titre", "Un paragraphe.", "Suite."}));
  EXPECT_EQ(Sentences("Voir etc.\nNouvelle ligne.", Lang::kFr),
            (Strings{"Voir etc.", "Nouvelle ligne."}));
}

TEST(SplitSentences, EmptyAndBlank) {
  EXPECT_TRUE(SplitSentences("", Lang::kFr).empty());
  EXPECT_TRUE(SplitSentences(" \n\t \u00a0", Lang::kFr).empty());
  EXPECT_EQ(Sentences("Sans point final", Lang::kFr), (Strings{"Sans point final"}));
}

// Every non-blank character of the text is inside some sentence.
TEST(SplitSentences, CoversAllNonBlankText) {
  const std::string_view text =
      "Premier. « Deuxième ? » Troisième… Quatrième !\n- Liste 1\n- Liste 2\nFin";
  const std::vector<Span> spans = SplitSentences(text, Lang::kFr);
  std::string joined;
  size_t prev_end = 0;
  for (const Span& s : spans) {
    EXPECT_GE(s.begin, prev_end);
    for (size_t i = prev_end; i < s.begin; ++i) {
      EXPECT_TRUE(text[i] == ' ' || text[i] == '\n') << i;
    }
    prev_end = s.end;
  }
  EXPECT_EQ(prev_end, text.size());
}

struct WordView {
  std::string text;
  std::string folded;
  bool is_number;
  bool operator==(const WordView&) const = default;
};

std::vector<WordView> WordsOf(std::string_view text) {
  std::vector<WordView> out;
  for (const Word& w : Words(text)) {
    out.push_back({std::string(text.substr(w.span.begin, w.span.size())), w.folded, w.is_number});
  }
  return out;
}

// Punctuation and spaces are dropped; words are folded.
TEST(Words, DropsPunctuationAndFolds) {
  EXPECT_EQ(WordsOf("Bonjour, le Monde !"),
            (std::vector<WordView>{
                {"Bonjour", "bonjour", false}, {"le", "le", false}, {"Monde", "monde", false}}));
}

// Elided articles are split off, with ' or ’; other apostrophes stay inside.
TEST(Words, SplitsElisions) {
  EXPECT_EQ(WordsOf("l'adoption de l’IA qu'il jusqu'à aujourd'hui don't"),
            (std::vector<WordView>{{"l'", "l'", false},
                                   {"adoption", "adoption", false},
                                   {"de", "de", false},
                                   {"l’", "l'", false},
                                   {"IA", "ia", false},
                                   {"qu'", "qu'", false},
                                   {"il", "il", false},
                                   {"jusqu'", "jusqu'", false},
                                   {"à", "a", false},
                                   {"aujourd'hui", "aujourd'hui", false},
                                   {"don't", "don't", false}}));
}

// Hyphenated words stay whole; a hyphen between two numbers does not join them.
TEST(Words, KeepsHyphenatedWords) {
  EXPECT_EQ(WordsOf("TPE-PME quatre-vingt-dix COVID-19 10-15"),
            (std::vector<WordView>{{"TPE-PME", "tpe-pme", false},
                                   {"quatre-vingt-dix", "quatre-vingt-dix", false},
                                   {"COVID-19", "covid-19", false},
                                   {"10", "10", true},
                                   {"15", "15", true}}));
}

// Numbers with internal separators are one word, flagged as a number.
TEST(Words, NumbersWithSeparators) {
  EXPECT_EQ(WordsOf("13,5 % 1 200 1\u00a0200 1.200 12 500 000 2024 H2O"),
            (std::vector<WordView>{{"13,5", "13,5", true},
                                   {"1 200", "1 200", true},
                                   {"1\u00a0200", "1 200", true},
                                   {"1.200", "1.200", true},
                                   {"12 500 000", "12 500 000", true},
                                   {"2024", "2024", true},
                                   {"H2O", "h2o", false}}));
}

// Spans are byte offsets into the input.
TEST(Words, SpansAreOffsets) {
  const std::vector<Word> words = Words("Été 2024");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0], (Word{{0, 5}, "ete", false, true}));
  EXPECT_EQ(words[1], (Word{{6, 10}, "2024", true, false}));
}

// A capital then a lower-case letter (or nothing) is title case; capitals only are not.
TEST(Words, MarkTitleCase) {
  std::vector<bool> got;
  for (const Word& w : Words("Never NEVER never I Élan l'Europe 2024")) got.push_back(w.title_case);
  EXPECT_EQ(got, (std::vector<bool>{true, false, false, true, true, false, true, false}));
}

// Both functions may be called from several threads at once (per-thread iterators).
TEST(Segmentation, ConcurrentCalls) {
  const std::string text = "Le taux est de 13,5 %. M. Dupont l'a dit. Fin.";
  const std::vector<Span> want_sentences = SplitSentences(text, Lang::kFr);
  const std::vector<Word> want_words = Words(text);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 200; ++i) {
        same =
            same && SplitSentences(text, Lang::kFr) == want_sentences && Words(text) == want_words;
      }
      ok[t] = same ? 1 : 0;
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(ok, (std::vector<int>{1, 1, 1, 1}));
}

}  // namespace
}  // namespace citecheck::text
