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
  bool operator==(const CrawlerConfig&) const = default;
};

struct VerifyConfig {
  int passages_per_source = 8;             // passages retrieved per source and claim
  double min_context_overlap = 0.5;        // share of claim context found near the figure
  double contradiction_overlap = 0.7;      // stricter overlap before saying "contradicted"
  bool search_other_sources = true;        // fall back to the draft's other sources
  bool operator==(const VerifyConfig&) const = default;
};

struct CheckConfig {
  double min_integrity = 0.0;  // `check` exits 1 when the integrity score is below this
  bool operator==(const CheckConfig&) const = default;
};

struct ReportConfig {
  std::string format = "text";  // text | json
  std::string color = "auto";   // auto | always | never (terminal text only)
  bool operator==(const ReportConfig&) const = default;
};

struct Config {
  StoreConfig store;
  CrawlerConfig crawler;
  VerifyConfig verify;
  CheckConfig check;
  ReportConfig report;
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
