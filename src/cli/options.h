// Command-line parsing shared by the subcommands: positional words, flags, and
// overrides of any configuration setting (--config FILE, --set key=value,
// --<table>.<key>=value).
#ifndef CITECHECK_CLI_OPTIONS_H_
#define CITECHECK_CLI_OPTIONS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/config.h"
#include "common/status.h"

namespace citecheck::cli {

struct ParsedArgs {
  std::vector<std::string> positional;
  std::map<std::string, std::string> flags;  // "--format=json" or "--format json"
  std::set<std::string> switches;            // "--quiet"
  common::Config config;                     // defaults + --config + overrides
  bool operator==(const ParsedArgs&) const = default;
};

// Flags a subcommand accepts: `valued` take a value, `switches` do not. Flags that are
// shortcuts for settings map to them in `aliases` (e.g. "--min-integrity" ->
// "check.min_integrity"). Errors: unknown flag, missing value, bad setting value --
// each message names the flag.
common::Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                                     const std::set<std::string>& valued,
                                     const std::set<std::string>& switches,
                                     const std::map<std::string, std::string>& aliases);

}  // namespace citecheck::cli

#endif  // CITECHECK_CLI_OPTIONS_H_
