#include "testing/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "testutil/testutil.h"

extern char** environ;

namespace citecheck::report::testing {
namespace {

constexpr char kSchemaScript[] = R"py(
import json, sys
from jsonschema import validators
schema = json.load(open(sys.argv[1], encoding="utf-8"))
instance = json.load(open(sys.argv[2], encoding="utf-8"))
cls = validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(map(str, e.absolute_path)))
for e in errors[:30]:
    print("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:300])
sys.exit(1 if errors else 0)
)py";

constexpr char kXmlScript[] = R"py(
import sys, xml.etree.ElementTree as ET
try:
    ET.parse(sys.argv[1])
except ET.ParseError as e:
    print(e)
    sys.exit(1)
)py";

int WaitWithLimit(pid_t pid, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

RunResult Run(const std::string& program, const std::vector<std::string>& args,
              const std::filesystem::path& cwd, std::chrono::seconds limit) {
  testutil::TempDir io;
  const std::string out_path = (io.path() / "out").string();
  const std::string err_path = (io.path() / "err").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  std::vector<char*> argv = {const_cast<char*>(program.c_str())};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  RunResult run;
  if (::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
    run.exit_code = WaitWithLimit(pid, limit);
  }
  posix_spawn_file_actions_destroy(&actions);
  run.out = testutil::ReadTestFile(out_path);
  run.err = testutil::ReadTestFile(err_path);
  return run;
}

std::filesystem::path BuildDir() {
  const char* dir = std::getenv("CITECHECK_BUILD_DIR");
  return dir ? std::filesystem::path(dir) : testutil::SourceRoot() / "build";
}

bool HaveProgram(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/bin:/bin";
  while (!rest.empty()) {
    const size_t colon = rest.find(':');
    const std::filesystem::path dir(rest.substr(0, colon));
    if (::access((dir / program).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return false;
}

std::string SchemaErrors(const std::filesystem::path& schema,
                         const std::filesystem::path& instance) {
  RunResult run = Run("python3", {"-c", kSchemaScript, schema.string(), instance.string()});
  if (run.exit_code == 0) return "";
  return run.out + run.err + (run.out.empty() && run.err.empty() ? "python3 failed" : "");
}

std::string XmlErrors(const std::filesystem::path& file) {
  RunResult run = Run("python3", {"-c", kXmlScript, file.string()});
  if (run.exit_code == 0) return "";
  return run.out + run.err + (run.out.empty() && run.err.empty() ? "python3 failed" : "");
}

}  // namespace citecheck::report::testing
