#include "common/file.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::common {
namespace {

TEST(File, ReadsWhatWasWrittenAtomically) {
  testutil::TempDir dir;
  auto path = dir.path() / "a.txt";
  ASSERT_OK(WriteFileAtomically(path, "hello\nworld"));
  EXPECT_EQ(*ReadFile(path), "hello\nworld");
  ASSERT_OK(WriteFileAtomically(path, "replaced"));
  EXPECT_EQ(*ReadFile(path), "replaced");
  // No temporary file is left beside it.
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1);
}

TEST(File, MissingFileIsNotFoundAndNamesThePath) {
  testutil::TempDir dir;
  auto r = ReadFile(dir.path() / "nope.md");
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("nope.md"), std::string::npos);
}

TEST(File, DirectoryIsRejected) {
  testutil::TempDir dir;
  auto r = ReadFile(dir.path());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("is a directory"), std::string::npos);
}

TEST(File, SizeLimitIsEnforced) {
  testutil::TempDir dir;
  ASSERT_OK(WriteFileAtomically(dir.path() / "big", std::string(100, 'x')));
  EXPECT_EQ(ReadFile(dir.path() / "big", 99).status().code(), StatusCode::kResourceExhausted);
  EXPECT_OK(ReadFile(dir.path() / "big", 100));
}

TEST(File, WriteIntoMissingDirectoryFailsCleanly) {
  testutil::TempDir dir;
  Status s = WriteFileAtomically(dir.path() / "no" / "such" / "f", "x");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

TEST(File, LooksBinary) {
  EXPECT_FALSE(LooksBinary("# Titre\n\nEn 2024, 13 % des PME…\n"));
  EXPECT_FALSE(LooksBinary(""));
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_TRUE(LooksBinary("\x01\x02\x03\x04\x05\x06\x07\x08text"));
}

}  // namespace
}  // namespace citecheck::common
