#include "crawler/memento.h"

#include <cctype>
#include <cstdlib>

#include "crawler/internal/retry.h"

namespace citecheck::crawler {
namespace {

using common::Result;
using common::Status;

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

void SkipSpace(std::string_view s, size_t& at) {
  while (at < s.size() && IsSpace(s[at])) ++at;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One link of a link-format document: its target and the parameters we read.
struct Link {
  std::string target;
  std::string rel;  // lower case, space-separated values
  std::string datetime;
};

// A parameter value: a quoted string (RFC 6690 allows commas and semicolons in it)
// or a token running to the next ';' or ','.
std::string ReadValue(std::string_view s, size_t& at) {
  std::string value;
  if (at < s.size() && s[at] == '"') {
    for (++at; at < s.size() && s[at] != '"'; ++at) {
      if (s[at] == '\\' && at + 1 < s.size()) ++at;
      value += s[at];
    }
    if (at < s.size()) ++at;  // the closing quote
    return value;
  }
  while (at < s.size() && s[at] != ';' && s[at] != ',') value += s[at++];
  while (!value.empty() && IsSpace(value.back())) value.pop_back();
  return value;
}

// Reads the ";name=value" parameters after a target, up to the ',' ending the link.
void ReadParams(std::string_view s, size_t& at, Link& link) {
  while (true) {
    SkipSpace(s, at);
    if (at >= s.size() || s[at] != ';') return;
    ++at;
    SkipSpace(s, at);
    size_t name_end = at;
    while (name_end < s.size() && s[name_end] != '=' && s[name_end] != ';' && s[name_end] != ',' &&
           !IsSpace(s[name_end])) {
      ++name_end;
    }
    const std::string name = Lower(s.substr(at, name_end - at));
    at = name_end;
    SkipSpace(s, at);
    std::string value;
    if (at < s.size() && s[at] == '=') {
      ++at;
      SkipSpace(s, at);
      value = ReadValue(s, at);
    }
    if (name == "rel") link.rel = Lower(value);
    if (name == "datetime") link.datetime = value;
  }
}

bool HasRel(const std::string& rels, std::string_view wanted) {
  size_t at = 0;
  while (at < rels.size()) {
    size_t end = rels.find(' ', at);
    if (end == std::string::npos) end = rels.size();
    if (std::string_view(rels).substr(at, end - at) == wanted) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace

Result<std::vector<Memento>> ParseTimeMap(std::string_view body, std::string_view origin) {
  std::vector<Memento> mementos;
  size_t at = 0;
  while (true) {
    SkipSpace(body, at);
    if (at >= body.size()) return mementos;
    const size_t close = body.find('>', at);
    if (body[at] != '<' || close == std::string_view::npos) {
      return Status::InvalidArgument(std::string(origin) + ": byte " + std::to_string(at) +
                                     ": a TimeMap link must start with <URI>");
    }
    Link link;
    link.target = std::string(body.substr(at + 1, close - at - 1));
    at = close + 1;
    ReadParams(body, at, link);
    if (at < body.size() && body[at] == ',') ++at;
    if (!HasRel(link.rel, "memento")) continue;
    const std::optional<int64_t> seconds = internal::ParseHttpDate(link.datetime);
    if (!seconds) continue;
    mementos.push_back({std::move(link.target), *seconds * 1000000});
  }
}

std::optional<Memento> ClosestMemento(const std::vector<Memento>& mementos, int64_t target_micros) {
  std::optional<Memento> best;
  for (const Memento& m : mementos) {
    const int64_t d = std::llabs(m.datetime_micros - target_micros);
    if (!best) {
      best = m;
      continue;
    }
    const int64_t best_d = std::llabs(best->datetime_micros - target_micros);
    if (d < best_d || (d == best_d && m.datetime_micros < best->datetime_micros)) best = m;
  }
  return best;
}

std::string TimeMapUrl(std::string_view endpoint, std::string_view url) {
  return std::string(endpoint) + std::string(url);
}

std::map<std::string, std::optional<Memento>> MementoClient::Closest(
    const std::vector<std::pair<std::string, int64_t>>& wanted) {
  std::map<std::string, std::optional<Memento>> out;
  if (endpoint_.empty() || wanted.empty()) {
    for (const auto& [url, date] : wanted) out[url] = std::nullopt;
    return out;
  }
  std::vector<std::string> maps;
  for (const auto& [url, date] : wanted) maps.push_back(TimeMapUrl(endpoint_, url));
  const std::vector<FetchResult> fetched = fetcher_.FetchAll(maps);
  for (size_t i = 0; i < wanted.size() && i < fetched.size(); ++i) {
    const auto& [url, date] = wanted[i];
    out[url] = std::nullopt;
    if (fetched[i].outcome != FetchOutcome::kOk) continue;
    auto parsed = ParseTimeMap(fetched[i].body, maps[i]);
    if (parsed.ok()) out[url] = ClosestMemento(*parsed, date);
  }
  return out;
}

}  // namespace citecheck::crawler
