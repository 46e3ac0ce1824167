#include "vigil/match/matcher.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <utility>

#include "token_trie.h"
#include "vigil/match/name_variants.h"
#include "vigil/match/normalize.h"
#include "vigil/match/snippet.h"
#include "vocabulary.h"
#include "word_scanner.h"

namespace vigil {
namespace {

// Who a compiled name belongs to: one entity of one list, or one keyword list.
struct Target {
  MatchKind kind = MatchKind::kEntity;
  std::string list_id;
  std::string entity_id;
  std::string entity_name;
  std::string keyword_id;
};

// What reaching a trie node means: `target` is found, via list name `name`.
struct Payload {
  uint32_t target = 0;
  uint32_t name = 0;  // index into names_
  VariantRule rule = VariantRule::kExact;
};

// A text word found in the vocabulary. Unknown words are not kept: they
// only break runs, since no name can continue across them.
struct KnownWord {
  size_t start;
  size_t end;
  uint32_t id;
  bool possessive;
  bool run_start;  // an unknown word (or the text start) comes just before
};

// A trie hit before overlaps are resolved: known words [first, last).
struct Candidate {
  uint32_t target;
  uint32_t first;
  uint32_t last;
  const Payload* payload;
};

// "LAST, First" reordering is for people; organisation names carry commas
// for other reasons ("ACME CO., LTD."). Untyped entries may be either.
bool ReordersComma(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kOther;
}

std::string RuleText(VariantRule rule, bool possessive) {
  if (!possessive) return VariantRuleName(rule);
  if (rule == VariantRule::kExact) return "possessive";
  return std::string(VariantRuleName(rule)) + "+possessive";
}

// The Matcher: every name variant and keyword term is a path of word ids in
// one trie. Scan() cuts the text into words once, looks each up in the
// vocabulary and walks the trie from each known word. Built by Build(), then
// immutable; Scan() keeps all state on its stack, so it is thread-safe.
class IndexedMatcher final : public Matcher {
 public:
  Status AddEntity(const Watchlist& list, const Entity& entity);
  Status AddKeywords(const KeywordList& keywords);
  void Finish();

  std::vector<Match> Scan(std::string_view text, const ScanOptions& options) const override;
  size_t name_count() const override { return payloads_.size(); }

 private:
  // False if `name` has no words.
  bool AddName(uint32_t target, std::string_view name, bool reorder_comma);
  void AddPayload(uint32_t node, const Payload& payload);
  // A word's vocabulary id, Vocabulary::kUnknown, or kEmptyWord.
  static constexpr uint32_t kEmptyWord = Vocabulary::kUnknown - 1;
  uint32_t Lookup(std::string_view text, const WordSpan& word,
                  std::string* scratch) const;
  std::vector<KnownWord> KnownWords(std::string_view text) const;
  std::vector<Candidate> FindCandidates(const std::vector<KnownWord>& words) const;
  Match MakeMatch(std::string_view text, const std::vector<KnownWord>& words,
                  const Candidate& candidate) const;

