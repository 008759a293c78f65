#include <algorithm>
#include <map>

#include "service/internal/records.h"
#include "service/service.h"
#include "verify/verify.h"

namespace citecheck::service {
namespace {

using common::Result;
using common::Status;

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
    // Read once per run: verify.publishers_file may extend the built-in list, and a
    // file that cannot be read or parsed fails the check before anything is fetched.
    CC_ASSIGN_OR_RETURN(publishers_, LoadPublishers(config_.verify));
    claims_ = draft::ExtractClaims(draft_);
    CC_RETURN_IF_ERROR(ReadAll());
    VerifyClaims();
    return BuildReport();
  }

  const std::map<std::string, SourceRead>& reads() const { return reads_; }
  int64_t started() const { return started_; }

 private:
  Status ReadAll() {
    std::vector<std::string> urls;
    for (const draft::SourceEntry& s : draft_.sources) {
      if (!s.url.empty() && std::find(urls.begin(), urls.end(), s.url) == urls.end()) {
        urls.push_back(s.url);
      }
    }
    CC_ASSIGN_OR_RETURN(reads_, ReadSources(urls, fetcher_, index_, logger_));
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
    sr.reliability = verify::RateSource(facts, publishers_);
    sr.overrated = e.declared_reliability &&
                   *e.declared_reliability > sr.reliability.score + report::kOverratedMargin;
    return sr;
  }

  report::CheckReport BuildReport() const {
    report::CheckReport r;
    r.draft_path = draft_.path;
    r.draft_content = draft_.content;
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
  std::vector<verify::Publisher> publishers_;  // built-in, then verify.publishers_file
  std::map<std::string, SourceRead> reads_;    // by URL as requested
};

}  // namespace

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
      CC_ASSIGN_OR_RETURN(int64_t fetch_id, store_.AddFetch(internal::FetchRecordOf(read.fetch)));
      if (read.doc) CC_RETURN_IF_ERROR(store_.AddDocument(internal::DocumentRecordOf(*read.doc, fetch_id)).status());
    }
    return store_.AddCheck(internal::CheckRecordOf(draft, report, run.started(), finished)).status();
  });
  CC_RETURN_IF_ERROR(saved.WithContext("recording the check"));
  return report;
}

}  // namespace citecheck::service
