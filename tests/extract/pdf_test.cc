#include <gtest/gtest.h>
#include <poppler-document.h>

#include <memory>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "testutil/testutil.h"

namespace citecheck::extract {
namespace {

// Fixtures written by tests/extract/data/make_pdfs.py.
std::string Fixture(const char* name) {
  return testutil::ReadTestFile(testutil::SourceRoot() / "tests/extract/data" / name);
}

// Rule: text is read page by page; lines join into paragraphs, a vertical gap starts a
// new one, and each block keeps its page number. Info gives title, author and dates.
TEST(ExtractPdfTest, TwoPages) {
  const common::Result<Document> doc = ExtractPdf(Fixture("two_pages.pdf"), "https://x/a.pdf");
  ASSERT_OK(doc);
  Document expected;
  expected.url = "https://x/a.pdf";
  expected.media_type = "application/pdf";
  expected.title = "Two pages";
  expected.author = "Test Author";
  expected.published = "2025-06-24";
  expected.modified = "2025-07-01";
  expected.text =
      "First page, first paragraph, first line; and its second line.\n\n"
      "First page, second paragraph.\n\n"
      "Second page, only paragraph, written over two lines.\n\n"
      "Second page, closing words.";
  expected.blocks = {
      {BlockKind::kParagraph, 0, 61, 0, 1},
      {BlockKind::kParagraph, 63, 92, 0, 1},
      {BlockKind::kParagraph, 94, 146, 0, 2},
      {BlockKind::kParagraph, 148, 175, 0, 2},
  };
  EXPECT_EQ(*doc, expected);
}

// Rule: a PDF that needs a password is refused as such.
TEST(ExtractPdfTest, EncryptedIsPermissionDenied) {
  const std::string pdf = Fixture("encrypted.pdf");
  const common::Result<Document> doc = ExtractPdf(pdf, "https://x/secret.pdf");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), common::StatusCode::kPermissionDenied);
  EXPECT_NE(doc.status().message().find("https://x/secret.pdf"), std::string::npos);
  // The fixture is a real encrypted PDF: it opens with its password.
  std::unique_ptr<poppler::document> opened(poppler::document::load_from_raw_data(
      pdf.data(), static_cast<int>(pdf.size()), "", "secret"));
  ASSERT_NE(opened, nullptr);
  EXPECT_FALSE(opened->is_locked());
  EXPECT_EQ(opened->pages(), 2);
}

// Rule: bytes that are not a PDF are an invalid argument naming the URL.
TEST(ExtractPdfTest, GarbageIsInvalidArgument) {
  for (const std::string& garbage :
       {std::string("not a pdf at all"), std::string("%PDF-1.4\n1 0 obj\n<<"), std::string()}) {
    const common::Result<Document> doc = ExtractPdf(garbage, "https://x/bad.pdf");
    ASSERT_FALSE(doc.ok());
    EXPECT_EQ(doc.status().code(), common::StatusCode::kInvalidArgument);
    EXPECT_NE(doc.status().message().find("https://x/bad.pdf"), std::string::npos);
  }
}

}  // namespace
}  // namespace citecheck::extract
