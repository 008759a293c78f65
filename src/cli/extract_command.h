// `citecheck extract`: prints a page's main text, or its blocks and metadata as JSON,
// and runs the batch mode the extraction benchmark calls.
//
//   citecheck extract FILE|URL [--format text|json]
//   citecheck extract --batch LIST_FILE OUT_DIR
#ifndef CITECHECK_CLI_EXTRACT_COMMAND_H_
#define CITECHECK_CLI_EXTRACT_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

namespace citecheck::cli {

// `args` are the words after "extract". Returns the process exit code: 0 on success,
// 1 when some page failed in batch mode, 2 for usage or input errors (after printing a
// message naming the file to `err`).
int RunExtractCommand(const std::vector<std::string>& args, std::ostream& out,
                      std::ostream& err);

}  // namespace citecheck::cli

#endif  // CITECHECK_CLI_EXTRACT_COMMAND_H_
