// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers). The
// specification is OASIS "Static Analysis Results Interchange Format (SARIF) Version
// 2.1.0"; section numbers below refer to it.
#include <algorithm>
#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <cstdio>
#include <map>
#include <set>

#include "common/hash.h"
#include "report/internal/escape.h"
#include "report/internal/json_pretty.h"
#include "report/report.h"

namespace citecheck::report {
namespace {

namespace json = boost::json;
using verify::VerdictKind;

constexpr char kSchemaUri[] =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
constexpr char kFingerprintKey[] = "citecheck/v1";

struct Rule {
  const char* id;
  const char* name;
  const char* level;  // the default (§3.49.6)
  const char* short_text;
  const char* full_text;
};

// Rule ids are part of the interface: code-scanning tools track alerts by them. Add
// rules; never rename or reuse one.
constexpr Rule kRules[] = {
    {"claim-contradicted", "ClaimContradicted", "error",
     "The cited source states a different figure",
     "The source the claim cites states a different figure about the same thing. Correct "
     "the figure, or cite the source that states it."},
    {"claim-not-found", "ClaimNotFound", "warning", "The cited source does not state this",
     "The source was read, and nothing in it backs the claim: neither the figure nor a "
     "figure it derives from, with enough of the claim's context words."},
    {"claim-unverifiable", "ClaimUnverifiable", "warning", "No source could be read",
     "No source the claim could be checked against could be read (dead link, DNS or "
     "connection failure, blocked address, no URL), so nobody can check it."},
    {"source-unreachable", "SourceUnreachable", "warning", "A cited source cannot be read",
     "The source's URL could not be fetched and read, or the entry gives no URL."},
    {"source-weak", "SourceWeak", "warning", "A cited source rates weak",
     "The source's computed reliability is under 5/10, or the draft declares a rating more "
     "than 2 points above it."},
};

// Findings about the draft itself get one rule per finding code.
std::string FindingRuleId(std::string_view code) {
  std::string id = "draft-";
  for (char c : code) id += c == '_' ? '-' : c;
  return id;
}

std::string Hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// A relative path as a relative URI reference against %SRCROOT%, an absolute one as a
// file: URI (§3.4.3: artifact locations are URIs, so spaces and '#' are escaped).
json::object ArtifactLocation(std::string_view path) {
  namespace urls = boost::urls;
  std::string p(path);
  std::replace(p.begin(), p.end(), '\\', '/');
  const std::string encoded = urls::encode(p, urls::pchars + urls::grammar::lut_chars('/'));
  if (!p.empty() && p.front() == '/') return {{"uri", "file://" + encoded}};
  return {{"uri", encoded}, {"uriBaseId", "%SRCROOT%"}};
}

class SarifWriter {
 public:
  explicit SarifWriter(const CheckReport& r) : r_(r) {
    for (const Rule& rule : kRules) rule_index_[rule.id] = rule_index_.size();
    for (const draft::Finding& f : r.findings) {
      rule_index_.try_emplace(FindingRuleId(f.code), rule_index_.size());
    }
  }

  json::value Build() {
    json::array results;
    for (const ClaimReport& c : r_.claims) AddClaim(c, results);
    for (const SourceReport& s : r_.sources) AddSource(s, results);
    for (const draft::Finding& f : r_.findings) AddFinding(f, results);
    json::object run = {{"tool", {{"driver", Driver()}}},
                        {"artifacts", json::array{{{"location", ArtifactLocation(r_.draft_path)},
                                                   {"mimeType", "text/markdown"},
                                                   {"encoding", "utf-8"}}}},
                        {"invocations", json::array{{{"executionSuccessful", true},
                                                     {"startTimeUtc", r_.checked_at}}}},
                        {"columnKind", "unicodeCodePoints"},
                        // One category per draft (§3.17: an id ending in '/' names the category),
                        // so that each draft's alerts are tracked on their own when a CI job checks
                        // several drafts and uploads their files together.
                        {"automationDetails", {{"id", "citecheck/" + r_.draft_path + "/"}}},
                        {"results", std::move(results)},
                        {"properties", RunProperties()}};
    if (r_.checked_at.empty()) run["invocations"].as_array()[0].as_object().erase("startTimeUtc");
    return json::object{
        {"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", json::array{std::move(run)}}};
  }

