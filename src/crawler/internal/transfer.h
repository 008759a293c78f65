// One hop: a GET of one URL on its own curl easy handle, with the callbacks that
// collect the response head and body, capture the request head for the archive,
// enforce the body and head limits, and check every address before curl connects to
// it. Bodies are collected as received (content-coded): decoding is the caller's.
//
// Thread-safety: used by the fetch loop's thread only.
#ifndef CITECHECK_CRAWLER_INTERNAL_TRANSFER_H_
#define CITECHECK_CRAWLER_INTERNAL_TRANSFER_H_

#include <curl/curl.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/config.h"
#include "common/status.h"
#include "crawler/internal/address_guard.h"
#include "crawler/internal/curl_error.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler::internal {

struct EasyCleanup {
  void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
using EasyHandle = std::unique_ptr<CURL, EasyCleanup>;

struct SlistFree {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// What every transfer of one fetcher shares. The fetcher owns all of it and outlives
// its transfers.
struct TransferSettings {
  const common::CrawlerConfig* config = nullptr;
  const AddressPolicy* policy = nullptr;
  curl_slist* resolve = nullptr;  // CURLOPT_RESOLVE entries, may be null
  CURLSH* share = nullptr;        // DNS and TLS session cache, may be null
  const std::string* ca_file = nullptr;  // CURLOPT_CAINFO when not null and not ""
};

// The request headers every hop sends besides curl's own (Host, User-Agent).
std::vector<std::string> BaseRequestHeaders();

// One hop to make.
struct HopRequest {
  FetchUrl url;
  size_t job = 0;           // the caller's index
  bool redirected = false;  // the URL is a redirect target (for messages)
  // Validators of a cached response, for a conditional request (RFC 9110 section
  // 13.1): If-None-Match and If-Modified-Since values, or "".
  std::string if_none_match;
  std::string if_modified_since;
};

// What one finished hop produced.
struct HopResult {
  std::string response_head;            // the final (non-1xx) head as received, "" if none
  std::string body;                     // as received
  std::string request_head;             // as sent, "" if nothing was sent
  std::string remote_ip;                // "" when no connection was made
  std::optional<FetchFailure> failure;  // set when the transfer failed
};

class Transfer {
 public:
  // Creates and configures the easy handle. Errors: kInternal when libcurl refuses an
  // option.
  static common::Result<std::unique_ptr<Transfer>> Create(const TransferSettings& settings,
                                                          HopRequest request);
  // Removes the handle from its multi handle (if attached), then frees it.
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // Adds the handle to `multi`, which must outlive this transfer. Errors: kInternal.
  common::Status Attach(CURLM* multi);

  CURL* easy() const { return easy_.get(); }
  size_t job() const { return request_.job; }
  const FetchUrl& url() const { return request_.url; }
  // True when the request carried validators.
  bool conditional() const {
    return !request_.if_none_match.empty() || !request_.if_modified_since.empty();
  }

  // Collects the outcome once curl reported the transfer done with `code`.
  HopResult Finish(CURLcode code);

 private:
  Transfer(const TransferSettings& settings, HopRequest request);
  common::Status Configure();
  common::Status BuildHeaders();
  HopFacts CollectFacts() const;

  static size_t OnHeader(char* data, size_t size, size_t count, void* self);
  static size_t OnBody(char* data, size_t size, size_t count, void* self);
  static int OnDebug(CURL* easy, curl_infotype type, char* data, size_t size, void* self);
  static curl_socket_t OnOpenSocket(void* self, curlsocktype purpose, curl_sockaddr* address);
  static int OnResolverStart(void* resolver, void* reserved, void* self);

  const TransferSettings settings_;
  const HopRequest request_;
  EasyHandle easy_;
  Slist headers_;           // CURLOPT_HTTPHEADER; lives as long as the handle
  CURLM* multi_ = nullptr;  // not owned; the multi handle this transfer is attached to
  std::string head_;
  std::string body_;
  std::string request_head_;
  bool body_too_large_ = false;
  bool head_too_large_ = false;
  std::string refused_ip_;  // set by OnOpenSocket when it refused an address
  std::string refused_reason_;
  std::string last_peer_;  // "ip:port" of the last connection attempt
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_TRANSFER_H_
