// Interns normalised words as dense integer ids.
#ifndef VIGIL_SRC_MATCH_VOCABULARY_H_
#define VIGIL_SRC_MATCH_VOCABULARY_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// An open-addressing hash set of words. Lookups of unknown words (nearly every
// word of a news text) cost one hash and usually one probe, with no
// allocation. Immutable once scanning starts; Find() is thread-safe.
class Vocabulary {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;

  Vocabulary();

  // The id of `word`, added if new. `word` must be non-empty.
  uint32_t Intern(std::string_view word);
  // The id of `word`, or kUnknown.
  uint32_t Find(std::string_view word) const;

  size_t size() const { return offsets_.size(); }
  // Longest word in bytes; longer words cannot be in the vocabulary.
  size_t max_word_bytes() const { return max_word_bytes_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = kUnknown;
  };

  static uint64_t Hash(std::string_view word);
  std::string_view Word(uint32_t id) const;
  void Grow();

  std::string arena_;             // all words back to back
  std::vector<uint32_t> offsets_;  // id -> start in arena_; end = next start
  std::vector<Slot> slots_;        // power-of-two sized
  size_t max_word_bytes_ = 0;
};

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_VOCABULARY_H_
