#include "extract/internal/metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/internal/dom.h"
#include "extract/internal/prefilter.h"

namespace citecheck::extract::internal {
namespace {

constexpr char kUrl[] = "https://news.example.com/2025/06/24/story.html?utm=x";

Metadata Read(const std::string& head, const std::string& body = "", std::string_view url = kUrl) {
  const PrefilteredHtml page = Prefilter("<!DOCTYPE html><html lang=\"fr-FR\"><head>" + head +
                                         "</head><body>" + body + "</body></html>");
  const GumboTree tree(page.html);
  return ExtractMetadata(tree.root(), page.json_ld, url);
}

std::string JsonLd(const std::string& json) {
  return "<script type=\"application/ld+json\">" + json + "</script>";
}

// Rule: each field takes its most trusted source; every source of every field is
// checked by offering it alone, then with a more trusted one.
TEST(MetadataTest, Title) {
  EXPECT_EQ(Read("", "<h1> Heading  title </h1>").title, "Heading title");
  EXPECT_EQ(Read("<title>Doc title - Site</title>", "<h1>Heading</h1>").title, "Doc title - Site");
  EXPECT_EQ(Read("<meta name=\"DC.title\" content=\"DC\"><title>Doc</title>").title, "DC");
  EXPECT_EQ(Read("<meta name=\"twitter:title\" content=\"Tw\"><meta name=\"dc.title\" "
                 "content=\"DC\">")
                .title,
            "Tw");
  EXPECT_EQ(Read(JsonLd(R"({"@type":"NewsArticle","headline":"LD"})") +
                 "<meta name=\"twitter:title\" content=\"Tw\">")
                .title,
            "LD");
  EXPECT_EQ(Read(JsonLd(R"({"@type":"NewsArticle","headline":"LD"})") +
                 "<meta property=\"og:title\" content=\"OG &amp; co\">")
                .title,
            "OG & co");
}

TEST(MetadataTest, Lang) {
  EXPECT_EQ(Read("").lang, "fr-FR");  // <html lang>
  const PrefilteredHtml page = Prefilter(
      "<html><head><meta http-equiv=\"Content-Language\" content=\"de\">"
      "<meta property=\"og:locale\" content=\"en_GB\"></head></html>");
  const GumboTree tree(page.html);
  EXPECT_EQ(ExtractMetadata(tree.root(), page.json_ld, kUrl).lang, "de");
  const PrefilteredHtml og =
      Prefilter("<html><head><meta property=\"og:locale\" content=\"en_GB\"></head></html>");
  const GumboTree og_tree(og.html);
  EXPECT_EQ(ExtractMetadata(og_tree.root(), og.json_ld, kUrl).lang, "en-GB");
  const PrefilteredHtml ld = Prefilter(
      "<html><head>" + JsonLd(R"({"@type":"Article","inLanguage":"es"})") + "</head></html>");
  const GumboTree ld_tree(ld.html);
  EXPECT_EQ(ExtractMetadata(ld_tree.root(), ld.json_ld, kUrl).lang, "es");
}

TEST(MetadataTest, Published) {
  EXPECT_EQ(Read("", "<p class=\"byline\">Par Jean Dupont, le 24 juin 2025</p>").published,
            "2025-06-24");  // visible date, French
  EXPECT_EQ(Read("", "<div class=\"post-date\">Posted June 23, 2025</div>").published,
            "2025-06-23");  // visible date, English
  EXPECT_EQ(Read("",
                 "<p class=\"byline\">24 juin 2025</p><time datetime=\"2025-06-22\">"
                 "hier</time>")
                .published,
            "2025-06-22");  // <time datetime> beats the visible date
  EXPECT_EQ(
      Read("<meta name=\"date\" content=\"2025-06-21\">", "<time datetime=\"2025-06-22\">x</time>")
          .published,
      "2025-06-21");
  EXPECT_EQ(Read("<meta name=\"date\" content=\"2025-06-21\">",
                 "<span itemprop=\"datePublished\" content=\"2025-06-20\">x</span>")
                .published,
            "2025-06-20");  // microdata
  EXPECT_EQ(Read(JsonLd(R"({"@type":"NewsArticle","datePublished":"2025-06-19T08:00:00Z"})"),
                 "<span itemprop=\"datePublished\" content=\"2025-06-20\">x</span>")
                .published,
            "2025-06-19");
  EXPECT_EQ(
      Read("<meta property=\"article:published_time\" content=\"2025-06-18T10:00:00+02:00\">" +
           JsonLd(R"({"@type":"NewsArticle","datePublished":"2025-06-19"})"))
          .published,
      "2025-06-18");
  // An unreadable value of a trusted source does not hide a readable one.
  EXPECT_EQ(Read("<meta property=\"article:published_time\" content=\"yesterday\">"
                 "<meta name=\"pubdate\" content=\"2025-06-17\">")
                .published,
            "2025-06-17");
}

TEST(MetadataTest, Modified) {
  EXPECT_EQ(Read("<meta http-equiv=\"last-modified\" content=\"Tue, 24 Jun 2025 10:00:00 GMT\">")
                .modified,
            "2025-06-24");
  EXPECT_EQ(Read("<meta property=\"og:updated_time\" content=\"2025-06-25\">"
                 "<meta name=\"dcterms.modified\" content=\"2025-06-24\">")
                .modified,
            "2025-06-25");
  EXPECT_EQ(Read("<meta property=\"og:updated_time\" content=\"2025-06-25\">",
                 "<meta itemprop=\"dateModified\" content=\"2025-06-26\">")
                .modified,
            "2025-06-26");
  EXPECT_EQ(Read(JsonLd(R"({"@type":"Article","dateModified":"2025-06-27"})"),
                 "<meta itemprop=\"dateModified\" content=\"2025-06-26\">")
                .modified,
            "2025-06-27");
  EXPECT_EQ(Read("<meta property=\"article:modified_time\" content=\"2025-06-28\">" +
                 JsonLd(R"({"@type":"Article","dateModified":"2025-06-27"})"))
                .modified,
            "2025-06-28");
}

TEST(MetadataTest, Author) {
  EXPECT_EQ(Read("", "<a rel=\"author\" href=/jd>Jane Doe</a>").author, "Jane Doe");
  EXPECT_EQ(Read("", "<span itemprop=\"author\">By Jane Doe</span><a rel=author>X</a>").author,
            "Jane Doe");
  EXPECT_EQ(Read("<meta name=\"byl\" content=\"By John Roe\">").author, "John Roe");
  EXPECT_EQ(Read("<meta name=\"dc.creator\" content=\"Ann Lee\"><meta name=byl content=x>").author,
            "Ann Lee");
  // article:author is often a profile URL: not a name.
  EXPECT_EQ(Read("<meta property=\"article:author\" content=\"https://fb.com/jd\">"
                 "<meta name=\"dc.creator\" content=\"Ann Lee\">")
                .author,
            "Ann Lee");
  EXPECT_EQ(Read("<meta name=\"author\" content=\"Par Marie Curie\">"
                 "<meta property=\"article:author\" content=\"Other\">")
                .author,
            "Marie Curie");
  EXPECT_EQ(Read(JsonLd(R"({"@type":"NewsArticle","author":[{"@type":"Person","name":"A. One"},)"
                        R"({"name":"B. Two"}]})") +
                 "<meta name=\"author\" content=\"Site staff\">")
                .author,
            "A. One, B. Two");
}

TEST(MetadataTest, SiteNameCanonicalDescription) {
  const Metadata m = Read(
      "<meta name=\"application-name\" content=\"App\">"
      "<meta property=\"og:site_name\" content=\"The Example\">"
      "<link rel=\"canonical\" href=\"/2025/06/24/story.html\">"
      "<meta property=\"og:url\" content=\"https://other.example.com/x\">"
      "<meta property=\"og:description\" content=\"OG description\">"
      "<meta name=\"description\" content=\" The  description \">");
  EXPECT_EQ(m.site_name, "The Example");
  EXPECT_EQ(m.canonical_url, "https://news.example.com/2025/06/24/story.html");
  EXPECT_EQ(m.description, "The description");

  const Metadata fallbacks = Read(
      "<meta name=\"application-name\" content=\"App\">"
      "<meta property=\"og:url\" content=\"https://other.example.com/x\">"
      "<meta name=\"twitter:description\" content=\"Tw description\">");
  EXPECT_EQ(fallbacks.site_name, "App");
  EXPECT_EQ(fallbacks.canonical_url, "https://other.example.com/x");
  EXPECT_EQ(fallbacks.description, "Tw description");

  // A URL is not a site name.
  EXPECT_EQ(Read("<meta property=\"og:site_name\" content=\"https://daily.example\">"
                 "<meta name=\"application-name\" content=\"Daily\">")
                .site_name,
            "Daily");

  const Metadata ld =
      Read(JsonLd(R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"W"},)"
                  R"({"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Pub"},)"
                  R"("description":"LD description"}]})"));
  EXPECT_EQ(ld.site_name, "Pub");
  EXPECT_EQ(ld.description, "LD description");
}

