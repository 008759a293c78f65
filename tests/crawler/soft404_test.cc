// Tests for the soft-404 rules (soft404.cc): each rule with pages that must be caught
// and look-alikes that must not.
#include "crawler/internal/soft404.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck::crawler::internal {
namespace {

// A page with `title`, `h1` and `text` (each may be empty).
std::string Page(const std::string& title, const std::string& h1, const std::string& text) {
  std::string html = "<!doctype html><html><head><meta charset=\"utf-8\">";
  if (!title.empty()) html += "<title>" + title + "</title>";
  html += "</head><body><nav><a href=\"/\">Accueil</a></nav>";
  if (!h1.empty()) html += "<h1 class=\"t\">" + h1 + "</h1>";
  return html + "<p>" + text + "</p><script>var notFound = 'page not found';</script></body></html>";
}

std::string Words(size_t n) {
  std::string out;
  while (out.size() < n) out += "Les chiffres du ch\xC3\xB4mage ont baiss\xC3\xA9 en 2024. ";
  return out;
}

struct PageCase {
  std::string name;
  std::string html;
  std::optional<std::string> reason;  // nullopt: not a soft 404
};

std::optional<std::string> OnPage(const std::string& html) {
  return SoftNotFound("https://s.test/a/b", "https://s.test/a/b", false, "text/html", html);
}

// A title or main heading that is a not-found message, on a page with little text,
// in English or French, however it is spelled or decorated.
TEST(SoftNotFound, NotFoundTitleOrHeading) {
  const PageCase cases[] = {
      {"title", Page("Page not found", "Page not found", "Sorry."),
       "the title says \"page not found\""},
      {"title with site", Page("Page not found | Le Monde", "", "Back home"),
       "the title says \"page not found | le monde\""},
      {"site first", Page("Example News - 404 - Not Found", "", ""),
       "the title says \"example news - 404 - not found\""},
      {"interjection", Page("Oops! Page not found", "", ""),
       "the title says \"oops! page not found\""},
      {"french accents", Page("Page non trouv\xC3\xA9" "e", "", ""),
       "the title says \"page non trouvee\""},
      {"french entity", Page("Erreur 404 &ndash; Page introuvable", "", ""),
       "the title says \"erreur 404 - page introuvable\""},
      {"heading only", Page("Le Journal", "<span>Cette page n&rsquo;existe pas</span>", "Retour"),
       "the main heading says \"cette page n'existe pas\""},
      {"body text", Page("Le Journal", "Oups", "D\xC3\xA9sol\xC3\xA9, la page que vous recherchez n'existe plus."),
       "a short page that says the page cannot be found"},
      {"english body", Page("Example", "", "The page you are looking for could not be found."),
       "a short page that says the page cannot be found"},
  };
  for (const PageCase& c : cases) EXPECT_EQ(OnPage(c.html), c.reason) << c.name;
}

// Real pages that mention "not found" or "404" are left alone: an article with a
// long text, a title where the words are not the message, a missing-thing sentence
// that is not about the page, script contents.
TEST(SoftNotFound, LookAlikesAreNotSoft404s) {
  const PageCase cases[] = {
      {"long article", Page("Page not found: the story of the web's error", "", Words(6000)), {}},
      {"news title", Page("Missing hiker not found after three days", "", "Rescue teams..."), {}},
      {"road number", Page("Route 404 closed for repairs", "", "Works until May."), {}},
      {"feature", Page("Release notes", "", "This option does not exist yet."), {}},
      {"long page with phrase", Page("Help", "", Words(2000) + " the page could not be found"), {}},
      {"script only", Page("Accueil", "Bienvenue", "Le site de la ville."), {}},
      {"no title", "<p>Bonjour</p>", {}},
  };
  for (const PageCase& c : cases) EXPECT_EQ(OnPage(c.html), c.reason) << c.name;
}

// Only HTML is read for messages.
TEST(SoftNotFound, OnlyHtmlPagesAreRead) {
  EXPECT_EQ(SoftNotFound("https://s.test/a", "https://s.test/a", false, "text/plain",
                         "Page not found"),
            std::nullopt);
  EXPECT_NE(SoftNotFound("https://s.test/a", "https://s.test/a", false, "application/xhtml+xml",
                         Page("Page not found", "", "")),
            std::nullopt);
}

struct RedirectCase {
  std::string requested;
  std::string final_url;
  std::optional<std::string> reason;
};

// A redirect that lands on the site's home page or an error page, from a URL that was
// neither, is a soft 404; a move to another real page is not.
TEST(SoftNotFound, RedirectsToGenericPages) {
  const RedirectCase cases[] = {
      {"https://s.test/news/2021/x", "https://s.test/",
       "redirected to the site's home page https://s.test/"},
      {"https://s.test/a?id=3", "https://www.s.test/index.html",
       "redirected to the site's home page https://www.s.test/index.html"},
      {"https://s.test/old", "https://s.test/fr/", "redirected to the site's home page https://s.test/fr/"},
      {"https://s.test/old", "https://s.test/?utm=x",
       "redirected to the site's home page https://s.test/?utm=x"},
      {"https://s.test/old", "https://s.test/errors/404.html",
       "redirected to an error page https://s.test/errors/404.html"},
      {"https://s.test/old", "https://s.test/page-introuvable",
       "redirected to an error page https://s.test/page-introuvable"},
      {"http://s.test/", "https://s.test/", {}},                       // home to home
      {"https://s.test/fr", "https://s.test/fr/", {}},                 // language root
      {"https://s.test/a", "https://s.test/2025/01/a", {}},            // moved article
      {"https://s.test/a", "https://s.test/france/", {}},              // a section, not a language
      {"https://s.test/a", "https://s.test/ok", {}},                   // two letters, no language
      {"https://s.test/a", "https://s.test/en-gb/home",
       "redirected to the site's home page https://s.test/en-gb/home"},
      {"https://s.test/errors/404", "https://s.test/errors/404.html", {}},
  };
  for (const RedirectCase& c : cases) {
    EXPECT_EQ(SoftNotFound(c.requested, c.final_url, true, "text/html", Page("Home", "", "Hello")),
              c.reason)
        << c.requested << " -> " << c.final_url;
  }
  // Without redirects the URLs are not compared.
  EXPECT_EQ(SoftNotFound("https://s.test/", "https://s.test/", false, "text/html",
                         Page("Home", "", "")),
            std::nullopt);
}

}  // namespace
}  // namespace citecheck::crawler::internal
