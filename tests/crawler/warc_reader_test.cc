// Tests for ReadWarc (warc_reader.cc): gzip-per-record and plain files, and corruption
// reported with the path and the offset of the first bad record.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/clock.h"
#include "common/file.h"
#include "crawler/crawler.h"
#include "crawler/internal/gzip.h"
#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

constexpr std::string_view kRecord1 =
    "WARC/1.0\r\n"
    "WARC-Type: response\r\n"
    "WARC-Target-URI: <http://a.test/>\r\n"
    "WARC-Date: 2024-01-02T03:04:05Z\r\n"
    "X-Folded: one\r\n"
    " two\r\n"
    "Content-Length: 5\r\n"
    "\r\n"
    "hello\r\n\r\n";
constexpr std::string_view kRecord2 =
    "WARC/1.1\r\n"
    "WARC-Type: resource\r\n"
    "Content-Length: 0\r\n"
    "\r\n"
    "\r\n\r\n";

void Write(const std::filesystem::path& path, std::string_view data) {
  ASSERT_OK(common::WriteFileAtomically(path, data));
}

std::string Gz(std::string_view data) {
  auto member = internal::GzipMember(data);
  EXPECT_OK(member);
  return member.ok() ? *member : "";
}

// Uncompressed WARC: offsets are the records' byte positions; "<uri>" is unbracketed
// (WARC/1.0 writers vary); folded fields are joined.
TEST(ReadWarc, ReadsUncompressedFiles) {
  testutil::TempDir dir;
  const auto path = dir.path() / "plain.warc";
  Write(path, std::string(kRecord1) + std::string(kRecord2));
  auto records = ReadWarc(path);
  ASSERT_OK(records);
  WarcRecord first;
  first.offset = 0;
  first.type = "response";
  first.target_uri = "http://a.test/";
  first.date = "2024-01-02T03:04:05Z";
  first.headers = {{"WARC-Type", "response"},
                   {"WARC-Target-URI", "<http://a.test/>"},
                   {"WARC-Date", "2024-01-02T03:04:05Z"},
                   {"X-Folded", "one two"},
                   {"Content-Length", "5"}};
  first.block = "hello";
  WarcRecord second;
  second.offset = static_cast<int64_t>(kRecord1.size());
  second.type = "resource";
  second.headers = {{"WARC-Type", "resource"}, {"Content-Length", "0"}};
  EXPECT_EQ(*records, (std::vector<WarcRecord>{first, second}));
}

// Gzip members: each record's offset is its member's offset.
TEST(ReadWarc, ReadsGzipMembers) {
  testutil::TempDir dir;
  const auto path = dir.path() / "members.warc.gz";
  const std::string one = Gz(kRecord1);
  Write(path, one + Gz(kRecord2));
  auto records = ReadWarc(path);
  ASSERT_OK(records);
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].offset, 0);
  EXPECT_EQ((*records)[0].block, "hello");
  EXPECT_EQ((*records)[1].offset, static_cast<int64_t>(one.size()));
}

TEST(ReadWarc, EmptyFileHasNoRecords) {
  testutil::TempDir dir;
  Write(dir.path() / "empty.warc", "");
  auto records = ReadWarc(dir.path() / "empty.warc");
  ASSERT_OK(records);
  EXPECT_TRUE(records->empty());
}

TEST(ReadWarc, MissingFileIsNotFoundAndDirectoryIsIoError) {
  testutil::TempDir dir;
  EXPECT_EQ(ReadWarc(dir.path() / "none.warc.gz").status().code(), common::StatusCode::kNotFound);
  EXPECT_EQ(ReadWarc(dir.path()).status().code(), common::StatusCode::kIoError);
}

struct CorruptCase {
  std::string name;
  std::string data;
  size_t offset;  // of the first bad record
  std::string what;
};

// Garbage and truncation are kCorruption naming the path and the bad record's offset.
TEST(ReadWarc, ReportsCorruptionWithOffset) {
  const std::string one = Gz(kRecord1);
  const std::string two = Gz(kRecord2);
  const std::string plain(kRecord1);
  const CorruptCase cases[] = {
      {"truncated member", one + two.substr(0, two.size() - 5), one.size(),
       "truncated gzip member"},
      {"garbage after members", one + two + "junk", one.size() + two.size(), "not a gzip member"},
      {"member that is not WARC", one + Gz("hello world\r\n\r\n"), one.size(),
       "expected a WARC/1.x version line"},
      {"bad content length", Gz("WARC/1.1\r\nContent-Length: x\r\n\r\n"), 0,
       "bad Content-Length 'x'"},
      {"missing content length", Gz("WARC/1.1\r\nWARC-Type: a\r\n\r\n\r\n\r\n"), 0,
       "no Content-Length"},
      {"plain truncated block", plain + plain.substr(0, plain.size() - 8), plain.size(),
       "block truncated: 1 of 5 bytes"},
      {"plain missing end", plain.substr(0, plain.size() - 4) + "XXXX", 0,
       "record does not end with CRLF CRLF"},
      {"plain truncated header", "WARC/1.1\r\nWARC-Type: a\r\n", 0, "truncated header"},
  };
  testutil::TempDir dir;
  for (const CorruptCase& c : cases) {
    const auto path = dir.path() / "bad.warc";
    Write(path, c.data);
    auto records = ReadWarc(path);
    EXPECT_EQ(records.status(),
              common::Status::Corruption(path.string() + ": bad WARC record at offset " +
                                         std::to_string(c.offset) + ": " + c.what))
        << c.name;
  }
}

// One record is read at its offset, in a gzip-per-record file or a plain one, and in
// a file still being written ("<path>.open").
TEST(ReadWarcRecordAt, ReadsTheRecordAtAnOffset) {
  testutil::TempDir dir;
  const auto gz = dir.path() / "a.warc.gz";
  Write(gz, Gz(kRecord1) + Gz(kRecord2));
  auto second = ReadWarcRecordAt(gz, static_cast<int64_t>(Gz(kRecord1).size()));
  ASSERT_OK(second);
  EXPECT_EQ(second->type, "resource");
  EXPECT_EQ(second->offset, static_cast<int64_t>(Gz(kRecord1).size()));
  const auto plain = dir.path() / "b.warc";
  Write(plain, std::string(kRecord1) + std::string(kRecord2));
  auto first = ReadWarcRecordAt(plain, 0);
  ASSERT_OK(first);
  EXPECT_EQ(first->block, "hello");
  EXPECT_EQ(ReadWarcRecordAt(plain, static_cast<int64_t>(kRecord1.size()))->type, "resource");
  const auto open = dir.path() / "c.warc.gz.open";
  Write(open, Gz(kRecord1));
  EXPECT_EQ(ReadWarcRecordAt(dir.path() / "c.warc.gz", 0)->target_uri, "http://a.test/");
  EXPECT_EQ(ReadWarcRecordAt(gz, 5).status().code(), common::StatusCode::kCorruption);
  EXPECT_EQ(ReadWarcRecordAt(dir.path() / "none.warc.gz", 0).status().code(),
            common::StatusCode::kNotFound);
}

}  // namespace
}  // namespace citecheck::crawler
