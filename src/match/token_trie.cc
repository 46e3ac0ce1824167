#include "token_trie.h"

namespace vigil {

TokenTrie::TokenTrie() : edges_(1024) {}

uint32_t TokenTrie::Insert(std::span<const uint32_t> path) {
  uint32_t node = kRoot;
  for (uint32_t word : path) {
    uint32_t child = Child(node, word);
    if (child == kNone) {
      parent_.push_back(node);
      word_.push_back(word);
    }
    if (child == kNone && node == kRoot) {
      if (root_children_.size() <= word) {
        root_children_.resize(word + 1, kNone);
        root_values_.resize(word + 1, kNone);
      }
      child = root_children_[word] = static_cast<uint32_t>(node_count_++);
    } else if (child == kNone) {
      filter_.clear();  // stale until the next Freeze()
      // Up to 3/4 full: the filter in front keeps most probes off the table.
      if ((edge_count_ + 1) * 4 > edges_.size() * 3) Grow();
      child = static_cast<uint32_t>(node_count_++);
      uint64_t key = Key(node, word);
      size_t mask = edges_.size() - 1;
      size_t i = Slot(key, mask);
      while (edges_[i].key != kEmpty) i = (i + 1) & mask;
      edges_[i] = Edge{key, child};
      ++edge_count_;
    }
    node = child;
  }
  return node;
}

void TokenTrie::Reserve(size_t edges) {
  size_t size = edges_.size();
  while (edges * 4 > size * 3) size *= 2;
  if (size == edges_.size()) return;
  Table<Edge> old = std::move(edges_);
  edges_.assign(size, Edge{});
  size_t mask = edges_.size() - 1;
  for (const Edge& edge : old) {
    if (edge.key == kEmpty) continue;
    size_t i = Slot(edge.key, mask);
    while (edges_[i].key != kEmpty) i = (i + 1) & mask;
    edges_[i] = edge;
  }
}

void TokenTrie::Freeze(const std::vector<uint32_t>& values) {
  auto value_of = [&](uint32_t node) { return node < values.size() ? values[node] : kNone; };
  for (size_t w = 0; w < root_children_.size(); ++w) {
    if (root_children_[w] != kNone) root_values_[w] = value_of(root_children_[w]);
  }
  parent_.clear();
  parent_.shrink_to_fit();
  word_.clear();
  word_.shrink_to_fit();
  size_t words = 1;
  while (words * 64 < edge_count_ * 16) words *= 2;
  filter_.assign(words, 0);
  // One pass over the edges, in table order (a big list's is far out of
  // cache: setting values node by node would cost a miss each).
  for (Edge& edge : edges_) {
    if (edge.key == kEmpty) continue;
    uint64_t bit = FilterBit(edge.key) & (words * 64 - 1);
    filter_[bit >> 6] |= 1ull << (bit & 63);
    edge.value = value_of(edge.child);
  }
}

void TokenTrie::Grow() { Reserve(edges_.size()); }

}  // namespace vigil
