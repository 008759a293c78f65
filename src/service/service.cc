#include "service/service.h"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <system_error>

#include <boost/json.hpp>

#include "common/hash.h"
#include "extract/extract.h"
#include "verify/verify.h"

namespace citecheck::service {
namespace {

using common::Result;
using common::Status;
namespace json = boost::json;

// What the pipeline learned about one cited URL.
struct SourceRead {
  crawler::FetchResult fetch;
  std::optional<extract::Document> doc;  // when the body was read
  std::string failure;                   // why it was not, otherwise
};

std::string ReasonPrefix(crawler::FetchOutcome o) {
  switch (o) {
    case crawler::FetchOutcome::kDnsError: return "DNS failure";
    case crawler::FetchOutcome::kConnectError: return "connection failed";
    case crawler::FetchOutcome::kTlsError: return "TLS failure";
    case crawler::FetchOutcome::kTimeout: return "timed out";
    case crawler::FetchOutcome::kTooManyRedirects: return "too many redirects";
    case crawler::FetchOutcome::kTooLarge: return "too large";
    case crawler::FetchOutcome::kBlockedAddress: return "blocked address";
    case crawler::FetchOutcome::kUnsupportedScheme: return "unsupported scheme";
    case crawler::FetchOutcome::kInvalidUrl: return "invalid URL";
    case crawler::FetchOutcome::kNotArchived: return "not in the archive";
    default: return "fetch failed";
  }
}

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

store::FetchRecord ToRecord(const crawler::FetchResult& f) {
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

store::DocumentRecord ToRecord(const extract::Document& d, int64_t fetch_id) {
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

report::FetchSummary Summarize(const SourceRead& read) {
  report::FetchSummary s;
  const crawler::FetchResult& f = read.fetch;
  s.outcome = read.doc ? "ok" : std::string(crawler::FetchOutcomeName(f.outcome));
  s.status = f.status;
  s.final_url = f.final_url;
  s.error = read.failure;
  for (const crawler::RedirectHop& h : f.redirects) {
    s.redirects.push_back(std::to_string(h.status) + " " + h.url + " -> " + h.location);
  }
  s.content_type = f.content_type;
  s.archive_file = f.warc_file;
  s.archive_offset = f.warc_offset;
  s.from_archive = f.from_archive;
  return s;
}

// The draft's own date, for the age of its sources: front matter "date", as ISO.
std::string DraftDate(const draft::Draft& d) {
  std::string date = d.FrontMatterValue("date");
  return date.size() >= 10 ? date.substr(0, 10) : "";
}

// One check of one draft: the state that flows from fetching to the report.
class CheckRun {
 public:
  CheckRun(const common::Config& config, crawler::Fetcher& fetcher, index::Index& index,
           const common::Clock& clock, common::Logger& logger, const draft::Draft& draft)
      : config_(config), fetcher_(fetcher), index_(index), clock_(clock), logger_(logger),
        draft_(draft) {}

  Result<report::CheckReport> Run() {
    started_ = clock_.NowMicros();
    claims_ = draft::ExtractClaims(draft_);
    CC_RETURN_IF_ERROR(ReadSources());
    VerifyClaims();
    return BuildReport();
  }

  const std::map<std::string, SourceRead>& reads() const { return reads_; }
  int64_t started() const { return started_; }

 private:
  Status ReadSources() {
    std::vector<std::string> urls;
    for (const draft::SourceEntry& s : draft_.sources) {
      if (!s.url.empty() && std::find(urls.begin(), urls.end(), s.url) == urls.end()) {
        urls.push_back(s.url);
      }
    }
    for (crawler::FetchResult& f : fetcher_.FetchAll(urls)) {
      SourceRead read;
      read.fetch = std::move(f);
      CC_RETURN_IF_ERROR(ReadOne(read));
      reads_[read.fetch.url] = std::move(read);
    }
    return index_.Commit();
  }

  // Extracts and indexes one fetched page; a page that cannot be read is a failure
  // reason, not an error.
  Status ReadOne(SourceRead& read) {
    const crawler::FetchResult& f = read.fetch;
    if (f.outcome != crawler::FetchOutcome::kOk) {
      read.failure = FailureReason(f);
      logger_.Info(f.url + ": " + read.failure);
      return Status::Ok();
    }
    auto doc = extract::Extract(f.body, f.content_type, f.charset, f.final_url);
    if (!doc.ok()) {
      read.failure = "unreadable content: " + doc.status().message();
    } else if (doc->blocks.empty()) {
      read.failure = "the page has no main text";
    }
    if (!read.failure.empty()) {
      logger_.Info(f.url + ": " + read.failure);
      return Status::Ok();
    }
    text::Lang lang = text::ParseLang(doc->lang);
    if (lang == text::Lang::kUnknown) lang = text::DetectLanguage(doc->text);
    if (doc->lang.empty()) doc->lang = std::string(text::LangCode(lang));
    index::SourceDocument sd;
    sd.url = f.url;
    sd.lang = lang;
    sd.title = doc->title;
    sd.text = doc->text;
    std::vector<index::PassageInput> blocks;
    for (const extract::Block& b : doc->blocks) blocks.push_back({b.start, b.end});
    sd.passages = index::MakePassages(sd.text, blocks, lang);
    CC_RETURN_IF_ERROR(index_.Replace(sd));
    logger_.Info(f.url + ": HTTP " + std::to_string(f.status) + ", " +
                 std::to_string(doc->blocks.size()) + " blocks indexed");
    read.doc = std::move(*doc);
    return Status::Ok();
  }

  std::vector<verify::SourceState> States(const draft::Claim& claim) const {
    std::vector<verify::SourceState> out;
    for (size_t i = 0; i < draft_.sources.size(); ++i) {
      const draft::SourceEntry& e = draft_.sources[i];
      verify::SourceState s;
      s.index = static_cast<int>(i);
      s.url = e.url;
      s.cited = std::find(claim.sources.begin(), claim.sources.end(), static_cast<int>(i)) !=
                claim.sources.end();
      auto it = reads_.find(e.url);
      if (e.url.empty()) {
        s.reason = "the entry gives no URL";
      } else if (it != reads_.end()) {
        s.readable = it->second.doc.has_value();
        s.reason = it->second.failure;
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  // The language claims and passages are compared in: the draft's, or when it is too
  // short to tell, the one most of its sources are written in.
  text::Lang VerifyLang() const {
    if (draft_.lang != text::Lang::kUnknown) return draft_.lang;
    int fr = 0, en = 0;
    for (const auto& [url, read] : reads_) {
      if (!read.doc) continue;
      text::Lang l = text::ParseLang(read.doc->lang);
      fr += l == text::Lang::kFr ? 1 : 0;
      en += l == text::Lang::kEn ? 1 : 0;
    }
    if (fr == 0 && en == 0) return text::Lang::kUnknown;
    return fr >= en ? text::Lang::kFr : text::Lang::kEn;
  }

  void VerifyClaims() {
    verify::Verifier verifier(index_, config_.verify);
    const text::Lang lang = VerifyLang();
    for (const draft::Claim& c : claims_) {
      verdicts_.push_back(verifier.Verify(c, States(c), lang));
    }
  }

  report::SourceReport RateOne(size_t i) const {
    const draft::SourceEntry& e = draft_.sources[i];
    report::SourceReport sr;
    sr.entry = e;
    verify::SourceFacts facts;
    facts.url = e.url;
    facts.draft_date = DraftDate(draft_);
    auto it = reads_.find(e.url);
    if (it == reads_.end()) {
      sr.fetch.outcome = "no_url";
      sr.fetch.error = "the entry gives no URL";
      facts.failure = sr.fetch.error;
    } else {
      const SourceRead& read = it->second;
      sr.fetch = Summarize(read);
      facts.final_url = read.fetch.final_url;
      facts.fetched = read.doc.has_value();
      facts.failure = read.failure;
      if (read.doc) {
        sr.title = read.doc->title;
        facts.has_author = !read.doc->author.empty();
        facts.has_date = !read.doc->published.empty();
        facts.published = read.doc->published;
      }
    }
    for (size_t c = 0; c < claims_.size(); ++c) {
      const auto& srcs = claims_[c].sources;
      if (std::find(srcs.begin(), srcs.end(), static_cast<int>(i)) == srcs.end()) continue;
      ++facts.claims_attributed;
      if (verdicts_[c].source != static_cast<int>(i)) continue;
      facts.claims_supported += verdicts_[c].kind == verify::VerdictKind::kSupported ? 1 : 0;
      facts.claims_contradicted += verdicts_[c].kind == verify::VerdictKind::kContradicted ? 1 : 0;
    }
    sr.reliability = verify::RateSource(facts);
    sr.overrated = e.declared_reliability &&
                   *e.declared_reliability > sr.reliability.score + report::kOverratedMargin;
    return sr;
  }

  report::CheckReport BuildReport() const {
    report::CheckReport r;
    r.draft_path = draft_.path;
    r.title = draft_.title;
    r.lang = std::string(text::LangCode(draft_.lang));
    r.checked_at = common::FormatIso8601(started_);
    r.sections = draft_.sections;
    for (size_t i = 0; i < claims_.size(); ++i) r.claims.push_back({claims_[i], verdicts_[i]});
    for (size_t i = 0; i < draft_.sources.size(); ++i) r.sources.push_back(RateOne(i));
    r.findings = draft_.findings;
    r.integrity = verify::ComputeIntegrity(draft_, claims_, verdicts_);
    r.min_integrity = config_.check.min_integrity;
    return r;
  }

  const common::Config& config_;
  crawler::Fetcher& fetcher_;
  index::Index& index_;
  const common::Clock& clock_;
  common::Logger& logger_;
  const draft::Draft& draft_;
  int64_t started_ = 0;
  std::vector<draft::Claim> claims_;
  std::vector<verify::Verdict> verdicts_;
  std::map<std::string, SourceRead> reads_;  // by URL as requested
};

store::CheckRecord ToRecord(const draft::Draft& d, const report::CheckReport& r,
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

}  // namespace

Result<Workspace> OpenWorkspace(const common::StoreConfig& config) {
  Workspace ws;
  ws.dir = config.dir;
  ws.warc_dir = ws.dir / "warc";
  std::error_code ec;
  for (const auto& d : {ws.dir, ws.warc_dir, ws.dir / "index"}) {
    std::filesystem::create_directories(d, ec);
    if (ec) return Status::IoError(d.string() + ": cannot create directory: " + ec.message());
  }
  CC_ASSIGN_OR_RETURN(ws.store, store::Store::Open(ws.dir / "citecheck.db"));
  CC_ASSIGN_OR_RETURN(ws.index, index::Index::Open(ws.dir / "index"));
  return ws;
}

std::filesystem::path NewWarcPath(const std::filesystem::path& warc_dir, int64_t now_micros) {
  std::string stamp = common::FormatIso8601(now_micros);  // 2025-07-30T12:00:00Z
  stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == '-' || c == ':'; }),
              stamp.end());
  return warc_dir / ("citecheck-" + stamp + "-" + std::to_string(::getpid()) + ".warc.gz");
}

std::string FailureReason(const crawler::FetchResult& f) {
  if (f.outcome == crawler::FetchOutcome::kHttpError) {
    return f.error.empty() ? "HTTP " + std::to_string(f.status) : f.error;
  }
  std::string prefix = ReasonPrefix(f.outcome);
  return f.error.empty() ? prefix : prefix + ": " + f.error;
}

CheckService::CheckService(const common::Config& config, crawler::Fetcher& fetcher,
                           store::Store& store, index::Index& index,
                           const common::Clock& clock, common::Logger& logger)
    : config_(config), fetcher_(fetcher), store_(store), index_(index), clock_(clock),
      logger_(logger) {}

Result<report::CheckReport> CheckService::Check(const draft::Draft& draft) {
  CheckRun run(config_, fetcher_, index_, clock_, logger_, draft);
  CC_ASSIGN_OR_RETURN(report::CheckReport report, run.Run());
  const int64_t finished = clock_.NowMicros();
  // Everything the run learned is recorded together, or not at all.
  Status saved = store_.RunInTransaction([&]() -> Status {
    for (const auto& [url, read] : run.reads()) {
      CC_ASSIGN_OR_RETURN(int64_t fetch_id, store_.AddFetch(ToRecord(read.fetch)));
      if (read.doc) CC_RETURN_IF_ERROR(store_.AddDocument(ToRecord(*read.doc, fetch_id)).status());
    }
    return store_.AddCheck(ToRecord(draft, report, run.started(), finished)).status();
  });
  CC_RETURN_IF_ERROR(saved.WithContext("recording the check"));
  return report;
}

}  // namespace citecheck::service
