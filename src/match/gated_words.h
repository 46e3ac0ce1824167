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

#include "fuzzy.h"
#include "vigil/match/normalize.h"
#include "vocabulary.h"
#include "word_gate.h"
#include "word_scanner.h"

namespace vigil {

// Spelling keys of recent capitalised words ("Minister", "Trump"), which
// news repeats: computing a skeleton costs more than the rest of a word's
// trip through the gate. A key depends on the word alone, so one cache
// serves every matcher; it is per thread, like the scanner's buffers.
class SpellingCache {
 public:
  // The key of the lower-cased `word` whose hash is `hash`.
  uint64_t Get(std::string_view word, uint64_t hash) {
    uint64_t prefix = 0;
    std::memcpy(&prefix, word.data(), std::min<size_t>(word.size(), 8));
    Entry& e = entries_[(hash >> 20) & (kEntries - 1)];
    if (e.hash != hash || e.prefix != prefix || e.length != word.size()) {
      e = Entry{hash, prefix, word.size(), SpellingKey(word, hash)};
    }
    return e.key;
  }

 private:
  static constexpr size_t kEntries = 2048;
  struct Entry {
    uint64_t hash = 0;  // 0: empty (no word hashes to 0)
    uint64_t prefix = 0;
    size_t length = 0;
    uint64_t key = 0;
  };
  std::array<Entry, kEntries> entries_{};
};

// Reads the words of a text as word_internal::ForEachWord() does and calls
// keep(const WordSpan&) for each word that may be part of a listed name and
// skip(const WordSpan&) for each other word, in text order (see WordGate for which is
// which). Words come in chunks: hashed first, then their pairs tested in a
// tight loop whose memory reads overlap, then chained; the last two words of
// a chunk wait for the next one, since their fate depends on the words after.
class GatedWordReader {
 public:
  GatedWordReader(const WordGate& gate, SpellingCache* cache) : gate_(gate), cache_(cache) {}

  template <typename Keep, typename Skip>
  void Read(std::string_view text, Keep&& keep, Skip&& skip);

 private:
  static constexpr size_t kChunk = 192;
  // At most 32 words end in a block of 64 bytes, and ReadToken() adds two.
  static constexpr size_t kWordsPerBlock = 34;
  enum : uint8_t {
    kAscii = 1,
    kPossessive = 2,
    kCapital = 4,  // an ASCII word with a capital first: may be a spelling variant
    kKept = 8,
    kPair = 16,      // this word and the one before are neighbours in a name
    kComplete = 32,  // ... and are a whole name
    kOtherScript = 64,  // not hashed: a word with letters beyond ASCII
  };
  static constexpr int kPairShift = 4;  // PairFilter's bits, moved to kPair

  void Add(std::string_view text, size_t start, size_t end, uint8_t flags, uint64_t hash) {
    auto lead = static_cast<uint8_t>(text[start]);
    if (hash == 0) {
      flags |= kOtherScript | kKept;
    } else {
      if (lead >= 'A' && lead <= 'Z') flags |= kCapital;
    }
    start_[size_] = static_cast<uint32_t>(start);
    end_[size_] = static_cast<uint32_t>(end);
    hash_[size_] = hash;
    spelling_[size_] = 0;
    flags_[size_] = flags;
    ++size_;
  }
  uint64_t Spelling(std::string_view text, size_t k);
  template <typename Keep, typename Skip>
  void Process(std::string_view text, bool last, Keep& keep, Skip& skip);

