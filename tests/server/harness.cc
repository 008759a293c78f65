#include "server/harness.h"

#include <chrono>
#include <iostream>
#include <limits>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

namespace citecheck::server::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = net::ip::tcp;

namespace {

constexpr std::chrono::seconds kPatience{30};

}  // namespace

const char kStudyPage[] =
    "<html lang=\"fr\"><head><title>Enquête transports 2024</title>"
    "<meta name=\"author\" content=\"Service statistique\">"
    "<meta property=\"article:published_time\" content=\"2024-12-01\"></head><body>"
    "<nav><a href=\"/\">Accueil</a></nav>"
    "<article><h1>Enquête transports 2024</h1>"
    "<p>En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler.</p>"
    "<p>Le réseau régional compte 320 gares desservies chaque jour.</p></article>"
    "<footer>Mentions légales</footer></body></html>";

std::string DraftCiting(const testutil::HttpServer& site, std::string_view page) {
  return "---\ntitle: Transports\ndate: \"2025-01-10\"\n---\n\n"
         "# Transports\n\n"
         "En 2024, 17 % des salariés ont pris les transports en commun pour aller travailler "
         "(Source : Enquête transports).\n\n"
         "Le réseau régional compte 410 gares desservies chaque jour (Source : Enquête transports).\n\n"
         "Les retards ont baissé de 12 % en un an (Source : Bilan ferroviaire).\n\n"
         "## Sources\n\n"
         "1. **Enquête transports** - Rapport\n   - URL : " + site.Url(page) + "\n"
         "   - Fiabilité : 9/10\n"
         "2. **Bilan ferroviaire** - Article\n   - URL : " + site.Url("/bilan") + "\n"
         "   - Fiabilité : 8/10\n";
}

std::string Response::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

json::value Response::Json() const {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  return ec ? json::value(nullptr) : v;
}

namespace {

std::string ErrorMember(const json::value& v, std::string_view member) {
  if (!v.is_object() || !v.as_object().contains("error")) return "";
  const json::value& e = v.as_object().at("error");
  if (!e.is_object() || !e.as_object().contains(member)) return "";
  return std::string(e.as_object().at(member).as_string());
}

}  // namespace

std::string Response::ErrorCode() const { return ErrorMember(Json(), "code"); }
std::string Response::ErrorMessage() const { return ErrorMember(Json(), "message"); }

Connection::Connection(int port) : stream_(ioc_) {
  stream_.expires_after(kPatience);
  stream_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<uint16_t>(port)));
}

Connection::~Connection() {
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

Response Connection::Send(std::string_view method, std::string_view target, std::string_view body,
                          const Headers& headers) {
  http::request<http::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  req.body() = std::string(body);
  if (!body.empty() || method == "POST") req.prepare_payload();
  stream_.expires_after(kPatience);
  beast::error_code ec;
  http::write(stream_, req, ec);
  if (ec) return {};
  return Read();
}

bool Connection::WriteRaw(std::string_view bytes) {
  stream_.expires_after(kPatience);
  beast::error_code ec;
  net::write(stream_, net::buffer(bytes.data(), bytes.size()), ec);
  return !ec;
}

Response Connection::Read() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(std::numeric_limits<std::uint64_t>::max());
  stream_.expires_after(kPatience);
  beast::error_code ec;
  http::read(stream_, buffer_, parser, ec);
  if (ec) return {};
  Response r;
  const auto& res = parser.get();
  r.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(field.value());
  }
  r.body = res.body();
  return r;
}

bool Connection::WaitClosed() {
  stream_.expires_after(kPatience);
  char scratch[4096];
  while (true) {
    beast::error_code ec;
    stream_.read_some(net::buffer(scratch), ec);
    if (ec == beast::error::timeout) return false;
    if (ec) return true;  // end of file, or reset
  }
}

Response Request(int port, std::string_view method, std::string_view target, std::string_view body,
                 const Headers& headers) {
  Connection c(port);
  return c.Send(method, target, body, headers);
}

void Gate::Wait() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return open_; });
}

void Gate::Open() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
  }
  cv_.notify_all();
}

ServerTest::ServerTest() {
  site_.Route("/enquete", {.status = 200, .headers = {}, .body = kStudyPage});
  site_.Route("/bilan", {.status = 404, .headers = {}, .body = "<h1>Introuvable</h1>"});
  site_.Route("/slow", [this](const testutil::HttpRequest&) {
    gate_.Wait();
    return testutil::HttpResponse{.status = 200, .headers = {}, .body = kStudyPage};
  });
  config_.store.dir = (dir_.path() / "data").string();
  config_.crawler.allow_private_addresses = true;  // the test site is on loopback
  config_.server.listen = "127.0.0.1:0";
  config_.server.io_threads = 2;
  config_.server.workers = 2;
  config_.server.check_workers = 2;
  config_.server.check_wait_ms = 60000;
  config_.server.rate_limit_per_second = 0;  // the manual clock never refills a bucket
  config_.server.shutdown_grace_ms = 5000;
}

ServerTest::~ServerTest() {
  // A page held by the gate would keep the test site from stopping.
  gate_.Open();
  if (server_) StopServer();
  if (HasFailure()) {
    for (const std::string& line : logger_.lines()) std::cerr << "server log: " << line << "\n";
  }
}

void ServerTest::StartServer() {
  auto server = Server::Start(config_, clock_, logger_);
  ASSERT_OK(server);
  server_ = std::move(*server);
}

void ServerTest::StopServer() {
  server_->RequestStop();
  EXPECT_OK(server_->Wait());
  server_.reset();
}

Response ServerTest::AwaitCheck(int64_t id, std::string_view status, const Headers& headers) {
  Response r;
  for (int i = 0; i < 600; ++i) {
    r = Request(port(), "GET", "/v1/checks/" + std::to_string(id), "", headers);
    json::value v = r.Json();
    if (v.is_object() && v.as_object().contains("status") && v.as_object().at("status").as_string() == status) {
      return r;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "check " << id << " never reached " << status << "; last: " << r.body;
  return r;
}

}  // namespace citecheck::server::testing