 private:
  json::object Driver() const {
    json::array rules;
    for (const Rule& rule : kRules) {
      rules.push_back(RuleJson(rule.id, rule.name, rule.level, rule.short_text, rule.full_text));
    }
    std::set<std::string> seen;
    for (const draft::Finding& f : r_.findings) {
      const std::string id = FindingRuleId(f.code);
      if (!seen.insert(id).second) continue;
      rules.push_back(
          RuleJson(id, "Draft_" + f.code, "warning", "Problem in the draft: " + f.code,
                   "The draft itself has a problem a careful editor would flag (" + f.code + ")."));
    }
    return {{"name", "citecheck"},
            {"version", CITECHECK_VERSION},
            {"semanticVersion", CITECHECK_VERSION},
            {"rules", std::move(rules)}};
  }

  static json::object RuleJson(std::string_view id, std::string_view name, std::string_view level,
                               std::string_view short_text, std::string_view full_text) {
    return {{"id", id},
            {"name", name},
            {"shortDescription", {{"text", short_text}}},
            {"fullDescription", {{"text", full_text}}},
            {"help", {{"text", full_text}}},
            {"defaultConfiguration", {{"level", level}}},
            {"properties", {{"tags", json::array{"citations", "fact-checking"}}}}};
  }

  json::object RunProperties() const {
    const verify::Tally& t = r_.integrity.overall;
    return {{"integrity", t.score()},   {"minIntegrity", r_.min_integrity},
            {"passed", r_.passed()},    {"claims", t.total()},
            {"supported", t.supported}, {"contradicted", t.contradicted},
            {"notFound", t.not_found},  {"unverifiable", t.unverifiable}};
  }

  json::object Location(const draft::Range& range, std::string_view snippet) const {
    json::object physical = {{"artifactLocation", ArtifactLocation(r_.draft_path)}};
    physical["artifactLocation"].as_object()["index"] = 0;
    if (range.line > 0 && range.column > 0) {
      json::object region = {{"startLine", range.line}, {"startColumn", range.column}};
      // An end before the start would be invalid (§3.30.2); keep the start alone then.
      if (range.end_line > range.line ||
          (range.end_line == range.line && range.end_column > range.column)) {
        region["endLine"] = range.end_line;
        region["endColumn"] = range.end_column;
      }
      if (!snippet.empty()) region["snippet"] = {{"text", snippet}};
      physical["region"] = std::move(region);
    }
    return {{"physicalLocation", std::move(physical)}};
  }

  // What the result is about, not where: edits elsewhere in the draft move the line
  // but keep the fingerprint. A repeat within one run gets a counter.
  json::object Fingerprint(std::string_view rule, std::string_view about) {
    std::string key = std::string(rule) + "\n" + r_.draft_path + "\n" + std::string(about);
    const int n = ++fingerprints_[key];
    if (n > 1) key += "\n#" + std::to_string(n);
    return {{kFingerprintKey, Hex64(common::StableHash64(key))}};
  }

  json::object Result(std::string_view rule, std::string_view level, std::string message,
                      json::object location, std::string_view about) {
    return {{"ruleId", rule},
            {"ruleIndex", rule_index_.at(std::string(rule))},
            {"level", level},
            {"message", {{"text", std::move(message)}}},
            {"locations", json::array{std::move(location)}},
            {"partialFingerprints", Fingerprint(rule, about)}};
  }

  std::string SourceName(int i) const {
    if (i < 0 || static_cast<size_t>(i) >= r_.sources.size()) return "";
    const draft::SourceEntry& e = r_.sources[static_cast<size_t>(i)].entry;
    return "[" + std::to_string(e.number) + "] " + e.name;
  }

