// Tests for response head parsing, final-response mapping and archive rewrites
// (http_head.cc).
#include "crawler/internal/http_head.h"

#include <gtest/gtest.h>

#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler::internal {
namespace {

// RFC 9112 section 4 (status line) and 5 (fields): CRLF or LF, folded lines joined,
// values trimmed, names kept as received.
TEST(ParseHttpHead, ParsesStatusLineAndFields) {
  auto head = ParseHttpHead(
      "HTTP/1.1 404 Not Found\r\n"
      "Content-Type:  text/html \r\n"
      "X-Folded: first\r\n"
      "\tsecond\r\n"
      "set-cookie: a=1\n"
      "\r\n");
  ASSERT_OK(head);
  EXPECT_EQ(
      *head,
      (HttpHead{
          "HTTP/1.1",
          404,
          "Not Found",
          {{"Content-Type", "text/html"}, {"X-Folded", "first second"}, {"set-cookie", "a=1"}}}));
}

TEST(ParseHttpHead, AcceptsHttp2HeadsWithoutReason) {
  auto head = ParseHttpHead("HTTP/2 200 \r\ncontent-type: text/plain\r\n\r\n");
  ASSERT_OK(head);
  EXPECT_EQ(*head, (HttpHead{"HTTP/2", 200, "", {{"content-type", "text/plain"}}}));
}

TEST(ParseHttpHead, RejectsBadStatusLines) {
  for (const char* bad : {"", "HTTP/1.1\r\n", "HTTP/1.1 20\r\n", "HTTP/1.1 2000 OK\r\n",
                          "ICY 200 OK\r\n", "HTTP/1.1 abc OK\r\n", "HTTP/1.1 099 X\r\n"}) {
    EXPECT_EQ(ParseHttpHead(bad).status().code(), common::StatusCode::kInvalidArgument) << bad;
  }
}

struct ContentTypeCase {
  std::string value;
  MediaType expected;
};

// RFC 9110 section 8.3: type/subtype case-insensitive, parameters after ';', values
// tokens or quoted strings.
TEST(ParseContentType, Table) {
  const ContentTypeCase cases[] = {
      {"text/html", {"text/html", ""}},
      {"Text/HTML; Charset=UTF-8", {"text/html", "utf-8"}},
      {"text/html;charset=\"ISO-8859-1\"", {"text/html", "iso-8859-1"}},
      {"text/html; foo=\"a;b\"; charset=windows-1252", {"text/html", "windows-1252"}},
      {"text/plain; format=flowed; charset=us-ascii ; delsp=yes", {"text/plain", "us-ascii"}},
      {"application/pdf;", {"application/pdf", ""}},
      {"text/html; charset", {"text/html", ""}},
      {"text/html; charset=", {"text/html", ""}},
      {"text/html; charset=\"utf\\-8\"", {"text/html", "utf-8"}},
      {"  ", {"", ""}},
  };
  for (const ContentTypeCase& c : cases) {
    EXPECT_EQ(ParseContentType(c.value), c.expected) << c.value;
  }
}

TEST(StandardReason, KnowsCommonCodes) {
  EXPECT_EQ(StandardReason(200), "OK");
  EXPECT_EQ(StandardReason(404), "Not Found");
  EXPECT_EQ(StandardReason(308), "Permanent Redirect");
  EXPECT_EQ(StandardReason(599), "");
}

TEST(IsRedirectStatus, OnlyTheFollowedCodes) {
  for (int status : {301, 302, 303, 307, 308}) EXPECT_TRUE(IsRedirectStatus(status)) << status;
  for (int status : {200, 300, 304, 305, 306, 400})
    EXPECT_FALSE(IsRedirectStatus(status)) << status;
}

struct FinalCase {
  std::string head;
  FetchOutcome outcome;
  std::string error;
};

// 2xx is success, 4xx/5xx an HTTP error with the reason (received, else standard).
TEST(ApplyFinalResponse, MapsStatusToOutcome) {
  const FinalCase cases[] = {
      {"HTTP/1.1 200 OK\r\n", FetchOutcome::kOk, ""},
      {"HTTP/1.1 204 No Content\r\n", FetchOutcome::kOk, ""},
      {"HTTP/1.1 404 Not Found\r\n", FetchOutcome::kHttpError, "HTTP 404 Not Found"},
      {"HTTP/1.1 404 Nope\r\n", FetchOutcome::kHttpError, "HTTP 404 Nope"},
      {"HTTP/2 503\r\n", FetchOutcome::kHttpError, "HTTP 503 Service Unavailable"},
      {"HTTP/1.1 599\r\n", FetchOutcome::kHttpError, "HTTP 599"},
      {"HTTP/1.1 302 Found\r\n", FetchOutcome::kError, "HTTP 302 Found without a Location header"},
      {"HTTP/1.1 304 Not Modified\r\n", FetchOutcome::kError, "unexpected HTTP 304 Not Modified"},
  };
  for (const FinalCase& c : cases) {
    auto head = ParseHttpHead(c.head);
    ASSERT_OK(head);
    FetchResult result;
    ApplyFinalResponse(*head, "body", result);
    EXPECT_EQ(result.outcome, c.outcome) << c.head;
    EXPECT_EQ(result.error, c.error) << c.head;
  }
}

TEST(ApplyFinalResponse, FillsResponseFields) {
  auto head = ParseHttpHead("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n");
  ASSERT_OK(head);
  FetchResult result;
  result.url = "http://a.test/";
  ApplyFinalResponse(*head, "<p>hi</p>", result);
  FetchResult expected;
  expected.url = "http://a.test/";
  expected.outcome = FetchOutcome::kOk;
  expected.status = 200;
  expected.headers = {{"Content-Type", "text/html; charset=UTF-8"}};
  expected.content_type = "text/html";
  expected.charset = "utf-8";
  expected.body = "<p>hi</p>";
  EXPECT_EQ(result, expected);
}

// WARC readers parse HTTP/1 heads: HTTP/2 status lines are rewritten; a body archived
// without its chunking must not be announced as chunked. Everything else is verbatim.
TEST(ArchivedResponseHead, RewritesOnlyWhatReadersWouldMisread) {
  EXPECT_EQ(ArchivedResponseHead("HTTP/2 404 \r\ncontent-type: text/html\r\n\r\n"),
            "HTTP/1.1 404 Not Found\r\ncontent-type: text/html\r\n\r\n");
  EXPECT_EQ(ArchivedResponseHead("HTTP/1.1 200 Fine\r\nTransfer-Encoding: chunked\r\n"
                                 "X-Other: transfer-encoding: no\r\n\r\n"),
            "HTTP/1.1 200 Fine\r\nX-Citecheck-Transfer-Encoding: chunked\r\n"
            "X-Other: transfer-encoding: no\r\n\r\n");
  const std::string plain = "HTTP/1.0 200 OK\r\nServer: x\r\n\r\n";
  EXPECT_EQ(ArchivedResponseHead(plain), plain);
}

TEST(ArchivedRequestHead, WritesHttp2RequestsAsHttp11) {
  EXPECT_EQ(ArchivedRequestHead("GET /a HTTP/2\r\nHost: a.test\r\n\r\n"),
            "GET /a HTTP/1.1\r\nHost: a.test\r\n\r\n");
  const std::string http11 = "GET /a HTTP/1.1\r\nHost: a.test\r\n\r\n";
  EXPECT_EQ(ArchivedRequestHead(http11), http11);
}

TEST(RestoreArchivedHeaders, UndoesTheTransferEncodingRename) {
  std::vector<HttpHeader> headers = {{"X-Citecheck-Transfer-Encoding", "chunked"}, {"A", "b"}};
  RestoreArchivedHeaders(headers);
  EXPECT_EQ(headers, (std::vector<HttpHeader>{{"Transfer-Encoding", "chunked"}, {"A", "b"}}));
}

}  // namespace
}  // namespace citecheck::crawler::internal
