#include "draft/internal/sources.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

namespace citecheck::draft::internal {
namespace {

using common::Status;

std::string_view Trim(std::string_view s) {
  const std::string_view kSpace = " \t\n\r\f\v";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

// Strips separators people put around names and values: dashes, colons, stars.
std::string_view TrimPunct(std::string_view s) {
  s = Trim(s);
  auto is_sep = [](std::string_view t) {
    return t.starts_with("-") || t.starts_with(":") || t.starts_with("*") ||
           t.starts_with("\xE2\x80\x93") || t.starts_with("\xE2\x80\x94") ||
           t.starts_with("|") || t.starts_with(",");
  };
  while (!s.empty() && is_sep(s)) {
    s.remove_prefix(static_cast<unsigned char>(s[0]) == 0xE2 ? 3 : 1);
    s = Trim(s);
  }
  while (!s.empty() && (s.back() == '-' || s.back() == ':' || s.back() == ',' ||
                        s.back() == '*' || s.back() == '|')) {
    s.remove_suffix(1);
    s = Trim(s);
  }
  return s;
}

bool StartsWithFolded(std::string_view text, std::string_view folded_prefix) {
  return text::Fold(text.substr(0, folded_prefix.size() + 8)).starts_with(folded_prefix);
}

// Lines of a block (hard breaks split a block into lines), with their offsets.
std::vector<text::Span> Lines(std::string_view text) {
  std::vector<text::Span> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > pos) out.push_back({pos, nl});
    pos = nl + 1;
  }
  return out;
}

// "Label : value" -> value when the folded line starts with one of `labels`.
std::optional<text::Span> LabelledValue(std::string_view line, text::Span span,
                                        std::initializer_list<std::string_view> labels) {
  std::string_view s = line.substr(span.begin, span.size());
  const size_t lead = std::min(s.size(), s.find_first_not_of(" \t"));
  for (std::string_view label : labels) {
    if (!StartsWithFolded(s.substr(lead), label)) continue;
    size_t colon = s.find(':', lead);
    if (colon == std::string_view::npos || colon > lead + label.size() + 12) continue;
    std::string_view value = Trim(s.substr(colon + 1));
    if (value.empty()) return text::Span{span.end, span.end};
    size_t begin = span.begin + static_cast<size_t>(value.data() - s.data());
    return text::Span{begin, begin + value.size()};
  }
  return std::nullopt;
}

// Reliability "8/10", "8 / 10", "4/5", "8" -> out of 10.
std::optional<double> ParseRating(std::string_view value) {
  std::string digits;
  size_t i = 0;
  value = Trim(value);
  while (i < value.size() && (std::isdigit(static_cast<unsigned char>(value[i])) ||
                              value[i] == ',' || value[i] == '.')) {
    digits += value[i] == ',' ? '.' : value[i];
    ++i;
  }
  if (digits.empty()) return std::nullopt;
  double v = std::strtod(digits.c_str(), nullptr);
  std::string_view rest = Trim(value.substr(i));
  double scale = 10;
  if (!rest.empty() && rest[0] == '/') {
    scale = std::strtod(std::string(Trim(rest.substr(1))).c_str(), nullptr);
  }
  if (scale <= 0 || v < 0 || v > scale) return std::nullopt;
  return v * 10.0 / scale;
}

// The first "http://", "https://" or "www." token of `s`, as a span of s.
std::optional<text::Span> BareUrl(std::string_view s) {
  size_t pos = std::string_view::npos;
  for (std::string_view p : {"https://", "http://", "www."}) {
    size_t at = s.find(p);
    if (at < pos) pos = at;
  }
  if (pos == std::string_view::npos) return std::nullopt;
  size_t end = s.find_first_of(" \t\n<>\"", pos);
  if (end == std::string_view::npos) end = s.size();
  while (end > pos && (s[end - 1] == '.' || s[end - 1] == ',' || s[end - 1] == ')' ||
                       s[end - 1] == ';')) {
    --end;
  }
  return text::Span{pos, end};
}

std::vector<std::string> NameTokens(std::string_view s) {
  static const std::set<std::string, std::less<>> kGeneric = {
      "source", "sources", "article", "articles", "etude", "etudes", "rapport",
      "donnees", "site", "www", "http", "https", "html", "com", "org", "fr", "eu"};
  std::vector<std::string> out;
  std::string folded = text::Fold(s);
  std::string cur;
  auto flush = [&] {
    if (cur.size() >= 2 && !text::IsStopword(cur, text::Lang::kUnknown) &&
        !kGeneric.contains(cur)) {
      out.push_back(cur);
    }
    cur.clear();
  };
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      cur += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string Host(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return "";
  return std::string(u->host());
}

struct Parsed {
  std::string name, kind, date, url;
  std::optional<double> rating;
  std::optional<text::Span> url_span;
  int url_block = -1;
  bool url_labelled = false;
};

class EntryParser {
 public:
  EntryParser(const RawSourceItem& item, const Draft& draft) : item_(item), draft_(draft) {}

  Parsed Parse() {
    for (size_t k = 0; k < item_.blocks.size(); ++k) {
      const ProseBlock& b = draft_.blocks[item_.blocks[k]];
      for (const text::Span& line : Lines(b.text)) Line(b, item_.blocks[k], line, k == 0);
    }
    if (out_.url.empty()) LinkUrl();
    return out_;
  }

 private:
  void Line(const ProseBlock& b, int block_index, text::Span line, bool header_block) {
    std::string_view t = b.text;
    if (auto v = LabelledValue(t, line, {"url", "lien", "link", "adresse"})) {
      SetUrl(block_index, *v, true);
      return;
    }
    if (auto v = LabelledValue(t, line, {"fiabilite", "reliability", "fiabilite declaree"})) {
      out_.rating = ParseRating(t.substr(v->begin, v->size()));
      return;
    }
    if (auto v = LabelledValue(t, line, {"date", "publie le", "published", "mise a jour",
                                         "updated", "date de publication"})) {
      if (out_.date.empty()) out_.date = std::string(t.substr(v->begin, v->size()));
      return;
    }
    if (auto v = LabelledValue(t, line, {"type", "nature", "kind"})) {
      out_.kind = std::string(t.substr(v->begin, v->size()));
      return;
    }
    std::string_view s = t.substr(line.begin, line.size());
    if (header_block && out_.name.empty()) return Header(b, line);
    if (auto u = BareUrl(s)) {
      if (out_.url.empty()) SetUrl(block_index, {line.begin + u->begin, line.begin + u->end}, false);
      return;
    }
    DateLine(s);
  }

  // "Article du 24/06/2025", "Rapport publié en avril 2024".
  void DateLine(std::string_view s) {
    if (!out_.date.empty()) return;
    for (const text::Quantity& q : text::FindQuantities(s, text::Lang::kUnknown)) {
      if (q.kind != text::QuantityKind::kDate && q.kind != text::QuantityKind::kYear) continue;
      out_.date = std::string(Trim(s.substr(q.span.begin)));
      std::string_view before = TrimPunct(s.substr(0, q.span.begin));
      std::string folded = text::Fold(before);
      for (std::string_view tail : {" publie le", " publie en", " du", " de", " of"}) {
        if (folded.ends_with(tail)) {
          before = Trim(before.substr(0, before.size() - tail.size()));
          break;
        }
      }
      if (out_.kind.empty() && !before.empty() && before.size() < 40) {
        out_.kind = std::string(before);
      }
      return;
    }
  }

  // The first line of the entry: "**Name** - Kind (Fiabilité : 8/10)".
  void Header(const ProseBlock& b, text::Span line) {
    std::string_view t = b.text;
    std::string_view s = t.substr(line.begin, line.size());
    size_t name_end = 0;
    for (const text::Span& st : b.strong) {
      if (st.begin >= line.begin && Trim(t.substr(line.begin, st.begin - line.begin)).empty()) {
        out_.name = std::string(TrimPunct(t.substr(st.begin, st.end - st.begin)));
        name_end = st.end - line.begin;
        break;
      }
    }
    std::string_view rest = s.substr(name_end);
    if (size_t paren = rest.find('('); paren != std::string_view::npos) {
      std::string_view inside = rest.substr(paren + 1);
      inside = inside.substr(0, inside.find(')'));
      Line(b, -1, {static_cast<size_t>(inside.data() - t.data()),
                   static_cast<size_t>(inside.data() - t.data()) + inside.size()}, false);
      rest = rest.substr(0, paren);
    }
    if (auto u = BareUrl(rest)) {
      size_t at = static_cast<size_t>(rest.data() - t.data());
      SetUrl(-1, {at + u->begin, at + u->end}, false);
      rest = rest.substr(0, u->begin);
    }
    if (out_.name.empty()) {
      size_t cut = rest.find(" - ");
      size_t dash = rest.find(" \xE2\x80\x93 ");
      cut = std::min(cut, dash);
      out_.name = std::string(TrimPunct(rest.substr(0, cut)));
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut);
    }
    if (out_.kind.empty()) out_.kind = std::string(TrimPunct(rest));
  }

  void SetUrl(int block_index, text::Span span, bool labelled) {
    const ProseBlock* b = block_index >= 0 ? &draft_.blocks[block_index] : header_block();
    out_.url = std::string(Trim(std::string_view(b->text).substr(span.begin, span.size())));
    out_.url_span = span;
    out_.url_block = block_index >= 0 ? block_index : item_.blocks.front();
    out_.url_labelled = labelled;
  }

  const ProseBlock* header_block() const { return &draft_.blocks[item_.blocks.front()]; }

  // A Markdown link's target when no URL was written out.
  void LinkUrl() {
    for (int bi : item_.blocks) {
      const ProseBlock& b = draft_.blocks[bi];
      for (size_t i = 0; i < b.link_urls.size(); ++i) {
        if (b.link_urls[i].rfind("http", 0) != 0 && b.link_urls[i].rfind("www.", 0) != 0) continue;
        out_.url = b.link_urls[i];
        out_.url_block = bi;
        out_.url_labelled = true;  // a link target is meant as a URL
        return;
      }
    }
  }

  const RawSourceItem& item_;
  const Draft& draft_;
  Parsed out_;
};

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

common::Result<std::string> ValidateUrl(std::string_view url) {
  std::string candidate(url);
  if (candidate.rfind("www.", 0) == 0) candidate = "https://" + candidate;
  auto parsed = boost::urls::parse_absolute_uri(candidate);
  if (!parsed) return Status::InvalidArgument("malformed URL " + Quote(url));
  std::string scheme(parsed->scheme());
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), ::tolower);
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidArgument("URL " + Quote(url) + " is not http or https");
  }
  if (!parsed->has_authority() || parsed->host().empty()) {
    return Status::InvalidArgument("URL " + Quote(url) + " has no host");
  }
  boost::urls::url u(*parsed);
  u.normalize_scheme();
  u.remove_fragment();
  if (u.path().empty()) u.set_path("/");
  std::string host(u.host());
  std::transform(host.begin(), host.end(), host.begin(), ::tolower);
  u.set_host(host);
  return std::string(u.buffer());
}

