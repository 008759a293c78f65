// DraftHtml: the draft's Markdown rendered safely, with markup around chosen ranges.
#include "report/internal/draft_html.h"

#include <gtest/gtest.h>

namespace citecheck::report::internal {
namespace {

Highlight Mark(std::string_view content, std::string_view needle, int n = 0) {
  Highlight h;
  h.begin = content.find(needle);
  h.end = h.begin + needle.size();
  h.open = "[" + std::to_string(n) + "|";
  h.close = "|" + std::to_string(n) + "]";
  h.open_in_link = "{" + std::to_string(n) + "|";
  h.close_in_link = "|" + std::to_string(n) + "}";
  return h;
}

struct Case {
  const char* name;
  std::string content;
  std::vector<std::string> needles;  // highlighted, in order
  std::string html;                  // the whole expected output
};

// Each highlight lands around its text, in every Markdown context; invalid ones are
// dropped; the front matter is not rendered.
TEST(DraftHtml, PlacesHighlights) {
  const Case cases[] = {
      {"plain",
       "En 2024, 28 % des actifs.\n",
       {"28 %"},
       "<p>En 2024, [0|28 %|0] des actifs.</p>\n"},
      {"front matter left out",
       "---\ntitle: x\n---\n# T\n\n13 % ici.\n",
       {"13 %"},
       "<h1>T</h1>\n<p>[0|13 %|0] ici.</p>\n"},
      {"in bold",
       "Les ventes : **910 000** unités.\n",
       {"910 000"},
       "<p>Les ventes : <strong>[0|910 000|0]</strong> unités.</p>\n"},
      {"across a bold boundary: closed at the element",
       "Un **grand 12** mot.\n",
       {"grand 12** mot"},
       "<p>Un <strong>[0|grand 12|0]</strong> mot.</p>\n"},
      {"inside a link",
       "Voir [12 000 emplois](https://x.example/).\n",
       {"12 000"},
       "<p>Voir <a href=\"https://x.example/\">{0|12 000|0} emplois</a>.</p>\n"},
      {"in a heading and a list",
       "# 3 axes\n\n- 41 % des gens\n",
       {"3", "41 %"},
       "<h1>[0|3|0] axes</h1>\n<ul>\n<li>[1|41 %|1] des gens</li>\n</ul>\n"},
      {"in a table",
       "| a | b |\n|---|---|\n| 5 % | x |\n",
       {"5 %"},
       "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>[0|5 "
       "%|0]</td>\n"
       "<td>x</td>\n</tr>\n</tbody>\n</table>\n"},
      {"at the start of a line", "28 % des actifs.\n", {"28 %"}, "<p>[0|28 %|0] des actifs.</p>\n"},
      {"in an image's alt text: dropped",
       "![28 % des actifs](data:image/png;base64,AA)\n",
       {"28 %"},
       "<p><img src=\"data:image/png;base64,AA\" alt=\"28 % des actifs\" /></p>\n"},
  };
  for (const Case& c : cases) {
    std::vector<Highlight> hs;
    for (size_t i = 0; i < c.needles.size(); ++i)
      hs.push_back(Mark(c.content, c.needles[i], static_cast<int>(i)));
    EXPECT_EQ(DraftHtml(c.content, hs), c.html) << c.name;
  }
}

// Overlapping, empty, out-of-range and mid-character highlights are dropped.
TEST(DraftHtml, DropsInvalidHighlights) {
  const std::string content = "Prix : 12 € et 13 €.\n";
  std::vector<Highlight> hs = {Mark(content, "12 €", 0), Mark(content, "2 € et", 1)};
  Highlight empty = Mark(content, "13", 2);
  empty.end = empty.begin;
  Highlight past = Mark(content, "13", 3);
  past.end = content.size() + 5;
  Highlight cut = Mark(content, "€ et", 4);
  cut.begin += 1;  // inside the euro sign's UTF-8 sequence
  hs.insert(hs.end(), {empty, past, cut});
  EXPECT_EQ(DraftHtml(content, hs), "<p>Prix : [0|12 €|0] et 13 €.</p>\n");
}

// The draft cannot inject markup: raw HTML is omitted, javascript: links lose their
// target, and private-use characters that look like our markers are neutralized.
TEST(DraftHtml, IsSafe) {
  const std::string content =
      "<script>alert(1)</script>\n\nTexte <img src=x onerror=alert(1)> "
      "[lien](javascript:alert(1)) \xF3\xB0\x80\x80 fin \xF3\xB0\x80\x81.\n";
  EXPECT_EQ(DraftHtml(content, {}),
            "<!-- raw HTML omitted -->\n<p>Texte <!-- raw HTML omitted --> <a href=\"\">lien</a> "
            "\xEF\xBF\xBD fin \xEF\xBF\xBD.</p>\n");
}

TEST(DraftHtml, BodyStart) {
  const struct {
    std::string content;
    size_t start;
  } cases[] = {
      {"# T\n", 0},
      {"---\na: 1\n---\n# T\n", 13},
      {"---\na: 1\n...\nx", 13},
      {"\xEF\xBB\xBF---\na: 1\n---\n", 16},
      {"---\nnever closed\n", 0},
      {"--- \r\na: 1\r\n---\r\nx", 17},
  };
  for (const auto& c : cases) EXPECT_EQ(BodyStart(c.content), c.start) << c.content;
}

}  // namespace
}  // namespace citecheck::report::internal
