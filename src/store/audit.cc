// Store methods of the nightly audit: the registry of published articles, audit runs,
// and their per-URL and per-claim results.
#include <string>
#include <utility>

#include "store/internal/sqlite.h"
#include "store/internal/store_impl.h"
#include "store/store.h"

namespace citecheck::store {
namespace {

using common::Result;
using common::Status;
using internal::Connection;
using internal::Query;
using internal::Sql;

// An article published again keeps its id: its key is what readers link to.
constexpr Sql kUpsertArticle{
    "upsert article",
    "INSERT INTO articles (key, path, public_url, content, published_at_micros, check_id) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET path = excluded.path, "
    "public_url = excluded.public_url, content = excluded.content, "
    "published_at_micros = excluded.published_at_micros, check_id = excluded.check_id "
    "RETURNING id"};
constexpr Sql kDeleteArticleClaims{"delete article claims",
                                   "DELETE FROM article_claims WHERE article_id = ?"};
constexpr Sql kDeleteArticleSources{"delete article sources",
                                    "DELETE FROM article_sources WHERE article_id = ?"};
constexpr Sql kInsertArticleClaim{
    "insert article claim",
    "INSERT INTO article_claims (article_id, ordinal, claim_id, sentence, verdict, support, "
    "source_url, evidence_text, evidence_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"};
constexpr Sql kInsertArticleSource{
    "insert article source",
    "INSERT INTO article_sources (article_id, ordinal, url, content_sha256, cited_at_micros) "
    "VALUES (?, ?, ?, ?, ?)"};
constexpr Sql kSelectArticles{
    "select articles",
    "SELECT id, key, path, public_url, content, published_at_micros, check_id FROM articles "
    "ORDER BY id"};
constexpr Sql kSelectArticleClaims{
    "select article claims",
    "SELECT claim_id, sentence, verdict, support, source_url, evidence_text, evidence_sha256 "
    "FROM article_claims WHERE article_id = ? ORDER BY ordinal"};
constexpr Sql kSelectArticleSources{
    "select article sources",
    "SELECT url, content_sha256, cited_at_micros FROM article_sources WHERE article_id = ? "
    "ORDER BY ordinal"};

#define CC_RUN_COLUMNS "id, scope, shard, state, started_at_micros, finished_at_micros"
constexpr Sql kRunningRun{"find running audit run",
                          "SELECT " CC_RUN_COLUMNS
                          " FROM audit_runs WHERE scope = ? AND "
                          "shard = ? AND state = 'running' ORDER BY id DESC LIMIT 1"};
constexpr Sql kInsertRun{"insert audit run",
                         "INSERT INTO audit_runs (scope, shard, state, started_at_micros, "
                         "finished_at_micros) VALUES (?, ?, 'running', ?, 0) "
                         "RETURNING " CC_RUN_COLUMNS};
constexpr Sql kFinishRun{"finish audit run",
                         "UPDATE audit_runs SET state = 'done', finished_at_micros = ? "
                         "WHERE id = ? RETURNING id"};
constexpr Sql kPreviousRun{"find previous audit run",
                           "SELECT " CC_RUN_COLUMNS
                           " FROM audit_runs WHERE scope = ? AND "
                           "shard = ? AND state = 'done' AND id < ? ORDER BY id DESC LIMIT 1"};
constexpr Sql kSelectRun{"select audit run",
                         "SELECT " CC_RUN_COLUMNS " FROM audit_runs WHERE id = ?"};
#undef CC_RUN_COLUMNS

#define CC_URL_COLUMNS                                                                \
  "run_id, url, state, previous_state, link_class, status, final_url, proposed_url, " \
  "detail, content_sha256, changed, failures, last_failure_micros, archived_url, "    \
  "archived_at_micros, checked_at_micros"
// ON CONFLICT DO NOTHING: a result already recorded for (run, url) stays as it was.
constexpr Sql kInsertUrl{"insert audit url",
                         "INSERT INTO audit_urls (" CC_URL_COLUMNS
                         ") VALUES (?, ?, ?, ?, ?, "
                         "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1"};
constexpr Sql kSelectUrls{
    "select audit urls", "SELECT " CC_URL_COLUMNS " FROM audit_urls WHERE run_id = ? ORDER BY url"};
constexpr Sql kLatestUrl{"select latest audit url", "SELECT " CC_URL_COLUMNS
                                                    " FROM audit_urls WHERE url = ? AND "
                                                    "run_id < ? ORDER BY run_id DESC LIMIT 1"};
constexpr Sql kSetArchive{"set audit archive",
                          "UPDATE audit_urls SET archived_url = ?, archived_at_micros = ? "
                          "WHERE run_id = ? AND url = ? RETURNING 1"};
#undef CC_URL_COLUMNS

#define CC_CLAIM_COLUMNS                                                             \
  "run_id, article_key, claim_id, sentence, source_url, verdict, previous_verdict, " \
  "support, outcome, evidence_text, evidence_sha256, old_evidence_text"
constexpr Sql kInsertClaim{"insert audit claim",
                           "INSERT INTO audit_claims (" CC_CLAIM_COLUMNS
                           ") VALUES (?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1"};
constexpr Sql kSelectClaims{"select audit claims", "SELECT " CC_CLAIM_COLUMNS
                                                   " FROM audit_claims WHERE run_id = ? "
                                                   "ORDER BY article_key, claim_id"};
constexpr Sql kLatestClaim{"select latest audit claim",
                           "SELECT " CC_CLAIM_COLUMNS
                           " FROM audit_claims WHERE "
                           "article_key = ? AND claim_id = ? AND run_id < ? "
                           "ORDER BY run_id DESC LIMIT 1"};
#undef CC_CLAIM_COLUMNS

bool KnownVerdict(std::string_view v) {
  return v == "supported" || v == "contradicted" || v == "not_found" || v == "unverifiable";
}

Status InsertArticleParts(const Connection& db, int64_t id, const ArticleRecord& a) {
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const ArticleClaimRecord& c = a.claims[i];
    Query q(db, kInsertArticleClaim);
    q.BindInt(id).BindInt(static_cast<int64_t>(i)).BindText(c.claim_id).BindText(c.sentence);
    q.BindText(c.verdict).BindReal(c.support).BindText(c.source_url).BindText(c.evidence_text);
    q.BindText(c.evidence_sha256);
    CC_RETURN_IF_ERROR(q.Run().WithContext("claim " + c.claim_id + " of " + a.key));
  }
  for (size_t i = 0; i < a.sources.size(); ++i) {
    const ArticleSourceRecord& s = a.sources[i];
    Query q(db, kInsertArticleSource);
    q.BindInt(id).BindInt(static_cast<int64_t>(i)).BindText(s.url).BindText(s.content_sha256);
    q.BindInt(s.cited_at_micros);
    CC_RETURN_IF_ERROR(q.Run().WithContext("source " + s.url + " of " + a.key));
  }
  return Status::Ok();
}

Status ReadArticleParts(const Connection& db, ArticleRecord& a) {
  Query claims(db, kSelectArticleClaims);
  claims.BindInt(a.id);
  while (true) {
    CC_ASSIGN_OR_RETURN(const bool row, claims.Step());
    if (!row) break;
    a.claims.push_back({claims.Text(0), claims.Text(1), claims.Text(2), claims.Real(3),
                        claims.Text(4), claims.Text(5), claims.Text(6)});
  }
  Query sources(db, kSelectArticleSources);
  sources.BindInt(a.id);
  while (true) {
    CC_ASSIGN_OR_RETURN(const bool row, sources.Step());
    if (!row) break;
    a.sources.push_back({sources.Text(0), sources.Text(1), sources.Int(2)});
  }
  return Status::Ok();
}

AuditRunRecord ReadRun(const Query& row) {
  return {row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Int(4), row.Int(5)};
}

AuditUrlRecord ReadUrl(const Query& row) {
  AuditUrlRecord u;
  int c = 0;
  u.run_id = row.Int(c++);
  u.url = row.Text(c++);
  u.state = row.Text(c++);
  u.previous_state = row.Text(c++);
  u.link_class = row.Text(c++);
  u.status = static_cast<int>(row.Int(c++));
  u.final_url = row.Text(c++);
  u.proposed_url = row.Text(c++);
  u.detail = row.Text(c++);
  u.content_sha256 = row.Text(c++);
  u.changed = static_cast<int>(row.Int(c++));
  u.failures = static_cast<int>(row.Int(c++));
  u.last_failure_micros = row.Int(c++);
  u.archived_url = row.Text(c++);
  u.archived_at_micros = row.Int(c++);
  u.checked_at_micros = row.Int(c++);
  return u;
}

AuditClaimRecord ReadClaim(const Query& row) {
  AuditClaimRecord a;
  int c = 0;
  a.run_id = row.Int(c++);
  a.article_key = row.Text(c++);
  a.claim_id = row.Text(c++);
  a.sentence = row.Text(c++);
  a.source_url = row.Text(c++);
  a.verdict = row.Text(c++);
  a.previous_verdict = row.Text(c++);
  a.support = row.Real(c++);
  a.outcome = row.Text(c++);
  a.evidence_text = row.Text(c++);
  a.evidence_sha256 = row.Text(c++);
  a.old_evidence_text = row.Text(c++);
  return a;
}

// Runs `query` to its end and collects every row through `read`.
template <typename T, typename Reader>
Result<std::vector<T>> ReadAll(Query& query, Reader read) {
  std::vector<T> out;
  while (true) {
    CC_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (!row) return out;
    out.push_back(read(query));
  }
}

// The first row through `read`, or nullopt.
template <typename T, typename Reader>
Result<std::optional<T>> ReadFirst(Query& query, Reader read) {
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<T>();
  return std::optional<T>(read(query));
}

}  // namespace