int ResolveSourceName(std::string_view name, const std::vector<SourceEntry>& sources) {
  std::vector<std::string> wanted = NameTokens(name);
  if (wanted.empty()) return -1;
  int best = -1;
  double best_score = 0;
  bool tie = false;
  for (size_t i = 0; i < sources.size(); ++i) {
    std::vector<std::string> have = NameTokens(sources[i].name + " " + Host(sources[i].url));
    std::set<std::string> have_set(have.begin(), have.end());
    size_t hits = 0;
    for (const std::string& w : wanted) hits += have_set.contains(w) ? 1 : 0;
    double score = static_cast<double>(hits) / static_cast<double>(wanted.size());
    if (score > best_score + 1e-9) {
      best_score = score;
      best = static_cast<int>(i);
      tie = false;
    } else if (score > 0 && std::abs(score - best_score) < 1e-9) {
      tie = true;
    }
  }
  return (best_score >= 0.6 && !tie) ? best : -1;
}

common::Status BuildSources(const std::vector<RawSourceItem>& items, Draft& draft) {
  std::set<std::string> seen;
  for (const RawSourceItem& item : items) {
    if (item.blocks.empty()) continue;
    Parsed p = EntryParser(item, draft).Parse();
    if (!item.list_item && p.url.empty()) continue;  // a sentence introducing the list
    SourceEntry e;
    e.number = static_cast<int>(draft.sources.size()) + 1;
    e.name = p.name;
    e.kind = p.kind;
    e.date = p.date;
    e.declared_reliability = p.rating;
    e.range = draft.FileRange(item.begin, item.end);
    if (!e.date.empty()) {
      for (const text::Quantity& q : text::FindQuantities(e.date, draft.lang)) {
        if (q.kind == text::QuantityKind::kDate || q.kind == text::QuantityKind::kYear) {
          e.parsed_date = q;
          break;
        }
      }
    }
    if (!p.url.empty()) {
      const ProseBlock& b = draft.blocks[p.url_block];
      if (p.url_span) e.url_range = draft.RangeOf(b, p.url_span->begin, p.url_span->end);
      else e.url_range = e.range;
      auto url = ValidateUrl(p.url);
      if (!url.ok()) {
        return Status::InvalidArgument(draft.path + ":" + std::to_string(e.url_range.line) +
                                       ": source " + std::to_string(e.number) + ": " +
                                       url.status().message());
      }
      e.url = *url;
    }
    if (e.name.empty()) e.name = e.url.empty() ? "source " + std::to_string(e.number) : Host(e.url);
    if (e.url.empty()) {
      draft.findings.push_back({"source_without_url",
                                "source " + std::to_string(e.number) + " " + Quote(e.name) +
                                    " gives no URL, so nothing attributed to it can be checked",
                                e.range});
    } else if (!seen.insert(e.url).second) {
      draft.findings.push_back({"duplicate_source",
                                "source " + std::to_string(e.number) + " repeats the URL " +
                                    e.url + " of an earlier entry",
                                e.range});
    }
    draft.sources.push_back(std::move(e));
  }
  // Links in the prose cite sources too, even when the list forgets them.
  for (const Link& link : draft.links) {
    auto url = ValidateUrl(link.url);
    if (!url.ok() || seen.contains(*url)) continue;
    bool in_list = false;
    for (const SourceEntry& s : draft.sources) in_list = in_list || s.url == *url;
    if (in_list) continue;
    seen.insert(*url);
    SourceEntry e;
    e.number = static_cast<int>(draft.sources.size()) + 1;
    e.name = link.text.empty() ? Host(*url) : link.text;
    e.url = *url;
    e.from_inline_link = true;
    e.range = link.range;
    e.url_range = link.range;
    draft.sources.push_back(std::move(e));
  }
  return Status::Ok();
}

