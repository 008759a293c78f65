#include "common/config.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>
#include <variant>

#include <toml++/toml.h>

namespace citecheck::common {
namespace {

using FieldRef = std::variant<std::string*, int*, int64_t*, double*, bool*,
                              std::vector<std::string>*>;

// One row of the settings table. `field` maps a Config to the member it sets;
// `min`/`max` bound numeric settings, `choices` restricts string ones.
struct Setting {
  const char* key;
  const char* doc;
  FieldRef (*field)(Config&);
  double min = 0;
  double max = 0;
  std::vector<std::string_view> choices = {};
  // With `choices`: the value is a comma-separated list whose items are each a
  // choice, alone or followed by "=VALUE" (report.format: "text,html=report.html").
  bool choice_list = false;
};

const std::vector<Setting>& Table() {
  static const std::vector<Setting> kTable = {
      {"store.dir",
       "Data directory: citecheck.db (SQLite), index/ (Xapian) and warc/ (archived "
       "responses). Relative paths are taken from the working directory.",
       [](Config& c) -> FieldRef { return &c.store.dir; }},
      {"crawler.user_agent", "User-Agent sent with every request.",
       [](Config& c) -> FieldRef { return &c.crawler.user_agent; }},
      {"crawler.max_connections", "Transfers in flight at once, all hosts together.",
       [](Config& c) -> FieldRef { return &c.crawler.max_connections; }, 1, 4096},
      {"crawler.max_per_host", "Transfers in flight at once to one host.",
       [](Config& c) -> FieldRef { return &c.crawler.max_per_host; }, 1, 256},
      {"crawler.connect_timeout_ms", "Time allowed to connect (DNS, TCP, TLS), in ms.",
       [](Config& c) -> FieldRef { return &c.crawler.connect_timeout_ms; }, 1, 600000},
      {"crawler.total_timeout_ms",
       "Time allowed for one request, transfer included, in ms. Each redirect hop gets "
       "its own allowance.",
       [](Config& c) -> FieldRef { return &c.crawler.total_timeout_ms; }, 1, 3600000},
      {"crawler.max_redirects",
       "Redirect hops followed before the fetch fails with \"too many redirects\".",
       [](Config& c) -> FieldRef { return &c.crawler.max_redirects; }, 0, 100},
      {"crawler.max_body_bytes", "A response body larger than this aborts the fetch.",
       [](Config& c) -> FieldRef { return &c.crawler.max_body_bytes; }, 1, 1e12},
      {"crawler.allow_private_addresses",
       "Allow fetching loopback, private, link-local and other non-public addresses. "
       "Off by default so that a draft cannot make citecheck probe an internal network.",
       [](Config& c) -> FieldRef { return &c.crawler.allow_private_addresses; }},
      {"crawler.resolve",
       "Address overrides in curl's --resolve form, \"host:port:address\", one address "
       "per entry. A pinned host:port may reach its address even when it is private. On "
       "the command line, separate several entries with commas.",
       [](Config& c) -> FieldRef { return &c.crawler.resolve; }},
      {"crawler.archive", "Archive every response as a WARC record under <store.dir>/warc/.",
       [](Config& c) -> FieldRef { return &c.crawler.archive; }},
      {"crawler.warc_max_bytes",
       "Size at which a WARC file is closed and the next one begun (name-00001.warc.gz...).",
       [](Config& c) -> FieldRef { return &c.crawler.warc_max_bytes; }, 1 << 20, 1e13},
      {"crawler.warc_compression_level",
       "zlib level of WARC records: 1 is fastest (archiving costs mostly compression), 9 "
       "smallest.",
       [](Config& c) -> FieldRef { return &c.crawler.warc_compression_level; }, 1, 9},
      {"crawler.robots",
       "Obey robots.txt (RFC 9309): a disallowed URL is reported, not fetched. Turn off "
       "only for sites you run yourself.",
       [](Config& c) -> FieldRef { return &c.crawler.robots; }},
      {"crawler.robots_unreachable_seconds",
       "How long a site whose robots.txt answers 5xx (or cannot be reached) stays off "
       "limits before robots.txt is asked again.",
       [](Config& c) -> FieldRef { return &c.crawler.robots_unreachable_seconds; }, 0, 86400},
      {"crawler.per_host_delay_ms", "Least time between the starts of two requests to one host.",
       [](Config& c) -> FieldRef { return &c.crawler.per_host_delay_ms; }, 0, 600000},
      {"crawler.max_crawl_delay_ms",
       "A robots.txt Crawl-delay is honoured up to this many ms (0 ignores Crawl-delay).",
       [](Config& c) -> FieldRef { return &c.crawler.max_crawl_delay_ms; }, 0, 600000},
      {"crawler.max_retries",
       "Times a request is repeated after a timeout, a connection error, a 5xx or a 429.",
       [](Config& c) -> FieldRef { return &c.crawler.max_retries; }, 0, 20},
      {"crawler.retry_base_ms",
       "Backoff before the first retry; it doubles for each further retry, with jitter.",
       [](Config& c) -> FieldRef { return &c.crawler.retry_base_ms; }, 0, 600000},
      {"crawler.retry_max_backoff_ms", "Longest backoff between two tries.",
       [](Config& c) -> FieldRef { return &c.crawler.retry_max_backoff_ms; }, 0, 3600000},
      {"crawler.max_retry_after_ms",
       "The longest Retry-After (of a 429 or 503) that is waited for; a longer one ends "
       "the fetch with that answer.",
       [](Config& c) -> FieldRef { return &c.crawler.max_retry_after_ms; }, 0, 3600000},
      {"crawler.breaker_failures",
       "Consecutive failures (network errors, 5xx) after which a host gets no request "
       "for breaker_cooldown_ms (0 turns the breaker off).",
       [](Config& c) -> FieldRef { return &c.crawler.breaker_failures; }, 0, 1000},
      {"crawler.breaker_cooldown_ms", "How long a failing host gets no request.",
       [](Config& c) -> FieldRef { return &c.crawler.breaker_cooldown_ms; }, 0, 86400000},
      {"crawler.max_fetch_ms",
       "Time budget of one URL, all hops, retries and waits together; no retry starts "
       "past it.",
       [](Config& c) -> FieldRef { return &c.crawler.max_fetch_ms; }, 1, 86400000},
      {"crawler.max_decoded_bytes",
       "A body larger than this once its gzip, deflate or brotli coding is undone aborts "
       "the fetch (compression bombs).",
       [](Config& c) -> FieldRef { return &c.crawler.max_decoded_bytes; }, 1, 1e12},
      {"crawler.max_header_bytes", "A response head larger than this aborts the fetch.",
       [](Config& c) -> FieldRef { return &c.crawler.max_header_bytes; }, 1024, 1 << 24},
      {"crawler.low_speed_bytes",
       "A transfer slower than this many bytes per second for low_speed_seconds is "
       "aborted as a timeout (0 turns the check off).",
       [](Config& c) -> FieldRef { return &c.crawler.low_speed_bytes; }, 0, 1 << 30},
      {"crawler.low_speed_seconds", "See crawler.low_speed_bytes.",
       [](Config& c) -> FieldRef { return &c.crawler.low_speed_seconds; }, 1, 3600},
      {"crawler.freshness_seconds",
       "A URL whose archived response was fetched or revalidated less than this long ago "
       "is answered from the archive without a request (0: always ask the server, "
       "conditionally when an ETag or Last-Modified is known).",
       [](Config& c) -> FieldRef { return &c.crawler.freshness_seconds; }, 0, 31536000},
      {"crawler.slow_ms", "A success that took this long is reported as slow by `fetch`.",
       [](Config& c) -> FieldRef { return &c.crawler.slow_ms; }, 1, 3600000},
      {"verify.passages_per_source",
       "Evidence windows (one to three neighbouring passages) examined in each source "
       "for each claim: where its figure, and words that oppose it, are looked for.",
       [](Config& c) -> FieldRef { return &c.verify.passages_per_source; }, 1, 1000},
      {"verify.min_context_overlap",
       "Share of a claim's context words a passage must contain, besides the figure, "
       "before it can support the claim (0 to 1).",
       [](Config& c) -> FieldRef { return &c.verify.min_context_overlap; }, 0, 1},
      {"verify.contradiction_overlap",
       "Share of context words a sentence with a different figure, or saying the "
       "opposite, must contain before the claim is called contradicted; it must also hold "
       "three quarters of what the best passage for the claim holds (0 to 1).",
       [](Config& c) -> FieldRef { return &c.verify.contradiction_overlap; }, 0, 1},
      {"verify.search_other_sources",
       "When the cited source does not back a claim, also search the draft's other "
       "sources.",
       [](Config& c) -> FieldRef { return &c.verify.search_other_sources; }},
      {"verify.publishers_file",
       "A TOML file of [[publisher]] entries (host, type, name) added to the compiled-in "
       "list of data/publishers.toml, its entries winning over the built-in ones; \"\" "
       "for none. Relative paths are taken from the working directory.",
       [](Config& c) -> FieldRef { return &c.verify.publishers_file; }},
      {"check.min_integrity",
       "`check` exits with status 1 when the integrity score (0 to 1) is below this.",
       [](Config& c) -> FieldRef { return &c.check.min_integrity; }, 0, 1},
      {"report.format",
       "Report outputs: text, json, html, sarif, markdown, junit or claimreview; several "
       "separated by commas, each written to standard output or, as FORMAT=PATH, to a file "
       "(\"text,html=report.html,sarif=report.sarif\"). At most one goes to standard output.",
       [](Config& c) -> FieldRef { return &c.report.format; }, 0, 0,
       {"text", "json", "html", "sarif", "markdown", "junit", "claimreview"}, true},
      {"report.color", "Colour in terminal text: auto, always or never.",
       [](Config& c) -> FieldRef { return &c.report.color; }, 0, 0,
       {"auto", "always", "never"}},
      {"server.listen",
       "Address and port `citecheck serve` listens on, \"address:port\" (port 0: any free "
       "port). Listening beyond loopback without server.tokens_file exposes the API to "
       "anyone who can reach it.",
       [](Config& c) -> FieldRef { return &c.server.listen; }},
      {"server.io_threads", "Threads that read requests and write responses.",
       [](Config& c) -> FieldRef { return &c.server.io_threads; }, 1, 64},
      {"server.workers",
       "Threads that verify claims and read sources for requests; network and disk work "
       "never runs on the I/O threads.",
       [](Config& c) -> FieldRef { return &c.server.workers; }, 1, 256},
      {"server.check_workers", "Checks of drafts run at once.",
       [](Config& c) -> FieldRef { return &c.server.check_workers; }, 1, 64},
      {"server.max_queued_checks",
       "Checks waiting to run (kept in the database). When full, POST /v1/checks answers "
       "503 with Retry-After.",
       [](Config& c) -> FieldRef { return &c.server.max_queued_checks; }, 1, 100000},
      {"server.check_wait_ms",
       "How long POST /v1/checks waits for the report before answering 202 with a URL "
       "to poll, in ms. A request may ask for less (wait_ms).",
       [](Config& c) -> FieldRef { return &c.server.check_wait_ms; }, 0, 600000},
      {"server.max_body_bytes", "A request body larger than this is refused with 413.",
       [](Config& c) -> FieldRef { return &c.server.max_body_bytes; }, 1, 1e9},
      {"server.max_header_bytes",
       "A request line and headers larger than this are refused with 431.",
       [](Config& c) -> FieldRef { return &c.server.max_header_bytes; }, 256, 1048576},
      {"server.idle_timeout_ms",
       "How long a kept-alive connection may wait for its next request, in ms.",
       [](Config& c) -> FieldRef { return &c.server.idle_timeout_ms; }, 1, 3600000},
      {"server.read_timeout_ms",
       "Time allowed for a request to arrive whole once it has started, in ms. Slower "
       "clients are cut off (slowloris).",
       [](Config& c) -> FieldRef { return &c.server.read_timeout_ms; }, 1, 3600000},
      {"server.write_timeout_ms", "Time allowed for a client to take a response, in ms.",
       [](Config& c) -> FieldRef { return &c.server.write_timeout_ms; }, 1, 3600000},
      {"server.tokens_file",
       "File of accepted bearer tokens, one per line: the SHA-256 (hex) of the token, a "
       "name, and optionally \"read\" for a token that may only read (`citecheck serve "
       "--hash-token` prints the hash). Empty: no authentication.",
       [](Config& c) -> FieldRef { return &c.server.tokens_file; }},
      {"server.rate_limit_per_second",
       "Requests per second allowed to each token (or client address without tokens), "
       "on average; 0 for no limit. Excess requests get 429 with Retry-After.",
       [](Config& c) -> FieldRef { return &c.server.rate_limit_per_second; }, 0, 1e6},
      {"server.rate_limit_burst", "Requests a token may make at once before the limit applies.",
       [](Config& c) -> FieldRef { return &c.server.rate_limit_burst; }, 1, 1000000},
      {"server.source_cache_entries",
       "Fetched and indexed sources kept in memory for POST /v1/claims:verify and GET "
       "/v1/sources (least recently used first out).",
       [](Config& c) -> FieldRef { return &c.server.source_cache_entries; }, 1, 100000},
      {"server.source_cache_ttl_s",
       "A cached source older than this is fetched again, in seconds.",
       [](Config& c) -> FieldRef { return &c.server.source_cache_ttl_s; }, 1, 31536000},
      {"server.shutdown_grace_ms",
       "On SIGTERM, how long running checks and requests may take to finish, in ms. "
       "Queued checks stay in the database and run after a restart.",
       [](Config& c) -> FieldRef { return &c.server.shutdown_grace_ms; }, 0, 3600000},
      {"audit.confirm_failures",
       "`citecheck audit`: failed checks of a link (404, 410, DNS or connection failure), "
       "each at least audit.confirm_spacing_hours after the previous one that counted, "
       "before the link is reported dead; until then it is \"failing\".",
       [](Config& c) -> FieldRef { return &c.audit.confirm_failures; }, 1, 100},
      {"audit.confirm_spacing_hours",
       "Least time between two failures of a link that both count towards "
       "audit.confirm_failures, in hours (3 checks 24 h apart: dead after 3 days).",
       [](Config& c) -> FieldRef { return &c.audit.confirm_spacing_hours; }, 0, 8760},
      {"audit.memento_timemap",
       "Memento TimeMap endpoint (RFC 7089) where archived copies of dead or drifted "
       "sources are looked up; the source URL is appended. Empty: no look-up.",
       [](Config& c) -> FieldRef { return &c.audit.memento_timemap; }},
      {"audit.max_memento_lookups", "Archived-copy look-ups per audit run, at most.",
       [](Config& c) -> FieldRef { return &c.audit.max_memento_lookups; }, 0, 1000000},
  };
  return kTable;
}

const Setting* FindSetting(std::string_view key) {
  for (const Setting& s : Table()) {
    if (key == s.key) return &s;
  }
  return nullptr;
}

std::string QuoteToml(std::string_view s) {
  std::ostringstream out;
  out << toml::value<std::string>(std::string(s));
  return out.str();
}

std::string FormatDouble(double v) {
  std::ostringstream out;
  out << v;
  std::string s = out.str();
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

struct Renderer {
  std::string operator()(std::string* v) const { return QuoteToml(*v); }
  std::string operator()(int* v) const { return std::to_string(*v); }
  std::string operator()(int64_t* v) const { return std::to_string(*v); }
  std::string operator()(double* v) const { return FormatDouble(*v); }
  std::string operator()(bool* v) const { return *v ? "true" : "false"; }
  std::string operator()(std::vector<std::string>* v) const {
    std::string out = "[";
    for (size_t i = 0; i < v->size(); ++i) {
      if (i > 0) out += ", ";
      out += QuoteToml((*v)[i]);
    }
    return out + "]";
  }
};

struct TypeNamer {
  const char* operator()(std::string*) const { return "string"; }
  const char* operator()(int*) const { return "integer"; }
  const char* operator()(int64_t*) const { return "integer"; }
  const char* operator()(double*) const { return "number"; }
  const char* operator()(bool*) const { return "boolean"; }
  const char* operator()(std::vector<std::string>*) const { return "string list"; }
};

Status BadValue(const Setting& s, std::string_view value, std::string_view why) {
  return Status::InvalidArgument("setting " + std::string(s.key) + ": invalid value \"" +
                                 std::string(value) + "\": " + std::string(why));
}

Status CheckRange(const Setting& s, std::string_view text, double v) {
  if (s.min == 0 && s.max == 0) return Status::Ok();
  if (v < s.min || v > s.max) {
    std::ostringstream why;
    why << "expected a value from " << s.min << " to " << s.max;
    return BadValue(s, text, why.str());
  }
  return Status::Ok();
}

template <typename Int>
Status ParseInteger(const Setting& s, std::string_view text, Int* out) {
  Int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    return BadValue(s, text, "expected an integer");
  }
  CC_RETURN_IF_ERROR(CheckRange(s, text, static_cast<double>(v)));
  *out = v;
  return Status::Ok();
}

bool ChoiceAllowed(const Setting& s, std::string_view text) {
  auto is_choice = [&](std::string_view v) {
    return std::find(s.choices.begin(), s.choices.end(), v) != s.choices.end();
  };
  if (!s.choice_list) return is_choice(text);
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string_view name = item.substr(0, item.find('='));
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!is_choice(name)) return false;
    start = comma + 1;
  }
  return true;
}

