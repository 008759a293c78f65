#include "cli/options.h"

namespace citecheck::cli {
namespace {

using common::Status;

struct Override {
  std::string key;
  std::string value;
};

}  // namespace

common::Result<ParsedArgs> ParseArgs(const std::vector<std::string>& args,
                                     const std::set<std::string>& valued,
                                     const std::set<std::string>& switches,
                                     const std::map<std::string, std::string>& aliases) {
  ParsedArgs out;
  std::optional<std::string> config_file;
  std::vector<Override> overrides;  // applied after the config file, in order
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--" ) {
      out.positional.insert(out.positional.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (a.size() < 3 || a.rfind("--", 0) != 0) {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    const bool is_setting = name.find('.') != std::string::npos;
    const bool takes_value = is_setting || name == "set" || name == "config" ||
                             valued.contains(name) || aliases.contains(name);
    if (!takes_value) {
      if (!switches.contains(name)) return Status::InvalidArgument("unknown option --" + name);
      if (has_value) return Status::InvalidArgument("option --" + name + " takes no value");
      out.switches.insert(name);
      continue;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) return Status::InvalidArgument("option --" + name + " needs a value");
      value = args[++i];
    }
    if (name == "config") {
      config_file = value;
    } else if (name == "set") {
      size_t eq = value.find('=');
      if (eq == std::string::npos) {
        return Status::InvalidArgument("--set expects KEY=VALUE, got \"" + value + "\"");
      }
      overrides.push_back({value.substr(0, eq), value.substr(eq + 1)});
    } else if (is_setting) {
      overrides.push_back({name, value});
    } else if (auto alias = aliases.find(name); alias != aliases.end()) {
      overrides.push_back({alias->second, value});
    } else {
      out.flags[name] = value;
    }
  }
  if (config_file) {
    CC_ASSIGN_OR_RETURN(out.config, common::LoadConfigFile(*config_file));
  }
  for (const Override& o : overrides) {
    CC_RETURN_IF_ERROR(common::ApplySetting(out.config, o.key, o.value));
  }
  return out;
}

}  // namespace citecheck::cli