namespace {

bool IsNameEnd(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == ')' || c == '(' ||
         c == '\n' || c == '!' || c == '?';
}

// Removes a leading article: "la CCI" -> "CCI", "l'Insee" -> "Insee", "the ONS" -> "ONS".
std::string_view StripArticle(std::string_view name) {
  for (std::string_view a : {"la ", "le ", "les ", "l'", "l\xE2\x80\x99", "the ", "des ", "du "}) {
    if (text::Fold(name.substr(0, a.size())) == text::Fold(a)) return Trim(name.substr(a.size()));
  }
  return name;
}

void AddAttribution(Draft& draft, const ProseBlock& block, size_t begin, size_t end,
                    bool explicit_source) {
  std::string_view name = StripArticle(TrimPunct(std::string_view(block.text).substr(begin, end - begin)));
  if (name.empty() || name.size() > 120) return;
  // The range covers the name itself, not the separators around it.
  begin = static_cast<size_t>(name.data() - block.text.data());
  end = begin + name.size();
  Attribution a;
  a.name = std::string(name);
  a.explicit_source = explicit_source;
  a.source = ResolveSourceName(a.name, draft.sources);
  a.range = draft.RangeOf(block, begin, end);
  if (a.source < 0 && !explicit_source) return;  // "selon les experts" names no source
  if (a.source < 0) {
    draft.findings.push_back({"unresolved_attribution",
                              "the attribution " + Quote(a.name) +
                                  " names no entry of the sources list",
                              a.range});
  }
  draft.attributions.push_back(std::move(a));
}

// "(Source : A)", "(Sources : A, B)", "(source: A ; B)".
void ExplicitAttributions(Draft& draft, const ProseBlock& block) {
  const std::string& t = block.text;
  for (size_t open = t.find('('); open != std::string::npos; open = t.find('(', open + 1)) {
    std::string_view after = std::string_view(t).substr(open + 1);
    if (!StartsWithFolded(after, "source")) continue;
    size_t colon = after.find_first_of(":-\n)");
    size_t close = after.find(')');
    if (colon == std::string_view::npos || close == std::string_view::npos || colon >= close) continue;
    size_t pos = open + 1 + colon + 1;
    const size_t stop = open + 1 + close;
    while (pos < stop) {
      size_t sep = t.find_first_of(",;", pos);
      if (sep == std::string::npos || sep > stop) sep = stop;
      AddAttribution(draft, block, pos, sep, true);
      pos = sep + 1;
    }
  }
}

// "selon X", "d'après X", "according to X": kept only when X is a listed source.
void ImplicitAttributions(Draft& draft, const ProseBlock& block) {
  const std::string& t = block.text;
  std::string lower = t;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view key : {"selon ", "d'apr\xC3\xA8s ", "d\xE2\x80\x99" "apr\xC3\xA8s ",
                               "according to ", "source : ", "source: "}) {
    for (size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
      if (at > 0 && std::isalpha(static_cast<unsigned char>(lower[at - 1]))) continue;
      if (at > 0 && lower[at - 1] == '(') continue;  // explicit form, handled above
      size_t begin = at + key.size();
      size_t end = begin;
      while (end < t.size() && !IsNameEnd(t[end])) ++end;
      AddAttribution(draft, block, begin, end, key.starts_with("source"));
    }
  }
}

