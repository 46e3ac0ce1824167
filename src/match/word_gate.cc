#include "word_gate.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "fuzzy.h"
#include "vocabulary.h"

namespace vigil {
namespace {

// About 16 bits per key (see PairFilter::PairBits() for the rate). Keys
// repeat (many names share "bank of"); they are not deduplicated, which
// would cost more build time than the few bytes it saves.
size_t BlocksFor(size_t keys) { return keys / 4 + 1; }

}  // namespace

void WordGate::TestWords(const uint64_t* hash, size_t from, size_t to, uint64_t* keys,
                         uint8_t* flags) const {
  // A text of no words gives [1, 0): nothing to test (the out-of-cache
  // test would take `to - from` for a huge count and crash).
  if (from >= to) return;
  if (!exact.fits_cache()) {
    TestWordsOutOfCache(hash, from, to, flags);
  } else if (avx2) {
    TestWordsAvx2(hash, from, to, keys, flags);
  } else {
    TestWordsScalar(hash, from, to, keys, flags);
  }
}

void WordGate::TestWordsScalar(const uint64_t* hash, size_t from, size_t to, uint64_t* keys,
                               uint8_t* flags) const {
  static_assert(kPairFlag == PairFilter::kPair << 4 && kCompleteFlag == PairFilter::kComplete << 4);
  for (size_t k = from; k < to; ++k) keys[k] = PairFilter::Key(hash[k - 1], hash[k]);
  for (size_t k = from; k < to; ++k) {
    uint32_t bits = exact.Test(keys[k]);
    flags[k] |= static_cast<uint8_t>((MaySingle(hash[k]) ? kSingleFlag : 0) | (bits << 4));
  }
}

void WordGate::TestWordsOutOfCache(const uint64_t* hash, size_t from, size_t to,
                                   uint8_t* flags) const {
  // The pairs to test, appended without a branch (the listed filter's
  // answers are unpredictable); then all their blocks are asked for, so
  // that the reads overlap, and tested.
  constexpr size_t kMostWords = 256;
  if (to - from > kMostWords) {  // not the scanner's chunks: in parts
    TestWordsOutOfCache(hash, from, from + kMostWords, flags);
    TestWordsOutOfCache(hash, from + kMostWords, to, flags);
    return;
  }
  std::array<uint8_t, kMostWords> is_listed;
  if (avx2) {
    TestListedAvx2(hash, from, to, is_listed.data(), flags);
  } else {
    TestListedScalar(hash, from, to, is_listed.data(), flags);
  }
  std::array<uint32_t, kMostWords> pairs;
  size_t count = 0;
  uint8_t before = listed.MayContain(hash[from - 1]) ? 1 : 0;
  for (size_t k = from; k < to; ++k) {
    uint8_t listed_word = is_listed[k - from];
    pairs[count] = static_cast<uint32_t>(k);
    count += before & listed_word;
    before = listed_word;
  }
  auto key = [&](size_t i) { return PairFilter::Key(hash[pairs[i] - 1], hash[pairs[i]]); };
  for (size_t i = 0; i < count; ++i) exact.Prefetch(key(i));
  for (size_t i = 0; i < count; ++i) {
    flags[pairs[i]] |= static_cast<uint8_t>(exact.Test(key(i)) << 4);
  }
}

void WordGate::TestListedScalar(const uint64_t* hash, size_t from, size_t to, uint8_t* is_listed,
                                uint8_t* flags) const {
  for (size_t k = from; k < to; ++k) {
    is_listed[k - from] = listed.MayContain(hash[k]) ? 1 : 0;
    flags[k] |= MaySingle(hash[k]) ? kSingleFlag : 0;
  }
}

#if defined(__x86_64__)
namespace {

// Byte i of the result is bit i of the 4-bit `mask` (the shifted copies
// never overlap, so the product has no carries).
uint32_t SpreadToBytes(int mask) { return (static_cast<uint32_t>(mask) * 0x00204081u) & 0x01010101u; }

// Per lane: 1 << ((key >> Shift) & 63), as PairFilter::PairBits() does.
template <int Shift>
__attribute__((target("avx2"))) inline __m256i BitAt(__m256i key) {
  return _mm256_sllv_epi64(_mm256_set1_epi64x(1),
                           _mm256_and_si256(_mm256_srli_epi64(key, Shift), _mm256_set1_epi64x(63)));
}

// Per lane: bit (h >> 24) & mask of `bits`, as HashBits::MayContain()
// reads it, as 0 or 1.
__attribute__((target("avx2"))) inline __m256i HashBitsAvx2(const uint64_t* bits, uint64_t mask,
                                                            __m256i h) {
  __m256i bit =
      _mm256_and_si256(_mm256_srli_epi64(h, 24), _mm256_set1_epi64x(static_cast<long long>(mask)));
  __m256i word = _mm256_i64gather_epi64(reinterpret_cast<const long long*>(bits),
                                        _mm256_srli_epi64(bit, 6), 8);
  return _mm256_and_si256(_mm256_srlv_epi64(word, _mm256_and_si256(bit, _mm256_set1_epi64x(63))),
                          _mm256_set1_epi64x(1));
}

// Byte i of the result: lane i of a vector of 0s and 1s.
__attribute__((target("avx2"))) inline uint32_t LaneBytes(__m256i ones) {
  return SpreadToBytes(_mm256_movemask_pd(_mm256_castsi256_pd(_mm256_slli_epi64(ones, 63))));
}

}  // namespace

__attribute__((target("avx2"))) void WordGate::TestListedAvx2(const uint64_t* hash, size_t from,
                                                              size_t to, uint8_t* is_listed,
                                                              uint8_t* flags) const {
  size_t k = from;
  for (; k + 4 <= to; k += 4) {
    __m256i h = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(hash + k));
    uint32_t listed_bytes = LaneBytes(HashBitsAvx2(listed.words(), listed.mask(), h));
    uint32_t single_bytes = LaneBytes(HashBitsAvx2(singles.words(), singles.mask(), h));
    std::memcpy(is_listed + (k - from), &listed_bytes, 4);
    uint32_t current;
    std::memcpy(&current, flags + k, 4);
    current |= single_bytes * kSingleFlag;
    std::memcpy(flags + k, &current, 4);
  }
  TestListedScalar(hash, k, to, is_listed + (k - from), flags);
}

