// citecheck: checks that a draft's figures are backed by the sources it cites.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/extract_command.h"
#include "crawler/crawler.h"

namespace citecheck::cli {

std::string Usage() {
  return "usage: citecheck <command> [options]\n"
         "\n"
         "commands:\n"
         "  check DRAFT.md      fetch the cited sources and verify every claim\n"
         "  claims DRAFT.md     list the check-worthy claims of a draft\n"
         "  extract FILE        print a page's main text (or --batch LIST OUT_DIR)\n"
         "  fetch URL...        fetch, archive, extract and index sources\n"
         "  verify-claims       verify claims against given sources (JSON Lines)\n"
         "  compare A.md B.md   compare the facts and sources of two versions of a draft\n"
         "  serve               run the HTTP API (--listen 127.0.0.1:8080)\n"
         "  publish DRAFT.md    check a draft and record it as published\n"
         "  audit               re-check published articles' sources and claims\n"
         "  config              print the effective settings (--defaults: config.toml)\n"
         "  version             print the version\n"
         "\n"
         "Run `citecheck <command> --help` for a command's options. Any setting can be\n"
         "given as --TABLE.KEY=VALUE, --set TABLE.KEY=VALUE or in --config FILE.\n"
         "Exit status: 0 ok, 1 integrity below --min-integrity, 2 usage or input error.\n";
}

}  // namespace citecheck::cli

int main(int argc, char** argv) {
  using namespace citecheck::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    (args.empty() ? std::cerr : std::cout) << Usage();
    return args.empty() ? kExitError : kExitOk;
  }
  const std::string command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "version" || command == "--version") {
    std::cout << "citecheck 0.1.0\n";
    return kExitOk;
  }
  // libcurl's global state is set up once, here, before anything else runs.
  citecheck::crawler::CurlGlobal curl;
  if (command == "check") return RunCheckCommand(rest, std::cout, std::cerr);
  if (command == "claims") return RunClaimsCommand(rest, std::cout, std::cerr);
  if (command == "extract") return RunExtractCommand(rest, std::cout, std::cerr);
  if (command == "config") return RunConfigCommand(rest, std::cout, std::cerr);
  if (command == "fetch") return RunFetchCommand(rest, std::cout, std::cerr);
  if (command == "verify-claims") return RunVerifyClaimsCommand(rest, std::cout, std::cerr);
  if (command == "compare") return RunCompareCommand(rest, std::cout, std::cerr);
  if (command == "serve") return RunServeCommand(rest, std::cout, std::cerr);
  if (command == "publish") return RunPublishCommand(rest, std::cout, std::cerr);
  if (command == "audit") return RunAuditCommand(rest, std::cout, std::cerr);
  std::cerr << "citecheck: unknown command \"" << command << "\"\n" << Usage();
  return kExitError;
}
