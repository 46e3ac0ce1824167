// A cheap first look at a text's words: which of them could be part of a
// listed name at all, judged from word hashes alone.
#ifndef VIGIL_SRC_MATCH_WORD_GATE_H_
#define VIGIL_SRC_MATCH_WORD_GATE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "huge_pages.h"

namespace vigil {

// Bloom filters over pairs of neighbouring words in listed names. Each pair
// is marked "complete" too when it is a whole two-word name. One 64-bit
// block per pair holds both answers, so a test is one memory read.
//
// Keys are 64-bit word hashes; false positives only cost the scanner time,
// and there are no false negatives. Immutable once frozen; thread-safe.
class PairFilter {
 public:
  static constexpr uint32_t kPair = 1;      // the words are neighbours in a name
  static constexpr uint32_t kComplete = 2;  // ... and are all of a name

  PairFilter() = default;
  // It points into its own storage.
  PairFilter(const PairFilter&) = delete;
  PairFilter& operator=(const PairFilter&) = delete;

  static uint64_t Key(uint64_t a, uint64_t b) {
    // The word hashes are already well mixed (Vocabulary::Hash() ends with
    // MurmurHash3's finaliser), so a rotation and an XOR make a good pair
    // key; the rotation keeps the order ("kim jong" is no "jong kim").
    return a ^ ((b << 29) | (b >> 35));
  }

  void Add(uint64_t key, bool complete) {
    keys_.push_back((key & ~kCompleteMark) | (complete ? kCompleteMark : 0));
  }
  // Builds the filter from what was added; call once, after the last Add().
  void Freeze();

  // The scanner asks for a whole chunk's blocks before it tests them, since
  // the filter of a big list does not fit in cache.
  void Prefetch(uint64_t key) const { __builtin_prefetch(&data_[Block(key)]); }
  // kPair and kComplete bits.
  uint32_t Test(uint64_t key) const {
    uint64_t block = data_[Block(key)];
    uint64_t pair = PairBits(key);
    if ((block & pair) != pair) return 0;  // most pairs of a text
    uint64_t complete = CompleteBits(key);
    return kPair | ((block & complete) == complete ? kComplete : 0);
  }

  // Small enough to stay in a core's cache (L2) while a text is scanned.
  bool fits_cache() const { return size_ * sizeof(uint64_t) <= (size_t{512} << 10); }

 private:
  // The top 24 bits of the key scaled to the filter's size (which is not
  // rounded up to a power of two: a big list's filter would be up to twice
  // as big and miss the cache more); the bits set come from the low 36.
  size_t Block(uint64_t key) const { return static_cast<size_t>(((key >> 40) * size_) >> 24); }
  // Two bits for the pair: with 16 bits per key, about 3.5% false
  // positives. A false pair alone keeps no word (a two-word name also needs
  // the complete bits, a longer one a neighbouring pair), so the third bit
  // was not worth its work on every text word.
  static uint64_t PairBits(uint64_t key) { return (1ull << (key & 63)) | (1ull << ((key >> 6) & 63)); }
  static uint64_t CompleteBits(uint64_t key) {
    return (1ull << ((key >> 18) & 63)) | (1ull << ((key >> 24) & 63)) |
           (1ull << ((key >> 30) & 63));
  }

  // Bit 36 of a key is used by neither its block nor its bits: it marks
  // complete pairs among the keys kept until Freeze().
  static constexpr uint64_t kCompleteMark = 1ull << 36;
  std::vector<uint64_t> keys_;
  // Until Freeze(), one block that lets everything through.
  std::vector<uint64_t, HugePageAllocator<uint64_t>> blocks_ = {~0ull};
  // blocks_.data() and .size(), kept apart: the scanner reads them per word.
  const uint64_t* data_ = blocks_.data();
  size_t size_ = 1;
};

// Which text words the matcher must look up. Every name of two or more
// words has each pair of neighbouring words in it; a name of one word is
// that word. A two-word name is a complete pair; a longer one is a chain
// of two pairs or more. So a word that is in no complete pair, in no chain
// of pairs, and is no one-word name, cannot be part of any name, and the
// matcher treats it as an unknown word without touching the vocabulary,
// the trie or the spelling index. Most words of news are such words ("said",
// "the minister", and "of the" outside a longer name).
//
// Spelling variants ("Dmitri" for "dmitry") have the same test over
// spelling keys (see match_internal::Skeleton()) in a second pair filter,
// asked only for pairs of capitalised words, which fuzzy names need.
struct WordGate {
  // The hash of each listed one-word name (and its synonyms).
  void AddSingle(uint64_t h) { singles.push_back(h); }
  // One bit per hash, 128 bits per name: under 1% false positives for one
  // memory read and a shift, asked of every word of every text.
  bool MaySingle(uint64_t h) const {
    uint64_t bit = (h >> 24) & single_mask;
    return (single_bits[bit >> 6] >> (bit & 63)) & 1;
  }
  void Freeze();

  PairFilter exact;   // pairs of Vocabulary::Hash() values
  PairFilter spelling;  // pairs of spelling keys
  std::vector<uint64_t> singles;  // until Freeze()
  std::vector<uint64_t> single_bits = {~0ull};  // until Freeze(): all through
  uint64_t single_mask = 63;
};

// The key under which a normalised word meets its spelling variants in the
// gate: its skeleton (match_internal::Skeleton()), for a word long enough
// to have variants, else `hash`, the word's Vocabulary::Hash(). Listed
// words and capitalised text words get the same.
uint64_t SpellingKey(std::string_view word, uint64_t hash);

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_WORD_GATE_H_
