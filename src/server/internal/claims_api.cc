// POST /v1/claims:verify and GET /v1/sources: one claim against one source, and what
// the API knows of a source. Both read sources through the cache, so a source is
// fetched and indexed once and then served from memory.
#include <boost/json.hpp>

#include "crawler/crawler.h"
#include "server/internal/api.h"

namespace citecheck::server::internal {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

// A claim is a sentence or a few: longer text is a draft, for POST /v1/checks.
constexpr size_t kMaxClaimBytes = 10000;

struct ClaimRequest {
  std::string id;
  std::string claim;
  text::Lang lang = text::Lang::kUnknown;
  std::string url;   // normalized
  std::string text;
};

Result<std::string> StringMember(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return std::string();
  if (!v->is_string()) return Status::InvalidArgument("\"" + std::string(key) + "\" must be a string");
  return std::string(v->as_string());
}

Result<ClaimRequest> ParseClaimRequest(std::string_view body) {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec) return Status::InvalidArgument("the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Status::InvalidArgument("the body must be a JSON object");
  const json::object& o = v.as_object();
  for (const auto& [key, value] : o) {
    if (key != "id" && key != "claim" && key != "lang" && key != "url" && key != "text") {
      return Status::InvalidArgument("unknown member \"" + std::string(key) +
                                     "\" (claim, lang, url, text, id)");
    }
  }
  ClaimRequest r;
  CC_ASSIGN_OR_RETURN(r.id, StringMember(o, "id"));
  CC_ASSIGN_OR_RETURN(r.claim, StringMember(o, "claim"));
  CC_ASSIGN_OR_RETURN(const std::string lang, StringMember(o, "lang"));
  CC_ASSIGN_OR_RETURN(const std::string url, StringMember(o, "url"));
  CC_ASSIGN_OR_RETURN(r.text, StringMember(o, "text"));
  if (r.claim.empty()) return Status::InvalidArgument("\"claim\" is missing or empty");
  if (r.claim.size() > kMaxClaimBytes) {
    return Status::InvalidArgument("\"claim\" is longer than " + std::to_string(kMaxClaimBytes) + " bytes");
  }
  r.lang = text::ParseLang(lang);
  if (!lang.empty() && r.lang == text::Lang::kUnknown) {
    return Status::InvalidArgument("\"lang\" must be \"fr\" or \"en\", not \"" + lang + "\"");
  }
  if (url.empty() == r.text.empty()) {
    return Status::InvalidArgument("give the source as exactly one of \"url\" and \"text\"");
  }
  if (!url.empty()) {
    CC_ASSIGN_OR_RETURN(r.url, crawler::NormalizeUrl(url));
  }
  return r;
}

SourceCache::Loaded SourceOfUrl(ApiContext& ctx, const std::string& url) {
  return ctx.sources.Get(url, [&ctx, &url] { return ctx.reader.ReadUrl(url); });
}

}  // namespace

Reply VerifyClaim(ApiContext& ctx, const Call& call) {
  auto request = ParseClaimRequest(call.request.body());
  if (!request.ok()) return ErrorReply(ErrorOf(request.status()));
  SourceCache::Loaded source = Status::Internal("no source");
  if (!request->url.empty()) {
    source = SourceOfUrl(ctx, request->url);
  } else {
    const std::string key = TextKey(request->text, request->lang);
    source = ctx.sources.Get(key, [&] { return ctx.reader.ReadText(key, request->text, request->lang); });
  }
  if (!source.ok()) return ErrorReply(ErrorOf(source.status()));
  auto result = VerifyCachedClaim(**source, request->claim, request->lang);
  if (!result.ok()) return ErrorReply(ErrorOf(result.status()));
  result->id = request->id;
  Reply r;
  // The same JSON as a line of `citecheck verify-claims`.
  r.body = service::ClaimCaseResultJson(*result, false, false);
  return r;
}

Reply GetSource(ApiContext& ctx, const Call& call) {
  auto url = call.match.query.find("url");
  if (url == call.match.query.end() || url->second.empty()) {
    return ErrorReply({ErrorCode::kInvalidRequest, "the \"url\" query parameter is required", 0, ""});
  }
  auto normalized = crawler::NormalizeUrl(url->second);
  if (!normalized.ok()) return ErrorReply(ErrorOf(normalized.status()));
  auto source = SourceOfUrl(ctx, *normalized);
  if (!source.ok()) return ErrorReply(ErrorOf(source.status()));
  auto text = call.match.query.find("text");
  const bool with_text = text == call.match.query.end() || text->second != "false";
  return JsonReply(SourceJson((*source)->info(), with_text));
}

}  // namespace citecheck::server::internal
