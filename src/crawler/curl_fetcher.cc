// CurlFetcher: every transfer in one thread, on one libcurl multi handle.
//
// The loop (Run) is: start what the scheduler allows, let curl make progress, handle
// the transfers that finished, and sleep in curl_multi_poll until a socket, a curl
// timer or the next due time (a host delay, a retry) needs attention. Nothing in the
// loop waits for one host: robots.txt is fetched like any request, and the URLs of its
// origin wait beside the loop (RobotsGate) rather than in it.
//
// A job is one distinct requested URL through all its hops and retries (or one
// origin's robots.txt). Enqueue is the single door into the scheduler: every hop of
// every job passes the robots gate and the breaker there, so redirect targets on
// another origin get their own robots.txt and the caps apply to them too.
//
// The multi handle and a share handle (DNS cache, TLS sessions) live as long as the
// fetcher, so connections and lookups are reused across hops and FetchAll calls.
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/internal/address_guard.h"
#include "crawler/internal/http_head.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/response.h"
#include "crawler/internal/retry.h"
#include "crawler/internal/robots_gate.h"
#include "crawler/internal/scheduler.h"
#include "crawler/internal/transfer.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler {
namespace {

using internal::FetchFailure;
using internal::FetchUrl;
using internal::HopResult;
using internal::RobotsGate;
using internal::Transfer;

struct MultiCleanup {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiCleanup>;

struct ShareCleanup {
  void operator()(CURLSH* share) const { curl_share_cleanup(share); }
};
using ShareHandle = std::unique_ptr<CURLSH, ShareCleanup>;

// curl_multi_poll returns earlier when curl's own timers need it; this only bounds
// the sleep so that the loop stays responsive if it ever has nothing to wait on.
constexpr int kMaxPollMs = 1000;
constexpr int64_t kMicrosPerMs = 1000;
// RFC 9309 section 2.4: a fetched robots.txt is used for at most 24 hours.
constexpr int64_t kRobotsCacheMicros = int64_t{24} * 3600 * 1000000;

// Steady time in microseconds: what the loop's waits are measured on (see crawler.h).
int64_t SteadyMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// One distinct requested URL (or one origin's robots.txt), through all its hops.
struct Job {
  Job(FetchUrl url, int max_redirects, bool robots_job)
      : requested(url.url), chain(std::move(url), max_redirects), robots(robots_job) {}
  std::string requested;  // normalized first URL
  internal::RedirectChain chain;
  FetchResult result;
  bool robots = false;    // fetches robots.txt for the gate, not for the caller
  bool started = false;
  bool done = false;
  int64_t deadline = 0;         // steady micros: no retry is scheduled past it
  int64_t hop_wall_micros = 0;  // when the current hop started (clock_, wall)
  int64_t hop_mono_micros = 0;  // when the current hop started (clock_, monotonic)
  std::optional<CachedResponse> cached;  // validators and archived body of the URL
};

FetchResult Rejected(const std::string& url, const internal::UrlRejection& rejection) {
  FetchResult result;
  result.url = url;
  result.final_url = url;
  result.outcome = rejection.outcome;
  result.error = rejection.error;
  return result;
}

// Records a failure with no final response.
void Fail(Job& job, const FetchFailure& failure) {
  FetchResult& r = job.result;
  r.outcome = failure.outcome;
  r.error = failure.error;
  r.status = 0;
  r.headers.clear();
  r.content_type.clear();
  r.charset.clear();
  r.body.clear();
  r.redirects = job.chain.hops();
  r.warc_file.clear();
  r.warc_offset = -1;
  r.soft_404 = false;
  r.soft_404_reason.clear();
}

common::Result<internal::Slist> ResolveList(const std::vector<internal::ResolvePin>& pins) {
  internal::Slist list;
  for (const internal::ResolvePin& pin : pins) {
    std::string entry = pin.host + ":" + std::to_string(pin.port) + ":";
    for (size_t i = 0; i < pin.addresses.size(); ++i) {
      const std::string& ip = pin.addresses[i];
      entry += (i > 0 ? "," : "") + (ip.find(':') != std::string::npos ? "[" + ip + "]" : ip);
    }
    curl_slist* appended = curl_slist_append(list.get(), entry.c_str());
    if (appended == nullptr) return common::Status::Internal("curl_slist_append failed");
    (void)list.release();  // now owned through `appended`
    list.reset(appended);
  }
  return list;
}

// The stored response's headers, updated by those of a 304 (RFC 9111 section 4.3.4):
// a header the 304 carries replaces the stored one of the same name.
std::vector<HttpHeader> MergeHeaders(std::vector<HttpHeader> stored,
                                     const std::vector<HttpHeader>& fresh) {
  for (const HttpHeader& header : fresh) {
    if (internal::EqualsIgnoreCase(header.name, "Content-Length")) continue;
    bool replaced = false;
    for (HttpHeader& old : stored) {
      if (!internal::EqualsIgnoreCase(old.name, header.name)) continue;
      old.value = header.value;
      replaced = true;
    }
    if (!replaced) stored.push_back(header);
  }
  return stored;
}

}  // namespace

class CurlFetcher::Impl {
 public:
  Impl(const common::CrawlerConfig& config, const common::Clock& clock,
       const CurlFetcherOptions& options, std::vector<internal::ResolvePin> pins)
      : config_(config),
        clock_(clock),
        options_(options),
        policy_(config.allow_private_addresses, pins),
        pins_(std::move(pins)),
        gate_(std::string(ProductToken(config.user_agent)), kRobotsCacheMicros,
              int64_t{config.robots_unreachable_seconds} * 1000000),
        breaker_(config.breaker_failures, int64_t{config.breaker_cooldown_ms} * kMicrosPerMs),
        scheduler_(config.max_connections, config.max_per_host,
                   int64_t{config.per_host_delay_ms} * kMicrosPerMs),
        random_(options.jitter_seed ? *options.jitter_seed : std::random_device{}()) {}

