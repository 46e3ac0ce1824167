#include "vigil/match/matcher.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "common_words.h"
#include "fuzzy.h"
#include "gated_words.h"
#include "match_rules.h"
#include "token_trie.h"
#include "word_gate.h"
#include "vigil/match/name_variants.h"
#include "vigil/match/normalize.h"
#include "vigil/match/snippet.h"
#include "vocabulary.h"
#include "word_scanner.h"

namespace vigil {
namespace {

using match_internal::ClassifyWord;
using match_internal::JaroWinkler;
using match_internal::kWeakScore;
using match_internal::LegalFormSynonyms;
using match_internal::AfterCapitalisedWord;
using match_internal::BeforeCapitalisedWord;
using match_internal::BreaksName;
using match_internal::HasListedCapitals;
using match_internal::HasVesselContext;
using match_internal::kMinFuzzyWordBytes;
using match_internal::kMinTokenSimilarity;
using match_internal::Skeleton;
using match_internal::SkeletonInto;
using match_internal::WordClass;

constexpr uint32_t kNoGroup = UINT32_MAX;
// A name may have this many fuzzy words, and needs one exact word besides.
constexpr size_t kMaxFuzzyWords = 3;

// Who a compiled name belongs to: one entity of one list, or one keyword
// list. Compact (strings live in arenas): a million entities must fit.
struct Target {
  MatchKind kind = MatchKind::kEntity;
  EntityType type = EntityType::kOther;
  uint32_t group = 0;         // index into groups_: the watchlist or keyword list
  uint32_t id_offset = 0;     // the entity id in ids_
  uint32_t id_length = 0;
  uint32_t primary_name = 0;  // index into the names: the entity's primary name
};

// A watchlist or keyword list.
struct Group {
  std::string id;
  double min_score = 0.9;
};

enum PayloadFlag : uint8_t {
  kNameTransliterated = 1,  // the listed name is in a transliterated script
  kSingleWord = 2,          // the variant is one word
  kOrdinaryWord = 4,        // ... an ordinary English word ("forest")
  kProperNoun = 8,          // ... a given name or place ("daniel", "dover")
  kAllOrdinary = 16,        // several words, all ordinary ("THE BASE", "DAY BANK")
  kGivenDropped = 32,       // first of several surnames without all given names
  kLastOfNode = 64,         // the last of its trie node's payloads
};

// What reaching a trie node means: `target` is found, via list name `name`.
struct Payload {
  uint32_t target = 0;
  uint32_t name = 0;  // index into names_
  VariantRule rule = VariantRule::kExact;
  uint8_t flags = 0;
};

// A text word that a name can use: in the vocabulary, or a spelling
// variant of vocabulary words (a fuzzy group). Other words are not kept:
// they only break runs, since no name can continue across them.
struct TextWord {
  uint32_t start;
  uint32_t end;
  uint32_t id;            // Vocabulary::kUnknown if only fuzzy
  uint32_t group;         // kNoGroup if no spelling variants are tried
  uint32_t norm_offset;   // the normalised word in the scan's arena (if group)
  uint32_t norm_length;   // its length (always: an exact word's is its listed word's)
  bool possessive;
  bool run_start;         // a word no name uses (or the text start) is just before
  bool transliterated;
  bool capitalized;       // starts with a capital, or is in another script
  // The word gate found this word and the one before in a row in some
  // listed name (see GatedWordReader): without it, no trie edge leads from
  // the word before, or from a spelling variant of it that all-capitalised
  // text could match, to this one.
  bool paired;
};

// A word matched to a listed word that it is only similar to.
struct FuzzyStep {
  uint32_t pos;     // index into the text words
  uint32_t listed;  // vocabulary id
};

// A trie hit before overlaps are resolved: text words [first, last).
struct Candidate {
  uint32_t target;
  uint32_t first;
  uint32_t last;
  const Payload* payload;
  double similarity;  // length-weighted mean token similarity
  uint8_t fuzzy_count;
  std::array<FuzzyStep, kMaxFuzzyWords> fuzzy;
  bool transliterated;  // some text word of it was transliterated
  bool all_capitalized;
  // Filled by Evaluate().
  double score = 1.0;
  bool alert = true;
  bool context = false;  // a one-word name confirmed by its surroundings
  int rank = 0;          // lower is a more literal reading
};

// The walk's state between words.
struct WalkState {
  uint32_t first;
  double weighted = 0;  // sum of listed word length x similarity
  double weight = 0;    // sum of listed word lengths
  uint8_t fuzzy_count = 0;
  uint8_t exact_count = 0;
  bool all_capitalized = true;
  std::array<FuzzyStep, kMaxFuzzyWords> fuzzy{};
  bool transliterated = false;
};

// A word the word gate kept, as GatedWordReader hands it over.
struct KeptWord {
  WordSpan span;
  uint64_t hash;
  uint64_t spelling;
  bool gap;
  bool paired;
};

// Scan()'s working memory, one set per thread.
struct ScanBuffers {
  SpellingCache spellings;
  std::vector<KeptWord> kept;
  std::vector<TextWord> words;
  std::string arena;
  std::vector<Candidate> candidates;
  std::vector<uint32_t> next_group;
};

NameKind KindOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return NameKind::kPerson;
    case EntityType::kOrganization:
      return NameKind::kOrganization;
    case EntityType::kOther:
      return NameKind::kOther;
    case EntityType::kVessel:
    case EntityType::kAircraft:
      return NameKind::kPlain;
  }
  return NameKind::kOther;
}