Result<int64_t> Store::PublishArticle(const ArticleRecord& a) {
  const Connection& db = impl_->db;
  if (a.key.empty()) return Status::InvalidArgument(db.path() + ": article without a key");
  for (const ArticleClaimRecord& c : a.claims) {
    if (!KnownVerdict(c.verdict)) {
      return Status::InvalidArgument(db.path() + ": article " + a.key + ": claim " + c.claim_id +
                                     " has unknown verdict \"" + c.verdict + "\"");
    }
  }
  int64_t id = 0;
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    Query upsert(db, kUpsertArticle);
    upsert.BindText(a.key).BindText(a.path).BindText(a.public_url).BindText(a.content);
    upsert.BindInt(a.published_at_micros).BindInt(a.check_id);
    CC_ASSIGN_OR_RETURN(id, upsert.SingleInt());
    for (const Sql& sql : {kDeleteArticleClaims, kDeleteArticleSources}) {
      Query del(db, sql);
      del.BindInt(id);
      CC_RETURN_IF_ERROR(del.Run());
    }
    return InsertArticleParts(db, id, a);
  }));
  return id;
}

Result<std::vector<ArticleRecord>> Store::ListArticles() const {
  const Connection& db = impl_->db;
  Query query(db, kSelectArticles);
  CC_ASSIGN_OR_RETURN(std::vector<ArticleRecord> articles,
                      (ReadAll<ArticleRecord>(query, [](const Query& r) {
                        ArticleRecord a;
                        a.id = r.Int(0);
                        a.key = r.Text(1);
                        a.path = r.Text(2);
                        a.public_url = r.Text(3);
                        a.content = r.Text(4);
                        a.published_at_micros = r.Int(5);
                        a.check_id = r.Int(6);
                        return a;
                      })));
  for (ArticleRecord& a : articles) CC_RETURN_IF_ERROR(ReadArticleParts(db, a));
  return articles;
}

