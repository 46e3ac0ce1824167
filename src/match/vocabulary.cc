#include "vocabulary.h"

#include <algorithm>
#include <cstring>

namespace vigil {

Vocabulary::Vocabulary() : slots_(1024) {}

uint64_t Vocabulary::Hash(std::string_view word) {
  // Eight bytes per multiply: words are short and hashed once per text word.
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = word.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= word.size(); i += 8) {
    uint64_t chunk;
    std::memcpy(&chunk, word.data() + i, 8);
    h = (h ^ chunk) * kMul;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, word.data() + i, word.size() - i);
  h ^= tail;
  // MurmurHash3's finaliser: the slot index takes the low bits, so every
  // input bit must reach them.
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h | 1;  // never 0, so 0 can mean "empty slot"
}

// Two bits of one 64-bit block per word: one cache line read per lookup.
bool Vocabulary::MayContain(uint64_t hash) const {
  uint64_t block = filter_[(hash >> 32) & (filter_.size() - 1)];
  uint64_t bits = (1ull << (hash & 63)) | (1ull << ((hash >> 6) & 63));
  return (block & bits) == bits;
}

void Vocabulary::Freeze() {
  // About 16 bits per word: a false positive rate near 1%.
  size_t blocks = 16;
  while (blocks * 64 < size_ * 16) blocks *= 2;
  filter_.assign(blocks, 0);
  for (const Slot& slot : slots_) {
    if (slot.hash == 0) continue;
    filter_[(slot.hash >> 32) & (blocks - 1)] |=
        (1ull << (slot.hash & 63)) | (1ull << ((slot.hash >> 6) & 63));
  }
}

uint32_t Vocabulary::Find(std::string_view word) const {
  if (word.empty() || word.size() > max_word_bytes_) return kUnknown;
  uint64_t h = Hash(word);
  if (!filter_.empty() && !MayContain(h)) return kUnknown;
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return kUnknown;
    if (slot.hash == h && slot.length == word.size() &&
        std::memcmp(arena_.data() + slot.offset, word.data(), word.size()) == 0) {
      return slot.id;
    }
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  uint32_t found = Find(word);
  if (found != kUnknown) return found;
  filter_.clear();  // stale until the next Freeze()
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  auto id = static_cast<uint32_t>(size_);
  auto offset = static_cast<uint32_t>(arena_.size());
  ++size_;
  arena_.append(word);
  max_word_bytes_ = std::max(max_word_bytes_, word.size());
  uint64_t h = Hash(word);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].hash != 0) i = (i + 1) & mask;
  slots_[i] = Slot{h, id, offset, static_cast<uint32_t>(word.size())};
  return id;
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    size_t i = slot.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace vigil
