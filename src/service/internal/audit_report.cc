// The audit report in Markdown, HTML and JSON. Every format puts what is new since
// the previous run first: URLs that became broken, claims that lost their support,
// then other changes of state; then what is still wrong; then counts.
#include <boost/json.hpp>
#include <map>
#include <sstream>

#include "common/clock.h"
#include "report/report.h"
#include "service/service.h"

namespace citecheck::service {
namespace {

namespace json = boost::json;
using store::AuditClaimRecord;
using store::AuditUrlRecord;

// A change worth reporting: any change of state, except a URL first seen alive.
bool IsChange(const AuditUrlRecord& u) {
  if (u.previous_state.empty()) return u.state != "ok";
  return u.state != u.previous_state;
}

bool IsChange(const AuditClaimRecord& c) {
  return c.outcome == "support_lost" || c.outcome == "changed_verdict" ||
         !c.old_evidence_text.empty() || (c.outcome == "new" && c.verdict != "supported");
}

bool NeedsAttention(const AuditUrlRecord& u) { return u.state != "ok"; }

// The report cut into the parts every format shows, in order.
struct Parts {
  std::vector<const AuditUrlRecord*> broken;           // newly broken URLs
  std::vector<const AuditClaimRecord*> lost;           // claims that lost their support
  std::vector<const AuditUrlRecord*> changed;          // other URL changes
  std::vector<const AuditClaimRecord*> claim_changes;  // other claim changes
  std::vector<const AuditUrlRecord*> attention;        // not ok, unchanged
  std::map<std::string, int> url_states;
  std::map<std::string, int> claim_outcomes;
};

Parts Split(const AuditReport& r) {
  Parts p;
  for (const AuditUrlRecord& u : r.urls) {
    ++p.url_states[u.state];
    if (IsNewlyBroken(u)) {
      p.broken.push_back(&u);
    } else if (IsChange(u)) {
      p.changed.push_back(&u);
    } else if (NeedsAttention(u)) {
      p.attention.push_back(&u);
    }
  }
  for (const AuditClaimRecord& c : r.claims) {
    ++p.claim_outcomes[c.outcome];
    if (IsNewlyBroken(c)) {
      p.lost.push_back(&c);
    } else if (IsChange(c)) {
      p.claim_changes.push_back(&c);
    }
  }
  return p;
}

std::string Counts(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [name, n] : counts)
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + name;
  return out.empty() ? "none" : out;
}

std::string Title(const AuditReport& r) {
  std::string t = "Audit run " + std::to_string(r.run.id) + " (" + r.run.scope;
  if (!r.run.shard.empty()) t += ", shard " + r.run.shard;
  return t + ", " + common::FormatIso8601(r.run.started_at_micros) + ")";
}

// ---- Markdown -------------------------------------------------------------------

std::string Cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string WasNow(const AuditUrlRecord& u) {
  return (u.previous_state.empty() ? "(new)" : u.previous_state) + " → " + u.state;
}

std::string UrlNote(const AuditUrlRecord& u) {
  std::string note = u.detail;
  if (!u.proposed_url.empty()) note += (note.empty() ? "" : "; ") + ("moved to " + u.proposed_url);
  if (u.state == "failing")
    note += "; failure " + std::to_string(u.failures) + ", not yet confirmed";
  if (!u.archived_url.empty()) note += "; archived copy: " + u.archived_url;
  return note;
}

void MarkdownUrls(std::ostringstream& out, const std::vector<const AuditUrlRecord*>& urls) {
  out << "| URL | state | status | notes |\n|---|---|---|---|\n";
  for (const AuditUrlRecord* u : urls) {
    out << "| " << Cell(u->url) << " | " << Cell(WasNow(*u)) << " | " << u->status << " | "
        << Cell(UrlNote(*u)) << " |\n";
  }
  out << "\n";
}

void MarkdownClaims(std::ostringstream& out, const std::vector<const AuditClaimRecord*>& claims) {
  for (const AuditClaimRecord* c : claims) {
    out << "- **" << Cell(c->article_key) << "** " << c->claim_id << ": " << c->outcome << " ("
        << (c->previous_verdict.empty() ? "new" : c->previous_verdict) << " → " << c->verdict
        << "): " << Cell(c->sentence) << "\n";
    if (!c->old_evidence_text.empty())
      out << "  - before: > " << Cell(c->old_evidence_text) << "\n";
    if (!c->evidence_text.empty()) out << "  - now: > " << Cell(c->evidence_text) << "\n";
  }
  out << "\n";
}

// ---- HTML -----------------------------------------------------------------------

std::string Esc(std::string_view s) { return report::EscapeHtml(s); }

void HtmlUrls(std::ostringstream& out, const std::vector<const AuditUrlRecord*>& urls) {
  out << "<table><tr><th>URL</th><th>state</th><th>status</th><th>notes</th></tr>\n";
  for (const AuditUrlRecord* u : urls) {
    out << "<tr class=\"s-" << Esc(u->state) << "\"><td>" << Esc(u->url) << "</td><td>"
        << Esc(WasNow(*u)) << "</td><td>" << u->status << "</td><td>" << Esc(UrlNote(*u))
        << "</td></tr>\n";
  }
  out << "</table>\n";
}

void HtmlClaims(std::ostringstream& out, const std::vector<const AuditClaimRecord*>& claims) {
  out << "<ul>\n";
  for (const AuditClaimRecord* c : claims) {
    out << "<li><b>" << Esc(c->article_key) << "</b> " << Esc(c->claim_id) << ": "
        << Esc(c->outcome) << " (" << Esc(c->previous_verdict.empty() ? "new" : c->previous_verdict)
        << " → " << Esc(c->verdict) << "): " << Esc(c->sentence);
    if (!c->old_evidence_text.empty())
      out << "<blockquote class=\"old\">" << Esc(c->old_evidence_text) << "</blockquote>";
    if (!c->evidence_text.empty())
      out << "<blockquote>" << Esc(c->evidence_text) << "</blockquote>";
    out << "</li>\n";
  }
  out << "</ul>\n";
}

constexpr char kHtmlHead[] =
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    "style-src 'unsafe-inline'\">\n<style>body{font-family:sans-serif;margin:2em}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;"
    "text-align:left}.s-dead td,.s-soft404 td{background:#fdd}.s-failing td{background:#ffd}"
    "blockquote{margin:.3em 1em;color:#333}blockquote.old{color:#900}</style>\n";

// ---- JSON -----------------------------------------------------------------------

json::object UrlJson(const AuditUrlRecord& u) {
  json::object o;
  o["url"] = u.url;
  o["status"] = u.status;
  o["final_url"] = u.final_url;
  o["class"] = u.link_class;
  if (u.changed >= 0) o["changed"] = u.changed == 1;
  o["state"] = u.state;
  o["previous_state"] = u.previous_state;
  if (!u.proposed_url.empty()) o["proposed_url"] = u.proposed_url;
  o["failures"] = u.failures;
  if (!u.detail.empty()) o["detail"] = u.detail;
  if (!u.archived_url.empty()) {
    o["archived_url"] = u.archived_url;
    o["archived_at"] = common::FormatIso8601(u.archived_at_micros);
  }
  return o;
}

json::object ClaimJson(const AuditClaimRecord& c) {
  return {{"article", c.article_key},    {"claim_id", c.claim_id},
          {"sentence", c.sentence},      {"source_url", c.source_url},
          {"verdict", c.verdict},        {"previous_verdict", c.previous_verdict},
          {"support", c.support},        {"outcome", c.outcome},
          {"evidence", c.evidence_text}, {"old_evidence", c.old_evidence_text}};
}

template <typename T, typename F>
json::array JsonList(const std::vector<const T*>& items, F f) {
  json::array a;
  for (const T* item : items) a.push_back(f(*item));
  return a;
}

json::object CountsJson(const std::map<std::string, int>& counts) {
  json::object o;
  for (const auto& [name, n] : counts) o[name] = n;
  return o;
}

}  // namespace

