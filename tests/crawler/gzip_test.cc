// Tests for gzip members (gzip.cc).
#include "crawler/internal/gzip.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace citecheck::crawler::internal
