// Tests for content decoding and media type sniffing (content.cc).
#include "crawler/internal/content.h"

#include <gtest/gtest.h>

#include "coding.h"
#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler::internal {
namespace {

using crawler::test::Brotli;
using crawler::test::Deflated;
using crawler::test::Gzipped;

constexpr size_t kLimit = 1 << 20;
const std::string kPage = "<html><body><p>Le taux de ch\xC3\xB4mage est de 7,3 %.</p></body></html>";

struct CodingCase {
  std::string name;
  std::string encoding;
  std::string body;
};

// Each coding a server may send, alone or stacked (undone last to first), gives the
// page back (RFC 9110 section 8.4).
TEST(DecodeContent, UndoesEveryAcceptedCoding) {
  const CodingCase cases[] = {
      {"identity", "identity", kPage},
      {"none", "", kPage},
      {"gzip", "gzip", Gzipped(kPage)},
      {"x-gzip", "x-gzip", Gzipped(kPage)},
      {"deflate (zlib)", "deflate", Deflated(kPage, 15)},
      {"deflate (raw)", "deflate", Deflated(kPage, -15)},
      {"br", "br", Brotli(kPage)},
      {"gzip then br", "gzip, br", Brotli(Gzipped(kPage))},
      {"upper case", "GZIP", Gzipped(kPage)},
      {"two gzip members", "gzip", Gzipped(kPage.substr(0, 10)) + Gzipped(kPage.substr(10))},
  };
  for (const CodingCase& c : cases) {
    auto decoded = DecodeContent(c.encoding, c.body, kLimit);
    ASSERT_OK(decoded);
    EXPECT_EQ(*decoded, kPage) << c.name;
  }
}

// A small coded body that expands past the limit (a compression bomb) stops as soon
// as the output passes the limit.
TEST(DecodeContent, BombsStopAtTheLimit) {
  const std::string zeros(32 << 20, '\0');
  for (const CodingCase& c : {CodingCase{"gzip", "gzip", Gzipped(zeros)},
                              CodingCase{"br", "br", Brotli(zeros)}}) {
    EXPECT_LT(c.body.size(), 100u << 10) << c.name;  // the bomb is small
    auto decoded = DecodeContent(c.encoding, c.body, kLimit);
    EXPECT_EQ(decoded.status().code(), common::StatusCode::kResourceExhausted) << c.name;
    EXPECT_EQ(decoded.status().message(), "decoded body larger than 1048576 bytes");
  }
}

TEST(DecodeContent, BadInputIsAnError) {
  EXPECT_EQ(DecodeContent("gzip", "not gzip at all", kLimit).status().code(),
            common::StatusCode::kCorruption);
  const std::string truncated = Gzipped(kPage).substr(0, 20);
  EXPECT_EQ(DecodeContent("gzip", truncated, kLimit).status().message(), "truncated gzip data");
  EXPECT_EQ(DecodeContent("br", "\xFF\xFF\xFF", kLimit).status().code(),
            common::StatusCode::kCorruption);
  auto zstd = DecodeContent("zstd", "x", kLimit);
  EXPECT_EQ(zstd.status().code(), common::StatusCode::kUnimplemented);
  EXPECT_EQ(zstd.status().message(), "unsupported content coding 'zstd'");
  // An empty body (a 304, a HEAD) has nothing to undo.
  EXPECT_EQ(*DecodeContent("gzip", "", kLimit), "");
}

struct SniffCase {
  std::string body;
  std::string type;
};

// The type is read from the first bytes only when the header does not help.
TEST(SniffMediaType, RecognizesCommonSignatures) {
  const SniffCase cases[] = {
      {"%PDF-1.7\n...", "application/pdf"},
      {"\n\n  <!DOCTYPE html><html>", "text/html"},
      {"\xEF\xBB\xBF<html lang=\"fr\">", "text/html"},
      {"<p>bonjour</p>", "text/html"},
      {"<!-- comment --><div>", "text/html"},
      {"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">",
       "application/xhtml+xml"},
      {"<?xml version=\"1.0\"?><rss>", "text/xml"},
      {"\x89PNG\r\n\x1a\n....", "image/png"},
      {"GIF89a....", "image/gif"},
      {"\xFF\xD8\xFF\xE0", "image/jpeg"},
      {"PK\x03\x04rest", "application/zip"},
      {"Plain words, nothing else.\n", "text/plain"},
      {std::string("\x00\x01\x02\x03binary", 10), "application/octet-stream"},
      {"<pre>", "text/plain"},  // not a tag that starts a document
  };
  for (const SniffCase& c : cases) EXPECT_EQ(SniffMediaType(c.body), c.type) << c.body;
}

TEST(SniffMediaType, OnlyGenericTypesAreSniffed) {
  for (std::string_view type : {"", "application/octet-stream", "unknown/unknown", "*/*"}) {
    EXPECT_TRUE(NeedsSniffing(type)) << type;
  }
  for (std::string_view type : {"text/html", "text/plain", "application/pdf", "image/png"}) {
    EXPECT_FALSE(NeedsSniffing(type)) << type;
  }
}

}  // namespace
}  // namespace citecheck::crawler::internal
