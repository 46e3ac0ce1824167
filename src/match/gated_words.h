// The scanner's first pass: cut a text into words and ask the word gate
// which of them the matcher must look up.
#ifndef VIGIL_SRC_MATCH_GATED_WORDS_H_
#define VIGIL_SRC_MATCH_GATED_WORDS_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "fuzzy.h"
#include "normalize.h"
#include "vocabulary.h"
#include "word_gate.h"
#include "word_scanner.h"

namespace vigil {

// Spelling keys of recent capitalised words ("Minister", "Trump"), which
// news repeats: a skeleton costs several times a word's whole trip through
// the gate, and the pairs of capitalised words in news need about one per
// pair without this cache. A key depends on the word alone, so one cache
// serves every matcher; it is per thread, like the scanner's buffers.
//
// Direct-mapped, 16,384 entries of 16 bytes (256 KB, in a core's L2):
// enough for the capitalised words of a day's news. An entry is known by
// the word's 64-bit hash alone, which includes its length: two words that
// share one would share a key, which would at worst cost a spelling
// variant of one of them (among a million distinct words, a chance of
// about one in 37 million).
class SpellingCache {
 public:
  // The key of the ASCII word of `length` bytes at `word`, in any case,
  // whose lower-cased Vocabulary::Hash() is `hash`.
  uint64_t Get(const char* word, size_t length, uint64_t hash) {
    const Entry& e = entries_[(hash >> 20) & (kEntries - 1)];
    return __builtin_expect(e.hash == hash, 1) ? e.key : Miss(word, length, hash);
  }

 private:
  static constexpr size_t kEntries = 16384;
  struct Entry {
    uint64_t hash = 0;  // 0: empty (no word hashes to 0)
    uint64_t key = 0;
  };
  __attribute__((noinline)) uint64_t Miss(const char* word, size_t length, uint64_t hash) {
    lowered_.resize(length);
    for (size_t i = 0; i < length; ++i) {
      lowered_[i] = word_internal::kAsciiLower[static_cast<uint8_t>(word[i])];
    }
    Entry& e = entries_[(hash >> 20) & (kEntries - 1)];
    e = Entry{hash, SpellingKey(lowered_, hash)};
    return e.key;
  }

  std::vector<Entry> entries_ = std::vector<Entry>(kEntries);
  std::string lowered_;
};

// Reads the words of a text as word_internal::ForEachWord() does and calls
// keep(const WordSpan&, bool gap, uint64_t hash, uint64_t spelling, bool
// paired) for each word that may be part of a listed name (see WordGate for
// which), in text order; `gap` says that words were skipped since the last
// one kept (or the text's start); `hash` is an ASCII word's
// Vocabulary::Hash() once lower-cased (else 0), `spelling` a capitalised
// ASCII word's SpellingKey() (else 0), which the matcher then need not
// compute again; `paired` that the word and the one before passed a pair
// filter (or one is from another script): if not, no listed name has the
// two in a row, as written or (both capitalised) spelt alike. Returns the number
// of words read. Words come in chunks: hashed first, then their pairs tested
// in a tight loop whose memory reads overlap, then chained with bit masks;
// the last two words of a chunk wait for the next one, since their fate
// depends on the words after.
class GatedWordReader {
 public:
  GatedWordReader(const WordGate& gate, SpellingCache* cache) : gate_(gate), cache_(cache) {}

  template <typename Keep>
  size_t Read(std::string_view text, Keep&& keep);

 private:
  static constexpr size_t kChunk = 192;
  // At most 32 words end in a block of 64 bytes, and ReadToken() adds two.
  static constexpr size_t kWordsPerBlock = 34;
  enum : uint8_t {
    kAscii = 1,
    kPossessive = 2,
    kCapital = 4,  // an ASCII word with a capital first: may be a spelling variant
    kKept = WordGate::kSingleFlag,
    kPair = WordGate::kPairFlag,          // this word and the one before are neighbours in a name
    kComplete = WordGate::kCompleteFlag,  // ... and are a whole name
    kOtherScript = 64,  // not hashed: a word with letters beyond ASCII
    kSpelled = 128,     // spelling_ holds the word's spelling key
  };
  static constexpr int kPairShift = 4;  // PairFilter's bits, moved to kPair

