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
  friend struct WordGate;  // its batch test reads the blocks directly
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

// A Bloom filter with one bit per key, for sets of word hashes small
// enough to stay in cache: asked of every text word, it costs one memory
// read and a shift.
class HashBits {
 public:
  void Add(uint64_t h) { hashes_.push_back(h); }
  // Builds the filter with at least `bits_per_key` bits per key (a power of
  // two in all); call once, after the last Add().
  void Freeze(size_t bits_per_key);
  bool MayContain(uint64_t h) const {
    uint64_t bit = (h >> 24) & mask_;
    return (bits_[bit >> 6] >> (bit & 63)) & 1;
  }
  const uint64_t* words() const { return bits_.data(); }
  uint64_t mask() const { return mask_; }

 private:
  std::vector<uint64_t> hashes_;          // until Freeze()
  std::vector<uint64_t> bits_ = {~0ull};  // until Freeze(): all through
  uint64_t mask_ = 63;
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
  void AddSingle(uint64_t h) { singles.Add(h); }
  // 128 bits per name: under 1% false positives.
  bool MaySingle(uint64_t h) const { return singles.MayContain(h); }
  // The hash of each word (and synonym) of a listed name.
  void AddListed(uint64_t h) { listed.Add(h); }
  void Freeze();

  // What TestWords() sets in a word's flags.
  static constexpr uint8_t kSingleFlag = 8;      // may be a one-word name
  static constexpr uint8_t kPairFlag = 16;       // PairFilter::kPair with the word before
  static constexpr uint8_t kCompleteFlag = 32;   // PairFilter::kComplete with the word before
  // The scanner's test of a chunk of text words, given their hashes: for
  // each k in [from, to), from >= 1, ORs into flags[k] MaySingle(hash[k])
  // and exact.Test() of the pair (hash[k - 1], hash[k]). `keys` is room for
  // `to` pair keys. A pair filter in cache is tested four words at a time
  // with AVX2 gathers where the CPU has them (the same answers in a fifth
  // of the instructions); one out of cache, only for pairs of listed
  // words, whose blocks are all asked for before any is tested.
  void TestWords(const uint64_t* hash, size_t from, size_t to, uint64_t* keys, uint8_t* flags) const;

  PairFilter exact;   // pairs of Vocabulary::Hash() values
  PairFilter spelling;  // pairs of spelling keys
  HashBits singles;  // one-word names
  // Listed words, 32 bits each (about 3% false positives): a text pair of
  // which a word is not listed cannot be in the pair filter, so a big list
  // reads its pair filter, which is not in cache, only for the pairs of
  // listed words (31% of news words' pairs with 1M names).
  HashBits listed;
  // Set by Freeze() when the CPU has AVX2; a test may turn it off.
  bool avx2 = false;

 private:
  void TestWordsScalar(const uint64_t* hash, size_t from, size_t to, uint64_t* keys,
                       uint8_t* flags) const;
  void TestWordsAvx2(const uint64_t* hash, size_t from, size_t to, uint64_t* keys,
                     uint8_t* flags) const;
  void TestWordsOutOfCache(const uint64_t* hash, size_t from, size_t to, uint8_t* flags) const;
  // For k in [from, to): is_listed[k - from] = listed.MayContain(hash[k]),
  // and kSingleFlag into flags[k] as MaySingle(hash[k]) says.
  void TestListedScalar(const uint64_t* hash, size_t from, size_t to, uint8_t* is_listed,
                        uint8_t* flags) const;
  void TestListedAvx2(const uint64_t* hash, size_t from, size_t to, uint8_t* is_listed,
                      uint8_t* flags) const;
};

inline constexpr uint64_t kSpellingSalt = 0x5BD1E9955BD1E994ull;

// The key under which a normalised word meets its spelling variants in the
// gate: its skeleton (match_internal::Skeleton()), for a word long enough
// to have variants, else `hash`, the word's Vocabulary::Hash(). Listed
// words and capitalised text words get the same.
uint64_t SpellingKey(std::string_view word, uint64_t hash);
// The Vocabulary::Hash() of the skeleton behind a spelling key that is not
// a word's own hash (SpellingKey() salts it, so that a skeleton and a
// listed word spelt like it differ).
inline uint64_t SkeletonHashOf(uint64_t spelling_key) {
  return spelling_key ^ kSpellingSalt;
}

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_WORD_GATE_H_
