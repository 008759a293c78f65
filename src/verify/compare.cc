// Rewrite comparison: each version of a draft read as the source of the other.
#include <algorithm>

#include "verify/internal/match.h"
#include "verify/verify.h"

namespace citecheck::verify {
namespace {

using common::Result;

constexpr char kProseUrl[] = "draft:prose";

// The draft's prose (sources list left out) as one source document, a passage per block.
index::SourceDocument ProseOf(const draft::Draft& d, text::Lang lang) {
  index::SourceDocument doc;
  doc.url = kProseUrl;
  doc.lang = lang;
  std::vector<index::PassageInput> blocks;
  for (const draft::ProseBlock& b : d.blocks) {
    if (b.in_sources || b.text.empty()) continue;
    if (!doc.text.empty()) doc.text += "\n\n";
    blocks.push_back({doc.text.size(), doc.text.size() + b.text.size()});
    doc.text += b.text;
  }
  doc.passages = index::MakePassages(doc.text, blocks, lang);
  return doc;
}

text::Lang LangOf(const draft::Draft& a, const draft::Draft& b) {
  if (a.lang != text::Lang::kUnknown) return a.lang;
  return b.lang;
}

// Every claim of `claims` verified against the prose of `other`.
Result<std::vector<Verdict>> VerifyAgainst(const std::vector<draft::Claim>& claims,
                                           const draft::Draft& other, text::Lang lang,
                                           const common::VerifyConfig& config) {
  CC_ASSIGN_OR_RETURN(std::unique_ptr<index::Index> index, index::Index::InMemory());
  CC_RETURN_IF_ERROR(index->Replace(ProseOf(other, lang)));
  // The other version is the only source, and only its prose is read.
  common::VerifyConfig own = config;
  own.search_other_sources = false;
  Verifier verifier(*index, own);
  const std::vector<SourceState> states = {{0, kProseUrl, true, true, ""}};
  std::vector<Verdict> out;
  for (const draft::Claim& c : claims) out.push_back(verifier.Verify(c, states, lang));
  return out;
}

draft::Range FirstMention(const draft::Claim& c) {
  return c.mentions.empty() ? draft::Range{} : c.mentions.front().range;
}

bool SameFigure(const draft::Claim& a, const draft::Claim& b) {
  return a.has_figure && b.has_figure &&
         internal::Compare(a.quantity, b.quantity) == internal::Relation::kEqual;
}

// The claim of `claims` (not yet paired) whose figure is `figure`, or -1.
int FindByFigure(const std::vector<draft::Claim>& claims, const std::vector<bool>& used,
                 const draft::Claim& like) {
  for (size_t j = 0; j < claims.size(); ++j) {
    if (!used[j] && SameFigure(claims[j], like)) return static_cast<int>(j);
  }
  return -1;
}

// The source entries of `d` a claim is attributed to, as URLs (or names without one).
std::vector<std::string> SourceKeys(const draft::Draft& d, const std::vector<int>& indexes) {
  std::vector<std::string> out;
  for (int i : indexes) {
    if (i < 0 || static_cast<size_t>(i) >= d.sources.size()) continue;
    const draft::SourceEntry& e = d.sources[i];
    out.push_back(e.url.empty() ? e.name : e.url);
  }
  return out;
}

bool Lists(const draft::Draft& d, const std::string& key) {
  return std::any_of(d.sources.begin(), d.sources.end(), [&](const draft::SourceEntry& e) {
    return (e.url.empty() ? e.name : e.url) == key;
  });
}

// The original's claims the rewrite's fact rests on: the one whose figure it repeats,
// or, for a derived figure, the one whose figure the evidence states.
std::vector<std::string> BackingSources(const draft::Draft& original,
                                        const std::vector<draft::Claim>& claims,
                                        const draft::Claim& fact, const Verdict& v) {
  std::vector<std::string> out;
  for (const draft::Claim& c : claims) {
    const bool backs = SameFigure(c, fact) || (!v.evidence.empty() && c.has_figure &&
                                               c.quantity.text == v.evidence.front().figure);
    if (!backs) continue;
    for (std::string& k : SourceKeys(original, c.sources)) out.push_back(std::move(k));
  }
  return out;
}

class Comparer {
 public:
  Comparer(const draft::Draft& original, const draft::Draft& rewrite)
      : original_(original),
        rewrite_(rewrite),
        original_claims_(draft::ExtractClaims(original)),
        rewrite_claims_(draft::ExtractClaims(rewrite)),
        used_(rewrite_claims_.size(), false),
        paired_(rewrite_claims_.size(), FactChangeKind::kAdded) {}