bool NeedsTransliteration(std::string_view name) {
  std::vector<WordSpan> spans;
  FindWords(name, &spans);
  for (const WordSpan& span : spans) {
    if (span.ascii) continue;
    bool transliterated = false;
    std::string scratch;
    NormalizeWord(name.substr(span.start, span.end - span.start), &scratch, &transliterated);
    if (transliterated) return true;
  }
  return false;
}


// The Matcher: every name variant and keyword term is a path of word ids in
// one trie. Scan() cuts the text into words once, looks each up in the
// vocabulary (and, for capitalised words, in the index of spelling
// skeletons) and walks the trie from each usable word. Built by Build(),
// then immutable; Scan() keeps all state on its stack, so it is thread-safe.
class IndexedMatcher final : public Matcher {
 public:
  IndexedMatcher();
  Status AddEntity(const Watchlist& list, const Entity& entity);
  Status AddKeywords(const KeywordList& keywords);
  // Room for about `names` names, sized by what real lists compile to.
  void Reserve(size_t names) {
    trie_.Reserve(names * 3);
    targets_.reserve(names);
    name_begin_.reserve(names + 1);
    pending_.reserve(names * 2);
  }
  void Finish();

  std::vector<Match> Scan(std::string_view text, const ScanOptions& options) const override;
  size_t name_count() const override { return payloads_.size(); }

 private:
  bool AddName(uint32_t target, std::string_view name, NameKind kind);
  // Inserts `path` into the trie, with `payload` at its end, in a batch
  // (see InsertQueued()).
  void QueueInsert(std::span<const uint32_t> path, const Payload& payload);
  void InsertQueued();
  void BuildFuzzyIndex();
  // `first_payload`: by trie node, its first payload, or kNone where no
  // name ends.
  void BuildWordGate(const std::vector<uint32_t>& first_payload);

  void ScanWords(std::string_view text, SpellingCache* spellings, std::vector<KeptWord>* kept,
                 std::vector<TextWord>* words, std::string* arena) const;
  // Walks on from trie node `node`, reached with words [state.first, pos),
  // whose payloads start at `payload` (kNone: none).
  void Walk(const std::vector<TextWord>& words, std::string_view arena, uint32_t pos, uint32_t node,
            uint32_t payload, const WalkState& state, std::vector<Candidate>* out) const;
  // Appends a candidate for each payload of the run from `payload` on.
  template <typename Make>
  void AddCandidates(uint32_t payload, Make&& make, std::vector<Candidate>* out) const {
    for (uint32_t p = payload;; ++p) {
      const Payload& pl = payloads_[p];
      make(pl, out);
      if (pl.flags & kLastOfNode) return;
    }
  }
  void Evaluate(std::string_view text, const std::vector<TextWord>& words, Candidate* c) const;
  Match MakeMatch(std::string_view text, const std::vector<TextWord>& words,
                  const Candidate& candidate) const;

  Vocabulary vocabulary_;
  TokenTrie trie_;
  WordGate gate_;
  std::string_view Name(uint32_t name) const {
    return std::string_view(name_text_).substr(name_begin_[name], name_begin_[name + 1] - name_begin_[name]);
  }
  uint32_t GroupIndex(const std::string& id, double min_score);
  // What the word list and the legal forms say about a word, computed once
  // per word id while building.
  enum : uint8_t { kKnownInfo = 1, kLegalInfo = 2, kClassInfo = 12, kOrdinaryInfo = 4, kProperInfo = 8 };
  uint8_t WordInfo(uint32_t id);
  std::vector<uint8_t> word_info_;             // by word id; build time only

  std::vector<Target> targets_;
  std::vector<Group> groups_;
  std::string ids_;                            // entity ids back to back
  std::string name_text_;                      // list names back to back
  std::vector<uint32_t> name_begin_ = {0};     // by name; one past the last
  // Paths waiting for the trie: their words back to back, each with its
  // payload.
  struct QueuedPath {
    uint32_t begin;
    uint32_t length;
    Payload payload;
  };
  static constexpr size_t kInsertBatch = 32;
  std::vector<QueuedPath> queued_;
  std::vector<uint32_t> queued_words_;
  // (node, payload) as compiled, until Finish() sorts and merges them.
  std::vector<std::pair<uint32_t, Payload>> pending_;
  // A node's payloads are a run of payloads_ ending in one marked
  // kLastOfNode; the trie keeps where the run starts as the node's value
  // (TokenTrie::Freeze()), or kNone if the node has none, so that a walk
  // reads it with the step to the node, not from a table by node (a big
  // list's would be out of cache).
  std::vector<Payload> payloads_;
  std::vector<bool> entity_word_;              // by word id: used by an entity name
  // Spelling variants: skeleton key -> group of vocabulary ids.
  Vocabulary skeletons_;                       // ids are group numbers
  std::vector<uint32_t> group_begin_;          // by group; one past the last
  std::vector<uint32_t> group_members_;
  std::vector<uint32_t> word_group_;           // by word id, or kNoGroup
  // By word id, for words with a group: an ordinary English word, so never
  // a misspelt name (ClassifyWord() once at build, not per text word).
  std::vector<bool> ordinary_word_;
  std::vector<bool> legal_word_;               // by word id: a legal form
  size_t max_name_words_ = 0;                  // longest compiled variant
};

IndexedMatcher::IndexedMatcher() {
  for (const auto& group : LegalFormSynonyms()) {
    uint32_t id = vocabulary_.Intern(group[0]);
    for (size_t i = 1; i < group.size(); ++i) vocabulary_.AddSynonym(group[i], id);
  }
}

