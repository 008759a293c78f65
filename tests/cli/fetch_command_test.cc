// Tests for `citecheck fetch` (fetch_command.cc), run in process against a loopback
// server: the link-audit JSON (url, status, final_url, class...), the store records
// that make the next run conditional, and indexing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <map>
#include <sstream>

#include "cli/commands.h"
#include "common/file.h"
#include "store/store.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::cli {
namespace {

namespace json = boost::json;

testutil::HttpResponse Page(std::string body, int status = 200,
                            std::vector<std::pair<std::string, std::string>> headers = {}) {
  testutil::HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

// Makes file descriptor 2 a pseudo-terminal while it lives, as when a person runs the
// command (the command decides on a progress line by isatty(2)).
class StderrOnTerminal {
 public:
  StderrOnTerminal() {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master_ < 0 || ::grantpt(master_) != 0 || ::unlockpt(master_) != 0) return;
    const int terminal = ::open(::ptsname(master_), O_RDWR | O_NOCTTY);
    if (terminal < 0) return;
    saved_ = ::dup(2);
    ::dup2(terminal, 2);
    ::close(terminal);
  }
  ~StderrOnTerminal() {
    if (saved_ >= 0) {
      ::dup2(saved_, 2);
      ::close(saved_);
    }
    if (master_ >= 0) ::close(master_);
  }
  bool ok() const { return saved_ >= 0 && ::isatty(2) == 1; }

 private:
  int master_ = -1;
  int saved_ = -1;
};

class FetchCommandTest : public ::testing::Test {
 protected:
  FetchCommandTest() {
    server_.Route("/robots.txt", Page("User-agent: *\nDisallow: /private/\n"));
    server_.Route("/ok", Page("<html><head><title>Bilan</title></head><body><p>En 2024, 17 % "
                              "des salari\xC3\xA9s prenaient le train.</p></body></html>",
                              200, {{"ETag", "\"v1\""}}));
    server_.Route("/gone", Page("<h1>Not Found</h1>", 404));
    server_.Route("/moved", Page("", 301, {{"Location", "/ok"}}));
    server_.Route("/soft", Page("<html><head><title>Page not found</title></head></html>"));
    server_.Route("/loop", Page("", 302, {{"Location", "/loop"}}));
  }

  struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
  };

