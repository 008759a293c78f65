// verify-claims: one claim against one source, through the check's own pipeline
// (extract, IndexDocument, draft::ClaimsOfText, verify::Verifier).
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>

#include "common/file.h"
#include "common/hash.h"
#include "service/service.h"

namespace citecheck::service {
namespace {

namespace json = boost::json;
using common::Result;
using common::Status;

// Evidence passages kept per case.
constexpr size_t kEvidenceKept = 5;

Result<std::string> StringMember(const json::object& o, std::string_view key, bool required) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) return Status::InvalidArgument("\"" + std::string(key) + "\" is missing");
    return std::string();
  }
  if (!v->is_string()) {
    return Status::InvalidArgument("\"" + std::string(key) + "\" must be a string");
  }
  return std::string(v->as_string());
}

// Media type from a file name, for Extract's dispatch; "" lets it sniff the bytes.
std::string MediaTypeOf(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return "text/html";
  if (ext == ".txt" || ext == ".md" || ext == ".text") return "text/plain";
  return "";
}

// The key a case's source is indexed under: its URL, else a name for the text or file.
std::string SourceKey(const ClaimCase& c) {
  if (!c.source_url.empty()) return c.source_url;
  if (!c.source_text.empty()) {
    char buf[24];
    std::snprintf(buf, sizeof(buf), "%016llx",
                  static_cast<unsigned long long>(common::StableHash64(c.source_text)));
    return std::string("text:") + buf;
  }
  return "file:" + c.source_file;
}

// The source read and indexed, or why it could not be.
struct Source {
  std::string key;
  std::string failure;
  text::Lang lang = text::Lang::kUnknown;
};

// `lang`: the case's language, for a source too short to tell its own.
Status IndexRead(const std::string& key, Result<extract::Document> doc, text::Lang lang,
                 index::Index& index, Source& out) {
  if (!doc.ok()) {
    out.failure = "unreadable content: " + doc.status().message();
    return Status::Ok();
  }
  if (doc->blocks.empty()) {
    out.failure = "the source has no text";
    return Status::Ok();
  }
  out.lang = text::ParseLang(doc->lang);
  if (out.lang == text::Lang::kUnknown) out.lang = text::DetectLanguage(doc->text);
  if (out.lang == text::Lang::kUnknown) out.lang = lang;
  // The passages are stemmed in the language they are indexed in: it must be one.
  doc->lang = std::string(text::LangCode(out.lang));
  return IndexDocument(key, *doc, index);
}

Result<Source> ReadSource(const ClaimCase& c, text::Lang lang, crawler::Fetcher* fetcher,
                          index::Index& index) {
  Source s;
  s.key = SourceKey(c);
  if (!c.source_text.empty()) {
    CC_RETURN_IF_ERROR(
        IndexRead(s.key, extract::ExtractPlainText(c.source_text, s.key), lang, index, s));
  } else if (!c.source_file.empty()) {
    auto body = common::ReadFile(c.source_file);
    if (!body.ok()) {
      s.failure = body.status().message();
      return s;
    }
    CC_RETURN_IF_ERROR(IndexRead(
        s.key, extract::Extract(*body, MediaTypeOf(c.source_file), "", s.key), lang, index, s));
  } else if (fetcher == nullptr) {
    s.failure = "sources given by URL cannot be fetched here";
  } else {
    std::vector<crawler::FetchResult> fetched = fetcher->FetchAll({c.source_url});
    CC_ASSIGN_OR_RETURN(SourceRead read, ReadFetched(std::move(fetched.at(0)), index));
    s.failure = read.failure;
    if (read.doc) s.lang = text::ParseLang(read.doc->lang);
  }
  return s;
}

// The claim's wording as one fact without a figure, as draft::ClaimsOfText makes it
// for a text that states no figure.
draft::Claim StatementOf(std::string_view text, text::Lang lang, size_t number) {
  draft::Claim c;
  c.id = "c" + std::to_string(number);
  c.has_figure = false;
  c.sentence = std::string(text);
  const std::vector<text::Word> words = text::Words(text);
  c.context = text::ContentWords(words, lang);
  c.negated = text::IsNegated(words);
  return c;
}

// contradicted < not_found < supported: the order in which a fact weakens a claim.
int Strength(verify::VerdictKind k) {
  switch (k) {
    case verify::VerdictKind::kUnverifiable:
      return 0;
    case verify::VerdictKind::kContradicted:
      return 1;
    case verify::VerdictKind::kNotFound:
      return 2;
    case verify::VerdictKind::kSupported:
      return 3;
  }
  return 0;
}