  Result<Comparison> Run(const common::VerifyConfig& config) {
    const text::Lang lang = LangOf(original_, rewrite_);
    CC_ASSIGN_OR_RETURN(std::vector<Verdict> kept,
                        VerifyAgainst(original_claims_, rewrite_, lang, config));
    CC_ASSIGN_OR_RETURN(std::vector<Verdict> backed,
                        VerifyAgainst(rewrite_claims_, original_, lang, config));
    for (size_t i = 0; i < original_claims_.size(); ++i) OriginalFact(i, kept[i]);
    for (size_t j = 0; j < rewrite_claims_.size(); ++j) {
      if (!used_[j]) RewriteFact(j, backed[j]);
      Count(j, backed[j]);
    }
    CompareSources();
    out_.integrity = out_.rewrite.score();
    return out_;
  }

 private:
  void OriginalFact(size_t i, const Verdict& v) {
    const draft::Claim& c = original_claims_[i];
    FactChange f;
    f.original_id = c.id;
    f.original_figure = c.has_figure ? c.quantity.text : "";
    f.original_range = FirstMention(c);
    const int j = FindByFigure(rewrite_claims_, used_, c);
    if (v.kind == VerdictKind::kSupported && j >= 0) {
      f.kind = FactChangeKind::kKept;
      Pair(f, j);
      f.reason = "the rewrite states it: " + v.reason;
    } else if (v.kind == VerdictKind::kContradicted) {
      f.kind = FactChangeKind::kChanged;
      f.rewrite_figure = v.evidence.empty() ? "" : v.evidence.front().figure;
      for (size_t k = 0; k < rewrite_claims_.size(); ++k) {
        if (!used_[k] && rewrite_claims_[k].quantity.text == f.rewrite_figure) {
          Pair(f, static_cast<int>(k));
          break;
        }
      }
      f.reason = "the rewrite gives another figure: " + v.reason;
    } else if (v.kind == VerdictKind::kSupported) {
      f.kind = FactChangeKind::kKept;
      f.reason = "the rewrite states it in other words: " + v.reason;
    } else {
      f.kind = FactChangeKind::kDropped;
      f.reason = "the rewrite no longer states it";
    }
    out_.facts.push_back(std::move(f));
  }

  void Pair(FactChange& f, int j) {
    used_[j] = true;
    paired_[j] = f.kind;
    const draft::Claim& r = rewrite_claims_[j];
    f.rewrite_id = r.id;
    f.rewrite_figure = r.has_figure ? r.quantity.text : "";
    f.rewrite_range = FirstMention(r);
  }

  void RewriteFact(size_t j, const Verdict& v) {
    const draft::Claim& r = rewrite_claims_[j];
    FactChange f;
    f.rewrite_id = r.id;
    f.rewrite_figure = r.has_figure ? r.quantity.text : "";
    f.rewrite_range = FirstMention(r);
    if (v.kind == VerdictKind::kSupported && !v.derivation.empty()) {
      f.kind = FactChangeKind::kDerived;
      f.derivation = v.derivation;
      f.original_figure = v.evidence.empty() ? "" : v.evidence.front().figure;
      f.reason = "follows from the original (" + v.derivation + " of " + f.original_figure + ")";
    } else if (v.kind == VerdictKind::kSupported) {
      f.kind = FactChangeKind::kKept;
      f.reason = "the original states it: " + v.reason;
    } else if (v.kind == VerdictKind::kContradicted) {
      f.kind = FactChangeKind::kChanged;
      f.original_figure = v.evidence.empty() ? "" : v.evidence.front().figure;
      f.reason = "the original gives another figure: " + v.reason;
    } else {
      f.kind = FactChangeKind::kAdded;
      f.reason = "the original does not state it";
    }
    out_.facts.push_back(std::move(f));
  }

