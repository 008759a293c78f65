#include "crawler/internal/scheduler.h"

#include <algorithm>
#include <cassert>

namespace citecheck::crawler::internal {

HostScheduler::HostScheduler(int max_in_flight, int max_per_host, int64_t min_interval_micros)
    : max_in_flight_(std::max(1, max_in_flight)),
      max_per_host_(std::max(1, max_per_host)),
      min_interval_(std::max<int64_t>(0, min_interval_micros)) {}

HostScheduler::Host& HostScheduler::HostFor(std::string_view host) {
  auto it = hosts_.find(host);
  if (it == hosts_.end()) {
    it = hosts_.emplace(std::string(host), Host{}).first;
    it->second.interval = min_interval_;
  }
  return it->second;
}

void HostScheduler::Push(std::string_view host, size_t job) {
  Host& h = HostFor(host);
  if (h.queue.empty()) turn_.emplace_back(host);
  h.queue.push_back(job);
  ++queued_;
}

void HostScheduler::PushAt(std::string_view host, size_t job, int64_t due) {
  delayed_.emplace(due, std::make_pair(std::string(host), job));
}

void HostScheduler::SetHostInterval(std::string_view host, int64_t interval_micros) {
  HostFor(host).interval = std::max(min_interval_, interval_micros);
}

void HostScheduler::Promote(int64_t now) {
  while (!delayed_.empty() && delayed_.begin()->first <= now) {
    auto node = delayed_.extract(delayed_.begin());
    Push(node.mapped().first, node.mapped().second);
  }
}

std::optional<size_t> HostScheduler::Next(int64_t now) {
  Promote(now);
  if (in_flight_ >= max_in_flight_) return std::nullopt;
  // Serve the first host in turn that has a free slot and is due, then send it to the
  // back of the line.
  for (auto turn = turn_.begin(); turn != turn_.end(); ++turn) {
    Host& host = hosts_.find(*turn)->second;
    if (host.in_flight >= max_per_host_ || host.next_start > now) continue;
    const size_t job = host.queue.front();
    host.queue.pop_front();
    ++host.in_flight;
    ++in_flight_;
    --queued_;
    host.next_start = now + host.interval;
    std::string name = std::move(*turn);
    turn_.erase(turn);
    if (!host.queue.empty()) turn_.push_back(std::move(name));
    return job;
  }
  return std::nullopt;
}

void HostScheduler::Done(std::string_view host) {
  auto it = hosts_.find(host);
  assert(it != hosts_.end() && it->second.in_flight > 0);
  if (it == hosts_.end() || it->second.in_flight == 0) return;
  --it->second.in_flight;
  --in_flight_;
  // A host without a delay to remember is forgotten once idle, so that a long crawl
  // of many hosts does not keep one entry per host.
  const Host& h = it->second;
  if (h.in_flight == 0 && h.queue.empty() && h.interval == 0) hosts_.erase(it);
}

std::optional<int64_t> HostScheduler::NextDue(int64_t now) const {
  std::optional<int64_t> due;
  if (!delayed_.empty()) due = std::max(now, delayed_.begin()->first);
  if (in_flight_ >= max_in_flight_) return due;
  for (const std::string& name : turn_) {
    const Host& host = hosts_.find(name)->second;
    if (host.in_flight >= max_per_host_ || host.next_start <= now) continue;
    due = std::min(due.value_or(host.next_start), host.next_start);
  }
  return due;
}

void HostScheduler::Clear() {
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    it->second.queue.clear();
    it->second.in_flight = 0;
    it = it->second.interval == 0 ? hosts_.erase(it) : std::next(it);
  }
  turn_.clear();
  delayed_.clear();
  queued_ = 0;
  in_flight_ = 0;
}

int HostScheduler::in_flight(std::string_view host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.in_flight;
}

}  // namespace citecheck::crawler::internal
