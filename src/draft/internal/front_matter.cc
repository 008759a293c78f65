#include "draft/internal/front_matter.h"

#include <yaml-cpp/yaml.h>

namespace citecheck::draft::internal {
namespace {

// The line starting at `pos` without its line ending, and where the next one starts.
std::string_view LineAt(std::string_view s, size_t pos, size_t* next) {
  size_t nl = s.find('\n', pos);
  size_t end = nl == std::string_view::npos ? s.size() : nl;
  *next = nl == std::string_view::npos ? s.size() : nl + 1;
  std::string_view line = s.substr(pos, end - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool IsFence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

std::string Where(std::string_view path, int line) {
  return std::string(path) + ":" + std::to_string(line);
}

// Nesting deeper than this is flattened no further, and no more fields than this are
// kept: aliases can make a small YAML text expand without bound ("billion laughs").
constexpr int kMaxDepth = 8;
constexpr size_t kMaxFields = 2000;

// Appends the field `key` and, for mappings, its flattened children.
void AddFields(const std::string& key, const YAML::Node& key_node, const YAML::Node& value,
               int first_line, int depth, std::vector<FrontMatterField>& out) {
  if (out.size() >= kMaxFields) return;
  FrontMatterField f;
  f.key = key;
  f.line = first_line + key_node.Mark().line;
  if (value.IsScalar()) f.value = value.Scalar();
  if (value.IsSequence()) {
    for (const YAML::Node& item : value) {
      if (item.IsScalar()) f.items.push_back(item.Scalar());
    }
  }
  out.push_back(std::move(f));
  if (depth >= kMaxDepth) return;
  if (value.IsMap()) {
    for (const auto& kv : value) {
      AddFields(key + "." + kv.first.as<std::string>(""), kv.first, kv.second, first_line,
                depth + 1, out);
    }
  } else if (value.IsSequence()) {
    // Scalars of a sequence that also holds mappings get an index too, so that the
    // order of the items survives flattening.
    bool mixed = false;
    for (const YAML::Node& item : value) mixed = mixed || item.IsMap();
    size_t index = 0;
    for (const YAML::Node& item : value) {
      const std::string prefix = key + "[" + std::to_string(index++) + "]";
      if (mixed && item.IsScalar() && out.size() < kMaxFields) {
        out.push_back({prefix, item.Scalar(), {}, first_line + item.Mark().line});
      }
      if (!item.IsMap()) continue;
      for (const auto& kv : item) {
        AddFields(prefix + "." + kv.first.as<std::string>(""), kv.first, kv.second, first_line,
                  depth + 1, out);
      }
    }
  }
}

}  // namespace

common::Result<FrontMatter> ParseFrontMatter(std::string_view path, std::string_view content) {
  FrontMatter fm;
  size_t start = content.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // UTF-8 BOM
  size_t next = 0;
  if (!IsFence(LineAt(content, start, &next), false)) return fm;
  const size_t yaml_begin = next;
  size_t pos = next;
  int line_no = 2;
  while (pos < content.size()) {
    size_t after = 0;
    std::string_view line = LineAt(content, pos, &after);
    if (IsFence(line, true)) {
      fm.end = after;
      break;
    }
    pos = after;
    ++line_no;
  }
  if (fm.end == 0) {
    return common::Status::InvalidArgument(Where(path, 1) +
                                           ": front matter opened with \"---\" is never closed");
  }
  std::string yaml(content.substr(yaml_begin, pos - yaml_begin));
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    return common::Status::InvalidArgument(Where(path, 2 + e.mark.line) +
                                           ": front matter is not valid YAML: " + e.msg);
  }
  if (root.IsNull()) return fm;
  if (!root.IsMap()) {
    return common::Status::InvalidArgument(
        Where(path, 2) + ": front matter must be a YAML mapping of keys to values");
  }
  try {
    for (const auto& kv : root) {
      AddFields(kv.first.as<std::string>(""), kv.first, kv.second, 2, 0, fm.fields);
    }
  } catch (const YAML::Exception& e) {
    return common::Status::InvalidArgument(Where(path, 2 + e.mark.line) +
                                           ": front matter: " + e.msg);
  }
  return fm;
}

}  // namespace citecheck::draft::internal
