#include "cli/commands.h"

namespace citecheck::cli {

int RunVerifyClaimsCommand(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
  err << "citecheck verify-claims: not available in this build\n";
  return kExitError;
}

}  // namespace citecheck::cli
