#include "service/internal/records.h"

#include <boost/json.hpp>

#include "common/hash.h"
#include "verify/verify.h"

namespace citecheck::service::internal {
namespace {

namespace json = boost::json;

std::string RedirectsJson(const crawler::FetchResult& f) {
  json::array a;
  for (const crawler::RedirectHop& h : f.redirects) {
    a.push_back({{"url", h.url}, {"status", h.status}, {"location", h.location}});
  }
  return json::serialize(a);
}

std::string HeadersJson(const crawler::FetchResult& f) {
  json::array a;
  for (const crawler::HttpHeader& h : f.headers) a.push_back({h.name, h.value});
  return json::serialize(a);
}

std::string BlocksJson(const extract::Document& d) {
  json::array a;
  for (const extract::Block& b : d.blocks) {
    a.push_back({{"kind", std::string(extract::BlockKindName(b.kind))},
                 {"start", b.start}, {"end", b.end}, {"level", b.level}, {"page", b.page}});
  }
  return json::serialize(a);
}

}  // namespace

store::FetchRecord FetchRecordOf(const crawler::FetchResult& f) {
  store::FetchRecord r;
  r.url = f.url;
  r.final_url = f.final_url;
  r.outcome = std::string(crawler::FetchOutcomeName(f.outcome));
  r.status = f.status;
  r.error = f.error;
  r.redirects_json = RedirectsJson(f);
  r.headers_json = HeadersJson(f);
  r.content_type = f.content_type;
  r.body_sha256 = f.body.empty() ? "" : common::Sha256Hex(f.body);
  r.body_bytes = static_cast<int64_t>(f.body.size());
  r.warc_file = f.warc_file;
  r.warc_offset = f.warc_offset;
  r.fetched_at_micros = f.fetched_at_micros;
  r.elapsed_ms = f.elapsed_ms;
  return r;
}

store::DocumentRecord DocumentRecordOf(const extract::Document& d, int64_t fetch_id) {
  store::DocumentRecord r;
  r.fetch_id = fetch_id;
  r.url = d.url;
  r.media_type = d.media_type;
  r.title = d.title;
  r.lang = d.lang;
  r.published = d.published;
  r.author = d.author;
  r.text_sha256 = common::Sha256Hex(d.text);
  r.text = d.text;
  r.blocks_json = BlocksJson(d);
  return r;
}

store::CheckRecord CheckRecordOf(const draft::Draft& d, const report::CheckReport& r,
                                 int64_t started, int64_t finished) {
  store::CheckRecord rec;
  rec.draft_path = d.path;
  rec.draft_sha256 = common::Sha256Hex(d.content);
  rec.started_at_micros = started;
  rec.finished_at_micros = finished;
  rec.integrity = r.integrity.overall.score();
  rec.report_json = report::RenderJson(r);
  for (const report::ClaimReport& c : r.claims) {
    store::VerdictRecord v;
    v.claim_id = c.claim.id;
    v.claim_text = c.claim.sentence;
    v.verdict = std::string(verify::VerdictName(c.verdict.kind));
    v.support = c.verdict.support;
    if (c.verdict.source >= 0) v.source_url = d.sources[c.verdict.source].url;
    if (!c.verdict.evidence.empty()) {
      v.evidence_text = c.verdict.evidence.front().text;
      v.evidence_start = static_cast<int64_t>(c.verdict.evidence.front().start);
      v.evidence_end = static_cast<int64_t>(c.verdict.evidence.front().end);
    }
    v.reason = c.verdict.reason;
    json::array mentions;
    for (const draft::Mention& m : c.claim.mentions) {
      mentions.push_back({{"line", m.range.line}, {"column", m.range.column}});
    }
    v.mentions_json = json::serialize(mentions);
    rec.verdicts.push_back(std::move(v));
  }
  return rec;
}

}  // namespace citecheck::service::internal
