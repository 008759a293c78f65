// What a response body is: undoing its content coding (gzip, deflate, br) within a
// size limit, and telling its media type from its first bytes when the headers do not.
//
// The fetcher asks for gzip and brotli and decodes them itself rather than letting
// curl do it, for two reasons: the archive must keep the bytes as received (WARC
// payload digests are over them), and a small coded body can expand enormously (a
// "zip bomb"), so decoding stops at a limit on the decoded size.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_CRAWLER_INTERNAL_CONTENT_H_
#define CITECHECK_CRAWLER_INTERNAL_CONTENT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace citecheck::crawler::internal {

// The Accept-Encoding request header value: the codings DecodeContent undoes.
inline constexpr std::string_view kAcceptEncoding = "gzip, deflate, br";

// Undoes the codings listed in a Content-Encoding value ("gzip", "br", "gzip, br";
// applied in order, so undone last to first). "identity" and "" leave the body as is.
// Errors: kResourceExhausted "decoded body larger than N bytes" as soon as the output
// would pass `max_decoded`; kCorruption "bad gzip data: ..." for undecodable input;
// kUnimplemented "unsupported content coding 'zstd'".
common::Result<std::string> DecodeContent(std::string_view content_encoding, std::string body,
                                          size_t max_decoded);

// True when the declared media type says nothing useful and the bytes should decide:
// missing, application/octet-stream, unknown/unknown, application/unknown, */*.
bool NeedsSniffing(std::string_view declared_type);

// The media type of `body` from its first bytes, in the spirit of the WHATWG MIME
// Sniffing standard: "application/pdf" (%PDF-), "text/html" (a tag such as <html,
// <!doctype html, <head, <body, <p after optional whitespace), "application/xhtml+xml"
// (an XML declaration followed by an XHTML root), "text/xml" (other XML), common image
// and archive signatures, else "text/plain" when the bytes look like text and
// "application/octet-stream" when they do not.
std::string SniffMediaType(std::string_view body);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_CONTENT_H_