  const WordGate& gate_;
  SpellingCache* cache_;
  // The chunk, one array per field.
  std::array<uint32_t, kChunk> start_;
  std::array<uint32_t, kChunk> end_;
  std::array<uint64_t, kChunk> hash_;      // 0: not hashed (another script)
  std::array<uint64_t, kChunk> spelling_;  // 0: not computed yet
  std::array<uint8_t, kChunk> flags_;
  std::array<uint64_t, kChunk> pair_key_;      // with the word before, while testing
  std::array<uint64_t, kChunk> spelling_key_;
  size_t size_ = 0;
  size_t tested_ = 0;   // words whose pair with the word before is tested
  size_t decided_ = 0;  // words whose pair with the word before is decided
  std::string long_word_;
};

inline uint64_t GatedWordReader::Spelling(std::string_view text, size_t k) {
  if (spelling_[k] == 0) {
    size_t length = end_[k] - start_[k];
    if (length < match_internal::kMinFuzzyWordBytes) return spelling_[k] = hash_[k];
    char buffer[64];
    char* lowered = buffer;
    if (length > sizeof(buffer)) {
      long_word_.resize(length);
      lowered = long_word_.data();
    }
    for (size_t i = 0; i < length; ++i) {
      lowered[i] = word_internal::kAsciiLower[static_cast<uint8_t>(text[start_[k] + i])];
    }
    spelling_[k] = cache_->Get(std::string_view(lowered, length), hash_[k]);
  }
  return spelling_[k];
}

template <typename Keep, typename Skip>
void GatedWordReader::Process(std::string_view text, bool last, Keep& keep, Skip& skip) {
  // Test each new word's pair with the word before. Spelling variants are
  // only tried between capitalised words. A word from another script (hash
  // 0) is kept with its neighbours, as a whole-name pair.
  const size_t first = tested_ == 0 ? 1 : tested_;
  constexpr uint8_t kBoth = kPair | kComplete;
  // One-word names too: tested here, apart from the reading of words,
  // which would otherwise wait for each word's hash to reach the filter.
  if (tested_ == 0 && size_ > 0 && !(flags_[0] & kOtherScript) && gate_.MaySingle(hash_[0])) {
    flags_[0] |= kKept;
  }
  static_assert(kPair == PairFilter::kPair << kPairShift && kComplete == PairFilter::kComplete << kPairShift);
  if (gate_.exact.fits_cache() && gate_.spelling.fits_cache()) {
    for (size_t k = first; k < size_; ++k) {
      if ((flags_[k] | flags_[k - 1]) & kOtherScript) {
        flags_[k] |= kBoth;
        continue;
      }
      flags_[k] |= gate_.MaySingle(hash_[k]) ? kKept : 0;
      uint32_t bits = gate_.exact.Test(PairFilter::Key(hash_[k - 1], hash_[k]));
      if (flags_[k] & flags_[k - 1] & kCapital) {
        bits |= gate_.spelling.Test(PairFilter::Key(Spelling(text, k - 1), Spelling(text, k)));
      }
      flags_[k] |= static_cast<uint8_t>(bits << kPairShift);
    }
  } else {
    // A big list's filter is not in cache: all keys first, with their
    // blocks asked for, then the tests, so that the reads overlap instead
    // of waiting one after another.
    for (size_t k = first; k < size_; ++k) {
      if ((flags_[k] | flags_[k - 1]) & kOtherScript) continue;
      pair_key_[k] = PairFilter::Key(hash_[k - 1], hash_[k]);
      gate_.exact.Prefetch(pair_key_[k]);
      if (flags_[k] & flags_[k - 1] & kCapital) {
        spelling_key_[k] = PairFilter::Key(Spelling(text, k - 1), Spelling(text, k));
        gate_.spelling.Prefetch(spelling_key_[k]);
      }
    }
    for (size_t k = first; k < size_; ++k) {
      if ((flags_[k] | flags_[k - 1]) & kOtherScript) {
        flags_[k] |= kBoth;
        continue;
      }
      flags_[k] |= gate_.MaySingle(hash_[k]) ? kKept : 0;
      uint32_t bits = gate_.exact.Test(pair_key_[k]);
      if (flags_[k] & flags_[k - 1] & kCapital) bits |= gate_.spelling.Test(spelling_key_[k]);
      flags_[k] |= static_cast<uint8_t>(bits << kPairShift);
    }
  }
  tested_ = size_;
  // A pair is a name, or a link in a chain of pairs: both words are kept.
  // The last pair of a chunk waits for the next word, unless there is none.
  size_t decidable = last ? size_ : size_ - 1;
  for (size_t k = decided_ == 0 ? 1 : decided_; k < decidable; ++k) {
    if (!(flags_[k] & kPair)) continue;
    bool chained = (flags_[k] & kComplete) || (flags_[k - 1] & kPair) ||
                   (k + 1 < size_ && (flags_[k + 1] & kPair));
    if (chained) {
      flags_[k] |= kKept;
      flags_[k - 1] |= kKept;
    }
  }
  decided_ = decidable;
  // A word is final once the pairs on both its sides are decided.
  size_t final_words = last ? size_ : size_ - 2;
  for (size_t k = 0; k < final_words; ++k) {
    // Built in each branch, so that a caller that ignores skipped words'
    // spans does not pay for them.
    if (flags_[k] & kKept) {
      keep(WordSpan{start_[k], end_[k], (flags_[k] & kAscii) != 0, (flags_[k] & kPossessive) != 0});
    } else {
      skip(WordSpan{start_[k], end_[k], (flags_[k] & kAscii) != 0, (flags_[k] & kPossessive) != 0});
    }
  }
  if (last) return;
  // The last two words start the next chunk.
  for (size_t k = 0; k < 2; ++k) {
    size_t from = final_words + k;
    start_[k] = start_[from];
    end_[k] = end_[from];
    hash_[k] = hash_[from];
    spelling_[k] = spelling_[from];
    flags_[k] = flags_[from];
  }
  size_ = 2;
  tested_ = 2;
  decided_ = 1;
}

template <typename Keep, typename Skip>
void GatedWordReader::Read(std::string_view text, Keep&& keep, Skip&& skip) {
  size_ = 0;
  tested_ = 0;
  decided_ = 0;
  const size_t n = text.size();
  const char* data = text.data();
  auto add_span = [&](const WordSpan& span) {
    uint8_t flags = (span.ascii ? kAscii : 0) | (span.possessive ? kPossessive : 0);
    uint64_t hash = span.ascii ? Vocabulary::HashLowerAscii(data + span.start, span.end - span.start,
                                                            n - span.start)
                               : 0;
    Add(text, span.start, span.end, flags, hash);
  };
  // 64 bytes at a time: the block's words that end before its first
  // non-ASCII byte are read from two bit masks. A word that runs into a
  // non-ASCII byte, and the non-ASCII token itself, go to ReadToken(); a
  // word that runs past the block starts the next one.
  char tail[64];  // the last, short block, zero padded (zero separates words)
  size_t pos = 0;
  while (pos < n) {
    if (size_ + kWordsPerBlock > kChunk) Process(text, false, keep, skip);
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
    unsigned stop = 64;  // where the block's clean words stop
    bool general = masks.high != 0;  // ReadToken() reads from `stop`
    while (starts != 0) {
      auto s = static_cast<unsigned>(__builtin_ctzll(starts));
      uint64_t after = ends & (~0ull << s);
      if (s >= limit) {
        stop = limit;
        break;
      }
      auto e = after != 0 ? static_cast<unsigned>(__builtin_ctzll(after)) : 64;
      if (e >= limit) {
        // Runs into a non-ASCII byte, or past the block: a word of 64
        // bytes or more from the block's start is read by ReadToken() too.
        stop = s;
        general = e != 64 || limit != 64 || s == 0;
        break;
      }
      size_t start = pos + s;
      size_t end = pos + e;
      auto b = static_cast<uint8_t>(block[e]);
      bool possessive = b == '\'' && word_internal::PossessiveAt(text, end + 1, b);
      Add(text, start, end, kAscii | (possessive ? kPossessive : 0),
          Vocabulary::HashLowerAscii(data + start, end - start, n - start));
      starts &= starts - 1;
    }
    if (starts == 0 && masks.high != 0) stop = limit;
    pos += stop;
    if (general && pos < n) word_internal::ReadToken(text, &pos, add_span);
  }
  Process(text, true, keep, skip);
}

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_GATED_WORDS_H_
