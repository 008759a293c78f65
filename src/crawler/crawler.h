// crawler: fetching cited URLs safely, and archiving what came back.
//
// A Fetcher turns URLs into FetchResults: final status, redirect chain, headers, body,
// timing, or the reason there is none (DNS failure, refused connection, timeout, blocked
// address, too many redirects, body too large). CurlFetcher uses libcurl's multi
// interface: transfers run in parallel under a global and a per-host cap, each hop is
// followed by us (so every hop's status and address are checked and recorded), and every
// connection's IP address is checked against loopback, private, link-local and similar
// ranges unless the configuration allows them. It is polite (robots.txt per RFC 9309,
// see robots.h; a delay between requests to one host), patient (retries with backoff
// on timeouts, connection errors, 5xx and 429, Retry-After honoured, a per-host
// breaker), thrifty (conditional requests from a ResponseCache, 304 answered from the
// archive) and wary (limits on body, decoded body, head size, time and speed).
// ReplayFetcher answers from WARC files instead of the network. WarcWriter and ReadWarc
// write and read ISO 28500 WARC/1.1 files, one gzip member per record.
//
//   crawler::CurlGlobal curl;  // once, in main
//   auto fetcher = crawler::CurlFetcher::Create(config.crawler, clock, &warc, &logger);
//   for (const FetchResult& r : (*fetcher)->FetchAll({"https://example.org/a"})) ...
//
// Thread-safety: a Fetcher is used by one thread at a time. WarcWriter is not
// thread-safe. CurlGlobal must be created before any other thread starts.
#ifndef CITECHECK_CRAWLER_CRAWLER_H_
#define CITECHECK_CRAWLER_CRAWLER_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"

namespace citecheck::store {
class Store;
}  // namespace citecheck::store

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
  kRobotsDisallowed,   // robots.txt forbids the URL (or a redirect target); not requested
  kHostUnavailable,    // not requested: the host failed too often in a row (breaker)
  kError,              // anything else; `error` says what
};

// Stable snake_case name: "ok", "http_error", "dns_error", "connect_error", "tls_error",
// "timeout", "too_many_redirects", "too_large", "blocked_address",
// "unsupported_scheme", "invalid_url", "not_archived", "robots_disallowed",
// "host_unavailable", "error".
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

// Where a result's response came from.
enum class CacheUse {
  kNone = 0,     // the network answered in full
  kRevalidated,  // the server answered 304 Not Modified; the body is the archived one
  kFresh,        // not requested: the archived response is younger than the freshness window
};

// "network", "revalidated", "fresh".
std::string_view CacheUseName(CacheUse use);

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
  int requests = 0;               // requests sent for this URL: every hop and retry
  int retries = 0;                // of those, repeats after a timeout, connection error,
                                  // 5xx or 429
  bool rate_limited = false;      // a 429 was answered, and its wait honoured
  // A successful response that is really "not found" (rules in internal/soft404.h): a
  // redirect to the site's home or error page, or a page whose title, heading or short
  // text says so. outcome stays kOk; readers treat the page as dead.
  bool soft_404 = false;
  std::string soft_404_reason;    // why, for people; "" unless soft_404
  CacheUse cache = CacheUse::kNone;
  bool type_sniffed = false;      // content_type was read from the body's first bytes
  bool operator==(const FetchResult&) const = default;
};

// True for the media types whose text citecheck reads: HTML, XHTML, PDF, plain text.
bool IsReadableMediaType(std::string_view media_type);

// A fetch summed up the way link checkers report it.
enum class LinkClass {
  kOk = 0,            // 200 at once
  kRedirectOk,        // redirected, then 200
  kSlow,              // 200, but it took at least the slow threshold
  kFlaky,             // a timeout, connection error or 5xx, then success on a retry
  kRateLimited,       // 429, the wait honoured, then success
  kDead,              // final 404 or 410
  kLoop,              // a redirect loop or too many redirects
  kSoft404,           // success that is really "not found"
  kRobotsDisallowed,  // not requested: robots.txt forbids it
  kError,             // any other failure
};

// "ok", "redirect_ok", "slow", "flaky", "ratelimited", "dead", "loop", "soft404",
// "robots_disallowed", "error" (the first nine as in the link-audit benchmark).
std::string_view LinkClassName(LinkClass link_class);

// The class of `result`. A success is kRateLimited, kFlaky, kRedirectOk, kSlow (when
// elapsed_ms >= slow_ms) or kOk, the first that applies, unless it is a soft 404.
LinkClass ClassifyLink(const FetchResult& result, double slow_ms);

// True for kDead, kLoop, kSoft404 and kError.
bool IsBrokenLink(LinkClass link_class);

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