  Run Fetch(std::vector<std::string> args) {
    args.insert(args.end(), {"--data-dir", (dir_.path() / "data").string(),
                             "--crawler.allow_private_addresses=true",
                             "--crawler.per_host_delay_ms=0", "--crawler.retry_base_ms=1"});
    std::ostringstream out, err;
    Run run;
    run.exit_code = RunFetchCommand(args, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
  }

  std::string ListFile(const std::vector<std::string>& targets) {
    std::string text = "# cited URLs\n\n";
    for (const std::string& t : targets) text += server_.Url(t) + "\n";
    const auto path = dir_.path() / "urls.txt";
    EXPECT_OK(common::WriteFileAtomically(path, text));
    return path.string();
  }

  // The JSON records by URL.
  static std::map<std::string, json::object> ByUrl(const std::string& out) {
    std::map<std::string, json::object> records;
    const json::value parsed = json::parse(out);
    for (const json::value& v : parsed.as_array()) {
      records[std::string(v.at("url").as_string())] = v.as_object();
    }
    return records;
  }

  testutil::TempDir dir_;
  testutil::HttpServer server_;
};

// Each URL of the list gets the link-audit record the benchmark's schema asks for.
TEST_F(FetchCommandTest, ListGivesOneAuditRecordPerUrl) {
  const Run run = Fetch({"--from-list", ListFile({"/ok", "/gone", "/moved", "/soft", "/loop",
                                                  "/private/x"}),
                         "--format", "json", "--no-index"});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = ByUrl(run.out);
  ASSERT_EQ(records.size(), 6u);
  const std::map<std::string, std::pair<std::string, int>> expected = {
      {"/ok", {"ok", 200}},         {"/gone", {"dead", 404}},  {"/moved", {"redirect_ok", 200}},
      {"/soft", {"soft404", 200}},  {"/loop", {"loop", 302}},  {"/private/x", {"robots_disallowed", 0}}};
  for (const auto& [target, want] : expected) {
    const json::object& r = records.at(server_.Url(target));
    EXPECT_EQ(r.at("class").as_string(), want.first) << target;
    EXPECT_EQ(r.at("status").as_int64(), want.second) << target;
  }
  EXPECT_EQ(records.at(server_.Url("/moved")).at("final_url").as_string(), server_.Url("/ok"));
  EXPECT_EQ(server_.RequestCount("/private/x"), 0);
  // Everything fetched is in the fetch log and the archive.
  auto store = store::Store::Open(dir_.path() / "data" / "citecheck.db");
  ASSERT_OK(store);
  EXPECT_EQ(*(*store)->CountRows("fetches"), 6);
  EXPECT_EQ(*(*store)->CountRows("http_cache"), 2);  // /ok and /moved
  EXPECT_FALSE(std::filesystem::is_empty(dir_.path() / "data" / "warc"));
}

// The second run asks conditionally: the 304 reuses the archived body, and the page
// is reported unchanged.
TEST_F(FetchCommandTest, SecondRunRevalidates) {
  server_.Route("/page", [](const testutil::HttpRequest& request) {
    for (const auto& [name, value] : request.headers) {
      if (name == "If-None-Match" && value == "\"p1\"") return Page("", 304, {{"ETag", "\"p1\""}});
    }
    return Page("<html><body><p>Stable text.</p></body></html>", 200, {{"ETag", "\"p1\""}});
  });
  const std::string url = server_.Url("/page");
  ASSERT_EQ(Fetch({url, "--format", "json", "--no-index"}).exit_code, kExitOk);
  const Run second = Fetch({url, "--format", "json", "--no-index"});
  ASSERT_EQ(second.exit_code, kExitOk) << second.err;
  const json::object record = ByUrl(second.out).at(url);
  EXPECT_EQ(record.at("cache").as_string(), "revalidated");
  EXPECT_EQ(record.at("class").as_string(), "ok");
  EXPECT_EQ(record.at("changed").as_bool(), false);
}

// Without --no-index, readable pages are extracted and indexed; the others say why
// they were not.
TEST_F(FetchCommandTest, IndexesReadablePages) {
  const Run run = Fetch({server_.Url("/ok"), server_.Url("/soft"), "--format", "json"});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = ByUrl(run.out);
  EXPECT_EQ(records.at(server_.Url("/ok")).at("indexed").as_bool(), true);
  EXPECT_EQ(records.at(server_.Url("/soft")).at("indexed").as_bool(), false);
  auto store = store::Store::Open(dir_.path() / "data" / "citecheck.db");
  ASSERT_OK(store);
  EXPECT_EQ(*(*store)->CountRows("documents"), 1);
}

// Text output: one line per URL, then the count of each class.
TEST_F(FetchCommandTest, TextOutputListsClasses) {
  const Run run = Fetch({server_.Url("/ok"), server_.Url("/gone"), "--no-index"});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_NE(run.out.find("ok          200 " + server_.Url("/ok")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("dead        404 " + server_.Url("/gone")), std::string::npos);
  EXPECT_NE(run.out.find("2 URLs: 1 dead 1 ok"), std::string::npos);
}

// --from-draft fetches the URLs of a draft's sources (footnotes and reference links
// here), each once, and nothing else; URLs given on the command line come too.
TEST_F(FetchCommandTest, DraftSourcesAreFetched) {
  const std::string draft =
      "# Le train\n\nEn 2024, 17 % des salari\xC3\xA9s prenaient le train[^1]. Le chiffre "
      "a baiss\xC3\xA9 depuis [2].\n\n[^1]: Bilan 2024, " + server_.Url("/ok") + "\n\n[2]: " +
      server_.Url("/gone") + "\n";
  const auto path = dir_.path() / "draft.md";
  ASSERT_OK(common::WriteFileAtomically(path, draft));
  const Run run = Fetch({"--from-draft", path.string(), server_.Url("/moved"), "--format", "json",
                         "--no-index"});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  std::map<std::string, std::string> classes;
  for (const auto& [url, record] : ByUrl(run.out)) {
    classes[url] = std::string(record.at("class").as_string());
  }
  EXPECT_EQ(classes, (std::map<std::string, std::string>{{server_.Url("/ok"), "ok"},
                                                         {server_.Url("/gone"), "dead"},
                                                         {server_.Url("/moved"), "redirect_ok"}}));
  EXPECT_EQ(server_.RequestCount("/ok"), 2);  // cited, and the end of /moved's redirect
}

// On a terminal, stderr shows a progress line (done/total, rate, errors, ETA) that
// ends with every URL done; not with --quiet, and not when stderr is not a terminal.
TEST_F(FetchCommandTest, ProgressOnlyOnATerminal) {
  const std::vector<std::string> urls = {server_.Url("/ok"), server_.Url("/gone")};
  const std::string last_line = "\r2/2 URLs (100%), ";
  {
    StderrOnTerminal terminal;
    ASSERT_TRUE(terminal.ok());
    std::vector<std::string> args = urls;
    args.push_back("--no-index");
    const Run shown = Fetch(args);
    args.push_back("--quiet");
    const Run quiet = Fetch(args);
    ASSERT_EQ(shown.exit_code, kExitOk) << shown.err;
    EXPECT_NE(shown.err.find(last_line), std::string::npos) << shown.err;
    EXPECT_NE(shown.err.find(", 1 error\x1b[K"), std::string::npos) << shown.err;
    EXPECT_EQ(quiet.err.find("URLs ("), std::string::npos) << quiet.err;
  }
  std::vector<std::string> args = urls;
  args.push_back("--no-index");
  const Run piped = Fetch(args);
  ASSERT_EQ(piped.exit_code, kExitOk) << piped.err;
  EXPECT_EQ(piped.err.find("URLs ("), std::string::npos) << piped.err;
}

TEST_F(FetchCommandTest, NoUrlIsAUsageError) {
  const Run run = Fetch({"--format", "json"});
  EXPECT_EQ(run.exit_code, kExitError);
  EXPECT_NE(run.err.find("no URL to fetch"), std::string::npos);
  EXPECT_NE(run.err.find("usage: citecheck fetch"), std::string::npos);
}

}  // namespace
}  // namespace citecheck::cli
