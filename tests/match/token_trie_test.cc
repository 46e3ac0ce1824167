#include "token_trie.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

namespace vigil {
namespace {

// Random paths over a small vocabulary (so that paths share prefixes), a
// value for some of their end nodes: every step gives the child that
// Insert() made, before and after Freeze(), and after it the node's value;
// a step along no path gives neither.
TEST(TokenTrieTest, StepsGiveTheChildAndTheValueSetForIt) {
  std::mt19937 rng(11);
  TokenTrie trie;
  std::map<std::vector<uint32_t>, uint32_t> nodes;  // path -> node
  std::map<uint32_t, uint32_t> values;              // node -> value
  std::vector<uint32_t> by_node;
  for (int i = 0; i < 20000; ++i) {
    std::vector<uint32_t> path(1 + rng() % 4);
    for (uint32_t& w : path) w = rng() % 300;
    uint32_t node = trie.Insert(path);
    auto [it, inserted] = nodes.emplace(path, node);
    ASSERT_EQ(it->second, node);
    if (inserted && rng() % 3 == 0) {
      values[node] = static_cast<uint32_t>(i);
      if (by_node.size() <= node) by_node.resize(node + 1, TokenTrie::kNone);
      by_node[node] = static_cast<uint32_t>(i);
    }
  }
  auto expect_steps = [&](bool frozen) {
    for (const auto& [path, end] : nodes) {
      uint32_t node = TokenTrie::kRoot;
      for (uint32_t w : path) {
        TokenTrie::Step step = trie.StepTo(node, w);
        ASSERT_NE(step.child, TokenTrie::kNone);
        ASSERT_EQ(trie.Child(node, w), step.child);
        auto value = values.find(step.child);
        ASSERT_EQ(step.value, !frozen || value == values.end() ? TokenTrie::kNone : value->second);
        node = step.child;
      }
      ASSERT_EQ(node, end);
      // Word 300 is on no path.
      TokenTrie::Step none = trie.StepTo(node, 300);
      ASSERT_EQ(none.child, TokenTrie::kNone);
      ASSERT_EQ(none.value, TokenTrie::kNone);
    }
  };
  expect_steps(false);
  // `by_node` may stop short of the last nodes: they get none.
  trie.Freeze(by_node);
  expect_steps(true);
  EXPECT_EQ(trie.StepTo(TokenTrie::kRoot, 100000).child, TokenTrie::kNone);
}

}  // namespace
}  // namespace vigil
