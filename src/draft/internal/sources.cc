#include "draft/internal/sources.h"

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>
#include <cmath>
#include <set>
#include <string>

namespace citecheck::draft::internal {

using common::Status;

std::string_view Trim(std::string_view s) {
  const std::string_view kSpace = " \t\n\r\f\v";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

std::string_view TrimPunct(std::string_view s) {
  s = Trim(s);
  auto is_sep = [](std::string_view t) {
    return t.starts_with("-") || t.starts_with(":") || t.starts_with("*") ||
           t.starts_with("\xE2\x80\x93") || t.starts_with("\xE2\x80\x94") || t.starts_with("|") ||
           t.starts_with(",");
  };
  while (!s.empty() && is_sep(s)) {
    s.remove_prefix(static_cast<unsigned char>(s[0]) == 0xE2 ? 3 : 1);
    s = Trim(s);
  }
  while (!s.empty() && (s.back() == '-' || s.back() == ':' || s.back() == ',' || s.back() == '*' ||
                        s.back() == '|')) {
    s.remove_suffix(1);
    s = Trim(s);
  }
  return s;
}

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::optional<text::Quantity> FirstDate(std::string_view s, text::Lang lang) {
  for (const text::Quantity& q : text::FindQuantities(s, lang)) {
    if (q.kind == text::QuantityKind::kDate || q.kind == text::QuantityKind::kYear) return q;
  }
  return std::nullopt;
}

namespace {

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
    if (colon == std::string_view::npos || colon > lead + label.size() + 12) {
      // "fiabilité 80 %": a figure right after the label, without a colon.
      const size_t digit = s.find_first_of("0123456789", lead);
      if (digit == std::string_view::npos ||
          std::string_view(Trim(text::Fold(s.substr(lead, digit - lead)))) != label) {
        continue;
      }
      colon = digit - 1;
    }
    std::string_view value = Trim(s.substr(colon + 1));
    if (value.empty()) return text::Span{span.end, span.end};
    size_t begin = span.begin + static_cast<size_t>(value.data() - s.data());
    return text::Span{begin, begin + value.size()};
  }
  return std::nullopt;
}

// Separators between the parts of a one-line entry: "Name – Kind – Date".
constexpr std::string_view kPartSeparators[] = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ",
                                                " \xC2\xB7 "};

size_t FirstSeparator(std::string_view s, size_t from = 0) {
  size_t cut = std::string_view::npos;
  for (std::string_view sep : kPartSeparators) cut = std::min(cut, s.find(sep, from));
  return cut;
}

}  // namespace

std::optional<double> ParseRating(std::string_view value) {
  value = Trim(value);
  std::string digits;
  size_t i = 0;
  while (i < value.size() && (std::isdigit(static_cast<unsigned char>(value[i])) ||
                              ((value[i] == ',' || value[i] == '.') && !digits.empty()))) {
    digits += value[i] == ',' ? '.' : value[i];
    ++i;
  }
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  const double v = std::strtod(digits.c_str(), nullptr);
  std::string_view rest = Trim(value.substr(i));
  double scale = 10;
  std::string folded = text::Fold(rest);
  for (std::string_view sep : {"/", "sur ", "out of "}) {
    if (!folded.starts_with(sep)) continue;
    std::string_view den = Trim(rest.substr(sep.size()));
    size_t n = 0;
    while (n < den.size() && n < 6 && std::isdigit(static_cast<unsigned char>(den[n]))) ++n;
    scale = n == 0 ? 0 : std::strtod(std::string(den.substr(0, n)).c_str(), nullptr);
    break;
  }
  if (folded.starts_with("%")) scale = 100;
  if (scale <= 0 || v < 0 || v > scale) return std::nullopt;
  return v * 10.0 / scale;
}

std::optional<text::Span> BareUrl(std::string_view s) {
  size_t pos = std::string_view::npos;
  for (std::string_view p : {"https://", "http://", "www."}) {
    size_t at = s.find(p);
    if (at < pos) pos = at;
  }
  if (pos == std::string_view::npos) return std::nullopt;
  size_t end = s.find_first_of(" \t\n<>\"", pos);
  if (end == std::string_view::npos) end = s.size();
  while (end > pos &&
         (s[end - 1] == '.' || s[end - 1] == ',' || s[end - 1] == ')' || s[end - 1] == ';')) {
    --end;
  }
  return text::Span{pos, end};
}