std::string RenderAuditMarkdown(const AuditReport& r) {
  const Parts p = Split(r);
  std::ostringstream out;
  out << "# " << Title(r) << "\n\n"
      << r.urls.size() << " URLs: " << Counts(p.url_states) << ". " << r.claims.size()
      << " claims: " << Counts(p.claim_outcomes) << ".\n\n";
  out << "## New since the last run"
      << (r.previous ? " (run " + std::to_string(r.previous->id) + ")" : " (first run)") << "\n\n";
  if (p.broken.empty() && p.lost.empty() && p.changed.empty() && p.claim_changes.empty()) {
    out << "Nothing changed.\n\n";
  }
  if (!p.broken.empty()) out << "### Newly broken links\n\n", MarkdownUrls(out, p.broken);
  if (!p.lost.empty()) out << "### Claims that lost their support\n\n", MarkdownClaims(out, p.lost);
  if (!p.changed.empty()) out << "### Other changes of links\n\n", MarkdownUrls(out, p.changed);
  if (!p.claim_changes.empty())
    out << "### Other changes of claims\n\n", MarkdownClaims(out, p.claim_changes);
  if (!p.attention.empty())
    out << "## Unchanged, still to look at\n\n", MarkdownUrls(out, p.attention);
  return out.str();
}

