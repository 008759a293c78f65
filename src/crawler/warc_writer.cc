// WarcWriter: ISO 28500 WARC/1.1, one gzip member per record.
//
// Record IDs are not random: each is a UUID (version 8, "custom", RFC 9562 section 5.8)
// made from the SHA-256 of the file's name, the record's position in the file, its
// type, target, date and block digest. Position and name make IDs unique across
// records and archives; having no randomness makes the file a pure function of its
// inputs and the clock, so an example archive can be committed and written again
// byte for byte.
//
// Rotation starts the next file before an exchange once the current one has reached
// max_file_bytes; the new file's warcinfo is dated by that exchange, so rotated
// output stays reproducible too. One zlib stream is reused for every record
// (GzipEncoder): compressing is most of the cost of archiving.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/hash.h"
#include "crawler/crawler.h"
#include "crawler/internal/gzip.h"

namespace citecheck::crawler {
namespace {

constexpr std::string_view kSoftware = "citecheck";
constexpr std::string_view kWarcInfoBody =
    "format: WARC File Format 1.1\r\n"
    "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/"
    "warc-1.1/\r\n";

struct FileClose {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileClose>;

struct Field {
  std::string_view name;
  std::string value;
};

std::string RecordId(std::string_view seed) {
  std::string hex = common::Sha256Hex(seed).substr(0, 32);
  hex[12] = '8';                              // version 8
  static constexpr char kVariant[] = "89ab";  // the two variant bits are 10
  hex[16] = kVariant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return "<urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12) + ">";
}

// The record: version line, named fields, Content-Length, the block, CRLF CRLF.
std::string RenderRecord(const std::vector<Field>& fields, std::string_view block) {
  std::string out = "WARC/1.1\r\n";
  for (const Field& field : fields) {
    out.append(field.name).append(": ").append(field.value).append("\r\n");
  }
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  out.append(block).append("\r\n\r\n");
  return out;
}

common::Status IoError(std::string_view what, const std::filesystem::path& path, int err) {
  return common::Status::IoError(std::string(what) + " " + path.string() + ": " +
                                 std::strerror(err));
}

// "<dir>/run.warc.gz", 3 -> "<dir>/run-00003.warc.gz".
std::filesystem::path RotatedPath(const std::filesystem::path& first, int index) {
  std::string name = first.filename().string();
  std::string ext;
  for (std::string_view suffix : {".warc.gz", ".warc"}) {
    if (name.ends_with(suffix)) {
      ext = suffix;
      name.resize(name.size() - suffix.size());
      break;
    }
  }
  char number[16];
  std::snprintf(number, sizeof(number), "-%05d", index);
  return first.parent_path() / (name + number + ext);
}

// One file being written: its names, handle and position.
struct OpenFile {
  std::filesystem::path path;       // final name
  std::filesystem::path open_path;  // where it is written until closed
  std::string name;                 // path's file name, for WARC-Filename and IDs
  File file;
  int64_t offset = 0;   // bytes written so far
  int64_t records = 0;  // records written so far
  std::string warcinfo_id;
};

}  // namespace

class WarcWriter::Impl {
 public:
  Impl(std::filesystem::path first, const WarcWriterOptions& options, int64_t created_micros)
      : first_(std::move(first)),
        options_(options),
        created_micros_(created_micros),
        encoder_(options.compression_level) {}

  const std::filesystem::path& path() const { return current_.path; }
  std::vector<std::filesystem::path> files() const { return files_; }

  // Starts file number `index` (0 is the first path) with its warcinfo record.
  common::Status Open(int index, int64_t date_micros) {
    OpenFile next;
    next.path = index == 0 ? first_ : RotatedPath(first_, index);
    next.open_path = next.path.string() + ".open";
    next.name = next.path.filename().string();
    next.file.reset(std::fopen(next.open_path.c_str(), "wbe"));
    if (!next.file) return IoError("cannot create", next.open_path, errno);
    current_ = std::move(next);
    index_ = index;
    closed_ = false;
    common::Status status = WriteWarcInfo(date_micros);
    if (!status.ok()) {
      current_.file.reset();
      std::error_code ignored;
      std::filesystem::remove(current_.open_path, ignored);
      closed_ = true;
      close_status_ = status;
      return status;
    }
    files_.push_back(current_.path);
    return status;
  }

  common::Result<int64_t> Write(const WarcExchange& exchange) {
    if (closed_) return common::Status::FailedPrecondition(path().string() + ": already closed");
    const int64_t date_micros = exchange.date_micros != 0 ? exchange.date_micros : created_micros_;
    // Rotate before the pair, so that a request and its response share a file.
    if (options_.max_file_bytes > 0 && current_.offset >= options_.max_file_bytes &&
        current_.records > 1) {
      CC_RETURN_IF_ERROR(Close());
      CC_RETURN_IF_ERROR(Open(index_ + 1, date_micros));
    }
    const std::string date = common::FormatIso8601(date_micros);
    std::string response_block;
    response_block.reserve(exchange.response_head.size() + exchange.response_body.size());
    response_block.append(exchange.response_head).append(exchange.response_body);
    const std::string request_digest = common::WarcSha1Digest(exchange.request_head);
    const std::string response_digest = common::WarcSha1Digest(response_block);
    const std::string request_id = NextId("request", exchange.target_uri, date, request_digest);
    const std::string response_id = NextId("response", exchange.target_uri, date, response_digest);
    std::vector<Field> request = CommonFields("request", request_id, date, exchange);
    request.push_back({"WARC-Concurrent-To", response_id});
    request.push_back({"WARC-Block-Digest", request_digest});
    request.push_back({"Content-Type", "application/http;msgtype=request"});
    std::vector<Field> response = CommonFields("response", response_id, date, exchange);
    response.push_back({"WARC-Concurrent-To", request_id});
    response.push_back({"WARC-Block-Digest", response_digest});
    response.push_back({"WARC-Payload-Digest", common::WarcSha1Digest(exchange.response_body)});
    response.push_back({"Content-Type", "application/http;msgtype=response"});
    CC_RETURN_IF_ERROR(Append(RenderRecord(request, exchange.request_head)).status());
    return Append(RenderRecord(response, response_block));
  }

