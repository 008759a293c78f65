// The jobs of the HTTP API: a queue kept in SQLite, so that a stop loses nothing that
// was accepted.
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

constexpr Sql kCountQueued{"count queued jobs",
                           "SELECT COUNT(*) FROM jobs WHERE state = 'queued'"};

constexpr Sql kInsertJob{
    "insert job",
    "INSERT INTO jobs (kind, state, input_name, input, options_json, owner, "
    "created_at_micros, started_at_micros, finished_at_micros, attempts, error_code, "
    "error_message) VALUES (?, 'queued', ?, ?, ?, ?, ?, 0, 0, 0, '', '') RETURNING id"};

#define CC_JOB_COLUMNS                                                              \
  "id, kind, state, input_name, input, options_json, owner, created_at_micros, "    \
  "started_at_micros, finished_at_micros, attempts, error_code, error_message"

constexpr Sql kSelectJob{"select job", "SELECT " CC_JOB_COLUMNS " FROM jobs WHERE id = ?"};

// One statement picks and marks the job, so two Stores never start the same one (the
// write lock is held from BEGIN IMMEDIATE).
constexpr Sql kStartNext{
    "start next job",
    "UPDATE jobs SET state = 'running', started_at_micros = ?, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM jobs WHERE state = 'queued' ORDER BY id LIMIT 1) "
    "RETURNING " CC_JOB_COLUMNS};

constexpr Sql kFinishJob{
    "finish job",
    "UPDATE jobs SET state = ?, finished_at_micros = ?, error_code = ?, error_message = ? "
    "WHERE id = ? AND state = 'running' RETURNING id"};

constexpr Sql kInsertOutput{
    "insert job output",
    "INSERT OR REPLACE INTO job_outputs (job_id, format, content) VALUES (?, ?, ?)"};

constexpr Sql kSelectOutput{"select job output",
                            "SELECT content FROM job_outputs WHERE job_id = ? AND format = ?"};

constexpr Sql kRequeue{
    "requeue running jobs",
    "UPDATE jobs SET state = 'queued' WHERE state = 'running' AND attempts < ? "
    "RETURNING id"};

constexpr Sql kFailInterrupted{
    "fail interrupted jobs",
    "UPDATE jobs SET state = 'failed', finished_at_micros = ?, error_code = 'aborted', "
    "error_message = 'interrupted ' || attempts || ' times' WHERE state = 'running'"};

#undef CC_JOB_COLUMNS

// CountJobs picks one of these by state: the state never reaches SQL text.
constexpr Sql kCountByState[] = {
    {"queued", "SELECT COUNT(*) FROM jobs WHERE state = 'queued'"},
    {"running", "SELECT COUNT(*) FROM jobs WHERE state = 'running'"},
    {"done", "SELECT COUNT(*) FROM jobs WHERE state = 'done'"},
    {"failed", "SELECT COUNT(*) FROM jobs WHERE state = 'failed'"},
};

// Reads the columns of CC_JOB_COLUMNS.
JobRecord ReadJob(const Query& row) {
  JobRecord j;
  int c = 0;
  j.id = row.Int(c++);
  j.kind = row.Text(c++);
  j.state = row.Text(c++);
  j.input_name = row.Text(c++);
  j.input = row.Text(c++);
  j.options_json = row.Text(c++);
  j.owner = row.Text(c++);
  j.created_at_micros = row.Int(c++);
  j.started_at_micros = row.Int(c++);
  j.finished_at_micros = row.Int(c++);
  j.attempts = static_cast<int>(row.Int(c++));
  j.error_code = row.Text(c++);
  j.error_message = row.Text(c++);
  return j;
}

Result<int64_t> InsertJob(const Connection& db, const JobRecord& j) {
  Query query(db, kInsertJob);
  query.BindText(j.kind).BindText(j.input_name).BindText(j.input).BindText(j.options_json);
  query.BindText(j.owner).BindInt(j.created_at_micros);
  return query.SingleInt();
}

}  // namespace