uint32_t IndexedMatcher::GroupIndex(const std::string& id, double min_score) {
  if (groups_.empty() || groups_.back().id != id || groups_.back().min_score != min_score) {
    groups_.push_back({id, min_score});
  }
  return static_cast<uint32_t>(groups_.size() - 1);
}

uint8_t IndexedMatcher::WordInfo(uint32_t id) {
  if (word_info_.size() <= id) word_info_.resize(id + 1, 0);
  uint8_t& info = word_info_[id];
  if (info == 0) {
    std::string_view word = vocabulary_.Word(id);
    info = kKnownInfo | (IsLegalFormWord(word) ? kLegalInfo : 0);
    WordClass word_class = ClassifyWord(word);
    if (word_class == WordClass::kOrdinary) info |= kOrdinaryInfo;
    if (word_class == WordClass::kProperNoun) info |= kProperInfo;
  }
  return info;
}

Status IndexedMatcher::AddEntity(const Watchlist& list, const Entity& entity) {
  auto target = static_cast<uint32_t>(targets_.size());
  targets_.push_back(Target{MatchKind::kEntity, entity.type, GroupIndex(list.id, list.min_score),
                            static_cast<uint32_t>(ids_.size()),
                            static_cast<uint32_t>(entity.id.size()),
                            static_cast<uint32_t>(name_begin_.size() - 1)});
  ids_ += entity.id;
  auto where = [&]() { return "list '" + list.id + "' entity '" + entity.id + "': "; };
  NameKind kind = KindOf(entity.type);
  if (!AddName(target, entity.name, kind)) {
    return Status::Error(where() + "name has no letters");
  }
  for (const std::string& alias : entity.aliases) {
    if (!AddName(target, alias, kind)) {
      return Status::Error(where() + "alias '" + alias + "' has no letters");
    }
  }
  return Status::Ok();
}

Status IndexedMatcher::AddKeywords(const KeywordList& keywords) {
  auto target = static_cast<uint32_t>(targets_.size());
  targets_.push_back(Target{MatchKind::kKeyword, EntityType::kOther, GroupIndex(keywords.id, 0), 0, 0,
                            static_cast<uint32_t>(name_begin_.size() - 1)});
  for (const std::string& term : keywords.terms) {
    if (!AddName(target, term, NameKind::kPlain)) {
      return Status::Error("keyword list '" + keywords.id + "': term '" + term +
                           "' has no letters");
    }
  }
  return Status::Ok();
}

bool IndexedMatcher::AddName(uint32_t target, std::string_view name, NameKind kind) {
  std::vector<NameVariant> variants = NameVariants(name, kind);
  if (variants.empty()) return false;
  bool entity = targets_[target].kind == MatchKind::kEntity;
  auto name_index = static_cast<uint32_t>(name_begin_.size() - 1);
  name_text_.append(name);
  name_begin_.push_back(static_cast<uint32_t>(name_text_.size()));
  uint8_t base_flags = 0;
  bool ascii = std::all_of(name.begin(), name.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; });
  if (!ascii && NeedsTransliteration(name)) base_flags |= kNameTransliterated;
  std::vector<uint32_t> path;
  for (const NameVariant& variant : variants) {
    path.clear();
    for (const std::string& word : variant.words) {
      uint32_t id = vocabulary_.Intern(word);
      if (entity) {
        if (entity_word_.size() <= id) entity_word_.resize(id + 1, false);
        entity_word_[id] = true;
      }
      path.push_back(id);
    }
    uint8_t flags = base_flags;
    if (entity && path.size() >= 2 && std::all_of(path.begin(), path.end(), [&](uint32_t id) {
          uint8_t info = WordInfo(id);
          return (info & kLegalInfo) || (info & kClassInfo) == kOrdinaryInfo;
        })) {
      flags |= kAllOrdinary;
    }
    if (variant.rule == VariantRule::kDoubleSurname) {
      // "Nicolas Maduro" of "MADURO GUERRA, Nicolas Ernesto" drops a given name.
      size_t comma = name.find(',');
      std::vector<WordSpan> given;
      if (comma != std::string_view::npos) FindWords(name.substr(comma + 1), &given);
      if (variant.words.size() < given.size() + 1) flags |= kGivenDropped;
    }
    if (path.size() == 1) {
      flags |= kSingleWord;
      uint8_t word_class = WordInfo(path[0]) & kClassInfo;
      if (word_class == kOrdinaryInfo) flags |= kOrdinaryWord;
      if (word_class == kProperInfo) flags |= kProperNoun;
    }
    max_name_words_ = std::max(max_name_words_, path.size());
    QueueInsert(path, Payload{target, name_index, variant.rule, flags});
  }
  return true;
}

void IndexedMatcher::QueueInsert(std::span<const uint32_t> path, const Payload& payload) {
  queued_.push_back(QueuedPath{static_cast<uint32_t>(queued_words_.size()),
                               static_cast<uint32_t>(path.size()), payload});
  queued_words_.insert(queued_words_.end(), path.begin(), path.end());
  if (queued_.size() == kInsertBatch) InsertQueued();
}

