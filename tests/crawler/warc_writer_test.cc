// Tests for WarcWriter (warc_writer.cc): record layout per ISO 28500 WARC/1.1, the
// ".open" then rename protocol, and byte-for-byte determinism.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "common/clock.h"
#include "common/hash.h"
#include "crawler/crawler.h"
#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

constexpr int64_t kNow = int64_t{1700000000} * 1000000;  // 2023-11-14T22:13:20Z

WarcExchange Exchange(std::string uri, std::string body) {
  WarcExchange e;
  e.target_uri = std::move(uri);
  e.ip = "127.0.0.1";
  e.date_micros = kNow + 2500000;
  e.request_head = "GET /a HTTP/1.1\r\nHost: a.test\r\n\r\n";
  e.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n";
  e.response_body = std::move(body);
  return e;
}

std::vector<std::string> Names(const WarcRecord& record) {
  std::vector<std::string> names;
  for (const HttpHeader& h : record.headers) names.push_back(h.name);
  return names;
}

std::string Field(const WarcRecord& record, std::string_view name) {
  const HttpHeader* h = FindHeader(record.headers, name);
  return h == nullptr ? "<absent>" : h->value;
}

// A warcinfo record first, then request and response per exchange, with the fields
// ISO 28500 asks for and digests over the right bytes.
TEST(WarcWriter, WritesWarcInfoThenRequestAndResponse) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  const auto path = dir.path() / "test.warc.gz";
  auto writer = WarcWriter::Create(path, clock);
  ASSERT_OK(writer);
  const WarcExchange exchange = Exchange("http://a.test/a", "hello");
  auto offset = (*writer)->Write(exchange);
  ASSERT_OK(offset);
  ASSERT_OK((*writer)->Close());

  auto records = ReadWarc(path);
  ASSERT_OK(records);
  ASSERT_EQ(records->size(), 3u);
  const WarcRecord& info = (*records)[0];
  const WarcRecord& request = (*records)[1];
  const WarcRecord& response = (*records)[2];
  EXPECT_EQ(info.type, "warcinfo");
  EXPECT_EQ(info.offset, 0);
  EXPECT_EQ(info.date, "2023-11-14T22:13:20Z");
  EXPECT_EQ(Field(info, "WARC-Filename"), "test.warc.gz");
  EXPECT_EQ(Field(info, "Content-Type"), "application/warc-fields");

  EXPECT_EQ(Names(request),
            (std::vector<std::string>{"WARC-Type", "WARC-Record-ID", "WARC-Date", "WARC-Target-URI",
                                      "WARC-IP-Address", "WARC-Warcinfo-ID", "WARC-Concurrent-To",
                                      "WARC-Block-Digest", "Content-Type", "Content-Length"}));
  EXPECT_EQ(request.type, "request");
  EXPECT_EQ(request.block, exchange.request_head);
  EXPECT_EQ(Field(request, "Content-Type"), "application/http;msgtype=request");
  EXPECT_EQ(Field(request, "WARC-Block-Digest"), common::WarcSha1Digest(exchange.request_head));

  EXPECT_EQ(response.type, "response");
  EXPECT_EQ(response.offset, *offset);
  EXPECT_EQ(response.target_uri, "http://a.test/a");
  EXPECT_EQ(response.date, "2023-11-14T22:13:22Z");  // second precision, truncated
  EXPECT_EQ(response.block, exchange.response_head + "hello");
  EXPECT_EQ(Field(response, "WARC-IP-Address"), "127.0.0.1");
  EXPECT_EQ(Field(response, "Content-Type"), "application/http;msgtype=response");
  EXPECT_EQ(Field(response, "Content-Length"), std::to_string(response.block.size()));
  EXPECT_EQ(Field(response, "WARC-Payload-Digest"), common::WarcSha1Digest("hello"));
  EXPECT_EQ(Field(response, "WARC-Block-Digest"), common::WarcSha1Digest(response.block));
  EXPECT_EQ(Field(response, "WARC-Concurrent-To"), Field(request, "WARC-Record-ID"));
  EXPECT_EQ(Field(request, "WARC-Concurrent-To"), Field(response, "WARC-Record-ID"));
  EXPECT_EQ(Field(response, "WARC-Warcinfo-ID"), Field(info, "WARC-Record-ID"));
}

// Record IDs are <urn:uuid:...> version 8 / RFC variant UUIDs, distinct per record.
TEST(WarcWriter, RecordIdsAreDistinctUuids) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  const auto path = dir.path() / "ids.warc.gz";
  {
    auto writer = WarcWriter::Create(path, clock);
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->Write(Exchange("http://a.test/a", "x")));
    ASSERT_OK((*writer)->Write(Exchange("http://a.test/a", "x")));  // same content again
  }
  auto records = ReadWarc(path);
  ASSERT_OK(records);
  const std::regex uuid(
      "<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>");
  std::set<std::string> ids;
  for (const WarcRecord& record : *records) {
    const std::string id = Field(record, "WARC-Record-ID");
    EXPECT_TRUE(std::regex_match(id, uuid)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), records->size());
}

