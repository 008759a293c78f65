// Reads the WARC files CurlFetcher and WarcWriter write with an independent reader:
// warcio.js, through tools/warcio-check (see its check.mjs for what it checks: record
// fields, request/response pairs, payload digests). Skipped when node or the tool's
// node_modules are absent (tools/warcio-check/run.sh installs them from the lock file).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "coding.h"
#include "fetcher_fixture.h"
#include "printers.h"

namespace citecheck::crawler {
namespace {

using test::CurlFetcherTest;
using test::Page;
using test::Redirect;

struct CommandOutput {
  int exit_code = -1;
  std::string out;
};

CommandOutput RunCommand(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof(buffer), pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Every exchange of a fetch (plain, gzip- and brotli-coded bodies, a redirect, a 404,
// a binary body), written to files rotated by size, passes warcio's reading and the
// tool's checks, and warcio counts the records we wrote.
TEST_F(CurlFetcherTest, ArchivesPassAnIndependentWarcReader) {
  const std::filesystem::path tool = testutil::SourceRoot() / "tools" / "warcio-check";
  if (RunCommand("node --version >/dev/null 2>&1 && echo yes").out != "yes\n") {
    GTEST_SKIP() << "node is not installed";
  }
  if (!std::filesystem::exists(tool / "node_modules" / "warcio")) {
    GTEST_SKIP() << "warcio is not installed: run tools/warcio-check/run.sh once";
  }
  const std::string html = "<html><head><title>Archive</title></head><body><p>12 %</p></body></html>";
  server_.Route("/plain", Page(html, 200, {{"Content-Type", "text/html; charset=utf-8"}}));
  server_.Route("/gz", Page(test::Gzipped(html), 200, {{"Content-Encoding", "gzip"}}));
  server_.Route("/br", Page(test::Brotli(html), 200, {{"Content-Encoding", "br"}}));
  server_.Route("/moved", Redirect(301, "/plain"));
  server_.Route("/bin", Page(std::string("\x89PNG\r\n\x1a\n\0\0\xff", 11), 200,
                             {{"Content-Type", "image/png"}}));
  testutil::TempDir dir;
  WarcWriterOptions rotation;
  rotation.max_file_bytes = 1000;  // a new file every record pair or two
  auto writer = WarcWriter::Create(dir.path() / "audit.warc.gz", clock_, rotation);
  ASSERT_OK(writer);
  const std::vector<FetchResult> results =
      Fetch({server_.Url("/plain"), server_.Url("/gz"), server_.Url("/br"),
             server_.Url("/moved"), server_.Url("/missing"), server_.Url("/bin")},
            writer->get());
  ASSERT_OK((*writer)->Close());
  for (const FetchResult& r : results) EXPECT_NE(r.warc_offset, -1) << r.url;
  const size_t files = (*writer)->files().size();
  ASSERT_GT(files, 1u);

  const CommandOutput check =
      RunCommand("node '" + (tool / "check.mjs").string() + "' '" + dir.path().string() + "' 2>&1");
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_NE(check.out.find("\"problems\": 0"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("\"files\": " + std::to_string(files) + ","), std::string::npos)
      << check.out;
  // Seven exchanges (the redirect is two hops): a request and a response each.
  EXPECT_NE(check.out.find("\"request\": 7"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("\"response\": 7"), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("\"digestsChecked\": 7"), std::string::npos) << check.out;
}

}  // namespace
}  // namespace citecheck::crawler