void IndexedMatcher::InsertQueued() {
  auto path_of = [&](const QueuedPath& q) {
    return std::span<const uint32_t>(queued_words_.data() + q.begin, q.length);
  };
  // A level at a time, each path's next edge is asked for, from nodes the
  // level before brought into cache; then the paths go in, in order, so
  // that nodes are numbered as if inserted one by one.
  std::array<uint32_t, kInsertBatch> node;
  node.fill(TokenTrie::kRoot);
  for (size_t depth = 0; depth < 3; ++depth) {
    for (size_t i = 0; i < queued_.size(); ++i) {
      std::span<const uint32_t> path = path_of(queued_[i]);
      if (node[i] == TokenTrie::kNone || depth + 1 >= path.size()) continue;
      node[i] = trie_.Child(node[i], path[depth]);
      if (node[i] != TokenTrie::kNone) trie_.Prefetch(node[i], path[depth + 1]);
    }
  }
  for (const QueuedPath& q : queued_) pending_.emplace_back(trie_.Insert(path_of(q)), q.payload);
  queued_.clear();
  queued_words_.clear();
}

void IndexedMatcher::BuildFuzzyIndex() {
  std::unordered_map<std::string, std::vector<uint32_t>> groups;
  word_group_.assign(vocabulary_.size(), kNoGroup);
  ordinary_word_.assign(vocabulary_.size(), false);
  for (uint32_t id = 0; id < entity_word_.size(); ++id) {
    if (!entity_word_[id]) continue;
    std::string_view word = vocabulary_.Word(id);
    if (word.size() < kMinFuzzyWordBytes || legal_word_[id]) continue;
    std::string key = Skeleton(word);
    // Two-consonant keys ("jn": John, Jhan, Jean) are too loose.
    if (key.size() < 3) continue;
    groups[key].push_back(id);
  }
  group_begin_.reserve(groups.size() + 1);
  for (auto& [key, members] : groups) {
    auto group = static_cast<uint32_t>(group_begin_.size());
    uint32_t interned = skeletons_.Intern(key);
    (void)interned;  // == group: keys are distinct
    group_begin_.push_back(static_cast<uint32_t>(group_members_.size()));
    for (uint32_t id : members) {
      group_members_.push_back(id);
      // A listed word with no other spelling in the index needs no group.
      if (members.size() > 1) {
        word_group_[id] = group;
        ordinary_word_[id] = ClassifyWord(vocabulary_.Word(id)) == WordClass::kOrdinary;
      }
    }
  }
  group_begin_.push_back(static_cast<uint32_t>(group_members_.size()));
  skeletons_.Freeze();
}

void IndexedMatcher::Finish() {
  InsertQueued();
  legal_word_.assign(vocabulary_.size(), false);
  for (uint32_t id = 0; id < vocabulary_.size(); ++id) {
    legal_word_[id] = id < word_info_.size() && word_info_[id] != 0
                          ? (word_info_[id] & kLegalInfo) != 0
                          : IsLegalFormWord(vocabulary_.Word(id));
  }
  word_info_.clear();
  word_info_.shrink_to_fit();
  BuildFuzzyIndex();
  entity_word_.clear();
  entity_word_.shrink_to_fit();
  vocabulary_.Freeze();
  // One payload per (node, target, script): when several names of an entity
  // compile to the same words, the most literal rule wins, then the earliest
  // name (the primary name comes before aliases; the sort is stable). A
  // transliterated name is kept beside a Latin one so that "Путин" reports
  // the Cyrillic alias.
  auto key = [](const std::pair<uint32_t, Payload>& p) {
    return std::make_tuple(p.first, p.second.target, p.second.flags & kNameTransliterated,
                           p.second.rule);
  };
  // By node first with a counting sort (stable), then each node's few
  // payloads: one comparison sort of a million names' payloads cost a
  // tenth of the build.
  {
    std::vector<uint32_t> next(trie_.node_count() + 1, 0);
    for (const auto& entry : pending_) ++next[entry.first + 1];
    for (size_t node = 0; node < trie_.node_count(); ++node) next[node + 1] += next[node];
    std::vector<std::pair<uint32_t, Payload>> by_node(pending_.size());
    for (const auto& entry : pending_) by_node[next[entry.first]++] = entry;
    pending_ = std::move(by_node);
  }
  for (size_t i = 0; i < pending_.size();) {
    size_t end = i + 1;
    while (end < pending_.size() && pending_[end].first == pending_[i].first) ++end;
    if (end - i > 1) {
      std::stable_sort(pending_.begin() + static_cast<long>(i), pending_.begin() + static_cast<long>(end),
                       [&](const auto& a, const auto& b) { return key(a) < key(b); });
    }
    i = end;
  }
  // Runs of payloads by node, in node order; each node's first, for the trie.
  std::vector<uint32_t> first_payload(trie_.node_count(), TokenTrie::kNone);
  for (size_t i = 0; i < pending_.size(); ++i) {
    const auto& [node, payload] = pending_[i];
    bool same_node = i > 0 && pending_[i - 1].first == node;
    if (same_node && pending_[i - 1].second.target == payload.target &&
        (pending_[i - 1].second.flags & kNameTransliterated) ==
            (payload.flags & kNameTransliterated)) {
      continue;
    }
    if (!same_node) {
      if (!payloads_.empty()) payloads_.back().flags |= kLastOfNode;
      first_payload[node] = static_cast<uint32_t>(payloads_.size());
    }
    payloads_.push_back(payload);
  }
  if (!payloads_.empty()) payloads_.back().flags |= kLastOfNode;
  pending_.clear();
  pending_.shrink_to_fit();
  BuildWordGate(first_payload);
  trie_.Freeze(first_payload);
}

