// Soft-404 rules. Text is compared after folding: ASCII lower case, French accents
// removed, typographic apostrophes made plain, a few HTML entities decoded and
// whitespace collapsed, so that one phrase list covers "Page non trouvée",
// "PAGE NON TROUV&Eacute;E" and "page non trouvee".
#include "crawler/internal/soft404.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "crawler/robots.h"

namespace citecheck::crawler::internal {
namespace {

// Only the start of a page is searched for its title and heading.
constexpr size_t kHeadScan = 64 * 1024;
// Visible text is measured up to this much HTML; a larger page is not "short".
constexpr size_t kTextScan = 256 * 1024;

// Messages that a not-found title or heading starts with (folded).
constexpr std::string_view kTitlePhrases[] = {
    "page not found", "not found", "404", "error 404", "file not found",
    "document not found", "article not found", "content not found", "resource not found",
    "page cannot be found", "page could not be found", "page does not exist",
    "page doesn't exist", "this page does not exist", "this page doesn't exist",
    "page no longer exists", "page no longer available", "this page is no longer available",
    "we can't find that page", "we couldn't find that page", "nothing found",
    "the page you requested could not be found", "page introuvable", "page non trouvee",
    "erreur 404", "cette page n'existe pas", "cette page n'existe plus", "la page n'existe pas",
    "page inexistante", "la page demandee n'existe pas", "la page demandee est introuvable",
    "document introuvable", "article introuvable", "contenu introuvable", "page non disponible",
    "cette page est introuvable", "introuvable"};

// Interjections that may come before the message ("Oops! Page not found").
constexpr std::string_view kInterjections[] = {"oops", "ooops", "whoops", "oups", "sorry",
                                               "desole", "desolee", "uh oh", "uh-oh", "hmm"};

// Phrases of a short page's text that say something is missing, and the words one of
// them must follow closely (so that "the page you are looking for does not exist"
// counts and "the feature does not exist yet" does not).
constexpr std::string_view kMissingPhrases[] = {
    "could not be found", "cannot be found", "can't be found", "was not found", "not found",
    "no longer exists", "does not exist", "doesn't exist", "no longer available",
    "n'existe pas", "n'existe plus", "introuvable", "n'a pas ete trouvee", "plus disponible"};
constexpr std::string_view kPageWords[] = {"page", "article", "document", "contenu", "content"};
constexpr size_t kPageWordWindow = 60;

// Generic pages a dead URL is often redirected to: the stem of the last path segment.
constexpr std::string_view kErrorStems[] = {
    "404", "error404", "erreur404", "error-404", "erreur-404", "notfound", "not-found",
    "not_found", "page-not-found", "pagenotfound", "page-introuvable", "introuvable",
    "page-non-trouvee", "page-inexistante"};
constexpr std::string_view kHomeFiles[] = {"index.html", "index.htm", "index.php", "index.asp",
                                           "index.aspx", "default.aspx", "default.asp",
                                           "home", "accueil", "welcome"};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// One code point or entity folded to ASCII; returns how many input bytes it used.
size_t FoldOne(std::string_view s, std::string& out);

size_t FoldEntity(std::string_view s, std::string& out) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&nbsp;", " "},    {"&amp;", "&"},     {"&apos;", "'"},    {"&rsquo;", "'"},
      {"&#39;", "'"},     {"&#039;", "'"},    {"&#8217;", "'"},   {"&eacute;", "e"},
      {"&egrave;", "e"},  {"&ecirc;", "e"},   {"&agrave;", "a"},  {"&acirc;", "a"},
      {"&ccedil;", "c"},  {"&ocirc;", "o"},   {"&ucirc;", "u"},   {"&icirc;", "i"},
      {"&#233;", "e"},    {"&#232;", "e"},    {"&#224;", "a"},    {"&#231;", "c"},
      {"&Eacute;", "e"},  {"&#160;", " "},    {"&quot;", "\""},   {"&#x27;", "'"},
      {"&ndash;", "-"},   {"&mdash;", "-"}};
  for (const auto& [name, text] : kNamed) {
    if (s.starts_with(name)) {
      out += text;
      return name.size();
    }
  }
  out += '&';
  return 1;
}

size_t FoldOne(std::string_view s, std::string& out) {
  const auto c = static_cast<unsigned char>(s[0]);
  if (c == '&') return FoldEntity(s, out);
  if (c < 0x80) {
    out += static_cast<char>(std::tolower(c));
    return 1;
  }
  if (s.size() >= 3 && s.substr(0, 3) == "\xE2\x80\x99") {  // right single quotation mark
    out += '\'';
    return 3;
  }
  if (s.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0) {  // no-break space
    out += ' ';
    return 2;
  }
  if (s.size() >= 2 && c == 0xC3) {
    // Latin-1 letters U+00C0..U+00FF, upper and lower case alike (bit 0x20 clear).
    static constexpr std::string_view kBase = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
    const unsigned offset = (static_cast<unsigned char>(s[1]) - 0x80) & 0x1F;
    if (static_cast<unsigned char>(s[1]) >= 0x80 && static_cast<unsigned char>(s[1]) <= 0xBF) {
      out += kBase[offset];
      return 2;
    }
  }
  out += static_cast<char>(c);
  return 1;
}

