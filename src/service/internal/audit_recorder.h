// A ResultListener that records fetch results while the fetch goes on: each result is
// handed to a function on a thread of its own, in transactions of a store connection
// of its own (the fetch loop keeps the caller's for its cache lookups). A transaction
// takes what the queue holds, up to kMaxBatch results, so a crash loses at most the
// batch being written, and never half of one.
//
// `citecheck fetch` has the same pattern (its Recorder, in cli/fetch_command.cc); this
// one is generic so that both could share it.
//
// Thread-safety: OnResult may be called from the fetch loop's thread while the owner
// waits in Finish; Start and Finish are called by the owner only.
#ifndef CITECHECK_SERVICE_INTERNAL_AUDIT_RECORDER_H_
#define CITECHECK_SERVICE_INTERNAL_AUDIT_RECORDER_H_

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "crawler/crawler.h"
#include "store/store.h"

namespace citecheck::service::internal {

// The key results are matched by: the normalized URL, or the text itself when it is
// not a URL.
std::string UrlKey(const std::string& url);

class RecordingQueue final : public crawler::ResultListener {
 public:
  static constexpr size_t kMaxBatch = 256;
  // Records one result; runs on the recording thread inside a transaction of `store`.
  using RecordFn = std::function<common::Status(store::Store& store, crawler::FetchResult)>;

  RecordingQueue(std::filesystem::path db, RecordFn record)
      : db_(std::move(db)), record_(std::move(record)) {}
  ~RecordingQueue() override;
  RecordingQueue(const RecordingQueue&) = delete;
  RecordingQueue& operator=(const RecordingQueue&) = delete;

  // Opens the recording connection and starts the thread. Errors: the store's.
  common::Status Start();
  void OnResult(const crawler::FetchResult& result) override;
  // Queues the results of `all` that never reached OnResult (URLs rejected without a
  // request), waits until everything is recorded and returns the first error.
  common::Status Finish(const std::vector<crawler::FetchResult>& all);

 private:
  common::Status Run();
  // Waits for a result; fills `batch` with up to kMaxBatch. False when finished.
  bool NextBatch(std::vector<crawler::FetchResult>& batch);

  const std::filesystem::path db_;
  const RecordFn record_;
  std::unique_ptr<store::Store> store_;  // the recording thread's connection
  std::thread thread_;
  common::Status status_;  // the thread's result, read after join
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<crawler::FetchResult> queue_;  // guarded by mu_
  std::set<std::string> queued_;            // guarded by mu_: UrlKey of every result queued
  bool finishing_ = false;                  // guarded by mu_
};

}  // namespace citecheck::service::internal

#endif  // CITECHECK_SERVICE_INTERNAL_AUDIT_RECORDER_H_
