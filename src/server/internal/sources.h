// Reading sources for the API and verifying single claims against them.
//
// SourceReader turns a URL (fetched with a CurlFetcher, archived under the data
// directory's warc/) or a sent text into a CachedSource; VerifyCachedClaim checks each
// fact of a claim against a cached source with a warm Verifier, and combines them as
// `citecheck verify-claims` does (service::ClaimCaseResult: the weakest fact decides).
//
// Thread-safety: SourceReader's methods may be called from any thread (each read uses
// its own fetcher and index); VerifyCachedClaim too.
#ifndef CITECHECK_SERVER_INTERNAL_SOURCES_H_
#define CITECHECK_SERVER_INTERNAL_SOURCES_H_

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"
#include "server/internal/source_cache.h"
#include "service/service.h"
#include "text/text.h"

namespace citecheck::server::internal {

class Metrics;

class SourceReader {
 public:
  // Every reference must outlive the reader.
  SourceReader(const common::Config& config, std::filesystem::path warc_dir,
               const common::Clock& clock, common::Logger& logger, Metrics& metrics);

  // Fetches, extracts and indexes `url` (normalized). A source that cannot be fetched
  // or read is a CachedSource with a failure, not an error; errors come from the index
  // and the archive.
  SourceCache::Loaded ReadUrl(const std::string& url) const;

  // Indexes sent `text` under `key` ("text:<hash>"), in `lang` (kUnknown: detected).
  SourceCache::Loaded ReadText(const std::string& key, std::string_view text,
                               text::Lang lang) const;

 private:
  const common::Config& config_;
  const std::filesystem::path warc_dir_;
  const common::Clock& clock_;
  common::Logger& logger_;
  Metrics& metrics_;
  mutable std::atomic<int64_t> reads_{0};  // numbers the archive files of this process
};

// A new archive file under `warc_dir` for one fetch or job of this process:
// service::NewWarcPath's name with "-<tag>" before ".warc.gz" ("-job12", "-source3"),
// since the server writes several per second.
std::filesystem::path ArchivePath(const std::filesystem::path& warc_dir, int64_t now_micros,
                                  std::string_view tag);

// The cache key of a sent text: "text:" and the SHA-256 of the language and the text.
std::string TextKey(std::string_view text, text::Lang lang);

// Verifies every fact of `claim` (draft::ClaimsOfText in `lang`; kUnknown: detected
// from the claim, else the source's language) against `source`. An unreadable source
// gives an unverifiable result. Errors: those of the index.
common::Result<service::ClaimCaseResult> VerifyCachedClaim(const CachedSource& source,
                                                           std::string_view claim,
                                                           text::Lang lang);

// GET /v1/sources: the fetch outcome, the document's metadata and text, the
// reliability with its reasons.
boost::json::object SourceJson(const SourceInfo& info, bool with_text);

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_SOURCES_H_
