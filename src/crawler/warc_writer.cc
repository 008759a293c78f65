// WarcWriter: ISO 28500 WARC/1.1, one gzip member per record.
//
// Record IDs are not random: each is a UUID (version 8, "custom", RFC 9562 section 5.8)
// made from the SHA-256 of the file's name, the record's position in the file, its
// type, target, date and block digest. Position and name make IDs unique across
// records and archives; having no randomness makes the file a pure function of its
// inputs and the clock, so an example archive can be committed and written again
// byte for byte.
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

}  // namespace

class WarcWriter::Impl {
 public:
  Impl(std::filesystem::path path, File file, int64_t created_micros)
      : path_(std::move(path)),
        open_path_(path_.string() + ".open"),
        name_(path_.filename().string()),
        created_micros_(created_micros),
        file_(std::move(file)) {}

  const std::filesystem::path& path() const { return path_; }
  const std::filesystem::path& open_path() const { return open_path_; }

  common::Status WriteWarcInfo() {
    const std::string block =
        "software: " + std::string(kSoftware) + "\r\n" + std::string(kWarcInfoBody);
    const std::string date = common::FormatIso8601(created_micros_);
    warcinfo_id_ = NextId("warcinfo", "", date, block);
    std::vector<Field> fields = {{"WARC-Type", "warcinfo"},
                                 {"WARC-Record-ID", warcinfo_id_},
                                 {"WARC-Date", date},
                                 {"WARC-Filename", name_},
                                 {"WARC-Block-Digest", common::WarcSha1Digest(block)},
                                 {"Content-Type", "application/warc-fields"}};
    return Append(RenderRecord(fields, block)).status();
  }

  common::Result<int64_t> Write(const WarcExchange& exchange) {
    if (closed_) return common::Status::FailedPrecondition(path_.string() + ": already closed");
    const std::string date =
        common::FormatIso8601(exchange.date_micros != 0 ? exchange.date_micros : created_micros_);
    const std::string response_block = exchange.response_head + exchange.response_body;
    const std::string request_id =
        NextId("request", exchange.target_uri, date, exchange.request_head);
    const std::string response_id = NextId("response", exchange.target_uri, date, response_block);
    std::vector<Field> request = CommonFields("request", request_id, date, exchange);
    request.push_back({"WARC-Concurrent-To", response_id});
    request.push_back({"WARC-Block-Digest", common::WarcSha1Digest(exchange.request_head)});
    request.push_back({"Content-Type", "application/http;msgtype=request"});
    std::vector<Field> response = CommonFields("response", response_id, date, exchange);
    response.push_back({"WARC-Concurrent-To", request_id});
    response.push_back({"WARC-Block-Digest", common::WarcSha1Digest(response_block)});
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
  std::vector<Field> CommonFields(std::string_view type, const std::string& id,
                                  const std::string& date, const WarcExchange& exchange) const {
    std::vector<Field> fields = {{"WARC-Type", std::string(type)},
                                 {"WARC-Record-ID", id},
                                 {"WARC-Date", date},
                                 {"WARC-Target-URI", exchange.target_uri}};
    if (!exchange.ip.empty()) fields.push_back({"WARC-IP-Address", exchange.ip});
    fields.push_back({"WARC-Warcinfo-ID", warcinfo_id_});
    return fields;
  }

  std::string NextId(std::string_view type, std::string_view target, std::string_view date,
                     std::string_view block) {
    const std::string seed = name_ + "\n" + std::to_string(records_++) + "\n" + std::string(type) +
                             "\n" + std::string(target) + "\n" + std::string(date) + "\n" +
                             common::WarcSha1Digest(block);
    return RecordId(seed);
  }

  // Compresses and appends one record; returns its offset.
  common::Result<int64_t> Append(const std::string& record) {
    CC_ASSIGN_OR_RETURN(const std::string member, internal::GzipMember(record));
    if (std::fwrite(member.data(), 1, member.size(), file_.get()) != member.size() ||
        std::fflush(file_.get()) != 0) {
      return IoError("cannot write", open_path_, errno);
    }
    const int64_t offset = offset_;
    offset_ += static_cast<int64_t>(member.size());
    return offset;
  }

  common::Status Finish() {
    if (std::fflush(file_.get()) != 0 || ::fsync(::fileno(file_.get())) != 0) {
      return IoError("cannot flush", open_path_, errno);
    }
    if (std::fclose(file_.release()) != 0) return IoError("cannot close", open_path_, errno);
    std::error_code ec;
    std::filesystem::rename(open_path_, path_, ec);
    if (ec) {
      return common::Status::IoError("cannot rename " + open_path_.string() + " to " +
                                     path_.string() + ": " + ec.message());
    }
    return common::Status::Ok();
  }

  const std::filesystem::path path_;
  const std::filesystem::path open_path_;  // where the file is written until Close()
  const std::string name_;                 // path_'s file name, for WARC-Filename and IDs
  const int64_t created_micros_;
  File file_;            // null once closed
  int64_t offset_ = 0;   // bytes written so far
  int64_t records_ = 0;  // records written so far
  std::string warcinfo_id_;
  bool closed_ = false;
  common::Status close_status_;  // what the first Close() returned
};

common::Result<std::unique_ptr<WarcWriter>> WarcWriter::Create(const std::filesystem::path& path,
                                                               const common::Clock& clock) {
  const std::filesystem::path open_path = path.string() + ".open";
  File file(std::fopen(open_path.c_str(), "wbe"));
  if (!file) return IoError("cannot create", open_path, errno);
  auto impl = std::make_unique<Impl>(path, std::move(file), clock.NowMicros());
  if (common::Status status = impl->WriteWarcInfo(); !status.ok()) {
    impl.reset();
    std::error_code ignored;
    std::filesystem::remove(open_path, ignored);
    return status;
  }
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

}  // namespace citecheck::crawler
