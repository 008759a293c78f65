// crawler: fetching cited URLs safely, and archiving what came back.
//
// A Fetcher turns URLs into FetchResults: final status, redirect chain, headers, body,
// timing, or the reason there is none (DNS failure, refused connection, timeout, blocked
// address, too many redirects, body too large). CurlFetcher uses libcurl's multi
// interface: transfers run in parallel under a global and a per-host cap, each hop is
// followed by us (so every hop's status and address are checked and recorded), and every
// connection's IP address is checked against loopback, private, link-local and similar
// ranges unless the configuration allows them. ReplayFetcher answers from a WARC file
// instead of the network. WarcWriter and ReadWarc write and read ISO 28500 WARC/1.1
// files, one gzip member per record.
//
//   crawler::CurlGlobal curl;  // once, in main
//   auto fetcher = crawler::CurlFetcher::Create(config.crawler, clock, &warc, &logger);
//   for (const FetchResult& r : (*fetcher)->FetchAll({"https://example.org/a"})) ...
//
// Thread-safety: a Fetcher is used by one thread at a time. WarcWriter is not
// thread-safe. CurlGlobal must be created before any other thread starts.
#ifndef CITECHECK_CRAWLER_CRAWLER_H_
#define CITECHECK_CRAWLER_CRAWLER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"

namespace citecheck::crawler {

enum class FetchOutcome {
  kOk = 0,             // the final response is 2xx
  kHttpError,          // the final response is 4xx or 5xx (see status)
  kDnsError,           // the host name did not resolve
  kConnectError,       // refused, unreachable, reset before a response
  kTlsError,           // certificate or handshake failure
  kTimeout,            // connect or total timeout
  kTooManyRedirects,   // more than max_redirects hops, or a redirect loop
  kTooLarge,           // body larger than max_body_bytes
  kBlockedAddress,     // the resolved address is not public and that is not allowed
  kUnsupportedScheme,  // not http or https
  kInvalidUrl,         // does not parse as an absolute URL
  kNotArchived,        // replay: the archive holds no response for this URL
  kError,              // anything else; `error` says what
};

// Stable snake_case name: "ok", "http_error", "dns_error", "connect_error", "tls_error",
// "timeout", "too_many_redirects", "too_large", "blocked_address",
// "unsupported_scheme", "invalid_url", "not_archived", "error".
std::string_view FetchOutcomeName(FetchOutcome outcome);

struct HttpHeader {
  std::string name;   // as received
  std::string value;  // trimmed
  bool operator==(const HttpHeader&) const = default;
};

struct RedirectHop {
  std::string url;       // the URL that answered with a redirect
  int status = 0;        // 301, 302, 303, 307, 308
  std::string location;  // the Location header as received
  bool operator==(const RedirectHop&) const = default;
};

struct FetchResult {
  std::string url;        // as requested
  std::string final_url;  // the last URL requested (== url without redirects)
  FetchOutcome outcome = FetchOutcome::kError;
  int status = 0;         // the final HTTP status; 0 when no response arrived
  // Why outcome is not kOk, for people: "could not resolve host www.example.fr",
  // "HTTP 404 Not Found", "redirect to 127.0.0.1 refused: loopback address".
  std::string error;
  std::vector<RedirectHop> redirects;  // every redirect answered, in order
  std::vector<HttpHeader> headers;     // the final response's headers, in order
  std::string content_type;  // media type, lower case, no parameters ("text/html")
  std::string charset;       // the Content-Type charset parameter, lower case, or ""
  std::string body;          // the final response body, without content coding
  std::string remote_ip;     // address of the final connection, "" when none
  int64_t fetched_at_micros = 0;  // wall clock when the first request started
  double elapsed_ms = 0;          // all hops together
  bool from_archive = false;      // answered by a ReplayFetcher
  std::string warc_file;          // where the final response was archived, or ""
  int64_t warc_offset = -1;       // byte offset of its response record, or -1
  bool operator==(const FetchResult&) const = default;
};

// Looks up a header by case-insensitive name; nullptr when absent.
const HttpHeader* FindHeader(const std::vector<HttpHeader>& headers, std::string_view name);

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Fetches every URL and returns one result per input, in input order. Duplicates are
  // fetched once. Never fails as a whole: each failure is recorded in its result.
  virtual std::vector<FetchResult> FetchAll(const std::vector<std::string>& urls) = 0;
};

// Parses and normalizes an absolute http(s) URL (boost::url): lower-case scheme and
// host, default port removed, fragment dropped, empty path made "/".
// Errors: kInvalidArgument naming the URL and what is wrong with it (not a URL, not
// absolute, not http or https, no host).
common::Result<std::string> NormalizeUrl(std::string_view url);

