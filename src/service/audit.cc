// The nightly audit: fetch, class and record every cited URL as results arrive, then
// look up archived copies, then verify every claim again, then close the run.
#include <algorithm>
#include <boost/url.hpp>
#include <set>

#include "common/file.h"
#include "common/hash.h"
#include "crawler/memento.h"
#include "service/internal/audit_claims.h"
#include "service/internal/audit_classify.h"
#include "service/internal/audit_recorder.h"
#include "service/internal/records.h"
#include "service/service.h"

namespace citecheck::service {
namespace {

using common::Result;
using common::Status;
using internal::UrlKey;

using internal::DateMicros;

// The text hash the check recorded for `url`, or "".
Result<std::string> RecordedTextHash(const store::Store& store, const std::string& url) {
  CC_ASSIGN_OR_RETURN(const std::optional<store::FetchRecord> fetch, store.LatestFetch(url));
  if (!fetch) return std::string();
  CC_ASSIGN_OR_RETURN(const std::optional<store::DocumentRecord> doc,
                      store.DocumentForFetch(fetch->id));
  return doc ? doc->text_sha256 : std::string();
}

Result<AuditArticle> ArticleOf(const store::ArticleRecord& a) {
  AuditArticle article;
  article.key = a.key;
  CC_ASSIGN_OR_RETURN(article.draft, draft::ParseDraft(a.path, a.content));
  article.published_at_micros = a.published_at_micros;
  article.published_claims = a.claims;
  article.published_sources = a.sources;
  return article;
}

}  // namespace

std::string AuditShard::spec() const {
  return count == 1 ? "" : std::to_string(index) + "/" + std::to_string(count);
}

Result<AuditShard> ParseShard(std::string_view spec) {
  const size_t slash = spec.find('/');
  AuditShard shard;
  try {
    if (slash == std::string_view::npos) throw std::invalid_argument("no slash");
    size_t used = 0;
    shard.index = std::stoi(std::string(spec.substr(0, slash)), &used);
    if (used != slash) throw std::invalid_argument("junk");
    const std::string n(spec.substr(slash + 1));
    shard.count = std::stoi(n, &used);
    if (used != n.size()) throw std::invalid_argument("junk");
  } catch (const std::exception&) {
    return Status::InvalidArgument("--shard \"" + std::string(spec) + "\": expected I/N");
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    return Status::InvalidArgument("--shard \"" + std::string(spec) +
                                   "\": I must be between 1 and N");
  }
  return shard;
}

bool InShard(std::string_view url, const AuditShard& shard) {
  if (shard.count <= 1) return true;
  std::string key(url);
  if (auto parsed = boost::urls::parse_uri(url); parsed && parsed->has_authority()) {
    key = parsed->host();
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  return static_cast<int>(common::StableHash64(key) % static_cast<uint64_t>(shard.count)) ==
         shard.index - 1;
}

Result<store::ArticleRecord> ArticleRecordOf(const draft::Draft& draft,
                                             const report::CheckReport& report,
                                             std::string_view public_url, const store::Store& store,
                                             int64_t now_micros) {
  store::ArticleRecord a;
  a.path = draft.path;
  a.public_url = std::string(public_url);
  a.key = public_url.empty() ? draft.path : a.public_url;
  a.content = draft.content;
  a.published_at_micros = now_micros;
  const int64_t draft_date = DateMicros(draft.date).value_or(now_micros);
  for (const report::ClaimReport& c : report.claims) {
    store::ArticleClaimRecord r;
    r.claim_id = c.claim.id;
    r.sentence = c.claim.sentence;
    r.verdict = std::string(verify::VerdictName(c.verdict.kind));
    r.support = c.verdict.support;
    const int src = c.verdict.source;
    if (src >= 0 && src < static_cast<int>(draft.sources.size()))
      r.source_url = draft.sources[src].url;
    if (!c.verdict.evidence.empty()) {
      r.evidence_text = c.verdict.evidence.front().text;
      r.evidence_sha256 = common::Sha256Hex(r.evidence_text);
    }
    a.claims.push_back(std::move(r));
  }
  std::set<std::string> seen;
  for (const draft::SourceEntry& e : draft.sources) {
    if (e.url.empty() || !seen.insert(e.url).second) continue;
    CC_ASSIGN_OR_RETURN(std::string hash, RecordedTextHash(store, e.url));
    a.sources.push_back({e.url, std::move(hash), DateMicros(e.parsed_date).value_or(draft_date)});
  }
  return a;
}

Result<AuditInput> RegistryAuditInput(const store::Store& store) {
  AuditInput input;
  input.scope = "registry";
  CC_ASSIGN_OR_RETURN(const std::vector<store::ArticleRecord> articles, store.ListArticles());
  for (const store::ArticleRecord& a : articles) {
    auto article = ArticleOf(a);
    if (!article.ok()) return article.status().WithContext("published article " + a.key);
    input.articles.push_back(std::move(*article));
  }
  return input;
}

Result<AuditInput> ArticlesAuditInput(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::NotFound(dir.string() + ": no such directory");
  }
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".md") files.push_back(it->path());
  }
  if (ec) return Status::IoError(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  AuditInput input;
  input.scope = "articles:" + std::filesystem::absolute(dir).lexically_normal().string();
  for (const std::filesystem::path& f : files) {
    AuditArticle article;
    article.key = f.string();
    CC_ASSIGN_OR_RETURN(article.draft, draft::LoadDraft(f));
    input.articles.push_back(std::move(article));
  }
  return input;
}

bool IsBrokenAuditState(std::string_view state) { return state == "dead" || state == "soft404"; }

bool IsNewlyBroken(const store::AuditUrlRecord& u) {
  return IsBrokenAuditState(u.state) && !IsBrokenAuditState(u.previous_state);
}

bool IsNewlyBroken(const store::AuditClaimRecord& c) { return c.outcome == "support_lost"; }

bool HasNewlyBroken(const AuditReport& r) {
  const auto url = [](const store::AuditUrlRecord& u) { return IsNewlyBroken(u); };
  const auto claim = [](const store::AuditClaimRecord& c) { return IsNewlyBroken(c); };
  return std::any_of(r.urls.begin(), r.urls.end(), url) ||
         std::any_of(r.claims.begin(), r.claims.end(), claim);
}

}  // namespace citecheck::service
