#include <unistd.h>

#include <algorithm>
#include <system_error>

#include "service/service.h"

namespace citecheck::service {
namespace {

using common::Result;
using common::Status;

std::string ReasonPrefix(crawler::FetchOutcome o) {
  switch (o) {
    case crawler::FetchOutcome::kDnsError: return "DNS failure";
    case crawler::FetchOutcome::kConnectError: return "connection failed";
    case crawler::FetchOutcome::kTlsError: return "TLS failure";
    case crawler::FetchOutcome::kTimeout: return "timed out";
    case crawler::FetchOutcome::kTooManyRedirects: return "too many redirects";
    case crawler::FetchOutcome::kTooLarge: return "too large";
    case crawler::FetchOutcome::kBlockedAddress: return "blocked address";
    case crawler::FetchOutcome::kUnsupportedScheme: return "unsupported scheme";
    case crawler::FetchOutcome::kInvalidUrl: return "invalid URL";
    case crawler::FetchOutcome::kNotArchived: return "not in the archive";
    // The crawler's message says it all: "disallowed by http://h/robots.txt: ...".
    case crawler::FetchOutcome::kRobotsDisallowed: return "";
    case crawler::FetchOutcome::kHostUnavailable: return "host unavailable";
    default: return "fetch failed";
  }
}

}  // namespace

Result<Workspace> OpenWorkspace(const common::StoreConfig& config) {
  Workspace ws;
  ws.dir = config.dir;
  ws.warc_dir = ws.dir / "warc";
  std::error_code ec;
  for (const auto& d : {ws.dir, ws.warc_dir, ws.dir / "index"}) {
    std::filesystem::create_directories(d, ec);
    if (ec) return Status::IoError(d.string() + ": cannot create directory: " + ec.message());
  }
  CC_ASSIGN_OR_RETURN(ws.store, store::Store::Open(ws.dir / "citecheck.db"));
  CC_ASSIGN_OR_RETURN(ws.index, index::Index::Open(ws.dir / "index"));
  return ws;
}

std::filesystem::path NewWarcPath(const std::filesystem::path& warc_dir, int64_t now_micros) {
  std::string stamp = common::FormatIso8601(now_micros);  // 2025-07-30T12:00:00Z
  stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == '-' || c == ':'; }),
              stamp.end());
  return warc_dir / ("citecheck-" + stamp + "-" + std::to_string(::getpid()) + ".warc.gz");
}

std::string FailureReason(const crawler::FetchResult& f) {
  if (f.outcome == crawler::FetchOutcome::kHttpError) {
    return f.error.empty() ? "HTTP " + std::to_string(f.status) : f.error;
  }
  std::string prefix = ReasonPrefix(f.outcome);
  if (prefix.empty()) return f.error;
  return f.error.empty() ? prefix : prefix + ": " + f.error;
}

Result<SourceRead> ReadFetched(crawler::FetchResult fetch, index::Index& index) {
  SourceRead read;
  read.fetch = std::move(fetch);
  const crawler::FetchResult& f = read.fetch;
  if (f.outcome != crawler::FetchOutcome::kOk) {
    read.failure = FailureReason(f);
    return read;
  }
  // A soft 404 answered 200, but what it says is "not found": reading it would index
  // an error page as the cited source.
  if (f.soft_404) {
    read.failure = "the page is gone (soft 404: " + f.soft_404_reason + ")";
    return read;
  }
  if (!f.content_type.empty() && !crawler::IsReadableMediaType(f.content_type)) {
    read.failure = "not a readable document: " + f.content_type;
    return read;
  }
  auto doc = extract::Extract(f.body, f.content_type, f.charset, f.final_url);
  if (!doc.ok()) {
    read.failure = "unreadable content: " + doc.status().message();
    return read;
  }
  if (doc->blocks.empty()) {
    read.failure = "the page has no main text";
    return read;
  }
  text::Lang lang = text::ParseLang(doc->lang);
  if (lang == text::Lang::kUnknown) lang = text::DetectLanguage(doc->text);
  if (doc->lang.empty()) doc->lang = std::string(text::LangCode(lang));
  CC_RETURN_IF_ERROR(IndexDocument(f.url, *doc, index));
  read.doc = std::move(*doc);
  return read;
}

Status IndexDocument(const std::string& url, const extract::Document& doc, index::Index& index) {
  text::Lang lang = text::ParseLang(doc.lang);
  if (lang == text::Lang::kUnknown) lang = text::DetectLanguage(doc.text);
  index::SourceDocument sd;
  sd.url = url;
  sd.lang = lang;
  sd.title = doc.title;
  sd.text = doc.text;
  std::vector<index::PassageInput> blocks;
  for (const extract::Block& b : doc.blocks) blocks.push_back({b.start, b.end});
  sd.passages = index::MakePassages(sd.text, blocks, lang);
  return index.Replace(sd);
}

Result<std::map<std::string, SourceRead>> ReadSources(const std::vector<std::string>& urls,
                                                      crawler::Fetcher& fetcher,
                                                      index::Index& index,
                                                      common::Logger& logger) {
  std::map<std::string, SourceRead> reads;
  for (crawler::FetchResult& f : fetcher.FetchAll(urls)) {
    const std::string url = f.url;
    CC_ASSIGN_OR_RETURN(SourceRead read, ReadFetched(std::move(f), index));
    if (read.doc) {
      logger.Info(url + ": HTTP " + std::to_string(read.fetch.status) + ", " +
                  std::to_string(read.doc->blocks.size()) + " blocks indexed");
    } else {
      logger.Info(url + ": " + read.failure);
    }
    reads[url] = std::move(read);
  }
  CC_RETURN_IF_ERROR(index.Commit());
  return reads;
}

}  // namespace citecheck::service