  // Sets word k of the chunk, but for its hash (see HashNewWords()). The
  // block reader counts its words in a local rather than in size_: a store
  // to flags_, bytes, may alias any member, and would make every word
  // reload the count from memory.
  void AddAt(size_t k, size_t start, size_t end, uint8_t flags) {
    start_[k] = static_cast<uint32_t>(start);
    end_[k] = static_cast<uint32_t>(end);
    flags_[k] = flags;
  }
  // Hashes the chunk's words from `from` on. A pass of its own, apart from
  // the branchy block reader: the words' hashes, independent of one
  // another, then overlap in the core instead of waiting behind the
  // reader's mispredicted branches.
  void HashNewWords(std::string_view text, size_t from);
  template <typename Keep>
  void Process(std::string_view text, bool last, Keep& keep);
  static constexpr size_t kMaskWords = kChunk / 64;
  // Bit k of the result: flags_[k] has `bit`, for the chunk's words.
  void Masks(uint8_t bit, std::array<uint64_t, kMaskWords>* out) const;

  const WordGate& gate_;
  SpellingCache* cache_;
  // The chunk, one array per field.
  std::array<uint32_t, kChunk> start_;
  std::array<uint32_t, kChunk> end_;
  std::array<uint64_t, kChunk> hash_;      // 0: not hashed (another script)
  std::array<uint64_t, kChunk> spelling_;  // spelling keys, of kSpelled words
  std::array<uint8_t, kChunk> flags_{};  // read whole by Masks(): no byte left unset
  std::array<uint64_t, kChunk> pair_key_;  // with the word before, while testing
  size_t size_ = 0;
  size_t tested_ = 0;   // words whose pair with the word before is tested
  size_t next_ = 0;     // the chunk's word after the last one handed over
  bool gap_ = false;    // words were skipped since the last one kept
  size_t words_ = 0;    // words handed over or skipped
};

inline void GatedWordReader::HashNewWords(std::string_view text, size_t from) {
  const char* data = text.data();
  const size_t n = text.size();
  const size_t size = size_;  // a local: the byte stores below may alias size_
  for (size_t k = from; k < size; ++k) {
    uint8_t flags = flags_[k];
    if (flags & kAscii) {
      hash_[k] = Vocabulary::HashLowerAscii(data + start_[k], end_[k] - start_[k], n - start_[k]);
      auto lead = static_cast<uint8_t>(data[start_[k]]);
      flags |= lead >= 'A' && lead <= 'Z' ? kCapital : 0;
    } else {
      hash_[k] = 0;
      flags |= kOtherScript | kKept;
    }
    flags_[k] = flags;
  }
}

inline void GatedWordReader::Masks(uint8_t bit, std::array<uint64_t, kMaskWords>* out) const {
  for (size_t w = 0; w < kMaskWords; ++w) {
    uint64_t m = 0;
#if defined(__SSE2__)
    const __m128i b = _mm_set1_epi8(static_cast<char>(bit));
    for (size_t k = 0; k < 4; ++k) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(flags_.data() + 64 * w + 16 * k));
      auto lane = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, b), b)));
      m |= static_cast<uint64_t>(lane) << (16 * k);
    }
#else
    for (size_t k = 0; k < 64; ++k) m |= static_cast<uint64_t>((flags_[64 * w + k] & bit) != 0) << k;
#endif
    // Entries past the chunk's words hold stale flags.
    size_t valid = size_ > 64 * w ? std::min<size_t>(size_ - 64 * w, 64) : 0;
    (*out)[w] = valid == 64 ? m : m & ((uint64_t{1} << valid) - 1);
  }
}

