// Tests for the request scheduler's caps and fairness (scheduler.cc).
#include "crawler/internal/scheduler.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace citecheck::crawler::internal {
namespace {

constexpr int64_t kMs = 1000;

std::vector<size_t> DrainReady(HostScheduler& scheduler, int64_t now = 0) {
  std::vector<size_t> started;
  while (auto job = scheduler.Next(now)) started.push_back(*job);
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

// Politeness: two requests to one host start at least the interval apart; other hosts
// are not held back, and NextDue says when the waiting host is due.
TEST(HostScheduler, SpacesRequestsToOneHost) {
  HostScheduler scheduler(10, 10, 100 * kMs);
  for (size_t job = 0; job < 3; ++job) scheduler.Push("a.test", job);
  scheduler.Push("b.test", 3);
  EXPECT_EQ(DrainReady(scheduler, 0), (std::vector<size_t>{0, 3}));
  EXPECT_EQ(scheduler.NextDue(0), 100 * kMs);
  EXPECT_EQ(DrainReady(scheduler, 99 * kMs), (std::vector<size_t>{}));
  EXPECT_EQ(DrainReady(scheduler, 100 * kMs), (std::vector<size_t>{1}));
  EXPECT_EQ(DrainReady(scheduler, 250 * kMs), (std::vector<size_t>{2}));
  EXPECT_EQ(scheduler.NextDue(250 * kMs), std::nullopt);
}

// A host's interval can be lengthened (robots.txt Crawl-delay), never shortened below
// the configured one.
TEST(HostScheduler, HostIntervalIsAtLeastTheDefault) {
  HostScheduler scheduler(10, 10, 100 * kMs);
  scheduler.SetHostInterval("slow.test", 1000 * kMs);
  scheduler.SetHostInterval("fast.test", 1 * kMs);
  for (size_t job = 0; job < 2; ++job) scheduler.Push("slow.test", job);
  for (size_t job = 2; job < 4; ++job) scheduler.Push("fast.test", job);
  EXPECT_EQ(DrainReady(scheduler, 0), (std::vector<size_t>{0, 2}));
  EXPECT_EQ(DrainReady(scheduler, 100 * kMs), (std::vector<size_t>{3}));
  EXPECT_EQ(DrainReady(scheduler, 999 * kMs), (std::vector<size_t>{}));
  EXPECT_EQ(DrainReady(scheduler, 1000 * kMs), (std::vector<size_t>{1}));
}

// A job pushed for later (a retry) joins its host's queue when due, and counts as
// queued meanwhile.
TEST(HostScheduler, DelayedJobsWaitForTheirTime) {
  HostScheduler scheduler(10, 10);
  scheduler.PushAt("a.test", 7, 500 * kMs);
  scheduler.PushAt("a.test", 8, 200 * kMs);
  EXPECT_EQ(scheduler.queued(), 2u);
  EXPECT_EQ(scheduler.NextDue(0), 200 * kMs);
  EXPECT_EQ(DrainReady(scheduler, 199 * kMs), (std::vector<size_t>{}));
  EXPECT_EQ(DrainReady(scheduler, 200 * kMs), (std::vector<size_t>{8}));
  EXPECT_EQ(DrainReady(scheduler, 600 * kMs), (std::vector<size_t>{7}));
  EXPECT_EQ(scheduler.queued(), 0u);
}

// Clear forgets queued, delayed and in-flight jobs.
TEST(HostScheduler, ClearForgetsEverything) {
  HostScheduler scheduler(10, 10);
  scheduler.Push("a.test", 0);
  scheduler.Push("a.test", 1);
  scheduler.PushAt("b.test", 2, 10);
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{0, 1}));
  scheduler.Clear();
  EXPECT_EQ(scheduler.queued(), 0u);
  EXPECT_EQ(scheduler.in_flight(), 0);
  EXPECT_EQ(DrainReady(scheduler, 100), (std::vector<size_t>{}));
}

TEST(HostScheduler, CapsBelowOneMeanOne) {
  HostScheduler scheduler(0, 0);
  scheduler.Push("a.test", 0);
  scheduler.Push("b.test", 1);
  EXPECT_EQ(DrainReady(scheduler), (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace citecheck::crawler::internal