  common::Status Close() {
    if (closed_) return close_status_;
    closed_ = true;
    close_status_ = Finish();
    return close_status_;
  }

 private:
  common::Status WriteWarcInfo(int64_t date_micros) {
    const std::string block =
        "software: " + std::string(kSoftware) + "\r\n" + std::string(kWarcInfoBody);
    const std::string date = common::FormatIso8601(date_micros);
    current_.warcinfo_id = NextId("warcinfo", "", date, common::WarcSha1Digest(block));
    std::vector<Field> fields = {{"WARC-Type", "warcinfo"},
                                 {"WARC-Record-ID", current_.warcinfo_id},
                                 {"WARC-Date", date},
                                 {"WARC-Filename", current_.name},
                                 {"WARC-Block-Digest", common::WarcSha1Digest(block)},
                                 {"Content-Type", "application/warc-fields"}};
    return Append(RenderRecord(fields, block)).status();
  }

  std::vector<Field> CommonFields(std::string_view type, const std::string& id,
                                  const std::string& date, const WarcExchange& exchange) const {
    std::vector<Field> fields = {{"WARC-Type", std::string(type)},
                                 {"WARC-Record-ID", id},
                                 {"WARC-Date", date},
                                 {"WARC-Target-URI", exchange.target_uri}};
    if (!exchange.ip.empty()) fields.push_back({"WARC-IP-Address", exchange.ip});
    fields.push_back({"WARC-Warcinfo-ID", current_.warcinfo_id});
    return fields;
  }

  // The ID of the next record, from its position, type, target, date and the
  // WarcSha1Digest of its block.
  std::string NextId(std::string_view type, std::string_view target, std::string_view date,
                     std::string_view block_digest) {
    const std::string seed = current_.name + "\n" + std::to_string(current_.records++) + "\n" +
                             std::string(type) + "\n" + std::string(target) + "\n" +
                             std::string(date) + "\n" + std::string(block_digest);
    return RecordId(seed);
  }

  // Compresses and appends one record; returns its offset.
  common::Result<int64_t> Append(const std::string& record) {
    CC_ASSIGN_OR_RETURN(const std::string member, encoder_.Member(record));
    if (std::fwrite(member.data(), 1, member.size(), current_.file.get()) != member.size() ||
        std::fflush(current_.file.get()) != 0) {
      return IoError("cannot write", current_.open_path, errno);
    }
    const int64_t offset = current_.offset;
    current_.offset += static_cast<int64_t>(member.size());
    return offset;
  }

  common::Status Finish() {
    std::FILE* file = current_.file.get();
    if (std::fflush(file) != 0 || ::fsync(::fileno(file)) != 0) {
      return IoError("cannot flush", current_.open_path, errno);
    }
    if (std::fclose(current_.file.release()) != 0) {
      return IoError("cannot close", current_.open_path, errno);
    }
    std::error_code ec;
    std::filesystem::rename(current_.open_path, current_.path, ec);
    if (ec) {
      return common::Status::IoError("cannot rename " + current_.open_path.string() + " to " +
                                     current_.path.string() + ": " + ec.message());
    }
    return common::Status::Ok();
  }

  const std::filesystem::path first_;
  const WarcWriterOptions options_;
  const int64_t created_micros_;  // for exchanges without a date
  OpenFile current_;
  int index_ = 0;
  std::vector<std::filesystem::path> files_;  // every file opened, final names
  internal::GzipEncoder encoder_;
  bool closed_ = true;
  common::Status close_status_;  // what the first Close() of the current file returned
};

common::Result<std::unique_ptr<WarcWriter>> WarcWriter::Create(const std::filesystem::path& path,
                                                               const common::Clock& clock) {
  return Create(path, clock, WarcWriterOptions{});
}

common::Result<std::unique_ptr<WarcWriter>> WarcWriter::Create(const std::filesystem::path& path,
                                                               const common::Clock& clock,
                                                               const WarcWriterOptions& options) {
  const int64_t now = clock.NowMicros();
  auto impl = std::make_unique<Impl>(path, options, now);
  CC_RETURN_IF_ERROR(impl->Open(0, now));
  return std::unique_ptr<WarcWriter>(new WarcWriter(std::move(impl)));
}

WarcWriter::WarcWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

WarcWriter::~WarcWriter() {
  // A destructor cannot report failure; callers that care call Close() themselves.
  (void)impl_->Close();
}

common::Result<int64_t> WarcWriter::Write(const WarcExchange& exchange) {
  return impl_->Write(exchange);
}

common::Status WarcWriter::Close() { return impl_->Close(); }

const std::filesystem::path& WarcWriter::path() const { return impl_->path(); }

std::vector<std::filesystem::path> WarcWriter::files() const { return impl_->files(); }

}  // namespace citecheck::crawler
