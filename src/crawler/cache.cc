// The conditional re-fetch's memory: CacheEntryOf and the store-backed ResponseCache.
// Redirect chains are kept as JSON ({url, status, location}), as the fetch log keeps
// them.
#include <boost/json.hpp>
#include <utility>

#include "crawler/crawler.h"
#include "store/store.h"

namespace citecheck::crawler {
namespace {

namespace json = boost::json;

std::string RedirectsJson(const std::vector<RedirectHop>& hops) {
  json::array out;
  for (const RedirectHop& hop : hops) {
    out.push_back({{"url", hop.url}, {"status", hop.status}, {"location", hop.location}});
  }
  return json::serialize(out);
}

// The hops of RedirectsJson's output; malformed text gives no hops.
std::vector<RedirectHop> ParseRedirects(const std::string& text) {
  std::vector<RedirectHop> hops;
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_array()) return hops;
  for (const json::value& item : value.as_array()) {
    const json::object* hop = item.if_object();
    if (hop == nullptr) continue;
    RedirectHop out;
    if (const json::value* v = hop->if_contains("url"); v != nullptr && v->is_string()) {
      out.url = std::string(v->as_string());
    }
    if (const json::value* v = hop->if_contains("status"); v != nullptr && v->is_int64()) {
      out.status = static_cast<int>(v->as_int64());
    }
    if (const json::value* v = hop->if_contains("location"); v != nullptr && v->is_string()) {
      out.location = std::string(v->as_string());
    }
    hops.push_back(std::move(out));
  }
  return hops;
}

std::string HeaderValue(const FetchResult& result, std::string_view name) {
  const HttpHeader* header = FindHeader(result.headers, name);
  return header == nullptr ? "" : header->value;
}

}  // namespace

std::optional<CachedResponse> CacheEntryOf(const FetchResult& result) {
  if (result.outcome != FetchOutcome::kOk || result.status != 200 || result.soft_404 ||
      result.cache == CacheUse::kFresh || result.warc_file.empty() || result.warc_offset < 0) {
    return std::nullopt;
  }
  auto url = NormalizeUrl(result.url);
  if (!url.ok()) return std::nullopt;
  CachedResponse entry;
  entry.url = std::move(*url);
  entry.final_url = result.final_url;
  entry.redirects = result.redirects;
  entry.etag = HeaderValue(result, "ETag");
  entry.last_modified = HeaderValue(result, "Last-Modified");
  entry.warc_file = result.warc_file;
  entry.warc_offset = result.warc_offset;
  entry.validated_at_micros = result.fetched_at_micros;
  return entry;
}

common::Result<std::optional<CachedResponse>> StoreResponseCache::Lookup(std::string_view url) {
  CC_ASSIGN_OR_RETURN(const std::optional<store::HttpCacheRecord> record,
                      store_.GetHttpCache(url));
  if (!record) return std::optional<CachedResponse>();
  CachedResponse entry;
  entry.url = record->url;
  entry.final_url = record->final_url;
  entry.redirects = ParseRedirects(record->redirects_json);
  entry.etag = record->etag;
  entry.last_modified = record->last_modified;
  entry.warc_file = record->warc_file;
  entry.warc_offset = record->warc_offset;
  entry.validated_at_micros = record->validated_at_micros;
  return std::optional<CachedResponse>(std::move(entry));
}

common::Status StoreResponseCache::Record(const std::vector<FetchResult>& results) {
  return store_.RunInTransaction([&]() -> common::Status {
    for (const FetchResult& result : results) {
      std::optional<CachedResponse> entry = CacheEntryOf(result);
      if (!entry) continue;
      store::HttpCacheRecord record;
      record.url = entry->url;
      record.final_url = entry->final_url;
      record.redirects_json = RedirectsJson(entry->redirects);
      record.etag = entry->etag;
      record.last_modified = entry->last_modified;
      record.warc_file = entry->warc_file;
      record.warc_offset = entry->warc_offset;
      record.validated_at_micros = entry->validated_at_micros;
      CC_RETURN_IF_ERROR(store_.PutHttpCache(record));
    }
    return common::Status::Ok();
  });
}

}  // namespace citecheck::crawler
