// ReplayFetcher: answers FetchAll from the response records of a WARC file, following
// the redirects recorded there by the same rules as the live fetcher
// (internal/redirect.h), so a replayed result matches the live one field for field
// except from_archive and elapsed_ms (and fetched_at_micros below one second, since
// WARC-Date has second precision).
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crawler/crawler.h"
#include "crawler/internal/http_head.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler {
namespace {

struct ArchivedResponse {
  internal::HttpHead head;
  std::string body;
  std::string ip;           // WARC-IP-Address, or ""
  int64_t date_micros = 0;  // WARC-Date
  int64_t offset = -1;      // of the response record
};

// "2025-07-30T12:34:56Z", optionally with a fraction of a second; 0 when unparsable.
int64_t ParseWarcDate(const std::string& date) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  int64_t micros = static_cast<int64_t>(timegm(&tm)) * 1000000;
  if (date[consumed] == '.') {
    int64_t scale = 100000;
    for (size_t i = consumed + 1; i < date.size() && date[i] >= '0' && date[i] <= '9'; ++i) {
      micros += (date[i] - '0') * scale;
      scale /= 10;
    }
  }
  return micros;
}

// The HTTP response in a response record's block; nullopt when it is not one.
std::optional<ArchivedResponse> ParseResponseRecord(const WarcRecord& record) {
  const std::string& block = record.block;
  size_t split = block.find("\r\n\r\n");
  size_t body_at = split == std::string::npos ? std::string::npos : split + 4;
  if (split == std::string::npos && (split = block.find("\n\n")) != std::string::npos) {
    body_at = split + 2;
  }
  auto head = internal::ParseHttpHead(std::string_view(block).substr(0, body_at));
  if (!head.ok()) return std::nullopt;
  ArchivedResponse out;
  out.head = std::move(*head);
  internal::RestoreArchivedHeaders(out.head.headers);
  if (body_at != std::string::npos) out.body = block.substr(body_at);
  if (const HttpHeader* ip = FindHeader(record.headers, "WARC-IP-Address")) out.ip = ip->value;
  out.date_micros = ParseWarcDate(record.date);
  out.offset = record.offset;
  return out;
}

}  // namespace

class ReplayFetcher::Impl {
 public:
  Impl(std::string file, int max_redirects, std::map<std::string, ArchivedResponse> responses)
      : file_(std::move(file)), max_redirects_(max_redirects), responses_(std::move(responses)) {}

  FetchResult Fetch(const std::string& url) const;

 private:
  // Fills `result` from one archived hop. Returns true when a redirect was followed and
  // the chain goes on at chain.current(), false when `result` is final.
  bool Step(const ArchivedResponse& response, internal::RedirectChain& chain,
            FetchResult& result) const;

  const std::string file_;
  const int max_redirects_;
  const std::map<std::string, ArchivedResponse> responses_;  // by normalized target URI
};

FetchResult ReplayFetcher::Impl::Fetch(const std::string& url) const {
  FetchResult result;
  result.url = url;
  result.final_url = url;
  result.from_archive = true;
  internal::UrlCheck check = internal::CheckFetchUrl(url);
  if (!check.ok) {
    result.outcome = check.rejection.outcome;
    result.error = check.rejection.error;
    return result;
  }
  internal::RedirectChain chain(std::move(check.url), max_redirects_);
  while (true) {
    result.final_url = chain.current().url;
    auto it = responses_.find(chain.current().url);
    if (it == responses_.end()) {
      result.outcome = FetchOutcome::kNotArchived;
      result.error = (chain.redirected() ? "redirect target " + chain.current().url + " " : "") +
                     "not in archive " + file_;
      result.redirects = chain.hops();
      return result;
    }
    if (!chain.redirected()) result.fetched_at_micros = it->second.date_micros;
    if (!Step(it->second, chain, result)) return result;
  }
}

bool ReplayFetcher::Impl::Step(const ArchivedResponse& response, internal::RedirectChain& chain,
                               FetchResult& result) const {
  result.remote_ip = response.ip;
  result.warc_file = file_;
  result.warc_offset = response.offset;
  const HttpHeader* location = FindHeader(response.head.headers, "Location");
  if (internal::IsRedirectStatus(response.head.status) && location != nullptr) {
    std::optional<internal::FetchFailure> failure =
        chain.Follow(response.head.status, location->value);
    result.redirects = chain.hops();
    if (!failure) return true;
    internal::ApplyFinalResponse(response.head, response.body, result);
    result.outcome = failure->outcome;
    result.error = failure->error;
    return false;
  }
  internal::ApplyFinalResponse(response.head, response.body, result);
  result.redirects = chain.hops();
  return false;
}

common::Result<std::unique_ptr<ReplayFetcher>> ReplayFetcher::Open(
    const std::filesystem::path& warc, int max_redirects) {
  CC_ASSIGN_OR_RETURN(const std::vector<WarcRecord> records, ReadWarc(warc));
  std::map<std::string, ArchivedResponse> responses;
  for (const WarcRecord& record : records) {
    if (record.type != "response") continue;
    internal::UrlCheck target = internal::CheckFetchUrl(record.target_uri);
    if (!target.ok) continue;  // dns:, ftp: and other non-HTTP captures
    std::optional<ArchivedResponse> response = ParseResponseRecord(record);
    if (!response) continue;
    // A URL captured twice (cited directly and reached by a redirect, or fetched in
    // two runs): the later capture wins, as a re-fetch would. A live result may then
    // name the other capture's offset.
    responses.insert_or_assign(target.url.url, std::move(*response));
  }
  if (responses.empty()) {
    return common::Status::InvalidArgument(warc.string() + ": no HTTP response record");
  }
  auto impl = std::make_unique<Impl>(warc.string(), max_redirects, std::move(responses));
  return std::unique_ptr<ReplayFetcher>(new ReplayFetcher(std::move(impl)));
}

ReplayFetcher::ReplayFetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReplayFetcher::~ReplayFetcher() = default;

std::vector<FetchResult> ReplayFetcher::FetchAll(const std::vector<std::string>& urls) {
  std::vector<FetchResult> results;
  results.reserve(urls.size());
  std::map<std::string, FetchResult> done;  // by normalized URL: duplicates answered once
  for (const std::string& url : urls) {
    auto normalized = NormalizeUrl(url);
    const std::string key = normalized.ok() ? *normalized : url;
    auto it = done.find(key);
    if (it == done.end()) it = done.emplace(key, impl_->Fetch(url)).first;
    results.push_back(it->second);
    results.back().url = url;
  }
  return results;
}

}  // namespace citecheck::crawler