  common::Status Init();
  std::vector<FetchResult> FetchAll(const std::vector<std::string>& urls);

 private:
  // Phases of a job.
  void Begin(size_t index);
  void Enqueue(size_t index);
  void StartRobots(const std::string& robots_url);
  void Complete(size_t index);
  void OnRobotsDone(size_t index);
  bool AnswerFromCache(Job& job, CacheUse use, const internal::HttpHead* not_modified);

  // The loop and one hop.
  void Run();
  void StartReady();
  void StartHop(size_t index);
  bool Drain();
  void OnHopDone(std::unique_ptr<Transfer> transfer, CURLcode code);
  void OnResponse(size_t index, const FetchUrl& url, HopResult hop, bool conditional);
  void OnFinalResponse(size_t index, const internal::HttpHead& head, HopResult hop);
  bool MaybeRetry(size_t index, internal::RetryCause cause, const internal::HttpHead* head);
  void ArchiveHop(Job& job, const FetchUrl& url, const HopResult& hop);
  void FailRemaining(const std::string& error);
  void Log(common::LogLevel level, const std::string& message) const {
    if (options_.logger != nullptr) options_.logger->Log(level, message);
  }

  const common::CrawlerConfig config_;
  const common::Clock& clock_;
  const CurlFetcherOptions options_;  // its pointers outlive the fetcher
  const internal::AddressPolicy policy_;
  const std::vector<internal::ResolvePin> pins_;
  RobotsGate gate_;
  internal::HostBreaker breaker_;
  // Declared in this order so that transfers go before the multi handle, and the
  // multi handle (with its connections) before the share handle.
  internal::Slist resolve_;
  ShareHandle share_;
  MultiHandle multi_;
  internal::TransferSettings settings_;
  internal::HostScheduler scheduler_;
  std::mt19937_64 random_;  // jitter of retry backoff
  std::deque<Job> jobs_;    // the current FetchAll's jobs (a deque: robots jobs are
                            // added while references to others are held)
  std::map<CURL*, std::unique_ptr<Transfer>> active_;  // transfers in the multi handle
  FetchProgress progress_;
  int64_t started_micros_ = 0;  // steady, start of the current FetchAll
};

common::Status CurlFetcher::Impl::Init() {
  CC_ASSIGN_OR_RETURN(resolve_, ResolveList(pins_));
  share_.reset(curl_share_init());
  multi_.reset(curl_multi_init());
  if (!share_ || !multi_) return common::Status::Internal("libcurl initialisation failed");
  if (curl_share_setopt(share_.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS) != CURLSHE_OK ||
      curl_share_setopt(share_.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION) != CURLSHE_OK) {
    return common::Status::Internal("libcurl share handle setup failed");
  }
  // Keep enough idle connections around for every transfer slot to reuse one.
  curl_multi_setopt(multi_.get(), CURLMOPT_MAXCONNECTS, static_cast<long>(config_.max_connections));
  // Several transfers to one HTTP/2 server share its connection (libcurl's default
  // since 7.62, set so that it does not depend on the version).
  curl_multi_setopt(multi_.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  settings_ = {&config_, &policy_, resolve_.get(), share_.get(), &options_.ca_file};
  return common::Status::Ok();
}

std::vector<FetchResult> CurlFetcher::Impl::FetchAll(const std::vector<std::string>& urls) {
  std::vector<FetchResult> results(urls.size());
  std::vector<std::optional<size_t>> job_of(urls.size());
  std::map<std::string, size_t> by_url;  // normalized URL -> job, so duplicates go once
  jobs_.clear();
  for (size_t i = 0; i < urls.size(); ++i) {
    internal::UrlCheck check = internal::CheckFetchUrl(urls[i]);
    if (!check.ok) {
      results[i] = Rejected(urls[i], check.rejection);
      continue;
    }
    auto [it, inserted] = by_url.emplace(check.url.url, jobs_.size());
    if (inserted) jobs_.emplace_back(std::move(check.url), config_.max_redirects, false);
    job_of[i] = it->second;
  }
  started_micros_ = SteadyMicros();
  progress_ = {0, jobs_.size(), 0, 0};
  for (size_t i = 0, n = jobs_.size(); i < n; ++i) Begin(i);
  Run();
  // Results are moved out of their jobs, and copied only for duplicate inputs: a body
  // is held once, not twice, at the end of a large call.
  std::vector<int> uses(jobs_.size(), 0);
  for (const std::optional<size_t>& job : job_of) {
    if (job) ++uses[*job];
  }
  for (size_t i = 0; i < urls.size(); ++i) {
    if (!job_of[i]) continue;
    FetchResult& result = jobs_[*job_of[i]].result;
    if (--uses[*job_of[i]] == 0) {
      results[i] = std::move(result);
    } else {
      results[i] = result;
    }
    results[i].url = urls[i];
  }
  jobs_.clear();
  gate_.DropHeld();
  return results;
}

void CurlFetcher::Impl::Begin(size_t index) {
  Job& job = jobs_[index];
  job.deadline = SteadyMicros() + int64_t{config_.max_fetch_ms} * kMicrosPerMs;
  if (options_.cache != nullptr) {
    auto entry = options_.cache->Lookup(job.requested);
    if (!entry.ok()) Log(common::LogLevel::kWarning, "cache: " + entry.status().message());
    if (entry.ok() && *entry) job.cached = std::move(**entry);
  }
  const int64_t fresh_micros = int64_t{config_.freshness_seconds} * 1000000;
  if (job.cached && fresh_micros > 0 &&
      clock_.NowMicros() - job.cached->validated_at_micros < fresh_micros &&
      AnswerFromCache(job, CacheUse::kFresh, nullptr)) {
    Complete(index);
    return;
  }
  Enqueue(index);
}

void CurlFetcher::Impl::Enqueue(size_t index) {
  Job& job = jobs_[index];
  const FetchUrl& url = job.chain.current();
  job.result.final_url = url.url;
  if (config_.robots && !job.robots) {
    const RobotsGate::Decision decision = gate_.Admit(url, index, SteadyMicros());
    switch (decision.admission) {
      case RobotsGate::Admission::kAllowed: break;
      case RobotsGate::Admission::kHeld: return;
      case RobotsGate::Admission::kFetchRobots: StartRobots(decision.robots_url); return;
      case RobotsGate::Admission::kDisallowed:
        Fail(job, {FetchOutcome::kRobotsDisallowed, decision.reason});
        Complete(index);
        return;
      case RobotsGate::Admission::kFailed:
        Fail(job, decision.failure);
        Complete(index);
        return;
    }
  }
  scheduler_.Push(url.host, index);
}

void CurlFetcher::Impl::StartRobots(const std::string& robots_url) {
  internal::UrlCheck check = internal::CheckFetchUrl(robots_url);
  const size_t index = jobs_.size();
  jobs_.emplace_back(std::move(check.url), internal::kRobotsMaxRedirects, true);
  Job& job = jobs_.back();
  job.deadline = SteadyMicros() + int64_t{config_.max_fetch_ms} * kMicrosPerMs;
  scheduler_.Push(job.chain.current().host, index);
}

void CurlFetcher::Impl::Complete(size_t index) {
  Job& job = jobs_[index];
  job.done = true;
  if (job.robots) return OnRobotsDone(index);
  if (options_.results != nullptr) {
    job.result.url = job.requested;
    options_.results->OnResult(job.result);
  }
  if (!options_.return_bodies) std::string().swap(job.result.body);
  ++progress_.done;
  if (job.result.outcome != FetchOutcome::kOk || job.result.soft_404) ++progress_.errors;
  progress_.elapsed_micros = SteadyMicros() - started_micros_;
  if (options_.progress != nullptr) options_.progress->OnProgress(progress_);
}

void CurlFetcher::Impl::OnRobotsDone(size_t index) {
  const Job& job = jobs_[index];
  const std::string robots_url = job.requested;
  const std::string host = internal::CheckFetchUrl(robots_url).url.host;
  Log(common::LogLevel::kDebug, robots_url + ": " + std::string(FetchOutcomeName(job.result.outcome)) +
                                    " " + std::to_string(job.result.status));
  const std::vector<size_t> held = gate_.Resolve(robots_url, job.result, SteadyMicros());
  const std::optional<double> delay = gate_.CrawlDelaySeconds(robots_url);
  if (delay && config_.max_crawl_delay_ms > 0) {
    const double ms = std::min(*delay * 1000, static_cast<double>(config_.max_crawl_delay_ms));
    scheduler_.SetHostInterval(host, static_cast<int64_t>(ms) * kMicrosPerMs);
  }
  for (size_t waiting : held) Enqueue(waiting);
}

bool CurlFetcher::Impl::AnswerFromCache(Job& job, CacheUse use,
                                        const internal::HttpHead* not_modified) {
  const CachedResponse& entry = *job.cached;
  auto stored = internal::LoadArchivedResponse(entry.warc_file, entry.warc_offset);
  if (!stored.ok()) {
    Log(common::LogLevel::kWarning, "cached response of " + job.requested +
                                        " unreadable: " + stored.status().message());
    return false;
  }
  internal::HttpHead head = std::move(stored->head);
  if (not_modified != nullptr) head.headers = MergeHeaders(std::move(head.headers), not_modified->headers);
  FetchResult& r = job.result;
  r.final_url = entry.final_url;
  if (use == CacheUse::kFresh) {
    r.redirects = entry.redirects;
    r.remote_ip = stored->ip;
    r.fetched_at_micros = stored->date_micros;
  }
  internal::FinishResponse(head, std::move(stored->body), config_.max_decoded_bytes,
                           job.requested, r);
  r.cache = use;
  r.warc_file = entry.warc_file;
  r.warc_offset = entry.warc_offset;
  return true;
}

void CurlFetcher::Impl::Run() {
  while (scheduler_.queued() > 0 || !active_.empty()) {
    StartReady();
    if (!active_.empty()) {
      int running = 0;
      const CURLMcode code = curl_multi_perform(multi_.get(), &running);
      if (code != CURLM_OK) {
        FailRemaining(std::string("libcurl multi error: ") + curl_multi_strerror(code));
        return;
      }
      // A finished hop may have freed a slot or queued a hop: start before sleeping.
      if (Drain()) continue;
    }
    int timeout_ms = kMaxPollMs;
    const int64_t now = SteadyMicros();
    if (std::optional<int64_t> due = scheduler_.NextDue(now)) {
      timeout_ms = static_cast<int>(
          std::clamp<int64_t>((*due - now + kMicrosPerMs - 1) / kMicrosPerMs, 0, kMaxPollMs));
    }
    if (timeout_ms > 0) curl_multi_poll(multi_.get(), nullptr, 0, timeout_ms, nullptr);
  }
}

void CurlFetcher::Impl::StartReady() {
  while (std::optional<size_t> index = scheduler_.Next(SteadyMicros())) StartHop(*index);
}

void CurlFetcher::Impl::StartHop(size_t index) {
  Job& job = jobs_[index];
  const FetchUrl& url = job.chain.current();
  if (!breaker_.Allows(url.host, SteadyMicros())) {
    scheduler_.Done(url.host);
    Fail(job, {FetchOutcome::kHostUnavailable,
               "not requested: " + url.host + " failed " +
                   std::to_string(breaker_.failures(url.host)) +
                   " times in a row (crawler.breaker_failures)"});
    return Complete(index);
  }
  job.result.final_url = url.url;
  job.hop_wall_micros = clock_.NowMicros();
  job.hop_mono_micros = clock_.MonotonicMicros();
  if (!job.started) job.result.fetched_at_micros = job.hop_wall_micros;
  job.started = true;
  internal::HopRequest request{url, index, job.chain.redirected(), "", ""};
  if (job.cached && job.cached->final_url == url.url) {
    request.if_none_match = job.cached->etag;
    request.if_modified_since = job.cached->last_modified;
  }
  auto transfer = Transfer::Create(settings_, std::move(request));
  common::Status status = transfer.ok() ? (*transfer)->Attach(multi_.get()) : transfer.status();
  if (!status.ok()) {
    scheduler_.Done(url.host);
    Fail(job, {FetchOutcome::kError, status.message()});
    return Complete(index);
  }
  ++job.result.requests;
  CURL* easy = (*transfer)->easy();
  active_.emplace(easy, std::move(*transfer));
}

bool CurlFetcher::Impl::Drain() {
  bool any = false;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_.get(), &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    // Copy what we need: `msg` dies when the handle leaves the multi handle.
    const CURLcode code = msg->data.result;
    auto it = active_.find(msg->easy_handle);
    if (it == active_.end()) continue;
    std::unique_ptr<Transfer> transfer = std::move(it->second);
    active_.erase(it);
    OnHopDone(std::move(transfer), code);
    any = true;
  }
  return any;
}

void CurlFetcher::Impl::OnHopDone(std::unique_ptr<Transfer> transfer, CURLcode code) {
  const size_t index = transfer->job();
  const FetchUrl url = transfer->url();
  const bool conditional = transfer->conditional();
  HopResult hop = transfer->Finish(code);
  transfer.reset();  // leaves the multi handle; its connection goes back to the cache
  scheduler_.Done(url.host);
  Job& job = jobs_[index];
  job.result.elapsed_ms +=
      static_cast<double>(clock_.MonotonicMicros() - job.hop_mono_micros) / 1000.0;
  job.result.remote_ip = hop.remote_ip;
  if (!hop.failure) return OnResponse(index, url, std::move(hop), conditional);
  Log(common::LogLevel::kDebug, "fetch " + url.url + ": " + hop.failure->error);
  const internal::RetryCause cause = internal::RetryCauseOf(hop.failure->outcome, 0);
  if (cause != internal::RetryCause::kNone || hop.failure->outcome == FetchOutcome::kDnsError) {
    breaker_.OnFailure(url.host, SteadyMicros());
  }
  if (MaybeRetry(index, cause, nullptr)) return;
  Fail(job, *hop.failure);
  Complete(index);
}

void CurlFetcher::Impl::OnResponse(size_t index, const FetchUrl& url, HopResult hop,
                                   bool conditional) {
  Job& job = jobs_[index];
  auto head = internal::ParseHttpHead(hop.response_head);
  if (!head.ok()) {
    Fail(job,
         {FetchOutcome::kError, "bad response from " + url.url + ": " + head.status().message()});
    return Complete(index);
  }
  Log(common::LogLevel::kDebug, "fetch " + url.url + ": " + head->version + " " +
                                    std::to_string(head->status));
  ArchiveHop(job, url, hop);
  if (head->status >= 500) {
    breaker_.OnFailure(url.host, SteadyMicros());
  } else {
    breaker_.OnSuccess(url.host);
  }
  const internal::RetryCause cause = internal::RetryCauseOf(
      head->status >= 400 ? FetchOutcome::kHttpError : FetchOutcome::kOk, head->status);
  if (MaybeRetry(index, cause, &*head)) return;
  if (head->status == 304 && conditional) {
    if (AnswerFromCache(job, CacheUse::kRevalidated, &*head)) return Complete(index);
    job.cached.reset();  // the stored body is gone: ask again, unconditionally
    return Enqueue(index);
  }
  const HttpHeader* location = FindHeader(head->headers, "Location");
  if (internal::IsRedirectStatus(head->status) && location != nullptr) {
    std::optional<FetchFailure> failure = job.chain.Follow(head->status, location->value);
    job.result.redirects = job.chain.hops();
    if (!failure) return Enqueue(index);
    // The chain stops here: report the redirect response as the final one.
    internal::ApplyFinalResponse(*head, std::move(hop.body), job.result);
    job.result.outcome = failure->outcome;
    job.result.error = failure->error;
    return Complete(index);
  }
  OnFinalResponse(index, *head, std::move(hop));
}

void CurlFetcher::Impl::OnFinalResponse(size_t index, const internal::HttpHead& head,
                                        HopResult hop) {
  Job& job = jobs_[index];
  job.result.redirects = job.chain.hops();
  job.result.cache = CacheUse::kNone;
  internal::FinishResponse(head, std::move(hop.body), config_.max_decoded_bytes, job.requested,
                           job.result);
  Complete(index);
}

bool CurlFetcher::Impl::MaybeRetry(size_t index, internal::RetryCause cause,
                                   const internal::HttpHead* head) {
  Job& job = jobs_[index];
  if (cause == internal::RetryCause::kNone || job.result.retries >= config_.max_retries) {
    return false;
  }
  int64_t wait = 0;
  const HttpHeader* retry_after =
      head != nullptr && (head->status == 429 || head->status == 503)
          ? FindHeader(head->headers, "Retry-After")
          : nullptr;
  std::optional<int64_t> asked;
  if (retry_after != nullptr) asked = internal::RetryAfterMicros(retry_after->value, clock_.NowMicros());
  if (asked) {
    if (*asked > int64_t{config_.max_retry_after_ms} * kMicrosPerMs) return false;
    wait = *asked;
  } else {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(random_);
    wait = internal::BackoffMicros(job.result.retries + 1,
                                   int64_t{config_.retry_base_ms} * kMicrosPerMs,
                                   int64_t{config_.retry_max_backoff_ms} * kMicrosPerMs, u);
  }
  const int64_t due = SteadyMicros() + wait;
  if (due > job.deadline) return false;
  ++job.result.retries;
  if (cause == internal::RetryCause::kRateLimited) job.result.rate_limited = true;
  Log(common::LogLevel::kDebug, "retry " + job.chain.current().url + " in " +
                                    std::to_string(wait / kMicrosPerMs) + " ms");
  scheduler_.PushAt(job.chain.current().host, index, due);
  return true;
}

void CurlFetcher::Impl::ArchiveHop(Job& job, const FetchUrl& url, const HopResult& hop) {
  job.result.warc_file.clear();
  job.result.warc_offset = -1;
  if (options_.archive == nullptr || !config_.archive) return;
  WarcExchange exchange;
  exchange.target_uri = url.url;
  exchange.ip = hop.remote_ip;
  exchange.date_micros = job.hop_wall_micros;
  exchange.request_head = internal::ArchivedRequestHead(hop.request_head);
  exchange.response_head = internal::ArchivedResponseHead(hop.response_head);
  exchange.response_body = hop.body;
  common::Result<int64_t> offset = options_.archive->Write(exchange);
  if (!offset.ok()) {
    Log(common::LogLevel::kWarning, "not archived: " + url.url + ": " + offset.status().message());
    return;
  }
  job.result.warc_file = options_.archive->path().string();
  job.result.warc_offset = *offset;
}

void CurlFetcher::Impl::FailRemaining(const std::string& error) {
  active_.clear();
  scheduler_.Clear();
  for (Job& job : jobs_) {
    if (!job.done) Fail(job, {FetchOutcome::kError, error});
  }
}

common::Result<std::unique_ptr<CurlFetcher>> CurlFetcher::Create(
    const common::CrawlerConfig& config, const common::Clock& clock, WarcWriter* archive,
    common::Logger* logger) {
  CurlFetcherOptions options;
  options.archive = archive;
  options.logger = logger;
  return Create(config, clock, options);
}

common::Result<std::unique_ptr<CurlFetcher>> CurlFetcher::Create(
    const common::CrawlerConfig& config, const common::Clock& clock,
    const CurlFetcherOptions& options) {
  std::vector<internal::ResolvePin> pins;
  for (const std::string& entry : config.resolve) {
    CC_ASSIGN_OR_RETURN(internal::ResolvePin pin, internal::ParseResolvePin(entry));
    pins.push_back(std::move(pin));
  }
  auto impl = std::make_unique<Impl>(config, clock, options, std::move(pins));
  CC_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<CurlFetcher>(new CurlFetcher(std::move(impl)));
}

CurlFetcher::CurlFetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CurlFetcher::~CurlFetcher() = default;

std::vector<FetchResult> CurlFetcher::FetchAll(const std::vector<std::string>& urls) {
  return impl_->FetchAll(urls);
}

}  // namespace citecheck::crawler
