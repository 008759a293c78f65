#include "common/log.h"

#include <cstdio>

namespace citecheck::common {

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kError: return "error";
    case LogLevel::kQuiet: return "quiet";
  }
  return "unknown";
}

void StderrLogger::Log(LogLevel level, std::string_view message) {
  if (level < min_level_ || level == LogLevel::kQuiet) return;
  std::string line = "citecheck: ";
  line += LogLevelName(level);
  line += ": ";
  line += message;
  line += '\n';
  std::lock_guard<std::mutex> lock(mu_);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void CapturingLogger::Log(LogLevel level, std::string_view message) {
  std::string line(LogLevelName(level));
  line += ": ";
  line += message;
  std::lock_guard<std::mutex> lock(mu_);
  lines_.push_back(std::move(line));
}

std::vector<std::string> CapturingLogger::lines() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lines_;
}

}  // namespace citecheck::common
