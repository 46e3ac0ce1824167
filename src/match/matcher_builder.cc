#include "matcher_builder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "common_names.h"
#include "common_words.h"
#include "evidence.h"
#include "fuzzy.h"
#include "match_rules.h"
#include "token_trie.h"
#include "name_variants.h"
#include "normalize.h"
#include "word_gate.h"

namespace vigil::match_internal {
namespace {

// A body one of whose names says it is a subsidiary ("SUBSIDIARY BANK
// SBERBANK OF RUSSIA", Ukrainian "DOCHIRNII BANK", Russian "DOCHERNEE
// PREDPRIYATIE"): it shares its parent's short name, which means the parent.
bool NamesASubsidiary(const Entity& entity) {
  // Word starts, ASCII case folded, with no copy: this runs for every
  // organisation of a list of a million names.
  static constexpr auto kStems =
      std::to_array<std::string_view>({"subsidiar", "dochirn", "dochern", "tochtergesellschaft", "filiale"});
  auto says = [&](const std::string& name) {
    for (size_t i = 0; i < name.size(); ++i) {
      if (i > 0 && std::isalpha(static_cast<unsigned char>(name[i - 1]))) continue;
      for (std::string_view stem : kStems) {
        if (name.size() - i >= stem.size() &&
            std::equal(stem.begin(), stem.end(), name.begin() + static_cast<std::ptrdiff_t>(i),
                       [](char s, char n) { return s == (n >= 'A' && n <= 'Z' ? n + 32 : n); })) {
          return true;
        }
      }
    }
    return false;
  };
  return entity.type == EntityType::kOrganization &&
         (says(entity.name) || std::any_of(entity.aliases.begin(), entity.aliases.end(), says));
}

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

// Builds a MatcherIndex: interns each variant's words, queues its path for
// the trie, then Finish() merges each node's payloads, builds the spelling
// index and the word gate, and freezes it all. Single-threaded; spent
// after Finish().
class IndexBuilder {
 public:
  IndexBuilder();
  Status AddEntity(const Watchlist& list, const Entity& entity);
  Status AddKeywords(const KeywordList& keywords);
  // Room for about `names` names, sized by what real lists compile to.
  void Reserve(size_t names) {
    index_->trie.Reserve(names * 3);
    index_->targets.reserve(names);
    index_->name_begin.reserve(names + 1);
    pending_.reserve(names * 2);
  }
  // The finished index; call once, last.
  std::unique_ptr<MatcherIndex> Finish();

 private:
  bool AddName(uint32_t target, std::string_view name, NameKind kind);
  // One-word spellings of a body's one-word primary name that its other
  // names use (see VariantRule::kListedSpelling).
  void AddListedSpellings(uint32_t target, const Entity& entity);
  void CountPersonName(const std::vector<std::string>& words);
  // Inserts `path` into the trie, with `payload` at its end, in a batch
  // (see InsertQueued()).
  void QueueInsert(std::span<const uint32_t> path, const Payload& payload);
  void InsertQueued();
  void BuildFuzzyIndex();
  // `first_payload`: by trie node, its first payload, or kNone where no
  // name ends.
  void BuildWordGate(const std::vector<uint32_t>& first_payload);
  // The trie node whose payloads start at `first` names a person, by some
  // of its payloads.
  bool NamesAPerson(uint32_t first);

  uint32_t GroupIndex(const std::string& id, double min_score);
  // What the word list and the legal forms say about a word, computed once
  // per word id while building.
  enum : uint8_t {
    kKnownInfo = 1,
    kLegalInfo = 2,
    kClassInfo = 12,
    kOrdinaryInfo = 4,
    kProperInfo = 8
  };
  uint8_t WordInfo(uint32_t id);

