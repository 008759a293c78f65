#include <iostream>
#include <string>
#include <vector>

#include "cli/extract_command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "extract") {
    return citecheck::cli::RunExtractCommand({args.begin() + 1, args.end()}, std::cout,
                                             std::cerr);
  }
  std::cerr << "usage: citecheck extract ...\n";
  return 2;
}