Result<AuditRunRecord> Store::StartOrResumeAuditRun(std::string_view scope, std::string_view shard,
                                                    int64_t now_micros) {
  const Connection& db = impl_->db;
  AuditRunRecord run;
  // Looking and inserting under one write lock: two processes never start the same run.
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    Query running(db, kRunningRun);
    running.BindText(scope).BindText(shard);
    CC_ASSIGN_OR_RETURN(std::optional<AuditRunRecord> found,
                        ReadFirst<AuditRunRecord>(running, ReadRun));
    if (found) {
      run = std::move(*found);
      return Status::Ok();
    }
    Query insert(db, kInsertRun);
    insert.BindText(scope).BindText(shard).BindInt(now_micros);
    CC_ASSIGN_OR_RETURN(found, ReadFirst<AuditRunRecord>(insert, ReadRun));
    if (!found) return Status::Internal(db.path() + ": insert audit run gave no row");
    run = std::move(*found);
    return Status::Ok();
  }));
  return run;
}

Status Store::FinishAuditRun(int64_t id, int64_t now_micros) {
  Query query(impl_->db, kFinishRun);
  query.BindInt(now_micros).BindInt(id);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return Status::NotFound(impl_->db.path() + ": no audit run " + std::to_string(id));
  return query.Run();
}

