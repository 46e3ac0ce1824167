// Interns normalised words as dense integer ids.
#ifndef VIGIL_SRC_MATCH_VOCABULARY_H_
#define VIGIL_SRC_MATCH_VOCABULARY_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "huge_pages.h"

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
  // Makes `word` (not yet interned) find the existing `id` too: legal-form
  // synonyms ("limited" = "ltd") share one id.
  void AddSynonym(std::string_view word, uint32_t id);
  // The word interned as `id` (its first spelling).
  std::string_view Word(uint32_t id) const {
    return std::string_view(arena_).substr(words_[id].offset, words_[id].length);
  }
  // The id of `word`, or kUnknown.
  uint32_t Find(std::string_view word) const;
  // The same for data[0, length), whose Hash() the caller knows already,
  // when 8 more bytes after it may be read (the scanner's padded buffer): a
  // short word is compared with whole 8-byte loads, without touching the
  // word arena. For words most likely listed (the scanner's word gate let
  // them through): the table is probed without the filter in front.
  uint32_t FindPadded(const char* data, size_t length, uint64_t hash) const;
  // The id of the word whose Hash() is `hash`, judged by the hash alone:
  // for words the caller knows only by their hash. Two words of one
  // vocabulary share a 64-bit hash with a chance of about n^2 / 2^65.
  uint32_t FindByHash(uint64_t hash) const;
  // Asks for the slot where a lookup of the word hashed `hash` starts,
  // without waiting.
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }
  // Builds the filter that speeds up Find(); call after the last Intern().
  void Freeze();

  // The hash that Find() uses, of a normalised word; and the same for a
  // word of ASCII letters and digits (`data[0, length)`) before it is
  // lower-cased, computed without copying it. `readable` bytes from `data`
  // may be read (at least `length`).
  static uint64_t Hash(std::string_view word);
  static uint64_t HashLowerAscii(const char* data, size_t length, size_t readable);
  // Calls fn(word, hash, id) for every spelling in the vocabulary, synonyms too.
  template <typename Fn>
  void ForEachSpelling(Fn&& fn) const {
    for (const Slot& slot : slots_) {
      if (slot.hash != 0) {
        fn(std::string_view(arena_).substr(slot.offset, slot.length), slot.hash, slot.id);
      }
    }
  }

  size_t size() const { return words_.size(); }
  // Longest word in bytes; longer words cannot be in the vocabulary.
  size_t max_word_bytes() const { return max_word_bytes_; }

 private:
  // The word's place in arena_ is kept in its slot so that a hit costs one
  // memory access beyond the slot.
  struct Slot {
    uint64_t hash = 0;
    uint64_t prefix = 0;  // the first 8 bytes, zero padded
    uint32_t id = kUnknown;
    uint32_t offset = 0;
    uint32_t length = 0;
  };

  static constexpr uint64_t kSeed = 0x9E3779B97F4A7C15ull;
  // The salts have bytes of 0x80 and over, so that no half of an ASCII
  // word cancels them (which would make the product 0 for any other half).
  static constexpr uint64_t kSalt0 = 0xA0761D6478BD642Full;
  static constexpr uint64_t kSalt1 = 0xE7037ED1A0B428DBull;
  static uint64_t Mum(uint64_t a, uint64_t b);
  // The first n bytes of v (all eight for n >= 8).
  static uint64_t LowBytes(uint64_t v, size_t n);
  // For a word of n <= 16 bytes: the masks of its bytes in each half.
  static constexpr std::array<uint64_t, 17> kFirstHalf = [] {
    std::array<uint64_t, 17> t{};
    for (size_t n = 0; n <= 16; ++n) t[n] = n >= 8 ? ~0ull : (uint64_t{1} << (8 * n)) - 1;
    return t;
  }();
  static constexpr std::array<uint64_t, 17> kSecondHalf = [] {
    std::array<uint64_t, 17> t{};
    for (size_t n = 9; n <= 16; ++n) t[n] = n == 16 ? ~0ull : (uint64_t{1} << (8 * (n - 8))) - 1;
    return t;
  }();
  static uint64_t Prefix(std::string_view word);
  // The first min(n, 8) bytes at `data`, little-endian, zero padded; reads
  // only those.
  static uint64_t LoadUpTo8(const char* data, size_t n);
  uint32_t Probe(uint64_t h, uint64_t prefix, const char* data, size_t length) const;
  // Probe() without the filter in front.
  uint32_t ProbeSlots(uint64_t h, uint64_t prefix, const char* data, size_t length) const;
  // False if no word hashed `hash` is in the vocabulary (after Freeze();
  // true before). Two bits of one 64-bit block: one memory read.
  bool MayContain(uint64_t hash) const {
    if (filter_.empty()) return true;
    uint64_t block = filter_[(hash >> 32) & (filter_.size() - 1)];
    uint64_t bits = BloomBits(hash);
    return (block & bits) == bits;
  }
  static uint64_t BloomBits(uint64_t hash) {
    return (1ull << (hash & 63)) | (1ull << ((hash >> 6) & 63));
  }
  void Grow();

  struct Span {
    uint32_t offset;
    uint32_t length;
  };
  void Insert(std::string_view word, uint32_t id);

  std::string arena_;              // all words back to back
  size_t size_ = 0;                // slots in use
  std::vector<Span> words_;        // by id
  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // power-of-two sized
  std::vector<uint64_t> filter_;   // blocked Bloom filter; empty until Freeze()
  size_t max_word_bytes_ = 0;
};

// Inline: called once per word of every scanned text.

