// The subcommands of `citecheck`. Each takes the words after its name and returns the
// process exit code: 0 success, 1 the check found the draft below --min-integrity,
// 2 usage, input or internal errors (after a message naming what and where on `err`).
#ifndef CITECHECK_CLI_COMMANDS_H_
#define CITECHECK_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

namespace citecheck::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBelowMinimum = 1;
inline constexpr int kExitError = 2;

// citecheck check DRAFT [--replay WARC] [--format text|json] [--output FILE] ...
int RunCheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck claims DRAFT [--format text|json]
int RunClaimsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck config [--defaults] [--config FILE] [overrides]: prints the settings.
int RunConfigCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck fetch URL... | --from-draft DRAFT.md | --from-list FILE [--format text|json]
int RunFetchCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck verify-claims --input CASES.jsonl [--output OUT.jsonl]
int RunVerifyClaimsCommand(const std::vector<std::string>& args, std::ostream& out,
                           std::ostream& err);

// citecheck compare ORIGINAL.md REWRITE.md [--format text|json]
int RunCompareCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck serve [--listen ADDR:PORT] [--tokens FILE] [--data-dir DIR]: the HTTP API,
// until SIGINT or SIGTERM; citecheck serve --hash-token [TOKEN]: a tokens-file line.
int RunServeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck publish DRAFT.md [--url PUBLIC_URL]: check and record as published.
int RunPublishCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// citecheck audit [--articles DIR] [--urls FILE] [--shard I/N] [--format ...]: re-check
// published articles; exit 1 when a link or claim broke since the last run.
int RunAuditCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The top-level usage text.
std::string Usage();

}  // namespace citecheck::cli

#endif  // CITECHECK_CLI_COMMANDS_H_
