#include "crawler/crawler.h"
#include "store/store.h"

namespace citecheck::crawler {

using common::Status;

namespace {

std::string KeyOf(const std::string& url) {
  auto normalized = NormalizeUrl(url);
  return normalized.ok() ? *normalized : url;
}

}  // namespace

RecordingQueue::RecordingQueue(std::filesystem::path db, RecordFn record)
    : db_(std::move(db)), record_(std::move(record)) {}

RecordingQueue::~RecordingQueue() {
  if (thread_.joinable()) (void)Finish({});
}

Status RecordingQueue::Start() {
  CC_ASSIGN_OR_RETURN(store_, store::Store::Open(db_));
  thread_ = std::thread([this] { status_ = Run(); });
  return Status::Ok();
}

void RecordingQueue::OnResult(const FetchResult& result) {
  std::lock_guard<std::mutex> lock(mu_);
  queued_.insert(result.url);  // already normalized
  queue_.push_back(result);
  wake_.notify_one();
}

Status RecordingQueue::Finish(const std::vector<FetchResult>& all) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const FetchResult& f : all) {
      if (queued_.insert(KeyOf(f.url)).second) queue_.push_back(f);
    }
    finishing_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
  return status_;
}

bool RecordingQueue::NextBatch(std::vector<FetchResult>& batch) {
  batch.clear();
  std::unique_lock<std::mutex> lock(mu_);
  wake_.wait(lock, [this] { return !queue_.empty() || finishing_; });
  while (!queue_.empty() && batch.size() < kMaxBatch) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  return !batch.empty();
}

// After an error the thread keeps draining the queue without recording, so that the
// fetch loop never blocks on it; the first error is returned by Finish.
Status RecordingQueue::Run() {
  Status first;
  std::vector<FetchResult> batch;
  while (NextBatch(batch)) {
    if (!first.ok()) continue;
    first = store_->RunInTransaction([&]() -> Status {
      for (FetchResult& f : batch) CC_RETURN_IF_ERROR(record_(*store_, std::move(f)));
      return Status::Ok();
    });
  }
  return first;
}

}  // namespace citecheck::crawler
