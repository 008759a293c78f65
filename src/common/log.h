// Logging facade. Library code returns errors and does not print; the edges (main, the
// crawl loop, the API handler) log one line per event through a Logger they are given.
//
// Thread-safety: StderrLogger and CapturingLogger may be shared between threads.
#ifndef CITECHECK_COMMON_LOG_H_
#define CITECHECK_COMMON_LOG_H_

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck::common {

enum class LogLevel { kDebug = 0, kInfo, kWarning, kError, kQuiet };

// "debug", "info", "warning", "error", "quiet".
std::string_view LogLevelName(LogLevel level);

class Logger {
 public:
  virtual ~Logger() = default;
  virtual void Log(LogLevel level, std::string_view message) = 0;

  void Debug(std::string_view m) { Log(LogLevel::kDebug, m); }
  void Info(std::string_view m) { Log(LogLevel::kInfo, m); }
  void Warning(std::string_view m) { Log(LogLevel::kWarning, m); }
  void Error(std::string_view m) { Log(LogLevel::kError, m); }
};

// Writes "citecheck: <level>: <message>" lines to stderr for levels >= min_level.
class StderrLogger final : public Logger {
 public:
  explicit StderrLogger(LogLevel min_level) : min_level_(min_level) {}
  void Log(LogLevel level, std::string_view message) override;

 private:
  const LogLevel min_level_;
  std::mutex mu_;  // serializes writes so lines never interleave
};

// Discards everything.
class NullLogger final : public Logger {
 public:
  void Log(LogLevel, std::string_view) override {}
};

// Keeps every line in memory ("<level>: <message>"), for tests.
class CapturingLogger final : public Logger {
 public:
  void Log(LogLevel level, std::string_view message) override;
  std::vector<std::string> lines() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;  // guarded by mu_
};

}  // namespace citecheck::common

#endif  // CITECHECK_COMMON_LOG_H_