void IndexedMatcher::BuildWordGate(const std::vector<uint32_t>& first_payload) {
  // A word id's spellings (the word, and synonyms: "ltd" for "limited"),
  // each as its hash and its spelling key.
  struct Spelling {
    uint32_t id;
    uint64_t hash;
    uint64_t key;
  };
  std::vector<Spelling> spellings;
  spellings.reserve(vocabulary_.size());
  vocabulary_.ForEachSpelling([&](std::string_view word, uint64_t hash, uint32_t id) {
    spellings.push_back({id, hash, SpellingKey(word, hash)});
    gate_.AddListed(hash);
  });
  std::sort(spellings.begin(), spellings.end(),
            [](const Spelling& a, const Spelling& b) { return a.id < b.id; });
  std::vector<uint32_t> first(vocabulary_.size() + 1, 0);
  for (const Spelling& sp : spellings) ++first[sp.id + 1];
  for (size_t id = 0; id < vocabulary_.size(); ++id) first[id + 1] += first[id];
  auto of = [&](uint32_t id) {
    return std::span<const Spelling>(spellings.data() + first[id], first[id + 1] - first[id]);
  };
  // Every edge below the root is a pair: the word into its parent, then
  // its own word.
  const std::vector<uint32_t>& parents = trie_.parents();
  const std::vector<uint32_t>& words = trie_.words();
  for (uint32_t node = 1; node < parents.size(); ++node) {
    uint32_t parent = parents[node];
    bool named = first_payload[node] != TokenTrie::kNone;
    if (parent == TokenTrie::kRoot) {
      if (named) {
        for (const Spelling& b : of(words[node])) gate_.AddSingle(b.hash);
      }
      continue;
    }
    bool complete = named && parents[parent] == TokenTrie::kRoot;
    for (const Spelling& a : of(words[parent])) {
      for (const Spelling& b : of(words[node])) {
        gate_.exact.Add(PairFilter::Key(a.hash, b.hash), complete);
        gate_.spelling.Add(PairFilter::Key(a.key, b.key), complete);
      }
    }
  }
  gate_.Freeze();
}

void IndexedMatcher::ScanWords(std::string_view text, SpellingCache* spellings,
                               std::vector<KeptWord>* kept, std::vector<TextWord>* words,
                               std::string* arena) const {
  std::string scratch;
  bool run_start = true;
  const bool fuzzy = !group_members_.empty();
  const size_t max_bytes = vocabulary_.max_word_bytes();
  char buffer[72] = {};  // 64 word bytes and 8 readable ones for FindPadded()
  // Looks a word up: in the vocabulary, and for spelling variants.
  auto on_word = [&](const WordSpan& span, uint64_t hash, uint64_t spelling, bool paired) {
    size_t length = span.end - span.start;
    uint32_t id = Vocabulary::kUnknown;
    bool transliterated = false;
    std::string_view normalized;
    bool padded = false;
    if (span.ascii && length <= 64) {
      // Lower-casing keeps an ASCII word's length, so an over-long one cannot
      // be listed, nor be a spelling of a listed word.
      if (length > max_bytes + 2) {
        run_start = true;
        return;
      }
      for (size_t i = 0; i < length; ++i) {
        buffer[i] = word_internal::kAsciiLower[static_cast<uint8_t>(text[span.start + i])];
      }
      normalized = std::string_view(buffer, length);
      padded = true;
    } else {
      NormalizeWord(text.substr(span.start, length), &scratch, &transliterated);
      // A word of marks alone (a lone combining voicing mark, say) normalises
      // to nothing; list names drop such words, so the text skips them too.
      if (scratch.empty()) return;
      normalized = scratch;
    }
    id = padded ? vocabulary_.FindPadded(buffer, length, hash) : vocabulary_.Find(normalized);
    uint32_t group = kNoGroup;
    // Spelling variants are tried for names, which news capitalises, and for
    // words from other scripts; lower-case words match exactly only.
    uint8_t lead = static_cast<uint8_t>(text[span.start]);
    if (fuzzy && (lead >= 0x80 || (lead >= 'A' && lead <= 'Z')) &&
        normalized.size() >= kMinFuzzyWordBytes) {
      if (id != Vocabulary::kUnknown) {
        group = id < word_group_.size() ? word_group_[id] : kNoGroup;
      } else if (spelling != 0) {
        // A capitalised ASCII word, whose spelling key the reader has: the
        // salted hash of its skeleton, unless that is too short to be one.
        if (spelling != hash) {
          uint32_t found = skeletons_.FindByHash(SkeletonHashOf(spelling));
          if (found != Vocabulary::kUnknown) group = found;
        }
      } else {
        // No allocation: most such words are capitalised ordinary words or
        // unlisted names, and the key's Bloom filter turns them away.
        char key[2 * 64];
        std::string long_key;
        std::string_view key_view;
        if (normalized.size() <= 64) {
          key_view = std::string_view(key, SkeletonInto(normalized, key));
        } else {
          long_key = Skeleton(normalized);
          key_view = long_key;
        }
        if (key_view.size() >= 3) {
          uint32_t found = skeletons_.Find(key_view);
          if (found != Vocabulary::kUnknown) group = found;
        }
      }
    }
    if (id == Vocabulary::kUnknown && group == kNoGroup) {
      run_start = true;
      return;
    }
    TextWord word{static_cast<uint32_t>(span.start), static_cast<uint32_t>(span.end), id, group,
                  0, static_cast<uint32_t>(normalized.size()), span.possessive, run_start,
                  transliterated, lead >= 0x80 || (lead >= 'A' && lead <= 'Z'), paired};
    if (group != kNoGroup) {
      word.norm_offset = static_cast<uint32_t>(arena->size());
      arena->append(normalized);
    }
    words->push_back(word);
    run_start = false;
  };
  // The text's kept words first, each one's vocabulary slot asked for as
  // it comes; then their lookups, which by then find the slots in cache.
  GatedWordReader reader(gate_, spellings);
  kept->clear();
  reader.Read(text,
              [&](const WordSpan& span, bool gap, uint64_t hash, uint64_t spelling, bool paired) {
                if (hash != 0) vocabulary_.Prefetch(hash);
                kept->push_back(KeptWord{span, hash, spelling, gap, paired});
              });
  for (const KeptWord& k : *kept) {
    if (k.gap) run_start = true;
    on_word(k.span, k.hash, k.spelling, k.paired);
  }
}