void Combine(ClaimCaseResult& r) {
  const FactResult* weakest = nullptr;
  for (const FactResult& f : r.facts) {
    const bool weaker =
        !weakest || Strength(f.verdict.kind) < Strength(weakest->verdict.kind) ||
        (f.verdict.kind == weakest->verdict.kind && f.verdict.support < weakest->verdict.support);
    if (weaker) weakest = &f;
  }
  if (weakest == nullptr) return;
  r.kind = weakest->verdict.kind;
  r.reason = weakest->verdict.reason;
  r.support = weakest->verdict.support;
  const FactResult* statement = nullptr;
  for (const FactResult& f : r.facts) {
    if (!f.claim.has_figure) statement = &f;
  }
  if (r.kind != verify::VerdictKind::kUnverifiable && statement != nullptr) {
    // The claim ranks by its wording's fitted score (which weighs its figures too). A
    // verdict other than supported already scales it by verify::kNotSupportedScale (and
    // halves it when contradicted); a wording backed in a claim that is not gets the same.
    double s = statement->verdict.support;
    if (statement->verdict.kind == verify::VerdictKind::kSupported &&
        r.kind != verify::VerdictKind::kSupported) {
      s *= verify::kNotSupportedScale;
    }
    if (r.kind == verify::VerdictKind::kContradicted &&
        statement->verdict.kind != verify::VerdictKind::kContradicted) {
      s *= 0.5;
    }
    r.support = r.kind == verify::VerdictKind::kSupported ? s : std::min(s, 0.49);
  }
  // The passages that best state the whole claim come first (its wording's, when it
  // has figures besides), then the weakest fact's, then the others'.
  std::vector<const FactResult*> order;
  for (const FactResult& f : r.facts) {
    if (!f.claim.has_figure) order.push_back(&f);
  }
  order.push_back(weakest);
  for (const FactResult& f : r.facts) order.push_back(&f);
  for (const FactResult* fp : order) {
    const FactResult& f = *fp;
    for (const verify::Evidence& e : f.verdict.evidence) {
      if (r.evidence.size() >= kEvidenceKept) break;
      const bool seen =
          std::any_of(r.evidence.begin(), r.evidence.end(), [&](const verify::Evidence& x) {
            return x.url == e.url && x.start == e.start && x.end == e.end;
          });
      if (!seen) r.evidence.push_back(e);
    }
  }
}

json::object SignalsJson(const verify::Signals& s) {
  return {{"window", s.window},
          {"greedy", s.greedy},
          {"source", s.source},
          {"names", s.names},
          {"missing", s.missing},
          {"terms", s.terms},
          {"conflict", s.conflict},
          {"passage", s.passage},
          {"names_window", s.names_window},
          {"max_missing", s.max_missing},
          {"figures", s.figures},
          {"figures_absent", s.figures_absent},
          {"figures_far", s.figures_far}};
}

// Rounds for output, so that results compare across platforms as text.
double Round(double v, double scale) { return std::round(v * scale) / scale; }

}  // namespace

Result<ClaimCase> ParseClaimCase(std::string_view line) {
  boost::system::error_code ec;
  json::value v = json::parse(line, ec);
  if (ec) return Status::InvalidArgument("not valid JSON: " + ec.message());
  if (!v.is_object()) return Status::InvalidArgument("not a JSON object");
  const json::object& o = v.as_object();
  ClaimCase c;
  CC_ASSIGN_OR_RETURN(c.id, StringMember(o, "id", true));
  CC_ASSIGN_OR_RETURN(c.claim, StringMember(o, "claim", true));
  CC_ASSIGN_OR_RETURN(std::string lang, StringMember(o, "lang", false));
  c.lang = text::ParseLang(lang);
  if (!lang.empty() && c.lang == text::Lang::kUnknown) {
    return Status::InvalidArgument("\"lang\" must be \"fr\" or \"en\", not \"" + lang + "\"");
  }
  CC_ASSIGN_OR_RETURN(c.source_text, StringMember(o, "source_text", false));
  CC_ASSIGN_OR_RETURN(c.source_file, StringMember(o, "source_file", false));
  CC_ASSIGN_OR_RETURN(c.source_url, StringMember(o, "source_url", false));
  CC_ASSIGN_OR_RETURN(c.claim_context, StringMember(o, "claim_context", false));
  if (c.id.empty()) return Status::InvalidArgument("\"id\" is empty");
  if (c.claim.empty()) return Status::InvalidArgument("\"claim\" is empty");
  if (c.source_text.empty() && c.source_file.empty() && c.source_url.empty()) {
    return Status::InvalidArgument("no source_text, source_file or source_url");
  }
  return c;
}

