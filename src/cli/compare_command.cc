#include "cli/commands.h"

namespace citecheck::cli {

int RunCompareCommand(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
  err << "citecheck compare: not available in this build\n";
  return kExitError;
}

}  // namespace citecheck::cli
