#include "draft/internal/phrase.h"

#include <gtest/gtest.h>

namespace citecheck::draft::internal {
namespace {

struct Read {
  std::string subject;
  std::string predicate;
  bool negated = false;
  std::vector<std::string> items;
  bool operator==(const Read&) const = default;
};

void PrintTo(const Read& r, std::ostream* os) {
  *os << "{'" << r.subject << "', '" << r.predicate << "', " << r.negated << ", " << r.items.size()
      << " items}";
}

// Analyzes the figure `figure` (its first occurrence) in the one-sentence `text`.
Read Analyze(const std::string& text, const std::string& figure, text::Lang lang,
             const std::vector<text::Span>& stops = {}) {
  const size_t at = text.find(figure);
  const text::Span f{at, at + figure.size()};
  const Phrase p = AnalyzePhrase(text, text::Words(text), {0, text.size()}, f, {}, stops, lang);
  Read r;
  r.subject = text.substr(p.subject.begin, p.subject.size());
  r.predicate = text.substr(p.predicate.begin, p.predicate.size());
  r.negated = p.negated;
  for (const text::Span& s : p.items) r.items.push_back(text.substr(s.begin, s.size()));
  return r;
}

struct Case {
  text::Lang lang;
  const char* text;
  const char* figure;
  Read want;
};

// The noun phrase a figure quantifies is its subject; else the clause's subject. The
// predicate runs from the verb to the end of the clause.
TEST(AnalyzePhrase, Table) {
  const Case cases[] = {
      {text::Lang::kFr,
       "En 2024, seules 13% des TPE et PME fran\xC3\xA7"
       "aises ont int\xC3\xA9gr\xC3\xA9 l'IA, selon la CCI.",
       "13%",
       {"des TPE et PME fran\xC3\xA7"
        "aises",
        "ont int\xC3\xA9gr\xC3\xA9 l'IA",
        false,
        {}}},
      {text::Lang::kFr,
       "Une mission a \xC3\xA9t\xC3\xA9 confi\xC3\xA9"
       "e au r\xC3\xA9seau pour l'ann\xC3\xA9"
       "e 2025.",
       "2025",
       {"Une mission",
        "a \xC3\xA9t\xC3\xA9 confi\xC3\xA9"
        "e au r\xC3\xA9seau pour l'ann\xC3\xA9"
        "e 2025",
        false,
        {}}},
      {text::Lang::kFr,
       "En 2025, une mission a \xC3\xA9t\xC3\xA9 confi\xC3\xA9"
       "e aux CCI.",
       "2025",
       {"une mission",
        "a \xC3\xA9t\xC3\xA9 confi\xC3\xA9"
        "e aux CCI",
        false,
        {}}},
      {text::Lang::kFr,
       "Cette mission s'articule autour de quatre axes : former, \xC3\xA9quiper, financer et "
       "mesurer (Source : CCI).",
       "quatre",
       {"axes",
        "s'articule autour de",
        false,
        {"former", "\xC3\xA9quiper", "financer", "mesurer"}}},
      {text::Lang::kFr,
       "Quand 87% des entreprises n'ont pas encore saut\xC3\xA9 le pas, il faut agir.",
       "87%",
       {"des entreprises", "n'ont pas encore saut\xC3\xA9 le pas", true, {}}},
      {text::Lang::kFr,
       "Les prix des loyers ont augment\xC3\xA9 de 7 % en un an.",
       "7 %",
       {"Les prix des loyers", "ont augment\xC3\xA9 de 7 % en un an", false, {}}},
      {text::Lang::kFr,
       "La part passe \xC3\xA0 15 % ; elle ne baisse pas.",
       "15 %",
       {"La part", "passe \xC3\xA0 15 %", false, {}}},
      {text::Lang::kEn,
       "Three in four farmers say connectivity is not good enough.",
       "Three in four",
       {"farmers", "say connectivity is not good enough", true, {}}},
      {text::Lang::kEn,
       "Sales of electric cars reached 1.2 million units, whereas diesel did not grow.",
       "1.2 million",
       {"units", "reached", false, {}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Analyze(c.text, c.figure, c.lang), c.want) << c.text;
  }
}

// Another figure ends a noun phrase: "premises without coverage [in June 2024]".
TEST(AnalyzePhrase, OtherFiguresEndTheSubject) {
  const std::string t = "The regulator counted 1.2 million premises without coverage in June 2024.";
  const size_t date = t.find("June 2024");
  const Read r = Analyze(t, "1.2 million", text::Lang::kEn, {{date, date + 9}});
  EXPECT_EQ(r.subject, "premises without coverage");
  EXPECT_EQ(r.predicate, "counted");
  EXPECT_TRUE(r.negated);  // "without"
}

TEST(ItemName, CutsCommentsAndDetails) {
  EXPECT_EQ(ItemName("L'apprivoisement de l'IA (parce qu'on ne se lance pas)"),
            "L'apprivoisement de l'IA");
  EXPECT_EQ(ItemName("Former les \xC3\xA9quipes : bonnes pratiques"), "Former les \xC3\xA9quipes");
  EXPECT_EQ(ItemName("Step one \xE2\x80\x93 measure."), "Step one");
  EXPECT_EQ(ItemName("Simple."), "Simple");
}

}  // namespace
}  // namespace citecheck::draft::internal