namespace {

std::vector<std::string> NameTokens(std::string_view s) {
  static const std::set<std::string, std::less<>> kGeneric = {
      "source", "sources", "article", "articles", "etude", "etudes", "rapport", "donnees", "site",
      "www",    "http",    "https",   "html",     "com",   "org",    "fr",      "eu"};
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

}  // namespace

std::string Host(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return "";
  return std::string(u->host());
}

namespace {

std::string HostAndPath(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u) return "";
  return std::string(u->host()) + " " + std::string(u->encoded_path());
}

}  // namespace

namespace {

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
    if (auto v = LabelledValue(t, line,
                               {"fiabilite", "reliability", "note de fiabilite",
                                "indice de fiabilite", "score de fiabilite", "niveau de fiabilite",
                                "reliability score", "credibilite", "credibility"})) {
      out_.rating = ParseRating(t.substr(v->begin, v->size()));
      return;
    }
    if (auto v = LabelledValue(
            t, line,
            {"date", "publie le", "publication", "published", "mise a jour", "mis a jour",
             "updated", "last updated", "date de publication", "consulte le", "accessed"})) {
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
      if (out_.url.empty())
        SetUrl(block_index, {line.begin + u->begin, line.begin + u->end}, false);
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
    std::string_view rest = s.substr(LeadingName(b, line));
    std::string_view tail;  // what follows a parenthesis: "Ofcom (2024). Title. URL"
    if (size_t paren = rest.find('('); paren != std::string_view::npos) {
      std::string_view inside = rest.substr(paren + 1);
      const size_t close = inside.find(')');
      inside = inside.substr(0, close);
      Line(b, -1,
           {static_cast<size_t>(inside.data() - t.data()),
            static_cast<size_t>(inside.data() - t.data()) + inside.size()},
           false);
      if (close != std::string_view::npos) tail = rest.substr(paren + 1 + close + 1);
      rest = rest.substr(0, paren);
    }
    HeaderUrl(b, &rest);
    if (out_.name.empty()) {
      const size_t cut = FirstSeparator(rest);
      out_.name = std::string(TrimPunct(rest.substr(0, cut)));
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut);
    }
    HeaderParts(b, rest);
    HeaderUrl(b, &tail);
    HeaderParts(b, tail);
    if (out_.date.empty()) {
      // "INSEE, Enquête emploi, 12 mars 2024" on a single line.
      if (auto q = FirstDate(out_.name, text::Lang::kUnknown)) out_.date = q->text;
    }
  }

  // Takes the URL out of `*s`, reading the parts after it (". Reliability: 9/10").
  void HeaderUrl(const ProseBlock& b, std::string_view* s) {
    auto u = BareUrl(*s);
    if (!u) return;
    const size_t at = static_cast<size_t>(s->data() - b.text.data());
    if (out_.url.empty()) SetUrl(-1, {at + u->begin, at + u->end}, false);
    HeaderParts(b, s->substr(u->end));
    *s = s->substr(0, u->begin);
  }

  // Parts separated by dashes, bars or sentence ends.
  void HeaderParts(const ProseBlock& b, std::string_view s) {
    while (!TrimPunct(s).empty()) {
      const size_t next = std::min(FirstSeparator(s, 1), s.find(". ", 1));
      HeaderPart(b, s.substr(0, next));
      s = next == std::string_view::npos ? std::string_view() : s.substr(next + 1);
    }
  }

  // The name a line opens with, in bold or as a link's text; returns where it ends.
  size_t LeadingName(const ProseBlock& b, text::Span line) {
    std::string_view t = b.text;
    auto leads = [&](size_t begin) {
      return begin >= line.begin && Trim(t.substr(line.begin, begin - line.begin)).empty();
    };
    for (const text::Span& st : b.strong) {
      if (!leads(st.begin)) continue;
      out_.name = std::string(TrimPunct(t.substr(st.begin, st.end - st.begin)));
      return st.end - line.begin;
    }
    for (size_t i = 0; i < b.link_begins.size() && i < b.link_ends.size(); ++i) {
      if (!leads(b.link_begins[i]) || b.link_ends[i] > line.end) continue;
      out_.name =
          std::string(TrimPunct(t.substr(b.link_begins[i], b.link_ends[i] - b.link_begins[i])));
      return b.link_ends[i] - line.begin;
    }
    return 0;
  }

  // One part of a header line: "Fiabilité : 4/5", "Rapport, 14 septembre 2024", "Article".
  void HeaderPart(const ProseBlock& b, std::string_view part) {
    std::string_view p = TrimPunct(part);
    while (p.starts_with(".")) p = TrimPunct(p.substr(1));
    if (p.empty()) return;
    const size_t p_at = static_cast<size_t>(p.data() - b.text.data());
    if (!out_.rating) {
      Line(b, -1, {p_at, p_at + p.size()}, false);
      if (out_.rating) return;
    }
    if (out_.date.empty()) {
      if (auto q = FirstDate(p, text::Lang::kUnknown)) {
        out_.date = q->text;
        std::string_view before = TrimPunct(p.substr(0, q->span.begin));
        if (out_.kind.empty() && !before.empty() && before.size() < 40)
          out_.kind = std::string(before);
        return;
      }
    }
    if (out_.kind.empty()) out_.kind = std::string(p);
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

}  // namespace

