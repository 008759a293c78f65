// Splits and parses a draft's YAML front matter.
#ifndef CITECHECK_DRAFT_INTERNAL_FRONT_MATTER_H_
#define CITECHECK_DRAFT_INTERNAL_FRONT_MATTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "draft/draft.h"

namespace citecheck::draft::internal {

struct FrontMatter {
  std::vector<FrontMatterField> fields;
  size_t end = 0;  // byte offset just past the closing "---" line; 0 when there is none
};

// Reads the front matter at the start of `content` ("---" line, YAML, "---" or "..."
// line). A file without one gives an empty FrontMatter. Errors name path and line:
// unterminated block, YAML syntax error, YAML that is not a mapping.
common::Result<FrontMatter> ParseFrontMatter(std::string_view path, std::string_view content);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_FRONT_MATTER_H_
