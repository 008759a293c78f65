// A headless Chromium driven through the Chrome DevTools Protocol, for tests that
// open an HTML report and act on it as a person would: real mouse clicks and key
// presses (Input.dispatchMouseEvent / Input.dispatchKeyEvent), then reading the DOM.
//
// The protocol runs over a pipe (--remote-debugging-pipe: commands on the browser's
// file descriptor 3, replies and events on 4, each message a JSON text ended by a NUL
// byte), so no port is opened. Every wait has a time limit; the destructor closes the
// browser and kills it if it lingers.
//
// Thread-compatible: one thread per Browser.
#ifndef CITECHECK_TESTS_REPORT_TESTING_BROWSER_H_
#define CITECHECK_TESTS_REPORT_TESTING_BROWSER_H_

#include <sys/types.h>

#include <boost/json/value.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "testutil/testutil.h"

namespace citecheck::report::testing {

class Browser {
 public:
  // The Chromium binary ("chromium" from Debian), or "" when it is not installed.
  static std::string FindChromium();

  // Starts a headless browser with a fresh profile. Errors: the binary cannot start,
  // or it does not answer.
  static common::Result<std::unique_ptr<Browser>> Launch(const std::string& binary);

  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  // Opens `url` in a new page of `width` x `height` CSS pixels and waits until it
  // has loaded. Later calls act on that page.
  common::Status Open(std::string_view url, int width = 1280, int height = 900);

  // Evaluates a JavaScript expression in the page and returns its value (JSON-
  // serializable values only). A thrown exception is an error.
  common::Result<boost::json::value> Evaluate(std::string_view expression);

  // A left click at viewport coordinates, as a mouse would make it.
  common::Status Click(double x, double y);

  // A real left click at the centre of the first element matching `selector`, after
  // scrolling it into view. Error when nothing matches.
  common::Status ClickElement(std::string_view selector);

  // Presses and releases a key: "Enter", "Tab", "Escape" or one printable character.
  common::Status PressKey(std::string_view key);

 private:
  Browser(pid_t pid, int to_browser, int from_browser, std::unique_ptr<testutil::TempDir> profile)
      : pid_(pid),
        to_browser_(to_browser),
        from_browser_(from_browser),
        profile_(std::move(profile)) {}

  // Sends a command (to the page's session when `page`) and waits for its reply.
  common::Result<boost::json::value> Call(std::string_view method, boost::json::object params,
                                          bool page = true);
  common::Result<std::string> NextMessage(std::chrono::steady_clock::time_point deadline);

  const pid_t pid_;
  const int to_browser_;
  const int from_browser_;
  std::unique_ptr<testutil::TempDir> profile_;
  std::string session_;
  std::string buffer_;  // bytes read past the last complete message
  int64_t next_id_ = 1;
};

}  // namespace citecheck::report::testing

#endif  // CITECHECK_TESTS_REPORT_TESTING_BROWSER_H_
