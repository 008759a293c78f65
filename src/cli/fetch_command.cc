// citecheck fetch: fetch, archive, extract and index a list of URLs, and report each
// one the way link checkers do (class ok, redirect_ok, slow, flaky, ratelimited, dead,
// loop, soft404, robots_disallowed, error), in text or JSON.
//
// Every fetch is recorded in the store (the fetch log and the HTTP cache, so that the
// next run asks the servers conditionally), every exchange archived (crawler.archive),
// and every readable page extracted and indexed for later checks, unless --no-index
// asks for a link audit only. Recording runs on a second thread as results arrive, so
// that it overlaps the fetch instead of following it.
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "common/clock.h"
#include "common/file.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "draft/draft.h"
#include "service/internal/records.h"
#include "service/service.h"

namespace citecheck::cli {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

constexpr char kFetchUsage[] =
    "usage: citecheck fetch URL... | --from-draft DRAFT.md | --from-list FILE\n"
    "                       [--format text|json] [--no-index] [--data-dir DIR]\n"
    "                       [--config FILE] [--set KEY=VALUE] [--TABLE.KEY=VALUE]\n"
    "                       [--quiet | --verbose]\n"
    "  --from-list FILE   one URL per line (blank lines and lines starting with # skipped)\n"
    "  --from-draft FILE  the URLs of a draft's sources\n"
    "  --no-index         fetch, classify, archive and record only (a link audit)\n";

int Fail(std::ostream& err, const Status& s) {
  err << "citecheck: " << s.message() << "\n";
  return kExitError;
}

common::LogLevel Level(const ParsedArgs& a) {
  if (a.switches.contains("verbose")) return common::LogLevel::kInfo;
  if (a.switches.contains("quiet")) return common::LogLevel::kError;
  return common::LogLevel::kWarning;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Result<std::vector<std::string>> ReadList(const std::string& path) {
  CC_ASSIGN_OR_RETURN(const std::string text, common::ReadFile(path));
  std::vector<std::string> urls;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    const std::string_view line = Trim(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.front() != '#') urls.emplace_back(line);
  }
  return urls;
}

// The URLs to fetch, each once, in the order given.
Result<std::vector<std::string>> CollectUrls(const ParsedArgs& a) {
  std::vector<std::string> all = a.positional;
  if (auto list = a.flags.find("from-list"); list != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(std::vector<std::string> listed, ReadList(list->second));
    all.insert(all.end(), listed.begin(), listed.end());
  }
  if (auto path = a.flags.find("from-draft"); path != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(const draft::Draft d, draft::LoadDraft(path->second));
    for (const draft::SourceEntry& s : d.sources) {
      if (!s.url.empty()) all.push_back(s.url);
    }
  }
  std::vector<std::string> urls;
  std::set<std::string> seen;
  for (std::string& url : all) {
    if (seen.insert(url).second) urls.push_back(std::move(url));
  }
  if (urls.empty()) return Status::InvalidArgument("no URL to fetch");
  return urls;
}

int64_t MillisBetween(std::chrono::steady_clock::time_point a,
                      std::chrono::steady_clock::time_point b) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

// Redraws one progress line on a terminal, at most ten times a second.
class TerminalProgress final : public crawler::ProgressListener {
 public:
  explicit TerminalProgress(std::ostream& err) : err_(err) {}
  ~TerminalProgress() override {
    if (drawn_) err_ << "\n";
  }
  void OnProgress(const crawler::FetchProgress& progress) override {
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && progress.done < progress.total && now - last_ < std::chrono::milliseconds(100)) {
      return;
    }
    last_ = now;
    drawn_ = true;
    err_ << "\r" << crawler::FormatProgress(progress) << "\x1b[K" << std::flush;
  }

 private:
  std::ostream& err_;
  std::chrono::steady_clock::time_point last_;
  bool drawn_ = false;
};

// What the command learned about one URL, besides its FetchResult.
struct Outcome {
  crawler::LinkClass link_class = crawler::LinkClass::kError;
  std::optional<bool> changed;  // against the previous recorded fetch, when there is one
  std::string read_failure;     // why the page was not indexed (index mode)
  bool indexed = false;
};

// The key results are matched by: the normalized URL, or the text itself when it is
// not a URL.
std::string KeyOf(const std::string& url) {
  auto normalized = crawler::NormalizeUrl(url);
  return normalized.ok() ? *normalized : url;
}