void IndexedMatcher::Walk(const std::vector<TextWord>& words, std::string_view arena, uint32_t pos,
                          uint32_t node, uint32_t payload, const WalkState& state,
                          std::vector<Candidate>* out) const {
  // A spelling variant needs a name-like context: an exact word besides,
  // and every word capitalised ("said John" is no "JHAN, Said").
  bool fuzzy_ok = state.fuzzy_count == 0 ||
                  (state.exact_count >= 1 && pos - state.first >= 2 && state.all_capitalized);
  if (pos > state.first && payload != TokenTrie::kNone && fuzzy_ok) {
    AddCandidates(
        payload,
        [&](const Payload& p, std::vector<Candidate>* candidates) {
          if (state.fuzzy_count > 0 && targets_[p.target].kind != MatchKind::kEntity) return;
          candidates->push_back(Candidate{p.target, state.first, pos, &p,
                                          state.weight > 0 ? state.weighted / state.weight : 1.0,
                                          state.fuzzy_count, state.fuzzy, state.transliterated,
                                          state.all_capitalized});
        },
        out);
  }
  if (pos == words.size() || (pos > state.first && words[pos].run_start)) return;
  const TextWord& word = words[pos];
  // Past the first word, an unpaired word ends every walk that a hit can
  // come of (one after a spelling variant needs all capitals).
  if (word.id != Vocabulary::kUnknown && (pos == state.first || word.paired)) {
    TokenTrie::Step step = trie_.StepTo(node, word.id);
    if (step.child != TokenTrie::kNone) {
      WalkState next = state;
      auto length = static_cast<double>(word.norm_length);  // the listed word's
      next.weighted += length;
      next.weight += length;
      // "Sons Co" is no "SONIS CO": the exact word must be part of the name.
      if (!legal_word_[word.id]) ++next.exact_count;
      next.transliterated |= word.transliterated;
      next.all_capitalized &= word.capitalized;
      Walk(words, arena, pos + 1, step.child, step.value, next, out);
    }
  }
  if (word.group == kNoGroup || state.fuzzy_count >= kMaxFuzzyWords || !state.all_capitalized) {
    return;
  }
  std::string_view written = arena.substr(word.norm_offset, word.norm_length);
  // An ordinary English word ("Stock", "National") is itself, not a
  // misspelt name ("STACK EXCHANGE", "NATIONALE BANK"). Asked only once a
  // listed spelling could lead somewhere: the word list is a big hash table.
  int ordinary = -1;
  const TextWord* next_word =
      pos + 1 < words.size() && !words[pos + 1].run_start ? &words[pos + 1] : nullptr;
  for (uint32_t m = group_begin_[word.group]; m < group_begin_[word.group + 1]; ++m) {
    uint32_t listed = group_members_[m];
    if (listed == word.id) continue;
    auto [child, child_payload] = trie_.StepTo(node, listed);
    if (child == TokenTrie::kNone) continue;
    // Similarity is costly; first make sure the step can lead to a hit: a
    // name ends here (after an exact word), or the next word continues it.
    bool can_end = state.exact_count > 0 && child_payload != TokenTrie::kNone;
    bool can_go_on = next_word != nullptr &&
                     (next_word->group != kNoGroup ||
                      (next_word->id != Vocabulary::kUnknown &&
                       trie_.Child(child, next_word->id) != TokenTrie::kNone));
    if (!can_end && !can_go_on) continue;
    if (ordinary < 0) {
      // A listed word with a group is written as listed (legal forms, the
      // only synonyms, have no group).
      ordinary = word.id != Vocabulary::kUnknown
                     ? static_cast<int>(ordinary_word_[word.id])
                     : (ClassifyWord(written) == WordClass::kOrdinary ? 1 : 0);
    }
    if (ordinary == 1) return;
    std::string_view listed_word = vocabulary_.Word(listed);
    double similarity = JaroWinkler(written, listed_word);
    if (similarity < kMinTokenSimilarity) continue;
    WalkState next = state;
    auto length = static_cast<double>(listed_word.size());
    next.weighted += length * similarity;
    next.weight += length;
    next.fuzzy[next.fuzzy_count++] = FuzzyStep{pos, listed};
    next.transliterated |= word.transliterated;
    next.all_capitalized &= word.capitalized;
    Walk(words, arena, pos + 1, child, child_payload, next, out);
  }
}