  Vocabulary vocabulary_;
  TokenTrie trie_;
  std::vector<Target> targets_;
  std::vector<std::string> names_;
  std::vector<std::vector<Payload>> pending_;  // by node, until Finish()
  std::vector<uint32_t> payload_begin_;        // by node; one past the last node
  std::vector<Payload> payloads_;
};

Status IndexedMatcher::AddEntity(const Watchlist& list, const Entity& entity) {
  auto target = static_cast<uint32_t>(targets_.size());
  targets_.push_back(Target{MatchKind::kEntity, list.id, entity.id, entity.name, {}});
  std::string where = "list '" + list.id + "' entity '" + entity.id + "': ";
  bool reorder = ReordersComma(entity.type);
  if (!AddName(target, entity.name, reorder)) {
    return Status::Error(where + "name has no letters");
  }
  for (const std::string& alias : entity.aliases) {
    if (!AddName(target, alias, reorder)) {
      return Status::Error(where + "alias '" + alias + "' has no letters");
    }
  }
  return Status::Ok();
}

Status IndexedMatcher::AddKeywords(const KeywordList& keywords) {
  auto target = static_cast<uint32_t>(targets_.size());
  targets_.push_back(Target{MatchKind::kKeyword, {}, {}, {}, keywords.id});
  for (const std::string& term : keywords.terms) {
    if (!AddName(target, term, /*reorder_comma=*/false)) {
      return Status::Error("keyword list '" + keywords.id + "': term '" + term +
                           "' has no letters");
    }
  }
  return Status::Ok();
}

bool IndexedMatcher::AddName(uint32_t target, std::string_view name,
                             bool reorder_comma) {
  std::vector<NameVariant> variants = NameVariants(name, reorder_comma);
  if (variants.empty()) return false;
  auto name_index = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  for (const NameVariant& variant : variants) {
    std::vector<uint32_t> path;
    path.reserve(variant.words.size());
    for (const std::string& word : variant.words) {
      path.push_back(vocabulary_.Intern(word));
    }
    AddPayload(trie_.Insert(path), Payload{target, name_index, variant.rule});
  }
  return true;
}

// One payload per (node, target): when several names of an entity compile to
// the same words, the most literal rule wins, then the earliest name (the
// primary name comes before aliases).
void IndexedMatcher::AddPayload(uint32_t node, const Payload& payload) {
  if (pending_.size() <= node) pending_.resize(node + 1);
  for (Payload& existing : pending_[node]) {
    if (existing.target != payload.target) continue;
    if (payload.rule < existing.rule) existing = payload;
    return;
  }
  pending_[node].push_back(payload);
}

void IndexedMatcher::Finish() {
  vocabulary_.Freeze();
  pending_.resize(trie_.node_count());
  payload_begin_.reserve(pending_.size() + 1);
  for (const std::vector<Payload>& node_payloads : pending_) {
    payload_begin_.push_back(static_cast<uint32_t>(payloads_.size()));
    payloads_.insert(payloads_.end(), node_payloads.begin(), node_payloads.end());
  }
  payload_begin_.push_back(static_cast<uint32_t>(payloads_.size()));
  pending_.clear();
  pending_.shrink_to_fit();
}

uint32_t IndexedMatcher::Lookup(std::string_view text, const WordSpan& word,
                                std::string* scratch) const {
  size_t length = word.end - word.start;
  if (word.ascii) {
    // Lower-casing keeps an ASCII word's length, so an over-long one cannot
    // be listed; most words end here or in the vocabulary's filter.
    if (length > vocabulary_.max_word_bytes()) return Vocabulary::kUnknown;
    char buffer[64];
    if (length <= sizeof(buffer)) {
      for (size_t i = 0; i < length; ++i) {
        buffer[i] = word_internal::kAsciiLower[static_cast<uint8_t>(text[word.start + i])];
      }
      return vocabulary_.Find(std::string_view(buffer, length));
    }
  }
  NormalizeWord(text.substr(word.start, length), scratch);
  // A word of marks alone (a lone combining voicing mark, say) normalises to
  // nothing; list names drop such words, so the text must skip them too.
  if (scratch->empty()) return kEmptyWord;
  return vocabulary_.Find(*scratch);
}

std::vector<KnownWord> IndexedMatcher::KnownWords(std::string_view text) const {
  std::vector<KnownWord> known;
  std::string scratch;
  bool run_start = true;
  word_internal::ForEachWord(text, [&](const WordSpan& word) {
    uint32_t id = Lookup(text, word, &scratch);
    if (id == kEmptyWord) return;
    if (id == Vocabulary::kUnknown) {
      run_start = true;
      return;
    }
    known.push_back(KnownWord{word.start, word.end, id, word.possessive, run_start});
    run_start = false;
  });
  return known;
}

std::vector<Candidate> IndexedMatcher::FindCandidates(
    const std::vector<KnownWord>& words) const {
  std::vector<Candidate> candidates;
  for (size_t first = 0; first < words.size(); ++first) {
    uint32_t node = TokenTrie::kRoot;
    for (size_t last = first; last < words.size(); ++last) {
      if (last > first && words[last].run_start) break;
      node = trie_.Child(node, words[last].id);
      if (node == TokenTrie::kNone) break;
      for (uint32_t p = payload_begin_[node]; p < payload_begin_[node + 1]; ++p) {
        candidates.push_back(Candidate{payloads_[p].target, static_cast<uint32_t>(first),
                                       static_cast<uint32_t>(last + 1), &payloads_[p]});
      }
    }
  }
  return candidates;
}

// Keeps, per target, the longest candidates that do not overlap a longer (or
// equally long, earlier) one. Different targets may overlap freely.
std::vector<Candidate> ResolveOverlaps(std::vector<Candidate> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(a.target, b.last - b.first, a.first) <
           std::make_tuple(b.target, a.last - a.first, b.first);
  });
  std::vector<Candidate> kept;
  std::map<uint32_t, uint32_t> taken;  // first -> last, for the current target
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (i > 0 && candidates[i - 1].target != c.target) taken.clear();
    auto next = taken.lower_bound(c.first);
    if (next != taken.end() && next->first < c.last) continue;
    if (next != taken.begin() && std::prev(next)->second > c.first) continue;
    taken.emplace(c.first, c.last);
    kept.push_back(c);
  }
  return kept;
}

Match IndexedMatcher::MakeMatch(std::string_view text, const std::vector<KnownWord>& words,
                                const Candidate& candidate) const {
  const Target& target = targets_[candidate.target];
  Match match;
  match.kind = target.kind;
  match.list_id = target.list_id;
  match.entity_id = target.entity_id;
  match.entity_name = target.entity_name;
  match.keyword_id = target.keyword_id;
  match.start = words[candidate.first].start;
  match.end = words[candidate.last - 1].end;
  match.matched = std::string(text.substr(match.start, match.end - match.start));
  match.snippet = MakeSnippet(text, match.start, match.end);
  match.score = 1.0;
  match.matched_name = names_[candidate.payload->name];
  match.rule = RuleText(candidate.payload->rule, words[candidate.last - 1].possessive);
  return match;
}

std::vector<Match> IndexedMatcher::Scan(std::string_view text, const ScanOptions& /*options*/) const {
  std::vector<KnownWord> words = KnownWords(text);
  std::vector<Candidate> kept = ResolveOverlaps(FindCandidates(words));
  std::vector<Match> matches;
  matches.reserve(kept.size());
  for (const Candidate& candidate : kept) matches.push_back(MakeMatch(text, words, candidate));
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return std::tie(a.start, b.end, a.kind, a.list_id, a.entity_id, a.keyword_id) <
           std::tie(b.start, a.end, b.kind, b.list_id, b.entity_id, b.keyword_id);
  });
  return matches;
}

}  // namespace

Result<std::shared_ptr<const Matcher>> Matcher::Build(
    const std::vector<Watchlist>& watchlists, const std::vector<KeywordList>& keywords) {
  auto matcher = std::make_shared<IndexedMatcher>();
  for (const Watchlist& list : watchlists) {
    for (const Entity& entity : list.entities) {
      Status status = matcher->AddEntity(list, entity);
      if (!status.ok()) return status;
    }
  }
  for (const KeywordList& keyword_list : keywords) {
    Status status = matcher->AddKeywords(keyword_list);
    if (!status.ok()) return status;
  }
  matcher->Finish();
  return std::shared_ptr<const Matcher>(std::move(matcher));
}

}  // namespace vigil