// Records each result as soon as the fetcher has it, on a thread of its own, so that
// storing, extracting and indexing overlap the network waits: the fetch log, the HTTP
// cache and the documents, through a crawler::RecordingQueue (batched transactions on
// a connection of its own).
class Recorder {
 public:
  Recorder(const common::Config& config, std::filesystem::path db, index::Index* index,
           const std::vector<std::string>& urls)
      : config_(config),
        index_(index),
        queue_(std::move(db), [this](store::Store& s, crawler::FetchResult f) {
          return RecordOne(s, std::move(f));
        }) {
    for (const std::string& url : urls) original_.emplace(KeyOf(url), url);
  }

  Status Start() { return queue_.Start(); }
  crawler::ResultListener* listener() { return &queue_; }

  // Records the results of `all` that never reached the listener (URLs rejected
  // without a request), waits for the rest, commits the index, and returns each URL's
  // outcome by KeyOf.
  Result<std::map<std::string, Outcome>> Finish(const std::vector<crawler::FetchResult>& all) {
    CC_RETURN_IF_ERROR(queue_.Finish(all));
    if (index_ != nullptr) CC_RETURN_IF_ERROR(index_->Commit());
    return std::move(outcomes_);
  }

 private:
  // Records one result under the URL as given, and reads it when indexing.
  Status RecordOne(store::Store& store, crawler::FetchResult f) {
    const std::string key = KeyOf(f.url);
    if (auto it = original_.find(key); it != original_.end()) f.url = it->second;
    Outcome& o = outcomes_[key];
    o.link_class = crawler::ClassifyLink(f, config_.crawler.slow_ms);
    store::FetchRecord record = service::internal::FetchRecordOf(f);
    CC_ASSIGN_OR_RETURN(const std::optional<store::FetchRecord> previous,
                        store.LatestFetch(f.url));
    if (previous && previous->outcome == "ok" && !previous->body_sha256.empty() &&
        f.outcome == crawler::FetchOutcome::kOk) {
      o.changed = previous->body_sha256 != record.body_sha256;
    }
    CC_ASSIGN_OR_RETURN(const int64_t fetch_id, store.AddFetch(record));
    CC_RETURN_IF_ERROR(crawler::StoreResponseCache(store).Record({f}));
    if (index_ == nullptr || crawler::IsBrokenLink(o.link_class)) return Status::Ok();
    CC_ASSIGN_OR_RETURN(service::SourceRead read, service::ReadFetched(std::move(f), *index_));
    o.read_failure = read.failure;
    if (!read.doc) return Status::Ok();
    o.indexed = true;
    return store.AddDocument(service::internal::DocumentRecordOf(*read.doc, fetch_id)).status();
  }

  const common::Config& config_;
  index::Index* const index_;  // may be null; used by the recording thread only
  std::map<std::string, std::string> original_;  // KeyOf(url) -> the URL as given
  std::map<std::string, Outcome> outcomes_;  // by KeyOf; the recording thread's until Finish
  crawler::RecordingQueue queue_;             // last: its thread uses the members above
};

json::object JsonOf(const crawler::FetchResult& f, const Outcome& o, bool with_index) {
  json::object out;
  out["url"] = f.url;
  out["status"] = f.status;
  out["final_url"] = f.final_url;
  out["class"] = crawler::LinkClassName(o.link_class);
  out["outcome"] = crawler::FetchOutcomeName(f.outcome);
  if (!f.error.empty()) out["error"] = f.error;
  if (f.soft_404) out["soft_404_reason"] = f.soft_404_reason;
  json::array hops;
  for (const crawler::RedirectHop& h : f.redirects) {
    hops.push_back({{"url", h.url}, {"status", h.status}, {"location", h.location}});
  }
  out["redirects"] = std::move(hops);
  out["content_type"] = f.content_type;
  out["requests"] = f.requests;
  out["retries"] = f.retries;
  out["elapsed_ms"] = static_cast<int64_t>(f.elapsed_ms + 0.5);
  out["cache"] = crawler::CacheUseName(f.cache);
  if (!f.warc_file.empty()) {
    out["warc_file"] = f.warc_file;
    out["warc_offset"] = f.warc_offset;
  }
  if (o.changed) out["changed"] = *o.changed;
  if (with_index) {
    out["indexed"] = o.indexed;
    if (!o.read_failure.empty()) out["read_failure"] = o.read_failure;
  }
  return out;
}

