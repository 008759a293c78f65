// Tests for the request scheduler's caps and fairness (scheduler.cc).
#include "crawler/internal/scheduler.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace citecheck::crawler::internal {
namespace {

std::vector<size_t> DrainReady(HostScheduler& scheduler) {
  std::vector<size_t> started;
  while (auto job = scheduler.Next()) started.push_back(*job);
  return started;
}

// No more than max_per_host requests to one host at once; the rest wait, in order.
TEST(HostScheduler, CapsRequestsPerHost) {
  HostScheduler scheduler(10, 2);
  for (size_t job = 0; job < 5; ++job) scheduler.Push("a.test", job);
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{0, 1}));
  EXPECT_EQ(scheduler.in_flight("a.test"), 2);
  EXPECT_EQ(scheduler.queued(), 3u);
  scheduler.Done("a.test");
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{2}));
  scheduler.Done("a.test");
  scheduler.Done("a.test");
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{3, 4}));
}

// No more than max_in_flight requests at once over all hosts.
TEST(HostScheduler, CapsRequestsInTotal) {
  HostScheduler scheduler(3, 4);
  for (size_t job = 0; job < 6; ++job) scheduler.Push(job % 2 ? "b.test" : "a.test", job);
  EXPECT_EQ(DrainReady(scheduler).size(), 3u);
  EXPECT_EQ(scheduler.in_flight(), 3);
  scheduler.Done("a.test");
  EXPECT_EQ(DrainReady(scheduler).size(), 1u);
}

// Hosts take turns, so a host with many URLs does not starve one with few.
TEST(HostScheduler, ServesHostsInTurn) {
  HostScheduler scheduler(100, 100);
  scheduler.Push("a.test", 0);
  scheduler.Push("a.test", 1);
  scheduler.Push("a.test", 2);
  scheduler.Push("b.test", 3);
  scheduler.Push("c.test", 4);
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{0, 3, 4, 1, 2}));
}

// A blocked host does not block others queued behind it.
TEST(HostScheduler, SkipsHostsAtTheirCap) {
  HostScheduler scheduler(10, 1);
  scheduler.Push("slow.test", 0);
  scheduler.Push("slow.test", 1);
  scheduler.Push("fast.test", 2);
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{0, 2}));
  scheduler.Done("fast.test");
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{}));
  scheduler.Done("slow.test");
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{1}));
}

TEST(HostScheduler, CapsBelowOneMeanOne) {
  HostScheduler scheduler(0, 0);
  scheduler.Push("a.test", 0);
  scheduler.Push("b.test", 1);
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace citecheck::crawler::internal
