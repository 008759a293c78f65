#include <gtest/gtest.h>

#include "testutil/testutil.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

const std::vector<Publisher> kList = {
    {"gouv.fr", "public_body", "French government"},
    {"insee.fr", "statistics_office", "Insee"},
    {"ec.europa.eu/eurostat", "statistics_office", "Eurostat"},
    {"europa.eu", "public_body", "European Union"},
    {"medium.com", "blog", "Medium"},
};

std::string NameFor(const std::string& url) {
  const Publisher* p = FindPublisher(url, kList);
  return p ? p->name : "";
}

// Hosts match on label boundaries; the most specific entry wins; a path narrows.
TEST(FindPublisher, MatchesHostsAndPathsMostSpecificFirst) {
  EXPECT_EQ(NameFor("https://www.insee.fr/fr/statistiques/1"), "Insee");
  EXPECT_EQ(NameFor("https://www.economie.gouv.fr/a"), "French government");
  EXPECT_EQ(NameFor("https://ungouv.fr/a"), "");
  EXPECT_EQ(NameFor("https://ec.europa.eu/eurostat/web/main"), "Eurostat");
  EXPECT_EQ(NameFor("https://ec.europa.eu/eurostats"), "European Union");
  EXPECT_EQ(NameFor("https://ec.europa.eu/commission/"), "European Union");
  EXPECT_EQ(NameFor("HTTPS://Someone.Medium.com:443/post"), "Medium");
  EXPECT_EQ(NameFor("https://example.org/"), "");
}

// A later entry for the same host wins: a user's file appended overrides.
TEST(FindPublisher, LaterEntriesOverride) {
  std::vector<Publisher> list = kList;
  list.push_back({"medium.com", "press", "Our newsroom"});
  EXPECT_EQ(FindPublisher("https://medium.com/x", list)->type, "press");
}

TEST(ParsePublishers, ReadsEntries) {
  auto list = ParsePublishers(
      "[[publisher]]\nhost = \"Stats.Example\"\ntype = \"statistics_office\"\nname = \"Stats\"\n"
      "[[publisher]]\nhost = \"blog.example\"\ntype = \"blog\"\n",
      "extra.toml");
  ASSERT_OK(list);
  EXPECT_EQ(*list, (std::vector<Publisher>{{"stats.example", "statistics_office", "Stats"},
                                           {"blog.example", "blog", ""}}));
}

struct BadCase {
  const char* toml;
  const char* message;
};

// Every error names the file and the line.
TEST(ParsePublishers, RejectsMalformedFiles) {
  const BadCase cases[] = {
      {"[[publisher]]\nhost = \"a.example\"\ntype = \"newspaper\"\n",
       "extra.toml:1: unknown publisher type newspaper"},
      {"[[publisher]]\nhost = \"a.example\"\n",
       "extra.toml:1: a publisher needs a host and a type"},
      {"[[publisher]]\nhost = \"a.example\"\ntype = \"blog\"\nrank = 3\n",
       "extra.toml:4: rank must be a string"},
      {"[[publisher]]\nhost = \"a.example\"\ntype = \"blog\"\nnote = \"x\"\n",
       "extra.toml:4: unknown key note"},
      {"[site]\nhost = \"a\"\n", "extra.toml:1: expected [[publisher]] tables, found site"},
      {"[[publisher]\n", "extra.toml:1:"},
  };
  for (const BadCase& c : cases) {
    auto list = ParsePublishers(c.toml, "extra.toml");
    ASSERT_FALSE(list.ok()) << c.toml;
    EXPECT_EQ(list.status().code(), common::StatusCode::kInvalidArgument);
    EXPECT_EQ(list.status().message().rfind(c.message, 0), 0u) << list.status().message();
  }
}

// The committed list parses, and knows French and international publishers of each kind.
TEST(BuiltinPublishers, CoversEachKind) {
  auto file =
      ParsePublishers(testutil::ReadTestFile(testutil::SourceRoot() / "data/publishers.toml"),
                      "data/publishers.toml");
  ASSERT_OK(file);
  EXPECT_EQ(BuiltinPublishers(), *file);
  const std::pair<const char*, const char*> cases[] = {
      {"https://www.insee.fr/fr/statistiques", "statistics_office"},
      {"https://www.ons.gov.uk/economy", "statistics_office"},
      {"https://www.service-public.fr/particuliers", "public_body"},
      {"https://www.oecd.org/fr/", "public_body"},
      {"https://hal.science/hal-01", "academic"},
      {"https://www.lemonde.fr/economie/article/2024/01/01/x.html", "press"},
      {"https://www.reuters.com/world/", "press"},
      {"https://www.mckinsey.com/featured-insights", "company"},
      {"https://someone.substack.com/p/x", "blog"},
  };
  for (const auto& [url, type] : cases) {
    const Publisher* p = FindPublisher(url, BuiltinPublishers());
    ASSERT_NE(p, nullptr) << url;
    EXPECT_EQ(p->type, type) << url;
  }
}

SourceFacts Fetched(const std::string& url) {
  SourceFacts f;
  f.url = f.final_url = url;
  f.fetched = true;
  f.has_date = true;
  return f;
}

// The publisher's kind and name are among the reasons; a university is recognised
// by its host even when unlisted.
TEST(RateSource, NamesThePublisher) {
  Reliability r = RateSource(Fetched("https://www.insee.fr/fr/statistiques/123"));
  EXPECT_EQ(r.publisher_type, "statistics_office");
  EXPECT_EQ(r.publisher, "Insee");
  EXPECT_EQ(r.reasons.at(1), "+2.5 statistics office (Insee)");
  Reliability u = RateSource(Fetched("https://www.univ-exemple.fr/recherche/etude"));
  EXPECT_EQ(u.publisher_type, "academic");
  Reliability b = RateSource(Fetched("https://x.example/a"), {{"x.example", "blog", "X"}});
  EXPECT_EQ(b.reasons.at(1), "-1.0 blog (X)");
}

struct AgeCase {
  const char* published;
  const char* draft_date;
  const char* reason;  // "" when age says nothing
};

// A source's age at the draft's date: recent earns, old loses, later is noted.
TEST(RateSource, RatesTheAgeAtTheDraftsDate) {
  const AgeCase cases[] = {
      {"2024-06-01", "2025-01-10", "+0.5 recent at the draft's date"},
      {"2019-05-02", "2025-01-10", "-1.0 5 years old at the draft's date"},
      {"2021-06-01", "2025-01-10", ""},
      {"2025-03-01", "2025-01-10", "published after the draft's date (2025-01-10)"},
      {"2024-06-01", "", ""},
  };
  for (const AgeCase& c : cases) {
    SourceFacts f = Fetched("https://www.example.org/rapport");
    f.published = c.published;
    f.draft_date = c.draft_date;
    Reliability r = RateSource(f);
    bool found = false;
    for (const std::string& reason : r.reasons) {
      found = found || reason.find("draft's date") != std::string::npos;
      if (reason.find("draft's date") != std::string::npos) {
        EXPECT_EQ(reason, c.reason);
      }
    }
    EXPECT_EQ(found, std::string(c.reason) != "") << c.published << " " << c.draft_date;
  }
}

}  // namespace
}  // namespace citecheck::verify
