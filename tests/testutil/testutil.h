// Shared test helpers: status assertions, temporary directories, and where the
// optional shared data (../shared) lives.
#ifndef CITECHECK_TESTS_TESTUTIL_TESTUTIL_H_
#define CITECHECK_TESTS_TESTUTIL_TESTUTIL_H_

#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "common/status.h"

// ASSERT_OK / EXPECT_OK take a Status or a Result<T> and print the status on failure.
#define ASSERT_OK(expr)                                                      \
  do {                                                                       \
    const ::citecheck::common::Status cc_s_ =                                \
        ::citecheck::testutil::StatusOf(expr);                               \
    ASSERT_TRUE(cc_s_.ok()) << #expr << ": " << cc_s_.ToString();            \
  } while (false)

#define EXPECT_OK(expr)                                                      \
  do {                                                                       \
    const ::citecheck::common::Status cc_s_ =                                \
        ::citecheck::testutil::StatusOf(expr);                               \
    EXPECT_TRUE(cc_s_.ok()) << #expr << ": " << cc_s_.ToString();            \
  } while (false)

namespace citecheck::testutil {

// Status of either a Status or a Result<T>, so ASSERT_OK takes both.
inline common::Status StatusOf(const common::Status& s) { return s; }
template <typename T>
common::Status StatusOf(const common::Result<T>& r) { return r.status(); }

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The project's source root (tests run with it as working directory).
std::filesystem::path SourceRoot();

// ../shared beside the project (or $CITECHECK_SHARED_DIR), when it exists.
std::optional<std::filesystem::path> SharedDir();

// Reads a whole file; fails the current test (and returns "") when it cannot.
std::string ReadTestFile(const std::filesystem::path& path);

}  // namespace citecheck::testutil

#endif  // CITECHECK_TESTS_TESTUTIL_TESTUTIL_H_