bool IsPlaceholder(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.size() >= 2 && t.front() == '[' && t.back() == ']' &&
      (t.find("...") != std::string_view::npos || t.find("\xE2\x80\xA6") != std::string_view::npos)) {
    return true;
  }
  for (std::string_view marker : {"[...]", "[\xE2\x80\xA6]", "Lorem ipsum", "lorem ipsum"}) {
    if (t.find(marker) != std::string_view::npos) return true;
  }
  // Upper-case markers as whole words: TODO, TBD, FIXME, "XX %", "XX €".
  for (std::string_view marker : {"TODO", "TBD", "FIXME", "XXX", "XX"}) {
    for (size_t at = t.find(marker); at != std::string_view::npos; at = t.find(marker, at + 1)) {
      const size_t end = at + marker.size();
      const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(t[at - 1]));
      const bool right = end == t.size() || !std::isalnum(static_cast<unsigned char>(t[end]));
      if (!left || !right) continue;
      if (marker != "XX") return true;
      std::string_view next = Trim(t.substr(end));
      if (next.starts_with("%") || next.starts_with("\xE2\x82\xAC") || next.starts_with("$")) return true;
    }
  }
  return false;
}

}  // namespace

void FindAttributions(Draft& draft) {
  for (const ProseBlock& block : draft.blocks) {
    if (block.in_sources) continue;
    ExplicitAttributions(draft, block);
    ImplicitAttributions(draft, block);
  }
  std::sort(draft.attributions.begin(), draft.attributions.end(),
            [](const Attribution& a, const Attribution& b) { return a.range.begin < b.range.begin; });
}

