#include "draft/internal/sources.h"

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::draft::internal {
namespace {

struct RatingCase {
  const char* text;
  std::optional<double> want;  // out of 10
};

// Declared reliability in the forms drafts write it.
TEST(ParseRating, Table) {
  const RatingCase cases[] = {
      {"8/10", 8.0},
      {"8 / 10", 8.0},
      {"4/5", 8.0},
      {"8,5/10", 8.5},
      {"8.5/10", 8.5},
      {"8 sur 10", 8.0},
      {"9 out of 10", 9.0},
      {"80 %", 8.0},
      {"80%", 8.0},
      {"7", 7.0},
      {"\xC3\xA9leve\xC3\xA9", std::nullopt},
      {"12/10", std::nullopt},
      {"", std::nullopt},
      {"/10", std::nullopt},
  };
  for (const RatingCase& c : cases) EXPECT_EQ(ParseRating(c.text), c.want) << c.text;
}

std::string Valid(std::string_view url) {
  auto r = ValidateUrl(url);
  return r.ok() ? *r : "error: " + r.status().message();
}

// Scheme and host lower-cased, an empty path made "/", the fragment dropped.
TEST(ValidateUrl, NormalizesOrRefuses) {
  EXPECT_EQ(Valid("HTTPS://Example.COM"), "https://example.com/");
  EXPECT_EQ(Valid("https://example.com:8080?q=1"), "https://example.com:8080/?q=1");
  EXPECT_EQ(Valid("www.example.com/a#part"), "https://www.example.com/a");
  EXPECT_EQ(Valid("https://example.com/a/b?x=1#top"), "https://example.com/a/b?x=1");
  EXPECT_FALSE(ValidateUrl("ftp://example.com/a").ok());
  EXPECT_FALSE(ValidateUrl("https://").ok());
}

struct EntryCase {
  const char* name;
  const char* entry;  // one sources-list entry
  SourceEntry want;   // compared on name, kind, date, url, declared_reliability, label
};

// One entry of a sources list, in the shapes drafts use: labelled sub-items, a name
// line with fields after dashes, a link as name, APA-like lines, fields after the URL.
TEST(BuildSources, ReadsEntryShapes) {
  auto entry = [](const char* name, const char* kind, const char* date, const char* url,
                  std::optional<double> rating, const char* label) {
    SourceEntry e;
    e.name = name, e.kind = kind, e.date = date, e.url = url, e.declared_reliability = rating;
    e.label = label;
    return e;
  };
  const EntryCase cases[] = {
      {"labelled",
       "1. **CCI \xE2\x80\x93 Article** - Article\n   - Date : 24/06/2025\n"
       "   - URL : https://cci.example/a\n   - Fiabilit\xC3\xA9 : 8/10\n",
       entry("CCI \xE2\x80\x93 Article", "Article", "24/06/2025", "https://cci.example/a", 8.0,
             "1")},
      {"rating in parentheses",
       "3. **Ville** (Fiabilit\xC3\xA9 : 6/10)\n   - Article du 02/03/2023\n"
       "   - https://ville.example/c\n",
       entry("Ville", "Article", "02/03/2023", "https://ville.example/c", 6.0, "3")},
      {"link as name",
       "- [Institut](https://inst.example/r) \xE2\x80\x94 Rapport, 14 septembre 2024 "
       "\xE2\x80\x94 Fiabilit\xC3\xA9 : 4/5\n",
       entry("Institut", "Rapport", "14 septembre 2024", "https://inst.example/r", 8.0, "")},
      {"apa", "1. Ofcom (2024). *Connected Nations*. https://ofcom.example/cn. Reliability: 9/10\n",
       entry("Ofcom", "Connected Nations", "2024", "https://ofcom.example/cn", 9.0, "1")},
      {"dashes",
       "- NFU \xE2\x80\x93 Digital survey \xE2\x80\x93 12 March 2024 \xE2\x80\x93 "
       "https://nfu.example/d\n",
       entry("NFU", "Digital survey", "12 March 2024", "https://nfu.example/d", std::nullopt, "")},
      {"rating without colon", "- Ville propre : https://vp.example/c (fiabilit\xC3\xA9 80 %)\n",
       entry("Ville propre", "", "", "https://vp.example/c", 8.0, "")},
      {"labels in English",
       "- **ONS**\n  - Published: June 24, 2025\n  - Link: https://ons.example/x\n"
       "  - Reliability score: 7/10\n",
       entry("ONS", "", "June 24, 2025", "https://ons.example/x", 7.0, "")},
  };
  for (const EntryCase& c : cases) {
    auto d = ParseDraft("s.md", std::string("Texte.\n\n## Sources\n\n") + c.entry);
    ASSERT_OK(d);
    ASSERT_EQ(d->sources.size(), 1u) << c.name;
    const SourceEntry& e = d->sources[0];
    EXPECT_EQ(e.name, c.want.name) << c.name;
    EXPECT_EQ(e.kind, c.want.kind) << c.name;
    EXPECT_EQ(e.date, c.want.date) << c.name;
    EXPECT_EQ(e.url, c.want.url) << c.name;
    EXPECT_EQ(e.declared_reliability, c.want.declared_reliability) << c.name;
    EXPECT_EQ(e.label, c.want.label) << c.name;
    EXPECT_EQ(e.origin, SourceOrigin::kList) << c.name;
  }
}

struct DateCase {
  const char* written;
  double value;  // year*10000 + month*100 + day
};

// Source dates in French and English formats parse to the same normalized value.
TEST(BuildSources, ParsesDatesInBothLanguages) {
  const DateCase cases[] = {
      {"24/06/2025", 20250624},
      {"24 juin 2025", 20250624},
      {"June 24, 2025", 20250624},
      {"2025-06-24", 20250624},
      {"avril 2024", 20240400},
      {"1er mars 2023", 20230301},
      {"02/03/2023 (avec mise \xC3\xA0 jour avril 2024)", 20230302},
      {"2021", 2021},
  };
  for (const DateCase& c : cases) {
    auto d = ParseDraft("s.md", std::string("Texte.\n\n## Sources\n\n1. **A**\n   - Date : ") +
                                    c.written + "\n   - URL : https://a.example/x\n");
    ASSERT_OK(d);
    ASSERT_EQ(d->sources.size(), 1u);
    ASSERT_TRUE(d->sources[0].parsed_date.has_value()) << c.written;
    EXPECT_EQ(d->sources[0].parsed_date->value, c.value) << c.written;
  }
}

// Several bare URLs in one paragraph of the list, one per line: one entry each, named
// by the text before the URL.
TEST(BuildSources, BareUrlLines) {
  auto d = ParseDraft("s.md",
                      "Texte.\n\n## Sources\n\nhttps://a.example/1\n"
                      "Institut B https://b.example/2\n");
  ASSERT_OK(d);
  ASSERT_EQ(d->sources.size(), 2u);
  EXPECT_EQ(d->sources[0].name, "a.example");
  EXPECT_EQ(d->sources[0].url, "https://a.example/1");
  EXPECT_EQ(d->sources[1].name, "Institut B");
  EXPECT_EQ(d->sources[1].url, "https://b.example/2");
  EXPECT_EQ(d->sources[1].url_range.line, 6);
  EXPECT_EQ(d->sources[1].url_range.column, 12);
}

}  // namespace
}  // namespace citecheck::draft::internal
