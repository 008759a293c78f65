#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/internal/charset.h"
#include "testutil/testutil.h"

namespace citecheck::extract {
namespace {

const std::string kArticle =
    "<p>The city council voted on Tuesday to extend the bicycle network by forty "
    "kilometres, a plan that will cost about twelve million euros over three years.</p>"
    "<p>Supporters said the new lanes would make the centre safer, while shop owners on "
    "the main avenue worried that deliveries would become slower and more expensive.</p>"
    "<p>The mayor, who had promised the network during the campaign, said the first "
    "sections would open in the spring, starting with the road along the river.</p>";

// Rule: ExtractHtml fills the metadata and the main text; the <h1> that repeats the
// title is metadata, not body.
TEST(ExtractHtmlTest, MetadataAndBody) {
  const std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><title>Council backs bike lanes - Daily</title>"
      "<meta property=\"og:title\" content=\"Council backs bike lanes\">"
      "<meta property=\"og:site_name\" content=\"Daily\">"
      "<meta name=\"author\" content=\"Jane Doe\">"
      "<meta name=\"description\" content=\"Forty kilometres of new lanes.\">"
      "<meta property=\"article:published_time\" content=\"2025-06-24T09:00:00Z\">"
      "<meta property=\"article:modified_time\" content=\"2025-06-25T09:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://daily.example/bike-lanes\">"
      "</head><body><nav><a href=/>Home</a></nav><article><h1>Council backs bike lanes</h1>" +
      kArticle + "</article></body></html>";
  const common::Result<Document> doc = ExtractHtml(html, "https://daily.example/b?x=1");
  ASSERT_OK(doc);
  Document expected;
  expected.url = "https://daily.example/b?x=1";
  expected.media_type = "text/html";
  expected.title = "Council backs bike lanes";
  expected.lang = "en";
  expected.published = "2025-06-24";
  expected.modified = "2025-06-25";
  expected.author = "Jane Doe";
  expected.site_name = "Daily";
  expected.canonical_url = "https://daily.example/bike-lanes";
  expected.description = "Forty kilometres of new lanes.";
  expected.text = doc->text;
  expected.blocks = doc->blocks;
  EXPECT_EQ(*doc, expected);
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_TRUE(doc->text.starts_with("The city council voted"));
}

// Rule: a sub-heading that is not the title stays.
TEST(ExtractHtmlTest, KeepsOtherHeadings) {
  const std::string html =
      "<html><head><title>Bike lanes</title></head><body><article>"
      "<h2>What the council decided</h2>" +
      kArticle + "</article></body></html>";
  const common::Result<Document> doc = ExtractHtml(html, "u");
  ASSERT_OK(doc);
  ASSERT_FALSE(doc->blocks.empty());
  EXPECT_EQ(doc->blocks[0].kind, BlockKind::kHeading);
  EXPECT_EQ(BlockText(*doc, doc->blocks[0]), "What the council decided");
}

// Rule: invalid bytes in supposedly UTF-8 HTML come out as U+FFFD.
TEST(ExtractHtmlTest, InvalidUtf8) {
  const common::Result<Document> doc =
      ExtractHtml("<html><body><p>caf\xE9 cr\xC3\xA8me</p></body></html>", "u");
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text, "caf\xEF\xBF\xBD cr\xC3\xA8me");
}

// Rule: every page of the extraction benchmark extracts without error into valid,
// non-empty UTF-8 whose blocks index it.
TEST(ExtractHtmlTest, DevPages) {
  const std::optional<std::filesystem::path> shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  const std::filesystem::path dir = *shared / "data" / "extraction" / "dev" / "html";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << dir << " is absent";
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".html") continue;
    ++pages;
    const std::string body = testutil::ReadTestFile(entry.path());
    const common::Result<Document> doc = Extract(body, "text/html", "", entry.path().string());
    ASSERT_OK(doc);
    EXPECT_FALSE(doc->text.empty()) << entry.path();
    EXPECT_TRUE(internal::IsValidUtf8(doc->text)) << entry.path();
    for (const Block& b : doc->blocks) {
      ASSERT_LE(b.start, b.end);
      ASSERT_LE(b.end, doc->text.size());
    }
  }
  EXPECT_GT(pages, 0);
}

}  // namespace
}  // namespace citecheck::extract
