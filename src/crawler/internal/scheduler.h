// Which queued request may start now: at most `max_in_flight` requests in flight in
// all, at most `max_per_host` per host, hosts served in turn so that one host with many
// URLs does not hold back the others, and requests to one host started at least
// `min_interval` apart (politeness; a robots.txt Crawl-delay can lengthen it per host).
//
// Requests can also be queued for later (PushAt: a retry after a backoff or a
// Retry-After). Time is given by the caller as monotonic microseconds, so the
// scheduler itself never reads a clock; NextDue() tells the fetch loop how long it may
// sleep before something becomes startable.
//
// Thread-safety: not thread-safe; owned by the fetch loop.
#ifndef CITECHECK_CRAWLER_INTERNAL_SCHEDULER_H_
#define CITECHECK_CRAWLER_INTERNAL_SCHEDULER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace citecheck::crawler::internal {

class HostScheduler {
 public:
  // Caps below 1 are taken as 1; a negative interval as 0.
  HostScheduler(int max_in_flight, int max_per_host, int64_t min_interval_micros = 0);

  // Queues `job` (an index owned by the caller) for `host`, behind that host's queue.
  void Push(std::string_view host, size_t job);
  // Queues `job` for `host`, to join the host's queue at time `due`.
  void PushAt(std::string_view host, size_t job, int64_t due);

  // Sets the least time between two starts to `host` to `interval_micros`, or the
  // constructor's interval when that is longer.
  void SetHostInterval(std::string_view host, int64_t interval_micros);

  // The next job allowed to start at `now`, now marked in flight; nullopt when every
  // queued job waits for a free slot, for its host's interval, or for its due time.
  std::optional<size_t> Next(int64_t now);

  // Marks one request to `host` as finished. REQUIRES: a matching Next().
  void Done(std::string_view host);

  // Forgets every queued job and every request in flight (when the loop gives up as a
  // whole); host intervals are kept.
  void Clear();

  // The earliest time after `now` at which a job waiting only on time (a due time or
  // a host interval) may start; nullopt when none waits on time.
  std::optional<int64_t> NextDue(int64_t now) const;

  // Jobs not started yet, delayed ones included.
  size_t queued() const { return queued_ + delayed_.size(); }
  int in_flight() const { return in_flight_; }
  int in_flight(std::string_view host) const;

 private:
  struct Host {
    std::deque<size_t> queue;
    int in_flight = 0;
    int64_t interval = 0;    // least time between two starts, microseconds
    int64_t next_start = 0;  // no start before this time
  };

  Host& HostFor(std::string_view host);
  void Promote(int64_t now);

  const int max_in_flight_;
  const int max_per_host_;
  const int64_t min_interval_;
  std::map<std::string, Host, std::less<>> hosts_;
  std::deque<std::string> turn_;  // hosts with queued jobs, next to serve first
  std::multimap<int64_t, std::pair<std::string, size_t>> delayed_;  // due -> host, job
  size_t queued_ = 0;  // jobs in host queues
  int in_flight_ = 0;
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_SCHEDULER_H_
