// The HTML report in a real browser (headless Chromium over the DevTools protocol):
// selecting a claim with the mouse or the keyboard shows its evidence, the URL
// fragment selects a claim, Tab reaches every control, verdicts differ by more than
// colour, text contrast meets WCAG AA, and a hostile draft runs no script. Skipped
// when Chromium is not installed.
#include <cstdlib>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/file.h"
#include "testing/browser.h"
#include "testing/process.h"
#include "testutil/testutil.h"

namespace citecheck::cli {
namespace {

namespace json = boost::json;
using report::testing::Browser;

std::string Example(const char* name) {
  return (testutil::SourceRoot() / "data" / "examples" / name).string();
}

// Writes the HTML report of `draft` (replayed from the example's archive) to
// `dir`/report.html and returns its file: URL.
std::string WriteReport(const std::string& draft, const std::filesystem::path& dir) {
  report::testing::RunResult run = report::testing::Run(
      (report::testing::BuildDir() / "citecheck").string(),
      {"check", draft, "--replay", Example("sources.warc.gz"), "--format", "html=report.html"},
      dir);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return "file://" + (dir / "report.html").string();
}

class ReportInBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string chromium = Browser::FindChromium();
    if (chromium.empty()) GTEST_SKIP() << "chromium is not installed";
    auto browser = Browser::Launch(chromium);
    ASSERT_OK(browser);
    browser_ = std::move(*browser);
  }

  std::string Eval(const std::string& script) {
    auto v = browser_->Evaluate(script);
    EXPECT_OK(v);
    if (!v.ok() || !v->is_string()) return v.ok() ? json::serialize(*v) : "";
    return std::string(v->as_string());
  }

  // The id of the claim whose first mention in the draft reads `figure`.
  std::string ClaimOf(const std::string& figure) {
    return Eval("[...document.querySelectorAll('.draft .hl')].find(b => b.textContent.startsWith(" +
                json::serialize(json::string(figure)) + ")).dataset.claim");
  }

  // The ids of the visible claim details, comma-separated.
  std::string Shown() {
    return Eval(
        "[...document.querySelectorAll('#panel .detail')].filter(d => !d.hidden)"
        ".map(d => d.dataset.detail).join(',')");
  }

  testutil::TempDir dir_;
  std::unique_ptr<Browser> browser_;
};

