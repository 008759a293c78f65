// ReplayFetcher: answers FetchAll from the response records of WARC files, following
// the redirects recorded there by the same rules as the live fetcher
// (internal/redirect.h) and finishing responses the same way (internal/response.h), so
// a replayed result matches the live one field for field except from_archive,
// elapsed_ms, requests and retries (and fetched_at_micros below one second, since
// WARC-Date has second precision).
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "common/config.h"
#include "crawler/crawler.h"
#include "crawler/internal/http_head.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/response.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler {
namespace {

using internal::ArchivedResponse;

// The decoded-size limit of replayed bodies: the live fetcher's default.
const int64_t kMaxDecodedBytes = common::CrawlerConfig{}.max_decoded_bytes;

// The files to read: `path` itself, or the WARC files of a directory in name order.
common::Result<std::vector<std::filesystem::path>> WarcFiles(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return std::vector<std::filesystem::path>{path};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && (name.ends_with(".warc") || name.ends_with(".warc.gz"))) {
      files.push_back(entry.path());
    }
  }
  if (ec) return common::Status::IoError(path.string() + ": " + ec.message());
  // By name without the extension, so that "run.warc.gz" comes before its rotated
  // successors "run-00001.warc.gz"... (plain name order would put it last).
  auto stem = [](const std::filesystem::path& p) {
    std::string name = p.filename().string();
    for (std::string_view suffix : {".warc.gz", ".warc"}) {
      if (name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
    }
    return name;
  };
  std::sort(files.begin(), files.end(),
            [&](const auto& a, const auto& b) { return stem(a) < stem(b); });
  return files;
}

// Adds the response records of one file; a URL captured again replaces the earlier
// capture, as a re-fetch would.
common::Status AddResponses(const std::filesystem::path& file,
                            std::map<std::string, ArchivedResponse>& responses) {
  CC_ASSIGN_OR_RETURN(const std::vector<WarcRecord> records, ReadWarc(file));
  for (const WarcRecord& record : records) {
    if (record.type != "response") continue;
    internal::UrlCheck target = internal::CheckFetchUrl(record.target_uri);
    if (!target.ok) continue;  // dns:, ftp: and other non-HTTP captures
    std::optional<ArchivedResponse> response = internal::ParseArchivedResponse(record, file.string());
    if (!response) continue;
    responses.insert_or_assign(target.url.url, std::move(*response));
  }
  return common::Status::Ok();
}

}  // namespace

class ReplayFetcher::Impl {
 public:
  Impl(std::string source, int max_redirects, std::map<std::string, ArchivedResponse> responses)
      : source_(std::move(source)), max_redirects_(max_redirects), responses_(std::move(responses)) {}

  FetchResult Fetch(const std::string& url) const;

 private:
  // Fills `result` from one archived hop. Returns true when a redirect was followed and
  // the chain goes on at chain.current(), false when `result` is final.
  bool Step(const ArchivedResponse& response, const std::string& requested,
            internal::RedirectChain& chain, FetchResult& result) const;

  const std::string source_;  // the file or directory, for messages
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
  const std::string requested = check.url.url;
  internal::RedirectChain chain(std::move(check.url), max_redirects_);
  while (true) {
    result.final_url = chain.current().url;
    auto it = responses_.find(chain.current().url);
    if (it == responses_.end()) {
      result.outcome = FetchOutcome::kNotArchived;
      result.error = (chain.redirected() ? "redirect target " + chain.current().url + " " : "") +
                     "not in archive " + source_;
      result.redirects = chain.hops();
      return result;
    }
    if (!chain.redirected()) result.fetched_at_micros = it->second.date_micros;
    if (!Step(it->second, requested, chain, result)) return result;
  }
}

bool ReplayFetcher::Impl::Step(const ArchivedResponse& response, const std::string& requested,
                               internal::RedirectChain& chain, FetchResult& result) const {
  result.remote_ip = response.ip;
  result.warc_file = response.file;
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
  result.redirects = chain.hops();
  internal::FinishResponse(response.head, response.body, kMaxDecodedBytes, requested, result);
  return false;
}

common::Result<std::unique_ptr<ReplayFetcher>> ReplayFetcher::Open(
    const std::filesystem::path& warc, int max_redirects) {
  CC_ASSIGN_OR_RETURN(const std::vector<std::filesystem::path> files, WarcFiles(warc));
  std::map<std::string, ArchivedResponse> responses;
  for (const std::filesystem::path& file : files) CC_RETURN_IF_ERROR(AddResponses(file, responses));
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