common::Result<std::string> ValidateUrl(std::string_view url) {
  std::string candidate(url);
  if (candidate.rfind("www.", 0) == 0) candidate = "https://" + candidate;
  // parse_uri, not parse_absolute_uri: a cited URL may carry a "#fragment".
  auto parsed = boost::urls::parse_uri(candidate);
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
  std::string host(u.host());
  std::transform(host.begin(), host.end(), host.begin(), ::tolower);
  u.set_host(host);
  std::string out(u.buffer());
  if (u.encoded_path().empty()) {
    // An empty path is "/". (Boost.URL 1.81's set_path("/") writes "/./" after an
    // authority, so the slash is inserted by hand, after "scheme://authority".)
    out.insert(u.scheme().size() + 3 + u.encoded_authority().size(), "/");
  }
  return out;
}

NameResolver::NameResolver(const std::vector<SourceEntry>& sources) {
  for (const SourceEntry& e : sources) {
    std::vector<std::string> have = NameTokens(e.name + " " + HostAndPath(e.url));
    tokens_.emplace_back(have.begin(), have.end());
  }
}

int NameResolver::Resolve(std::string_view name) {
  if (auto it = cache_.find(name); it != cache_.end()) return it->second;
  const std::vector<std::string> wanted = NameTokens(name);
  int best = -1;
  double best_score = 0;
  bool tie = false;
  for (size_t i = 0; i < tokens_.size() && !wanted.empty(); ++i) {
    size_t hits = 0;
    for (const std::string& w : wanted) hits += tokens_[i].contains(w) ? 1 : 0;
    const double score = static_cast<double>(hits) / static_cast<double>(wanted.size());
    if (score > best_score + 1e-9) {
      best_score = score;
      best = static_cast<int>(i);
      tie = false;
    } else if (score > 0 && std::abs(score - best_score) < 1e-9) {
      tie = true;
    }
  }
  const int found = (best_score >= 0.6 && !tie) ? best : -1;
  cache_.emplace(std::string(name), found);
  return found;
}

int ResolveSourceName(std::string_view name, const std::vector<SourceEntry>& sources) {
  return NameResolver(sources).Resolve(name);
}

common::Result<int> SourceCollector::Add(SourceEntry e, std::string_view raw_url,
                                         const Range& url_range) {
  e.number = static_cast<int>(draft_.sources.size()) + 1;
  if (!raw_url.empty()) {
    e.url_range = url_range;
    auto url = ValidateUrl(Trim(raw_url));
    if (!url.ok()) {
      return Status::InvalidArgument(draft_.path + ":" + std::to_string(url_range.line) +
                                     ": source " + std::to_string(e.number) + ": " +
                                     url.status().message());
    }
    e.url = *url;
  }
  if (auto it = by_url_.find(e.url); !e.url.empty() && it != by_url_.end()) {
    const SourceEntry& first = draft_.sources[it->second];
    if (first.origin != e.origin) return it->second;  // a footnote repeating the list
    draft_.findings.push_back({"duplicate_source",
                               "source " + std::to_string(e.number) + " repeats the URL " + e.url +
                                   " of an earlier entry",
                               e.range});
  }
  if (e.name.empty()) e.name = e.url.empty() ? "source " + std::to_string(e.number) : Host(e.url);
  if (e.date.empty() == false && !e.parsed_date) e.parsed_date = FirstDate(e.date, draft_.lang);
  if (e.url.empty()) {
    draft_.findings.push_back({"source_without_url",
                               "source " + std::to_string(e.number) + " " + Quote(e.name) +
                                   " gives no URL, so nothing attributed to it can be checked",
                               e.range});
  }
  const int index = static_cast<int>(draft_.sources.size());
  if (!e.url.empty()) by_url_.emplace(e.url, index);
  draft_.sources.push_back(std::move(e));
  return index;
}