// A real mouse click on a figure in the draft shows that claim's evidence: the
// verdict, the passage with the source's figure marked, the source's URL and archived
// copy, and the reason.
TEST_F(ReportInBrowser, ClickingAFigureShowsItsEvidence) {
  ASSERT_OK(browser_->Open(WriteReport(Example("velo-travail.md"), dir_.path())));
  EXPECT_EQ(Shown(), "") << "no claim is selected at first";
  EXPECT_EQ(Eval("String(document.getElementById('panel-empty').hidden)"), "false");
  const std::string id = ClaimOf("910 000");
  ASSERT_FALSE(id.empty());
  ASSERT_OK(browser_->ClickElement("#m-" + id + "-0"));
  EXPECT_EQ(Shown(), id);
  const std::string text = Eval("document.getElementById('detail-" + id + "').textContent");
  for (const char* expected :
       {"Contredite", "910 000", "Passage qui la contredit", "738 000",
        "https://www.journal-economie.example/entreprises/marche-velo-electrique-2024",
        "sources.warc.gz", "rejouée depuis l’archive", "source 2 gives 738 000"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " in\n" << text;
  }
  EXPECT_EQ(Eval("document.querySelector('#detail-" + id + " .passage mark').textContent"),
            "738 000");
  EXPECT_EQ(Eval("location.hash"), "#claim=" + id);
  EXPECT_EQ(Eval("document.getElementById('m-" + id + "-0').getAttribute('aria-current')"), "true");
  EXPECT_EQ(Eval("String(document.getElementById('panel-empty').hidden)"), "true");
}

// The keyboard reaches and selects claims: Tab starts at the skip link; Enter on a
// claim in the table shows it and moves the focus to its evidence; "j" and "k" step
// to the next and previous claim.
TEST_F(ReportInBrowser, KeyboardSelectsAndSteps) {
  ASSERT_OK(browser_->Open(WriteReport(Example("velo-travail.md"), dir_.path())));
  ASSERT_OK(browser_->PressKey("Tab"));
  EXPECT_EQ(Eval("document.activeElement.className"), "skip");
  const std::string id = ClaimOf("41 %");
  ASSERT_FALSE(id.empty());
  Eval("document.querySelector('button.pick[data-claim=\"" + id + "\"]').focus(), ''");
  ASSERT_OK(browser_->PressKey("Enter"));
  EXPECT_EQ(Shown(), id);
  EXPECT_EQ(Eval("document.activeElement.id"), "detail-" + id);
  const std::string text = Eval("document.getElementById('detail-" + id + "').textContent");
  EXPECT_NE(text.find("Invérifiable"), std::string::npos) << text;
  EXPECT_NE(text.find("HTTP 404 Not Found"), std::string::npos) << text;
  const std::string order =
      Eval("[...document.querySelectorAll('#panel .detail')].map(d => d.dataset.detail).join(',')");
  const std::string ids = "," + order + ",";
  const size_t at = ids.find("," + id + ",");
  ASSERT_NE(at, std::string::npos);
  const size_t next_end = ids.find(',', at + id.size() + 2);
  const std::string next = ids.substr(at + id.size() + 2, next_end - at - id.size() - 2);
  ASSERT_OK(browser_->PressKey("j"));
  EXPECT_EQ(Shown(), next.empty() ? id : next);
  ASSERT_OK(browser_->PressKey("k"));
  EXPECT_EQ(Shown(), id);
}

// "#claim=<id>" in the URL selects that claim when the page opens.
TEST_F(ReportInBrowser, FragmentSelectsOnLoad) {
  const std::string url = WriteReport(Example("velo-travail.md"), dir_.path());
  ASSERT_OK(browser_->Open(url));
  const std::string id = ClaimOf("72 %");
  ASSERT_FALSE(id.empty());
  ASSERT_OK(browser_->Open(url + "#claim=" + id));
  EXPECT_EQ(Shown(), id);
  EXPECT_NE(Eval("document.getElementById('detail-" + id + "').textContent").find("Confirmée"),
            std::string::npos);
}

// Every link and button on the page is reached by pressing Tab (real key presses,
// from the top of the page until the focus leaves it), so a keyboard alone can
// select every claim.
TEST_F(ReportInBrowser, TabReachesEveryControl) {
  ASSERT_OK(browser_->Open(WriteReport(Example("velo-travail.md"), dir_.path())));
  const std::string controls =
      "[...document.querySelectorAll('a[href], button')].filter(e => e.getClientRects().length)";
  const int total = std::stoi(Eval("String(" + controls + ".length)"));
  ASSERT_GT(total, 20);
  for (int i = 0; i < total + 5; ++i) {
    ASSERT_OK(browser_->PressKey("Tab"));
    Eval("document.activeElement.dataset.tabbed = '1', ''");
  }
  EXPECT_EQ(Eval(controls + ".filter(e => !e.dataset.tabbed).map(e => e.outerHTML.slice(0, 80)).join('\\n')"),
            "");
  EXPECT_EQ(Eval("String(new Set([...document.querySelectorAll('[data-tabbed][data-claim]')]"
                 ".map(e => e.dataset.claim)).size)"),
            Eval("String(document.querySelectorAll('#panel .detail').length)"));
}

// Verdicts are not told by colour alone: in the draft, each verdict has its own sign
// and its own underline style, and its name in words for assistive technology.
TEST_F(ReportInBrowser, VerdictsDifferBeyondColour) {
  ASSERT_OK(browser_->Open(WriteReport(Example("velo-travail.md"), dir_.path())));
  const std::string looks = Eval(
      "['supported', 'contradicted', 'not-found', 'unverifiable'].map(v => {"
      "  const m = document.querySelector('.draft button.hl.v-' + v);"
      "  if (!m) return v + ': none';"
      "  const s = getComputedStyle(m);"
      "  return v + ': ' + m.querySelector('.sign').textContent + ' ' + s.borderBottomStyle + ' ' +"
      "         m.getAttribute('aria-label').split(': ')[1].split(' (')[0];"
      "}).join('; ')");
  EXPECT_EQ(looks,
            "supported: ✓ solid Confirmée; contradicted: ✗ double Contredite; "
            "not-found: ? dashed Non trouvée; unverifiable: ⊘ dotted Invérifiable");
}

// Every piece of text shown, with a claim selected (so that the evidence panel and
// the highlighted row are drawn), has a contrast ratio with what is behind it of at
// least 4.5:1, or 3:1 for large text (WCAG 2 AA), computed from the page's actual
// colours.
TEST_F(ReportInBrowser, TextContrastMeetsWcagAa) {
  ASSERT_OK(browser_->Open(WriteReport(Example("velo-travail.md"), dir_.path())));
  const std::string id = ClaimOf("910 000");
  ASSERT_FALSE(id.empty());
  ASSERT_OK(browser_->ClickElement("#m-" + id + "-0"));
  const std::string result = Eval(R"js((() => {
    const rgba = c => {
      const m = c.match(/rgba?\(([^)]*)\)/);
      if (!m) return null;
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, under) => under.map((v, i) => top[i] * top[3] + v * (1 - top[3]));
    const behind = el => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
      }
      return layers.reverse().reduce((acc, l) => over(l, acc), [255, 255, 255]);
    };
    const lum = rgb => {
      const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(rgb[0]) + 0.7152 * f(rgb[1]) + 0.0722 * f(rgb[2]);
    };
    let checked = 0;
    const bad = [];
    for (const el of document.body.querySelectorAll('*')) {
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
      if (!el.getClientRects().length || el.closest('.sr-only')) continue;
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible') continue;
      const back = behind(el);
      const a = lum(over(rgba(s.color), back)), b = lum(back);
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      ++checked;
      if (ratio < need) bad.push(el.tagName + '.' + el.className + ' "' +
                                 el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
    }
    return checked + (bad.length ? ' checked, too faint: ' + bad.join(' | ') : ' checked');
  })())js");
  EXPECT_TRUE(result.ends_with(" checked")) << result;
  EXPECT_GT(std::atoi(result.c_str()), 100) << result;
}