// How a WarcWriter splits its output.
struct WarcWriterOptions {
  // When a file has reached this many bytes, the next exchange starts a new file:
  // "<name>-00001.warc.gz", "<name>-00002.warc.gz"... beside the first ("<name>" is
  // the path without ".warc.gz" or ".warc"). 0 never rotates.
  int64_t max_file_bytes = 0;
  // zlib level of the records, 1 (fastest) to 9 (smallest); -1 is zlib's default (6).
  // Compressing is most of what archiving costs: on pages of a few KiB, level 1 takes
  // about 60% of level 6's time for a file about 4% larger.
  int compression_level = -1;
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
  // The same, rotating files as `options` says.
  static common::Result<std::unique_ptr<WarcWriter>> Create(
      const std::filesystem::path& path, const common::Clock& clock,
      const WarcWriterOptions& options);
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;
  // Closes the file if Close() was not called (and renames it into place).
  ~WarcWriter();

  // Appends the request and response records (both in the same file, after starting a
  // new one if the current one is full); returns the response record's offset in
  // path() as it is after the call.
  common::Result<int64_t> Write(const WarcExchange& exchange);

  // Flushes, syncs and renames the file into place. Idempotent.
  common::Status Close();

  // The final path of the file being written (the last one, once closed).
  const std::filesystem::path& path() const;
  // Every file written so far, in order (final paths).
  std::vector<std::filesystem::path> files() const;

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

// Reads the one record at `offset` (a record offset as ReadWarc or WarcWriter::Write
// give it), without reading the rest of the file. When `path` does not exist but
// "<path>.open" does (a WarcWriter still writing it), that file is read. Errors as
// ReadWarc's (kCorruption also when no record starts at `offset`).
common::Result<WarcRecord> ReadWarcRecordAt(const std::filesystem::path& path, int64_t offset);

// What the conditional re-fetch of a URL needs: the validators of its last good
// response and where that response was archived (its body is read back from there on
// a 304, or without any request inside the freshness window).
struct CachedResponse {
  std::string url;            // normalized requested URL (the key)
  std::string final_url;      // where the redirects, if any, led
  std::vector<RedirectHop> redirects;
  std::string etag;           // ETag of the final response, or ""
  std::string last_modified;  // Last-Modified of the final response, or ""
  std::string warc_file;      // the final response's record
  int64_t warc_offset = -1;
  int64_t validated_at_micros = 0;  // wall clock of the last 200 or 304 for it
  bool operator==(const CachedResponse&) const = default;
};

// The entry to remember for `result`, when it is a network or revalidated success
// archived in a WARC file (a fresh answer changes nothing, so it gives nullopt, as do
// failures and unarchived responses).
std::optional<CachedResponse> CacheEntryOf(const FetchResult& result);

// Where CurlFetcher looks up cached responses. Lookup is called on the fetch loop's
// thread, once per requested URL; an error is logged and treated as a miss.
class ResponseCache {
 public:
  virtual ~ResponseCache() = default;
  virtual common::Result<std::optional<CachedResponse>> Lookup(std::string_view url) = 0;
};

// A ResponseCache kept in the store's http_cache table.
class StoreResponseCache final : public ResponseCache {
 public:
  // `store` must outlive this object.
  explicit StoreResponseCache(store::Store& store) : store_(store) {}
  common::Result<std::optional<CachedResponse>> Lookup(std::string_view url) override;
  // Remembers CacheEntryOf(r) for every result that has one, in one transaction (or
  // in the caller's, when one is running). Errors: the store's.
  common::Status Record(const std::vector<FetchResult>& results);

 private:
  store::Store& store_;
};

// How far a FetchAll has come, for progress displays.
struct FetchProgress {
  size_t done = 0;    // URLs finished
  size_t total = 0;   // distinct URLs of the call
  size_t errors = 0;  // finished without success (soft 404s included)
  int64_t elapsed_micros = 0;
  bool operator==(const FetchProgress&) const = default;
};

// "1234/5068 URLs (24%), 850/s, 12 errors, ETA 0:05" (no ETA before the first URL).
std::string FormatProgress(const FetchProgress& progress);

// Told about progress; called on the fetch loop's thread after each URL finishes,
// so it must be quick (a display redraws at its own pace).
class ProgressListener {
 public:
  virtual ~ProgressListener() = default;
  virtual void OnProgress(const FetchProgress& progress) = 0;
};

// Told about each requested URL as soon as its result is final, so that a caller can
// record or read it while the fetch goes on. Called on the fetch loop's thread, once
// per distinct URL (in completion order, not input order), with `result.url` set to the
// normalized URL; it must be quick (hand the result over, do not work on it).
class ResultListener {
 public:
  virtual ~ResultListener() = default;
  virtual void OnResult(const FetchResult& result) = 0;
};

// A ResultListener that records results while the fetch goes on: each result is
// handed to `record` on a thread of its own, inside transactions of a store connection
// of its own (the fetch loop keeps the caller's for its cache lookups). A transaction
// takes what the queue holds, up to kMaxBatch results, so a crash loses at most the
// batch being written, and never half of one. `citecheck fetch` and the audit use it.
//
// Thread-safety: OnResult may be called from the fetch loop's thread while the owner
// waits in Finish; Start and Finish are called by the owner only.
class RecordingQueue final : public ResultListener {
 public:
  static constexpr size_t kMaxBatch = 256;
  // Records one result; runs on the recording thread inside a transaction of `store`.
  using RecordFn = std::function<common::Status(store::Store& store, FetchResult result)>;