namespace {

// A loose paragraph of the sources list that holds several URLs, one per line
// ("https://a.example/x https://b.example/y" once soft breaks are spaces), gives one
// entry per URL, named by the text before it.
common::Status AddUrlLines(const RawSourceItem& item, SourceCollector& collector, Draft& draft) {
  const int bi = item.blocks.front();
  const std::string_view t = draft.blocks[bi].text;
  size_t from = 0;
  while (auto u = BareUrl(t.substr(from))) {
    const size_t ub = from + u->begin, ue = from + u->end;
    SourceEntry e;
    e.name = std::string(TrimPunct(t.substr(from, ub - from)));
    const Range url_range = draft.RangeOf(draft.blocks[bi], ub, ue);
    e.range = draft.RangeOf(draft.blocks[bi], from, ue);
    CC_RETURN_IF_ERROR(collector.Add(std::move(e), t.substr(ub, ue - ub), url_range).status());
    from = ue;
  }
  return Status::Ok();
}

size_t CountUrls(std::string_view t) {
  size_t n = 0;
  size_t from = 0;
  while (auto u = BareUrl(t.substr(from))) {
    ++n;
    from += u->end;
  }
  return n;
}

common::Status AddItem(const RawSourceItem& item, SourceCollector& collector, SourceLabels& labels,
                       Draft& draft) {
  if (!item.list_item && item.blocks.size() == 1 &&
      CountUrls(draft.blocks[item.blocks[0]].text) > 1) {
    return AddUrlLines(item, collector, draft);
  }
  Parsed p = EntryParser(item, draft).Parse();
  if (!item.list_item && p.url.empty()) return Status::Ok();  // a sentence introducing the list
  SourceEntry e;
  e.name = p.name;
  e.kind = p.kind;
  e.date = p.date;
  e.declared_reliability = p.rating;
  e.range = draft.FileRange(item.begin, item.end);
  e.origin = item.footnote ? SourceOrigin::kFootnote : SourceOrigin::kList;
  e.label = item.label;
  Range url_range = e.range;
  if (!p.url.empty() && p.url_span) {
    url_range = draft.RangeOf(draft.blocks[p.url_block], p.url_span->begin, p.url_span->end);
  }
  CC_ASSIGN_OR_RETURN(int index, collector.Add(std::move(e), p.url, url_range));
  if (item.label.empty()) return Status::Ok();
  (item.footnote ? labels.footnotes : labels.numbers).emplace(item.label, index);
  return Status::Ok();
}

}  // namespace

common::Result<SourceLabels> BuildSources(const MarkdownBody& md, Draft& draft) {
  SourceCollector collector(draft);
  SourceLabels labels;
  for (const RawSourceItem& item : md.source_items) {
    if (item.blocks.empty()) continue;
    CC_RETURN_IF_ERROR(AddItem(item, collector, labels, draft));
  }
  CC_RETURN_IF_ERROR(AddOtherSources(md, collector, labels, draft));
  // Links in the prose cite sources too, even when the list forgets them.
  for (const Link& link : draft.links) {
    auto url = ValidateUrl(link.url);
    if (!url.ok() || collector.Has(*url)) continue;
    SourceEntry e;
    e.name = link.text.empty() ? Host(*url) : link.text;
    e.from_inline_link = true;
    e.origin = SourceOrigin::kInlineLink;
    e.range = link.range;
    CC_RETURN_IF_ERROR(collector.Add(std::move(e), *url, link.range).status());
  }
  return labels;
}

}  // namespace citecheck::draft::internal