  // The rewrite's fact as a verdict for its integrity.
  void Count(size_t j, const Verdict& v) {
    VerdictKind kind = v.kind == VerdictKind::kUnverifiable ? VerdictKind::kNotFound : v.kind;
    // A fact paired with the original's keeps that pairing's reading.
    if (used_[j]) {
      kind = paired_[j] == FactChangeKind::kKept ? VerdictKind::kSupported
                                                 : VerdictKind::kContradicted;
    }
    if (kind == VerdictKind::kSupported) {
      std::vector<std::string> sources =
          BackingSources(original_, original_claims_, rewrite_claims_[j], v);
      const bool still_listed =
          sources.empty() || std::any_of(sources.begin(), sources.end(),
                                         [&](const std::string& k) { return Lists(rewrite_, k); });
      if (!still_listed) kind = VerdictKind::kUnverifiable;
    }
    switch (kind) {
      case VerdictKind::kSupported:
        ++out_.rewrite.supported;
        break;
      case VerdictKind::kContradicted:
        ++out_.rewrite.contradicted;
        break;
      case VerdictKind::kNotFound:
        ++out_.rewrite.not_found;
        break;
      case VerdictKind::kUnverifiable:
        ++out_.rewrite.unverifiable;
        break;
    }
  }

  void CompareSources() {
    for (const draft::SourceEntry& e : original_.sources) {
      if (e.from_inline_link) continue;
      if (!Lists(rewrite_, e.url.empty() ? e.name : e.url)) {
        out_.sources.push_back({"dropped", e.name, e.url, e.range});
      }
    }
    for (const draft::SourceEntry& e : rewrite_.sources) {
      if (e.from_inline_link) continue;
      if (!Lists(original_, e.url.empty() ? e.name : e.url)) {
        out_.sources.push_back({"added", e.name, e.url, e.range});
      }
    }
    const std::string_view text = rewrite_.content;
    for (const draft::Finding& f : rewrite_.findings) {
      if (f.code != "placeholder") continue;
      const draft::Range& r = f.range;
      std::string shown = r.end > r.begin && r.end <= text.size()
                              ? std::string(text.substr(r.begin, r.end - r.begin))
                              : f.message;
      out_.sources.push_back({"placeholder", std::move(shown), "", r});
    }
  }

  const draft::Draft& original_;
  const draft::Draft& rewrite_;
  const std::vector<draft::Claim> original_claims_;
  const std::vector<draft::Claim> rewrite_claims_;
  std::vector<bool> used_;              // rewrite claims already paired with an original one
  std::vector<FactChangeKind> paired_;  // how, when paired (kept or changed)
  Comparison out_;
};

}  // namespace

std::string_view FactChangeName(FactChangeKind kind) {
  switch (kind) {
    case FactChangeKind::kKept:
      return "kept";
    case FactChangeKind::kDerived:
      return "derived";
    case FactChangeKind::kChanged:
      return "changed";
    case FactChangeKind::kAdded:
      return "added";
    case FactChangeKind::kDropped:
      return "dropped";
  }
  return "unknown";
}

Result<Comparison> CompareDrafts(const draft::Draft& original, const draft::Draft& rewrite,
                                 const common::VerifyConfig& config) {
  return Comparer(original, rewrite).Run(config);
}

}  // namespace citecheck::verify
