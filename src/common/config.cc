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
      {"verify.passages_per_source", "Passages retrieved from each source for each claim.",
       [](Config& c) -> FieldRef { return &c.verify.passages_per_source; }, 1, 1000},
      {"verify.min_context_overlap",
       "Share of a claim's context words a passage must contain, besides the figure, "
       "before it can support the claim (0 to 1).",
       [](Config& c) -> FieldRef { return &c.verify.min_context_overlap; }, 0, 1},
      {"verify.contradiction_overlap",
       "Share of context words a passage with a different figure must contain before "
       "the claim is called contradicted (0 to 1).",
       [](Config& c) -> FieldRef { return &c.verify.contradiction_overlap; }, 0, 1},
      {"verify.search_other_sources",
       "When the cited source does not back a claim, also search the draft's other "
       "sources.",
       [](Config& c) -> FieldRef { return &c.verify.search_other_sources; }},
      {"check.min_integrity",
       "`check` exits with status 1 when the integrity score (0 to 1) is below this.",
       [](Config& c) -> FieldRef { return &c.check.min_integrity; }, 0, 1},
      {"report.format", "Report format: text or json.",
       [](Config& c) -> FieldRef { return &c.report.format; }, 0, 0, {"text", "json"}},
      {"report.color", "Colour in terminal text: auto, always or never.",
       [](Config& c) -> FieldRef { return &c.report.color; }, 0, 0,
       {"auto", "always", "never"}},
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

Status ParseValue(const Setting& s, std::string_view text, FieldRef field) {
  if (auto* p = std::get_if<std::string*>(&field)) {
    if (!s.choices.empty() &&
        std::find(s.choices.begin(), s.choices.end(), text) == s.choices.end()) {
      std::string allowed;
      for (std::string_view c : s.choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
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
