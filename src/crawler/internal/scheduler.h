// Which queued request may start now: at most `max_in_flight` requests in flight in
// all, at most `max_per_host` per host, hosts served in turn so that one host with many
// URLs does not hold back the others.
//
// This is the crawl loop's single decision point for "may this request go now?", so
// politeness (a minimum delay between requests to one host, Crawl-delay from
// robots.txt) and retry backoff belong here: a host gets a "not before" time, Next()
// skips hosts that are not yet due, and NextDue() tells the loop how long it may sleep.
//
// Thread-safety: not thread-safe; owned by the fetch loop.
#ifndef CITECHECK_CRAWLER_INTERNAL_SCHEDULER_H_
#define CITECHECK_CRAWLER_INTERNAL_SCHEDULER_H_

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace citecheck::crawler::internal {

class HostScheduler {
 public:
  // Caps below 1 are taken as 1.
  HostScheduler(int max_in_flight, int max_per_host);

  // Queues `job` (an index owned by the caller) for `host`, behind that host's queue.
  void Push(std::string_view host, size_t job);

  // The next job allowed to start, now marked in flight; nullopt when every queued job
  // waits for a free slot (or nothing is queued).
  std::optional<size_t> Next();

  // Marks one request to `host` as finished. REQUIRES: a matching Next().
  void Done(std::string_view host);

  size_t queued() const { return queued_; }
  int in_flight() const { return in_flight_; }
  int in_flight(std::string_view host) const;

 private:
  struct Host {
    std::deque<size_t> queue;
    int in_flight = 0;
  };

  const int max_in_flight_;
  const int max_per_host_;
  std::map<std::string, Host, std::less<>> hosts_;
  std::deque<std::string> turn_;  // hosts with queued jobs, next to serve first
  size_t queued_ = 0;
  int in_flight_ = 0;
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_SCHEDULER_H_
