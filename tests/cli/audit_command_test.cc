// Tests for `citecheck audit` and `citecheck publish` (audit_command.cc,
// publish_command.cc): exit status by what is newly broken, the registry flow, and
// crash safety -- the built program killed with SIGKILL at several points of a run,
// then run again, loses and duplicates nothing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "common/file.h"
#include "store/store.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

extern char** environ;

namespace citecheck::cli {
namespace {

namespace json = boost::json;

constexpr int kPages = 40;

std::filesystem::path BuildDir() {
  const char* dir = std::getenv("CITECHECK_BUILD_DIR");
  return dir ? std::filesystem::path(dir) : testutil::SourceRoot() / "build";
}

class AuditCommandTest : public ::testing::Test {
 protected:
  AuditCommandTest() {
    // Pages answer after a short delay, so that a run is still going when it is killed.
    for (int i = 0; i < kPages; ++i) {
      const std::string target = "/p" + std::to_string(i);
      const bool dead = i % 4 == 0;
      server_.Route(target, [this, dead](const testutil::HttpRequest&) {
        ++requests_;
        testutil::HttpResponse r;
        r.status = dead ? 404 : 200;
        r.body = dead ? "<h1>Not here</h1>" : "<html><body><p>Stable text.</p></body></html>";
        r.delay_ms = 20;
        return r;
      });
    }
  }

  std::string ListFile() {
    std::string text;
    for (int i = 0; i < kPages; ++i) text += server_.Url("/p" + std::to_string(i)) + "\n";
    const auto path = dir_.path() / "urls.txt";
    EXPECT_OK(common::WriteFileAtomically(path, text));
    return path.string();
  }

  std::vector<std::string> Args(const std::string& list) const {
    return {"audit",
            "--urls",
            list,
            "--data-dir",
            (dir_.path() / "data").string(),
            "--format",
            "json=" + (dir_.path() / "out.json").string(),
            "--quiet",
            "--crawler.allow_private_addresses=true",
            "--crawler.per_host_delay_ms=0",
            "--crawler.max_per_host=1",
            "--crawler.robots=false",
            "--audit.memento_timemap=",
            "--audit.confirm_failures=1"};
  }

  // Starts the built program; returns its pid (0 on failure).
  static pid_t Spawn(const std::vector<std::string>& args) {
    const std::string binary = (BuildDir() / "citecheck").string();
    std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    if (posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0) pid = 0;
    posix_spawn_file_actions_destroy(&actions);
    return pid;
  }