// Scores a candidate and decides whether it alerts.
void IndexedMatcher::Evaluate(std::string_view text, const std::vector<TextWord>& words,
                              Candidate* c) const {
  const Target& target = targets_[c->target];
  const Payload& payload = *c->payload;
  c->score = c->similarity;
  c->rank = static_cast<int>(payload.rule) * 2 +
            (c->transliterated != ((payload.flags & kNameTransliterated) != 0) ? 1 : 0);
  if (target.kind == MatchKind::kKeyword) {
    c->alert = true;
    return;
  }
  bool alone = c->last - c->first >= 2 && !AfterCapitalisedWord(text, words[c->first].start) &&
               !BeforeCapitalisedWord(text, words[c->last - 1].end);
  for (uint32_t i = c->first + 1; i < c->last; ++i) {
    if (BreaksName(text, words[i - 1].start, words[i - 1].end, words[i].start, words[i].end,
                   alone)) {
      // Not a reading of the name at all: weak, never an alert.
      c->score = std::min(c->score, kWeakScore);
      c->alert = false;
      c->rank = 1000;
      return;
    }
  }
  bool weak = false;
  if (payload.flags & kSingleWord) {
    bool vessel = target.type == EntityType::kVessel || target.type == EntityType::kAircraft;
    // Short one-word names and aliases ("NPA", "ALFA" without its LLC) are
    // mostly other bodies' acronyms or brands.
    bool short_word = words[c->first].end - words[c->first].start <= 4;
    if (target.type == EntityType::kPerson) {
      weak = true;
    } else if (vessel) {
      // Any one-word vessel or aircraft name ("Vladimir", "Zuma", "Liberty")
      // needs a vessel word nearby, however rare the word.
      c->context = HasVesselContext(text, words[c->first].start, words[c->last - 1].end);
      // A lower-case ordinary word is the word, not the ship, even next to
      // ship words: "a cargo aircraft" is no vessel CARGO, "a mystery" no MYSTERY.
      bool plain_word = (payload.flags & kOrdinaryWord) && !words[c->first].capitalized;
      weak = !c->context || plain_word;
    } else if (short_word) {
      weak = true;
    } else if ((payload.flags & kOrdinaryWord) || (payload.flags & kProperNoun)) {
      // Given names and places ("DANIEL", "LUKA") are as ambiguous as
      // ordinary words for untyped entries and organisations too.
      size_t start = words[c->first].start;
      size_t end = words[c->last - 1].end;
      c->context = HasListedCapitals(text, start, end, Name(payload.name));
      weak = !c->context;
    }
  } else if ((payload.flags & kAllOrdinary) &&
             (!c->all_capitalized || AfterCapitalisedWord(text, words[c->first].start))) {
    // "the base", "day bank": words, not the name; "Barclays Bank Ltd" is
    // a longer name that ends like "BANK LTD".
    weak = true;
  }
  // A spelling variant inside a longer capitalised name ("Ali Hosseini
  // Khamenei" is not "Ali Hussein") is only a candidate.
  bool inside_longer_name = c->fuzzy_count > 0 &&
                            (AfterCapitalisedWord(text, words[c->first].start) ||
                             BeforeCapitalisedWord(text, words[c->last - 1].end));
  if (weak) c->score = std::min(c->score, kWeakScore);
  if (inside_longer_name) c->score = std::min(c->score, 0.8);
  c->alert = !weak && c->score >= groups_[target.group].min_score;
}

// The match's rule reads "reordered+possessive", "fuzzy(Dmitri→dmitry)",
// "single-name", ...: the variant rule, then what else the text needed.
// "exact" is left out when anything else is said.
Match IndexedMatcher::MakeMatch(std::string_view text, const std::vector<TextWord>& words,
                                const Candidate& c) const {
  const Target& target = targets_[c.target];
  const Payload& payload = *c.payload;
  Match match;
  match.kind = target.kind;
  if (target.kind == MatchKind::kEntity) {
    match.list_id = groups_[target.group].id;
    match.entity_id = ids_.substr(target.id_offset, target.id_length);
    match.entity_name = std::string(Name(target.primary_name));
  } else {
    match.keyword_id = groups_[target.group].id;
  }
  match.start = words[c.first].start;
  match.end = words[c.last - 1].end;
  match.matched = std::string(text.substr(match.start, match.end - match.start));
  match.snippet = MakeSnippet(text, match.start, match.end);
  match.score = c.score;
  match.alert = c.alert;
  match.matched_name = std::string(Name(payload.name));
  // Built in place: a big list's scan makes thousands of matches a second.
  std::string& rule = match.rule;
  auto add = [&rule](std::string_view part) {
    if (!rule.empty()) rule += '+';
    rule += part;
  };
  std::string_view variant = VariantRuleName(payload.rule);
  if (variant != "exact") add(variant);
  if (c.transliterated != ((payload.flags & kNameTransliterated) != 0)) add("transliterated");
  for (size_t i = 0; i < c.fuzzy_count; ++i) {
    const TextWord& w = words[c.fuzzy[i].pos];
    add("fuzzy(");
    rule += text.substr(w.start, w.end - w.start);
    rule += "→";
    rule += vocabulary_.Word(c.fuzzy[i].listed);
    rule += ')';
  }
  if (words[c.last - 1].possessive) add("possessive");
  if (target.kind == MatchKind::kEntity && (payload.flags & kSingleWord)) {
    if (target.type == EntityType::kPerson) {
      add("single-name");
    } else if (c.context) {
      add("context");
    } else if (!c.alert && c.score <= kWeakScore) {
      add("common-word");
    }
  } else if (target.kind == MatchKind::kEntity && (payload.flags & kAllOrdinary) && !c.alert &&
             c.score <= kWeakScore) {
    add("common-words");
  }
  if (rule.empty()) rule = "exact";
  return match;
}

