// RenderHtml: a self-contained page that escapes everything it shows. The browser
// behaviour (selection, keyboard, the evidence panel) is checked in Chromium by
// tests/cli/report_html_test.cc; these tests read the markup.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "report/report.h"
#include "report_fixture.h"

namespace citecheck::report {
namespace {

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The tags of `html` (from each '<' to the next '>'): escaped text has no '<'.
std::vector<std::string> Tags(std::string_view html) {
  std::vector<std::string> tags;
  for (size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    tags.emplace_back(html.substr(lt, html.find('>', lt) - lt + 1));
  }
  return tags;
}

// Self-contained: no external script, style sheet, image, font or frame, and a
// policy that forbids loading any (the page works offline and leaks nothing).
TEST(HtmlReport, IsSelfContained) {
  const std::string html = RenderHtml(testing::SampleReport());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
  EXPECT_TRUE(Contains(html,
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'sha256-"));
  EXPECT_EQ(Count(html, "<script"), 1u);
  EXPECT_EQ(Count(html, "<style"), 1u);
  for (std::string_view external :
       {"<link", " src=", "url(", "@import", "<iframe", "<object", "<embed"}) {
    EXPECT_FALSE(Contains(html, external)) << external;
  }
  // The only links are to the sources (and the page's own anchors).
  std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1];
    EXPECT_TRUE(target.starts_with("#") || target.starts_with("https://")) << target;
  }
}

// Nothing from the draft or its sources is markup on the page: every payload of the
// hostile report shows as text. (The browser test also runs the page and checks
// that no payload executed.)
TEST(HtmlReport, EscapesEverythingFromTheDraftAndSources) {
  const std::string html = RenderHtml(testing::HostileReport());
  EXPECT_EQ(Count(html, "<script"), 1u);  // ours
  EXPECT_EQ(Count(html, "<svg"), 1u);     // the verdict bar
  for (std::string_view injected :
       {"<img", "<iframe", "href=\"javascript", "cite=\"javascript", "</title><"}) {
    EXPECT_FALSE(Contains(html, injected)) << injected;
  }
  // No tag carries an event handler (outside its quoted attribute values).
  const std::regex quoted("\"[^\"]*\""), handler("\\son[a-z]+\\s*=", std::regex::icase);
  for (const std::string& tag : Tags(html)) {
    EXPECT_FALSE(std::regex_search(std::regex_replace(tag, quoted, "\"\""), handler)) << tag;
  }
  EXPECT_TRUE(Contains(html, "&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;"));
  EXPECT_TRUE(Contains(html, "&lt;img src=x onerror=&quot;window.__pwned=&#39;img&#39;&quot;&gt;"));
  // The draft's raw HTML is left out by the Markdown renderer, not shown.
  EXPECT_TRUE(Contains(html, "<!-- raw HTML omitted -->"));
  EXPECT_FALSE(Contains(html, "evil.example"));
}

// Each mention of each claim is a button in the draft carrying its claim, verdict
// class, sign and an accessible name with the verdict in words; a mention inside a
// link's text is a focusable mark instead (a button may not nest in a link).
TEST(HtmlReport, MarksEveryMentionInTheDraft) {
  const std::string html = RenderHtml(testing::SampleReport());
  EXPECT_TRUE(Contains(
      html,
      "<button type=\"button\" class=\"hl v-supported\" id=\"m-c1-0\" data-claim=\"c1\" "
      "aria-controls=\"panel\" aria-label=\"28 %\u00A0: Confirmée (c1)\">28 %<span class=\"sign\" "
      "aria-hidden=\"true\">✓</span></button>"));
  EXPECT_TRUE(Contains(html, "id=\"m-c1-1\" data-claim=\"c1\""));
  // In bold: the button nests inside <strong>.
  EXPECT_TRUE(
      Contains(html, "<strong><button type=\"button\" class=\"hl v-contradicted\" id=\"m-c2-0\""));
  EXPECT_TRUE(Contains(html, "</button></strong>"));
  EXPECT_TRUE(Contains(html,
                       "<a href=\"https://journal.example/a\"><mark class=\"hl v-not-found\" "
                       "id=\"m-c3-0\" tabindex=\"-1\""));
  EXPECT_TRUE(Contains(html, "id=\"m-c4-0\" data-claim=\"c4\""));
  // The draft's headings sit under the page's: "#" becomes <h3>, "##" <h4>.
  const size_t article =
      html.find("<article class=\"draft\" lang=\"fr\">\n<h3>Vélo au travail</h3>");
  ASSERT_NE(article, std::string::npos);
  const std::string draft = html.substr(article, html.find("</article>") - article);
  EXPECT_TRUE(Contains(draft, "<h4>Sources</h4>"));
  EXPECT_FALSE(Contains(draft, "<h1>"));
  EXPECT_FALSE(Contains(draft, "lang: fr")) << "the front matter is not part of the draft shown";
}

// The summary: integrity score, the gate, and the count of each verdict with its
// sign and a word agreeing with the count.
TEST(HtmlReport, SummaryShowsScoreGateAndCounts) {
  const std::string html = RenderHtml(testing::SampleReport());
  EXPECT_TRUE(Contains(html, "<p class=\"score-value\">25\u00A0%</p>"));
  EXPECT_TRUE(Contains(html, "Seuil 80\u00A0%\u00A0: non atteint"));
  EXPECT_TRUE(
      Contains(html,
               "<li class=\"count v-contradicted\"><span class=\"sign\" aria-hidden=\"true\">✗"
               "</span><span class=\"n\">1</span> contredite</li>"));
  EXPECT_TRUE(Contains(html, "Affirmations confirmées par leurs sources\u00A0: 1 sur 4"));
}

// Each claim has a detail in the panel: the verdict, the sentence with the figure
// marked, the reason, the passage with the deciding figure marked, and the source
// with its URL and archived copy.
TEST(HtmlReport, PanelDetailHasEvidenceSourceAndReason) {
  const std::string html = RenderHtml(testing::SampleReport());
  const size_t begin = html.find("<section class=\"detail v-contradicted\" id=\"detail-c2\"");
  ASSERT_NE(begin, std::string::npos);
  const std::string detail = html.substr(begin, html.find("</section>", begin) - begin);
  EXPECT_TRUE(Contains(detail, "Les ventes ont atteint <mark>910 000</mark> unités"));
  EXPECT_TRUE(Contains(
      detail,
      "<p class=\"reason\" lang=\"en\">source 2 gives 738 000 where the draft says 910 000</p>"));
  EXPECT_TRUE(Contains(detail, "<h4>Passage qui la contredit</h4>"));
  EXPECT_TRUE(
      Contains(detail, "En 2023, les ventes ont atteint <mark>738 000</mark> unités en France."));
  EXPECT_TRUE(
      Contains(detail, "<a href=\"https://journal.example/a\" rel=\"noopener noreferrer\">"));
  EXPECT_TRUE(Contains(
      detail,
      "<code>sources.warc.gz</code>, enregistrement à l’octet 1480 · rejouée depuis l’archive"));
  EXPECT_TRUE(Contains(detail, "4,5/10 (déclarée\u00A0: 8/10)"));
  EXPECT_TRUE(Contains(detail, "⚠ note déclarée bien au-dessus"));
  // An unverifiable claim shows the source that could not be read and why.
  const size_t c4 = html.find("id=\"detail-c4\"");
  ASSERT_NE(c4, std::string::npos);
  const std::string dead = html.substr(c4, html.find("</section>", c4) - c4);
  EXPECT_TRUE(Contains(dead, "Aucun passage"));
  EXPECT_TRUE(Contains(dead, "non lue\u00A0: <span lang=\"en\">HTTP 404 Not Found</span>"));
}

// Interface text follows the draft's language.
TEST(HtmlReport, SpeaksTheDraftsLanguage) {
  struct Case {
    CheckReport report;
    std::vector<std::string_view> words;
  };
  const Case cases[] = {
      {testing::SampleReport(),
       {"<html lang=\"fr\">", "Intégrité", "Contredite", "Non trouvée", "Invérifiable", "Preuve",
        "Fiabilité calculée"}},
      {testing::SampleReportEn(),
       {"<html lang=\"en\">", "Integrity", "Contradicted", "Not found", "Unverifiable", "Evidence",
        "Computed reliability"}},
  };
  for (const Case& c : cases) {
    const std::string html = RenderHtml(c.report);
    for (std::string_view w : c.words) EXPECT_TRUE(Contains(html, w)) << c.report.lang << ": " << w;
  }
  // English reasons are not re-marked on an English page.
  EXPECT_FALSE(Contains(RenderHtml(testing::SampleReportEn()), "lang=\"en\">source 2"));
}

// The sources table: fetch outcome, declared and computed reliability side by side,
// the reasons, and the claims each source backs.
TEST(HtmlReport, SourcesTable) {
  const std::string html = RenderHtml(testing::SampleReport());
  const size_t begin = html.find("<table class=\"sources\">");
  ASSERT_NE(begin, std::string::npos);
  const std::string table = html.substr(begin, html.find("</table>", begin) - begin);
  EXPECT_EQ(Count(table, "<tr>"), 4u);  // header + 3 sources
  EXPECT_TRUE(Contains(table, "HTTP 404 Not Found"));
  EXPECT_TRUE(Contains(
      table,
      "<span class=\"muted url\">redirection 301 → <a href=\"https://journal.example/2025/a\""));
  EXPECT_TRUE(Contains(table, "⚠ surévaluée"));
  EXPECT_TRUE(Contains(table, "<td class=\"num\">8/10</td><td><span class=\"num\">4,5/10</span>"));
  EXPECT_TRUE(Contains(table, "<li><span lang=\"en\">+0.5 served over HTTPS</span></li>"));
  EXPECT_TRUE(Contains(table, "confirmées\u00A0: 0 sur 2"));
}

// Without the draft's text the page still lists every claim and its evidence.
TEST(HtmlReport, WorksWithoutTheDraftText) {
  CheckReport r = testing::SampleReport();
  r.draft_content.clear();
  const std::string html = RenderHtml(r);
  EXPECT_TRUE(Contains(html, "Le texte du brouillon ne fait pas partie de ce rapport."));
  EXPECT_FALSE(Contains(html, "class=\"hl "));
  EXPECT_EQ(Count(html, "<section class=\"detail "), 4u);
  EXPECT_TRUE(Contains(html, "data-claim=\"c2\" aria-controls=\"panel\">c2 · 910 000</button>"));
}

// An empty report renders without claims or sources.
TEST(HtmlReport, EmptyReport) {
  CheckReport r;
  r.draft_path = "empty.md";
  const std::string html = RenderHtml(r);
  EXPECT_TRUE(Contains(html, "No check-worthy claim was found in the draft."));
  EXPECT_TRUE(Contains(html, "The draft lists no source."));
  EXPECT_TRUE(Contains(html, "<p class=\"score-value\">100%</p>"));
}

}  // namespace
}  // namespace citecheck::report
