// Attributions ("(Source : X)", "selon X", "Source : X" lines) and citation markers
// ("[^2]", "[3]") of the prose, resolved to the sources they designate.
#include <algorithm>
#include <cctype>

#include "draft/internal/sources.h"

namespace citecheck::draft::internal {
namespace {

bool IsNameEnd(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '(' || c == '\n' ||
         c == '!' || c == '?';
}

// Removes a leading article: "la CCI" -> "CCI", "l'Insee" -> "Insee", "the ONS" -> "ONS".
std::string_view StripArticle(std::string_view name) {
  for (std::string_view a : {"la ", "le ", "les ", "l'", "l\xE2\x80\x99", "the ", "des ", "du "}) {
    if (text::Fold(name.substr(0, a.size())) == text::Fold(a)) return Trim(name.substr(a.size()));
  }
  return name;
}

void AddAttribution(Draft& draft, NameResolver& resolver, const ProseBlock& block, size_t begin,
                    size_t end, bool explicit_source) {
  std::string_view name =
      StripArticle(TrimPunct(std::string_view(block.text).substr(begin, end - begin)));
  if (name.empty() || name.size() > 120) return;
  if (name.starts_with("http") || name.starts_with("www.")) return;  // a link: cited as such
  // The range covers the name itself, not the separators around it.
  begin = static_cast<size_t>(name.data() - block.text.data());
  end = begin + name.size();
  Attribution a;
  a.name = std::string(name);
  a.explicit_source = explicit_source;
  a.source = resolver.Resolve(a.name);
  a.range = draft.RangeOf(block, begin, end);
  if (a.source < 0 && !explicit_source) return;  // "selon les experts" names no source
  if (a.source < 0) {
    draft.findings.push_back(
        {"unresolved_attribution",
         "the attribution " + Quote(a.name) + " names no entry of the sources list", a.range});
  }
  draft.attributions.push_back(std::move(a));
}

// "(Source : A)", "(Sources : A, B)", "(source: A ; B)".
void ExplicitAttributions(Draft& draft, NameResolver& resolver, const ProseBlock& block) {
  const std::string& t = block.text;
  for (size_t open = t.find('('); open != std::string::npos; open = t.find('(', open + 1)) {
    std::string_view after = std::string_view(t).substr(open + 1);
    if (!text::Fold(after.substr(0, 14)).starts_with("source")) continue;
    size_t colon = after.find_first_of(":-\n)");
    size_t close = after.find(')');
    if (colon == std::string_view::npos || close == std::string_view::npos || colon >= close)
      continue;
    size_t pos = open + 1 + colon + 1;
    const size_t stop = open + 1 + close;
    while (pos < stop) {
      size_t sep = t.find_first_of(",;", pos);
      if (sep == std::string::npos || sep > stop) sep = stop;
      AddAttribution(draft, resolver, block, pos, sep, true);
      pos = sep + 1;
    }
  }
}

// "selon X", "d'après X", "according to X": kept only when X is a listed source.
void ImplicitAttributions(Draft& draft, NameResolver& resolver, const ProseBlock& block) {
  const std::string& t = block.text;
  // Most blocks hold no cue at all: look for the tails of the cues, which case does not
  // change, before lower-casing the block.
  bool cue = false;
  for (std::string_view tail : {"elon ", "pr\xC3\xA8s ", "ccording ", "ource"}) {
    cue = cue || t.find(tail) != std::string::npos;
  }
  if (!cue) return;
  std::string lower = t;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view key :
       {"selon ", "d'apr\xC3\xA8s ",
        "d\xE2\x80\x99"
        "apr\xC3\xA8s ",
        "according to ", "source : ", "source: ", "sources : ", "sources: "}) {
    for (size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
      if (at > 0 && lower[at - 1] == '(') continue;  // explicit form, handled above
      size_t begin = at + key.size();
      size_t end = begin;
      while (end < t.size() && !IsNameEnd(t[end])) ++end;
      AddAttribution(draft, resolver, block, begin, end, key.starts_with("source"));
    }
  }
}

// Bracketed source numbers in a block's text: "[3]", "[1, 4]", "[2-3]" (one marker per
// number; a range gives its two ends). A bracket followed by "(" or ":" is link syntax
// cmark left as text, not a marker; four digits or more ("[2024]") are not numbers of
// sources.
void NumberMarkers(const Draft& draft, ProseBlock& block) {
  const std::string& t = block.text;
  for (size_t open = t.find('['); open != std::string::npos; open = t.find('[', open + 1)) {
    const size_t close = t.find(']', open);
    if (close == std::string::npos || close - open > 24) continue;
    if (close + 1 < t.size() && (t[close + 1] == '(' || t[close + 1] == ':')) continue;
    if (open + 1 < close && t[open + 1] == '^') {
      // A footnote reference cmark left as text: its definition is missing.
      const std::string label = t.substr(open + 2, close - open - 2);
      if (label.empty() || label.find(' ') != std::string::npos) continue;
      block.markers.push_back({open, label, true, -1, draft.RangeOf(block, open, close + 1)});
      continue;
    }
    std::vector<std::string> numbers(1);
    bool ok = true;
    for (size_t i = open + 1; i < close && ok; ++i) {
      const char c = t[i];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        numbers.back() += c;
        ok = numbers.back().size() <= 3;
      } else if (c == ',' || c == ';' || c == '-') {
        ok = !numbers.back().empty();
        numbers.emplace_back();
      } else {
        ok = c == ' ';
      }
    }
    if (!ok || numbers.back().empty()) continue;
    for (const std::string& n : numbers) {
      CitationMarker m;
      m.at = open;
      m.label = n;
      m.range = draft.RangeOf(block, open, close + 1);
      block.markers.push_back(std::move(m));
    }
  }
  std::stable_sort(block.markers.begin(), block.markers.end(),
                   [](const CitationMarker& a, const CitationMarker& b) { return a.at < b.at; });
}