std::string ClaimCaseResultJson(const ClaimCaseResult& r, bool with_timing, bool with_signals) {
  json::object o;
  o["id"] = r.id;
  o["verdict"] = verify::VerdictName(r.kind);
  o["support"] = Round(r.support, 1e4);
  json::array evidence;
  for (const verify::Evidence& e : r.evidence) {
    evidence.push_back(json::object{
        {"text", e.text}, {"start", e.start}, {"end", e.end}, {"score", Round(e.score, 1e4)}});
  }
  o["evidence"] = std::move(evidence);
  json::array quantities;
  for (const FactResult& f : r.facts) {
    if (!f.claim.has_figure) continue;
    const text::Quantity& q = f.claim.quantity;
    json::object fact{{"text", q.text},
                      {"kind", text::QuantityKindName(q.kind)},
                      {"value", q.value},
                      {"unit", q.unit},
                      {"verdict", verify::VerdictName(f.verdict.kind)},
                      {"support", Round(f.verdict.support, 1e4)}};
    if (!f.verdict.evidence.empty()) fact["evidence_figure"] = f.verdict.evidence.front().figure;
    if (!f.verdict.derivation.empty()) fact["derivation"] = f.verdict.derivation;
    quantities.push_back(std::move(fact));
  }
  o["quantities"] = std::move(quantities);
  o["reason"] = r.reason;
  if (with_timing) o["verify_ms"] = Round(static_cast<double>(r.verify_micros) / 1000, 1e3);
  if (with_signals) {
    // The statement's: figures are judged by rule, the statement by the fitted model.
    for (const FactResult& f : r.facts) {
      if (!f.claim.has_figure) o["signals"] = SignalsJson(f.verdict.signals);
    }
  }
  return json::serialize(o);
}

ClaimCaseResult VerifyClaimText(const verify::Verifier& verifier, std::string_view claim,
                                const verify::SourceState& source, text::Lang lang) {
  ClaimCaseResult r;
  const auto start = std::chrono::steady_clock::now();
  std::vector<draft::Claim> facts = draft::ClaimsOfText(claim, lang);
  const bool has_figures =
      std::any_of(facts.begin(), facts.end(), [](const draft::Claim& f) { return f.has_figure; });
  if (has_figures) facts.push_back(StatementOf(claim, lang, facts.size() + 1));
  for (draft::Claim& fact : facts) {
    verify::Verdict v = verifier.Verify(fact, {source}, lang);
    r.facts.push_back({std::move(fact), std::move(v)});
  }
  r.verify_micros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  Combine(r);
  return r;
}

Result<std::vector<verify::Publisher>> LoadPublishers(const common::VerifyConfig& config) {
  std::vector<verify::Publisher> out = verify::BuiltinPublishers();
  if (config.publishers_file.empty()) return out;
  CC_ASSIGN_OR_RETURN(std::string text, common::ReadFile(config.publishers_file));
  CC_ASSIGN_OR_RETURN(std::vector<verify::Publisher> extra,
                      verify::ParsePublishers(text, config.publishers_file));
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

ClaimCaseRunner::ClaimCaseRunner(const common::Config& config, crawler::Fetcher* fetcher)
    : config_(config), fetcher_(fetcher) {}

Result<ClaimCaseResult> ClaimCaseRunner::Run(const ClaimCase& c) const {
  if (c.claim.empty()) return Status::InvalidArgument("case " + c.id + ": the claim is empty");
  CC_ASSIGN_OR_RETURN(std::unique_ptr<index::Index> index, index::Index::InMemory());
  text::Lang lang = c.lang;
  if (lang == text::Lang::kUnknown) lang = text::DetectLanguage(c.claim);
  CC_ASSIGN_OR_RETURN(Source source, ReadSource(c, lang, fetcher_, *index));
  if (lang == text::Lang::kUnknown) lang = source.lang;
  verify::SourceState state{0, source.key, true, source.failure.empty(), source.failure};
  verify::Verifier verifier(*index, config_.verify);
  ClaimCaseResult r = VerifyClaimText(verifier, c.claim, state, lang);
  r.id = c.id;
  // Every fact of an unreadable source says the same: the case's verdict explains it
  // without naming a source number no one gave.
  if (!source.failure.empty()) r.reason = "the source could not be read: " + source.failure;
  return r;
}

}  // namespace citecheck::service
