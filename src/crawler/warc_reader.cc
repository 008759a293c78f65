// ReadWarc: WARC/1.0 and 1.1 files, gzip-per-record or uncompressed.
//
// The whole file is read into memory first (common::ReadFile, up to 1 GiB), which is
// fine for the archives one check run writes.
#include <charconv>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/file.h"
#include "crawler/crawler.h"
#include "crawler/internal/gzip.h"

namespace citecheck::crawler {
namespace {

struct ParsedRecord {
  WarcRecord record;
  size_t end = 0;  // where the next record starts
};

common::Status Corrupt(const std::filesystem::path& path, size_t offset, std::string_view what) {
  return common::Status::Corruption(path.string() + ": bad WARC record at offset " +
                                    std::to_string(offset) + ": " + std::string(what));
}

// The line starting at `pos` without its CRLF (or LF); npos end when no line end.
std::string_view LineAt(std::string_view data, size_t pos, size_t& next) {
  const size_t nl = data.find('\n', pos);
  if (nl == std::string_view::npos) {
    next = std::string_view::npos;
    return data.substr(pos);
  }
  next = nl + 1;
  std::string_view line = data.substr(pos, nl - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view TrimSpace(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// Parses the version line and named fields; returns where the block starts.
common::Result<size_t> ParseFields(std::string_view data, size_t pos, WarcRecord& record) {
  size_t next = 0;
  if (!LineAt(data, pos, next).starts_with("WARC/1.")) {
    return common::Status::Corruption("expected a WARC/1.x version line");
  }
  while (true) {
    if (next == std::string_view::npos || next >= data.size()) {
      return common::Status::Corruption("truncated header");
    }
    const std::string_view line = LineAt(data, next, next);
    if (line.empty()) return next;
    if ((line.front() == ' ' || line.front() == '\t') && !record.headers.empty()) {
      record.headers.back().value += " " + std::string(TrimSpace(line));  // folded line
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      return common::Status::Corruption("bad named field '" + std::string(line.substr(0, 60)) +
                                        "'");
    }
    record.headers.push_back(
        {std::string(line.substr(0, colon)), std::string(TrimSpace(line.substr(colon + 1)))});
  }
}

std::string StripAngles(std::string_view s) {
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

// Parses one record at `pos`; the error says what is wrong, without path or offset.
common::Result<ParsedRecord> ParseRecord(std::string_view data, size_t pos) {
  ParsedRecord out;
  CC_ASSIGN_OR_RETURN(const size_t block_start, ParseFields(data, pos, out.record));
  const HttpHeader* length = FindHeader(out.record.headers, "Content-Length");
  size_t size = 0;
  if (length == nullptr) return common::Status::Corruption("no Content-Length");
  const std::string& text = length->value;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), size);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return common::Status::Corruption("bad Content-Length '" + text + "'");
  }
  if (data.size() - block_start < size) {
    return common::Status::Corruption(
        "block truncated: " + std::to_string(data.size() - block_start) + " of " +
        std::to_string(size) + " bytes");
  }
  out.record.block = std::string(data.substr(block_start, size));
  if (data.substr(block_start + size, 4) != "\r\n\r\n") {
    return common::Status::Corruption("record does not end with CRLF CRLF");
  }
  out.end = block_start + size + 4;
  if (const HttpHeader* h = FindHeader(out.record.headers, "WARC-Type")) out.record.type = h->value;
  if (const HttpHeader* h = FindHeader(out.record.headers, "WARC-Target-URI")) {
    out.record.target_uri = StripAngles(h->value);  // some writers bracket it
  }
  if (const HttpHeader* h = FindHeader(out.record.headers, "WARC-Date")) out.record.date = h->value;
  return out;
}

common::Result<std::vector<WarcRecord>> ReadGzipped(const std::filesystem::path& path,
                                                    std::string_view data) {
  std::vector<WarcRecord> records;
  size_t offset = 0;
  while (offset < data.size()) {
    auto member = internal::GunzipMember(data.substr(offset));
    if (!member.ok()) return Corrupt(path, offset, member.status().message());
    // A member normally holds one record; accept several, all at the member's offset.
    for (size_t pos = 0; pos < member->data.size();) {
      auto parsed = ParseRecord(member->data, pos);
      if (!parsed.ok()) return Corrupt(path, offset, parsed.status().message());
      parsed->record.offset = static_cast<int64_t>(offset);
      records.push_back(std::move(parsed->record));
      pos = parsed->end;
    }
    offset += member->consumed;
  }
  return records;
}

common::Result<std::vector<WarcRecord>> ReadPlain(const std::filesystem::path& path,
                                                  std::string_view data) {
  std::vector<WarcRecord> records;
  for (size_t pos = 0; pos < data.size();) {
    auto parsed = ParseRecord(data, pos);
    if (!parsed.ok()) return Corrupt(path, pos, parsed.status().message());
    parsed->record.offset = static_cast<int64_t>(pos);
    records.push_back(std::move(parsed->record));
    pos = parsed->end;
  }
  return records;
}

}  // namespace

common::Result<std::vector<WarcRecord>> ReadWarc(const std::filesystem::path& path) {
  common::Result<std::string> file = common::ReadFile(path);
  if (!file.ok()) {
    // The documented errors are "not found" and "I/O error" (directories, files too
    // large to load included); the message already names the path.
    if (file.status().code() == common::StatusCode::kNotFound) return file.status();
    return common::Status::IoError(file.status().message());
  }
  const std::string& data = *file;
  if (internal::StartsWithGzipMagic(data)) return ReadGzipped(path, data);
  return ReadPlain(path, data);
}

common::Result<WarcRecord> ReadWarcRecordAt(const std::filesystem::path& path, int64_t offset) {
  std::filesystem::path file = path;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    const std::filesystem::path open = path.string() + ".open";
    if (std::filesystem::exists(open, ec)) file = open;
  }
  if (offset < 0) return common::Status::NotFound(path.string() + ": no record at offset -1");
  auto member = internal::GunzipMemberAt(file, offset);
  std::string data;
  size_t pos = 0;
  if (member.ok()) {
    data = std::move(*member);
  } else if (member.status().code() == common::StatusCode::kCorruption) {
    // Not a gzip member there: an uncompressed file, read whole.
    common::Result<std::string> whole = common::ReadFile(file);
    if (!whole.ok()) return common::Status::IoError(whole.status().message());
    if (internal::StartsWithGzipMagic(*whole)) return member.status();
    data = std::move(*whole);
    pos = static_cast<size_t>(offset);
    if (pos >= data.size()) {
      return common::Status::NotFound(path.string() + ": no record at offset " +
                                      std::to_string(offset));
    }
  } else {
    return member.status();
  }
  auto parsed = ParseRecord(data, pos);
  if (!parsed.ok()) return Corrupt(path, static_cast<size_t>(offset), parsed.status().message());
  parsed->record.offset = offset;
  return std::move(parsed->record);
}

}  // namespace citecheck::crawler
