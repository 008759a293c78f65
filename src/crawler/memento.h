// crawler/memento: finding archived copies of a page with the Memento protocol
// (RFC 7089).
//
// A web archive publishes, for each original URL, a TimeMap: the list of its archived
// copies (mementos), each with the date it was captured, in the application/link-format
// of RFC 6690. MementoClient fetches the TimeMap of a URL from a configurable endpoint
// (by default the Wayback Machine's, "https://web.archive.org/web/timemap/link/", the
// original URL appended) through any Fetcher, and picks the memento closest to a date:
// the citation date, so that a reader sees the page as the author saw it.
//
//   crawler::MementoClient mementos(fetcher, config.audit.memento_timemap);
//   auto closest = mementos.Closest({{"https://example.org/a", cited_at_micros}});
//
// Thread-safety: the parsing functions are pure; a MementoClient is as thread-safe as
// its Fetcher (not at all).
#ifndef CITECHECK_CRAWLER_MEMENTO_H_
#define CITECHECK_CRAWLER_MEMENTO_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "crawler/crawler.h"

namespace citecheck::crawler {

struct Memento {
  std::string url;              // where the archived copy is served
  int64_t datetime_micros = 0;  // when it was captured (its Memento-Datetime)
  bool operator==(const Memento&) const = default;
};

// The mementos of a TimeMap in application/link-format: every link whose rel includes
// "memento" and that has a datetime, in the order written. Other links (original,
// self, timegate, timemap) are skipped; so is a memento whose datetime is not an
// HTTP-date. Relative link targets are kept as written.
// Errors: kInvalidArgument naming `origin` and the byte offset of a link that is not
// "<URI>" followed by parameters.
common::Result<std::vector<Memento>> ParseTimeMap(std::string_view body, std::string_view origin);

// The memento captured closest to `target_micros` (before or after); on a tie the
// earlier one. nullopt when `mementos` is empty.
std::optional<Memento> ClosestMemento(const std::vector<Memento>& mementos, int64_t target_micros);

// The TimeMap URL of `url` at `endpoint`: the endpoint followed by the URL, as the
// Wayback Machine and most archives (and Memento aggregators) expect.
std::string TimeMapUrl(std::string_view endpoint, std::string_view url);

class MementoClient {
 public:
  // `fetcher` must outlive the client. An empty `endpoint` finds nothing.
  MementoClient(Fetcher& fetcher, std::string endpoint)
      : fetcher_(fetcher), endpoint_(std::move(endpoint)) {}

  // For each (url, date) pair, the memento of `url` closest to `date` (micros), keyed
  // by url. All TimeMaps are fetched in one FetchAll. A URL without a TimeMap (404,
  // network failure, malformed map) or without mementos gets nullopt: an archive that
  // does not answer is not an error of ours.
  std::map<std::string, std::optional<Memento>> Closest(
      const std::vector<std::pair<std::string, int64_t>>& wanted);

 private:
  Fetcher& fetcher_;
  const std::string endpoint_;
};

}  // namespace citecheck::crawler

#endif  // CITECHECK_CRAWLER_MEMENTO_H_
