// Config: every setting citecheck reads, with its default and its documentation.
//
// `main` builds a Config from defaults, then `config.toml` (or --config FILE), then
// command-line overrides, and passes the pieces down; nothing else reads files or the
// environment for settings. Each setting has a dotted key ("crawler.max_redirects") that
// names it in TOML (table "crawler", key "max_redirects") and on the command line
// (`--crawler.max_redirects=5` or `--set crawler.max_redirects=5`).
//
// The committed config.toml is RenderDefaultConfigToml()'s output, and a test keeps it so.
//
// Thread-safety: Config is a plain value; the functions here are pure.
#ifndef CITECHECK_COMMON_CONFIG_H_
#define CITECHECK_COMMON_CONFIG_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace citecheck::common {

struct StoreConfig {
  std::string dir = ".citecheck";  // data directory: citecheck.db, index/, warc/
  bool operator==(const StoreConfig&) const = default;
};

struct CrawlerConfig {
  std::string user_agent = "citecheck/0.1 (source verification; +mailto:citecheck@localhost)";
  int max_connections = 32;               // transfers in flight, all hosts
  int max_per_host = 4;                   // transfers in flight per host
  int connect_timeout_ms = 10000;
  int total_timeout_ms = 30000;           // per request (one hop), transfer included
  int max_redirects = 10;                 // hops followed before "too many redirects"
  int64_t max_body_bytes = 16 << 20;      // a larger body aborts the fetch
  bool allow_private_addresses = false;   // loopback, private, link-local targets
  std::vector<std::string> resolve;       // "host:port:address" overrides (curl --resolve)
  bool archive = true;                    // write every response to warc/
  int64_t warc_max_bytes = int64_t{1} << 30;  // a WARC file this large is closed, a new one begun
  int warc_compression_level = 1;        // zlib level of WARC records, 1 fastest .. 9 smallest
  bool robots = true;                     // obey robots.txt (RFC 9309)
  int robots_unreachable_seconds = 600;   // a 5xx robots.txt closes its site this long
  int per_host_delay_ms = 100;            // least time between two requests to one host
  int max_crawl_delay_ms = 10000;         // robots.txt Crawl-delay honoured up to this; 0 ignores it
  int max_retries = 2;                    // repeats after a timeout, connection error, 5xx, 429
  int retry_base_ms = 250;                // first backoff (doubles each retry, with jitter)
  int retry_max_backoff_ms = 30000;       // backoff cap
  int max_retry_after_ms = 60000;         // a longer Retry-After is not waited for
  int breaker_failures = 5;               // consecutive host failures that stop requests to it
  int breaker_cooldown_ms = 60000;        // how long the host then gets no request
  int max_fetch_ms = 120000;              // one URL's budget: hops, retries and waits
  int64_t max_decoded_bytes = 64 << 20;   // a larger decoded (gunzipped...) body aborts
  int max_header_bytes = 64 << 10;        // a larger response head aborts
  int low_speed_bytes = 100;              // slower than this (bytes/s) for low_speed_seconds aborts
  int low_speed_seconds = 20;
  int freshness_seconds = 0;              // a cached response younger than this is not re-fetched
  int slow_ms = 1500;                     // a success taking this long is classed "slow"
  bool operator==(const CrawlerConfig&) const = default;
};

struct VerifyConfig {
  int passages_per_source = 8;             // evidence windows examined per source and claim
  double min_context_overlap = 0.5;        // share of claim context found near the figure
  double contradiction_overlap = 0.1;      // overlap before saying "contradicted"
  bool search_other_sources = true;        // fall back to the draft's other sources
  std::string publishers_file;             // extra publishers (TOML), "" for none
  bool operator==(const VerifyConfig&) const = default;
};

struct CheckConfig {
  double min_integrity = 0.0;  // `check` exits 1 when the integrity score is below this
  bool operator==(const CheckConfig&) const = default;
};

struct ReportConfig {
  std::string format = "text";  // FORMAT[=PATH],... (report::ParseOutputs)
  std::string color = "auto";   // auto | always | never (terminal text only)
  bool operator==(const ReportConfig&) const = default;
};

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";  // address:port `serve` listens on (port 0: any)
  int io_threads = 2;                     // threads reading and writing connections
  int workers = 4;                        // threads verifying claims and reading sources
  int check_workers = 2;                  // checks run at once
  int max_queued_checks = 64;             // checks waiting to run; more get 503
  int check_wait_ms = 10000;              // POST /v1/checks waits this long, then 202
  int64_t max_body_bytes = 1 << 20;       // larger request bodies get 413
  int max_header_bytes = 16384;           // larger request heads get 431
  int idle_timeout_ms = 30000;            // a kept-alive connection may wait this long
  int read_timeout_ms = 10000;            // a request must arrive whole within this
  int write_timeout_ms = 10000;           // a response must be taken within this
  std::string tokens_file;                // SHA-256 hex of each bearer token; "" = no auth
  double rate_limit_per_second = 20;      // per token (or client address); 0 = no limit
  int rate_limit_burst = 40;              // requests allowed at once before limiting
  int source_cache_entries = 256;         // indexed sources kept for claims:verify
  int source_cache_ttl_s = 3600;          // a cached source is fetched again after this
  int shutdown_grace_ms = 30000;          // SIGTERM: how long running work may finish
  bool operator==(const ServerConfig&) const = default;
};

struct AuditConfig {
  int confirm_failures = 3;        // failed checks, spaced as below, before a link is dead
  int confirm_spacing_hours = 24;  // least time between two failures that both count
  // RFC 7089 TimeMap endpoint; the URL is appended. "" looks up no archived copy.
  std::string memento_timemap = "https://web.archive.org/web/timemap/link/";
  int max_memento_lookups = 100;   // archived-copy look-ups per run (dead or drifted sources)
  bool operator==(const AuditConfig&) const = default;
};

struct Config {
  StoreConfig store;
  CrawlerConfig crawler;
  VerifyConfig verify;
  CheckConfig check;
  ReportConfig report;
  ServerConfig server;
  AuditConfig audit;
  bool operator==(const Config&) const = default;
};

// One documented setting.
struct SettingInfo {
  std::string key;            // "crawler.max_redirects"
  std::string type;           // "string", "integer", "number", "boolean", "string list"
  std::string default_value;  // rendered as TOML
  std::string doc;            // one or two sentences
  bool operator==(const SettingInfo&) const = default;
};

// All settings, in the order of config.toml.
std::vector<SettingInfo> ListSettings();

// Parses `value` for the setting `key` and stores it in `config`.
// Errors: kInvalidArgument for an unknown key or a value of the wrong type or range;
// the message names the key and the value.
Status ApplySetting(Config& config, std::string_view key, std::string_view value);

// The current value of `key`, rendered as TOML. kInvalidArgument for an unknown key.
Result<std::string> GetSetting(const Config& config, std::string_view key);

// Reads a TOML file on top of `base`. Errors name the file and line: unreadable file,
// TOML syntax error, unknown table or key, wrong type.
Result<Config> LoadConfigFile(const std::filesystem::path& path, Config base = {});

// Parses TOML text; `origin` names it in error messages.
Result<Config> ParseConfigToml(std::string_view toml, std::string_view origin,
                               Config base = {});

// The documented config.toml with every setting at its default.
std::string RenderDefaultConfigToml();

}  // namespace citecheck::common

#endif  // CITECHECK_COMMON_CONFIG_H_
