// gtest printers for the crawler's value types, so that a failed comparison of whole
// values shows the fields rather than bytes.
#ifndef CITECHECK_TESTS_CRAWLER_PRINTERS_H_
#define CITECHECK_TESTS_CRAWLER_PRINTERS_H_

#include <ostream>

#include "crawler/crawler.h"
#include "crawler/internal/redirect.h"
#include "crawler/internal/url.h"

namespace citecheck::crawler {

inline void PrintTo(FetchOutcome outcome, std::ostream* os) { *os << FetchOutcomeName(outcome); }

inline void PrintTo(const HttpHeader& h, std::ostream* os) { *os << h.name << ": " << h.value; }

inline void PrintTo(const RedirectHop& hop, std::ostream* os) {
  *os << "{" << hop.url << " " << hop.status << " -> " << hop.location << "}";
}

inline void PrintTo(const FetchResult& r, std::ostream* os) {
  *os << "{url=" << r.url << " final_url=" << r.final_url
      << " outcome=" << FetchOutcomeName(r.outcome) << " status=" << r.status << " error=\""
      << r.error << "\" redirects=" << r.redirects.size() << " headers=[";
  for (const HttpHeader& h : r.headers) *os << h.name << ": " << h.value << "; ";
  *os << "] content_type=" << r.content_type << " charset=" << r.charset << " body=\""
      << r.body.substr(0, 80) << "\" (" << r.body.size() << " bytes) remote_ip=" << r.remote_ip
      << " fetched_at=" << r.fetched_at_micros << " elapsed_ms=" << r.elapsed_ms
      << " from_archive=" << r.from_archive << " warc=" << r.warc_file << "@" << r.warc_offset
      << "}";
}

inline void PrintTo(const WarcRecord& r, std::ostream* os) {
  *os << "{offset=" << r.offset << " type=" << r.type << " target=" << r.target_uri
      << " date=" << r.date << " headers=" << r.headers.size() << " block=\""
      << r.block.substr(0, 80) << "\"}";
}

namespace internal {

inline void PrintTo(const FetchUrl& u, std::ostream* os) {
  *os << "{" << u.url << " host=" << u.host << " port=" << u.port << "}";
}

inline void PrintTo(const UrlRejection& r, std::ostream* os) {
  *os << "{" << FetchOutcomeName(r.outcome) << ": " << r.error << "}";
}

inline void PrintTo(const FetchFailure& f, std::ostream* os) {
  *os << "{" << FetchOutcomeName(f.outcome) << ": " << f.error << "}";
}

}  // namespace internal
}  // namespace citecheck::crawler

namespace citecheck::common {

inline void PrintTo(const Status& s, std::ostream* os) { *os << s.ToString(); }

}  // namespace citecheck::common

#endif  // CITECHECK_TESTS_CRAWLER_PRINTERS_H_
