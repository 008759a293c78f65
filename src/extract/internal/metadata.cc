#include "extract/internal/metadata.h"

#include <strings.h>

#include <boost/json.hpp>
#include <boost/url.hpp>
#include <climits>
#include <string_view>

#include "extract/internal/block_builder.h"
#include "extract/internal/dates.h"
#include "extract/internal/dom.h"

namespace citecheck::extract::internal {
namespace {

// Ranks: lower is more trusted. JSON-LD objects that are not articles (a WebPage, an
// Organization) rank after the article's own object.
constexpr int kNonArticlePenalty = 5;

// Date-hinted elements whose text is read for a visible date; the byline sits near the
// top, so a few suffice and the cost stays bounded on long pages.
constexpr int kMaxVisibleDateProbes = 24;

// Deeper elements are not visited (pathological nesting; see page_stats.h).
constexpr int kMaxDepth = 1000;

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// `needle` is lower case.
bool ContainsNoCase(std::string_view s, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if ((s[i] | 0x20) == needle[0] &&
        strncasecmp(s.data() + i, needle.data(), needle.size()) == 0) {
      return true;
    }
  }
  return false;
}

// A field offered by several sources; keeps the value of the most trusted one.
class Field {
 public:
  void Offer(std::string_view value, int rank) {
    if (rank >= rank_) return;
    std::string collapsed = CollapseWhitespace(value);
    if (collapsed.empty()) return;
    value_ = std::move(collapsed);
    rank_ = rank;
  }
  std::string& value() { return value_; }

 private:
  std::string value_;
  int rank_ = INT_MAX;
};

struct Fields {
  Field title, lang, published, modified, author, site_name, canonical, description;
  std::string visible_date;
  int date_probes = 0;