void FindPlaceholdersAndCounts(Draft& draft) {
  for (const ProseBlock& block : draft.blocks) {
    if (!IsPlaceholder(block.text)) continue;
    std::string msg = "placeholder " + Quote(Trim(block.text)) + " stands for missing content";
    if (block.in_sources) msg += ": the sources it replaces are not listed and cannot be checked";
    draft.findings.push_back({"placeholder", msg, draft.RangeOf(block, 0, block.text.size())});
  }
  for (const FrontMatterField& f : draft.front_matter) {
    if (f.key != "sources" || f.value.empty()) continue;
    char* end = nullptr;
    long declared = std::strtol(f.value.c_str(), &end, 10);
    if (*end != '\0') continue;
    long listed = 0;
    for (const SourceEntry& s : draft.sources) listed += s.from_inline_link ? 0 : 1;
    if (declared == listed) continue;
    size_t begin = draft.line_starts[std::min<size_t>(f.line - 1, draft.line_starts.size() - 1)];
    size_t end_of_line = draft.content.find('\n', begin);
    if (end_of_line == std::string::npos) end_of_line = draft.content.size();
    draft.findings.push_back({"source_count_mismatch",
                              "the front matter declares " + std::to_string(declared) +
                                  " sources but the sources list has " + std::to_string(listed),
                              draft.FileRange(begin, end_of_line)});
  }
}

}  // namespace citecheck::draft::internal
