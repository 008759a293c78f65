// metadata: a page's title, language, dates, author, site, canonical URL and
// description, from the markup made for machines (meta tags, Open Graph, JSON-LD,
// microdata, <time datetime>) and, for the publication date, from dates written in the
// page (French and English forms) when no markup gives one.
//
// Each field takes the first source that has it, in an order of trust:
//   title        og:title, JSON-LD headline, twitter:title, DC.title, <title>, first <h1>
//   lang         <html lang>, http-equiv content-language, og:locale, JSON-LD inLanguage
//   published    article:published_time, JSON-LD datePublished, itemprop=datePublished,
//                other date metas (date, pubdate, DC.date.issued, sailthru.date...),
//                <time datetime>, a visible date in a date/byline element
//   modified     article:modified_time, JSON-LD dateModified, itemprop=dateModified,
//                og:updated_time, last-modified, DC.date.modified
//   author       JSON-LD author, <meta name=author>, article:author (unless a URL),
//                DC.creator, byl / parsely-author, itemprop=author, rel=author
//   site_name    og:site_name, JSON-LD publisher.name, application-name
//   canonical    <link rel=canonical>, og:url (resolved against the page URL)
//   description  description, og:description, twitter:description, JSON-LD description
//
// Thread-safety: pure function.
#ifndef CITECHECK_EXTRACT_INTERNAL_METADATA_H_
#define CITECHECK_EXTRACT_INTERNAL_METADATA_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

namespace citecheck::extract::internal {

struct Metadata {
  std::string title;
  std::string lang;
  std::string published;  // "YYYY-MM-DD"
  std::string modified;   // "YYYY-MM-DD"
  std::string author;
  std::string site_name;
  std::string canonical_url;
  std::string description;
  bool operator==(const Metadata&) const = default;
};

// Reads the metadata of the page under `root` (the <html> element). `json_ld` holds the
// bodies of its JSON-LD scripts (invalid ones are skipped); `url` is the page's address,
// against which a relative canonical URL is resolved. Text values are whitespace
// collapsed.
Metadata ExtractMetadata(const GumboNode* root, const std::vector<std::string>& json_ld,
                         std::string_view url);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_METADATA_H_
