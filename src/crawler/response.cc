// FinishResponse and the archived-response readers.
#include "crawler/internal/response.h"

#include <cstdio>
#include <ctime>
#include <utility>

#include "crawler/internal/content.h"
#include "crawler/internal/soft404.h"

namespace citecheck::crawler::internal {
namespace {

// Undoes the body's content coding in place; false (with outcome and error set) when
// the response cannot be used.
bool Decode(const HttpHead& head, int64_t max_decoded, FetchResult& result) {
  const HttpHeader* coding = FindHeader(head.headers, "Content-Encoding");
  if (coding == nullptr) return true;
  auto decoded = DecodeContent(coding->value, std::move(result.body),
                               static_cast<size_t>(max_decoded));
  result.body.clear();
  if (decoded.ok()) {
    result.body = std::move(*decoded);
    return true;
  }
  if (decoded.status().code() == common::StatusCode::kResourceExhausted) {
    result.outcome = FetchOutcome::kTooLarge;
    result.error = decoded.status().message() + " (" + coding->value + ")";
    return false;
  }
  if (result.outcome != FetchOutcome::kOk) return true;  // an error page keeps its status
  result.outcome = FetchOutcome::kError;
  result.error = "cannot decode the body: " + decoded.status().message();
  return false;
}

}  // namespace

void FinishResponse(const HttpHead& head, std::string raw_body, int64_t max_decoded,
                    std::string_view requested, FetchResult& result) {
  ApplyFinalResponse(head, std::move(raw_body), result);
  if (!Decode(head, max_decoded, result)) return;
  result.type_sniffed = false;
  if (!result.body.empty() && NeedsSniffing(result.content_type)) {
    result.content_type = SniffMediaType(result.body);
    result.type_sniffed = true;
  }
  result.soft_404 = false;
  result.soft_404_reason.clear();
  if (result.status != 200) return;
  std::optional<std::string> reason = SoftNotFound(requested, result.final_url,
                                                   !result.redirects.empty(),
                                                   result.content_type, result.body);
  if (reason) {
    result.soft_404 = true;
    result.soft_404_reason = std::move(*reason);
  }
}

int64_t ParseWarcDate(std::string_view date) {
  const std::string text(date);
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
                  &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6) {
    return 0;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  int64_t micros = static_cast<int64_t>(timegm(&tm)) * 1000000;
  if (static_cast<size_t>(consumed) < text.size() && text[consumed] == '.') {
    int64_t scale = 100000;
    for (size_t i = consumed + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      micros += (text[i] - '0') * scale;
      scale /= 10;
    }
  }
  return micros;
}

std::optional<ArchivedResponse> ParseArchivedResponse(const WarcRecord& record,
                                                      const std::string& file) {
  const std::string& block = record.block;
  size_t split = block.find("\r\n\r\n");
  size_t body_at = split == std::string::npos ? std::string::npos : split + 4;
  if (split == std::string::npos && (split = block.find("\n\n")) != std::string::npos) {
    body_at = split + 2;
  }
  auto head = ParseHttpHead(std::string_view(block).substr(0, body_at));
  if (!head.ok()) return std::nullopt;
  ArchivedResponse out;
  out.head = std::move(*head);
  RestoreArchivedHeaders(out.head.headers);
  if (body_at != std::string::npos) out.body = block.substr(body_at);
  if (const HttpHeader* ip = FindHeader(record.headers, "WARC-IP-Address")) out.ip = ip->value;
  out.date_micros = ParseWarcDate(record.date);
  out.file = file;
  out.offset = record.offset;
  return out;
}

common::Result<ArchivedResponse> LoadArchivedResponse(const std::string& file, int64_t offset) {
  CC_ASSIGN_OR_RETURN(const WarcRecord record, ReadWarcRecordAt(file, offset));
  std::optional<ArchivedResponse> response;
  if (record.type == "response") response = ParseArchivedResponse(record, file);
  if (!response) {
    return common::Status::Corruption(file + ": the record at offset " + std::to_string(offset) +
                                      " is not an HTTP response");
  }
  return std::move(*response);
}

}  // namespace citecheck::crawler::internal
