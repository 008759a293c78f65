// Status and Result: how citecheck reports expected failures.
//
// A Status is a code plus a message that names what failed and where (a file and line,
// a URL, a statement). Expected failures -- a missing file, a DNS error, an HTTP 404, a
// busy database -- are returned as values, never thrown. Result<T> carries either a value
// or a non-OK Status, like absl::StatusOr.
//
//   common::Result<std::string> text = common::ReadFile(path);
//   if (!text.ok()) return text.status();
//   Use(*text);
//
// Thread-safety: both types are values; distinct objects may be used from different
// threads, and const methods may be called concurrently.
#ifndef CITECHECK_COMMON_STATUS_H_
#define CITECHECK_COMMON_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace citecheck::common {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad input: malformed draft, URL, option value
  kNotFound,            // a file, record or archived response that does not exist
  kIoError,             // the OS or a library failed to read or write
  kCorruption,          // stored data that does not parse (a truncated WARC record)
  kUnavailable,         // a remote peer could not be reached (DNS, connect, 5xx)
  kPermissionDenied,    // refused by policy: robots.txt, blocked address
  kResourceExhausted,   // a size or count limit was hit
  kDeadlineExceeded,    // a timeout
  kFailedPrecondition,  // the operation does not apply in the current state
  kUnimplemented,
  kInternal,            // a broken invariant of ours
};

// Returns a stable lower-case name for `code`, e.g. "invalid argument".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return {StatusCode::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) {
    return {StatusCode::kNotFound, std::move(msg)};
  }
  static Status IoError(std::string msg) {
    return {StatusCode::kIoError, std::move(msg)};
  }
  static Status Corruption(std::string msg) {
    return {StatusCode::kCorruption, std::move(msg)};
  }
  static Status Unavailable(std::string msg) {
    return {StatusCode::kUnavailable, std::move(msg)};
  }
  static Status PermissionDenied(std::string msg) {
    return {StatusCode::kPermissionDenied, std::move(msg)};
  }
  static Status ResourceExhausted(std::string msg) {
    return {StatusCode::kResourceExhausted, std::move(msg)};
  }
  static Status DeadlineExceeded(std::string msg) {
    return {StatusCode::kDeadlineExceeded, std::move(msg)};
  }
  static Status FailedPrecondition(std::string msg) {
    return {StatusCode::kFailedPrecondition, std::move(msg)};
  }
  static Status Unimplemented(std::string msg) {
    return {StatusCode::kUnimplemented, std::move(msg)};
  }
  static Status Internal(std::string msg) {
    return {StatusCode::kInternal, std::move(msg)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>". OK stays OK.
  Status WithContext(std::string_view context) const;

  bool operator==(const Status&) const = default;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok(). An OK status without a value is a programming error; it is
  // turned into kInternal so that callers still see a failure.
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok());
    if (std::get<Status>(data_).ok()) {
      data_ = Status::Internal("Result built from an OK status without a value");
    }
  }
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  template <typename U>
    requires(std::is_constructible_v<T, U &&> &&
             !std::is_same_v<std::decay_t<U>, T> &&
             !std::is_same_v<std::decay_t<U>, Status>)
  Result(U&& value) : data_(T(std::forward<U>(value))) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }

  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }

  // REQUIRES: ok().
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<Status, T> data_;
};

}  // namespace citecheck::common

#define CC_STATUS_CONCAT_INNER_(a, b) a##b
#define CC_STATUS_CONCAT_(a, b) CC_STATUS_CONCAT_INNER_(a, b)

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define CC_RETURN_IF_ERROR(expr)                                     \
  do {                                                               \
    ::citecheck::common::Status cc_status_ = (expr);                 \
    if (!cc_status_.ok()) return cc_status_;                         \
  } while (false)

// `lhs = value of expr` (a Result<T>), or returns its Status from the enclosing function.
#define CC_ASSIGN_OR_RETURN(lhs, expr) \
  CC_ASSIGN_OR_RETURN_IMPL_(CC_STATUS_CONCAT_(cc_result_, __LINE__), lhs, expr)
#define CC_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                              \
  if (!result.ok()) return result.status();          \
  lhs = std::move(result).value()

#endif  // CITECHECK_COMMON_STATUS_H_
