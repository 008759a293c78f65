// AuditService::Run: one audit run, from planning to the report.
//
// Crash safety rests on three facts: each URL result is committed (in batches) as soon
// as its fetch is final, keyed by (run, url), and a key already present is never
// written again; a run stays "running" until its last step, so the next call with the
// same scope and shard picks it up and fetches only what it has no result for; the
// claims of an article are committed together. Sources that an article's claims need
// are fetched again on a resumed run (their text is not kept between processes), but
// their results, already recorded, are not written again.
#include <algorithm>
#include <set>

#include "common/hash.h"
#include "crawler/memento.h"
#include "service/internal/audit_claims.h"
#include "service/internal/audit_classify.h"
#include "service/internal/audit_recorder.h"
#include "service/internal/records.h"
#include "service/service.h"

namespace citecheck::service {
namespace {

using common::Result;
using common::Status;
using internal::UrlKey;

bool WantsArchive(const store::AuditUrlRecord& u) {
  return u.state == "dead" || u.state == "drifted";
}

class AuditRun {
 public:
  AuditRun(const common::Config& config, const AuditFetcherFactory& fetchers,
           const std::filesystem::path& db_path, store::Store& store, index::Index& index,
           const common::Clock& clock, common::Logger& logger, crawler::Fetcher* mementos)
      : config_(config),
        fetchers_(fetchers),
        db_path_(db_path),
        store_(store),
        index_(index),
        clock_(clock),
        logger_(logger),
        mementos_(mementos) {}

  Result<AuditReport> Run(const AuditInput& input, const AuditShard& shard) {
    now_ = clock_.NowMicros();
    CC_ASSIGN_OR_RETURN(run_, store_.StartOrResumeAuditRun(input.scope, shard.spec(), now_));
    Plan(input, shard);
    CC_RETURN_IF_ERROR(SkipRecorded());
    CC_RETURN_IF_ERROR(FetchAndRecord());
    CC_RETURN_IF_ERROR(FindArchives());
    CC_RETURN_IF_ERROR(AuditClaims());
    return Finish();
  }

 private:
  // Notes a URL cited somewhere, in first-seen order, with its citation date.
  void Cite(const std::string& url, int64_t cited_at) {
    const std::string key = UrlKey(url);
    if (original_.emplace(key, url).second) order_.push_back(key);
    cited_at_.emplace(key, cited_at);
  }

  void PlanArticle(const AuditArticle& a, const AuditShard& shard) {
    const bool mine = InShard(a.key, shard);
    if (mine) articles_.push_back(&a);
    for (const store::ArticleSourceRecord& s : a.published_sources) {
      published_.emplace(UrlKey(s.url), s.content_sha256);
      Cite(s.url, s.cited_at_micros);
    }
    const int64_t draft_date = internal::DateMicros(a.draft.date)
                                   .value_or(a.published_at_micros ? a.published_at_micros : now_);
    for (const draft::SourceEntry& e : a.draft.sources) {
      if (e.url.empty()) continue;
      Cite(e.url, internal::DateMicros(e.parsed_date).value_or(draft_date));
      if (mine) read_.insert(UrlKey(e.url));
      if (InShard(e.url, shard)) record_.insert(UrlKey(e.url));
    }
  }

  void Plan(const AuditInput& input, const AuditShard& shard) {
    for (const AuditArticle& a : input.articles) PlanArticle(a, shard);
    for (const std::string& url : input.urls) {
      Cite(url, now_);
      if (InShard(url, shard)) record_.insert(UrlKey(url));
    }
  }

  // A resumed run: URLs with a result already are not recorded again.
  Status SkipRecorded() {
    CC_ASSIGN_OR_RETURN(const std::vector<store::AuditUrlRecord> done, store_.AuditUrls(run_.id));
    resumed_ = !done.empty() || run_.started_at_micros != now_;
    for (const store::AuditUrlRecord& u : done) record_.erase(UrlKey(u.url));
    return Status::Ok();
  }