  DateOrder order() {
    const std::string& l = lang.value();
    return EqualsNoCase(l, "en-us") || EqualsNoCase(l, "en") ? DateOrder::kMonthFirst
                                                             : DateOrder::kDayFirst;
  }
  // Dates are parsed on offer, so that an unreadable value does not hide a readable
  // one of lower rank.
  void OfferDate(Field* field, std::string_view raw, int rank) {
    field->Offer(FindDate(raw, order()), rank);
  }
  void OfferAuthor(std::string_view raw, int rank);
};

// Some sites put a profile or home page URL where a name belongs.
bool IsUrl(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.");
}

void Fields::OfferAuthor(std::string_view raw, int rank) {
  std::string name = CollapseWhitespace(raw);
  if (IsUrl(name)) return;
  for (std::string_view prefix : {"by ", "par "}) {
    if (name.size() > prefix.size() && EqualsNoCase(name.substr(0, prefix.size()), prefix)) {
      name.erase(0, prefix.size());
    }
  }
  author.Offer(name, rank);
}

enum class Kind { kText, kDate, kAuthor, kName };

struct MetaRule {
  std::string_view key;  // name, property or http-equiv, compared without case
  Field Fields::*field;
  int rank;
  Kind kind = Kind::kText;
};

constexpr MetaRule kMetaRules[] = {
    {"og:title", &Fields::title, 10},
    {"twitter:title", &Fields::title, 30},
    {"dc.title", &Fields::title, 40},
    {"description", &Fields::description, 10},
    {"og:description", &Fields::description, 20},
    {"twitter:description", &Fields::description, 30},
    {"dc.description", &Fields::description, 50},
    {"og:site_name", &Fields::site_name, 10, Kind::kName},
    {"application-name", &Fields::site_name, 30, Kind::kName},
    {"og:url", &Fields::canonical, 20},
    {"content-language", &Fields::lang, 20},
    {"og:locale", &Fields::lang, 30},
    {"dc.language", &Fields::lang, 50},
    {"author", &Fields::author, 20, Kind::kAuthor},
    {"article:author", &Fields::author, 30, Kind::kAuthor},
    {"dc.creator", &Fields::author, 40, Kind::kAuthor},
    {"byl", &Fields::author, 50, Kind::kAuthor},
    {"parsely-author", &Fields::author, 50, Kind::kAuthor},
    {"sailthru.author", &Fields::author, 50, Kind::kAuthor},
    {"citation_author", &Fields::author, 50, Kind::kAuthor},
    {"article:published_time", &Fields::published, 10, Kind::kDate},
    {"article:published", &Fields::published, 40, Kind::kDate},
    {"og:published_time", &Fields::published, 40, Kind::kDate},
    {"published_time", &Fields::published, 40, Kind::kDate},
    {"pubdate", &Fields::published, 40, Kind::kDate},
    {"publishdate", &Fields::published, 40, Kind::kDate},
    {"publish-date", &Fields::published, 40, Kind::kDate},
    {"publish_date", &Fields::published, 40, Kind::kDate},
    {"date", &Fields::published, 40, Kind::kDate},
    {"dc.date", &Fields::published, 40, Kind::kDate},
    {"dc.date.issued", &Fields::published, 40, Kind::kDate},
    {"dcterms.created", &Fields::published, 40, Kind::kDate},
    {"dcterms.issued", &Fields::published, 40, Kind::kDate},
    {"dcterms.date", &Fields::published, 40, Kind::kDate},
    {"sailthru.date", &Fields::published, 40, Kind::kDate},
    {"parsely-pub-date", &Fields::published, 40, Kind::kDate},
    {"article.published", &Fields::published, 40, Kind::kDate},
    {"citation_publication_date", &Fields::published, 40, Kind::kDate},
    {"article:modified_time", &Fields::modified, 10, Kind::kDate},
    {"og:updated_time", &Fields::modified, 40, Kind::kDate},
    {"last-modified", &Fields::modified, 50, Kind::kDate},
    {"dcterms.modified", &Fields::modified, 50, Kind::kDate},
    {"dc.date.modified", &Fields::modified, 50, Kind::kDate},
    {"article.updated", &Fields::modified, 50, Kind::kDate},
};

void ApplyRule(const MetaRule& rule, std::string_view content, Fields* f) {
  Field* field = &(f->*rule.field);
  switch (rule.kind) {
    case Kind::kText:
      field->Offer(content, rule.rank);
      break;
    case Kind::kDate:
      f->OfferDate(field, content, rule.rank);
      break;
    case Kind::kAuthor:
      f->OfferAuthor(content, rule.rank);
      break;
    case Kind::kName:
      if (!IsUrl(content)) field->Offer(content, rule.rank);
      break;
  }
}

void VisitMeta(const GumboNode* node, Fields* f) {
  const std::string_view content = Attribute(node, "content");
  if (content.empty()) return;
  for (const char* attr : {"property", "name", "http-equiv"}) {
    const std::string_view key = Attribute(node, attr);
    if (key.empty()) continue;
    for (const MetaRule& rule : kMetaRules) {
      if (EqualsNoCase(key, rule.key)) ApplyRule(rule, content, f);
    }
  }
}

// Microdata: itemprop on any element; the value is in content, datetime or the text.
void VisitItemprop(const GumboNode* node, std::string_view prop, Fields* f) {
  std::string_view value = Attribute(node, "content");
  if (value.empty()) value = Attribute(node, "datetime");
  if (prop == "datePublished" || prop == "dateModified") {
    const std::string text = value.empty() ? TextContent(node, 200) : std::string(value);
    f->OfferDate(prop == "datePublished" ? &f->published : &f->modified, text, 30);
  } else if (prop == "author" || prop == "creator") {
    f->OfferAuthor(value.empty() ? TextContent(node, 200) : std::string(value), 60);
  }
}

bool IsDateHint(std::string_view s) {
  for (std::string_view hint : {"date", "time", "publish", "posted", "byline"}) {
    if (ContainsNoCase(s, hint)) return true;
  }
  return false;
}

// The visible date is a fallback: once markup (in <head>, read first) gave a date, the
// body's text need not be probed.
void ProbeVisibleDate(const GumboNode* node, Fields* f) {
  if (!f->published.value().empty() || !f->visible_date.empty() ||
      f->date_probes >= kMaxVisibleDateProbes) {
    return;
  }
  if (!IsDateHint(Attribute(node, "class")) && !IsDateHint(Attribute(node, "id"))) return;
  ++f->date_probes;
  f->visible_date = FindDate(TextContent(node, 300), f->order());
}

void VisitElementData(const GumboNode* node, Fields* f) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_HTML:
      f->lang.Offer(Attribute(node, "lang"), 10);
      f->lang.Offer(Attribute(node, "xml:lang"), 11);
      break;
    case GUMBO_TAG_TITLE:
      f->title.Offer(TextContent(node, 1000), 50);
      break;
    case GUMBO_TAG_H1:
      f->title.Offer(TextContent(node, 1000), 60);
      break;
    case GUMBO_TAG_META:
      VisitMeta(node, f);
      break;
    case GUMBO_TAG_LINK:
      if (ContainsNoCase(Attribute(node, "rel"), "canonical")) {
        f->canonical.Offer(Attribute(node, "href"), 10);
      }
      break;
    case GUMBO_TAG_TIME: {
      const std::string_view datetime = Attribute(node, "datetime");
      if (gumbo_get_attribute(&node->v.element.attributes, "pubdate") != nullptr) {
        f->OfferDate(&f->published, datetime, 45);
      }
      f->OfferDate(&f->published, datetime, 55);
      break;
    }
    case GUMBO_TAG_A:
      if (EqualsNoCase(Attribute(node, "rel"), "author")) {
        f->OfferAuthor(TextContent(node, 200), 70);
      }
      break;
    default:
      break;
  }
  if (const std::string_view prop = Attribute(node, "itemprop"); !prop.empty()) {
    VisitItemprop(node, prop, f);
  }
  ProbeVisibleDate(node, f);
}

void Visit(const GumboNode* node, int depth, Fields* f) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
      return;
    default:
      break;
  }
  VisitElementData(node, f);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Visit(static_cast<const GumboNode*>(children.data[i]), depth + 1, f);
  }
}

