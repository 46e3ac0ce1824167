// The compiled index that the matcher's builder produces and its scan reads.
#ifndef VIGIL_SRC_MATCH_MATCHER_INDEX_H_
#define VIGIL_SRC_MATCH_MATCHER_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "token_trie.h"
#include "vigil/match/matcher.h"
#include "name_variants.h"
#include "vigil/model/watchlist.h"
#include "vocabulary.h"
#include "word_gate.h"

namespace vigil::match_internal {

inline constexpr uint32_t kNoGroup = UINT32_MAX;

// Who a compiled name belongs to: one entity of one list, or one keyword
// list. Compact (strings live in arenas): a million entities must fit.
struct Target {
  MatchKind kind = MatchKind::kEntity;
  EntityType type = EntityType::kOther;
  uint32_t group = 0;      // index into groups: the watchlist or keyword list
  uint32_t id_offset = 0;  // the entity id in ids
  uint32_t id_length = 0;
  uint32_t primary_name = 0;  // index into the names: the entity's primary name
  // The entity's sanctions programmes, one bit per programme name's hash:
  // two entities that share a bit likely share a programme (SDGT, IRAN, ...).
  uint32_t programs = 0;
  // The countries its programmes are about (kCountryRussia, ...; evidence.h).
  uint8_t countries = 0;
  // The years the list says the person may have been born in; 0: unknown.
  uint16_t born_from = 0;
  uint16_t born_to = 0;
  // A name of it says it is a subsidiary: a short name it shares with
  // another body is the parent's (see ResolveSharedNames()).
  bool subsidiary = false;
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
  kExactSpelling = 128,     // a Korean or Chinese name: no spelling variants
};

// What reaching a trie node means: `target` is found, via list name `name`.
struct Payload {
  uint32_t target = 0;
  uint32_t name = 0;  // index into the names
  VariantRule rule = VariantRule::kExact;
  uint8_t flags = 0;
  // The entity's primary name, or a spelling of it ("Hezbollah" for
  // HIZBALLAH): its own name, not a nickname or a brand.
  bool own_name = false;
};

// Every name variant and keyword term is a path of word ids in one trie.
// Filled in place by BuildIndex() (matcher_builder.h), then immutable:
// the scan only reads it, so it is safe to share across threads.
struct MatcherIndex {
  MatcherIndex() = default;
  // The word gate points into its own storage.
  MatcherIndex(const MatcherIndex&) = delete;
  MatcherIndex& operator=(const MatcherIndex&) = delete;

  std::string_view Name(uint32_t name) const {
    return std::string_view(name_text).substr(name_begin[name],
                                              name_begin[name + 1] - name_begin[name]);
  }

  Vocabulary vocabulary;
  TokenTrie trie;
  WordGate gate;
  std::vector<Target> targets;
  std::vector<Group> groups;
  std::string ids;                         // entity ids back to back
  std::string name_text;                   // list names back to back
  std::vector<uint32_t> name_begin = {0};  // by name; one past the last
  // A node's payloads are a run of payloads ending in one marked
  // kLastOfNode; the trie keeps where the run starts as the node's value
  // (TokenTrie::Freeze()), or kNone if the node has none, so that a walk
  // reads it with the step to the node, not from a table by node (a big
  // list's would be out of cache).
  std::vector<Payload> payloads;
  // Spelling variants: skeleton key -> group of vocabulary ids.
  Vocabulary skeletons;               // ids are group numbers
  std::vector<uint32_t> group_begin;  // by group; one past the last
  std::vector<uint32_t> group_members;
  std::vector<uint32_t> word_group;  // by word id, or kNoGroup
  // By word id, for words with a group: an ordinary English word, so never
  // a misspelt name (ClassifyWord() once at build, not per text word).
  std::vector<bool> ordinary_word;
  std::vector<bool> legal_word;  // by word id: a legal form
  // By word id: a given name or surname many people share (see
  // IsCommonNameWord()), or that many entries of the loaded lists share.
  std::vector<bool> common_name_word;
  size_t max_name_words = 0;     // longest compiled variant
};

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_MATCHER_INDEX_H_
