// Tests for the audit reports (internal/audit_report.cc): what is new comes first,
// text from pages is escaped, and the JSON follows the link-audit candidate schema.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/service.h"

namespace citecheck::service {
namespace {

namespace json = boost::json;

AuditReport Report() {
  AuditReport r;
  r.run = {7, "registry", "", "done", 0, 1000000};
  r.previous = store::AuditRunRecord{6, "registry", "", "done", 0, 1};
  store::AuditUrlRecord ok;
  ok.url = "http://s.test/ok";
  ok.state = ok.previous_state = "ok";
  ok.link_class = "ok";
  ok.status = 200;
  ok.changed = 0;
  store::AuditUrlRecord dead = ok;
  dead.url = "http://s.test/<gone>|x";
  dead.state = "dead";
  dead.previous_state = "failing";
  dead.link_class = "dead";
  dead.status = 404;
  dead.changed = -1;
  dead.archived_url = "http://archive.test/gone";
  store::AuditUrlRecord blocked = dead;
  blocked.url = "http://s.test/blocked";
  blocked.state = blocked.previous_state = "blocked";
  r.urls = {ok, dead, blocked};
  store::AuditClaimRecord lost{7,
                               "a.md",
                               "c2",
                               "320 gares",
                               "http://s.test/ok",
                               "contradicted",
                               "supported",
                               0.1,
                               "support_lost",
                               "290 gares",
                               "h",
                               "320 gares"};
  r.claims = {lost};
  return r;
}

// Markdown: the newly broken link and the lost claim (before and after) come before
// what is unchanged; table cells escape '|'.
TEST(AuditReport, MarkdownPutsNewFirst) {
  const std::string md = RenderAuditMarkdown(Report());
  const size_t news = md.find("## New since the last run (run 6)");
  const size_t broken = md.find("http://s.test/<gone>\\|x | failing → dead | 404");
  const size_t lost = md.find("- **a.md** c2: support_lost (supported → contradicted)");
  const size_t unchanged = md.find("## Unchanged, still to look at");
  ASSERT_NE(news, std::string::npos) << md;
  ASSERT_NE(broken, std::string::npos) << md;
  ASSERT_NE(lost, std::string::npos) << md;
  ASSERT_NE(unchanged, std::string::npos) << md;
  EXPECT_LT(news, broken);
  EXPECT_LT(broken, lost);
  EXPECT_LT(lost, unchanged);
  EXPECT_NE(md.find("  - before: > 320 gares\n  - now: > 290 gares"), std::string::npos);
  EXPECT_NE(md.find("http://s.test/blocked", unchanged), std::string::npos);
  EXPECT_EQ(md.find("http://s.test/ok |"), std::string::npos);  // ok and unchanged: not listed
}

// HTML escapes what comes from pages and URLs.
TEST(AuditReport, HtmlEscapes) {
  const std::string html = RenderAuditHtml(Report());
  EXPECT_NE(html.find("http://s.test/&lt;gone&gt;|x"), std::string::npos);
  EXPECT_EQ(html.find("<gone>"), std::string::npos);
  EXPECT_LT(html.find("Newly broken links"), html.find("Unchanged, still to look at"));
}

// JSON: results in the candidate schema (url, status, final_url, class, changed when
// known) plus the audit's own fields; new_broken drives the exit status.
TEST(AuditReport, JsonFollowsCandidateSchema) {
  const json::value v = json::parse(RenderAuditJson(Report()));
  EXPECT_EQ(v.at("new_broken"), json::value(true));
  EXPECT_EQ(v.at("previous_run"), json::value(6));
  const json::array& results = v.at("results").as_array();
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0], json::parse(R"({"url":"http://s.test/ok","status":200,"final_url":"",
      "class":"ok","changed":false,"state":"ok","previous_state":"ok","failures":0})"));
  EXPECT_FALSE(results[1].as_object().contains("changed"));
  EXPECT_EQ(v.at("new").at("broken").as_array().size(), 1u);
  EXPECT_EQ(v.at("new").at("support_lost").as_array().size(), 1u);
  EXPECT_EQ(v.at("summary").at("urls"), json::parse(R"({"blocked":1,"dead":1,"ok":1})"));
}

// Nothing newly broken: a dead link already dead before, a claim unchanged.
TEST(AuditReport, NothingNewlyBroken) {
  AuditReport r = Report();
  r.urls[1].previous_state = "dead";
  r.claims[0].outcome = "unchanged";
  r.claims[0].old_evidence_text.clear();
  EXPECT_FALSE(HasNewlyBroken(r));
  EXPECT_NE(RenderAuditMarkdown(r).find("Nothing changed."), std::string::npos);
}

}  // namespace
}  // namespace citecheck::service