Status ParseValue(const Setting& s, std::string_view text, FieldRef field) {
  if (auto* p = std::get_if<std::string*>(&field)) {
    if (!s.choices.empty() && !ChoiceAllowed(s, text)) {
      std::string allowed;
      for (std::string_view c : s.choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
      if (s.choice_list) allowed += " (several separated by commas, each alone or as NAME=PATH)";
      return BadValue(s, text, "expected one of " + allowed);
    }
    **p = std::string(text);
    return Status::Ok();
  }
  if (auto* p = std::get_if<int*>(&field)) return ParseInteger(s, text, *p);
  if (auto* p = std::get_if<int64_t*>(&field)) return ParseInteger(s, text, *p);
  if (auto* p = std::get_if<double*>(&field)) {
    std::string copy(text);
    char* end = nullptr;
    double v = std::strtod(copy.c_str(), &end);
    if (copy.empty() || *end != '\0' || !std::isfinite(v)) {
      return BadValue(s, text, "expected a number");
    }
    CC_RETURN_IF_ERROR(CheckRange(s, text, v));
    **p = v;
    return Status::Ok();
  }
  if (auto* p = std::get_if<bool*>(&field)) {
    if (text == "true" || text == "1" || text == "yes" || text == "on") {
      **p = true;
    } else if (text == "false" || text == "0" || text == "no" || text == "off") {
      **p = false;
    } else {
      return BadValue(s, text, "expected true or false");
    }
    return Status::Ok();
  }
  auto* list = std::get<std::vector<std::string>*>(field);
  list->clear();
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    if (!item.empty()) list->emplace_back(item);
    start = comma + 1;
  }
  return Status::Ok();
}

