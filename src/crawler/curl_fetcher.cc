// CurlFetcher: every transfer in one thread, on one libcurl multi handle.
//
// The loop (Run) is: start what the scheduler allows, let curl make progress, handle
// the transfers that finished, and sleep in curl_multi_poll until a socket or a curl
// timer needs attention. A finished hop either ends its job (final response or
// failure) or queues the job's next hop (a redirect), which goes back through the
// scheduler like any other request, so caps apply to redirect targets too.
//
// The multi handle and a share handle (DNS cache, TLS sessions) live as long as the
// fetcher, so connections and lookups are reused across hops and FetchAll calls.
#include <curl/curl.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/internal/address_guard.h"
#include "crawler/internal/http_head.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/scheduler.h"
#include "crawler/internal/transfer.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler {
namespace {

using internal::FetchFailure;
using internal::FetchUrl;
using internal::HopResult;
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

// One distinct requested URL, through all its hops.
struct Job {
  Job(FetchUrl url, int max_redirects) : chain(std::move(url), max_redirects) {}
  internal::RedirectChain chain;
  FetchResult result;
  bool started = false;
  int64_t hop_wall_micros = 0;  // when the current hop started (wall clock)
  int64_t hop_mono_micros = 0;  // when the current hop started (monotonic)
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

}  // namespace

class CurlFetcher::Impl {
 public:
  Impl(const common::CrawlerConfig& config, const common::Clock& clock, WarcWriter* archive,
       common::Logger* logger, std::vector<internal::ResolvePin> pins)
      : config_(config),
        clock_(clock),
        archive_(archive),
        logger_(logger),
        policy_(config.allow_private_addresses, pins),
        pins_(std::move(pins)),
        scheduler_(config.max_connections, config.max_per_host) {}

  common::Status Init();
  std::vector<FetchResult> FetchAll(const std::vector<std::string>& urls);

 private:
  void Run();
  void StartReady();
  void StartHop(size_t index);
  bool Drain();
  void OnHopDone(std::unique_ptr<Transfer> transfer, CURLcode code);
  void OnResponse(size_t index, const FetchUrl& url, HopResult hop);
  void ArchiveHop(Job& job, const FetchUrl& url, const HopResult& hop);
  void FailRemaining(const std::string& error);
  void Log(common::LogLevel level, const std::string& message) const {
    if (logger_ != nullptr) logger_->Log(level, message);
  }

  const common::CrawlerConfig config_;
  const common::Clock& clock_;
  WarcWriter* const archive_;     // may be null; outlives the fetcher
  common::Logger* const logger_;  // may be null; outlives the fetcher
  const internal::AddressPolicy policy_;
  const std::vector<internal::ResolvePin> pins_;
  // Declared in this order so that transfers go before the multi handle, and the
  // multi handle (with its connections) before the share handle.
  internal::Slist resolve_;
  ShareHandle share_;
  MultiHandle multi_;
  internal::TransferSettings settings_;
  internal::HostScheduler scheduler_;
  std::vector<Job> jobs_;                              // the current FetchAll's jobs
  std::map<CURL*, std::unique_ptr<Transfer>> active_;  // transfers in the multi handle
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
  settings_ = {&config_, &policy_, resolve_.get(), share_.get()};
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
    if (inserted) jobs_.emplace_back(std::move(check.url), config_.max_redirects);
    job_of[i] = it->second;
  }
  Run();
  for (size_t i = 0; i < urls.size(); ++i) {
    if (!job_of[i]) continue;
    results[i] = jobs_[*job_of[i]].result;
    results[i].url = urls[i];
  }
  jobs_.clear();
  return results;
}

void CurlFetcher::Impl::Run() {
  for (size_t i = 0; i < jobs_.size(); ++i) scheduler_.Push(jobs_[i].chain.current().host, i);
  while (scheduler_.queued() > 0 || !active_.empty()) {
    StartReady();
    int running = 0;
    const CURLMcode code = curl_multi_perform(multi_.get(), &running);
    if (code != CURLM_OK) {
      FailRemaining(std::string("libcurl multi error: ") + curl_multi_strerror(code));
      return;
    }
    // A finished hop may have freed a slot or queued a redirect: start before sleeping.
    if (Drain()) continue;
    if (!active_.empty()) curl_multi_poll(multi_.get(), nullptr, 0, kMaxPollMs, nullptr);
  }
}

void CurlFetcher::Impl::StartReady() {
  while (std::optional<size_t> index = scheduler_.Next()) StartHop(*index);
}

