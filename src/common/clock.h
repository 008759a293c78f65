// Clock: the one seam for time, so that politeness delays, retry backoff and
// timestamps are testable. Production code uses SystemClock; tests use ManualClock.
//
// Thread-safety: both implementations may be shared between threads.
#ifndef CITECHECK_COMMON_CLOCK_H_
#define CITECHECK_COMMON_CLOCK_H_

#include <atomic>
#include <cstdint>
#include <string>

namespace citecheck::common {

class Clock {
 public:
  virtual ~Clock() = default;
  // Microseconds since the Unix epoch (wall time, UTC).
  virtual int64_t NowMicros() const = 0;
  // Microseconds on a clock that never goes back, for measuring intervals.
  virtual int64_t MonotonicMicros() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t NowMicros() const override;
  int64_t MonotonicMicros() const override;
};

// A clock that only moves when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t now_micros) : now_(now_micros) {}
  int64_t NowMicros() const override { return now_.load(); }
  int64_t MonotonicMicros() const override { return now_.load(); }
  void Advance(int64_t micros) { now_ += micros; }
  void Set(int64_t now_micros) { now_ = now_micros; }

 private:
  std::atomic<int64_t> now_;
};

// "2025-07-30T12:34:56Z" (UTC, second precision).
std::string FormatIso8601(int64_t micros_since_epoch);

}  // namespace citecheck::common

#endif  // CITECHECK_COMMON_CLOCK_H_
