// A trie over sequences of word ids: each compiled name is a path.
#ifndef VIGIL_SRC_MATCH_TOKEN_TRIE_H_
#define VIGIL_SRC_MATCH_TOKEN_TRIE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "huge_pages.h"

namespace vigil {

// Nodes are dense ids (the root is kRoot); edges below the root live in one
// open-addressing table keyed by (node, word id), so a step costs one hash
// probe whatever the fan-out. Immutable once scanning starts; Child() is thread-safe.
class TokenTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = UINT32_MAX;

  TokenTrie();

  // Makes room for about `edges` edges below the root, so that a big list
  // is not rehashed again and again while it is inserted.
  void Reserve(size_t edges);
  // The node at the end of `path`, created with its ancestors if missing.
  uint32_t Insert(std::span<const uint32_t> path);
  // The child of `node` along `word`, or kNone; and the value set for it.
  struct Step {
    uint32_t child;
    uint32_t value;  // kNone if none was set (or no child)
  };
  Step StepTo(uint32_t node, uint32_t word) const;
  uint32_t Child(uint32_t node, uint32_t word) const { return StepTo(node, word).child; }
  // Asks for the edge-table line where Child(node, word) starts probing,
  // without waiting: a big list's inserts come in batches, so that these
  // misses overlap.
  void Prefetch(uint32_t node, uint32_t word) const {
    if (node != kRoot) __builtin_prefetch(&edges_[Slot(Key(node, word), edges_.size() - 1)]);
  }

  // Builds the filter that answers most failing Child() calls from cache,
  // and sets each node's value to values[node] (kNone if `values` is
  // shorter): kept with the edge into the node, so that a step reads it
  // from the cache line it reads the child from, where a table by node
  // would cost a big list another memory read. Call after the last Insert().
  void Freeze(const std::vector<uint32_t>& values = {});

  size_t node_count() const { return node_count_; }

  // The parent of each node and the word on the edge into it, by node
  // (the root's are kNone), as recorded while inserting: a pass over them
  // is a pass over every edge without hashing through the edge table.
  // Released by Freeze().
  const std::vector<uint32_t>& parents() const { return parent_; }
  const std::vector<uint32_t>& words() const { return word_; }

 private:
  struct Edge {
    uint64_t key = kEmpty;
    uint32_t child = kNone;
    uint32_t value = kNone;  // the child's: in what would be padding
  };
  static constexpr uint64_t kEmpty = UINT64_MAX;

  static uint64_t Key(uint32_t node, uint32_t word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }
  static size_t Slot(uint64_t key, size_t mask) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
  }
  void Grow();
  static uint64_t FilterBit(uint64_t key) { return (key * 0xC2B2AE3D27D4EB4Full) >> 40; }

  // One bit per (node, word) hash, about 16 bits per edge: most word pairs
  // of a text are in no name, and the edge table is too big for cache.
  template <typename T>
  using Table = std::vector<T, HugePageAllocator<T>>;
  Table<uint64_t> filter_;  // empty until Freeze()
  // Every text word that is in the vocabulary steps from the root, so root
  // edges are a plain array indexed by word id; deeper edges are hashed.
  Table<uint32_t> root_children_;
  Table<uint32_t> root_values_;  // by word, as root_children_
  Table<Edge> edges_;  // power-of-two sized
  size_t edge_count_ = 0;
  std::vector<uint32_t> parent_ = {kNone};  // by node, until Freeze()
  std::vector<uint32_t> word_ = {kNone};
  size_t node_count_ = 1;  // the root
};

// Inline: called for every known word of every scanned text.
inline TokenTrie::Step TokenTrie::StepTo(uint32_t node, uint32_t word) const {
  if (node == kRoot) {
    if (word >= root_children_.size()) return {kNone, kNone};
    return {root_children_[word], root_values_[word]};
  }
  uint64_t key = Key(node, word);
  if (!filter_.empty()) {
    uint64_t bit = FilterBit(key) & (filter_.size() * 64 - 1);
    if (!(filter_[bit >> 6] & (1ull << (bit & 63)))) return {kNone, kNone};
  }
  size_t mask = edges_.size() - 1;
  for (size_t i = Slot(key, mask);; i = (i + 1) & mask) {
    const Edge& edge = edges_[i];
    if (edge.key == key) return {edge.child, edge.value};
    if (edge.key == kEmpty) return {kNone, kNone};
  }
}

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_TOKEN_TRIE_H_
