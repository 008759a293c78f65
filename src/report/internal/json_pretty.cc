#include "report/internal/json_pretty.h"

#include <boost/json.hpp>

namespace citecheck::report::internal {
namespace {

namespace json = boost::json;

void Indent(std::string& out, int depth) { out.append(static_cast<size_t>(depth) * 2, ' '); }

// Boost.JSON 1.81 serializes compactly; this adds line breaks and indentation around
// its serialization of every scalar and key.
void Pretty(const json::value& v, std::string& out, int depth) {
  if (const json::object* o = v.if_object()) {
    if (o->empty()) return out.append("{}"), void();
    out += "{\n";
    size_t i = 0;
    for (const auto& kv : *o) {
      Indent(out, depth + 1);
      out += json::serialize(json::string(kv.key()));
      out += ": ";
      Pretty(kv.value(), out, depth + 1);
      out += ++i < o->size() ? ",\n" : "\n";
    }
    Indent(out, depth);
    out += "}";
    return;
  }
  if (const json::array* a = v.if_array()) {
    if (a->empty()) return out.append("[]"), void();
    out += "[\n";
    for (size_t i = 0; i < a->size(); ++i) {
      Indent(out, depth + 1);
      Pretty((*a)[i], out, depth + 1);
      out += i + 1 < a->size() ? ",\n" : "\n";
    }
    Indent(out, depth);
    out += "]";
    return;
  }
  out += json::serialize(v);
}

}  // namespace

std::string PrettyJson(const json::value& v) {
  std::string out;
  Pretty(v, out, 0);
  out += '\n';
  return out;
}

}  // namespace citecheck::report::internal