// A draft full of markup and script: the page shows it as text, no payload runs, even
// after a claim is selected.
TEST_F(ReportInBrowser, HostileDraftRunsNoScript) {
  const std::string draft =
      "---\n"
      "title: \"</title><script>window.__pwned='title'</script>\"\n"
      "lang: fr\n"
      "---\n"
      "# Essai <img src=x onerror=\"window.__pwned='heading'\">\n\n"
      "En 2024, 28 % des actifs <script>window.__pwned='inline'</script> ont utilisé un vélo "
      "(Source : Obs).\n\n"
      "[lien](javascript:window.__pwned='link') <svg onload=\"window.__pwned='svg'\"></svg>\n\n"
      "<iframe src=\"javascript:window.parent.__pwned='frame'\"></iframe>\n\n"
      "## Sources\n\n"
      "1. **Obs \"><img src=x onerror=\"window.__pwned='source'\">** - Rapport\n"
      "   - URL : https://obs.example/a\n"
      "   - Fiabilité : 9/10\n";
  ASSERT_OK(common::WriteFileAtomically(dir_.path() / "hostile.md", draft));
  ASSERT_OK(browser_->Open(WriteReport((dir_.path() / "hostile.md").string(), dir_.path())));
  EXPECT_EQ(Eval("String(document.scripts.length)"), "1");
  EXPECT_EQ(Eval("String(document.querySelectorAll('img, iframe, .draft svg').length)"), "0");
  EXPECT_NE(Eval("document.title").find("<script>"), std::string::npos) << "shown as text";
  const std::string id = ClaimOf("28 %");
  ASSERT_FALSE(id.empty());
  ASSERT_OK(browser_->ClickElement("#m-" + id + "-0"));
  EXPECT_EQ(Shown(), id);
  EXPECT_EQ(Eval("String(window.__pwned)"), "undefined");
}

}  // namespace
}  // namespace citecheck::cli