// ---------------------------------------------------------------------------------
// JSON-LD

std::string_view JsonString(const boost::json::value* v) {
  if (v == nullptr || !v->is_string()) return {};
  const boost::json::string& s = v->get_string();
  return std::string_view(s.data(), s.size());
}

// "Jane Doe", {"name": "Jane Doe"} or a list of those, joined with ", ".
std::string JsonNames(const boost::json::value& v) {
  if (v.is_string()) return std::string(JsonString(&v));
  if (v.is_object()) return std::string(JsonString(v.get_object().if_contains("name")));
  std::string names;
  if (v.is_array()) {
    for (const boost::json::value& item : v.get_array()) {
      const std::string name = JsonNames(item);
      if (name.empty()) continue;
      if (!names.empty()) names += ", ";
      names += name;
    }
  }
  return names;
}

bool IsArticleType(const boost::json::value* type) {
  if (type == nullptr) return false;
  if (type->is_array()) {
    for (const boost::json::value& t : type->get_array()) {
      if (IsArticleType(&t)) return true;
    }
    return false;
  }
  const std::string_view t = JsonString(type);
  return t.find("Article") != std::string_view::npos ||
         t.find("Posting") != std::string_view::npos || t == "Report";
}

void ReadJsonLdObject(const boost::json::object& o, Fields* f) {
  const int rank = IsArticleType(o.if_contains("@type")) ? 0 : kNonArticlePenalty;
  f->title.Offer(JsonString(o.if_contains("headline")), 20 + rank);
  f->description.Offer(JsonString(o.if_contains("description")), 40 + rank);
  f->lang.Offer(JsonString(o.if_contains("inLanguage")), 40 + rank);
  f->OfferDate(&f->published, JsonString(o.if_contains("datePublished")), 20 + rank);
  f->OfferDate(&f->modified, JsonString(o.if_contains("dateModified")), 20 + rank);
  if (const boost::json::value* author = o.if_contains("author")) {
    f->OfferAuthor(JsonNames(*author), 10 + rank);
  }
  if (const boost::json::value* publisher = o.if_contains("publisher")) {
    const std::string name = JsonNames(*publisher);
    if (!IsUrl(name)) f->site_name.Offer(name, 20 + rank);
  }
}

void VisitJsonLd(const boost::json::value& v, int depth, Fields* f) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const boost::json::value& item : v.get_array()) VisitJsonLd(item, depth + 1, f);
    return;
  }
  if (!v.is_object()) return;
  const boost::json::object& o = v.get_object();
  if (o.contains("@type")) ReadJsonLdObject(o, f);
  if (const boost::json::value* graph = o.if_contains("@graph")) {
    VisitJsonLd(*graph, depth + 1, f);
  }
}

// Some sites wrap the JSON in an HTML comment or a CDATA section.
std::string_view UnwrapJson(std::string_view s) {
  const size_t first = s.find_first_of("{[");
  const size_t last = s.find_last_of("}]");
  if (first == std::string_view::npos || last == std::string_view::npos || last < first) {
    return {};
  }
  return s.substr(first, last - first + 1);
}

void ReadJsonLd(std::string_view body, Fields* f) {
  boost::json::parse_options options;
  options.allow_comments = true;
  options.allow_trailing_commas = true;
  options.allow_invalid_utf8 = true;
  boost::json::error_code ec;
  const boost::json::value v = boost::json::parse(UnwrapJson(body), ec, {}, options);
  if (!ec) VisitJsonLd(v, 0, f);
}

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  if (ref.empty()) return "";
  const auto base_url = boost::urls::parse_uri(base);
  const auto ref_url = boost::urls::parse_uri_reference(ref);
  if (!ref_url) return "";
  if (ref_url->has_scheme() || !base_url) return std::string(ref_url->buffer());
  boost::urls::url dest;
  if (!boost::urls::resolve(*base_url, *ref_url, dest)) return "";
  return std::string(dest.buffer());
}

// "fr_FR" (og:locale) -> "fr-FR".
std::string NormalizeLang(std::string lang) {
  for (char& c : lang) {
    if (c == '_') c = '-';
  }
  return lang;
}

}  // namespace

Metadata ExtractMetadata(const GumboNode* root, const std::vector<std::string>& json_ld,
                         std::string_view url) {
  Fields f;
  // JSON-LD first: its dates are ISO, so the day/month order does not matter yet.
  for (const std::string& body : json_ld) ReadJsonLd(body, &f);
  Visit(root, 0, &f);
  Metadata m;
  m.title = std::move(f.title.value());
  m.lang = NormalizeLang(std::move(f.lang.value()));
  m.published = f.published.value().empty() ? f.visible_date : f.published.value();
  m.modified = std::move(f.modified.value());
  m.author = std::move(f.author.value());
  m.site_name = std::move(f.site_name.value());
  m.canonical_url = ResolveUrl(url, f.canonical.value());
  m.description = std::move(f.description.value());
  return m;
}

}  // namespace citecheck::extract::internal
