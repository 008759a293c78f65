#include <unistd.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "draft/draft.h"
#include "report/report.h"

namespace citecheck::cli {

int RunClaimsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  constexpr char kUsage[] = "usage: citecheck claims DRAFT.md [--format text|json]\n";
  auto parsed = ParseArgs(args, {}, {"help"},
                          {{"format", "report.format"}, {"color", "report.color"}});
  if (!parsed.ok()) {
    err << "citecheck: " << parsed.status().message() << "\n" << kUsage;
    return kExitError;
  }
  if (parsed->switches.contains("help")) return out << kUsage, kExitOk;
  if (parsed->positional.size() != 1) {
    err << "citecheck claims: expected one draft file\n" << kUsage;
    return kExitError;
  }
  auto draft = draft::LoadDraft(parsed->positional[0]);
  if (!draft.ok()) {
    err << "citecheck: " << draft.status().message() << "\n";
    return kExitError;
  }
  std::vector<draft::Claim> claims = draft::ExtractClaims(*draft);
  if (parsed->config.report.format == "json") {
    out << report::RenderClaimsJson(*draft, claims);
  } else {
    const std::string& color = parsed->config.report.color;
    const bool use_color = color == "always" || (color == "auto" && ::isatty(1));
    out << report::RenderClaimsText(*draft, claims, {use_color});
  }
  return kExitOk;
}

int RunConfigCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {}, {"defaults", "help"}, {});
  if (!parsed.ok()) {
    err << "citecheck: " << parsed.status().message() << "\n";
    return kExitError;
  }
  if (parsed->switches.contains("defaults")) {
    out << common::RenderDefaultConfigToml();
    return kExitOk;
  }
  for (const common::SettingInfo& s : common::ListSettings()) {
    out << s.key << " = " << *common::GetSetting(parsed->config, s.key) << "\n";
  }
  return kExitOk;
}

}  // namespace citecheck::cli
