// The JSON report. Field names and meanings are documented in docs/json-report.md and
// docs/schema/check-report.schema.json; keep the three in step.
#include <cmath>

#include <boost/json.hpp>

#include "report/report.h"
#include "report/internal/json_pretty.h"

namespace citecheck::report {
namespace {

namespace json = boost::json;

// JSON has no infinities: an open bound is null.
json::value Bound(double v) {
  if (!std::isfinite(v)) return nullptr;
  return v;
}

json::object QuantityJson(const text::Quantity& q) {
  return {{"kind", std::string(text::QuantityKindName(q.kind))},
          {"value", q.value},
          {"low", Bound(q.low)},
          {"high", Bound(q.high)},
          {"unit", q.unit},
          {"qualifier", std::string(text::QualifierName(q.qualifier))},
          {"text", q.text}};
}

json::object RangeJson(const draft::Range& r) {
  return {{"line", r.line}, {"column", r.column}, {"end_line", r.end_line},
          {"end_column", r.end_column}};
}

json::object TallyJson(const verify::Tally& t) {
  return {{"score", t.score()},         {"claims", t.total()},
          {"supported", t.supported},   {"contradicted", t.contradicted},
          {"not_found", t.not_found},   {"unverifiable", t.unverifiable}};
}

json::object EvidenceJson(const verify::Evidence& e) {
  return {{"url", e.url},       {"text", e.text},   {"start", e.start},
          {"end", e.end},       {"score", e.score}, {"figure", e.figure},
          {"figure_start", e.figure_start}, {"figure_end", e.figure_end}};
}

// The claim as the draft states it, without a verdict.
json::object DraftClaimJson(const draft::Claim& claim) {
  json::array qualifiers, context, sources, mentions;
  for (const text::Quantity& q : claim.qualifiers) qualifiers.push_back(QuantityJson(q));
  for (const std::string& s : claim.context) context.push_back(json::string(s));
  for (int s : claim.sources) sources.push_back(s + 1);
  for (const draft::Mention& m : claim.mentions) {
    json::object o = RangeJson(m.range);
    o["sentence"] = m.sentence;
    mentions.push_back(std::move(o));
  }
  return {{"id", claim.id},
          {"sentence", claim.sentence},
          {"quantity", QuantityJson(claim.quantity)},
          {"qualifiers", std::move(qualifiers)},
          {"negated", claim.negated},
          {"context", std::move(context)},
          {"sources", std::move(sources)},
          {"mentions", std::move(mentions)}};
}

json::object ClaimJson(const ClaimReport& c) {
  json::array evidence;
  for (const verify::Evidence& e : c.verdict.evidence) evidence.push_back(EvidenceJson(e));
  const verify::Verdict& v = c.verdict;
  json::object o = DraftClaimJson(c.claim);
  o["verdict"] = std::string(verify::VerdictName(v.kind));
  o["support"] = v.support;
  o["reason"] = v.reason;
  o["decided_by"] = v.source >= 0 ? json::value(v.source + 1) : json::value(nullptr);
  o["derivation"] = v.derivation;
  o["evidence"] = std::move(evidence);
  return o;
}

json::array FindingsJson(const std::vector<draft::Finding>& findings) {
  json::array out;
  for (const draft::Finding& f : findings) {
    json::object o = RangeJson(f.range);
    o["code"] = f.code;
    o["message"] = f.message;
    out.push_back(std::move(o));
  }
  return out;
}

json::object SourceJson(const SourceReport& s) {
  json::array redirects, reasons;
  for (const std::string& r : s.fetch.redirects) redirects.push_back(json::string(r));
  for (const std::string& r : s.reliability.reasons) reasons.push_back(json::string(r));
  const draft::SourceEntry& e = s.entry;
  json::value declared = nullptr;
  if (e.declared_reliability) declared = *e.declared_reliability;
  return {{"number", e.number},
          {"name", e.name},
          {"kind", e.kind},
          {"url", e.url},
          {"date", e.date},
          {"from_inline_link", e.from_inline_link},
          {"location", RangeJson(e.range)},
          {"title", s.title},
          {"declared_reliability", declared},
          {"reliability", {{"score", s.reliability.score},
                           {"publisher_type", s.reliability.publisher_type},
                           {"reasons", std::move(reasons)}}},
          {"overrated", s.overrated},
          {"fetch", {{"outcome", s.fetch.outcome},
                     {"status", s.fetch.status},
                     {"final_url", s.fetch.final_url},
                     {"error", s.fetch.error},
                     {"redirects", std::move(redirects)},
                     {"content_type", s.fetch.content_type},
                     {"archive_file", s.fetch.archive_file},
                     {"archive_offset", s.fetch.archive_offset},
                     {"from_archive", s.fetch.from_archive}}}};
}

json::object IntegrityJson(const CheckReport& r) {
  json::array per_source, per_section;
  for (size_t i = 0; i < r.integrity.per_source.size(); ++i) {
    json::object o = TallyJson(r.integrity.per_source[i]);
    o["source"] = i + 1;
    per_source.push_back(std::move(o));
  }
  for (size_t i = 0; i < r.integrity.per_section.size(); ++i) {
    if (r.integrity.per_section[i].total() == 0) continue;
    json::object o = TallyJson(r.integrity.per_section[i]);
    o["section"] = i < r.sections.size() ? r.sections[i].title : "";
    o["line"] = i < r.sections.size() ? r.sections[i].range.line : 0;
    per_section.push_back(std::move(o));
  }
  json::object overall = TallyJson(r.integrity.overall);
  overall["min_integrity"] = r.min_integrity;
  overall["passed"] = r.passed();
  overall["per_source"] = std::move(per_source);
  overall["per_section"] = std::move(per_section);
  overall["unattributed"] = TallyJson(r.integrity.unattributed);
  return overall;
}

}  // namespace

std::string RenderJson(const CheckReport& r) {
  json::array claims, sources;
  for (const ClaimReport& c : r.claims) claims.push_back(ClaimJson(c));
  for (const SourceReport& s : r.sources) sources.push_back(SourceJson(s));
  json::object root = {
      {"schema_version", kJsonSchemaVersion},
      {"draft", {{"path", r.draft_path}, {"title", r.title}, {"lang", r.lang}}},
      {"checked_at", r.checked_at},
      {"integrity", IntegrityJson(r)},
      {"claims", std::move(claims)},
      {"sources", std::move(sources)},
      {"findings", FindingsJson(r.findings)}};
  return internal::PrettyJson(root);
}

std::string RenderClaimsJson(const draft::Draft& d, const std::vector<draft::Claim>& claims) {
  json::array list, sources;
  for (const draft::Claim& c : claims) list.push_back(DraftClaimJson(c));
  for (const draft::SourceEntry& e : d.sources) {
    json::value declared = nullptr;
    if (e.declared_reliability) declared = *e.declared_reliability;
    sources.push_back({{"number", e.number}, {"name", e.name}, {"kind", e.kind},
                       {"url", e.url}, {"date", e.date}, {"declared_reliability", declared},
                       {"from_inline_link", e.from_inline_link}, {"location", RangeJson(e.range)}});
  }
  json::object root = {
      {"schema_version", kJsonSchemaVersion},
      {"draft", {{"path", d.path}, {"title", d.title}, {"lang", std::string(text::LangCode(d.lang))}}},
      {"claims", std::move(list)},
      {"sources", std::move(sources)},
      {"findings", FindingsJson(d.findings)}};
  return internal::PrettyJson(root);
}

}  // namespace citecheck::report
