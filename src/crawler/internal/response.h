// The last steps shared by the live and the replay fetcher once a chain has ended in
// a response: status and headers into the result, the content coding undone within
// the decoded-size limit, the media type sniffed when the headers do not tell, and
// the soft-404 rules applied. Also reading an archived response back (for replay, a
// 304 and the freshness window).
//
// Thread-safety: pure functions (LoadArchivedResponse reads a file).
#ifndef CITECHECK_CRAWLER_INTERNAL_RESPONSE_H_
#define CITECHECK_CRAWLER_INTERNAL_RESPONSE_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "crawler/crawler.h"
#include "crawler/internal/http_head.h"

namespace citecheck::crawler::internal {

// Fills `result` from the response that ends the chain (ApplyFinalResponse), then:
// undoes the Content-Encoding (a decoded body larger than `max_decoded` makes the
// outcome kTooLarge, an undecodable 2xx body kError; an error page that does not decode
// just loses its body), sniffs the type when NeedsSniffing says so, and for a 200 looks
// for a soft 404 of `requested` (normalized) with result.final_url and
// result.redirects, which the caller has set.
void FinishResponse(const HttpHead& head, std::string raw_body, int64_t max_decoded,
                    std::string_view requested, FetchResult& result);

// An HTTP response read back from a WARC response record.
struct ArchivedResponse {
  HttpHead head;
  std::string body;         // as archived: content-coded if the head says so
  std::string ip;           // WARC-IP-Address, or ""
  int64_t date_micros = 0;  // WARC-Date
  std::string file;         // the WARC file
  int64_t offset = -1;      // of the response record
};

// "2025-07-30T12:34:56Z", optionally with a fraction of a second; 0 when unparsable.
int64_t ParseWarcDate(std::string_view date);

// The response in a response record's block; nullopt when the record is not an HTTP
// response. `file` is copied into the result.
std::optional<ArchivedResponse> ParseArchivedResponse(const WarcRecord& record,
                                                      const std::string& file);

// Reads the response record at `offset` of `file`. Errors: ReadWarcRecordAt's, and
// kCorruption when the record is not an HTTP response.
common::Result<ArchivedResponse> LoadArchivedResponse(const std::string& file, int64_t offset);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_RESPONSE_H_
