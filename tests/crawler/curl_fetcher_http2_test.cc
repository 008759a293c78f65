// HTTP/2 in CurlFetcher (transfer.cc: CURL_HTTP_VERSION_2TLS and PIPEWAIT;
// curl_fetcher.cc: CURLPIPE_MULTIPLEX), against nghttpd, nghttp2's HTTP/2 server, on
// loopback over TLS with a certificate made for the test. Skipped when nghttpd or
// the openssl program is missing (scripts/install-deps.sh installs both).
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "common/file.h"
#include "fetcher_fixture.h"
#include "printers.h"

extern char** environ;

namespace citecheck::crawler {
namespace {

using test::CurlFetcherTest;

bool OnPath(const std::string& program) {
  return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

// True once something accepts connections on 127.0.0.1:port (waits up to 10 s).
bool WaitForPort(int port) {
  for (int i = 0; i < 200; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    ::close(fd);
    if (up) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// nghttpd serving `htdocs` on 127.0.0.1:port, its verbose log in `log`; stopped (by its
// process id) and reaped when this object goes.
class Nghttpd {
 public:
  Nghttpd(const std::filesystem::path& dir, int port) {
    const std::string log = (dir / "nghttpd.log").string();
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<std::string> args = {"nghttpd",
                                     "--verbose",
                                     "--address=127.0.0.1",
                                     "--htdocs=" + (dir / "htdocs").string(),
                                     std::to_string(port),
                                     (dir / "key.pem").string(),
                                     (dir / "cert.pem").string()};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (::posix_spawnp(&pid_, "nghttpd", &actions, nullptr, argv.data(), environ) != 0) pid_ = 0;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Nghttpd() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  bool started() const { return pid_ > 0; }

 private:
  pid_t pid_ = 0;
};

// How many TLS connections nghttpd's verbose log shows (the readiness probe of
// WaitForPort connects without a handshake, so it is not one).
int TlsConnections(const std::string& log) {
  int n = 0;
  for (size_t at = log.find("SSL/TLS handshake completed"); at != std::string::npos;
       at = log.find("SSL/TLS handshake completed", at + 1)) {
    ++n;
  }
  return n;
}

// A TLS server that offers HTTP/2 (ALPN h2) is spoken to in HTTP/2, and the parallel
// requests of one FetchAll share one multiplexed connection instead of opening one each.
TEST_F(CurlFetcherTest, SpeaksHttp2AndMultiplexesWhereOffered) {
  if (!OnPath("nghttpd") || !OnPath("openssl")) GTEST_SKIP() << "nghttpd or openssl missing";
  testutil::TempDir dir;
  const std::string name = "h2.test";
  const std::string make_cert =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=" + name +
      " -addext subjectAltName=DNS:" + name + " -keyout '" + (dir.path() / "key.pem").string() +
      "' -out '" + (dir.path() / "cert.pem").string() + "' >/dev/null 2>&1";
  ASSERT_EQ(std::system(make_cert.c_str()), 0);
  std::filesystem::create_directories(dir.path() / "htdocs");
  constexpr int kPages = 6;
  std::vector<std::string> urls;
  const int port = test::ClosedPort();
  for (int i = 0; i < kPages; ++i) {
    const std::string file = "p" + std::to_string(i) + ".html";
    ASSERT_OK(common::WriteFileAtomically(dir.path() / "htdocs" / file,
                                          "<p>page " + std::to_string(i) + "</p>"));
    urls.push_back("https://" + name + ":" + std::to_string(port) + "/" + file);
  }
  Nghttpd server(dir.path(), port);
  ASSERT_TRUE(server.started());
  ASSERT_TRUE(WaitForPort(port));

  config_.allow_private_addresses = false;  // the pin below is the only way in
  config_.resolve = {name + ":" + std::to_string(port) + ":127.0.0.1"};
  config_.max_per_host = kPages;
  CurlFetcherOptions options;
  options.logger = &logger_;
  options.ca_file = (dir.path() / "cert.pem").string();
  auto fetcher = CurlFetcher::Create(config_, clock_, options);
  ASSERT_OK(fetcher);
  const std::vector<FetchResult> results = (*fetcher)->FetchAll(urls);
  ASSERT_EQ(results.size(), urls.size());
  for (int i = 0; i < kPages; ++i) {
    EXPECT_EQ(results[i].outcome, FetchOutcome::kOk) << results[i].url << ": " << results[i].error;
    EXPECT_EQ(results[i].body, "<p>page " + std::to_string(i) + "</p>");
  }
  int http2_lines = 0;
  for (const std::string& line : logger_.lines()) {
    if (line.find(": HTTP/2 200") != std::string::npos) ++http2_lines;
  }
  EXPECT_EQ(http2_lines, kPages);
  fetcher->reset();  // closes the connection, so that the log is complete
  const std::string log = testutil::ReadTestFile((dir.path() / "nghttpd.log").string());
  EXPECT_EQ(TlsConnections(log), 1) << log.substr(0, 2000);
}

}  // namespace
}  // namespace citecheck::crawler