  static int Wait(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // Runs the program and kills it with SIGKILL once the site has answered `after`
  // more requests (or when it ends by itself first).
  void KillAfter(const std::vector<std::string>& args, int after) {
    const int start = requests_.load();
    const pid_t pid = Spawn(args);
    ASSERT_NE(pid, 0);
    int status = 0;
    while (requests_.load() < start + after && waitpid(pid, &status, WNOHANG) == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ::kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }

  testutil::TempDir dir_;
  testutil::HttpServer server_;
  std::atomic<int> requests_{0};
};

// Killed with SIGKILL at several points (early, midway, late), then run to the end:
// the resumed run is the first one (no second run started), every URL has exactly one
// result with its right state, and the report lists them all once.
TEST_F(AuditCommandTest, SigkillAtAnyPointLosesAndDuplicatesNothing) {
  const std::string list = ListFile();
  const std::vector<std::string> args = Args(list);
  // Each process fetches only what is left, so the points are counted from its start.
  for (int after : {2, 10, 10}) KillAfter(args, after);
  EXPECT_EQ(Wait(Spawn(args)), 1);  // the dead links are new: exit 1

  auto store = store::Store::Open(dir_.path() / "data" / "citecheck.db");
  ASSERT_OK(store);
  const std::string scope = "urls:" + std::filesystem::absolute(list).lexically_normal().string();
  auto run = (*store)->PreviousAuditRun(scope, "", std::numeric_limits<int64_t>::max());
  ASSERT_OK(run);
  ASSERT_TRUE(run->has_value());
  EXPECT_EQ((*run)->id, 1);  // resumed each time, never restarted
  auto urls = (*store)->AuditUrls((*run)->id);
  ASSERT_OK(urls);
  ASSERT_EQ(urls->size(), static_cast<size_t>(kPages));
  for (int i = 0; i < kPages; ++i) {
    const std::string url = server_.Url("/p" + std::to_string(i));
    const auto it = std::find_if(urls->begin(), urls->end(),
                                 [&](const store::AuditUrlRecord& u) { return u.url == url; });
    ASSERT_NE(it, urls->end()) << url;
    EXPECT_EQ(it->state, i % 4 == 0 ? "dead" : "ok") << url;
  }
  auto out = common::ReadFile(dir_.path() / "out.json");
  ASSERT_OK(out);
  EXPECT_EQ(json::parse(*out).at("results").as_array().size(), static_cast<size_t>(kPages));
}

// Exit 1 when something broke since the last run, 0 when nothing new did: the same
// dead links a second time are not news.
TEST_F(AuditCommandTest, ExitStatusSaysWhetherSomethingNewBroke) {
  const std::vector<std::string> args = Args(ListFile());
  std::ostringstream out, err;
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  EXPECT_EQ(RunAuditCommand(rest, out, err), kExitBelowMinimum) << err.str();
  EXPECT_EQ(RunAuditCommand(rest, out, err), kExitOk) << err.str();
  const json::value report = json::parse(*common::ReadFile(dir_.path() / "out.json"));
  EXPECT_EQ(report.at("previous_run"), json::value(1));
  EXPECT_EQ(report.at("new_broken"), json::value(false));
}

// publish records a checked draft in the registry; audit (no --articles) re-checks
// it and reports its claims; bad flags are usage errors.
TEST_F(AuditCommandTest, PublishThenAuditRegistry) {
  const std::string md =
      "---\ntitle: Test\ndate: \"2025-03-10\"\n---\n\n# Test\n\n"
      "En 2024, 17 % des salariés prenaient le train (Source : Bilan).\n\n## Sources\n\n"
      "1. **Bilan** - Rapport\n   - URL : " +
      server_.Url("/bilan") + "\n";
  server_.Route("/bilan", {.status = 200,
                           .headers = {},
                           .body = "<html lang=\"fr\"><body><p>En 2024, 17 % des salariés "
                                   "prenaient le train.</p></body></html>"});
  const auto draft = dir_.path() / "article.md";
  ASSERT_OK(common::WriteFileAtomically(draft, md));
  const std::string data = (dir_.path() / "data").string();
  const std::vector<std::string> common_flags = {"--data-dir", data,
                                                 "--crawler.allow_private_addresses=true",
                                                 "--crawler.per_host_delay_ms=0", "--quiet"};
  std::vector<std::string> publish = {draft.string(), "--url", "https://news.test/article"};
  publish.insert(publish.end(), common_flags.begin(), common_flags.end());
  std::ostringstream out, err;
  ASSERT_EQ(RunPublishCommand(publish, out, err), kExitOk) << err.str();
  EXPECT_EQ(out.str(), "published " + draft.string() + " as article 1\n");

  std::vector<std::string> audit = {"--format", "json", "--audit.memento_timemap="};
  audit.insert(audit.end(), common_flags.begin(), common_flags.end());
  std::ostringstream audit_out;
  ASSERT_EQ(RunAuditCommand(audit, audit_out, err), kExitOk) << err.str() << audit_out.str();
  const json::value report = json::parse(audit_out.str());
  const json::array& claims = report.at("claims").as_array();
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].at("article"), json::value("https://news.test/article"));
  EXPECT_EQ(claims[0].at("outcome"), json::value("still_supported"));
  EXPECT_EQ(report.at("results").as_array()[0].at("changed"), json::value(false));

  std::ostringstream bad;
  EXPECT_EQ(RunAuditCommand({"--shard", "3/2"}, out, bad), kExitError);
  EXPECT_NE(bad.str().find("--shard \"3/2\""), std::string::npos) << bad.str();
  EXPECT_EQ(RunAuditCommand({"--format", "pdf"}, out, bad), kExitError);
}

}  // namespace
}  // namespace citecheck::cli
