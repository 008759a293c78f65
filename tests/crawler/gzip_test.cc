// Tests for gzip members (gzip.cc).
#include "crawler/internal/gzip.h"

#include <gtest/gtest.h>

#include <fstream>

#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler::internal {
namespace {

TEST(Gzip, RoundTripsAndReportsMemberSize) {
  for (const std::string& data :
       {std::string(), std::string("hello"), std::string(300000, 'x') + "tail"}) {
    auto member = GzipMember(data);
    ASSERT_OK(member);
    EXPECT_TRUE(StartsWithGzipMagic(*member));
    auto inflated = GunzipMember(*member + "next member");
    ASSERT_OK(inflated);
    EXPECT_EQ(inflated->data, data);
    EXPECT_EQ(inflated->consumed, member->size());
  }
}

// RFC 1952 header: MTIME 0 and OS 255, so the same data gives the same bytes.
TEST(Gzip, HeaderIsDeterministic) {
  auto a = GzipMember("same");
  auto b = GzipMember("same");
  ASSERT_OK(a);
  ASSERT_OK(b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->substr(4, 4), std::string(4, '\0'));     // MTIME
  EXPECT_EQ(static_cast<unsigned char>((*a)[9]), 255);  // OS
}

TEST(Gzip, DetectsTruncationAndGarbage) {
  auto member = GzipMember(std::string(1000, 'y'));
  ASSERT_OK(member);
  EXPECT_EQ(GunzipMember(member->substr(0, member->size() - 3)).status().code(),
            common::StatusCode::kCorruption);
  EXPECT_EQ(GunzipMember("plain text").status().code(), common::StatusCode::kCorruption);
  std::string bad = *member;
  bad[12] ^= 0x55;
  EXPECT_EQ(GunzipMember(bad).status().code(), common::StatusCode::kCorruption);
}

// The reusing encoder gives exactly GzipMember's bytes, member after member.
TEST(GzipEncoder, SameBytesAsAFreshStream) {
  GzipEncoder encoder;
  for (const std::string& data :
       {std::string("first"), std::string(), std::string(200000, 'z'), std::string("last")}) {
    auto fresh = GzipMember(data);
    auto reused = encoder.Member(data);
    ASSERT_OK(fresh);
    ASSERT_OK(reused);
    EXPECT_EQ(*reused, *fresh);
  }
}

// A member is read from its offset in a file, reading no further than it ends.
TEST(GunzipMemberAt, ReadsOneMemberOfAFile) {
  testutil::TempDir dir;
  const auto path = dir.path() / "members.gz";
  const std::string first = *GzipMember("alpha");
  const std::string second = *GzipMember(std::string(100000, 'b'));
  std::ofstream(path, std::ios::binary) << first << second << "trailing garbage";
  EXPECT_EQ(*GunzipMemberAt(path, 0), "alpha");
  EXPECT_EQ(*GunzipMemberAt(path, static_cast<int64_t>(first.size())), std::string(100000, 'b'));
  EXPECT_EQ(GunzipMemberAt(path, 3).status().code(), common::StatusCode::kCorruption);
  EXPECT_EQ(GunzipMemberAt(dir.path() / "missing.gz", 0).status().code(),
            common::StatusCode::kNotFound);
}

}  // namespace
}  // namespace citecheck::crawler::internal