std::string Where(std::string_view origin, const toml::source_region& src) {
  return std::string(origin) + ":" + std::to_string(src.begin.line);
}

// Converts one TOML node to the text form ApplySetting takes, checking its TOML type.
Result<std::string> NodeToText(const Setting& s, const toml::node& node,
                               std::string_view where) {
  Config scratch;
  FieldRef field = s.field(scratch);
  auto wrong = [&](const char* expected) {
    return Status::InvalidArgument(std::string(where) + ": setting " + s.key +
                                   ": expected " + expected);
  };
  if (std::holds_alternative<std::string*>(field)) {
    if (!node.is_string()) return wrong("a string");
    return std::string(*node.value<std::string>());
  }
  if (std::holds_alternative<int*>(field) || std::holds_alternative<int64_t*>(field)) {
    if (!node.is_integer()) return wrong("an integer");
    return std::to_string(*node.value<int64_t>());
  }
  if (std::holds_alternative<double*>(field)) {
    if (!node.is_number()) return wrong("a number");
    std::ostringstream out;
    out.precision(17);
    out << *node.value<double>();
    return out.str();
  }
  if (std::holds_alternative<bool*>(field)) {
    if (!node.is_boolean()) return wrong("true or false");
    return std::string(*node.value<bool>() ? "true" : "false");
  }
  const toml::array* arr = node.as_array();
  if (arr == nullptr) return wrong("a list of strings");
  std::string joined;
  for (const toml::node& item : *arr) {
    if (!item.is_string()) return wrong("a list of strings");
    std::string v = *item.value<std::string>();
    if (v.find(',') != std::string::npos) return wrong("entries without commas");
    joined += (joined.empty() ? "" : ",") + v;
  }
  return joined;
}

