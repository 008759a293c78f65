#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/options.h"
#include "common/clock.h"
#include "common/log.h"
#include "server/server.h"

namespace citecheck::cli {
namespace {

constexpr char kServeUsage[] =
    "usage: citecheck serve [--listen ADDRESS:PORT] [--tokens FILE] [--data-dir DIR]\n"
    "                       [--config FILE] [--set KEY=VALUE] [--server.KEY=VALUE]\n"
    "                       [--quiet | --verbose]\n"
    "       citecheck serve --hash-token [TOKEN]\n"
    "\n"
    "Serves the HTTP API (docs/api/openapi.json) until SIGINT or SIGTERM; running\n"
    "checks finish first, queued ones wait in the data directory for the next start.\n"
    "--hash-token prints the line to put in the tokens file for TOKEN (read from\n"
    "standard input when not given): its SHA-256, then a name to fill in.\n";

common::LogLevel Level(const ParsedArgs& a) {
  if (a.switches.contains("verbose")) return common::LogLevel::kInfo;
  if (a.switches.contains("quiet")) return common::LogLevel::kError;
  return common::LogLevel::kWarning;
}

int HashToken(const ParsedArgs& a, std::ostream& out, std::ostream& err) {
  std::string token;
  if (a.positional.size() == 1) {
    token = a.positional[0];
  } else if (a.positional.empty()) {
    std::getline(std::cin, token);
  } else {
    err << "citecheck serve --hash-token: expected at most one token\n";
    return kExitError;
  }
  if (token.empty()) {
    err << "citecheck serve --hash-token: the token is empty\n";
    return kExitError;
  }
  out << server::HashToken(token) << " NAME\n";
  return kExitOk;
}

}  // namespace

int RunServeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {}, {"quiet", "verbose", "help", "hash-token"},
                          {{"listen", "server.listen"},
                           {"tokens", "server.tokens_file"},
                           {"data-dir", "store.dir"}});
  if (!parsed.ok()) {
    err << "citecheck: " << parsed.status().message() << "\n" << kServeUsage;
    return kExitError;
  }
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kServeUsage, kExitOk;
  if (a.switches.contains("hash-token")) return HashToken(a, out, err);
  if (!a.positional.empty()) {
    err << "citecheck serve: unexpected argument \"" << a.positional[0] << "\"\n" << kServeUsage;
    return kExitError;
  }
  common::StderrLogger logger(Level(a));
  common::SystemClock clock;
  auto server = server::Server::Start(a.config, clock, logger);
  if (!server.ok()) {
    err << "citecheck: " << server.status().message() << "\n";
    return kExitError;
  }
  (*server)->StopOnSignals();
  // Scripts started with port 0 read the port from this line.
  out << "citecheck: listening on port " << (*server)->port() << std::endl;
  common::Status drained = (*server)->Wait();
  if (!drained.ok()) {
    // What still runs is abandoned; a check that was running is queued again at the
    // next start.
    err << "citecheck: " << drained.message() << "; exiting anyway\n" << std::flush;
    std::_Exit(kExitError);
  }
  return kExitOk;
}

}  // namespace citecheck::cli
