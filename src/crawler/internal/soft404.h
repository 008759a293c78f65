// Soft 404s: responses that succeed (200, after redirects or not) while the page is
// really gone. Two families, each with general rules rather than per-site lists:
//
// - Redirects that land somewhere generic: the site's home page ("/", "/index.html",
//   a language root such as "/fr/") or an error page ("/404", "/not-found.html",
//   "/page-introuvable"), when the requested URL was not itself such a page.
// - HTML pages that say "not found" (English and French): the title (one of its
//   parts around separators such as " | ") or the main heading starts with a
//   not-found message ("Page not found", "Erreur 404", "Page introuvable"...) on a page
//   with little text, or a very short page whose text says that the page cannot be
//   found ("the page you are looking for could not be found", "la page que vous
//   recherchez n'existe pas").
//
// Thread-safety: pure functions.
#ifndef CITECHECK_CRAWLER_INTERNAL_SOFT404_H_
#define CITECHECK_CRAWLER_INTERNAL_SOFT404_H_

#include <optional>
#include <string>
#include <string_view>

namespace citecheck::crawler::internal {

// Pages with a not-found title or heading are soft 404s only below this much text
// (characters of visible text): articles are longer, error pages are not.
inline constexpr size_t kSoft404TitleTextLimit = 5000;
// Pages whose text alone says "not found" are soft 404s only below this much text.
inline constexpr size_t kSoft404BodyTextLimit = 1500;

// Why a successful response is taken for a soft 404, for people ("redirected to the
// site's home page http://h/", "the title says \"Page not found\""), or nullopt.
// `requested` and `final_url` are normalized URLs; `redirected` says whether redirects
// were followed; `media_type` is the final response's (lower case, no parameters).
std::optional<std::string> SoftNotFound(std::string_view requested, std::string_view final_url,
                                        bool redirected, std::string_view media_type,
                                        std::string_view body);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_SOFT404_H_
