// One hop on one curl easy handle.
//
// Redirects are not followed by curl (CURLOPT_FOLLOWLOCATION stays off): the fetch loop
// follows them itself so that each hop's status, head and address are seen, checked
// and archived.
#include "crawler/internal/transfer.h"

#include <sys/socket.h>

#include <string_view>
#include <utility>

#include "crawler/internal/content.h"
#include "crawler/internal/curl_error.h"

namespace citecheck::crawler::internal {
namespace {

// curl_easy_setopt calls of one phase; the first failure is kept.
class OptionSetter {
 public:
  explicit OptionSetter(CURL* easy) : easy_(easy) {}
  template <typename T>
  OptionSetter& Set(CURLoption option, T value) {
    if (code_ == CURLE_OK) code_ = curl_easy_setopt(easy_, option, value);
    if (code_ != CURLE_OK && failed_option_ == 0) failed_option_ = option;
    return *this;
  }
  common::Status status(std::string_view url) const {
    if (code_ == CURLE_OK) return common::Status::Ok();
    return common::Status::Internal("libcurl refused option " + std::to_string(failed_option_) +
                                    " for " + std::string(url) + ": " + curl_easy_strerror(code_));
  }

 private:
  CURL* const easy_;  // not owned
  CURLcode code_ = CURLE_OK;
  int failed_option_ = 0;
};

// RFC 6761 section 6.4: names under "invalid." never resolve, and resolver libraries
// should answer so without asking the network. glibc does ask, so we answer for it.
bool IsReservedInvalidName(std::string_view host) {
  if (host.ends_with('.')) host.remove_suffix(1);
  return host == "invalid" || host.ends_with(".invalid");
}

std::string PeerText(const Endpoint& endpoint) {
  const bool v6 = endpoint.ip.find(':') != std::string::npos;
  return (v6 ? "[" + endpoint.ip + "]" : endpoint.ip) + ":" + std::to_string(endpoint.port);
}

}  // namespace

std::vector<std::string> BaseRequestHeaders() {
  return {"Accept: text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5",
          "Accept-Encoding: " + std::string(kAcceptEncoding)};
}

common::Result<std::unique_ptr<Transfer>> Transfer::Create(const TransferSettings& settings,
                                                           HopRequest request) {
  std::unique_ptr<Transfer> transfer(new Transfer(settings, std::move(request)));
  if (transfer->easy_ == nullptr) {
    return common::Status::Internal("curl_easy_init failed for " + transfer->url().url);
  }
  CC_RETURN_IF_ERROR(transfer->BuildHeaders());
  CC_RETURN_IF_ERROR(transfer->Configure());
  return transfer;
}

Transfer::Transfer(const TransferSettings& settings, HopRequest request)
    : settings_(settings), request_(std::move(request)), easy_(curl_easy_init()) {}

common::Status Transfer::BuildHeaders() {
  std::vector<std::string> lines = BaseRequestHeaders();
  if (!request_.if_none_match.empty()) lines.push_back("If-None-Match: " + request_.if_none_match);
  if (!request_.if_modified_since.empty()) {
    lines.push_back("If-Modified-Since: " + request_.if_modified_since);
  }
  for (const std::string& line : lines) {
    curl_slist* appended = curl_slist_append(headers_.get(), line.c_str());
    if (appended == nullptr) return common::Status::Internal("curl_slist_append failed");
    (void)headers_.release();  // now owned through `appended`
    headers_.reset(appended);
  }
  return common::Status::Ok();
}

Transfer::~Transfer() {
  if (multi_ != nullptr) curl_multi_remove_handle(multi_, easy_.get());
}

common::Status Transfer::Configure() {
  const common::CrawlerConfig& config = *settings_.config;
  OptionSetter set(easy_.get());
  set.Set(CURLOPT_URL, url().url.c_str())
      .Set(CURLOPT_PRIVATE, static_cast<void*>(this))
      .Set(CURLOPT_HTTPGET, 1L)
      .Set(CURLOPT_FOLLOWLOCATION, 0L)
      .Set(CURLOPT_PROTOCOLS_STR, "http,https")
      .Set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
      .Set(CURLOPT_PROXY, "")  // ignore http_proxy & co: the guard checks the real peer
      .Set(CURLOPT_NOSIGNAL, 1L)
      .Set(CURLOPT_USERAGENT, config.user_agent.c_str())
      .Set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.connect_timeout_ms))
      .Set(CURLOPT_TIMEOUT_MS, static_cast<long>(config.total_timeout_ms))
      .Set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(config.max_body_bytes))
      .Set(CURLOPT_ERRORBUFFER, error_buffer_)
      // Accept-Encoding is one of our headers, not CURLOPT_ACCEPT_ENCODING: curl must
      // hand us the coded bytes, which the archive keeps and we decode within limits.
      .Set(CURLOPT_HTTPHEADER, headers_.get())
      .Set(CURLOPT_HTTP_CONTENT_DECODING, 0L)
      .Set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS))
      // With HTTP/2, wait for a connection that can multiplex rather than open another.
      .Set(CURLOPT_PIPEWAIT, 1L)
      .Set(CURLOPT_DNS_CACHE_TIMEOUT, 300L)
      .Set(CURLOPT_HEADERFUNCTION, &Transfer::OnHeader)
      .Set(CURLOPT_HEADERDATA, static_cast<void*>(this))
      .Set(CURLOPT_WRITEFUNCTION, &Transfer::OnBody)
      .Set(CURLOPT_WRITEDATA, static_cast<void*>(this))
      // The debug callback is the only way to see the request head curl sent; it runs
      // only in verbose mode, and prints nothing itself.
      .Set(CURLOPT_VERBOSE, 1L)
      .Set(CURLOPT_DEBUGFUNCTION, &Transfer::OnDebug)
      .Set(CURLOPT_DEBUGDATA, static_cast<void*>(this))
      .Set(CURLOPT_OPENSOCKETFUNCTION, &Transfer::OnOpenSocket)
      .Set(CURLOPT_OPENSOCKETDATA, static_cast<void*>(this))
      .Set(CURLOPT_RESOLVER_START_FUNCTION, &Transfer::OnResolverStart)
      .Set(CURLOPT_RESOLVER_START_DATA, static_cast<void*>(this));
  if (config.low_speed_bytes > 0) {
    set.Set(CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(config.low_speed_bytes))
        .Set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(config.low_speed_seconds));
  }
  if (settings_.resolve != nullptr) set.Set(CURLOPT_RESOLVE, settings_.resolve);
  if (settings_.share != nullptr) set.Set(CURLOPT_SHARE, settings_.share);
  if (settings_.ca_file != nullptr && !settings_.ca_file->empty()) {
    set.Set(CURLOPT_CAINFO, settings_.ca_file->c_str());
  }
  return set.status(url().url);
}

