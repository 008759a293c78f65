// docs/ci/pre-commit-hook.sh in a scratch Git repository: it checks the staged drafts
// (and only those), writes their SARIF and HTML reports, and refuses the commit when a
// draft is below the minimum integrity.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/file.h"
#include "testing/process.h"
#include "testutil/testutil.h"

namespace citecheck::cli {
namespace {

namespace json = boost::json;
using report::testing::RunResult;

class PreCommitHook : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!report::testing::HaveProgram("git")) GTEST_SKIP() << "git is not installed";
    ASSERT_EQ(report::testing::Run("git", {"init", "-q"}, repo_.path()).exit_code, 0);
    std::filesystem::create_directories(repo_.path() / "drafts");
    const std::string draft =
        testutil::ReadTestFile(testutil::SourceRoot() / "data" / "examples" / "velo-travail.md");
    ASSERT_OK(common::WriteFileAtomically(repo_.path() / "drafts" / "velo.md", draft));
    ASSERT_OK(common::WriteFileAtomically(repo_.path() / "README.md", "# Not a draft\n"));
  }

  // Runs the hook with the example's archive instead of the network.
  RunResult Hook(const std::string& min_integrity) {
    const std::string archive =
        (testutil::SourceRoot() / "data" / "examples" / "sources.warc.gz").string();
    return report::testing::Run(
        "env",
        {"CITECHECK=" + (report::testing::BuildDir() / "citecheck").string(),
         "CITECHECK_ARGS=--replay " + archive, "CITECHECK_MIN_INTEGRITY=" + min_integrity, "bash",
         (testutil::SourceRoot() / "docs" / "ci" / "pre-commit-hook.sh").string()},
        repo_.path());
  }

  std::filesystem::path Reports() const { return repo_.path() / ".citecheck" / "reports"; }

  testutil::TempDir repo_;
};

TEST_F(PreCommitHook, NothingStagedNothingChecked) {
  ASSERT_EQ(report::testing::Run("git", {"add", "README.md"}, repo_.path()).exit_code, 0);
  RunResult run = Hook("0.9");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_FALSE(std::filesystem::exists(Reports()));
}

TEST_F(PreCommitHook, RefusesADraftBelowTheMinimum) {
  ASSERT_EQ(
      report::testing::Run("git", {"add", "README.md", "drafts/velo.md"}, repo_.path()).exit_code,
      0);
  RunResult run = Hook("1");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("drafts/velo.md is below the minimum integrity (1)"), std::string::npos)
      << run.err;
  EXPECT_NE(run.out.find("Integrity "), std::string::npos) << run.out;
  // The reports name the draft by its path in the repository.
  const json::value sarif = json::parse(testutil::ReadTestFile(Reports() / "drafts_velo.md.sarif"));
  EXPECT_EQ(sarif.at("runs").at(0).at("artifacts").at(0).at("location").at("uri"),
            "drafts/velo.md");
  EXPECT_TRUE(std::filesystem::exists(Reports() / "drafts_velo.md.html"));
}

TEST_F(PreCommitHook, AcceptsADraftAtTheMinimum) {
  ASSERT_EQ(report::testing::Run("git", {"add", "drafts/velo.md"}, repo_.path()).exit_code, 0);
  RunResult run = Hook("0");
  EXPECT_EQ(run.exit_code, 0) << run.err;
}

}  // namespace
}  // namespace citecheck::cli
