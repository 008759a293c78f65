// Escaping for HTML, XML and Markdown, and the UTF-8 helpers.
#include "report/internal/escape.h"

#include <gtest/gtest.h>

namespace citecheck::report::internal {
namespace {

TEST(Escape, Html) {
  EXPECT_EQ(Html("<a href=\"x\">Tom & 'Jerry'</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  EXPECT_EQ(Html(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(Html("déjà vu"), "déjà vu");
}

// XML 1.0 forbids most C0 controls even as references; malformed UTF-8 would make
// the whole document unreadable.
TEST(Escape, Xml) {
  const struct {
    std::string in, out;
  } cases[] = {
      {"<x a=\"1\">&'</x>", "&lt;x a=&quot;1&quot;&gt;&amp;&#39;&lt;/x&gt;"},
      {"tab\tline\ncr\r", "tab\tline\ncr\r"},
      {std::string("nul\0bell\x07 esc\x1b", 14), "nulbell esc"},
      {"bad \xC3 byte", "bad \xEF\xBF\xBD byte"},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"noncharacter \xEF\xBF\xBE!", "noncharacter !"},
      {"émoji 🚲", "émoji 🚲"},
  };
  for (const auto& c : cases) EXPECT_EQ(Xml(c.in), c.out) << c.in;
}

TEST(Escape, MarkdownText) {
  EXPECT_EQ(MarkdownText("a | b *c* [d](e) <f> `g`"),
            "a \\| b \\*c\\* \\[d\\]\\(e\\) \\<f\\> \\`g\\`");
  EXPECT_EQ(MarkdownText("line\nbreak  and\tspace"), "line break and space");
  EXPECT_EQ(MarkdownText("&amp; # heading"), "\\&amp; \\# heading");
}

TEST(Escape, IsWebUrl) {
  const struct {
    const char* url;
    bool web;
  } cases[] = {
      {"https://a.example/x?y=1#z", true},
      {"http://a.example", true},
      {"javascript:alert(1)", false},
      {"JAVASCRIPT:alert(1)", false},
      {"data:text/html,<b>", false},
      {"//a.example/x", false},
      {"/relative", false},
      {"https:///nohost", false},
      {"file:///etc/passwd", false},
      {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsWebUrl(c.url), c.web) << c.url;
}

TEST(Escape, Utf8Helpers) {
  EXPECT_EQ(Utf8Prefix("été", 2), "é");
  EXPECT_EQ(Utf8Prefix("été", 1), "");
  EXPECT_EQ(Utf8Prefix("abc", 10), "abc");
  EXPECT_EQ(CollapseSpace("  a \n\t b  "), "a b");
  size_t fb = 20, fe = 24;
  const std::string s = "0123456789abcdefghij[FIG]klmnopqrstuvwxyz0123456789";
  fe = 25;
  const std::string e = Excerpt(s, 15, &fb, &fe);
  EXPECT_EQ(e, "…fghij[FIG]klmno…");
  EXPECT_EQ(e.substr(fb, fe - fb), "[FIG]");
  size_t b2 = 0, e2 = 2;
  EXPECT_EQ(Excerpt("short", 100, &b2, &e2), "short");
  EXPECT_EQ(b2, 0u);
  EXPECT_EQ(e2, 2u);
}

}  // namespace
}  // namespace citecheck::report::internal