Status ApplyTable(Config& config, const toml::table& root, std::string_view origin) {
  for (const auto& [section, node] : root) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      return Status::InvalidArgument(Where(origin, node.source()) + ": \"" +
                                     std::string(section.str()) +
                                     "\" must be a table such as [crawler]");
    }
    for (const auto& [name, value] : *table) {
      std::string key = std::string(section.str()) + "." + std::string(name.str());
      const std::string where = Where(origin, value.source());
      const Setting* s = FindSetting(key);
      if (s == nullptr) {
        return Status::InvalidArgument(where + ": unknown setting " + key);
      }
      CC_ASSIGN_OR_RETURN(std::string text, NodeToText(*s, value, where));
      CC_RETURN_IF_ERROR(ApplySetting(config, key, text).WithContext(where));
    }
  }
  return Status::Ok();
}

// "# "-prefixed lines of at most `width` columns, each ending in a newline.
std::string WrapComment(std::string_view text, size_t width) {
  std::string out;
  std::string line = "#";
  size_t pos = 0;
  while (pos < text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string_view::npos) space = text.size();
    std::string_view word = text.substr(pos, space - pos);
    if (line.size() > 1 && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = "#";
    }
    line += " ";
    line += word;
    pos = space + 1;
  }
  return out + line + "\n";
}

}  // namespace