// The file only appears under its final name once complete.
TEST(WarcWriter, WritesToOpenFileAndRenamesOnClose) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  const auto path = dir.path() / "a.warc.gz";
  auto writer = WarcWriter::Create(path, clock);
  ASSERT_OK(writer);
  EXPECT_EQ((*writer)->path(), path);
  ASSERT_OK((*writer)->Write(Exchange("http://a.test/", "body")));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::exists(path.string() + ".open"));
  ASSERT_OK((*writer)->Close());
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".open"));
  EXPECT_OK((*writer)->Close());  // idempotent
  EXPECT_EQ((*writer)->Write(Exchange("http://a.test/", "late")).status().code(),
            common::StatusCode::kFailedPrecondition);
}

TEST(WarcWriter, DestructorClosesAndRenames) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  const auto path = dir.path() / "d.warc.gz";
  {
    auto writer = WarcWriter::Create(path, clock);
    ASSERT_OK(writer);
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  auto records = ReadWarc(path);
  ASSERT_OK(records);
  EXPECT_EQ(records->size(), 1u);
}

TEST(WarcWriter, CreateFailsWithIoErrorNamingThePath) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  const auto path = dir.path() / "missing" / "x.warc.gz";
  auto writer = WarcWriter::Create(path, clock);
  EXPECT_EQ(writer.status().code(), common::StatusCode::kIoError);
  EXPECT_NE(writer.status().message().find(path.string()), std::string::npos);
}

std::string WriteSample(const std::filesystem::path& path, int64_t now) {
  common::ManualClock clock(now);
  auto writer = WarcWriter::Create(path, clock);
  EXPECT_OK(writer);
  EXPECT_OK((*writer)->Write(Exchange("http://a.test/a", "first")));
  EXPECT_OK((*writer)->Write(Exchange("http://a.test/b", std::string(100000, 'z'))));
  EXPECT_OK((*writer)->Close());
  return testutil::ReadTestFile(path);
}

// The project commits an example WARC: the same inputs and clock must give the same
// bytes (no random IDs, no timestamps in gzip headers).
TEST(WarcWriter, OutputIsDeterministic) {
  testutil::TempDir one;
  testutil::TempDir two;
  const std::string a = WriteSample(one.path() / "sample.warc.gz", kNow);
  const std::string b = WriteSample(two.path() / "sample.warc.gz", kNow);
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, b);
  const std::string later = WriteSample(two.path() / "sample.warc.gz", kNow + 1000000);
  EXPECT_NE(a, later);
}

// Rotation: once a file has reached max_file_bytes, the next exchange starts a new
// numbered file with its own warcinfo; a request and its response stay together, and
// the returned offset is the response's offset in path().
TEST(WarcWriter, RotatesFilesBySize) {
  testutil::TempDir dir;
  common::ManualClock clock(kNow);
  const auto first = dir.path() / "run.warc.gz";
  auto writer = WarcWriter::Create(first, clock, {2000});
  ASSERT_OK(writer);
  std::vector<std::pair<std::filesystem::path, int64_t>> written;
  for (int i = 0; i < 6; ++i) {
    // Random-looking bytes do not compress: each exchange is about 1 KB on disk.
    std::string body;
    for (int j = 0; j < 1000; ++j) body += static_cast<char>((j * 7919 + i * 104729) % 251);
    auto offset = (*writer)->Write(Exchange("http://a.test/" + std::to_string(i), body));
    ASSERT_OK(offset);
    written.emplace_back((*writer)->path(), *offset);
  }
  ASSERT_OK((*writer)->Close());
  const std::vector<std::filesystem::path> files = (*writer)->files();
  ASSERT_GE(files.size(), 2u);
  EXPECT_EQ(files[0], first);
  EXPECT_EQ(files[1], dir.path() / "run-00001.warc.gz");
  for (size_t i = 0; i < written.size(); ++i) {
    auto record = ReadWarcRecordAt(written[i].first, written[i].second);
    ASSERT_OK(record);
    EXPECT_EQ(record->type, "response");
    EXPECT_EQ(record->target_uri, "http://a.test/" + std::to_string(i));
  }
  for (const std::filesystem::path& file : files) {
    auto records = ReadWarc(file);
    ASSERT_OK(records);
    EXPECT_EQ(records->front().type, "warcinfo");
    EXPECT_EQ(Field(records->front(), "WARC-Filename"), file.filename().string());
    EXPECT_EQ(records->size() % 2, 1u);  // warcinfo + request/response pairs
    EXPECT_LE(std::filesystem::file_size(file), 2000u + 2200u);
  }
}

}  // namespace
}  // namespace citecheck::crawler
