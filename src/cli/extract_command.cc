#include "cli/extract_command.h"

namespace citecheck::cli {

int RunExtractCommand(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
  err << "citecheck extract: not built yet\n";
  return 2;
}

}  // namespace citecheck::cli