// The hash reads a word 16 bytes at a time, as two 64-bit halves (zero
// padded past the word's end) folded by one 64x64 -> 128-bit multiply
// whose halves are XOR-ed (wyhash's "mum"): every input bit reaches the
// high half, so every bit of the result, which slots and filters take from
// the low and the high end alike. Words of up to 16 bytes, nearly all of
// them, need one multiply and no branch on their length, which in running
// text is unpredictable.
inline uint64_t Vocabulary::Mum(uint64_t a, uint64_t b) {
  unsigned __int128 product = static_cast<unsigned __int128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

inline uint64_t Vocabulary::LowBytes(uint64_t v, size_t n) {
  return n >= 8 ? v : v & ((uint64_t{1} << (8 * n)) - 1);
}

inline uint64_t Vocabulary::LoadUpTo8(const char* data, size_t n) {
  // Overlapping loads within the n bytes, shifted into place: no byte loop
  // and no read past them.
  uint64_t v = 0;
  if (n >= 8) {
    std::memcpy(&v, data, 8);
  } else if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, data, 4);
    std::memcpy(&hi, data + n - 4, 4);
    v = lo | ((static_cast<uint64_t>(hi) >> (8 * (8 - n))) << 32);
  } else {
    for (size_t k = 0; k < n; ++k) {
      v |= static_cast<uint64_t>(static_cast<uint8_t>(data[k])) << (8 * k);
    }
  }
  return v;
}

inline uint64_t Vocabulary::Hash(std::string_view word) {
  const char* data = word.data();
  const size_t length = word.size();
  uint64_t h = length * kSeed;
  size_t i = 0;
  for (; length - i > 16; i += 16) {
    uint64_t a, b;
    std::memcpy(&a, data + i, 8);
    std::memcpy(&b, data + i + 8, 8);
    h = Mum(a ^ kSalt0 ^ h, b ^ kSalt1);
  }
  // The last 1-16 bytes (none for an empty word): a holds the first eight,
  // b the rest.
  const size_t rest = length - i;
  uint64_t a = LoadUpTo8(data + i, rest);
  uint64_t b = 0;
  if (rest > 8) {
    std::memcpy(&b, data + i + rest - 8, 8);
    b >>= 8 * (16 - rest);
  }
  return Mum(a ^ kSalt0 ^ h, b ^ kSalt1) | 1;  // never 0, so 0 can mean "empty slot"
}

inline uint64_t Vocabulary::HashLowerAscii(const char* data, size_t length, size_t readable) {
  // Letters and digits have bit 0x20 set once lower-cased, and setting it
  // lower-cases a capital: OR-ing whole chunks is lower-casing them.
  constexpr uint64_t kLower = 0x2020202020202020ull;
  uint64_t h = length * kSeed;
  size_t i = 0;
  for (; length - i > 16; i += 16) {
    uint64_t a, b;
    std::memcpy(&a, data + i, 8);
    std::memcpy(&b, data + i + 8, 8);
    h = Mum((a | kLower) ^ kSalt0 ^ h, (b | kLower) ^ kSalt1);
  }
  const size_t rest = length - i;
  uint64_t a = 0;
  uint64_t b = 0;
  if (i + 16 <= readable) {
    // Masks from tables, not from shifts: a branch on whether the word
    // fills the first half would be mispredicted for one word in four.
    std::memcpy(&a, data + i, 8);
    std::memcpy(&b, data + i + 8, 8);
    a = (a | kLower) & kFirstHalf[rest];
    b = (b | kLower) & kSecondHalf[rest];
  } else {
    for (size_t k = 0; k < rest; ++k) {
      uint64_t byte = static_cast<uint8_t>(data[i + k]) | 0x20;
      if (k < 8) {
        a |= byte << (8 * k);
      } else {
        b |= byte << (8 * (k - 8));
      }
    }
  }
  return Mum(a ^ kSalt0 ^ h, b ^ kSalt1) | 1;
}

inline uint64_t Vocabulary::Prefix(std::string_view word) {
  return LoadUpTo8(word.data(), std::min<size_t>(word.size(), 8));
}

__attribute__((always_inline)) inline uint32_t Vocabulary::Probe(uint64_t h, uint64_t prefix, const char* data,
                                  size_t length) const {
  if (!MayContain(h)) return kUnknown;
  return ProbeSlots(h, prefix, data, length);
}

__attribute__((always_inline)) inline uint32_t Vocabulary::ProbeSlots(uint64_t h, uint64_t prefix,
                                                                    const char* data,
                                                                    size_t length) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return kUnknown;
    if (slot.hash == h && slot.length == length && slot.prefix == prefix &&
        (length <= 8 ||
         std::memcmp(arena_.data() + slot.offset + 8, data + 8, length - 8) == 0)) {
      return slot.id;
    }
  }
}

inline uint32_t Vocabulary::Find(std::string_view word) const {
  if (word.empty() || word.size() > max_word_bytes_) return kUnknown;
  return Probe(Hash(word), Prefix(word), word.data(), word.size());
}

__attribute__((always_inline)) inline uint32_t Vocabulary::FindPadded(const char* data, size_t length,
                                                                     uint64_t hash) const {
  if (length == 0 || length > max_word_bytes_) return kUnknown;
  uint64_t chunk;
  std::memcpy(&chunk, data, 8);
  return ProbeSlots(hash, LowBytes(chunk, length), data, length);
}

inline uint32_t Vocabulary::FindByHash(uint64_t hash) const {
  if (!MayContain(hash)) return kUnknown;
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return kUnknown;
    if (slot.hash == hash) return slot.id;
  }
}

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_VOCABULARY_H_
