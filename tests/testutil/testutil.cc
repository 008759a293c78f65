#include "testutil/testutil.h"

#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace citecheck::testutil {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/citecheck-test-XXXXXX";
  if (::mkdtemp(tmpl.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp failed for " << tmpl;
  }
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path SourceRoot() {
  if (const char* root = std::getenv("CITECHECK_SOURCE_DIR"); root && *root) return root;
  return std::filesystem::current_path();
}

std::optional<std::filesystem::path> SharedDir() {
  std::filesystem::path dir;
  if (const char* env = std::getenv("CITECHECK_SHARED_DIR"); env && *env) {
    dir = env;
  } else {
    dir = SourceRoot().parent_path() / "shared";
  }
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return dir;
  return std::nullopt;
}

std::string ReadTestFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return "";
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace citecheck::testutil
