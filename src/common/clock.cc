#include "common/clock.h"

#include <chrono>
#include <ctime>

namespace citecheck::common {

int64_t SystemClock::NowMicros() const {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

int64_t SystemClock::MonotonicMicros() const {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string FormatIso8601(int64_t micros_since_epoch) {
  std::time_t secs = static_cast<std::time_t>(micros_since_epoch / 1000000);
  if (micros_since_epoch < 0 && micros_since_epoch % 1000000 != 0) --secs;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace citecheck::common