  Status FetchAndRecord() {
    std::vector<std::string> urls;
    for (const std::string& key : order_) {
      if (record_.contains(key) || read_.contains(key)) urls.push_back(original_[key]);
    }
    if (urls.empty()) return Status::Ok();
    crawler::RecordingQueue queue(db_path_, [this](store::Store& s, crawler::FetchResult f) {
      return Record(s, std::move(f));
    });
    CC_RETURN_IF_ERROR(queue.Start());
    auto fetcher = fetchers_(&queue);
    if (!fetcher.ok()) return (void)queue.Finish({}), fetcher.status();
    std::vector<crawler::FetchResult> results = (*fetcher)->FetchAll(urls);
    fetcher->reset();
    const Status recorded = queue.Finish(results);
    results = {};  // the bodies are no longer needed: free them before the claims
    CC_RETURN_IF_ERROR(recorded);
    logger_.Info("audit run " + std::to_string(run_.id) + ": fetched " +
                 std::to_string(urls.size()) + " URLs");
    return read_.empty() ? Status::Ok() : index_.Commit();
  }

  // Reads the page when an article's claims need it; returns the hash of its text.
  Result<std::string> ReadForClaims(const std::string& key, const crawler::FetchResult& f) {
    CC_ASSIGN_OR_RETURN(SourceRead read, ReadFetched(f, index_));
    reads_[key] = {read.doc.has_value(), read.failure,
                   read.doc ? text::ParseLang(read.doc->lang) : text::Lang::kUnknown};
    return read.doc ? common::Sha256Hex(read.doc->text) : std::string();
  }

  // On the recording thread, inside a transaction of `s`.
  Status Record(store::Store& s, crawler::FetchResult f) {
    const std::string key = UrlKey(f.url);
    if (auto it = original_.find(key); it != original_.end()) f.url = it->second;
    internal::AuditFacts facts;
    if (read_.contains(key)) {
      CC_ASSIGN_OR_RETURN(facts.content_sha256, ReadForClaims(key, f));
    } else if (f.outcome == crawler::FetchOutcome::kOk && !f.soft_404 && !f.body.empty()) {
      facts.content_sha256 = common::Sha256Hex(f.body);
    }
    if (!record_.contains(key)) return Status::Ok();
    CC_ASSIGN_OR_RETURN(facts.previous, s.LatestAuditUrl(f.url, run_.id));
    if (auto it = published_.find(key); it != published_.end()) facts.published_sha256 = it->second;
    facts.now_micros = now_;
    store::AuditUrlRecord r = internal::ClassifyAuditUrl(f, facts, config_);
    r.run_id = run_.id;
    if (facts.previous && WantsArchive(r)) {
      r.archived_url = facts.previous->archived_url;
      r.archived_at_micros = facts.previous->archived_at_micros;
    }
    CC_RETURN_IF_ERROR(s.AddAuditUrl(r).status());
    CC_RETURN_IF_ERROR(s.AddFetch(internal::FetchRecordOf(f)).status());
    return crawler::StoreResponseCache(s).Record({f});
  }

  // The closest archived copy of each dead or drifted URL that has none yet.
  Status FindArchives() {
    if (mementos_ == nullptr || config_.audit.memento_timemap.empty()) return Status::Ok();
    CC_ASSIGN_OR_RETURN(const std::vector<store::AuditUrlRecord> urls, store_.AuditUrls(run_.id));
    std::vector<std::pair<std::string, int64_t>> wanted;
    for (const store::AuditUrlRecord& u : urls) {
      if (static_cast<int>(wanted.size()) >= config_.audit.max_memento_lookups) break;
      if (!WantsArchive(u) || !u.archived_url.empty()) continue;
      const auto date = cited_at_.find(UrlKey(u.url));
      wanted.emplace_back(u.url, date != cited_at_.end() ? date->second : now_);
    }
    if (wanted.empty()) return Status::Ok();
    crawler::MementoClient client(*mementos_, config_.audit.memento_timemap);
    const auto found = client.Closest(wanted);
    return store_.RunInTransaction([&]() -> Status {
      for (const auto& [url, memento] : found) {
        if (!memento) continue;
        CC_RETURN_IF_ERROR(
            store_.SetAuditArchive(run_.id, url, memento->url, memento->datetime_micros));
      }
      return Status::Ok();
    });
  }

