// Interns normalised words as dense integer ids.
#ifndef VIGIL_SRC_MATCH_VOCABULARY_H_
#define VIGIL_SRC_MATCH_VOCABULARY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// An open-addressing hash set of words. Most words of a text are unknown, and
// on a big vocabulary a probe is a cache miss, so Freeze() adds a small Bloom
// filter that answers most misses from cache. Immutable once scanning starts;
// Find() is thread-safe.
class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;

  Vocabulary();

  // The id of `word`, added if new. `word` must be non-empty.
  uint32_t Intern(std::string_view word);
  // The id of `word`, or kUnknown.
  uint32_t Find(std::string_view word) const;
  // Builds the filter that speeds up Find(); call after the last Intern().
  void Freeze();

  size_t size() const { return size_; }
  // Longest word in bytes; longer words cannot be in the vocabulary.
  size_t max_word_bytes() const { return max_word_bytes_; }

 private:
  // The word's place in arena_ is kept in its slot so that a hit costs one
  // memory access beyond the slot.
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kUnknown;
    uint32_t offset = 0;
    uint32_t length = 0;
  };

  static uint64_t Hash(std::string_view word);
  bool MayContain(uint64_t hash) const;
  void Grow();

  std::string arena_;              // all words back to back
  size_t size_ = 0;
  std::vector<Slot> slots_;        // power-of-two sized
  std::vector<uint64_t> filter_;   // blocked Bloom filter; empty until Freeze()
  size_t max_word_bytes_ = 0;
};

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_VOCABULARY_H_