// Rule: every meta key that feeds a field does so on its own (name, property or
// http-equiv, any case).
TEST(MetadataTest, EveryMetaKey) {
  struct Case {
    std::string key;
    std::string content;
    std::string Metadata::*field;
    std::string expected;
  };
  const Case cases[] = {
      {"og:title", "T", &Metadata::title, "T"},
      {"twitter:title", "T", &Metadata::title, "T"},
      {"DC.title", "T", &Metadata::title, "T"},
      {"description", "D", &Metadata::description, "D"},
      {"og:description", "D", &Metadata::description, "D"},
      {"twitter:description", "D", &Metadata::description, "D"},
      {"dc.description", "D", &Metadata::description, "D"},
      {"og:site_name", "S", &Metadata::site_name, "S"},
      {"application-name", "S", &Metadata::site_name, "S"},
      {"og:url", "https://a.example/x", &Metadata::canonical_url, "https://a.example/x"},
      {"author", "A", &Metadata::author, "A"},
      {"article:author", "A", &Metadata::author, "A"},
      {"dc.creator", "A", &Metadata::author, "A"},
      {"byl", "By A", &Metadata::author, "A"},
      {"parsely-author", "A", &Metadata::author, "A"},
      {"sailthru.author", "A", &Metadata::author, "A"},
      {"citation_author", "A", &Metadata::author, "A"},
  };
  for (const Case& c : cases) {
    for (const char* attr : {"name", "property"}) {
      const Metadata m =
          Read("<meta " + std::string(attr) + "=\"" + c.key + "\" content=\"" + c.content + "\">");
      EXPECT_EQ(m.*c.field, c.expected) << attr << "=" << c.key;
    }
  }
  for (const char* key :
       {"article:published_time", "article:published", "og:published_time", "published_time",
        "pubdate", "publishdate", "publish-date", "publish_date", "date", "DC.date",
        "dc.date.issued", "dcterms.created", "dcterms.issued", "dcterms.date", "sailthru.date",
        "parsely-pub-date", "article.published", "citation_publication_date"}) {
    EXPECT_EQ(Read("<meta name=\"" + std::string(key) + "\" content=\"2025-06-24\">").published,
              "2025-06-24")
        << key;
  }
  for (const char* key : {"article:modified_time", "og:updated_time", "last-modified",
                          "dcterms.modified", "dc.date.modified", "article.updated"}) {
    EXPECT_EQ(Read("<meta name=\"" + std::string(key) + "\" content=\"2025-06-24\">").modified,
              "2025-06-24")
        << key;
  }
  const PrefilteredHtml page = Prefilter(
      "<html xml:lang=\"it\"><head><meta name=\"dc.language\" content=\"pt\"></head></html>");
  const GumboTree tree(page.html);
  EXPECT_EQ(ExtractMetadata(tree.root(), page.json_ld, kUrl).lang, "it");
  // <time pubdate> beats the other <time> elements.
  EXPECT_EQ(Read("",
                 "<time datetime=\"2025-06-01\">a</time><time pubdate "
                 "datetime=\"2025-06-24\">b</time>")
                .published,
            "2025-06-24");
}

// Rule: broken JSON-LD is skipped; comments and trailing commas are tolerated, and an
// article's own object beats a WebPage's.
TEST(MetadataTest, JsonLdRobustness) {
  EXPECT_EQ(Read(JsonLd("{\"@type\": \"NewsArticle\", \"headline\": ")).title, "");
  EXPECT_EQ(Read(JsonLd("<!-- {\"@type\": \"Article\", \"headline\": \"H\",} -->")).title, "H");
  EXPECT_EQ(Read(JsonLd(R"([{"@type":"WebPage","datePublished":"2020-01-01"},)"
                        R"({"@type":["BlogPosting"],"datePublished":"2025-06-24"}])"))
                .published,
            "2025-06-24");
}

}  // namespace
}  // namespace citecheck::extract::internal