  void AddClaim(const ClaimReport& c, json::array& results) {
    const verify::Verdict& v = c.verdict;
    if (v.kind == VerdictKind::kSupported || c.claim.mentions.empty()) return;
    const Rule& rule = kRules[v.kind == VerdictKind::kContradicted ? 0
                              : v.kind == VerdictKind::kNotFound   ? 1
                                                                   : 2];
    const std::string figure = c.claim.quantity.text;
    std::string message = "Claim " + c.claim.id + " \"" + figure + "\" is " +
                          std::string(verify::VerdictName(v.kind)) + ": " + v.reason + ".";
    if (!v.evidence.empty() && v.kind == VerdictKind::kContradicted) {
      message += " The source says: \"" + internal::CollapseSpace(v.evidence.front().text) + "\"";
    }
    const draft::Mention& first = c.claim.mentions.front();
    json::object result =
        Result(rule.id, rule.level, std::move(message), Location(first.range, figure),
               figure + "\n" + internal::CollapseSpace(first.sentence));
    json::array related;
    for (size_t k = 1; k < c.claim.mentions.size(); ++k) {
      json::object loc = Location(c.claim.mentions[k].range, "");
      loc["id"] = k;
      loc["message"] = {{"text", "The same claim, stated again."}};
      related.push_back(std::move(loc));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    result["properties"] = ClaimProperties(c);
    results.push_back(std::move(result));
  }

  json::object ClaimProperties(const ClaimReport& c) const {
    const verify::Verdict& v = c.verdict;
    json::array cited;
    for (int s : c.claim.sources) cited.push_back(json::string(SourceName(s)));
    json::object props = {{"claimId", c.claim.id},
                          {"verdict", verify::VerdictName(v.kind)},
                          {"support", v.support},
                          {"citedSources", std::move(cited)}};
    if (!v.evidence.empty()) {
      const verify::Evidence& e = v.evidence.front();
      props["evidence"] = {{"url", e.url}, {"text", e.text}, {"figure", e.figure}};
    }
    return props;
  }

  void AddSource(const SourceReport& s, json::array& results) {
    const bool dead = s.fetch.outcome != "ok";
    const bool weak = !dead && (s.reliability.score < kWeakReliability || s.overrated);
    if (!dead && !weak) return;
    const draft::Range& where = s.entry.url_range.line > 0 ? s.entry.url_range : s.entry.range;
    const std::string name =
        "Source [" + std::to_string(s.entry.number) + "] \"" + s.entry.name + "\"";
    std::string message;
    char rating[64];
    std::snprintf(rating, sizeof(rating), "%.1f/10", s.reliability.score);
    if (dead) {
      message =
          name +
          (s.entry.url.empty() ? " gives no URL"
                               : " (" + s.entry.url + ") could not be read: " + s.fetch.error) +
          ". Claims that rely on it cannot be checked.";
    } else {
      message = name + " rates " + rating;
      if (s.entry.declared_reliability) {
        std::snprintf(rating, sizeof(rating), "%.1f/10", *s.entry.declared_reliability);
        message += " (the draft declares " + std::string(rating) + ")";
      }
      std::string reasons;
      for (const std::string& why : s.reliability.reasons)
        reasons += (reasons.empty() ? "" : "; ") + why;
      message += ": " + reasons + ".";
    }
    const Rule& rule = kRules[dead ? 3 : 4];
    results.push_back(Result(rule.id, rule.level, std::move(message), Location(where, ""),
                             s.entry.url.empty() ? s.entry.name : s.entry.url));
  }

  void AddFinding(const draft::Finding& f, json::array& results) {
    const std::string id = FindingRuleId(f.code);
    results.push_back(Result(id, "warning", f.message, Location(f.range, ""), f.message));
  }

  const CheckReport& r_;
  std::map<std::string, size_t> rule_index_;
  std::map<std::string, int> fingerprints_;
};

}  // namespace

std::string RenderSarif(const CheckReport& report) {
  return internal::PrettyJson(SarifWriter(report).Build());
}

}  // namespace citecheck::report