void CurlFetcher::Impl::StartHop(size_t index) {
  Job& job = jobs_[index];
  const FetchUrl& url = job.chain.current();
  job.result.final_url = url.url;
  job.hop_wall_micros = clock_.NowMicros();
  job.hop_mono_micros = clock_.MonotonicMicros();
  if (!job.started) job.result.fetched_at_micros = job.hop_wall_micros;
  job.started = true;
  auto transfer = Transfer::Create(settings_, url, index, job.chain.redirected());
  common::Status status = transfer.ok() ? (*transfer)->Attach(multi_.get()) : transfer.status();
  if (!status.ok()) {
    scheduler_.Done(url.host);
    Fail(job, {FetchOutcome::kError, status.message()});
    return;
  }
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
  HopResult hop = transfer->Finish(code);
  transfer.reset();  // leaves the multi handle; its connection goes back to the cache
  scheduler_.Done(url.host);
  Job& job = jobs_[index];
  job.result.elapsed_ms +=
      static_cast<double>(clock_.MonotonicMicros() - job.hop_mono_micros) / 1000.0;
  job.result.remote_ip = hop.remote_ip;
  if (hop.failure) {
    Log(common::LogLevel::kDebug, "fetch " + url.url + ": " + hop.failure->error);
    Fail(job, *hop.failure);
    return;
  }
  OnResponse(index, url, std::move(hop));
}

void CurlFetcher::Impl::OnResponse(size_t index, const FetchUrl& url, HopResult hop) {
  Job& job = jobs_[index];
  auto head = internal::ParseHttpHead(hop.response_head);
  if (!head.ok()) {
    Fail(job,
         {FetchOutcome::kError, "bad response from " + url.url + ": " + head.status().message()});
    return;
  }
  Log(common::LogLevel::kDebug, "fetch " + url.url + ": HTTP " + std::to_string(head->status));
  ArchiveHop(job, url, hop);
  const HttpHeader* location = FindHeader(head->headers, "Location");
  if (internal::IsRedirectStatus(head->status) && location != nullptr) {
    std::optional<FetchFailure> failure = job.chain.Follow(head->status, location->value);
    job.result.redirects = job.chain.hops();
    if (!failure) {
      scheduler_.Push(job.chain.current().host, index);
      return;
    }
    // The chain stops here: report the redirect response as the final one.
    internal::ApplyFinalResponse(*head, std::move(hop.body), job.result);
    job.result.outcome = failure->outcome;
    job.result.error = failure->error;
    return;
  }
  internal::ApplyFinalResponse(*head, std::move(hop.body), job.result);
  job.result.redirects = job.chain.hops();
}

void CurlFetcher::Impl::ArchiveHop(Job& job, const FetchUrl& url, const HopResult& hop) {
  job.result.warc_file.clear();
  job.result.warc_offset = -1;
  if (archive_ == nullptr || !config_.archive) return;
  WarcExchange exchange;
  exchange.target_uri = url.url;
  exchange.ip = hop.remote_ip;
  exchange.date_micros = job.hop_wall_micros;
  exchange.request_head = internal::ArchivedRequestHead(hop.request_head);
  exchange.response_head = internal::ArchivedResponseHead(hop.response_head);
  exchange.response_body = hop.body;
  common::Result<int64_t> offset = archive_->Write(exchange);
  if (!offset.ok()) {
    Log(common::LogLevel::kWarning, "not archived: " + url.url + ": " + offset.status().message());
    return;
  }
  job.result.warc_file = archive_->path().string();
  job.result.warc_offset = *offset;
}

void CurlFetcher::Impl::FailRemaining(const std::string& error) {
  while (std::optional<size_t> index = scheduler_.Next()) {
    scheduler_.Done(jobs_[*index].chain.current().host);
    Fail(jobs_[*index], {FetchOutcome::kError, error});
  }
  for (auto& [easy, transfer] : active_) {
    scheduler_.Done(transfer->url().host);
    Fail(jobs_[transfer->job()], {FetchOutcome::kError, error});
  }
  active_.clear();
}

common::Result<std::unique_ptr<CurlFetcher>> CurlFetcher::Create(
    const common::CrawlerConfig& config, const common::Clock& clock, WarcWriter* archive,
    common::Logger* logger) {
  std::vector<internal::ResolvePin> pins;
  for (const std::string& entry : config.resolve) {
    CC_ASSIGN_OR_RETURN(internal::ResolvePin pin, internal::ParseResolvePin(entry));
    pins.push_back(std::move(pin));
  }
  auto impl = std::make_unique<Impl>(config, clock, archive, logger, std::move(pins));
  CC_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<CurlFetcher>(new CurlFetcher(std::move(impl)));
}

CurlFetcher::CurlFetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CurlFetcher::~CurlFetcher() = default;

std::vector<FetchResult> CurlFetcher::FetchAll(const std::vector<std::string>& urls) {
  return impl_->FetchAll(urls);
}

}  // namespace citecheck::crawler
