// Builds data/examples/sources.warc.gz from data/examples/archive.toml and the pages
// it names, deterministically (dates come from the manifest), so that the committed
// archive can be checked against its sources by a test.
//
//   make_example_warc data/examples/archive.toml data/examples/sources.warc.gz
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>

#include <boost/url/parse.hpp>
#include <toml++/toml.h>

#include "common/clock.h"
#include "common/file.h"
#include "crawler/crawler.h"

namespace {

using citecheck::common::Result;
using citecheck::common::Status;

Result<int64_t> ParseDate(const std::string& iso) {
  std::tm tm{};
  const char* end = strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return Status::InvalidArgument("bad date \"" + iso + "\"");
  return static_cast<int64_t>(timegm(&tm)) * 1000000;
}

std::string Reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 404: return "Not Found";
    case 410: return "Gone";
    default: return "Status";
  }
}

Result<citecheck::crawler::WarcExchange> Exchange(const toml::table& t,
                                                  const std::filesystem::path& dir) {
  citecheck::crawler::WarcExchange ex;
  ex.target_uri = t["url"].value_or(std::string());
  auto url = boost::urls::parse_absolute_uri(ex.target_uri);
  if (!url) return Status::InvalidArgument("bad url \"" + ex.target_uri + "\"");
  auto date = ParseDate(t["date"].value_or(std::string()));
  if (!date.ok()) return date.status();
  ex.date_micros = *date;
  ex.ip = t["ip"].value_or(std::string());
  const int status = t["status"].value_or(0);
  std::string body;
  if (auto file = t["body"].value<std::string>()) {
    auto read = citecheck::common::ReadFile(dir / *file);
    if (!read.ok()) return read.status();
    body = std::move(*read);
  }
  std::string target(url->encoded_target());
  if (target.empty()) target = "/";
  ex.request_head = "GET " + target + " HTTP/1.1\r\nHost: " + std::string(url->encoded_host()) +
                    "\r\nUser-Agent: citecheck/0.1\r\nAccept: */*\r\n\r\n";
  ex.response_head = "HTTP/1.1 " + std::to_string(status) + " " + Reason(status) + "\r\n";
  if (auto type = t["content_type"].value<std::string>()) {
    ex.response_head += "Content-Type: " + *type + "\r\n";
  }
  if (auto location = t["location"].value<std::string>()) {
    ex.response_head += "Location: " + *location + "\r\n";
  }
  ex.response_head += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  ex.response_body = std::move(body);
  return ex;
}

Status Build(const std::filesystem::path& manifest, const std::filesystem::path& out) {
  toml::table root;
  try {
    root = toml::parse_file(manifest.string());
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(manifest.string() + ":" +
                                   std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
  const toml::array* exchanges = root["exchange"].as_array();
  if (exchanges == nullptr || exchanges->empty()) {
    return Status::InvalidArgument(manifest.string() + ": no [[exchange]] entries");
  }
  std::vector<citecheck::crawler::WarcExchange> list;
  for (const toml::node& n : *exchanges) {
    const toml::table* t = n.as_table();
    if (t == nullptr) return Status::InvalidArgument(manifest.string() + ": bad [[exchange]]");
    auto ex = Exchange(*t, manifest.parent_path());
    if (!ex.ok()) {
      return ex.status().WithContext(manifest.string() + ":" +
                                     std::to_string(t->source().begin.line));
    }
    list.push_back(std::move(*ex));
  }
  citecheck::common::ManualClock clock(list.front().date_micros);
  auto writer = citecheck::crawler::WarcWriter::Create(out, clock);
  if (!writer.ok()) return writer.status();
  for (const auto& ex : list) {
    clock.Set(ex.date_micros);
    auto written = (*writer)->Write(ex);
    if (!written.ok()) return written.status();
  }
  return (*writer)->Close();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: make_example_warc MANIFEST.toml OUT.warc.gz\n";
    return 2;
  }
  Status s = Build(argv[1], argv[2]);
  if (!s.ok()) {
    std::cerr << "make_example_warc: " << s.message() << "\n";
    return 2;
  }
  return 0;
}