  // Each article's claims, committed together; articles done before a crash are skipped.
  Status AuditClaims() {
    CC_ASSIGN_OR_RETURN(const std::vector<store::AuditClaimRecord> done,
                        store_.AuditClaims(run_.id));
    std::set<std::string> finished;
    for (const store::AuditClaimRecord& c : done) finished.insert(c.article_key);
    for (const AuditArticle* a : articles_) {
      if (finished.contains(a->key)) continue;
      CC_ASSIGN_OR_RETURN(
          const std::vector<store::AuditClaimRecord> claims,
          internal::AuditArticleClaims(*a, reads_, index_, config_.verify, store_, run_.id));
      CC_RETURN_IF_ERROR(store_.RunInTransaction([&]() -> Status {
        for (const store::AuditClaimRecord& c : claims)
          CC_RETURN_IF_ERROR(store_.AddAuditClaim(c).status());
        return Status::Ok();
      }));
    }
    return Status::Ok();
  }

  Result<AuditReport> Finish() {
    const int64_t finished = clock_.NowMicros();
    CC_RETURN_IF_ERROR(store_.FinishAuditRun(run_.id, finished));
    AuditReport report;
    report.run = run_;
    report.run.state = "done";
    report.run.finished_at_micros = finished;
    report.resumed = resumed_;
    CC_ASSIGN_OR_RETURN(report.previous, store_.PreviousAuditRun(run_.scope, run_.shard, run_.id));
    CC_ASSIGN_OR_RETURN(report.urls, store_.AuditUrls(run_.id));
    CC_ASSIGN_OR_RETURN(report.claims, store_.AuditClaims(run_.id));
    return report;
  }

  const common::Config& config_;
  const AuditFetcherFactory& fetchers_;
  const std::filesystem::path& db_path_;
  store::Store& store_;
  index::Index& index_;
  const common::Clock& clock_;
  common::Logger& logger_;
  crawler::Fetcher* const mementos_;

  int64_t now_ = 0;
  store::AuditRunRecord run_;
  bool resumed_ = false;
  std::vector<const AuditArticle*> articles_;     // the articles of this shard
  std::vector<std::string> order_;                // URL keys, first-seen order
  std::map<std::string, std::string> original_;   // key -> the URL as first cited
  std::map<std::string, int64_t> cited_at_;       // key -> citation date
  std::map<std::string, std::string> published_;  // key -> text hash at publication
  std::set<std::string> record_;                  // keys whose result this run records
  std::set<std::string> read_;                    // keys an article's claims need
  // key -> how it was read; written by the recording thread until it is joined.
  std::map<std::string, internal::SourceReadState> reads_;
};

}  // namespace

AuditService::AuditService(const common::Config& config, AuditFetcherFactory fetchers,
                           std::filesystem::path db_path, store::Store& store, index::Index& index,
                           const common::Clock& clock, common::Logger& logger,
                           crawler::Fetcher* mementos)
    : config_(config),
      fetchers_(std::move(fetchers)),
      db_path_(std::move(db_path)),
      store_(store),
      index_(index),
      clock_(clock),
      logger_(logger),
      mementos_(mementos) {}

Result<AuditReport> AuditService::Run(const AuditInput& input, const AuditShard& shard) {
  AuditRun run(config_, fetchers_, db_path_, store_, index_, clock_, logger_, mementos_);
  return run.Run(input, shard);
}

}  // namespace citecheck::service