  std::unique_ptr<MatcherIndex> index_ = std::make_unique<MatcherIndex>();
  std::vector<uint8_t> word_info_;  // by word id
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
  std::vector<bool> entity_word_;  // by word id: used by an entity name
  // By word id: how many people's primary names use the word.
  std::vector<uint32_t> person_word_count_;
};

IndexBuilder::IndexBuilder() {
  for (const auto& group : LegalFormSynonyms()) {
    uint32_t id = index_->vocabulary.Intern(group[0]);
    for (size_t i = 1; i < group.size(); ++i) index_->vocabulary.AddSynonym(group[i], id);
  }
}

uint32_t IndexBuilder::GroupIndex(const std::string& id, double min_score) {
  if (index_->groups.empty() || index_->groups.back().id != id ||
      index_->groups.back().min_score != min_score) {
    index_->groups.push_back({id, min_score});
  }
  return static_cast<uint32_t>(index_->groups.size() - 1);
}

uint8_t IndexBuilder::WordInfo(uint32_t id) {
  if (word_info_.size() <= id) word_info_.resize(id + 1, 0);
  uint8_t& info = word_info_[id];
  if (info == 0) {
    std::string_view word = index_->vocabulary.Word(id);
    info = kKnownInfo | (IsLegalFormWord(word) ? kLegalInfo : 0);
    WordClass word_class = ClassifyWord(word);
    if (word_class == WordClass::kOrdinary) info |= kOrdinaryInfo;
    if (word_class == WordClass::kProperNoun) info |= kProperInfo;
  }
  return info;
}

Status IndexBuilder::AddEntity(const Watchlist& list, const Entity& entity) {
  auto target = static_cast<uint32_t>(index_->targets.size());
  index_->targets.push_back(
      Target{MatchKind::kEntity, entity.type, GroupIndex(list.id, list.min_score),
             static_cast<uint32_t>(index_->ids.size()), static_cast<uint32_t>(entity.id.size()),
             static_cast<uint32_t>(index_->name_begin.size() - 1)});
  index_->ids += entity.id;
  for (const std::string& program : entity.programs) {
    index_->targets.back().programs |= 1u << (std::hash<std::string>{}(program) % 32);
    index_->targets.back().countries |= CountriesOfProgram(program);
  }
  if (!entity.birth_years.empty()) {
    auto [low, high] = std::minmax_element(entity.birth_years.begin(), entity.birth_years.end());
    index_->targets.back().born_from = static_cast<uint16_t>(std::clamp(*low, 0, 65535));
    index_->targets.back().born_to = static_cast<uint16_t>(std::clamp(*high, 0, 65535));
  }
  index_->targets.back().subsidiary = NamesASubsidiary(entity);
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
  if (entity.type == EntityType::kOrganization && !entity.aliases.empty()) {
    AddListedSpellings(target, entity);
  }
  return Status::Ok();
}

void IndexBuilder::AddListedSpellings(uint32_t target, const Entity& entity) {
  // HIZBALLAH is "Hezbollah" to the English press, and the list says so
  // itself in LEBANESE HEZBOLLAH: that word alone names the body as its
  // primary name does (and is weighed as such: a proper noun still needs
  // the document's support).
  std::vector<NameVariant> primary = NameVariants(entity.name, NameKind::kPlain);
  if (primary.empty() || primary[0].words.size() != 1) return;
  const std::string& own = primary[0].words[0];
  if (!MaySpellAlone(own)) return;
  std::string key = Skeleton(own);
  std::vector<std::string> seen = {own};
  for (const std::string& alias : entity.aliases) {
    for (const std::string& word : NormalizeWords(alias)) {
      if (std::find(seen.begin(), seen.end(), word) != seen.end()) continue;
      seen.push_back(word);
      if (Skeleton(word) != key || !SameOnset(word, own)) continue;
      uint32_t id = index_->vocabulary.Intern(word);
      if (entity_word_.size() <= id) entity_word_.resize(id + 1, false);
      entity_word_[id] = true;
      uint8_t flags = kSingleWord;
      uint8_t word_class = WordInfo(id) & kClassInfo;
      if (word_class == kOrdinaryInfo) flags |= kOrdinaryWord;
      if (word_class == kProperInfo) flags |= kProperNoun;
      uint32_t path[] = {id};
      QueueInsert(path, Payload{target, index_->targets[target].primary_name,
                                VariantRule::kListedSpelling, flags, /*own_name=*/true});
    }
  }
}

Status IndexBuilder::AddKeywords(const KeywordList& keywords) {
  auto target = static_cast<uint32_t>(index_->targets.size());
  index_->targets.push_back(Target{MatchKind::kKeyword, EntityType::kOther,
                                   GroupIndex(keywords.id, 0), 0, 0,
                                   static_cast<uint32_t>(index_->name_begin.size() - 1)});
  for (const std::string& term : keywords.terms) {
    if (!AddName(target, term, NameKind::kPlain)) {
      return Status::Error("keyword list '" + keywords.id + "': term '" + term +
                           "' has no letters");
    }
  }
  return Status::Ok();
}

bool IndexBuilder::AddName(uint32_t target, std::string_view name, NameKind kind) {
  std::vector<NameVariant> variants = NameVariants(name, kind);
  if (variants.empty()) return false;
  bool entity = index_->targets[target].kind == MatchKind::kEntity;
  auto name_index = static_cast<uint32_t>(index_->name_begin.size() - 1);
  index_->name_text.append(name);
  index_->name_begin.push_back(static_cast<uint32_t>(index_->name_text.size()));
  uint8_t base_flags = 0;
  bool ascii =
      std::all_of(name.begin(), name.end(), [](char c) { return static_cast<uint8_t>(c) < 0x80; });
  if (!ascii && NeedsTransliteration(name)) base_flags |= kNameTransliterated;
  if (kind == NameKind::kPerson && IsEastAsianName(name)) base_flags |= kExactSpelling;
  std::vector<uint32_t> path;
  if (entity && index_->targets[target].type == EntityType::kPerson &&
      index_->targets[target].primary_name == name_index) {
    CountPersonName(variants.front().words);
  }
  for (const NameVariant& variant : variants) {
    path.clear();
    for (const std::string& word : variant.words) {
      uint32_t id = index_->vocabulary.Intern(word);
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
    index_->max_name_words = std::max(index_->max_name_words, path.size());
    bool own_name = name_index == index_->targets[target].primary_name;
    if (!own_name && path.size() == 1) {
      // "Hezbollah" is a spelling of the primary name HIZBALLAH.
      std::string_view primary = index_->Name(index_->targets[target].primary_name);
      std::vector<NameVariant> primary_words = NameVariants(primary, NameKind::kPlain);
      own_name = !primary_words.empty() && primary_words[0].words.size() == 1 &&
                 Skeleton(primary_words[0].words[0]) == Skeleton(variant.words[0]);
    }
    QueueInsert(path, Payload{target, name_index, variant.rule, flags, own_name});
  }
  return true;
}

void IndexBuilder::CountPersonName(const std::vector<std::string>& words) {
  // Each person once per list, not once per list entry that repeats a word
  // ("ALI, Ali"); the same person in three lists counts three times, which
  // the threshold allows for.
  std::array<uint32_t, 16> ids{};
  size_t n = 0;
  for (const std::string& word : words) {
    if (n < ids.size()) ids[n++] = index_->vocabulary.Intern(word);
  }
  std::sort(ids.begin(), ids.begin() + static_cast<long>(n));
  n = static_cast<size_t>(std::unique(ids.begin(), ids.begin() + static_cast<long>(n)) - ids.begin());
  for (size_t i = 0; i < n; ++i) {
    uint32_t id = ids[i];
    if (person_word_count_.size() <= id) person_word_count_.resize(id + 1, 0);
    ++person_word_count_[id];
  }
}

void IndexBuilder::QueueInsert(std::span<const uint32_t> path, const Payload& payload) {
  queued_.push_back(QueuedPath{static_cast<uint32_t>(queued_words_.size()),
                               static_cast<uint32_t>(path.size()), payload});
  queued_words_.insert(queued_words_.end(), path.begin(), path.end());
  if (queued_.size() == kInsertBatch) InsertQueued();
}

void IndexBuilder::InsertQueued() {
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
      node[i] = index_->trie.Child(node[i], path[depth]);
      if (node[i] != TokenTrie::kNone) index_->trie.Prefetch(node[i], path[depth + 1]);
    }
  }
  for (const QueuedPath& q : queued_) {
    pending_.emplace_back(index_->trie.Insert(path_of(q)), q.payload);
  }
  queued_.clear();
  queued_words_.clear();
}

void IndexBuilder::BuildFuzzyIndex() {
  std::unordered_map<std::string, std::vector<uint32_t>> groups;
  index_->word_group.assign(index_->vocabulary.size(), kNoGroup);
  index_->ordinary_word.assign(index_->vocabulary.size(), false);
  for (uint32_t id = 0; id < entity_word_.size(); ++id) {
    if (!entity_word_[id]) continue;
    std::string_view word = index_->vocabulary.Word(id);
    if (word.size() < kMinFuzzyWordBytes || index_->legal_word[id]) continue;
    std::string key = Skeleton(word);
    // Two-consonant keys ("jn": John, Jhan, Jean) are too loose.
    if (!SpecificKey(key.size(), word.size())) continue;
    groups[key].push_back(id);
    // A listed word that ends like a case ending ("gazprom") is also filed
    // under its whole key, which its inflections have ("Газпромом").
    // Only for "-om" and "-em" (Gazprom, Rosatom, Telecom): other endings'
    // look-alikes are English plurals ("holdings") and Arabic names
    // ("ibrahim"), whose second key cost a seventh of a million names'
    // scan speed.
    if (word.ends_with("om") || word.ends_with("em")) {
      std::string whole = WholeSkeleton(word);
      if (whole != key && SpecificKey(whole.size(), word.size())) groups[whole].push_back(id);
    }
    // Spanish writes kh as "j", which between vowels the skeleton reads as
    // the glide of other languages ("Majakowski"): a listed word with "kh"
    // inside it is also filed under its Spanish spelling's key ("Zajárova",
    // "Mijaíl" for ZAKHAROVA, MIKHAIL).
    if (size_t kh = word.find("kh"); kh != std::string_view::npos && kh > 0 && kh + 2 < word.size()) {
      std::string spanish(word);
      for (size_t at = spanish.find("kh"); at != std::string::npos; at = spanish.find("kh", at + 1)) {
        spanish.replace(at, 2, "j");
      }
      std::string spanish_key = Skeleton(spanish);
      if (spanish_key != key && SpecificKey(spanish_key.size(), word.size())) groups[spanish_key].push_back(id);
    }
  }
  index_->group_begin.reserve(groups.size() + 1);
  for (auto& [key, members] : groups) {
    auto group = static_cast<uint32_t>(index_->group_begin.size());
    uint32_t interned = index_->skeletons.Intern(key);
    (void)interned;  // == group: keys are distinct
    index_->group_begin.push_back(static_cast<uint32_t>(index_->group_members.size()));
    for (uint32_t id : members) {
      index_->group_members.push_back(id);
      // A listed word with no other spelling in the index needs no group;
      // one filed twice has its own key's (see above).
      if (members.size() > 1 && (index_->word_group[id] == kNoGroup ||
                                 Skeleton(index_->vocabulary.Word(id)) == key)) {
        index_->word_group[id] = group;
        index_->ordinary_word[id] =
            ClassifyWord(index_->vocabulary.Word(id)) == WordClass::kOrdinary;
      }
    }
  }
  index_->group_begin.push_back(static_cast<uint32_t>(index_->group_members.size()));
  index_->skeletons.Freeze();
}

std::unique_ptr<MatcherIndex> IndexBuilder::Finish() {
  InsertQueued();
  index_->legal_word.assign(index_->vocabulary.size(), false);
  for (uint32_t id = 0; id < index_->vocabulary.size(); ++id) {
    index_->legal_word[id] = id < word_info_.size() && word_info_[id] != 0
                                 ? (word_info_[id] & kLegalInfo) != 0
                                 : IsLegalFormWord(index_->vocabulary.Word(id));
  }
  word_info_.clear();
  word_info_.shrink_to_fit();
  // A name word twenty-five list entries share is common, whatever the
  // built-in table says (a person on three lists counts three times).
  constexpr uint32_t kCommonInLists = 25;
  index_->common_name_word.assign(index_->vocabulary.size(), false);
  for (uint32_t id = 0; id < person_word_count_.size(); ++id) {
    if (person_word_count_[id] >= kCommonInLists) index_->common_name_word[id] = true;
  }
  for (std::string_view word : CommonNameWords()) {
    uint32_t id = index_->vocabulary.Find(word);
    if (id != Vocabulary::kUnknown) index_->common_name_word[id] = true;
  }
  person_word_count_ = {};
  BuildFuzzyIndex();
  entity_word_.clear();
  entity_word_.shrink_to_fit();
  index_->vocabulary.Freeze();
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
    std::vector<uint32_t> next(index_->trie.node_count() + 1, 0);
    for (const auto& entry : pending_) ++next[entry.first + 1];
    for (size_t node = 0; node < index_->trie.node_count(); ++node) next[node + 1] += next[node];
    std::vector<std::pair<uint32_t, Payload>> by_node(pending_.size());
    for (const auto& entry : pending_) by_node[next[entry.first]++] = entry;
    pending_ = std::move(by_node);
  }
  for (size_t i = 0; i < pending_.size();) {
    size_t end = i + 1;
    while (end < pending_.size() && pending_[end].first == pending_[i].first) ++end;
    if (end - i > 1) {
      std::stable_sort(pending_.begin() + static_cast<long>(i),
                       pending_.begin() + static_cast<long>(end),
                       [&](const auto& a, const auto& b) { return key(a) < key(b); });
    }
    i = end;
  }
  // Runs of payloads by node, in node order; each node's first, for the trie.
  std::vector<uint32_t> first_payload(index_->trie.node_count(), TokenTrie::kNone);
  for (size_t i = 0; i < pending_.size(); ++i) {
    const auto& [node, payload] = pending_[i];
    bool same_node = i > 0 && pending_[i - 1].first == node;
    if (same_node && pending_[i - 1].second.target == payload.target &&
        (pending_[i - 1].second.flags & kNameTransliterated) ==
            (payload.flags & kNameTransliterated)) {
      continue;
    }
    if (!same_node) {
      if (!index_->payloads.empty()) index_->payloads.back().flags |= kLastOfNode;
      first_payload[node] = static_cast<uint32_t>(index_->payloads.size());
    }
    index_->payloads.push_back(payload);
  }
  if (!index_->payloads.empty()) index_->payloads.back().flags |= kLastOfNode;
  pending_.clear();
  pending_.shrink_to_fit();
  BuildWordGate(first_payload);
  index_->trie.Freeze(first_payload);
  return std::move(index_);
}