// Appends `s` folded to `out`, whitespace runs collapsed to one space (also across
// calls: no space is added after a space already at the end of `out`).
void AppendFolded(std::string_view s, std::string& out) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    // Plain ASCII is most of any page: handled here without the general path.
    if (c < 0x80 && c != '&') {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      if (!space) {
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      } else if (!out.empty() && out.back() != ' ') {
        out += ' ';
      }
      ++i;
      continue;
    }
    const size_t before = out.size();
    i += FoldOne(s.substr(i), out);
    for (size_t j = before; j < out.size(); ++j) {
      if (std::isspace(static_cast<unsigned char>(out[j]))) out[j] = ' ';
    }
    if (out.size() > before && out.back() == ' ' && (out.size() == 1 || out[out.size() - 2] == ' ')) {
      out.pop_back();
    }
  }
}

std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendFolded(s, out);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(std::min(from, hay.size())),
                        hay.end(), needle.begin(), needle.end(), [](char a, char b) {
                          return (a >= 'A' && a <= 'Z' ? a + ('a' - 'A') : a) == b;
                        });
  return it == hay.end() ? std::string_view::npos : static_cast<size_t>(it - hay.begin());
}

// The raw content of the first <tag ...>...</tag>, or "".
std::string_view ElementText(std::string_view html, std::string_view tag) {
  const std::string open = "<" + std::string(tag);
  size_t at = 0;
  while ((at = FindNoCase(html, open, at)) != std::string_view::npos) {
    const size_t after = at + open.size();
    if (after < html.size() && (html[after] == '>' || html[after] == ' ' || html[after] == '\t' ||
                                html[after] == '\n' || html[after] == '\r')) {
      break;
    }
    at = after;
  }
  if (at == std::string_view::npos) return {};
  const size_t start = html.find('>', at);
  if (start == std::string_view::npos) return {};
  const size_t end = FindNoCase(html, "</" + std::string(tag), start);
  if (end == std::string_view::npos) return {};
  return html.substr(start + 1, end - start - 1);
}

// The end of the markup starting at html[i] ('<'): past the tag, or past the whole
// element for script, style, noscript and template, whose content is not text.
size_t SkipMarkup(std::string_view html, size_t i) {
  static constexpr std::pair<std::string_view, std::string_view> kRawElements[] = {
      {"<script", "</script>"}, {"<style", "</style>"},
      {"<noscript", "</noscript>"}, {"<template", "</template>"}, {"<!--", "-->"}};
  std::string_view close = ">";
  for (const auto& [open, end] : kRawElements) {
    if (FindNoCase(html.substr(i, open.size()), open) == 0) close = end;
  }
  const size_t end = FindNoCase(html, close, i + 1);
  return end == std::string_view::npos ? html.size() : end + close.size();
}

// Text with tags removed (no script or style contents), folded; reading stops once
// the text is longer than `stop_after`.
std::string VisibleText(std::string_view html, size_t stop_after) {
  std::string out;
  for (size_t i = 0; i < html.size() && out.size() <= stop_after;) {
    if (html[i] == '<') {
      i = SkipMarkup(html, i);
      AppendFolded(" ", out);
      continue;
    }
    const size_t lt = std::min(html.find('<', i), html.size());
    AppendFolded(html.substr(i, lt - i), out);
    i = lt;
  }
  if (!out.empty() && out.front() == ' ') out.erase(out.begin());
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string_view StripInterjection(std::string_view part) {
  for (std::string_view word : kInterjections) {
    if (!part.starts_with(word)) continue;
    if (part.size() > word.size() && IsWordChar(part[word.size()])) continue;
    part.remove_prefix(word.size());
    while (!part.empty() && !IsWordChar(part.front())) part.remove_prefix(1);
    return part;
  }
  return part;
}

// True when the folded text starts with a not-found message at a word boundary.
bool IsNotFoundMessage(std::string_view text) {
  while (!text.empty() && !IsWordChar(text.front())) text.remove_prefix(1);
  text = StripInterjection(text);
  for (std::string_view phrase : kTitlePhrases) {
    if (!text.starts_with(phrase)) continue;
    if (text.size() == phrase.size() || !IsWordChar(text[phrase.size()])) return true;
  }
  return false;
}

// True when a part of a folded title is a not-found message ("page not found | site").
bool HasNotFoundPart(const std::string& title) {
  std::vector<std::string> parts;
  std::string current;
  for (size_t i = 0; i < title.size(); ++i) {
    const char c = title[i];
    const bool dash = c == '-' && i > 0 && i + 1 < title.size() && title[i - 1] == ' ' &&
                      title[i + 1] == ' ';
    if (c == '|' || c == ':' || dash || title.compare(i, 3, "\xE2\x80\x93") == 0 ||
        title.compare(i, 3, "\xE2\x80\x94") == 0) {
      parts.push_back(current);
      current.clear();
      if (c != '|' && c != ':' && !dash) i += 2;  // the rest of a 3-byte dash
      continue;
    }
    current += c;
  }
  parts.push_back(current);
  return std::any_of(parts.begin(), parts.end(), IsNotFoundMessage);
}

bool SaysPageIsMissing(const std::string& text) {
  for (std::string_view phrase : kMissingPhrases) {
    for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
      const size_t from = at > kPageWordWindow ? at - kPageWordWindow : 0;
      const std::string_view before = std::string_view(text).substr(from, at - from);
      for (std::string_view word : kPageWords) {
        if (before.find(word) != std::string_view::npos) return true;
      }
    }
  }
  return false;
}

