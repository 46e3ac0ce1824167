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
  h = (h ^ tail) * kMul;
  h ^= h >> 32;
  return h | 1;  // never 0, so 0 can mean "empty slot"
}

std::string_view Vocabulary::Word(uint32_t id) const {
  size_t begin = offsets_[id];
  size_t end = id + 1 < offsets_.size() ? offsets_[id + 1] : arena_.size();
  return std::string_view(arena_).substr(begin, end - begin);
}

uint32_t Vocabulary::Find(std::string_view word) const {
  if (word.empty() || word.size() > max_word_bytes_) return kUnknown;
  uint64_t h = Hash(word);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return kUnknown;
    if (slot.hash == h && Word(slot.id) == word) return slot.id;
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  uint32_t found = Find(word);
  if (found != kUnknown) return found;
  if ((offsets_.size() + 1) * 2 > slots_.size()) Grow();
  auto id = static_cast<uint32_t>(offsets_.size());
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  arena_.append(word);
  max_word_bytes_ = std::max(max_word_bytes_, word.size());
  uint64_t h = Hash(word);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].hash != 0) i = (i + 1) & mask;
  slots_[i] = Slot{h, id};
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