bool IndexBuilder::NamesAPerson(uint32_t first) {
  for (uint32_t p = first; p < index_->payloads.size(); ++p) {
    const Payload& payload = index_->payloads[p];
    if (index_->targets[payload.target].type == EntityType::kPerson) return true;
    if (payload.flags & kLastOfNode) break;
  }
  return false;
}

void IndexBuilder::BuildWordGate(const std::vector<uint32_t>& first_payload) {
  // A word id's spellings (the word, and synonyms: "ltd" for "limited"),
  // each as its hash and its spelling key.
  struct Spelling {
    uint32_t id;
    uint64_t hash;
    uint64_t key;
  };
  std::vector<Spelling> spellings;
  spellings.reserve(index_->vocabulary.size());
  index_->vocabulary.ForEachSpelling([&](std::string_view word, uint64_t hash, uint32_t id) {
    spellings.push_back({id, hash, SpellingKey(word, hash)});
    index_->gate.AddListed(hash);
  });
  std::sort(spellings.begin(), spellings.end(),
            [](const Spelling& a, const Spelling& b) { return a.id < b.id; });
  std::vector<uint32_t> first(index_->vocabulary.size() + 1, 0);
  for (const Spelling& sp : spellings) ++first[sp.id + 1];
  for (size_t id = 0; id < index_->vocabulary.size(); ++id) first[id + 1] += first[id];
  auto of = [&](uint32_t id) {
    return std::span<const Spelling>(spellings.data() + first[id], first[id + 1] - first[id]);
  };
  // Every edge below the root is a pair: the word into its parent, then
  // its own word.
  const std::vector<uint32_t>& parents = index_->trie.parents();
  const std::vector<uint32_t>& words = index_->trie.words();
  for (uint32_t node = 1; node < parents.size(); ++node) {
    uint32_t parent = parents[node];
    bool named = first_payload[node] != TokenTrie::kNone;
    if (parent == TokenTrie::kRoot) {
      if (named) {
        for (const Spelling& b : of(words[node])) index_->gate.AddSingle(b.hash);
      }
      continue;
    }
    bool complete = named && parents[parent] == TokenTrie::kRoot;
    // A person's name that ends in a syllable ("Kim Jong Un") may end in it
    // declined ("Kim Jong Unas", "Unu"): those pairs pass the gate too, and
    // the scan reads them as case forms (see Walk()).
    std::string_view last = index_->vocabulary.Word(words[node]);
    if (named && last.size() >= 2 && last.size() <= 3 && NamesAPerson(first_payload[node])) {
      for (std::string_view ending : kShortWordCaseEndings) {
        uint64_t declined = Vocabulary::Hash(std::string(last) + std::string(ending));
        for (const Spelling& a : of(words[parent])) {
          index_->gate.exact.Add(PairFilter::Key(a.hash, declined), complete);
        }
      }
    }
    for (const Spelling& a : of(words[parent])) {
      for (const Spelling& b : of(words[node])) {
        index_->gate.exact.Add(PairFilter::Key(a.hash, b.hash), complete);
        index_->gate.spelling.Add(PairFilter::Key(a.key, b.key), complete);
      }
    }
  }
  index_->gate.Freeze();
}

}  // namespace

Result<std::unique_ptr<const MatcherIndex>> BuildIndex(const std::vector<Watchlist>& watchlists,
                                                       const std::vector<KeywordList>& keywords) {
  IndexBuilder builder;
  size_t names = 0;
  for (const Watchlist& list : watchlists) {
    for (const Entity& entity : list.entities) names += 1 + entity.aliases.size();
  }
  builder.Reserve(names);
  for (const Watchlist& list : watchlists) {
    for (const Entity& entity : list.entities) {
      if (std::find(list.exclude.begin(), list.exclude.end(), entity.id) != list.exclude.end()) {
        continue;
      }
      Status status = builder.AddEntity(list, entity);
      if (!status.ok()) return status;
    }
  }
  for (const KeywordList& keyword_list : keywords) {
    Status status = builder.AddKeywords(keyword_list);
    if (!status.ok()) return status;
  }
  return std::unique_ptr<const MatcherIndex>(builder.Finish());
}

}  // namespace vigil::match_internal
