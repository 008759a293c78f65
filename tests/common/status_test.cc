#include "common/status.h"

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::common {
namespace {

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_EQ(s, Status::Ok());
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::NotFound("draft.md: no such file");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not found: draft.md: no such file");
}

TEST(Status, WithContextPrefixesMessageAndKeepsCode) {
  EXPECT_EQ(Status::IoError("disk full").WithContext("warc/a.warc.gz"),
            Status::IoError("warc/a.warc.gz: disk full"));
  EXPECT_EQ(Status::Ok().WithContext("ignored"), Status::Ok());
}

Result<int> Half(int v) {
  if (v % 2 != 0) return Status::InvalidArgument(std::to_string(v) + " is odd");
  return v / 2;
}

Result<int> Quarter(int v) {
  CC_ASSIGN_OR_RETURN(int half, Half(v));
  CC_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

Status CheckEven(int v) {
  CC_RETURN_IF_ERROR(Half(v).status());
  return Status::Ok();
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> ok = Half(8);
  ASSERT_OK(ok);
  EXPECT_EQ(*ok, 4);
  Result<int> bad = Half(7);
  EXPECT_EQ(bad.status(), Status::InvalidArgument("7 is odd"));
}

TEST(Result, MacrosPropagateTheFirstError) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status(), Status::InvalidArgument("3 is odd"));
  EXPECT_EQ(CheckEven(5), Status::InvalidArgument("5 is odd"));
  EXPECT_OK(CheckEven(4));
}

TEST(Result, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(3);
  std::unique_ptr<int> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 3);
}

}  // namespace
}  // namespace citecheck::common