template <typename Keep>
void GatedWordReader::Process(std::string_view text, bool last, Keep& keep) {
  // Test each new word: is it a one-word name, and its pair with the word
  // before. Words from another script (hash 0) get whatever these say;
  // they are kept with their neighbours below.
  HashNewWords(text, tested_);
  const bool first_chunk = tested_ == 0;
  const size_t first = first_chunk ? 1 : tested_;
  if (first_chunk && size_ > 0 && gate_.MaySingle(hash_[0])) flags_[0] |= kKept;
  static_assert(kPair == PairFilter::kPair << kPairShift && kComplete == PairFilter::kComplete << kPairShift);
  // Spelling variants, only between capitalised words (ASCII ones; other
  // scripts are kept anyway): the spelling keys of the words in such pairs,
  // each computed once, then the pairs. News has one such pair in ten
  // words ("Prime Minister"), and where they fall is unpredictable: the
  // loops run on bit masks, with no branch per word.
  std::array<uint64_t, kMaskWords> capital, spelled, pairs;
  Masks(kCapital, &capital);
  Masks(kSpelled, &spelled);
  for (size_t w = 0; w < kMaskWords; ++w) {
    pairs[w] = capital[w] & ((capital[w] << 1) | (w > 0 ? capital[w - 1] >> 63 : 0));
  }
  pairs[0] &= ~0ull << first;
  for (size_t w = 0; w < kMaskWords; ++w) {
    uint64_t in_pair = pairs[w] | (pairs[w] >> 1) | (w + 1 < kMaskWords ? pairs[w + 1] << 63 : 0);
    for (uint64_t todo = in_pair & ~spelled[w]; todo != 0; todo &= todo - 1) {
      size_t k = 64 * w + static_cast<size_t>(__builtin_ctzll(todo));
      spelling_[k] = cache_->Get(text.data() + start_[k], end_[k] - start_[k], hash_[k]);
      flags_[k] |= kSpelled;
    }
  }
  const bool prefetch = !gate_.spelling.fits_cache();
  for (size_t w = 0; prefetch && w < kMaskWords; ++w) {
    for (uint64_t bits = pairs[w]; bits != 0; bits &= bits - 1) {
      size_t k = 64 * w + static_cast<size_t>(__builtin_ctzll(bits));
      gate_.spelling.Prefetch(PairFilter::Key(spelling_[k - 1], spelling_[k]));
    }
  }
  // The exact pairs, while the spelling pairs' blocks are on their way.
  gate_.TestWords(hash_.data(), first, size_, pair_key_.data(), flags_.data());
  for (size_t w = 0; w < kMaskWords; ++w) {
    for (uint64_t bits = pairs[w]; bits != 0; bits &= bits - 1) {
      size_t k = 64 * w + static_cast<size_t>(__builtin_ctzll(bits));
      uint32_t found = gate_.spelling.Test(PairFilter::Key(spelling_[k - 1], spelling_[k]));
      flags_[k] |= static_cast<uint8_t>(found << kPairShift);
    }
  }
  tested_ = size_;
  // A pair is a whole name, or a link in a chain of pairs: both its words
  // are kept. A word from another script makes whole-name pairs with both
  // its neighbours. The last pair of a chunk is decided again with the
  // next chunk, once the pair after it is known; deciding only ever adds.
  std::array<uint64_t, kMaskWords> pair, complete, kept, other;
  Masks(kPair, &pair);
  Masks(kComplete, &complete);
  Masks(kKept, &kept);
  Masks(kOtherScript, &other);
  for (size_t w = 0; w < kMaskWords; ++w) {
    uint64_t with_other = other[w] | (other[w] << 1) | (w > 0 ? other[w - 1] >> 63 : 0);
    pair[w] |= with_other;
    complete[w] |= with_other;
  }
  if (first_chunk) {
    pair[0] &= ~uint64_t{1};  // the text's first word has no word before it
    complete[0] &= ~uint64_t{1};
  }
  for (size_t w = 0; w < kMaskWords; ++w) {
    uint64_t left = (pair[w] << 1) | (w > 0 ? pair[w - 1] >> 63 : 0);
    uint64_t right = (pair[w] >> 1) | (w + 1 < kMaskWords ? pair[w + 1] << 63 : 0);
    uint64_t decided = pair[w] & (complete[w] | left | right);
    kept[w] |= decided;
    kept[w] |= decided >> 1;
    if (w > 0) kept[w - 1] |= decided << 63;
  }
  // A word is final once the pairs on both its sides are decided; each
  // kept one is handed over with whether words were skipped before it.
  size_t final_words = last ? size_ : size_ - 2;
  for (size_t w = 0; w < kMaskWords; ++w) {
    for (uint64_t bits = kept[w]; bits != 0; bits &= bits - 1) {
      size_t k = 64 * w + static_cast<size_t>(__builtin_ctzll(bits));
      if (k >= final_words) break;
      keep(WordSpan{start_[k], end_[k], (flags_[k] & kAscii) != 0, (flags_[k] & kPossessive) != 0},
           gap_ || k > next_, hash_[k], (flags_[k] & kSpelled) != 0 ? spelling_[k] : 0,
           ((pair[w] >> (k % 64)) & 1) != 0);
      gap_ = false;
      next_ = k + 1;
    }
  }
  if (final_words > next_) gap_ = true;
  next_ = 0;
  words_ += final_words;
  if (last) return;
  // The last two words start the next chunk, with what is known of them.
  for (size_t k = 0; k < 2; ++k) {
    size_t from = final_words + k;
    bool is_kept = (kept[from / 64] >> (from % 64)) & 1;
    start_[k] = start_[from];
    end_[k] = end_[from];
    hash_[k] = hash_[from];
    spelling_[k] = spelling_[from];
    flags_[k] = static_cast<uint8_t>(flags_[from] | (is_kept ? kKept : 0) |
                                     ((pair[from / 64] >> (from % 64)) & 1 ? kPair : 0));
  }
  size_ = 2;
  tested_ = 2;
}

