#include "server/internal/sources.h"

#include <algorithm>

#include <boost/json.hpp>

#include "common/hash.h"
#include "server/internal/metrics.h"

namespace citecheck::server::internal {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

verify::Reliability Rate(const SourceInfo& info) {
  verify::SourceFacts facts;
  facts.url = info.key;
  facts.final_url = info.fetch.final_url;
  facts.fetched = info.doc.has_value();
  facts.failure = info.failure;
  if (info.doc) {
    facts.has_author = !info.doc->author.empty();
    facts.has_date = !info.doc->published.empty();
    facts.published = info.doc->published;
  }
  return verify::RateSource(facts);
}

}  // namespace

std::filesystem::path ArchivePath(const std::filesystem::path& warc_dir, int64_t now_micros,
                                  std::string_view tag) {
  std::filesystem::path p = service::NewWarcPath(warc_dir, now_micros);
  std::string name = p.filename().string();
  // NewWarcPath names one file per process and second; the server writes several.
  const std::string suffix = ".warc.gz";
  if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
  return warc_dir / (name + "-" + std::string(tag) + suffix);
}

std::string TextKey(std::string_view text, text::Lang lang) {
  return "text:" + common::Sha256Hex(std::string(text::LangCode(lang)) + "\n" + std::string(text));
}

SourceReader::SourceReader(const common::Config& config, std::filesystem::path warc_dir,
                           const common::Clock& clock, common::Logger& logger, Metrics& metrics)
    : config_(config), warc_dir_(std::move(warc_dir)), clock_(clock), logger_(logger),
      metrics_(metrics) {}

SourceCache::Loaded SourceReader::ReadUrl(const std::string& url) const {
  std::unique_ptr<crawler::WarcWriter> warc;
  if (config_.crawler.archive) {
    const std::string tag = "source" + std::to_string(++reads_);
    CC_ASSIGN_OR_RETURN(warc, crawler::WarcWriter::Create(
                                  ArchivePath(warc_dir_, clock_.NowMicros(), tag), clock_));
  }
  CC_ASSIGN_OR_RETURN(std::unique_ptr<crawler::CurlFetcher> fetcher,
                      crawler::CurlFetcher::Create(config_.crawler, clock_, warc.get(), &logger_));
  std::vector<crawler::FetchResult> fetched = fetcher->FetchAll({url});
  fetcher.reset();
  if (warc) {
    Status closed = warc->Close();
    if (!closed.ok()) logger_.Warning("archive: " + closed.message());
  }
  metrics_.CountFetch(crawler::FetchOutcomeName(fetched.at(0).outcome));
  CC_ASSIGN_OR_RETURN(std::unique_ptr<index::Index> index, index::Index::InMemory());
  CC_ASSIGN_OR_RETURN(service::SourceRead read, service::ReadFetched(std::move(fetched[0]), *index));
  CC_RETURN_IF_ERROR(index->Commit());
  logger_.Info(url + ": " + (read.doc ? "indexed for the API" : read.failure));
  SourceInfo info;
  info.key = url;
  info.fetch = std::move(read.fetch);
  info.fetch.body.clear();
  info.fetch.body.shrink_to_fit();
  info.doc = std::move(read.doc);
  info.failure = std::move(read.failure);
  info.reliability = Rate(info);
  auto cached = std::make_shared<CachedSource>(std::move(info), config_.verify,
                                               clock_.MonotonicMicros());
  // The index just filled becomes the source's first replica.
  cached->AddReplica(CachedSource::ReplicaOf(std::move(index), config_.verify));
  return std::shared_ptr<const CachedSource>(std::move(cached));
}

SourceCache::Loaded SourceReader::ReadText(const std::string& key, std::string_view text,
                                           text::Lang lang) const {
  SourceInfo info;
  info.key = key;
  auto doc = extract::ExtractPlainText(text, key);
  if (!doc.ok()) {
    info.failure = "unreadable content: " + doc.status().message();
  } else if (doc->blocks.empty()) {
    info.failure = "the source has no text";
  } else {
    if (lang == text::Lang::kUnknown) lang = text::DetectLanguage(doc->text);
    doc->lang = std::string(text::LangCode(lang));
    info.doc = std::move(*doc);
  }
  auto cached = std::make_shared<CachedSource>(std::move(info), config_.verify,
                                               clock_.MonotonicMicros());
  CC_ASSIGN_OR_RETURN(auto replica, CachedSource::MakeReplica(cached->info(), config_.verify));
  cached->AddReplica(std::move(replica));
  return std::shared_ptr<const CachedSource>(std::move(cached));
}

Result<service::ClaimCaseResult> VerifyCachedClaim(const CachedSource& source,
                                                   std::string_view claim, text::Lang lang) {
  const SourceInfo& info = source.info();
  if (lang == text::Lang::kUnknown) lang = text::DetectLanguage(claim);
  if (lang == text::Lang::kUnknown && info.doc) lang = text::ParseLang(info.doc->lang);
  CC_ASSIGN_OR_RETURN(CachedSource::VerifierLease lease, source.LendVerifier());
  const verify::SourceState state{0, info.key, true, info.doc.has_value(), info.failure};
  service::ClaimCaseResult r = service::VerifyClaimText(lease.verifier(), claim, state, lang);
  if (!info.failure.empty()) r.reason = "the source could not be read: " + info.failure;
  return r;
}

json::object SourceJson(const SourceInfo& info, bool with_text) {
  const crawler::FetchResult& f = info.fetch;
  json::object o;
  o["url"] = info.key;
  o["readable"] = info.doc.has_value();
  o["outcome"] = info.doc ? "ok" : std::string(crawler::FetchOutcomeName(f.outcome));
  if (!info.failure.empty()) o["error"] = info.failure;
  o["status"] = f.status;
  o["final_url"] = f.final_url;
  json::array redirects;
  for (const crawler::RedirectHop& h : f.redirects) {
    redirects.push_back(json::object{{"url", h.url}, {"status", h.status}, {"location", h.location}});
  }
  o["redirects"] = std::move(redirects);
  o["content_type"] = f.content_type;
  if (f.fetched_at_micros > 0) o["fetched_at"] = common::FormatIso8601(f.fetched_at_micros);
  o["elapsed_ms"] = f.elapsed_ms;
  if (!f.warc_file.empty()) o["archive"] = json::object{{"file", f.warc_file}, {"offset", f.warc_offset}};
  json::array reasons;
  for (const std::string& r : info.reliability.reasons) reasons.push_back(json::string(r));
  o["reliability"] = json::object{{"score", info.reliability.score},
                                  {"publisher_type", info.reliability.publisher_type},
                                  {"reasons", std::move(reasons)}};
  if (info.doc) {
    const extract::Document& d = *info.doc;
    o["document"] = json::object{{"title", d.title},         {"lang", d.lang},
                                 {"published", d.published}, {"modified", d.modified},
                                 {"author", d.author},       {"site_name", d.site_name},
                                 {"canonical_url", d.canonical_url},
                                 {"blocks", d.blocks.size()}};
    if (with_text) o["text"] = d.text;
  }
  return o;
}

}  // namespace citecheck::server::internal