// Keeps, per target, the best candidates that do not overlap a better one:
// alerts first, then longer, higher scoring, more literal, earlier. Then a
// fuzzy hit inside an exact hit of another entity goes: the text names that
// other listed party, not a misspelling of this one. Sorts `candidates`,
// the scan's scratch, in place.
std::vector<Candidate> ResolveOverlaps(std::vector<Candidate>& candidates,
                                       const std::vector<Target>& targets) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(a.target, !a.alert, b.last - b.first, -a.score, a.rank, a.first) <
           std::make_tuple(b.target, !b.alert, a.last - a.first, -b.score, b.rank, b.first);
  });
  std::vector<Candidate> kept;
  kept.reserve(candidates.size());
  size_t target_begin = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (i > 0 && candidates[i - 1].target != c.target) target_begin = kept.size();
    bool overlaps = std::any_of(kept.begin() + static_cast<long>(target_begin), kept.end(),
                                [&](const Candidate& k) { return k.first < c.last && c.first < k.last; });
    if (!overlaps) kept.push_back(c);
  }
  std::vector<Candidate> out;
  out.reserve(kept.size());
  for (const Candidate& c : kept) {
    // "Nicolás Maduro Guerra" names the son, not (also) the father found as
    // "Nicolás Maduro" inside it.
    bool shadowed = targets[c.target].kind == MatchKind::kEntity &&
                    std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) {
                      if (k.target == c.target || targets[k.target].kind != MatchKind::kEntity ||
                          !k.alert || k.first > c.first || c.last > k.last) {
                        return false;
                      }
                      bool longer = k.last - k.first > c.last - c.first;
                      // "Nicolás Maduro" is the father listed so, not the son
                      // listed with a second given name and surname.
                      bool fuller = k.first == c.first && k.last == c.last &&
                                    (c.payload->flags & kGivenDropped) != 0 &&
                                    (k.payload->flags & kGivenDropped) == 0;
                      return longer || fuller || (c.fuzzy_count > 0 && k.fuzzy_count == 0);
                    });
    if (!shadowed) out.push_back(c);
  }
  return out;
}

std::vector<Match> IndexedMatcher::Scan(std::string_view text, const ScanOptions& options) const {
  // Per-thread buffers, reused from text to text: allocating them afresh
  // cost more than scanning a short article (glibc consolidates its free
  // lists on every large allocation).
  thread_local ScanBuffers buffers;
  std::vector<TextWord>& words = buffers.words;
  std::string& arena = buffers.arena;
  std::vector<Candidate>& candidates = buffers.candidates;
  std::vector<uint32_t>& next_group = buffers.next_group;
  words.clear();
  arena.clear();
  candidates.clear();
  words.reserve(text.size() / 8);  // news: most words are listed somewhere ("the", "of")
  ScanWords(text, &buffers.spellings, &buffers.kept, &words, &arena);
  const auto n = static_cast<uint32_t>(words.size());
  // The nearest word at or after i, in the same run, with spelling variants.
  next_group.assign(n + 1, UINT32_MAX);
  for (uint32_t i = n; i-- > 0;) {
    if (words[i].group != kNoGroup) {
      next_group[i] = i;
    } else if (i + 1 < n && !words[i + 1].run_start) {
      next_group[i] = next_group[i + 1];
    }
  }
  for (uint32_t first = 0; first < n; ++first) {
    if (next_group[first] != UINT32_MAX && next_group[first] - first < max_name_words_) {
      WalkState state;
      state.first = first;
      Walk(words, arena, first, TokenTrie::kRoot, TokenTrie::kNone, state, &candidates);
      continue;
    }
    // Exact words only: one trie step per word, no recursion.
    uint32_t node = TokenTrie::kRoot;
    bool transliterated = false;
    bool all_capitalized = true;
    for (uint32_t last = first; last < n; ++last) {
      const TextWord& word = words[last];
      if ((last > first && (word.run_start || !word.paired)) || word.id == Vocabulary::kUnknown) {
        break;
      }
      TokenTrie::Step step = trie_.StepTo(node, word.id);
      node = step.child;
      if (node == TokenTrie::kNone) break;
      transliterated |= word.transliterated;
      all_capitalized &= word.capitalized;
      if (step.value == TokenTrie::kNone) continue;
      AddCandidates(
          step.value,
          [&](const Payload& p, std::vector<Candidate>* out) {
            out->push_back(Candidate{
                p.target, first, last + 1, &p, 1.0, 0, {}, transliterated, all_capitalized});
          },
          &candidates);
    }
  }
  std::vector<Match> matches;
  if (candidates.empty()) return matches;
  for (Candidate& c : candidates) Evaluate(text, words, &c);
  std::vector<Candidate> kept = ResolveOverlaps(candidates, targets_);
  matches.reserve(kept.size());
  for (const Candidate& c : kept) {
    if (c.alert || options.include_candidates) matches.push_back(MakeMatch(text, words, c));
  }
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
  size_t names = 0;
  for (const Watchlist& list : watchlists) {
    for (const Entity& entity : list.entities) names += 1 + entity.aliases.size();
  }
  matcher->Reserve(names);
  for (const Watchlist& list : watchlists) {
    for (const Entity& entity : list.entities) {
      if (std::find(list.exclude.begin(), list.exclude.end(), entity.id) != list.exclude.end()) {
        continue;
      }
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
