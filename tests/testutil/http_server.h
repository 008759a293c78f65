// A real HTTP/1.1 server on 127.0.0.1 (port 0) for tests, built on Boost.Beast. It runs
// on its own thread, keeps connections alive, and answers each request from a route
// table: exact paths (with query) or a handler function. Delays make slow pages;
// large bodies make oversized ones; handlers can count, fail first, redirect, etc.
//
//   testutil::HttpServer server;
//   server.Route("/a", {.status = 200, .body = "<p>hi</p>"});
//   fetch(server.Url("/a"));
//
// Thread-safety: Route() and RequestCount() may be called while the server runs.
#ifndef CITECHECK_TESTS_TESTUTIL_HTTP_SERVER_H_
#define CITECHECK_TESTS_TESTUTIL_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citecheck::testutil {

struct HttpRequest {
  std::string method;   // "GET"
  std::string target;   // "/a?b=1"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Type defaults to text/html
  std::string body;
  int delay_ms = 0;        // wait this long before sending anything
  bool close = false;      // close the connection after the response
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
 public:
  // Starts listening on 127.0.0.1 with a kernel-chosen port.
  HttpServer();
  // Stops the server and joins its thread.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Fixed answer for an exact target ("/path?query"). Unrouted targets get 404.
  void Route(std::string target, HttpResponse response);
  void Route(std::string target, HttpHandler handler);

  int port() const;
  // "http://127.0.0.1:<port>" + target.
  std::string Url(std::string_view target) const;
  // How many requests arrived for `target` so far.
  int RequestCount(std::string_view target) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace citecheck::testutil

#endif  // CITECHECK_TESTS_TESTUTIL_HTTP_SERVER_H_
