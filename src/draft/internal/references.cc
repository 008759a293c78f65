// Reference-style link definitions and "Source :" lines. cmark consumes definitions
// without leaving a node, so they are read back from the lines no block covers.
#include <algorithm>

#include "draft/internal/markdown.h"

namespace citecheck::draft::internal {
namespace {

constexpr std::string_view kSpace = " \t\r";

// Source-line labels, folded, as they come before the colon.
constexpr std::string_view kSourceLabels[] = {
    "source",      "sources",      "source des donnees", "sources des donnees",
    "data source", "data sources", "source(s)",          "credit",
    "credits"};

std::string_view TrimSpace(std::string_view s) {
  const size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

// Merges sorted ranges into disjoint ones.
std::vector<std::pair<size_t, size_t>> Merge(const std::vector<std::pair<size_t, size_t>>& in) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& r : in) {
    if (!out.empty() && r.first <= out.back().second) {
      out.back().second = std::max(out.back().second, r.second);
    } else {
      out.push_back(r);
    }
  }
  return out;
}

bool Intersects(const std::vector<std::pair<size_t, size_t>>& merged, size_t begin, size_t end) {
  auto it = std::upper_bound(merged.begin(), merged.end(), std::make_pair(end, size_t{0}));
  if (it == merged.begin()) return false;
  --it;  // the last range starting before `end`
  return it->second > begin;
}

// Parses "[label]: <url> "title"" (or, for footnotes, "[^label]: any text") at the
// start of `line`, which begins at file offset `at`.
std::optional<RawReference> ParseDefinition(std::string_view line, size_t at) {
  size_t i = line.find_first_not_of(" \t>");
  if (i == std::string_view::npos || line[i] != '[') return std::nullopt;
  const size_t close = line.find("]:", i);
  if (close == std::string_view::npos || close == i + 1 || close - i > 200) return std::nullopt;
  RawReference r;
  r.label = std::string(line.substr(i + 1, close - i - 1));
  if (r.label.find_first_of("[]") != std::string::npos) return std::nullopt;
  r.begin = at;
  r.end = at + line.size();
  std::string_view rest = line.substr(close + 2);
  const size_t rest_at = at + close + 2;
  if (r.label.starts_with("^")) {
    r.title = std::string(TrimSpace(rest));  // an orphan footnote: text, maybe a URL
    size_t u = rest.find("http");
    if (u == std::string_view::npos) u = rest.find("www.");
    if (u != std::string_view::npos) {
      const size_t e = std::min(rest.size(), rest.find_first_of(" \t\r<>\"", u));
      r.url = std::string(rest.substr(u, e - u));
      while (!r.url.empty() &&
             (r.url.back() == '.' || r.url.back() == ',' || r.url.back() == ')')) {
        r.url.pop_back();
      }
      r.url_begin = rest_at + u;
      r.url_end = r.url_begin + r.url.size();
    }
    return r;
  }
  const size_t u = rest.find_first_not_of(kSpace);
  if (u == std::string_view::npos) return std::nullopt;
  const bool angled = rest[u] == '<';
  const size_t ub = u + (angled ? 1 : 0);
  const size_t ue =
      angled ? rest.find('>', ub) : std::min(rest.size(), rest.find_first_of(kSpace, ub));
  if (ue == std::string_view::npos || ue == ub) return std::nullopt;
  r.url = std::string(rest.substr(ub, ue - ub));
  r.url_begin = rest_at + ub;
  r.url_end = rest_at + ue;
  std::string_view title = TrimSpace(rest.substr(ue + (angled ? 1 : 0)));
  if (title.size() >= 2 &&
      (title.front() == '"' || title.front() == '\'' || title.front() == '(')) {
    title = title.substr(1, title.size() - 2);
  } else if (!title.empty()) {
    return std::nullopt;  // text after the URL: not a definition
  }
  r.title = std::string(title);
  return r;
}

}  // namespace

bool IsSourceLine(std::string_view text) {
  std::string_view t = TrimSpace(text);
  while (!t.empty() && (t.front() == '(' || t.front() == '*' || t.front() == '_'))
    t.remove_prefix(1);
  const size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon > 40) return false;
  std::string label = text::Fold(TrimSpace(t.substr(0, colon)));
  while (!label.empty() && (label.back() == '*' || label.back() == ' ')) label.pop_back();
  if (std::find(std::begin(kSourceLabels), std::end(kSourceLabels), label) ==
      std::end(kSourceLabels)) {
    return false;
  }
  std::string_view rest = TrimSpace(t.substr(colon + 1));
  while (!rest.empty() && (rest.front() == '*' || rest.front() == '_')) rest.remove_prefix(1);
  return !TrimSpace(rest).empty();
}

std::vector<RawReference> FindReferenceDefinitions(
    std::string_view body, const std::vector<std::pair<size_t, size_t>>& covered) {
  const std::vector<std::pair<size_t, size_t>> merged = Merge(covered);
  std::vector<RawReference> out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(pos, nl - pos);
    const size_t lead = line.find_first_not_of(" \t>");
    if (lead != std::string_view::npos && line[lead] == '[' && !Intersects(merged, pos, nl)) {
      if (auto r = ParseDefinition(line, pos)) out.push_back(std::move(*r));
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace citecheck::draft::internal
