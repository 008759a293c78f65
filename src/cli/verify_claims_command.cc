// citecheck verify-claims: claims checked one by one against the source each cites,
// read from and written to JSON Lines.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "common/clock.h"
#include "common/file.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "service/service.h"

namespace citecheck::cli {
namespace {

using common::Result;
using common::Status;

constexpr char kUsage[] =
    "usage: citecheck verify-claims --input CASES.jsonl [--output OUT.jsonl]\n"
    "                               [--replay ARCHIVE.warc.gz] [--timing] [--signals]\n"
    "                               [--config FILE] [--set KEY=VALUE]\n"
    "Each input line: {\"id\", \"claim\", \"lang\"?, \"source_text\" | \"source_file\" |\n"
    "\"source_url\", \"claim_context\"?}. Each output line: {\"id\", \"verdict\", \"support\",\n"
    "\"evidence\": [{\"text\", \"start\", \"end\", \"score\"}], \"quantities\": [...], "
    "\"reason\"}.\n"
    "--timing adds \"verify_ms\" (verification only, the source already indexed);\n"
    "--signals adds what the support score was computed from.\n";

int Fail(std::ostream& err, const std::string& message) {
  err << "citecheck verify-claims: " << message << "\n";
  return kExitError;
}

// Every line parsed before any is run, so that a bad line costs nothing.
Result<std::vector<service::ClaimCase>> ReadCases(const std::string& path) {
  CC_ASSIGN_OR_RETURN(std::string content, common::ReadFile(path));
  std::vector<service::ClaimCase> cases;
  std::istringstream lines(content);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto c = service::ParseClaimCase(line);
    if (!c.ok()) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": " +
                                     c.status().message());
    }
    cases.push_back(std::move(*c));
  }
  return cases;
}

// A fetcher only when some case gives its source by URL alone.
Result<std::unique_ptr<crawler::Fetcher>> MakeFetcher(const ParsedArgs& a,
                                                      const std::vector<service::ClaimCase>& cases,
                                                      const common::Clock& clock,
                                                      common::Logger& logger) {
  std::unique_ptr<crawler::Fetcher> none;
  if (auto replay = a.flags.find("replay"); replay != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(
        none, crawler::ReplayFetcher::Open(replay->second, a.config.crawler.max_redirects));
    return none;
  }
  const bool needed = std::any_of(cases.begin(), cases.end(), [](const service::ClaimCase& c) {
    return c.source_text.empty() && c.source_file.empty();
  });
  if (!needed) return none;
  CC_ASSIGN_OR_RETURN(none,
                      crawler::CurlFetcher::Create(a.config.crawler, clock, nullptr, &logger));
  return none;
}

}  // namespace

int RunVerifyClaimsCommand(const std::vector<std::string>& args, std::ostream& out,
                           std::ostream& err) {
  auto parsed = ParseArgs(args, {"input", "output", "replay"}, {"timing", "signals", "help"}, {});
  if (!parsed.ok()) return Fail(err, parsed.status().message()), err << kUsage, kExitError;
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kUsage, kExitOk;
  auto input = a.flags.find("input");
  if (input == a.flags.end() || !a.positional.empty()) {
    err << "citecheck verify-claims: expected --input CASES.jsonl\n" << kUsage;
    return kExitError;
  }
  auto cases = ReadCases(input->second);
  if (!cases.ok()) return Fail(err, cases.status().message());
  common::SystemClock clock;
  common::StderrLogger logger(common::LogLevel::kWarning);
  auto fetcher = MakeFetcher(a, *cases, clock, logger);
  if (!fetcher.ok()) return Fail(err, fetcher.status().message());
  std::ofstream file;
  auto output = a.flags.find("output");
  const bool to_file = output != a.flags.end() && output->second != "-";
  if (to_file) {
    file.open(output->second, std::ios::binary | std::ios::trunc);
    if (!file) return Fail(err, output->second + ": cannot open for writing");
  }
  std::ostream& sink = to_file ? file : out;
  service::ClaimCaseRunner runner(a.config, fetcher->get());
  const bool timing = a.switches.contains("timing");
  const bool signals = a.switches.contains("signals");
  for (const service::ClaimCase& c : *cases) {
    auto result = runner.Run(c);
    if (!result.ok()) return Fail(err, "case " + c.id + ": " + result.status().message());
    sink << service::ClaimCaseResultJson(*result, timing, signals) << "\n";
  }
  sink.flush();
  if (!sink) return Fail(err, "writing the results failed");
  return kExitOk;
}

}  // namespace citecheck::cli
