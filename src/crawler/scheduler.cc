#include "crawler/internal/scheduler.h"

#include <algorithm>
#include <cassert>

namespace citecheck::crawler::internal {

HostScheduler::HostScheduler(int max_in_flight, int max_per_host)
    : max_in_flight_(std::max(1, max_in_flight)), max_per_host_(std::max(1, max_per_host)) {}

void HostScheduler::Push(std::string_view host, size_t job) {
  auto it = hosts_.find(host);
  if (it == hosts_.end()) it = hosts_.emplace(std::string(host), Host{}).first;
  if (it->second.queue.empty()) turn_.push_back(it->first);
  it->second.queue.push_back(job);
  ++queued_;
}

std::optional<size_t> HostScheduler::Next() {
  if (in_flight_ >= max_in_flight_) return std::nullopt;
  // Serve the first host in turn that has a free slot, then send it to the back.
  for (auto turn = turn_.begin(); turn != turn_.end(); ++turn) {
    Host& host = hosts_.find(*turn)->second;
    if (host.in_flight >= max_per_host_) continue;
    const size_t job = host.queue.front();
    host.queue.pop_front();
    ++host.in_flight;
    ++in_flight_;
    --queued_;
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
  if (it->second.in_flight == 0 && it->second.queue.empty()) hosts_.erase(it);
}

int HostScheduler::in_flight(std::string_view host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.in_flight;
}

}  // namespace citecheck::crawler::internal
