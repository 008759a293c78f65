// HTTP response heads: parsing what curl (or a WARC record) hands us, turning a final
// response into a FetchResult, and the small rewrites applied before archiving.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_CRAWLER_INTERNAL_HTTP_HEAD_H_
#define CITECHECK_CRAWLER_INTERNAL_HTTP_HEAD_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "crawler/crawler.h"

namespace citecheck::crawler::internal {

// ASCII case-insensitive equality, for header names and tokens.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

struct HttpHead {
  std::string version;  // "HTTP/1.1", "HTTP/2"
  int status = 0;       // 100..999
  std::string reason;   // as received; "" for HTTP/2
  std::vector<HttpHeader> headers;
  bool operator==(const HttpHead&) const = default;
};

// Parses a response head: a status line, header lines, optionally the blank line.
// Accepts CRLF or bare LF line ends and obsolete line folding (RFC 9112 section 5.2).
// Errors: kInvalidArgument when the status line is not "HTTP/<v> <3 digits>[ reason]".
common::Result<HttpHead> ParseHttpHead(std::string_view head);

// The IANA reason phrase of a status code ("Not Found"), or "" when unknown.
std::string_view StandardReason(int status);

// True for the statuses we follow when a Location header is present.
bool IsRedirectStatus(int status);

struct MediaType {
  std::string type;     // "text/html", lower case, no parameters
  std::string charset;  // lower case, unquoted, or ""
  bool operator==(const MediaType&) const = default;
};

// Parses a Content-Type value ("text/html; charset=\"UTF-8\"").
MediaType ParseContentType(std::string_view value);

// Fills status, headers, content type, charset, body, outcome and error of `result`
// from the response that ends the chain: 2xx is kOk, 4xx/5xx kHttpError
// ("HTTP 404 Not Found"), anything else (1xx, or 3xx without Location) kError.
void ApplyFinalResponse(const HttpHead& head, std::string body, FetchResult& result);

// The name under which an archived head keeps a received Transfer-Encoding header. The
// body is archived without its transfer coding (curl removes chunking), so a reader
// that saw "Transfer-Encoding: chunked" would try to de-chunk it again.
inline constexpr std::string_view kArchivedTransferEncoding = "X-Citecheck-Transfer-Encoding";

// The response head as archived: the status line is rewritten to
// "HTTP/1.1 <code> <reason>" when the response came over HTTP/2 or HTTP/3 (whose heads
// have no status line of their own, and WARC readers parse HTTP/1 heads), and
// Transfer-Encoding is renamed to kArchivedTransferEncoding. Everything else is kept.
std::string ArchivedResponseHead(std::string_view received);

// The request head as archived: an "HTTP/2" or "HTTP/3" version in the request line
// (curl's rendering of an HTTP/2 request) is written as "HTTP/1.1".
std::string ArchivedRequestHead(std::string_view sent);

// Undoes the header rename of ArchivedResponseHead, for replay.
void RestoreArchivedHeaders(std::vector<HttpHeader>& headers);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_HTTP_HEAD_H_
