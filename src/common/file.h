// Whole-file reads and atomic writes. Every error message names the path.
//
// Thread-safety: the functions are safe to call concurrently on different paths.
#ifndef CITECHECK_COMMON_FILE_H_
#define CITECHECK_COMMON_FILE_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "common/status.h"

namespace citecheck::common {

// Reads the whole file. Errors: kNotFound when it does not exist, kInvalidArgument when
// it is a directory, kResourceExhausted when it is larger than `max_bytes`, kIoError
// otherwise (the message carries strerror).
Result<std::string> ReadFile(const std::filesystem::path& path,
                             size_t max_bytes = size_t{1} << 30);

// Writes `content` to a temporary file beside `path`, flushes it, and renames it over
// `path`, so that readers see the old file or the new one, never a partial one.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view content);

// True when `data` looks like binary rather than text: a NUL byte in the first 8 KiB,
// or invalid UTF-8 there with a high share of control bytes.
bool LooksBinary(std::string_view data);

// The SQLite-style "errno to Status" helper: `what` names the operation and path.
Status ErrnoStatus(int err, std::string_view what);

}  // namespace citecheck::common

#endif  // CITECHECK_COMMON_FILE_H_