// One HTTP exchange (one hop) to archive.
struct WarcExchange {
  std::string target_uri;     // the URL requested
  std::string ip;             // the peer address, or ""
  int64_t date_micros = 0;    // when the request was sent
  std::string request_head;   // "GET /a HTTP/1.1\r\nHost: ...\r\n\r\n"
  std::string response_head;  // "HTTP/1.1 200 OK\r\n...\r\n\r\n", as received
  std::string response_body;  // as received (content-coded if the head says so)
  bool operator==(const WarcExchange&) const = default;
};

// Writes WARC/1.1 files: a warcinfo record first, then a request and a response record
// per exchange, each record its own gzip member. The file is written as "<path>.open"
// and renamed to `path` by Close(), so that a crash never leaves a file under the final
// name that ends mid-record. Record IDs are derived from the file name, the record's
// position and its content, not drawn at random: the same exchanges written with the same
// clock give a byte-identical file.
class WarcWriter {
 public:
  // Creates (or truncates) the file. Errors: kIoError naming the path.
  static common::Result<std::unique_ptr<WarcWriter>> Create(
      const std::filesystem::path& path, const common::Clock& clock);
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;
  // Closes the file if Close() was not called (and renames it into place).
  ~WarcWriter();

  // Appends the request and response records; returns the response record's offset.
  common::Result<int64_t> Write(const WarcExchange& exchange);

  // Flushes, syncs and renames the file into place. Idempotent.
  common::Status Close();

  // The final path.
  const std::filesystem::path& path() const;

 private:
  class Impl;
  explicit WarcWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct WarcRecord {
  int64_t offset = 0;                   // of its gzip member in the file
  std::string type;                     // WARC-Type: "warcinfo", "request", "response"...
  std::string target_uri;               // WARC-Target-URI, or ""
  std::string date;                     // WARC-Date
  std::vector<HttpHeader> headers;      // all WARC named fields, in order
  std::string block;                    // the record block (for response: HTTP head+body)
  bool operator==(const WarcRecord&) const = default;
};

// Reads every record of a WARC file (gzip per record, or uncompressed).
// Errors: kNotFound / kIoError naming the path; kCorruption naming the path and byte
// offset of the first bad record.
common::Result<std::vector<WarcRecord>> ReadWarc(const std::filesystem::path& path);

// Fetches over the network with libcurl's multi interface.
//
// Address policy: public addresses are always allowed; loopback, private, link-local and
// other special-purpose addresses only with `allow_private_addresses`, or when a
// `resolve` entry pins exactly that host name and port to that address (an explicit
// operator decision; it does not cover other names, other ports, or a redirect naming
// the address directly). Names under the reserved TLD "invalid" fail as DNS errors
// without a query (RFC 6761). Redirect targets are not shared between the URLs of one
// FetchAll: a page cited directly and reached by a redirect is fetched twice.
class CurlFetcher final : public Fetcher {
 public:
  // `archive` and `logger` may be null; when given they must outlive the fetcher.
  // Errors: kInvalidArgument for a malformed `resolve` entry; kInternal when libcurl
  // cannot be initialised.
  static common::Result<std::unique_ptr<CurlFetcher>> Create(
      const common::CrawlerConfig& config, const common::Clock& clock,
      WarcWriter* archive, common::Logger* logger);
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;
  ~CurlFetcher() override;

  std::vector<FetchResult> FetchAll(const std::vector<std::string>& urls) override;

 private:
  class Impl;
  explicit CurlFetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Answers from the response records of a WARC file, following the redirects recorded
// there. A URL with no response record gives kNotArchived.
class ReplayFetcher final : public Fetcher {
 public:
  // Errors: those of ReadWarc; kInvalidArgument when the file holds no response record.
  static common::Result<std::unique_ptr<ReplayFetcher>> Open(
      const std::filesystem::path& warc, int max_redirects = 10);
  ReplayFetcher(const ReplayFetcher&) = delete;
  ReplayFetcher& operator=(const ReplayFetcher&) = delete;
  ~ReplayFetcher() override;

  std::vector<FetchResult> FetchAll(const std::vector<std::string>& urls) override;

 private:
  class Impl;
  explicit ReplayFetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Owns libcurl's process-wide initialisation (curl_global_init / cleanup). Create one
// in main before any thread starts; do not copy.
class CurlGlobal {
 public:
  CurlGlobal();
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
  bool ok() const { return ok_; }

 private:
  bool ok_ = false;
};

}  // namespace citecheck::crawler

#endif  // CITECHECK_CRAWLER_CRAWLER_H_
