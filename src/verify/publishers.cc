// Publishers by host: parsing the list and looking a URL up in it.
#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

#include "verify/internal/publishers_data.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

using common::Result;
using common::Status;

constexpr std::string_view kTypes[] = {
    "public_body", "statistics_office", "academic", "press", "company", "blog", "unknown"};

std::string Where(std::string_view origin, const toml::source_region& r) {
  return std::string(origin) + ":" + std::to_string(r.begin.line);
}

Result<Publisher> ReadEntry(const toml::table& t, std::string_view origin) {
  Publisher p;
  for (const auto& [key, value] : t) {
    const std::string_view k = key.str();
    const std::optional<std::string> s = value.value<std::string>();
    if (!s)
      return Status::InvalidArgument(Where(origin, value.source()) + ": " + std::string(k) +
                                     " must be a string");
    if (k == "host")
      p.host = *s;
    else if (k == "type")
      p.type = *s;
    else if (k == "name")
      p.name = *s;
    else
      return Status::InvalidArgument(Where(origin, value.source()) + ": unknown key " +
                                     std::string(k));
  }
  if (p.host.empty() || p.type.empty()) {
    return Status::InvalidArgument(Where(origin, t.source()) +
                                   ": a publisher needs a host and a type");
  }
  if (std::find(std::begin(kTypes), std::end(kTypes), p.type) == std::end(kTypes)) {
    return Status::InvalidArgument(Where(origin, t.source()) + ": unknown publisher type " +
                                   p.type);
  }
  std::transform(p.host.begin(), p.host.end(), p.host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return p;
}

// Host and path of an http(s) URL, the host lower-cased and without "www." or a port.
void SplitUrl(std::string_view url, std::string* host, std::string_view* path) {
  const size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  const size_t end = rest.find_first_of("/?#");
  std::string_view h = rest.substr(0, end);
  h = h.substr(0, h.find(':'));
  *path = end == std::string_view::npos ? std::string_view("/") : rest.substr(end);
  host->assign(h);
  std::transform(host->begin(), host->end(), host->begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
}

// How specifically `entry` matches: 0 when it does not, else longer is more specific.
size_t MatchLength(const std::string& host, std::string_view path, const Publisher& entry) {
  std::string_view want = entry.host;
  std::string_view want_path;
  if (size_t slash = want.find('/'); slash != std::string_view::npos) {
    want_path = want.substr(slash);
    want = want.substr(0, slash);
  }
  const bool host_ok = host == want || (host.size() > want.size() && host.ends_with(want) &&
                                        host[host.size() - want.size() - 1] == '.');
  if (!host_ok) return 0;
  if (!want_path.empty()) {
    if (!path.starts_with(want_path)) return 0;
    const size_t after = want_path.size();
    if (path.size() > after && want_path.back() != '/' && path[after] != '/') return 0;
  }
  return entry.host.size();
}

}  // namespace

Result<std::vector<Publisher>> ParsePublishers(std::string_view text, std::string_view origin) {
  toml::table root;
  try {
    // toml++ reports syntax errors by exception (exceptions are on in Debian's build);
    // they stop here.
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(Where(origin, e.source()) + ": " + std::string(e.description()));
  }
  std::vector<Publisher> out;
  for (const auto& [key, value] : root) {
    if (key.str() != "publisher" || !value.is_array_of_tables()) {
      return Status::InvalidArgument(Where(origin, value.source()) +
                                     ": expected [[publisher]] tables, found " +
                                     std::string(key.str()));
    }
    for (const toml::node& entry : *value.as_array()) {
      CC_ASSIGN_OR_RETURN(Publisher p, ReadEntry(*entry.as_table(), origin));
      out.push_back(std::move(p));
    }
  }
  return out;
}

const std::vector<Publisher>& BuiltinPublishers() {
  // Parsed once; the committed file is checked by a test, so this cannot fail.
  static const std::vector<Publisher> kList = [] {
    auto list = ParsePublishers(internal::kPublishersToml, "data/publishers.toml");
    return list.ok() ? *list : std::vector<Publisher>{};
  }();
  return kList;
}

const Publisher* FindPublisher(std::string_view url, const std::vector<Publisher>& publishers) {
  std::string host;
  std::string_view path;
  SplitUrl(url, &host, &path);
  const Publisher* best = nullptr;
  size_t best_length = 0;
  for (const Publisher& p : publishers) {
    const size_t length = MatchLength(host, path, p);
    if (length > 0 && length >= best_length) {
      best = &p;
      best_length = length;
    }
  }
  return best;
}

}  // namespace citecheck::verify