template <typename Keep>
size_t GatedWordReader::Read(std::string_view text, Keep&& keep) {
  size_ = 0;
  tested_ = 0;
  next_ = 0;
  gap_ = false;
  words_ = 0;
  const size_t n = text.size();
  const char* data = text.data();
  auto add_span = [&](const WordSpan& span) {
    AddAt(size_++, span.start, span.end,
          (span.ascii ? kAscii : 0) | (span.possessive ? kPossessive : 0));
  };
  // 64 bytes at a time: the block's words that end before its first
  // non-ASCII byte are read from two bit masks. A word that runs into a
  // non-ASCII byte, and the non-ASCII token itself, go to ReadToken(); a
  // word that runs past the block starts the next one.
  char tail[64];  // the last, short block, zero padded (zero separates words)
  size_t pos = 0;
  while (pos < n) {
    if (size_ + kWordsPerBlock > kChunk) Process(text, false, keep);
    size_t size = size_;
    const char* block = data + pos;
    if (n - pos < 64) {
      std::memset(tail, 0, sizeof(tail));
      std::memcpy(tail, block, n - pos);
      block = tail;
    }
    word_internal::BlockMasks masks = word_internal::ClassifyBlock(block);
    const unsigned limit = masks.high != 0 ? static_cast<unsigned>(__builtin_ctzll(masks.high)) : 64;
    uint64_t starts = masks.word & ~(masks.word << 1);
    const uint64_t ends = ~masks.word & (masks.word << 1);
    // A block starts outside a word, so its words' starts and ends
    // alternate: the k-th end closes the k-th word. The words that end
    // before the first non-ASCII byte are complete; taking their ends
    // first spares each word a test of where it ends.
    const uint64_t clean = limit == 64 ? ~0ull : (uint64_t{1} << limit) - 1;
    for (uint64_t closing = ends & clean; closing != 0; closing &= closing - 1) {
      auto s = static_cast<unsigned>(__builtin_ctzll(starts));
      auto e = static_cast<unsigned>(__builtin_ctzll(closing));
      starts &= starts - 1;
      auto b = static_cast<uint8_t>(block[e]);
      bool possessive = b == '\'' && word_internal::PossessiveAt(text, pos + e + 1, b);
      AddAt(size++, pos + s, pos + e, kAscii | (possessive ? kPossessive : 0));
    }
    size_ = size;
    // Then the block's clean words stop: at a word that runs into a
    // non-ASCII byte or past the block (a word of 64 bytes or more from
    // the block's start is read by ReadToken() too), else at the first
    // non-ASCII byte, else at the block's end.
    unsigned stop = masks.high != 0 ? limit : 64;
    bool general = masks.high != 0;  // ReadToken() reads from `stop`
    if ((starts & clean) != 0) {
      stop = static_cast<unsigned>(__builtin_ctzll(starts));
      uint64_t open = ends & ~clean;
      unsigned e = open != 0 ? static_cast<unsigned>(__builtin_ctzll(open)) : 64;
      general = e != 64 || limit != 64 || stop == 0;
    }
    pos += stop;
    if (general && pos < n) word_internal::ReadToken(text, &pos, add_span);
  }
  Process(text, true, keep);
  return words_;
}

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_GATED_WORDS_H_