std::string RenderAuditHtml(const AuditReport& r) {
  const Parts p = Split(r);
  std::ostringstream out;
  out << kHtmlHead << "<title>" << Esc(Title(r)) << "</title></head><body>\n<h1>" << Esc(Title(r))
      << "</h1>\n<p>" << r.urls.size() << " URLs: " << Esc(Counts(p.url_states)) << ". "
      << r.claims.size() << " claims: " << Esc(Counts(p.claim_outcomes)) << ".</p>\n";
  out << "<h2>New since the last run"
      << (r.previous ? " (run " + std::to_string(r.previous->id) + ")" : " (first run)")
      << "</h2>\n";
  if (p.broken.empty() && p.lost.empty() && p.changed.empty() && p.claim_changes.empty()) {
    out << "<p>Nothing changed.</p>\n";
  }
  if (!p.broken.empty()) out << "<h3>Newly broken links</h3>\n", HtmlUrls(out, p.broken);
  if (!p.lost.empty()) out << "<h3>Claims that lost their support</h3>\n", HtmlClaims(out, p.lost);
  if (!p.changed.empty()) out << "<h3>Other changes of links</h3>\n", HtmlUrls(out, p.changed);
  if (!p.claim_changes.empty())
    out << "<h3>Other changes of claims</h3>\n", HtmlClaims(out, p.claim_changes);
  if (!p.attention.empty())
    out << "<h2>Unchanged, still to look at</h2>\n", HtmlUrls(out, p.attention);
  out << "</body></html>\n";
  return out.str();
}

std::string RenderAuditJson(const AuditReport& r) {
  const Parts p = Split(r);
  json::object o;
  o["run"] = {{"id", r.run.id},
              {"scope", r.run.scope},
              {"shard", r.run.shard},
              {"started_at", common::FormatIso8601(r.run.started_at_micros)},
              {"finished_at", common::FormatIso8601(r.run.finished_at_micros)},
              {"resumed", r.resumed}};
  o["previous_run"] = r.previous ? json::value(r.previous->id) : json::value(nullptr);
  o["new_broken"] = HasNewlyBroken(r);
  o["summary"] = {{"urls", CountsJson(p.url_states)}, {"claims", CountsJson(p.claim_outcomes)}};
  json::object news;
  news["broken"] = JsonList(p.broken, UrlJson);
  news["support_lost"] = JsonList(p.lost, ClaimJson);
  news["changed"] = JsonList(p.changed, UrlJson);
  news["claims_changed"] = JsonList(p.claim_changes, ClaimJson);
  o["new"] = std::move(news);
  json::array results;
  results.reserve(r.urls.size());
  for (const AuditUrlRecord& u : r.urls) results.push_back(UrlJson(u));
  o["results"] = std::move(results);
  json::array claims;
  for (const AuditClaimRecord& c : r.claims) claims.push_back(ClaimJson(c));
  o["claims"] = std::move(claims);
  return json::serialize(o) + "\n";
}

}  // namespace citecheck::service
