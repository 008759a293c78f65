// `citecheck serve` as a process: it prints its port, serves, and on SIGTERM lets the
// running check finish before it exits 0.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/file.h"
#include "server/harness.h"
#include "store/store.h"
#include "testutil/testutil.h"

extern char** environ;

namespace citecheck::server::testing {
namespace {

std::filesystem::path Binary() {
  const char* dir = std::getenv("CITECHECK_BUILD_DIR");
  return (dir ? std::filesystem::path(dir) : testutil::SourceRoot() / "build") / "citecheck";
}

// A child process with its output in files; killed if the test ends first.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::filesystem::path& io) : out_(io / "out") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, (io / "err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const std::string binary = Binary().string();
    std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = 0;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  // The number after "listening on port ", once printed (0 after ~30 s without).
  int AwaitPort() const {
    const std::regex line("listening on port ([0-9]+)");
    for (int i = 0; i < 300 && pid_ > 0; ++i) {
      auto text = common::ReadFile(out_);
      std::smatch m;
      if (text.ok() && std::regex_search(*text, m, line)) return std::stoi(m[1]);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return 0;
  }
  void Signal(int sig) const { kill(pid_, sig); }
  int Wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  std::filesystem::path out_;
  pid_t pid_ = 0;
};

// SIGTERM during a check: the process waits for it to finish, records it, and exits 0.
TEST_F(ServerTest, ServeExitsCleanlyOnSigtermAfterTheRunningCheck) {
  testutil::TempDir io;
  Child serve({"serve", "--listen", "127.0.0.1:0", "--data-dir", DataDir(), "--quiet",
               "--set", "crawler.allow_private_addresses=true"},
              io.path());
  const int serve_port = serve.AwaitPort();
  ASSERT_GT(serve_port, 0) << testutil::ReadTestFile(io.path() / "err");
  EXPECT_EQ(Request(serve_port, "GET", "/healthz").status, 200);
  Response accepted = Request(serve_port, "POST", "/v1/checks?wait_ms=0", DraftCiting(site_, "/slow"));
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  // The check is under way once the test site sees the held request.
  for (int i = 0; i < 300 && site_.RequestCount("/slow") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(site_.RequestCount("/slow"), 1);

  serve.Signal(SIGTERM);
  gate_.Open();
  EXPECT_EQ(serve.Wait(), 0) << testutil::ReadTestFile(io.path() / "err");
  auto store = store::Store::Open(std::filesystem::path(DataDir()) / "citecheck.db");
  ASSERT_OK(store);
  EXPECT_EQ((*store)->GetJob(1)->state, "done");
}

// --hash-token prints the tokens-file line: the SHA-256 of the token and a name slot.
TEST(ServeCommand, HashTokenPrintsTheFileLine) {
  testutil::TempDir io;
  Child hash({"serve", "--hash-token", "abc"}, io.path());
  EXPECT_EQ(hash.Wait(), 0);
  EXPECT_EQ(testutil::ReadTestFile(io.path() / "out"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad NAME\n");
}

}  // namespace
}  // namespace citecheck::server::testing
