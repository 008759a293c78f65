#include "cli/commands.h"

namespace citecheck::cli {

int RunFetchCommand(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
  err << "citecheck fetch: not available in this build\n";
  return kExitError;
}

}  // namespace citecheck::cli