__attribute__((target("avx2"))) void WordGate::TestWordsAvx2(const uint64_t* hash, size_t from,
                                                             size_t to, uint64_t* keys,
                                                             uint8_t* flags) const {
  size_t k = from;
  for (; k + 4 <= to; k += 4) {
    __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(hash + k - 1));
    __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(hash + k));
    __m256i rotated = _mm256_or_si256(_mm256_slli_epi64(b, 29), _mm256_srli_epi64(b, 35));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(keys + k), _mm256_xor_si256(a, rotated));
  }
  for (; k < to; ++k) keys[k] = PairFilter::Key(hash[k - 1], hash[k]);
  // PairFilter::Block(): the filter has under 2^32 blocks (see Freeze()),
  // so a 32x32-bit multiply gives the same product.
  const __m256i size = _mm256_set1_epi64x(static_cast<long long>(exact.size_));
  const auto* blocks = reinterpret_cast<const long long*>(exact.data_);
  for (k = from; k + 4 <= to; k += 4) {
    __m256i key = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(keys + k));
    __m256i index = _mm256_srli_epi64(_mm256_mul_epu32(_mm256_srli_epi64(key, 40), size), 24);
    __m256i block = _mm256_i64gather_epi64(blocks, index, 8);
    __m256i pair_bits = _mm256_or_si256(BitAt<0>(key), BitAt<6>(key));
    __m256i pair = _mm256_cmpeq_epi64(_mm256_and_si256(block, pair_bits), pair_bits);
    __m256i complete_bits =
        _mm256_or_si256(_mm256_or_si256(BitAt<18>(key), BitAt<24>(key)), BitAt<30>(key));
    __m256i complete = _mm256_and_si256(
        pair, _mm256_cmpeq_epi64(_mm256_and_si256(block, complete_bits), complete_bits));
    __m256i h = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(hash + k));
    uint32_t out = LaneBytes(HashBitsAvx2(singles.words(), singles.mask(), h)) * kSingleFlag |
                   SpreadToBytes(_mm256_movemask_pd(_mm256_castsi256_pd(pair))) * kPairFlag |
                   SpreadToBytes(_mm256_movemask_pd(_mm256_castsi256_pd(complete))) * kCompleteFlag;
    uint32_t current;
    std::memcpy(&current, flags + k, 4);
    current |= out;
    std::memcpy(flags + k, &current, 4);
  }
  for (; k < to; ++k) {
    uint32_t bits = exact.Test(keys[k]);
    flags[k] |= static_cast<uint8_t>((MaySingle(hash[k]) ? kSingleFlag : 0) | (bits << 4));
  }
}
#else
void WordGate::TestListedAvx2(const uint64_t* hash, size_t from, size_t to, uint8_t* is_listed,
                              uint8_t* flags) const {
  TestListedScalar(hash, from, to, is_listed, flags);
}

void WordGate::TestWordsAvx2(const uint64_t* hash, size_t from, size_t to, uint64_t* keys,
                             uint8_t* flags) const {
  TestWordsScalar(hash, from, to, keys, flags);
}
#endif

void PairFilter::Freeze() {
  // Under 2^32 blocks, which WordGate::TestWordsAvx2() relies on.
  blocks_.assign(std::min<size_t>(BlocksFor(keys_.size()), 0xFFFFFFFFu), 0);
  data_ = blocks_.data();
  size_ = blocks_.size();
  for (uint64_t key : keys_) {
    blocks_[Block(key)] |= PairBits(key) | ((key & kCompleteMark) ? CompleteBits(key) : 0);
  }
  keys_.clear();
  keys_.shrink_to_fit();
}

void HashBits::Freeze(size_t bits_per_key) {
  size_t words = 1;
  while (words * 64 < bits_per_key * hashes_.size()) words *= 2;
  bits_.assign(words, 0);
  mask_ = words * 64 - 1;
  for (uint64_t h : hashes_) {
    uint64_t bit = (h >> 24) & mask_;
    bits_[bit >> 6] |= 1ull << (bit & 63);
  }
  hashes_.clear();
  hashes_.shrink_to_fit();
}

void WordGate::Freeze() {
  exact.Freeze();
  spelling.Freeze();
  singles.Freeze(128);
  listed.Freeze(32);
#if defined(__x86_64__)
  avx2 = __builtin_cpu_supports("avx2");
#endif
}

uint64_t SpellingKey(std::string_view word, uint64_t hash) {
  if (word.size() < match_internal::kMinFuzzyWordBytes) return hash;
  // Salted, so that a skeleton and a listed word spelt like it differ.
  if (word.size() > 64) {
    std::string key = match_internal::Skeleton(word);
    return !match_internal::SpecificKey(key.size(), word.size()) ? hash
                                                                  : Vocabulary::Hash(key) ^ kSpellingSalt;
  }
  char key[2 * 64];
  size_t length = match_internal::SkeletonInto(word, key);
  return !match_internal::SpecificKey(length, word.size())
             ? hash
             : Vocabulary::Hash(std::string_view(key, length)) ^ kSpellingSalt;
}

}  // namespace vigil
