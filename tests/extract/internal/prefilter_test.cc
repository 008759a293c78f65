#include "extract/internal/prefilter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citecheck::extract::internal {
namespace {

// Rule: comments and whole script, style and svg elements vanish, whatever their case
// and attributes; the text around them stays as it was.
TEST(PrefilterTest, DropsInvisibleElements) {
  struct Case {
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"a<script>var x = '<p>';</script>b", "ab"},
      {"a<SCRIPT type=\"text/javascript\">x()</ScRiPt >b", "ab"},
      {"a<style>p { color: red }</style>b", "ab"},
      {"a<svg viewBox=\"0 0 1 1\"><path d=\"M0\"/><text>t</text></svg>b", "ab"},
      {"a<!-- <p>hidden</p> -->b", "ab"},
      {"a<!-->b", "ab"},  // abrupt empty comment
      {"a<!--->b", "ab"},
      {"a<script>never closed <p>text</p>", "a"},  // runs to the end, as in a browser
      {"a<!-- never closed", "a"},
      {"<scripts>x</scripts>", "<scripts>x</scripts>"},  // another element name
      {"1 < 2 and 3 <4", "1 < 2 and 3 <4"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Prefilter(c.html).html, c.expected) << c.html;
  }
}

// Rule: a script ends at its first "</script" even when it contains markup in strings.
TEST(PrefilterTest, ScriptEndsAtFirstEndTag) {
  EXPECT_EQ(Prefilter("<script>document.write('<b>')</script><p>x</p>").html, "<p>x</p>");
}

// Rule: JSON-LD bodies are kept aside for metadata; other scripts are not.
TEST(PrefilterTest, KeepsJsonLd) {
  const PrefilteredHtml out = Prefilter(
      "<script type=\"application/ld+json\">{\"a\": 1}</script>"
      "<script>var b;</script>"
      "<script type='Application/LD+JSON'>[2]</script><p>t</p>");
  EXPECT_EQ(out.html, "<p>t</p>");
  EXPECT_EQ(out.json_ld, (std::vector<std::string>{"{\"a\": 1}", "[2]"}));
}

// Rule: only the attributes extraction reads survive, values untouched; a quoted value
// may contain '>'.
TEST(PrefilterTest, FiltersAttributes) {
  struct Case {
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"<div class=\"a b\" data-x=\"1\" id=main onclick=\"f(1>0)\">t</div>",
       "<div class=\"a b\" id=main>t</div>"},
      {"<img src=\"x.png\" srcset=\"a 1x, b 2x\" alt=\"A > B\">", "<img>"},
      {"<p style=\"display: none\">x</p><p style=\"color:red\">y</p>",
       "<p style=\"display: none\">x</p><p>y</p>"},
      {"<meta name=\"author\" content=\"Ann\">", "<meta name=\"author\" content=\"Ann\">"},
      {"<div name=\"x\" content=\"y\">", "<div content=\"y\">"},
      {"<link rel=\"canonical\" href=\"/a\"><a href=\"/b\" rel=author>",
       "<link rel=\"canonical\" href=\"/a\"><a rel=author>"},
      {"<br/><input disabled hidden>", "<br/><input hidden>"},
      {"<time datetime = '2019-11-19' >x</time>", "<time datetime = '2019-11-19'>x</time>"},
      {"<p class=x", "<p class=x"},  // unterminated tag at the end
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Prefilter(c.html).html, c.expected) << c.html;
  }
}

}  // namespace
}  // namespace citecheck::extract::internal