// The source a marker designates: a footnote by its label; a number by the label of
// an ordered list item or a reference definition, else by its position among the
// list entries ("[3]" with a bulleted list), or among the front matter's sources when
// there is no list.
int ResolveMarker(const CitationMarker& m, const SourceLabels& labels, const Draft& draft) {
  const auto& table = m.footnote ? labels.footnotes : labels.numbers;
  if (auto it = table.find(m.label); it != table.end()) return it->second;
  if (m.footnote || m.label.empty()) return -1;
  const long n = std::strtol(m.label.c_str(), nullptr, 10);
  // Without a list, a front-matter sequence is what the numbers count.
  bool has_list = false;
  for (const SourceEntry& e : draft.sources) has_list = has_list || e.origin == SourceOrigin::kList;
  const SourceOrigin counted = has_list ? SourceOrigin::kList : SourceOrigin::kFrontMatter;
  long seen = 0;
  for (size_t i = 0; i < draft.sources.size(); ++i) {
    if (draft.sources[i].origin == counted && ++seen == n) return static_cast<int>(i);
  }
  return -1;
}

void ResolveMarkers(const SourceLabels& labels, Draft& draft, ProseBlock& block) {
  for (CitationMarker& m : block.markers) {
    m.source = ResolveMarker(m, labels, draft);
    if (m.source >= 0) continue;
    draft.findings.push_back({"unresolved_citation",
                              std::string(m.footnote ? "the footnote [^" : "the citation [") +
                                  m.label + "] designates no entry of the sources list",
                              m.range});
  }
}

}  // namespace

void FindCitations(const SourceLabels& labels, Draft& draft) {
  NameResolver resolver(draft.sources);
  for (ProseBlock& block : draft.blocks) {
    if (block.in_sources) continue;
    ExplicitAttributions(draft, resolver, block);
    ImplicitAttributions(draft, resolver, block);
    NumberMarkers(draft, block);
    ResolveMarkers(labels, draft, block);
  }
  std::sort(
      draft.attributions.begin(), draft.attributions.end(),
      [](const Attribution& a, const Attribution& b) { return a.range.begin < b.range.begin; });
}

}  // namespace citecheck::draft::internal
