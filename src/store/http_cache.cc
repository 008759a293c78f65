// Store methods of the crawler's HTTP cache table.
#include <string>

#include "store/internal/sqlite.h"
#include "store/internal/store_impl.h"
#include "store/store.h"

namespace citecheck::store {
namespace {

using common::Result;
using common::Status;
using internal::Query;
using internal::Sql;

constexpr Sql kPutHttpCache{
    "put http cache entry",
    "INSERT OR REPLACE INTO http_cache (url, final_url, redirects_json, etag, last_modified, "
    "warc_file, warc_offset, validated_at_micros) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"};

constexpr Sql kGetHttpCache{
    "get http cache entry",
    "SELECT url, final_url, redirects_json, etag, last_modified, warc_file, warc_offset, "
    "validated_at_micros FROM http_cache WHERE url = ?"};

}  // namespace

Status Store::PutHttpCache(const HttpCacheRecord& e) {
  if (e.url.empty()) {
    return Status::InvalidArgument(impl_->db.path() + ": http cache entry without a URL");
  }
  Query query(impl_->db, kPutHttpCache);
  query.BindText(e.url).BindText(e.final_url).BindText(e.redirects_json).BindText(e.etag);
  query.BindText(e.last_modified).BindText(e.warc_file).BindInt(e.warc_offset);
  query.BindInt(e.validated_at_micros);
  return query.Run().WithContext("http cache entry of " + e.url);
}

Result<std::optional<HttpCacheRecord>> Store::GetHttpCache(std::string_view url) const {
  Query query(impl_->db, kGetHttpCache);
  query.BindText(url);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<HttpCacheRecord>();
  HttpCacheRecord e;
  int c = 0;
  e.url = query.Text(c++);
  e.final_url = query.Text(c++);
  e.redirects_json = query.Text(c++);
  e.etag = query.Text(c++);
  e.last_modified = query.Text(c++);
  e.warc_file = query.Text(c++);
  e.warc_offset = query.Int(c++);
  e.validated_at_micros = query.Int(c++);
  return std::optional<HttpCacheRecord>(std::move(e));
}

}  // namespace citecheck::store
