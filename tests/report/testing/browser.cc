#include "testing/browser.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <thread>

#include "testing/process.h"

extern char** environ;

namespace citecheck::report::testing {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

constexpr auto kCallLimit = std::chrono::seconds(30);

// Flags that keep a test browser quiet, offline and independent of the machine.
const char* const kFlags[] = {"--headless",
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-quic",
                              "--no-first-run",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync",
                              "--disable-extensions",
                              "--disable-default-apps",
                              "--mute-audio",
                              "--hide-scrollbars",
                              "--remote-debugging-pipe"};

struct Key {
  std::string key, code, text;
  int virtual_code = 0;
};

Key KeyFor(std::string_view name) {
  if (name == "Enter") return {"Enter", "Enter", "\r", 13};
  if (name == "Tab") return {"Tab", "Tab", "", 9};
  if (name == "Escape") return {"Escape", "Escape", "", 27};
  const char c = name.empty() ? ' ' : name.front();
  const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  const bool letter = upper >= 'A' && upper <= 'Z';
  return {std::string(1, c), letter ? std::string("Key") + upper : "", std::string(1, c), upper};
}

}  // namespace

std::string Browser::FindChromium() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    if (HaveProgram(name)) return name;
  }
  return "";
}

Result<std::unique_ptr<Browser>> Browser::Launch(const std::string& binary) {
  int to[2], from[2];  // to[1] -> browser fd 3; browser fd 4 -> from[0]
  if (::pipe2(to, O_CLOEXEC) != 0 || ::pipe2(from, O_CLOEXEC) != 0) {
    return Status::IoError("pipe failed");
  }
  auto profile = std::make_unique<testutil::TempDir>();
  const std::string profile_flag = "--user-data-dir=" + profile->path().string();
  const std::string log = (profile->path() / "chromium.log").string();
  std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
  for (const char* f : kFlags) argv.push_back(const_cast<char*>(f));
  argv.push_back(const_cast<char*>(profile_flag.c_str()));
  argv.push_back(const_cast<char*>("about:blank"));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to[0], 3);
  posix_spawn_file_actions_adddup2(&actions, from[1], 4);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(to[0]);
  ::close(from[1]);
  if (rc != 0) {
    ::close(to[1]);
    ::close(from[0]);
    return Status::IoError("cannot start " + binary);
  }
  std::unique_ptr<Browser> browser(new Browser(pid, to[1], from[0], std::move(profile)));
  CC_RETURN_IF_ERROR(browser->Call("Browser.getVersion", {}, false).status());
  return browser;
}

