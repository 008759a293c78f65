#include "extract/extract.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testutil/testutil.h"

namespace citecheck::extract {
namespace {

const std::string kHtml =
    "<!DOCTYPE html><html><head><title>T</title></head><body><article>"
    "<p>The city council voted on Tuesday to extend the bicycle network by forty "
    "kilometres, a plan that will cost about twelve million euros.</p>"
    "<figure><img src=a.png><figcaption>The new lanes.</figcaption></figure>"
    "<p>Supporters said the new lanes would make the centre safer, while shop owners "
    "worried that deliveries would become slower and more expensive.</p>"
    "</article></body></html>";

TEST(ExtractTest, BlockKindName) {
  EXPECT_EQ(BlockKindName(BlockKind::kHeading), "heading");
  EXPECT_EQ(BlockKindName(BlockKind::kParagraph), "paragraph");
  EXPECT_EQ(BlockKindName(BlockKind::kListItem), "list_item");
  EXPECT_EQ(BlockKindName(BlockKind::kTableCell), "table_cell");
  EXPECT_EQ(BlockKindName(BlockKind::kQuote), "quote");
  EXPECT_EQ(BlockKindName(BlockKind::kCaption), "caption");
  EXPECT_EQ(BlockKindName(BlockKind::kPreformatted), "preformatted");
}

// Rule: plain text splits into paragraphs on blank lines; line ends inside a paragraph
// are whitespace; a UTF-8 BOM is dropped and invalid bytes replaced.
TEST(ExtractTest, PlainText) {
  const common::Result<Document> doc = ExtractPlainText(
      "\xEF\xBB\xBF  First para\nline two\n\n \t\n Second\r\n\r\nThird caf\xE9 \n", "u");
  ASSERT_OK(doc);
  Document expected;
  expected.url = "u";
  expected.media_type = "text/plain";
  expected.text = "First para line two\n\nSecond\n\nThird caf\xEF\xBF\xBD";
  expected.blocks = {{BlockKind::kParagraph, 0, 19},
                     {BlockKind::kParagraph, 21, 27},
                     {BlockKind::kParagraph, 29, 41}};
  EXPECT_EQ(*doc, expected);
}

// Rule: without a declared language, French or English is detected from the text.
TEST(ExtractTest, DetectsLanguage) {
  common::Result<Document> doc = ExtractPlainText(
      "Le conseil municipal a voté mardi l'extension du réseau cyclable, qui coûtera "
      "douze millions d'euros sur trois ans selon le service du budget de la ville.",
      "u");
  ASSERT_OK(doc);
  EXPECT_EQ(doc->lang, "fr");
  doc = ExtractHtml(kHtml, "u");  // no lang attribute
  ASSERT_OK(doc);
  EXPECT_EQ(doc->lang, "en");
  doc = ExtractHtml("<html lang=\"de-CH\">" + kHtml.substr(kHtml.find("<head>")), "u");
  ASSERT_OK(doc);
  EXPECT_EQ(doc->lang, "de-CH");  // declared wins
}

// Rule: the body text leaves captions out; Document::text keeps them.
TEST(ExtractTest, BodyTextSkipsCaptions) {
  const common::Result<Document> doc = ExtractHtml(kHtml, "u");
  ASSERT_OK(doc);
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[1].kind, BlockKind::kCaption);
  EXPECT_NE(doc->text.find("The new lanes."), std::string::npos);
  const std::string body = BodyText(*doc);
  EXPECT_EQ(body.find("The new lanes."), std::string::npos);
  EXPECT_EQ(body, std::string(BlockText(*doc, doc->blocks[0])) + "\n\n" +
                      std::string(BlockText(*doc, doc->blocks[2])));
}

// Rule: Extract reads the media type, and the bytes when the type is missing, generic
// or wrong about a PDF.
TEST(ExtractTest, DispatchesOnMediaTypeAndBytes) {
  const std::string pdf =
      testutil::ReadTestFile(testutil::SourceRoot() / "tests/extract/data/two_pages.pdf");
  struct Case {
    std::string body;
    std::string media_type;
    std::string expected;
  };
  const Case cases[] = {
      {kHtml, "text/html", "text/html"},
      {kHtml, "TEXT/HTML; charset=UTF-8", "text/html"},
      {kHtml, "application/xhtml+xml", "text/html"},
      {kHtml, "", "text/html"},
      {kHtml, "application/octet-stream", "text/html"},
      {pdf, "application/pdf", "application/pdf"},
      {pdf, "application/octet-stream", "application/pdf"},
      {pdf, "text/plain", "application/pdf"},
      {pdf, "", "application/pdf"},
      {"just some words\n\nand more", "", "text/plain"},
      {"just some words", "text/plain", "text/plain"},
      {"a,b\n1,2", "text/csv", "text/plain"},
  };
  for (const Case& c : cases) {
    const common::Result<Document> doc = Extract(c.body, c.media_type, "", "u");
    ASSERT_OK(doc);
    EXPECT_EQ(doc->media_type, c.expected) << c.media_type;
    EXPECT_FALSE(doc->text.empty()) << c.media_type;
  }
}

// Rule: types it cannot read are an invalid argument naming the type and the URL.
TEST(ExtractTest, RejectsUnsupportedTypes) {
  common::Result<Document> doc =
      Extract("\x89PNG\r\n\x1a\n\0\0\0", "image/png", "", "https://x/a.png");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), common::StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find("image/png"), std::string::npos);
  EXPECT_NE(doc.status().message().find("https://x/a.png"), std::string::npos);

  doc = Extract(std::string("PK\x03\x04\0\0\0\0binary", 14), "", "", "https://x/a.zip");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), common::StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find("https://x/a.zip"), std::string::npos);
}

// Rule: the charset comes from the argument, else from the media type's parameter.
TEST(ExtractTest, CharsetFromArgumentOrMediaType) {
  const std::string latin1 = "<html><body><p>Caf\xE9 cr\xE8me</p></body></html>";
  common::Result<Document> doc = Extract(latin1, "text/html; charset=iso-8859-1", "", "u");
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text, "Café crème");
  doc = Extract(latin1, "text/html; charset=utf-8", "windows-1252", "u");
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text, "Café crème");
  doc = Extract("Caf\xE9 cr\xE8me", "text/plain; charset=latin1", "", "u");
  ASSERT_OK(doc);
  EXPECT_EQ(doc->text, "Café crème");
}

}  // namespace
}  // namespace citecheck::extract