Result<AuditRunRecord> Store::GetAuditRun(int64_t id) const {
  Query query(impl_->db, kSelectRun);
  query.BindInt(id);
  CC_ASSIGN_OR_RETURN(std::optional<AuditRunRecord> run, ReadFirst<AuditRunRecord>(query, ReadRun));
  if (!run) return Status::NotFound(impl_->db.path() + ": no audit run " + std::to_string(id));
  return std::move(*run);
}

Result<std::optional<AuditRunRecord>> Store::PreviousAuditRun(std::string_view scope,
                                                              std::string_view shard,
                                                              int64_t before_id) const {
  Query query(impl_->db, kPreviousRun);
  query.BindText(scope).BindText(shard).BindInt(before_id);
  return ReadFirst<AuditRunRecord>(query, ReadRun);
}

Result<bool> Store::AddAuditUrl(const AuditUrlRecord& u) {
  Query q(impl_->db, kInsertUrl);
  q.BindInt(u.run_id).BindText(u.url).BindText(u.state).BindText(u.previous_state);
  q.BindText(u.link_class).BindInt(u.status).BindText(u.final_url).BindText(u.proposed_url);
  q.BindText(u.detail).BindText(u.content_sha256).BindInt(u.changed).BindInt(u.failures);
  q.BindInt(u.last_failure_micros).BindText(u.archived_url).BindInt(u.archived_at_micros);
  q.BindInt(u.checked_at_micros);
  auto row = q.Step();
  if (!row.ok()) return row.status().WithContext("audit result of " + u.url);
  if (*row) CC_RETURN_IF_ERROR(q.Run());
  return *row;
}

Status Store::SetAuditArchive(int64_t run_id, std::string_view url, std::string_view archived_url,
                              int64_t archived_at_micros) {
  Query query(impl_->db, kSetArchive);
  query.BindText(archived_url).BindInt(archived_at_micros).BindInt(run_id).BindText(url);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) {
    return Status::NotFound(impl_->db.path() + ": no audit result for " + std::string(url) +
                            " in run " + std::to_string(run_id));
  }
  return query.Run();
}

Result<std::vector<AuditUrlRecord>> Store::AuditUrls(int64_t run_id) const {
  Query query(impl_->db, kSelectUrls);
  query.BindInt(run_id);
  return ReadAll<AuditUrlRecord>(query, ReadUrl);
}

Result<std::optional<AuditUrlRecord>> Store::LatestAuditUrl(std::string_view url,
                                                            int64_t before_run_id) const {
  Query query(impl_->db, kLatestUrl);
  query.BindText(url).BindInt(before_run_id);
  return ReadFirst<AuditUrlRecord>(query, ReadUrl);
}

Result<bool> Store::AddAuditClaim(const AuditClaimRecord& a) {
  Query q(impl_->db, kInsertClaim);
  q.BindInt(a.run_id).BindText(a.article_key).BindText(a.claim_id).BindText(a.sentence);
  q.BindText(a.source_url).BindText(a.verdict).BindText(a.previous_verdict);
  q.BindReal(a.support).BindText(a.outcome).BindText(a.evidence_text);
  q.BindText(a.evidence_sha256).BindText(a.old_evidence_text);
  auto row = q.Step();
  if (!row.ok())
    return row.status().WithContext("audit result of " + a.article_key + " " + a.claim_id);
  if (*row) CC_RETURN_IF_ERROR(q.Run());
  return *row;
}

Result<std::vector<AuditClaimRecord>> Store::AuditClaims(int64_t run_id) const {
  Query query(impl_->db, kSelectClaims);
  query.BindInt(run_id);
  return ReadAll<AuditClaimRecord>(query, ReadClaim);
}

Result<std::optional<AuditClaimRecord>> Store::LatestAuditClaim(std::string_view article_key,
                                                                std::string_view claim_id,
                                                                int64_t before_run_id) const {
  Query query(impl_->db, kLatestClaim);
  query.BindText(article_key).BindText(claim_id).BindInt(before_run_id);
  return ReadFirst<AuditClaimRecord>(query, ReadClaim);
}

}  // namespace citecheck::store
