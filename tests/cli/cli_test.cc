// End-to-end tests of the citecheck binary: exit codes, messages, outputs, and that bad
// input leaves nothing behind.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/file.h"
#include "testutil/testutil.h"

extern char** environ;

namespace citecheck::cli {
namespace {

namespace json = boost::json;

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::filesystem::path BuildDir() {
  const char* dir = std::getenv("CITECHECK_BUILD_DIR");
  return dir ? std::filesystem::path(dir) : testutil::SourceRoot() / "build";
}

// Runs a built program with `args` in `cwd`, capturing its output through files.
RunResult RunProgram(const std::string& program, const std::vector<std::string>& args,
               const std::filesystem::path& cwd) {
  testutil::TempDir io;
  const std::string out_path = (io.path() / "out").string();
  const std::string err_path = (io.path() / "err").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  const std::string binary = (BuildDir() / program).string();
  std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  RunResult run;
  if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  run.out = testutil::ReadTestFile(out_path);
  run.err = testutil::ReadTestFile(err_path);
  return run;
}

RunResult Citecheck(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
  return RunProgram("citecheck", args, cwd);
}

std::string Absolute(const std::string& relative) {
  return (testutil::SourceRoot() / relative).string();
}

int Count(const json::array& claims, std::string_view verdict) {
  int n = 0;
  for (const json::value& c : claims) n += c.at("verdict").as_string() == verdict ? 1 : 0;
  return n;
}

// README command (a): the bundled example, replayed from its archive, shows every
// verdict, including a dead source.
TEST(Cli, ExampleShowsAllFourVerdictsOffline) {
  testutil::TempDir cwd;
  RunResult run = Citecheck({"check", Absolute("data/examples/velo-travail.md"), "--replay",
                       Absolute("data/examples/sources.warc.gz"), "--format", "json"},
                      cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value report = json::parse(run.out);
  const json::array& claims = report.at("claims").as_array();
  EXPECT_EQ(Count(claims, "supported"), 3) << run.out;
  EXPECT_EQ(Count(claims, "contradicted"), 1) << run.out;
  EXPECT_EQ(Count(claims, "not_found"), 1) << run.out;
  EXPECT_EQ(Count(claims, "unverifiable"), 1) << run.out;
  EXPECT_EQ(claims.at(0).at("mentions").as_array().size(), 3u);
  const json::array& sources = report.at("sources").as_array();
  ASSERT_EQ(sources.size(), 4u);
  EXPECT_EQ(sources.at(1).at("fetch").at("redirects").as_array().size(), 1u);
  EXPECT_EQ(sources.at(2).at("fetch").at("status").as_int64(), 404);
  EXPECT_EQ(sources.at(2).at("overrated").as_bool(), true);
  EXPECT_TRUE(std::filesystem::exists(cwd.path() / ".citecheck" / "citecheck.db"));
}

// The committed archive is exactly what the tool builds from the manifest and pages.
TEST(Cli, ExampleArchiveIsUpToDate) {
  testutil::TempDir dir;
  // Record ids derive from the file name, so the rebuild uses the same name.
  const std::string out = (dir.path() / "sources.warc.gz").string();
  RunResult run = RunProgram("make_example_warc", {Absolute("data/examples/archive.toml"), out},
                       dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(testutil::ReadTestFile(out),
            testutil::ReadTestFile(Absolute("data/examples/sources.warc.gz")))
      << "rebuild it: build/make_example_warc data/examples/archive.toml data/examples/sources.warc.gz";
}

TEST(Cli, MinIntegrityGatesTheExitCode) {
  testutil::TempDir cwd;
  std::vector<std::string> args = {"check", Absolute("data/examples/velo-travail.md"),
                                   "--replay", Absolute("data/examples/sources.warc.gz"),
                                   "--min-integrity", "0.9", "--quiet"};
  RunResult run = Citecheck(args, cwd.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("FAIL"), std::string::npos);
}

struct BadInput {
  const char* name;
  std::string content;      // written to draft.md; nullptr-like "" with write=false
  bool write;
  std::string message;      // expected on stderr
};

// Bad input: a clear message naming the file and line, exit 2, and no data directory
// (nothing half-written in the store).
TEST(Cli, BadInputIsRefusedCleanly) {
  const BadInput cases[] = {
      {"missing", "", false, "draft.md: No such file or directory"},
      {"empty", "", true, "draft.md:1: the draft is empty"},
      {"binary", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16), true,
       "draft.md:1: not a text file (binary content); expected Markdown"},
      {"no sources", "# Titre\n\nEn 2024, 13 % des PME.\n", true,
       "draft.md:4: no sources list: add a section such as \"## Sources\" listing the cited URLs"},
      {"malformed url", "# T\n\nTexte.\n\n## Sources\n\n1. **A**\n   - URL : https://exa mple.com/x\n",
       true, "draft.md:8: source 1: malformed URL \"https://exa mple.com/x\""},
  };
  for (const BadInput& c : cases) {
    testutil::TempDir cwd;
    if (c.write) ASSERT_OK(common::WriteFileAtomically(cwd.path() / "draft.md", c.content));
    RunResult run = Citecheck({"check", "draft.md"}, cwd.path());
    EXPECT_EQ(run.exit_code, 2) << c.name;
    EXPECT_EQ(run.err, "citecheck: " + c.message + "\n") << c.name;
    EXPECT_TRUE(run.out.empty()) << c.name;
    EXPECT_FALSE(std::filesystem::exists(cwd.path() / ".citecheck")) << c.name;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  testutil::TempDir cwd;
  EXPECT_EQ(Citecheck({}, cwd.path()).exit_code, 2);
  EXPECT_EQ(Citecheck({"frobnicate"}, cwd.path()).exit_code, 2);
  RunResult unknown = Citecheck({"check", "a.md", "--speed", "3"}, cwd.path());
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown option --speed"), std::string::npos);
  RunResult bad_setting = Citecheck({"check", "a.md", "--crawler.max_redirects=ten"}, cwd.path());
  EXPECT_EQ(bad_setting.exit_code, 2);
  EXPECT_NE(bad_setting.err.find("crawler.max_redirects"), std::string::npos);
  EXPECT_EQ(Citecheck({"check", "--help"}, cwd.path()).exit_code, 0);
}

TEST(Cli, ConfigDefaultsIsTheCommittedConfigToml) {
  testutil::TempDir cwd;
  RunResult run = Citecheck({"config", "--defaults"}, cwd.path());
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, testutil::ReadTestFile(Absolute("config.toml")));
}

TEST(Cli, ClaimsListsTheExampleClaims) {
  testutil::TempDir cwd;
  RunResult run = Citecheck({"claims", Absolute("data/examples/velo-travail.md"), "--format", "json"},
                      cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value v = json::parse(run.out);
  EXPECT_EQ(v.at("claims").as_array().size(), 6u) << run.out;
  EXPECT_EQ(v.at("sources").as_array().size(), 4u);
}

// The first seed, with its cited hosts unreachable: the 13 % / 2024 fact (one claim,
// three mentions), the four axes and the 2025 mission, all unverifiable with the
// per-source reason; the check itself completes. The hosts are pointed at a closed
// loopback port so that the test never leaves the machine.
TEST(Cli, FirstSeedWithUnreachableSources) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  testutil::TempDir cwd;
  RunResult run = Citecheck(
      {"check", (*shared / "seeds" / "000_fffab15786d37f22.txt").string(), "--format", "json",
       "--crawler.allow_private_addresses=true",
       "--crawler.resolve=www.paca.cci.fr:443:127.0.0.1,www.dihnamic.eu:443:127.0.0.1,"
       "dfm.fr:443:127.0.0.1"},
      cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value report = json::parse(run.out);
  const json::array& claims = report.at("claims").as_array();
  ASSERT_EQ(claims.size(), 3u) << run.out;
  EXPECT_EQ(claims.at(0).at("quantity").at("value").as_double(), 13);
  EXPECT_EQ(claims.at(0).at("mentions").as_array().size(), 3u);
  EXPECT_EQ(claims.at(0).at("qualifiers").at(0).at("value").as_double(), 2024);
  EXPECT_EQ(claims.at(1).at("quantity").at("value").as_double(), 2025);
  EXPECT_EQ(claims.at(2).at("quantity").at("value").as_double(), 4);
  for (const json::value& c : claims) {
    EXPECT_EQ(c.at("verdict").as_string(), "unverifiable");
    EXPECT_NE(std::string(c.at("reason").as_string()).find("connection failed"), std::string::npos)
        << c.at("reason");
  }
  for (const json::value& s : report.at("sources").as_array()) {
    EXPECT_EQ(s.at("fetch").at("outcome").as_string(), "connect_error");
  }
}

TEST(Cli, SecondSeedFindsThe87PercentClaim) {
  auto shared = testutil::SharedDir();
  if (!shared) GTEST_SKIP() << "../shared is absent";
  testutil::TempDir cwd;
  RunResult run = Citecheck({"claims", (*shared / "seeds" / "001_e691c1189ca58ec0.txt").string(),
                       "--format", "json"},
                      cwd.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  json::value v = json::parse(run.out);
  bool found = false;
  for (const json::value& c : v.at("claims").as_array()) {
    if (c.at("quantity").at("value").as_double() == 87) {
      found = true;
      EXPECT_TRUE(c.at("negated").as_bool());
    }
  }
  EXPECT_TRUE(found) << run.out;
}

}  // namespace
}  // namespace citecheck::cli
