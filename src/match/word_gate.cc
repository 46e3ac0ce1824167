#include "word_gate.h"

#include <string>

#include "fuzzy.h"
#include "vocabulary.h"

namespace vigil {
namespace {

// About 16 bits per key (see PairFilter::PairBits() for the rate). Keys
// repeat (many names share "bank of"); they are not deduplicated, which
// would cost more build time than the few bytes it saves.
size_t BlocksFor(size_t keys) { return keys / 4 + 1; }

}  // namespace

void PairFilter::Freeze() {
  blocks_.assign(BlocksFor(keys_.size()), 0);
  data_ = blocks_.data();
  size_ = blocks_.size();
  for (uint64_t key : keys_) {
    blocks_[Block(key)] |= PairBits(key) | ((key & kCompleteMark) ? CompleteBits(key) : 0);
  }
  keys_.clear();
  keys_.shrink_to_fit();
}

void WordGate::Freeze() {
  exact.Freeze();
  spelling.Freeze();
  size_t words = 1;
  while (words < 2 * singles.size()) words *= 2;
  single_bits.assign(words, 0);
  single_mask = words * 64 - 1;
  for (uint64_t h : singles) {
    uint64_t bit = (h >> 24) & single_mask;
    single_bits[bit >> 6] |= 1ull << (bit & 63);
  }
  singles.clear();
  singles.shrink_to_fit();
}

uint64_t SpellingKey(std::string_view word, uint64_t hash) {
  if (word.size() < match_internal::kMinFuzzyWordBytes) return hash;
  // Salted, so that a skeleton and a listed word spelt like it differ.
  constexpr uint64_t kSalt = 0x5BD1E9955BD1E994ull;
  if (word.size() > 64) {
    std::string key = match_internal::Skeleton(word);
    return key.size() < 3 ? hash : Vocabulary::Hash(key) ^ kSalt;
  }
  char key[2 * 64];
  size_t length = match_internal::SkeletonInto(word, key);
  return length < 3 ? hash : Vocabulary::Hash(std::string_view(key, length)) ^ kSalt;
}

}  // namespace vigil