void EmitText(const std::vector<crawler::FetchResult>& results,
              std::map<std::string, Outcome>& outcomes, std::ostream& out) {
  std::map<std::string_view, int> counts;
  for (const crawler::FetchResult& f : results) {
    const std::string_view name = crawler::LinkClassName(outcomes[KeyOf(f.url)].link_class);
    ++counts[name];
    out << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << f.status << " "
        << f.url;
    if (f.final_url != f.url && !f.redirects.empty()) out << " -> " << f.final_url;
    if (!f.error.empty()) out << "  (" << f.error << ")";
    if (f.soft_404) out << "  (" << f.soft_404_reason << ")";
    out << "\n";
  }
  out << results.size() << " URLs:";
  for (const auto& [name, n] : counts) out << " " << n << " " << name;
  out << "\n";
}

// Fetches `urls` with everything the workspace offers: archive, cache, progress.
Result<std::vector<crawler::FetchResult>> FetchUrls(const ParsedArgs& a,
                                                    const std::vector<std::string>& urls,
                                                    service::Workspace& ws, Recorder& recorder,
                                                    common::Logger& logger, std::ostream& err) {
  const common::CrawlerConfig& config = a.config.crawler;
  common::SystemClock clock;
  std::unique_ptr<crawler::WarcWriter> warc;
  if (config.archive) {
    CC_ASSIGN_OR_RETURN(warc, crawler::WarcWriter::Create(
                                  service::NewWarcPath(ws.warc_dir, clock.NowMicros()), clock,
                                  {config.warc_max_bytes, config.warc_compression_level}));
  }
  crawler::StoreResponseCache cache(*ws.store);
  std::optional<TerminalProgress> progress;
  if (::isatty(2) && !a.switches.contains("quiet")) progress.emplace(err);
  crawler::CurlFetcherOptions options;
  options.archive = warc.get();
  options.logger = &logger;
  options.cache = &cache;
  options.progress = progress ? &*progress : nullptr;
  options.results = recorder.listener();
  options.return_bodies = false;  // the recorder has them; the report needs none
  CC_ASSIGN_OR_RETURN(auto fetcher, crawler::CurlFetcher::Create(config, clock, options));
  std::vector<crawler::FetchResult> results = fetcher->FetchAll(urls);
  if (warc) CC_RETURN_IF_ERROR(warc->Close());
  return results;
}

}  // namespace

int RunFetchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {"from-list", "from-draft"},
                          {"no-index", "quiet", "verbose", "help"},
                          {{"format", "report.format"}, {"data-dir", "store.dir"}});
  if (!parsed.ok()) return Fail(err, parsed.status()), err << kFetchUsage, kExitError;
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kFetchUsage, kExitOk;
  auto urls = CollectUrls(a);
  if (!urls.ok()) return Fail(err, urls.status()), err << kFetchUsage, kExitError;
  common::StderrLogger logger(Level(a));
  auto ws = service::OpenWorkspace(a.config.store);
  if (!ws.ok()) return Fail(err, ws.status());
  const bool with_index = !a.switches.contains("no-index");
  Recorder recorder(a.config, ws->dir / "citecheck.db", with_index ? ws->index.get() : nullptr,
                    *urls);
  if (Status started = recorder.Start(); !started.ok()) return Fail(err, started);
  const auto start = std::chrono::steady_clock::now();
  auto results = FetchUrls(a, *urls, *ws, recorder, logger, err);
  const auto fetched = std::chrono::steady_clock::now();
  auto outcomes = recorder.Finish(results.ok() ? *results : std::vector<crawler::FetchResult>{});
  if (!results.ok()) return Fail(err, results.status());
  if (!outcomes.ok()) return Fail(err, outcomes.status());
  logger.Info("fetched " + std::to_string(results->size()) + " URLs in " +
              std::to_string(MillisBetween(start, fetched)) + " ms; recording" +
              (with_index ? " and indexing" : "") + " took " +
              std::to_string(MillisBetween(fetched, std::chrono::steady_clock::now())) +
              " ms more");
  if (a.config.report.format == "json") {
    json::array list;
    list.reserve(results->size());
    for (size_t i = 0; i < results->size(); ++i) {
      const crawler::FetchResult& f = (*results)[i];
      list.push_back(JsonOf(f, (*outcomes)[KeyOf(f.url)], with_index));
    }
    out << json::serialize(list) << "\n";
  } else {
    EmitText(*results, *outcomes, out);
  }
  return kExitOk;
}

}  // namespace citecheck::cli