Result<int64_t> Store::AddJob(const JobRecord& job, int64_t max_queued) {
  const Connection& db = impl_->db;
  if (job.kind != "check") {
    return Status::InvalidArgument(db.path() + ": add job: unknown kind \"" + job.kind + "\"");
  }
  int64_t id = 0;
  // Counting and inserting under one write lock keeps the bound exact across Stores.
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    Query count(db, kCountQueued);
    CC_ASSIGN_OR_RETURN(const int64_t queued, count.SingleInt());
    if (queued >= max_queued) {
      return Status::ResourceExhausted("the queue of checks is full (" +
                                       std::to_string(queued) + " waiting)");
    }
    CC_ASSIGN_OR_RETURN(id, InsertJob(db, job));
    return Status::Ok();
  }));
  return id;
}

Result<JobRecord> Store::GetJob(int64_t id) const {
  const Connection& db = impl_->db;
  Query query(db, kSelectJob);
  query.BindInt(id);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return Status::NotFound(db.path() + ": no job with id " + std::to_string(id));
  return ReadJob(query);
}

Result<std::optional<JobRecord>> Store::StartNextJob(int64_t now_micros) {
  const Connection& db = impl_->db;
  std::optional<JobRecord> job;
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    Query query(db, kStartNext);
    query.BindInt(now_micros);
    CC_ASSIGN_OR_RETURN(const bool row, query.Step());
    if (row) job = ReadJob(query);
    return Status::Ok();
  }));
  return job;
}

Status Store::FinishJob(int64_t id, std::string_view state, const Status& error,
                        const std::vector<JobOutput>& outputs, int64_t now_micros) {
  const Connection& db = impl_->db;
  if (state != "done" && state != "failed") {
    return Status::InvalidArgument(db.path() + ": finish job " + std::to_string(id) +
                                   ": invalid state \"" + std::string(state) + "\"");
  }
  const std::string code = error.ok() ? "" : std::string(common::StatusCodeName(error.code()));
  return RunInTransaction([&]() -> Status {
    Query update(db, kFinishJob);
    update.BindText(state).BindInt(now_micros).BindText(code).BindText(error.message());
    update.BindInt(id);
    CC_ASSIGN_OR_RETURN(const bool row, update.Step());
    if (!row) {
      return Status::FailedPrecondition(db.path() + ": finish job " + std::to_string(id) +
                                        ": no such running job");
    }
    CC_RETURN_IF_ERROR(update.Run());
    for (const JobOutput& o : outputs) {
      Query insert(db, kInsertOutput);
      insert.BindInt(id).BindText(o.format).BindText(o.content);
      CC_RETURN_IF_ERROR(insert.Run().WithContext("job " + std::to_string(id)));
    }
    return Status::Ok();
  });
}

Result<int64_t> Store::RequeueRunningJobs(int max_attempts, int64_t now_micros) {
  const Connection& db = impl_->db;
  int64_t requeued = 0;
  CC_RETURN_IF_ERROR(RunInTransaction([&]() -> Status {
    Query requeue(db, kRequeue);
    requeue.BindInt(max_attempts);
    while (true) {
      CC_ASSIGN_OR_RETURN(const bool row, requeue.Step());
      if (!row) break;
      ++requeued;
    }
    Query fail(db, kFailInterrupted);
    fail.BindInt(now_micros);
    return fail.Run();
  }));
  return requeued;
}

Result<int64_t> Store::CountJobs(std::string_view state) const {
  for (const Sql& count : kCountByState) {
    if (count.name != state) continue;
    Query query(impl_->db, count);
    return query.SingleInt();
  }
  return Status::InvalidArgument(impl_->db.path() + ": count jobs: unknown state \"" +
                                 std::string(state) + "\"");
}

Result<std::optional<std::string>> Store::GetJobOutput(int64_t id, std::string_view format) const {
  Query query(impl_->db, kSelectOutput);
  query.BindInt(id).BindText(format);
  CC_ASSIGN_OR_RETURN(const bool row, query.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(query.Text(0));
}

}  // namespace citecheck::store
