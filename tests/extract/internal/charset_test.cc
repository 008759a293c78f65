#include "extract/internal/charset.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <string>

#include "testutil/testutil.h"

namespace citecheck::extract::internal {
namespace {

// French news prose, long enough for statistical detection, with the characters that
// differ between encodings: accents, guillemets, a typographic apostrophe, the euro.
const std::string kFrench =
    "Le gouvernement a présenté mercredi un projet de loi qui prévoit une hausse de "
    "3 % des dépenses publiques. « C’est un budget équilibré », a déclaré la ministre, "
    "qui a rappelé que l’économie française avait créé plus de deux cent mille emplois "
    "l’année dernière. La mesure coûte 5 € par foyer. Les syndicats ont réagi avec "
    "prudence à ces annonces, jugées insuffisantes par l’opposition, qui réclame un "
    "débat à l’Assemblée avant la fin de l’été.";

// The same text without the characters ISO-8859-1 lacks (apostrophe, euro).
const std::string kFrenchLatin1 =
    "Le gouvernement a présenté mercredi un projet de loi qui prévoit une hausse de "
    "3 % des dépenses publiques. « C'est un budget équilibré », a déclaré la ministre, "
    "qui a rappelé que l'économie française avait créé plus de deux cent mille emplois "
    "l'année dernière. Les syndicats ont réagi avec prudence à ces annonces, jugées "
    "insuffisantes par l'opposition, qui réclame un débat à l'Assemblée avant l'été.";

const std::string kRussian = "Правительство представило проект бюджета на следующий год.";

// `utf8` encoded in `charset` with ICU, to build test bodies.
std::string Encode(const std::string& utf8, const char* charset) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(utf8.size() * 4 + 8, '\0');
  const int32_t n =
      u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), charset);
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>t</title></head><body><p>" + body +
         "</p></body></html>";
}

