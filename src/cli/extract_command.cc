#include "cli/extract_command.h"

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <string_view>
#include <system_error>

#include "cli/options.h"
#include "common/clock.h"
#include "common/file.h"
#include "common/log.h"
#include "common/status.h"
#include "crawler/crawler.h"
#include "extract/extract.h"
#include "service/service.h"

namespace citecheck::cli {
namespace {

constexpr std::string_view kUsage =
    "usage: citecheck extract FILE|URL [--format text|json] [--TABLE.KEY=VALUE...]\n"
    "       citecheck extract --batch LIST_FILE OUT_DIR\n";

// The media type a file's extension announces; "" lets Extract sniff the bytes.
std::string MediaTypeOfPath(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "text/html";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".txt" || ext == ".text" || ext == ".md") return "text/plain";
  return "";
}

std::string FileUrl(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path abs = std::filesystem::absolute(path, ec);
  return "file://" + (ec ? path : abs).string();
}

common::Result<extract::Document> ExtractFile(const std::filesystem::path& path) {
  CC_ASSIGN_OR_RETURN(const std::string body, common::ReadFile(path));
  common::Result<extract::Document> doc =
      extract::Extract(body, MediaTypeOfPath(path), "", FileUrl(path));
  if (!doc.ok()) return doc.status().WithContext(path.string());
  return doc;
}

boost::json::object ToJson(const extract::Document& doc) {
  boost::json::array blocks;
  for (const extract::Block& b : doc.blocks) {
    blocks.push_back(boost::json::object{
        {"kind", extract::BlockKindName(b.kind)},
        {"start", b.start},
        {"end", b.end},
        {"level", b.level},
        {"page", b.page},
        {"text", extract::BlockText(doc, b)},
    });
  }
  return boost::json::object{
      {"url", doc.url},
      {"media_type", doc.media_type},
      {"title", doc.title},
      {"lang", doc.lang},
      {"published", doc.published},
      {"modified", doc.modified},
      {"author", doc.author},
      {"site_name", doc.site_name},
      {"canonical_url", doc.canonical_url},
      {"description", doc.description},
      {"text", doc.text},
      {"blocks", std::move(blocks)},
  };
}

// Fetches a URL with the crawler's settings (address guard, limits) and extracts it.
common::Result<extract::Document> ExtractUrl(const std::string& url, const common::Config& config) {
  common::SystemClock clock;
  common::StderrLogger logger(common::LogLevel::kWarning);
  CC_ASSIGN_OR_RETURN(auto fetcher,
                      crawler::CurlFetcher::Create(config.crawler, clock, nullptr, &logger));
  crawler::FetchResult f = std::move(fetcher->FetchAll({url}).front());
  if (f.outcome != crawler::FetchOutcome::kOk) {
    return common::Status::Unavailable(url + ": " + service::FailureReason(f));
  }
  common::Result<extract::Document> doc =
      extract::Extract(f.body, f.content_type, f.charset, f.final_url);
  if (!doc.ok()) return doc.status().WithContext(url);
  return doc;
}

int RunSingle(const ParsedArgs& args, std::ostream& out, std::ostream& err) {
  const std::string format = args.flags.contains("format") ? args.flags.at("format") : "text";
  if (format != "text" && format != "json") {
    err << "citecheck extract: --format must be text or json, not \"" << format << "\"\n" << kUsage;
    return 2;
  }
  if (args.positional.size() != 1) {
    err << "citecheck extract: expected one file or URL\n" << kUsage;
    return 2;
  }
  const std::string& input = args.positional[0];
  const bool is_url = input.starts_with("http://") || input.starts_with("https://");
  const common::Result<extract::Document> doc =
      is_url ? ExtractUrl(input, args.config) : ExtractFile(input);
  if (!doc.ok()) {
    err << "citecheck extract: " << doc.status().message() << "\n";
    return 2;
  }
  if (format == "json") {
    out << boost::json::serialize(ToJson(*doc)) << "\n";
  } else {
    out << doc->text << "\n";
  }
  return 0;
}

common::Result<std::vector<std::string>> ReadList(const std::string& list_file) {
  CC_ASSIGN_OR_RETURN(const std::string list, common::ReadFile(list_file));
  std::vector<std::string> paths;
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find('\n', pos);
    if (end == std::string::npos) end = list.size();
    std::string line = list.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) paths.push_back(std::move(line));
    pos = end + 1;
  }
  return paths;
}

// One page of the batch: reads it (not timed), extracts it (timed into `seconds`) and
// writes OUT_DIR/<id>.txt. Returns false after reporting a failure to `err`.
bool RunBatchPage(const std::filesystem::path& path, const std::filesystem::path& out_dir,
                  double* seconds, std::ostream& err) {
  const common::Result<std::string> body = common::ReadFile(path);
  if (!body.ok()) {
    err << "citecheck extract: " << body.status().ToString() << "\n";
    return false;
  }
  const auto start = std::chrono::steady_clock::now();
  const common::Result<extract::Document> doc =
      extract::Extract(*body, MediaTypeOfPath(path), "", FileUrl(path));
  *seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!doc.ok()) {
    err << "citecheck extract: " << path.string() << ": " << doc.status().ToString() << "\n";
    return false;
  }
  const common::Status written = common::WriteFileAtomically(
      out_dir / (path.stem().string() + ".txt"), extract::BodyText(*doc) + "\n");
  if (!written.ok()) {
    err << "citecheck extract: " << written.ToString() << "\n";
    return false;
  }
  return true;
}

int RunBatch(const std::string& list_file, const std::filesystem::path& out_dir, std::ostream& out,
             std::ostream& err) {
  const common::Result<std::vector<std::string>> paths = ReadList(list_file);
  if (!paths.ok()) {
    err << "citecheck extract: " << paths.status().ToString() << "\n";
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    err << "citecheck extract: cannot create " << out_dir.string() << ": " << ec.message() << "\n";
    return 2;
  }
  double seconds = 0;
  int failed = 0;
  for (const std::string& path : *paths) {
    if (!RunBatchPage(path, out_dir, &seconds, err)) ++failed;
  }
  const boost::json::object timing{
      {"seconds", seconds}, {"pages", paths->size()}, {"errors", failed}};
  const common::Status written =
      common::WriteFileAtomically(out_dir / "_timing.json", boost::json::serialize(timing) + "\n");
  if (!written.ok()) {
    err << "citecheck extract: " << written.ToString() << "\n";
    return 2;
  }
  out << "extracted " << (paths->size() - failed) << " of " << paths->size() << " pages in "
      << seconds << " s\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace

int RunExtractCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  common::Result<ParsedArgs> parsed = ParseArgs(args, {"format"}, {"batch", "help"}, {});
  if (!parsed.ok()) {
    err << "citecheck extract: " << parsed.status().message() << "\n" << kUsage;
    return 2;
  }
  if (parsed->switches.contains("help")) {
    out << kUsage;
    return 0;
  }
  if (parsed->switches.contains("batch")) {
    if (parsed->positional.size() != 2) {
      err << "citecheck extract: --batch expects LIST_FILE OUT_DIR\n" << kUsage;
      return 2;
    }
    return RunBatch(parsed->positional[0], parsed->positional[1], out, err);
  }
  return RunSingle(*parsed, out, err);
}

}  // namespace citecheck::cli