common::Status Transfer::Attach(CURLM* multi) {
  const CURLMcode code = curl_multi_add_handle(multi, easy_.get());
  if (code != CURLM_OK) {
    return common::Status::Internal("curl_multi_add_handle failed for " + url().url + ": " +
                                    curl_multi_strerror(code));
  }
  multi_ = multi;
  return common::Status::Ok();
}

size_t Transfer::OnHeader(char* data, size_t size, size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  const std::string_view line(data, size * count);
  // A new status line starts a new head: informational 1xx heads are dropped.
  if (line.starts_with("HTTP/")) transfer->head_.clear();
  const auto limit = static_cast<size_t>(transfer->settings_.config->max_header_bytes);
  if (transfer->head_.size() + line.size() > limit) {
    transfer->head_too_large_ = true;
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  transfer->head_.append(line);
  return line.size();
}

size_t Transfer::OnBody(char* data, size_t size, size_t count, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  const size_t n = size * count;
  const auto limit = static_cast<size_t>(transfer->settings_.config->max_body_bytes);
  if (transfer->body_.size() + n > limit) {
    transfer->body_too_large_ = true;
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  transfer->body_.append(data, n);
  return n;
}

int Transfer::OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* self) {
  if (type != CURLINFO_HEADER_OUT) return 0;
  auto* transfer = static_cast<Transfer*>(self);
  // curl resends the request when a reused connection turns out dead: keep the last.
  if (transfer->request_head_.ends_with("\r\n\r\n")) transfer->request_head_.clear();
  transfer->request_head_.append(data, size);
  return 0;
}

curl_socket_t Transfer::OnOpenSocket(void* self, curlsocktype purpose, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(self);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
  const std::optional<Endpoint> endpoint = EndpointFromSockaddr(&address->addr, address->addrlen);
  if (!endpoint) {
    transfer->refused_ip_ = "a non-IP address";
    transfer->refused_reason_ = "not an IPv4 or IPv6 address";
    return CURL_SOCKET_BAD;
  }
  transfer->last_peer_ = PeerText(*endpoint);
  const FetchUrl& url = transfer->url();
  std::optional<std::string> refusal = transfer->settings_.policy->Refusal(url.host, url.port, *endpoint);
  if (refusal) {
    transfer->refused_ip_ = endpoint->ip;
    transfer->refused_reason_ = std::move(*refusal);
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

int Transfer::OnResolverStart(void*, void*, void* self) {
  auto* transfer = static_cast<Transfer*>(self);
  return IsReservedInvalidName(transfer->url().host) ? 1 : 0;  // non-zero: "could not resolve"
}

HopFacts Transfer::CollectFacts() const {
  const common::CrawlerConfig& config = *settings_.config;
  HopFacts facts;
  facts.url = url().url;
  facts.host = url().host;
  facts.redirected = request_.redirected;
  facts.body_too_large = body_too_large_;
  facts.max_body_bytes = config.max_body_bytes;
  facts.head_too_large = head_too_large_;
  facts.max_header_bytes = config.max_header_bytes;
  facts.low_speed_bytes = config.low_speed_bytes;
  facts.low_speed_seconds = config.low_speed_seconds;
  facts.refused_ip = refused_ip_;
  facts.refused_reason = refused_reason_;
  facts.peer = last_peer_;
  curl_easy_getinfo(easy_.get(), CURLINFO_OS_ERRNO, &facts.os_errno);
  curl_off_t connect_us = 0;
  curl_easy_getinfo(easy_.get(), CURLINFO_CONNECT_TIME_T, &connect_us);
  facts.connected = connect_us > 0;
  facts.connect_timeout_ms = config.connect_timeout_ms;
  facts.total_timeout_ms = config.total_timeout_ms;
  facts.curl_message = error_buffer_;
  return facts;
}

HopResult Transfer::Finish(CURLcode code) {
  HopResult hop;
  char* ip = nullptr;
  if (curl_easy_getinfo(easy_.get(), CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) {
    hop.remote_ip = ip;
  }
  if (code != CURLE_OK) hop.failure = CurlError(code, CollectFacts());
  hop.response_head = std::move(head_);
  hop.body = std::move(body_);
  hop.request_head = std::move(request_head_);
  return hop;
}

}  // namespace citecheck::crawler::internal
