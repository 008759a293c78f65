// Running helper programs from the report tests (python3 for schema validation, the
// citecheck binary), with their output captured and a time limit.
#ifndef CITECHECK_TESTS_REPORT_TESTING_PROCESS_H_
#define CITECHECK_TESTS_REPORT_TESTING_PROCESS_H_

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace citecheck::report::testing {

struct RunResult {
  int exit_code = -1;  // 128 + signal when killed; -1 when it could not start
  std::string out;
  std::string err;
};

// Runs `program` (looked up in PATH when it has no slash) with `args` in `cwd`. A
// program still running after `limit` is killed.
RunResult Run(const std::string& program, const std::vector<std::string>& args,
              const std::filesystem::path& cwd = std::filesystem::current_path(),
              std::chrono::seconds limit = std::chrono::seconds(120));

// The build directory (ctest sets CITECHECK_BUILD_DIR), where the citecheck binary is.
std::filesystem::path BuildDir();

// True when `program` can be found in PATH.
bool HaveProgram(const std::string& program);

// Validates the JSON file `instance` against the JSON Schema file `schema` with
// python3-jsonschema (the validator class the schema's "$schema" names). Returns ""
// when valid, else the errors, one per line, each with its JSON path.
std::string SchemaErrors(const std::filesystem::path& schema,
                         const std::filesystem::path& instance);

// Parses `file` as XML with python3's xml.etree. Returns "" when well-formed, else
// the parser's message.
std::string XmlErrors(const std::filesystem::path& file);

}  // namespace citecheck::report::testing

#endif  // CITECHECK_TESTS_REPORT_TESTING_PROCESS_H_