std::string PathOnly(std::string_view url) {
  std::string path = RobotsPathOf(url);
  path.erase(std::min(path.find('?'), path.size()));
  for (char& c : path) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return path;
}

// Language codes a site's home can live under ("/fr/", "/en-gb/"): ISO 639-1 codes of
// languages with many web sites. A list rather than "any two letters", because short
// real paths ("/ok", "/us", "/go") are not home pages.
constexpr std::string_view kLanguageCodes[] = {
    "ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "eu", "fa", "fi", "fr",
    "ga", "gl", "he", "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "nb", "nl",
    "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr", "uk", "vi", "zh"};

bool IsLanguageRoot(std::string_view segment) {
  if (segment.size() == 5 && (segment[2] == '-' || segment[2] == '_')) segment = segment.substr(0, 2);
  return std::find(std::begin(kLanguageCodes), std::end(kLanguageCodes), segment) !=
         std::end(kLanguageCodes);
}

// "/", "/index.html", "/home", or a language root such as "/fr/" or "/en-gb".
bool IsHomePath(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  const std::string_view last = path.substr(slash + 1);
  if (std::find(std::begin(kHomeFiles), std::end(kHomeFiles), last) != std::end(kHomeFiles)) {
    path = path.substr(0, slash + 1);
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  }
  if (path.empty() || path == "/") return true;
  // One segment that is a language code.
  return path.find('/', 1) == std::string_view::npos && IsLanguageRoot(path.substr(1));
}

bool IsErrorPath(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  std::string_view stem = path.substr(path.rfind('/') + 1);
  stem = stem.substr(0, stem.find('.'));
  return std::find(std::begin(kErrorStems), std::end(kErrorStems), stem) != std::end(kErrorStems);
}

std::optional<std::string> RedirectReason(std::string_view requested, std::string_view final_url) {
  const std::string from = PathOnly(requested);
  const std::string to = PathOnly(final_url);
  if (IsHomePath(to) && !IsHomePath(from)) {
    return "redirected to the site's home page " + std::string(final_url);
  }
  if (IsErrorPath(to) && !IsErrorPath(from)) {
    return "redirected to an error page " + std::string(final_url);
  }
  return std::nullopt;
}

std::optional<std::string> PageReason(std::string_view body) {
  const std::string_view head = body.substr(0, kHeadScan);
  const std::string title = Fold(ElementText(head, "title"));
  std::optional<std::string> said;
  if (HasNotFoundPart(title)) {
    said = "the title says \"" + title + "\"";
  } else if (std::string heading = Fold(VisibleText(ElementText(head, "h1"), 200));
             IsNotFoundMessage(heading)) {
    said = "the main heading says \"" + heading + "\"";
  }
  // Reading stops just past the limit that matters, so long pages cost little.
  const size_t limit = said ? kSoft404TitleTextLimit : kSoft404BodyTextLimit;
  const std::string text = VisibleText(body.substr(0, kTextScan), limit);
  if (text.size() >= limit) return std::nullopt;
  if (said) return said;
  if (SaysPageIsMissing(text)) return "a short page that says the page cannot be found";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> SoftNotFound(std::string_view requested, std::string_view final_url,
                                        bool redirected, std::string_view media_type,
                                        std::string_view body) {
  if (redirected) {
    if (auto reason = RedirectReason(requested, final_url)) return reason;
  }
  if (media_type != "text/html" && media_type != "application/xhtml+xml") return std::nullopt;
  return PageReason(body);
}

}  // namespace citecheck::crawler::internal