std::vector<SettingInfo> ListSettings() {
  std::vector<SettingInfo> out;
  Config defaults;
  for (const Setting& s : Table()) {
    FieldRef field = s.field(defaults);
    out.push_back({s.key, std::visit(TypeNamer{}, field), std::visit(Renderer{}, field),
                   s.doc});
  }
  return out;
}

Status ApplySetting(Config& config, std::string_view key, std::string_view value) {
  const Setting* s = FindSetting(key);
  if (s == nullptr) {
    return Status::InvalidArgument("unknown setting " + std::string(key));
  }
  return ParseValue(*s, value, s->field(config));
}

Result<std::string> GetSetting(const Config& config, std::string_view key) {
  const Setting* s = FindSetting(key);
  if (s == nullptr) {
    return Status::InvalidArgument("unknown setting " + std::string(key));
  }
  Config copy = config;
  return std::visit(Renderer{}, s->field(copy));
}

Result<Config> ParseConfigToml(std::string_view toml_text, std::string_view origin,
                               Config base) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(Where(origin, e.source()) + ": " +
                                   std::string(e.description()));
  }
  CC_RETURN_IF_ERROR(ApplyTable(base, root, origin));
  return base;
}

Result<Config> LoadConfigFile(const std::filesystem::path& path, Config base) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound(path.string() + ": cannot open config file");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError(path.string() + ": cannot read config file");
  return ParseConfigToml(buf.str(), path.string(), std::move(base));
}

std::string RenderDefaultConfigToml() {
  std::string out =
      "# citecheck configuration. Every setting is shown at its default.\n"
      "# Any setting can be overridden on the command line as --<table>.<key>=VALUE\n"
      "# (e.g. --crawler.max_redirects=5) or --set <table>.<key>=VALUE.\n";
  std::string current_table;
  for (const SettingInfo& s : ListSettings()) {
    const size_t dot = s.key.find('.');
    const std::string table = s.key.substr(0, dot);
    if (table != current_table) {
      out += "\n[" + table + "]\n";
      current_table = table;
    }
    out += "\n" + WrapComment(s.doc + " (" + s.type + ")", 88);
    out += s.key.substr(dot + 1) + " = " + s.default_value + "\n";
  }
  return out;
}

}  // namespace citecheck::common