Browser::~Browser() {
  (void)Call("Browser.close", {}, false);
  ::close(to_browser_);
  ::close(from_browser_);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Result<std::string> Browser::NextMessage(std::chrono::steady_clock::time_point deadline) {
  while (true) {
    const size_t nul = buffer_.find('\0');
    if (nul != std::string::npos) {
      std::string message = buffer_.substr(0, nul);
      buffer_.erase(0, nul + 1);
      return message;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Status::DeadlineExceeded("no answer from the browser");
    pollfd p = {from_browser_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char chunk[65536];
    const ssize_t n = ::read(from_browser_, chunk, sizeof(chunk));
    if (n <= 0) return Status::IoError("the browser closed its pipe");
    buffer_.append(chunk, static_cast<size_t>(n));
  }
}

Result<json::value> Browser::Call(std::string_view method, json::object params, bool page) {
  const int64_t id = next_id_++;
  json::object message = {{"id", id}, {"method", method}, {"params", std::move(params)}};
  if (page && !session_.empty()) message["sessionId"] = session_;
  const std::string text = json::serialize(message) + std::string(1, '\0');
  for (size_t sent = 0; sent < text.size();) {
    const ssize_t n = ::write(to_browser_, text.data() + sent, text.size() - sent);
    if (n <= 0) return Status::IoError("cannot write to the browser");
    sent += static_cast<size_t>(n);
  }
  const auto deadline = std::chrono::steady_clock::now() + kCallLimit;
  while (true) {
    CC_ASSIGN_OR_RETURN(std::string reply, NextMessage(deadline));
    json::value v = json::parse(reply);
    const json::object& o = v.as_object();
    if (!o.contains("id") || o.at("id").to_number<int64_t>() != id) continue;  // an event
    if (o.contains("error")) {
      return Status::Internal(std::string(method) + ": " + json::serialize(o.at("error")));
    }
    return o.at("result");
  }
}

Status Browser::Open(std::string_view url, int width, int height) {
  CC_ASSIGN_OR_RETURN(json::value target,
                      Call("Target.createTarget", {{"url", "about:blank"}}, false));
  const std::string target_id(target.at("targetId").as_string());
  CC_ASSIGN_OR_RETURN(
      json::value attached,
      Call("Target.attachToTarget", {{"targetId", target_id}, {"flatten", true}}, false));
  session_ = std::string(attached.at("sessionId").as_string());
  CC_RETURN_IF_ERROR(
      Call("Emulation.setDeviceMetricsOverride",
           {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", false}})
          .status());
  CC_RETURN_IF_ERROR(Call("Page.navigate", {{"url", url}}).status());
  const auto deadline = std::chrono::steady_clock::now() + kCallLimit;
  while (std::chrono::steady_clock::now() < deadline) {
    auto state = Evaluate("document.readyState + ' ' + location.href");
    if (state.ok() && state->is_string() && state->as_string().starts_with("complete ") &&
        !state->as_string().ends_with("about:blank")) {
      return Status::Ok();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return Status::DeadlineExceeded("the page did not load: " + std::string(url));
}

Result<json::value> Browser::Evaluate(std::string_view expression) {
  CC_ASSIGN_OR_RETURN(json::value result, Call("Runtime.evaluate", {{"expression", expression},
                                                                    {"returnByValue", true},
                                                                    {"awaitPromise", true}}));
  const json::object& o = result.as_object();
  if (o.contains("exceptionDetails")) {
    return Status::Internal("script error: " + json::serialize(o.at("exceptionDetails")));
  }
  const json::object& value = o.at("result").as_object();
  return value.contains("value") ? value.at("value") : json::value(nullptr);
}

Status Browser::Click(double x, double y) {
  for (const char* type : {"mouseMoved", "mousePressed", "mouseReleased"}) {
    json::object event = {{"type", type}, {"x", x}, {"y", y}};
    if (std::string_view(type) != "mouseMoved") {
      event["button"] = "left";
      event["clickCount"] = 1;
    }
    CC_RETURN_IF_ERROR(Call("Input.dispatchMouseEvent", std::move(event)).status());
  }
  return Status::Ok();
}

Status Browser::ClickElement(std::string_view selector) {
  const std::string script =
      "(() => { const e = document.querySelector(" + json::serialize(json::string(selector)) +
      "); if (!e) return null; e.scrollIntoView({block: 'center'}); const r = "
      "e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()";
  CC_ASSIGN_OR_RETURN(json::value at, Evaluate(script));
  if (!at.is_array()) return Status::NotFound("no element matches " + std::string(selector));
  return Click(at.as_array()[0].to_number<double>(), at.as_array()[1].to_number<double>());
}

Status Browser::PressKey(std::string_view name) {
  const Key key = KeyFor(name);
  json::object down = {{"type", key.text.empty() ? "rawKeyDown" : "keyDown"},
                       {"key", key.key},
                       {"code", key.code},
                       {"windowsVirtualKeyCode", key.virtual_code}};
  if (!key.text.empty()) down["text"] = key.text;
  CC_RETURN_IF_ERROR(Call("Input.dispatchKeyEvent", std::move(down)).status());
  return Call("Input.dispatchKeyEvent", {{"type", "keyUp"},
                                         {"key", key.key},
                                         {"code", key.code},
                                         {"windowsVirtualKeyCode", key.virtual_code}})
      .status();
}

}  // namespace citecheck::report::testing
