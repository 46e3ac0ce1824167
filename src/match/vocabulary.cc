#include "vocabulary.h"

#include <algorithm>
#include <cstring>

namespace vigil {

Vocabulary::Vocabulary() : slots_(1024) {}

void Vocabulary::Freeze() {
  // About 16 bits per word: a false positive rate near 1%.
  size_t blocks = 16;
  while (blocks * 64 < size_ * 16) blocks *= 2;
  filter_.assign(blocks, 0);
  for (const Slot& slot : slots_) {
    if (slot.hash == 0) continue;
    filter_[(slot.hash >> 32) & (blocks - 1)] |= BloomBits(slot.hash);
  }
}

uint32_t Vocabulary::Intern(std::string_view word) {
  uint32_t found = Find(word);
  if (found != kUnknown) return found;
  auto id = static_cast<uint32_t>(words_.size());
  words_.push_back(Span{static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(word.size())});
  Insert(word, id);
  return id;
}

void Vocabulary::AddSynonym(std::string_view word, uint32_t id) {
  if (Find(word) != kUnknown) return;
  Insert(word, id);
}

void Vocabulary::Insert(std::string_view word, uint32_t id) {
  filter_.clear();  // stale until the next Freeze()
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  auto offset = static_cast<uint32_t>(arena_.size());
  ++size_;
  arena_.append(word);
  max_word_bytes_ = std::max(max_word_bytes_, word.size());
  uint64_t h = Hash(word);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].hash != 0) i = (i + 1) & mask;
  slots_[i] = Slot{h, Prefix(word), id, offset, static_cast<uint32_t>(word.size())};
}

void Vocabulary::Grow() {
  auto old = std::move(slots_);
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