  RecordingQueue(std::filesystem::path db, RecordFn record);
  ~RecordingQueue() override;
  RecordingQueue(const RecordingQueue&) = delete;
  RecordingQueue& operator=(const RecordingQueue&) = delete;

  // Opens the recording connection to the database file `db` and starts the thread.
  // Errors: the store's.
  common::Status Start();
  void OnResult(const FetchResult& result) override;
  // Queues the results of `all` that never reached OnResult (URLs rejected without a
  // request, matched by NormalizeUrl), waits until everything is recorded and returns
  // the first error. After an error the rest is drained without being recorded.
  common::Status Finish(const std::vector<FetchResult>& all);

 private:
  common::Status Run();
  // Waits for a result; fills `batch` with up to kMaxBatch. False when finished.
  bool NextBatch(std::vector<FetchResult>& batch);

  const std::filesystem::path db_;
  const RecordFn record_;
  std::unique_ptr<store::Store> store_;  // the recording thread's connection
  std::thread thread_;
  common::Status status_;  // the thread's result, read after join
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<FetchResult> queue_;  // guarded by mu_
  std::set<std::string> queued_;   // guarded by mu_: normalized URL of every result queued
  bool finishing_ = false;         // guarded by mu_
};

// What a CurlFetcher uses besides its settings. Every pointer may be null; what is
// given must outlive the fetcher.
struct CurlFetcherOptions {
  WarcWriter* archive = nullptr;     // every exchange is archived here (crawler.archive)
  common::Logger* logger = nullptr;  // one debug line per hop, warnings
  ResponseCache* cache = nullptr;    // conditional requests and the freshness window
  ProgressListener* progress = nullptr;
  ResultListener* results = nullptr;
  // Seeds the jitter of retry backoff; nullopt draws a seed from the system. Tests fix
  // it so that waits are reproducible.
  std::optional<uint64_t> jitter_seed;
  // False: the results FetchAll returns have an empty `body` (the ResultListener, if
  // any, still gets every body). A caller that hands bodies over as they come, such as
  // a link audit of thousands of URLs, then never holds them all at once.
  bool return_bodies = true;
  // A PEM file of certificate authorities to trust instead of the system's (a private
  // CA's sites, or a test's own server); "" keeps the system's store.
  std::string ca_file;
};

// Fetches over the network with libcurl's multi interface.
//
// Requests go out in parallel under crawler.max_connections and crawler.max_per_host,
// at least crawler.per_host_delay_ms apart per host (or the robots.txt Crawl-delay, up
// to crawler.max_crawl_delay_ms), over HTTP/2 where a TLS server offers it, reusing
// connections and DNS answers. With crawler.robots, each origin's robots.txt is
// fetched first (RFC 9309) and a disallowed URL ends as kRobotsDisallowed without a
// request. A timeout, connection error, 5xx or 429 is retried up to crawler.max_retries
// times, after the Retry-After of a 429 or 503 (up to crawler.max_retry_after_ms)
// or an exponential backoff with jitter; a host that fails crawler.breaker_failures
// times in a row gets no request for crawler.breaker_cooldown_ms (kHostUnavailable).
// Waits are real: they are measured on the steady clock the loop sleeps on, while
// `clock` stamps results and archive records (so a ManualClock gives reproducible
// results and still lets delays pass).
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
  // The same with every option; `clock` must outlive the fetcher.
  static common::Result<std::unique_ptr<CurlFetcher>> Create(
      const common::CrawlerConfig& config, const common::Clock& clock,
      const CurlFetcherOptions& options);
  CurlFetcher(const CurlFetcher&) = delete;
  CurlFetcher& operator=(const CurlFetcher&) = delete;
  ~CurlFetcher() override;

  std::vector<FetchResult> FetchAll(const std::vector<std::string>& urls) override;

 private:
  class Impl;
  explicit CurlFetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Answers from the response records of a WARC file (or of every *.warc and *.warc.gz
// file in a directory, in name order), following the redirects recorded there. A URL
// with no response record gives kNotArchived. Bodies are decoded as the live fetcher
// decodes them, and soft 404s and sniffed types are found the same way.
class ReplayFetcher final : public Fetcher {
 public:
  // Errors: those of ReadWarc; kInvalidArgument when the file (or directory) holds no
  // response record.
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