// Rule: labels map to encodings as browsers map them (WHATWG): Latin-1 and ASCII
// labels mean windows-1252.
TEST(CharsetTest, NormalizeLabel) {
  struct Case {
    std::string label;
    std::string expected;
  };
  const Case cases[] = {
      {"UTF-8", "utf-8"},
      {"utf8", "utf-8"},
      {" \"ISO-8859-1\" ", "windows-1252"},
      {"latin1", "windows-1252"},
      {"US-ASCII", "windows-1252"},
      {"windows-1252", "windows-1252"},
      {"ISO-8859-15", "iso-8859-15"},
      {"Shift_JIS", "shift_jis"},
      {"gb2312", "gbk"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(NormalizeCharsetLabel(c.label), c.expected);
}

TEST(CharsetTest, Bom) {
  EXPECT_EQ(BomCharset("\xEF\xBB\xBFhello"), "utf-8");
  EXPECT_EQ(BomCharset("\xFF\xFEh\0"), "utf-16le");
  EXPECT_EQ(BomCharset("\xFE\xFF\0h"), "utf-16be");
  EXPECT_EQ(BomCharset("hello"), "");
}

// Rule: <meta charset> and <meta http-equiv content="...; charset=..."> near the top.
TEST(CharsetTest, MetaCharset) {
  EXPECT_EQ(MetaCharset(Page("<meta charset=\"ISO-8859-1\">", "x")), "windows-1252");
  EXPECT_EQ(MetaCharset(Page("<META CHARSET=utf-8 />", "x")), "utf-8");
  EXPECT_EQ(MetaCharset(Page("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=windows-1251\">",
                             "x")),
            "windows-1251");
  EXPECT_EQ(MetaCharset(Page("<meta name=\"viewport\" content=\"width=device-width\">", "x")), "");
  const std::string late = std::string(5000, ' ') + "<meta charset=\"koi8-r\">";
  EXPECT_EQ(MetaCharset(late), "");  // beyond the scanned prefix
}

// Rule: without any declaration, windows-1252 and ISO-8859-1 pages are detected and
// converted, curly apostrophes and euro signs included.
TEST(CharsetTest, DetectsUndeclaredLatinPages) {
  for (const auto& [text, charset] :
       {std::pair{kFrench, "windows-1252"}, std::pair{kFrenchLatin1, "ISO-8859-1"}}) {
    const std::string body = Encode(Page("", text), charset);
    ASSERT_FALSE(IsValidUtf8(body));
    EXPECT_EQ(DetectCharset(body), "windows-1252") << charset;
    const common::Result<std::string> utf8 = DecodeToUtf8(body, "", /*is_html=*/true);
    ASSERT_OK(utf8);
    EXPECT_EQ(*utf8, Page("", text)) << charset;
  }
}

// Rule: a charset given by the server (HTTP header) is used.
TEST(CharsetTest, HeaderCharset) {
  const std::string body = Encode(Page("", kRussian), "windows-1251");
  const common::Result<std::string> utf8 = DecodeToUtf8(body, "Windows-1251", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, Page("", kRussian));
}

// Rule: without a header, the page's own <meta> declaration is used.
TEST(CharsetTest, MetaDeclaredCharset) {
  const std::string page = Page("<meta charset=\"windows-1251\">", kRussian);
  const common::Result<std::string> utf8 = DecodeToUtf8(Encode(page, "windows-1251"), "", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, page);
  // Plain text has no <meta>: the same bytes are then detected, not declared.
  EXPECT_EQ(DecideCharset(Encode(page, "windows-1251"), "", false).charset,
            DetectCharset(Encode(page, "windows-1251")));
}

// Rule: a byte order mark wins over everything and is removed.
TEST(CharsetTest, BomWins) {
  const std::string page = Page("<meta charset=\"windows-1252\">", kFrench);
  common::Result<std::string> utf8 = DecodeToUtf8("\xEF\xBB\xBF" + page, "iso-8859-1", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, page);
  utf8 = DecodeToUtf8("\xFF\xFE" + Encode(page, "UTF-16LE"), "", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, page);
}

// Rule: the header wins over <meta>.
TEST(CharsetTest, HeaderBeatsMeta) {
  const std::string page = Page("<meta charset=\"windows-1252\">", kFrench);
  const common::Result<std::string> utf8 = DecodeToUtf8(page, "utf-8", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, page);
}

// Rule: a label ICU does not know is skipped, as browsers skip it.
TEST(CharsetTest, UnknownLabelSkipped) {
  const std::string page = Page("<meta charset=\"x-no-such-charset\">", kFrench);
  EXPECT_EQ(DecideCharset(page, "also-unknown", true).charset, "utf-8");
  const common::Result<std::string> utf8 = DecodeToUtf8(page, "also-unknown", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, page);
}

// Rule: a UTF-8 page with one stray Latin-1 byte stays UTF-8 (the byte becomes U+FFFD)
// instead of being read whole as windows-1252.
TEST(CharsetTest, MostlyUtf8StaysUtf8) {
  const std::string body = Page("", kFrench + " caf\xE9.");
  EXPECT_EQ(DecideCharset(body, "", true).charset, "utf-8");
  const common::Result<std::string> utf8 = DecodeToUtf8(body, "", true);
  ASSERT_OK(utf8);
  EXPECT_EQ(*utf8, Page("", kFrench + " caf\xEF\xBF\xBD."));
}

TEST(CharsetTest, ConvertUnknownCharsetFails) {
  const common::Result<std::string> utf8 = ConvertToUtf8("abc", "x-no-such-charset");
  ASSERT_FALSE(utf8.ok());
  EXPECT_EQ(utf8.status().code(), common::StatusCode::kInvalidArgument);
}

TEST(CharsetTest, IsValidUtf8) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8(kFrench));
  EXPECT_FALSE(IsValidUtf8("caf\xE9"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated sequence
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
}

}  // namespace
}  // namespace citecheck::extract::internal
