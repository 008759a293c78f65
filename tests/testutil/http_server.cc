#include "testutil/http_server.h"

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace citecheck::testutil {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct Routes {
  mutable std::mutex mu;
  std::map<std::string, HttpHandler, std::less<>> handlers;  // guarded by mu
  std::map<std::string, int, std::less<>> counts;            // guarded by mu

  HttpResponse Answer(const HttpRequest& req) {
    HttpHandler handler;
    {
      std::lock_guard<std::mutex> lock(mu);
      ++counts[req.target];
      auto it = handlers.find(req.target);
      if (it != handlers.end()) handler = it->second;
    }
    if (!handler) {
      HttpResponse not_found;
      not_found.status = 404;
      not_found.body = "<h1>Not Found</h1>";
      return not_found;
    }
    return handler(req);
  }
};

// One connection: read a request, answer it (after its delay), repeat until closed.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Routes& routes)
      : stream_(std::move(socket)), timer_(stream_.get_executor()), routes_(routes) {}

  void Start() { Read(); }

 private:
  void Read() {
    request_ = {};
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       self->OnRead(ec);
                     });
  }

  void OnRead(beast::error_code ec) {
    if (ec) return Close();
    HttpRequest req;
    req.method = std::string(request_.method_string());
    req.target = std::string(request_.target());
    for (const auto& field : request_) {
      req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    req.body = request_.body();
    answer_ = routes_.Answer(req);
    keep_alive_ = request_.keep_alive() && !answer_.close;
    timer_.expires_after(std::chrono::milliseconds(answer_.delay_ms));
    timer_.async_wait([self = shared_from_this()](beast::error_code) { self->Write(); });
  }

  void Write() {
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(answer_.status));
    bool has_type = false;
    for (const auto& [name, value] : answer_.headers) {
      if (beast::iequals(name, "content-type")) has_type = true;
      response_.insert(name, value);
    }
    if (!has_type) response_.set(http::field::content_type, "text/html; charset=utf-8");
    response_.body() = answer_.body;
    response_.keep_alive(keep_alive_);
    response_.prepare_payload();
    stream_.expires_after(std::chrono::seconds(30));
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        if (ec || !self->keep_alive_) return self->Close();
                        self->Read();
                      });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  asio::steady_timer timer_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  HttpResponse answer_;
  bool keep_alive_ = true;
  Routes& routes_;
};

}  // namespace

class HttpServer::Impl {
 public:
  Impl() : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    port_ = acceptor_.local_endpoint().port();
    Accept();
    thread_ = std::thread([this] { io_.run(); });
  }

  ~Impl() {
    io_.stop();
    thread_.join();
  }

  void Accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
      if (ec) return;
      std::make_shared<Session>(std::move(socket), routes_)->Start();
      Accept();
    });
  }

  asio::io_context io_;
  tcp::acceptor acceptor_;
  int port_ = 0;
  Routes routes_;
  std::thread thread_;
};

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {}
HttpServer::~HttpServer() = default;

void HttpServer::Route(std::string target, HttpResponse response) {
  Route(std::move(target), [response](const HttpRequest&) { return response; });
}

void HttpServer::Route(std::string target, HttpHandler handler) {
  std::lock_guard<std::mutex> lock(impl_->routes_.mu);
  impl_->routes_.handlers[std::move(target)] = std::move(handler);
}

int HttpServer::port() const { return impl_->port_; }

std::string HttpServer::Url(std::string_view target) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port_) + std::string(target);
}

int HttpServer::RequestCount(std::string_view target) const {
  std::lock_guard<std::mutex> lock(impl_->routes_.mu);
  auto it = impl_->routes_.counts.find(target);
  return it == impl_->routes_.counts.end() ? 0 : it->second;
}

}  // namespace citecheck::testutil
