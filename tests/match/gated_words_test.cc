#include "gated_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "fuzzy.h"
#include "vigil/match/matcher.h"
#include "src/match/normalize.h"
#include "word_gate.h"
#include "word_scanner.h"

namespace vigil {
namespace {

using Span = std::tuple<size_t, size_t, bool, bool>;

Span Tuple(const WordSpan& w) { return {w.start, w.end, w.ascii, w.possessive}; }

// Random text from pieces that stress the block reader: ASCII words of all
// lengths, apostrophes, words that run into other scripts, standalone
// ideographs, format and combining characters, invalid bytes.
std::string RandomText(std::mt19937* rng, size_t pieces) {
  static const std::vector<std::string> kPieces = {
      "Putin", "putin's", "O'Brien", " ", " ", " ", ", ", ".\n", "\t", "'s", "’s", "Müller",
      "Владимир", "Путин", "金正恩", "so\u00ADft", "e\u0301", "\xFF", "\xE2\x80", "2024", "—",
      "Kim", "Jong-un", "a", "xy", std::string(63, 'b'), std::string(64, 'c'), std::string(70, 'D'),
      "ltd", "LIMITED", "ß", "İstanbul", "\u200D", "(", ")", "\"", "Dmitri", "peskov"};
  std::string text;
  for (size_t i = 0; i < pieces; ++i) text += kPieces[(*rng)() % kPieces.size()];
  return text;
}

std::vector<Span> ExpectedWords(std::string_view text) {
  std::vector<WordSpan> words;
  FindWords(text, &words);
  std::vector<Span> out;
  for (const WordSpan& w : words) out.push_back(Tuple(w));
  return out;
}

TEST(GatedWordReaderTest, ReadsTheWordsFindWordsReads) {
  // An unfrozen gate lets every word through.
  WordGate gate;
  SpellingCache spellings;
  GatedWordReader reader(gate, &spellings);
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text = RandomText(&rng, rng() % 120);
    std::vector<Span> kept;
    size_t read = reader.Read(text, [&](const WordSpan& w, bool gap, uint64_t, uint64_t, bool) {
      kept.push_back(Tuple(w));
      EXPECT_FALSE(gap) << "at " << w.start << " in " << text;
    });
    std::vector<Span> expected = ExpectedWords(text);
    ASSERT_EQ(kept, expected) << text;
    ASSERT_EQ(read, expected.size());
  }
}

TEST(GatedWordReaderTest, AnEmptyGateKeepsOnlyOtherScriptsAndTheirNeighbours) {
  WordGate gate;
  gate.Freeze();  // no names: no pair, no single word passes
  SpellingCache spellings;
  GatedWordReader reader(gate, &spellings);
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    // Long texts: words cross the reader's chunks.
    std::string text = RandomText(&rng, 200 + rng() % 800);
    std::vector<Span> expected = ExpectedWords(text);
    auto hashed = [&](size_t k) { return std::get<2>(expected[k]); };  // ASCII words are hashed
    std::vector<Span> should_keep;
    std::vector<bool> should_gap;
    bool skipped = false;
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!hashed(i) || (i > 0 && !hashed(i - 1)) || (i + 1 < expected.size() && !hashed(i + 1))) {
        should_keep.push_back(expected[i]);
        should_gap.push_back(skipped);
        skipped = false;
      } else {
        skipped = true;
      }
    }
    std::vector<Span> kept;
    std::vector<bool> gaps;
    size_t read = reader.Read(text, [&](const WordSpan& w, bool gap, uint64_t, uint64_t, bool) {
      kept.push_back(Tuple(w));
      gaps.push_back(gap);
    });
    ASSERT_EQ(read, expected.size()) << text;
    ASSERT_EQ(kept, should_keep) << text;
    ASSERT_EQ(gaps, should_gap) << text;
  }
}

TEST(PairFilterTest, HasNoFalseNegativesAndFewFalsePositives) {
  PairFilter filter;
  std::mt19937_64 rng(3);
  std::vector<std::pair<uint64_t, bool>> added;
  for (int i = 0; i < 20000; ++i) {
    uint64_t key = PairFilter::Key(rng(), rng());
    bool complete = i % 3 == 0;
    filter.Add(key, complete);
    added.emplace_back(key, complete);
  }
  filter.Freeze();
  for (const auto& [key, complete] : added) {
    uint32_t bits = filter.Test(key);
    ASSERT_TRUE(bits & PairFilter::kPair);
    if (complete) {
      ASSERT_TRUE(bits & PairFilter::kComplete);
    }
  }
  int false_pairs = 0;
  int false_names = 0;
  for (int i = 0; i < 100000; ++i) {
    uint32_t bits = filter.Test(PairFilter::Key(rng(), rng()));
    if (bits & PairFilter::kPair) ++false_pairs;
    if (bits & PairFilter::kComplete) ++false_names;
  }
  // Two bits per pair in 16 per key: about 3.5%. A false pair costs a
  // lookup only when it chains with another pair; a false whole name, with
  // five bits, always costs one.
  EXPECT_LT(false_pairs, 4500);
  EXPECT_LT(false_names, 300);
}

// Adds `count` random hashes to a fresh gate's `set` (singles or listed),
// and returns how many of 100,000 other hashes the set lets through after
// checking that each added one passes.
int FalsePositivesOf(HashBits WordGate::*set, int count, uint64_t seed) {
  WordGate gate;
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> added;
  for (int i = 0; i < count; ++i) {
    added.push_back(rng() | 1);
    (gate.*set).Add(added.back());
  }
  gate.Freeze();
  for (uint64_t h : added) EXPECT_TRUE((gate.*set).MayContain(h));
  int false_positives = 0;
  for (int i = 0; i < 100000; ++i) false_positives += (gate.*set).MayContain(rng() | 1) ? 1 : 0;
  return false_positives;
}

TEST(WordGateTest, OneWordNamesHaveNoFalseNegativesAndFewFalsePositives) {
  EXPECT_LT(FalsePositivesOf(&WordGate::singles, 3000, 5), 1000);  // at most about 0.8%
}

TEST(WordGateTest, ListedWordsHaveNoFalseNegativesAndFewFalsePositives) {
  // 32 bits or more per word: at most about 3%.
  EXPECT_LT(FalsePositivesOf(&WordGate::listed, 20000, 9), 3200);
}

TEST(VocabularyTest, HashLowerAsciiIsTheHashOfTheLowerCasedWord) {
  std::mt19937 rng(13);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (size_t length = 1; length <= 40; ++length) {
    for (int round = 0; round < 50; ++round) {
      std::string word;
      for (size_t i = 0; i < length; ++i) word += alphabet[rng() % alphabet.size()];
      std::string lower = word;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // Bytes after the word are read in whole chunks and must not count.
      std::string padded = word;
      for (int i = 0; i < 16; ++i) padded += alphabet[rng() % alphabet.size()];
      // At the end of a text (nothing readable after the word) and inside one.
      ASSERT_EQ(Vocabulary::HashLowerAscii(word.data(), length, length), Vocabulary::Hash(lower)) << word;
      ASSERT_EQ(Vocabulary::HashLowerAscii(padded.data(), length, padded.size()), Vocabulary::Hash(lower))
          << word;
    }
  }
}

// Hash() reads a word's tail with overlapping loads inside it: the hash
// is the word's alone, whatever bytes lie around it, for every length and
// any bytes (HashLowerAscii() above checks it against the byte-by-byte
// definition for ASCII words).
TEST(VocabularyTest, HashDependsOnTheWordAlone) {
  std::mt19937 rng(17);
  for (size_t length = 0; length <= 48; ++length) {
    for (int round = 0; round < 40; ++round) {
      std::string word;
      for (size_t i = 0; i < length; ++i) word += static_cast<char>(rng() % 256);
      std::vector<char> around(length + 64);
      for (char& c : around) c = static_cast<char>(rng() % 256);
      size_t at = rng() % 32;
      std::memcpy(around.data() + at, word.data(), length);
      ASSERT_EQ(Vocabulary::Hash(std::string_view(around.data() + at, length)),
                Vocabulary::Hash(word))
          << length;
    }
  }
  EXPECT_NE(Vocabulary::Hash("abcdefghi"), Vocabulary::Hash("abcdefghj"));
  EXPECT_NE(Vocabulary::Hash("abcde"), Vocabulary::Hash("abcdf"));
}

TEST(VocabularyTest, FindPaddedFindsWhatFindFinds) {
  std::mt19937 rng(17);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  Vocabulary vocabulary;
  std::vector<std::string> words;
  for (size_t length = 1; length <= 40; ++length) {
    for (int i = 0; i < 20; ++i) {
      std::string word;
      for (size_t k = 0; k < length; ++k) word += alphabet[rng() % alphabet.size()];
      words.push_back(word);
      vocabulary.Intern(word);
    }
  }
  vocabulary.Freeze();
  for (const std::string& word : words) {
    // Listed, and one letter off (most likely not listed); garbage after.
    for (std::string probe : {word, word.substr(0, word.size() - 1) + "_"}) {
      std::string padded = probe;
      for (int i = 0; i < 16; ++i) padded += alphabet[rng() % alphabet.size()];
      ASSERT_EQ(vocabulary.FindPadded(padded.data(), probe.size(), Vocabulary::Hash(probe)),
                vocabulary.Find(probe))
          << probe;
    }
    ASSERT_NE(vocabulary.Find(word), Vocabulary::kUnknown);
  }
}

// The eight-bytes-at-a-time classifier behind ClassifyBlock() on machines
// without SSE2 (x86-64 always has it, so the fallback is tested here).
TEST(WordScannerTest, AsciiWordBytesAgreesWithTheByteTable) {
  for (int b = 0; b < 256; ++b) {
    for (int at = 0; at < 8; ++at) {
      uint64_t x = 0x2020202020202020ull;  // spaces around the byte
      x = (x & ~(0xFFull << (8 * at))) | (static_cast<uint64_t>(b) << (8 * at));
      bool word = b < 0x80 && word_internal::kAsciiWord[b];
      ASSERT_EQ((word_internal::AsciiWordBytes(x) >> (8 * at + 7)) & 1, word ? 1u : 0u) << b;
      ASSERT_EQ(word_internal::AsciiWordBytes(x) & ~(0x80ull << (8 * at)), 0u) << b;
      ASSERT_EQ((word_internal::HighBytes(x) >> (8 * at + 7)) & 1, b >= 0x80 ? 1u : 0u) << b;
    }
  }
}

TEST(SpellingCacheTest, GivesTheKeyOfTheLowerCasedWordThroughHitsAndEvictions) {
  SpellingCache cache;
  std::mt19937 rng(19);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz";
  std::vector<std::string> words;
  for (int i = 0; i < 40000; ++i) {  // more than the cache holds
    std::string word(1, static_cast<char>('A' + rng() % 26));
    for (size_t k = 0, n = 2 + rng() % 10; k < n; ++k) word += alphabet[rng() % alphabet.size()];
    words.push_back(word);
  }
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < words.size(); i += 1 + round) {
      const std::string& word = words[i];
      std::string lower = word;
      lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
      uint64_t hash = Vocabulary::Hash(lower);
      ASSERT_EQ(cache.Get(word.data(), word.size(), hash), SpellingKey(lower, hash)) << word;
      ASSERT_EQ(cache.Get(word.data(), word.size(), hash), SpellingKey(lower, hash)) << word;
    }
  }
}

TEST(PairFilterTest, OrderMatters) {
  EXPECT_NE(PairFilter::Key(1, 2), PairFilter::Key(2, 1));
}

TEST(SpellingKeyTest, SpellingVariantsShareAKeyAndShortWordsKeepTheirHash) {
  auto key = [](std::string_view w) { return SpellingKey(w, Vocabulary::Hash(w)); };
  EXPECT_EQ(key("dmitry"), key("dmitri"));
  EXPECT_EQ(key("dmitry"), key("dmitriy"));
  EXPECT_EQ(key("sergei"), key("sergey"));
  EXPECT_EQ(key("wladimir"), key("vladimir"));
  EXPECT_NE(key("vladimir"), key("potanin"));
  EXPECT_EQ(key("kim"), Vocabulary::Hash("kim"));  // too short for variants
  EXPECT_EQ(key("a1b2"), Vocabulary::Hash("a1b2"));  // not letters: no skeleton
}

TEST(SkeletonTest, FoldsRomanisations) {
  using match_internal::Skeleton;
  EXPECT_EQ(Skeleton("dmitrij"), "dmtr");
  EXPECT_EQ(Skeleton("yevgeny"), Skeleton("evgeny"));
  EXPECT_EQ(Skeleton("hassan"), Skeleton("hasan"));
  EXPECT_EQ(Skeleton("muhammad"), Skeleton("mohammed"));
  EXPECT_EQ(Skeleton("philip"), "flp");
  EXPECT_EQ(Skeleton("schmidt"), "xmdt");
  EXPECT_EQ(Skeleton("alexei"), "alks");
  // The hushing and velar sounds are one letter, "x", however a press
  // spells them: sh, ch, kh, zh, j, dzh, sch, sz, cz, tsch, tj, tx, sj.
  EXPECT_EQ(Skeleton("dzhokhar"), "xr");
  EXPECT_EQ(Skeleton("shoigu"), Skeleton("choigou"));           // French
  EXPECT_EQ(Skeleton("lukashenko"), Skeleton("loukachenko"));   // French
  EXPECT_EQ(Skeleton("lukashenko"), Skeleton("lukaszenko"));    // Polish
  EXPECT_EQ(Skeleton("prigozhin"), Skeleton("prigojine"));      // French
  EXPECT_EQ(Skeleton("vladimirovich"), Skeleton("vladimirovitj"));   // Danish
  EXPECT_EQ(Skeleton("vladimirovich"), Skeleton("wladimirowitsj"));  // Dutch
  EXPECT_EQ(Skeleton("vladimirovich"), Skeleton("vladimirovitx"));   // Catalan
  EXPECT_EQ(Skeleton("vladimirovich"), Skeleton("vlagyimirovics"));  // Hungarian
  EXPECT_NE(Skeleton("sokolov"), Skeleton("shokolov"));  // "s" is not hushing
  // "kh" and "ch" are one sound to German and English spellings of Russian.
  EXPECT_EQ(Skeleton("zakharova"), Skeleton("sacharowa"));
  EXPECT_EQ(Skeleton("sechin"), Skeleton("setschin"));
  EXPECT_EQ(Skeleton("khodorkovsky"), Skeleton("chodorkowski"));
  EXPECT_EQ(Skeleton("siergieja"), Skeleton("sergey"));
  EXPECT_EQ(Skeleton("prigozhin"), Skeleton("prigoschin"));
  EXPECT_EQ(Skeleton("ramzan"), Skeleton("ramsan"));
  // Consonant case endings go: "putinem" and "putinas" are keyed as "putin".
  EXPECT_EQ(Skeleton("putinem"), Skeleton("putin"));
  EXPECT_EQ(Skeleton("putinas"), Skeleton("putin"));
  EXPECT_EQ(Skeleton("lavrovym"), Skeleton("lavrov"));
  EXPECT_NE(Skeleton("putinism"), Skeleton("putin"));
  EXPECT_EQ(Skeleton("qassem"), "ksm");  // five letters must remain
  EXPECT_EQ(Skeleton("o'brien"), "");  // not plain letters
}

// A spelling variant alone names a one-word organisation only if the
// listed name is long, has four consonant sounds or more, and the text
// word starts like it.
TEST(SkeletonTest, OneWordSpellingsNeedALongNameAndTheSameOnset) {
  using match_internal::MaySpellAlone;
  using match_internal::SameOnset;
  EXPECT_TRUE(MaySpellAlone("hizballah"));
  EXPECT_TRUE(MaySpellAlone("sberbank"));
  EXPECT_FALSE(MaySpellAlone("sairan"));  // "srn": "Sarney", "Soriano" too
  EXPECT_FALSE(MaySpellAlone("hamas"));   // too short
  EXPECT_TRUE(SameOnset("hisbollah", "hizballah"));
  EXPECT_TRUE(SameOnset("khezbolla", "hizballah"));  // the same first sound
  EXPECT_FALSE(SameOnset("ivangrad", "avangard"));   // both open with a vowel, another one
  EXPECT_FALSE(SameOnset("dalmer", "polimer"));
}

// Two spellings sound alike letter for letter when they differ only in
// how a transliteration writes a sound (s/z, ch/kh, sch/zh, w/v, ou/u,
// y/i); a changed vowel is a different word.
TEST(SkeletonTest, SoundsAlikeFoldsTransliterationsNotVowels) {
  using match_internal::SoundsAlike;
  EXPECT_TRUE(SoundsAlike("ramsan", "ramzan"));
  EXPECT_TRUE(SoundsAlike("sacharowa", "zakharova"));
  EXPECT_TRUE(SoundsAlike("prigoschin", "prigozhin"));
  EXPECT_TRUE(SoundsAlike("jusuf", "yusuf"));
  EXPECT_FALSE(SoundsAlike("hassan", "husain"));
  EXPECT_FALSE(SoundsAlike("petrov", "putrov"));
  EXPECT_FALSE(SoundsAlike("ali", "aly"));  // too short to tell
}

// Polish softens a stem's last consonant before the "-e" of the locative
// and dative: "Władimirze", "Łukaszence" are case forms of the name, read
// closely enough to make a hit of two spelling variants; a derivation is not.
TEST(SkeletonTest, PolishSoftenedCaseFormsAreTheName) {
  using match_internal::IsInflectionOf;
  using match_internal::kCloseReading;
  using match_internal::Skeleton;
  using match_internal::SpellingSimilarity;
  EXPECT_TRUE(IsInflectionOf("vladimirze", "vladimir"));
  EXPECT_TRUE(IsInflectionOf("lukashence", "lukashenka"));
  EXPECT_TRUE(IsInflectionOf("lukashence", "lukashenko"));
  EXPECT_FALSE(IsInflectionOf("vladimirowa", "vladimir"));
  EXPECT_EQ(Skeleton("wladimirze"), Skeleton("vladimir"));
  EXPECT_GE(SpellingSimilarity("wladimirze", "vladimir"), kCloseReading);
  EXPECT_GE(SpellingSimilarity("lukaszence", "lukashenka"), kCloseReading);
}

// A word that one press's transliteration turns into the listed word, or a
// case form of it, is a reading of it; a word merely alike is not.
TEST(SkeletonTest, PressTransliterationsAreReadingsOfTheListedWord) {
  using match_internal::IsReadingOf;
  EXPECT_TRUE(IsReadingOf("rosnieft", "rosneft"));       // Polish ie
  EXPECT_TRUE(IsReadingOf("sbierbankiem", "sberbank"));  // ... and a case ending
  EXPECT_TRUE(IsReadingOf("choigou", "shoigu"));          // French ch, ou
  EXPECT_FALSE(IsReadingOf("rosneft", "rosneft"));        // the word itself
  EXPECT_FALSE(IsReadingOf("ivangrad", "avangard"));
  EXPECT_FALSE(IsReadingOf("rosnieftism", "rosneft"));    // a derivation
}

// Spanish writes kh as "j": "Zajárova", "Mijaíl" are ZAKHAROVA, MIKHAIL.
TEST(SkeletonTest, SpanishJForKhBetweenVowelsFindsTheListedWord) {
  auto m = Matcher::Build({Watchlist{"sdn", {Entity{"zakharova", "ZAKHAROVA, Mariya Vladimirovna",
                                                    EntityType::kPerson, {}}}}},
                          {});
  ASSERT_TRUE(m.ok());
  auto matches = (*m)->Scan("Mariya Zajárova, portavoz de la Cancillería rusa, ironizó.");
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].matched, "Mariya Zajárova");
  EXPECT_TRUE(matches[0].alert);
}

// Each press's spelling of a Cyrillic name reads back to the list's: French
// (ch, ou), Dutch (oe, sj), Danish (tj), Hungarian (gy, cs), Ukrainian
// (Volodymyr for Vladimir).
TEST(SkeletonTest, PressSpellingsReadBackToTheListed) {
  using match_internal::kCloseReading;
  using match_internal::SpellingSimilarity;
  EXPECT_GE(SpellingSimilarity("choigou", "shoigu"), kCloseReading);
  EXPECT_GE(SpellingSimilarity("loukachenko", "lukashenko"), kCloseReading);
  EXPECT_GE(SpellingSimilarity("poetin", "putin"), kCloseReading);
  EXPECT_GE(SpellingSimilarity("vladimirovitj", "vladimirovich"), kCloseReading);
  EXPECT_GE(SpellingSimilarity("vlagyimir", "vladimir"), kCloseReading);
  EXPECT_GE(SpellingSimilarity("volodymyr", "vladimir"), kCloseReading);
  // Polish "j" and "ie" hide the name from Jaro-Winkler (0.61), not from the reading.
  EXPECT_GE(SpellingSimilarity("jewgienija", "yevgeniy"), kCloseReading);
}

// Case forms of a listed word are its noun case endings, on the word or on
// its stem before a final vowel; derivations are not.
TEST(SkeletonTest, InflectionsAreCaseEndingsOnly) {
  using match_internal::IsInflectionOf;
  EXPECT_TRUE(IsInflectionOf("gazpromom", "gazprom"));
  EXPECT_TRUE(IsInflectionOf("sberbanka", "sberbank"));
  EXPECT_TRUE(IsInflectionOf("putinas", "putin"));
  EXPECT_TRUE(IsInflectionOf("zakharovu", "zakharova"));
  EXPECT_FALSE(IsInflectionOf("putinism", "putin"));
  EXPECT_FALSE(IsInflectionOf("putinist", "putin"));
  EXPECT_FALSE(IsInflectionOf("gazprom", "gazprom"));  // the word itself
  EXPECT_FALSE(IsInflectionOf("una", "un"));           // too short to decline
  // The builder files a listed word that ends like an ending under its
  // whole key too, which its inflections share.
  using match_internal::Skeleton;
  using match_internal::WholeSkeleton;
  EXPECT_EQ(Skeleton("gazpromom"), WholeSkeleton("gazprom"));
  EXPECT_NE(Skeleton("gazpromom"), Skeleton("gazprom"));
}

// The gate must never hide a name: each kind of name, at every word
// position of a long text, so that names cross the reader's chunks and
// 64-byte blocks, is found where it was put.
// The scanner's batch test of a chunk gives what the filters give one word
// at a time: with a pair filter in cache (four words at a time with AVX2,
// or one by one) and out of it (pairs of listed words only, the words'
// listed and one-word-name bits four at a time with AVX2, or one by one).
void ExpectBatchTestAgrees(size_t pairs, bool avx2) {
  WordGate gate;
  std::mt19937_64 rng(pairs + avx2);
  std::vector<uint64_t> words(pairs / 2);
  for (uint64_t& w : words) {
    w = rng() | 1;
    gate.AddListed(w);
    if (rng() % 50 == 0) gate.AddSingle(w);
  }
  std::vector<std::pair<uint64_t, uint64_t>> listed_pairs;
  for (size_t i = 0; i < pairs; ++i) {
    listed_pairs.emplace_back(words[rng() % words.size()], words[rng() % words.size()]);
    gate.exact.Add(PairFilter::Key(listed_pairs.back().first, listed_pairs.back().second),
                   i % 3 == 0);
  }
  gate.Freeze();
  ASSERT_EQ(gate.exact.fits_cache(), pairs < 100000);
  if (!avx2) gate.avx2 = false;
  std::vector<uint64_t> keys(300);
  for (int round = 0; round < 2000; ++round) {
    // Listed pairs, listed words in no pair, unlisted words, other scripts.
    std::vector<uint64_t> hash;
    while (hash.size() < 300) {
      switch (rng() % 4) {
        case 0: {
          const auto& [a, b] = listed_pairs[rng() % listed_pairs.size()];
          hash.push_back(a);
          hash.push_back(b);
          break;
        }
        case 1: hash.push_back(words[rng() % words.size()]); break;
        case 2: hash.push_back(rng() | 1); break;
        default: hash.push_back(rng() % 8 == 0 ? 0 : rng() | 1);
      }
    }
    size_t from = 1 + rng() % 5;
    size_t to = std::min<size_t>(hash.size(), from + rng() % 290);
    std::vector<uint8_t> flags(hash.size());
    for (uint8_t& f : flags) f = static_cast<uint8_t>(rng() & 0xC7);  // bits TestWords() leaves
    std::vector<uint8_t> before = flags;
    gate.TestWords(hash.data(), from, to, keys.data(), flags.data());
    for (size_t k = 0; k < hash.size(); ++k) {
      uint8_t expected = before[k];
      if (k >= from && k < to) {
        bool listed = gate.listed.MayContain(hash[k - 1]) && gate.listed.MayContain(hash[k]);
        uint32_t bits = gate.exact.fits_cache() || listed
                            ? gate.exact.Test(PairFilter::Key(hash[k - 1], hash[k]))
                            : 0;
        expected |= static_cast<uint8_t>((gate.MaySingle(hash[k]) ? WordGate::kSingleFlag : 0) |
                                         (bits & PairFilter::kPair ? WordGate::kPairFlag : 0) |
                                         (bits & PairFilter::kComplete ? WordGate::kCompleteFlag : 0));
      }
      ASSERT_EQ(flags[k], expected) << "word " << k << " of [" << from << ", " << to << ")";
    }
  }
}

TEST(WordGateTest, BatchTestAnswersAsOneWordAtATime) {
  ExpectBatchTestAgrees(20000, true);
  ExpectBatchTestAgrees(20000, false);
  ExpectBatchTestAgrees(300000, true);
  ExpectBatchTestAgrees(300000, false);
}

// A text with no word, or one word, scanned against a list big enough that
// its pair filter is out of cache: the batch test has no pair to test
// (this crashed a scan of a blank article with a million names).
TEST(GatedWordReaderTest, TextsWithoutPairsPassABigGate) {
  WordGate gate;
  std::mt19937_64 rng(5);
  for (size_t i = 0; i < 300000; ++i) gate.exact.Add(PairFilter::Key(rng() | 1, rng() | 1), i % 2 == 0);
  gate.AddSingle(Vocabulary::Hash("putin"));
  gate.Freeze();
  ASSERT_FALSE(gate.exact.fits_cache());
  for (bool avx2 : {true, false}) {
    gate.avx2 = avx2 && gate.avx2;
    SpellingCache spellings;
    GatedWordReader reader(gate, &spellings);
    for (std::string_view text : {"", "   ", "\n\n", " -- ", "Putin", "— «»"}) {
      std::vector<std::string_view> kept;
      size_t read = reader.Read(text, [&](const WordSpan& w, bool, uint64_t, uint64_t, bool) {
        kept.push_back(text.substr(w.start, w.end - w.start));
      });
      EXPECT_EQ(read, ExpectedWords(text).size()) << text;
      EXPECT_EQ(kept, (text == "Putin" ? std::vector<std::string_view>{"Putin"}
                                       : std::vector<std::string_view>{}))
          << text;
    }
  }
}

TEST(GatedWordReaderTest, SaysWhichKeptWordsArePairedWithTheWordBefore) {
  // Listed: "kim jong un" (two pairs, one chain) and "jong il".
  WordGate gate;
  auto h = [](std::string_view w) { return Vocabulary::Hash(w); };
  for (auto [a, b] : {std::pair{"kim", "jong"}, {"jong", "un"}, {"jong", "il"}}) {
    gate.AddListed(h(a));
    gate.AddListed(h(b));
    gate.exact.Add(PairFilter::Key(h(a), h(b)), std::string_view(b) == "il");
  }
  gate.Freeze();
  SpellingCache spellings;
  GatedWordReader reader(gate, &spellings);
  std::string filler;
  for (int i = 0; i < 150; ++i) filler += "the ";  // across a chunk's end too
  std::string text = filler + "Kim Jong Un met Jong Il and " + filler + "jong un kim jong";
  std::vector<std::pair<std::string, bool>> kept;
  reader.Read(text, [&](const WordSpan& w, bool, uint64_t, uint64_t, bool paired) {
    kept.emplace_back(text.substr(w.start, w.end - w.start), paired);
  });
  std::vector<std::pair<std::string, bool>> expected = {
      {"Kim", false}, {"Jong", true}, {"Un", true}, {"Jong", false}, {"Il", true}};
  EXPECT_EQ(kept, expected);  // "jong un" and "kim jong" alone are no name
}

TEST(GatedWordReaderTest, MatcherFindsNamesAtEveryPosition) {
  Watchlist list{"list",
                 {Entity{"putin", "PUTIN, Vladimir Vladimirovich", EntityType::kPerson, {}},
                  Entity{"peskov", "PESKOV, Dmitry Sergeyevich", EntityType::kPerson, {}},
                  Entity{"bank", "Bank of the Free World", EntityType::kOrganization, {}},
                  Entity{"neft", "Gazprom Neft", EntityType::kOrganization, {}},
                  Entity{"rosneft", "ROSNEFT TRADING LIMITED", EntityType::kOrganization, {}},
                  Entity{"hezbollah", "Hezbollah", EntityType::kOrganization, {}},
                  Entity{"cyr", "Владимир Путин", EntityType::kPerson, {}}}};
  auto built = Matcher::Build({list}, {});
  ASSERT_TRUE(built.ok()) << built.status().message();
  const Matcher& matcher = **built;
  const std::vector<std::pair<std::string, std::string>> names = {
      {"Vladimir Putin", "putin"},          {"Vladimir Vladimirovich Putin's", "putin"},
      {"Dmitri Peskov", "peskov"},          {"Bank of the Free World", "bank"},
      {"Gazprom Neft", "neft"},             {"Rosneft Trading Ltd", "rosneft"},
      {"Hezbollah", "hezbollah"},           {"Владимир Путин", "cyr"}};
  // Filler with listed words that lead nowhere ("of the", "Vladimir said").
  const std::string filler =
      "the minister of the interior said on Tuesday that Vladimir and the bank "
      "would look at trading in the free world of oil ";
  std::vector<WordSpan> filler_words;
  FindWords(filler, &filler_words);
  for (const auto& [name, id] : names) {
    for (size_t words = 0; words < 230; ++words) {
      std::string text;
      for (size_t k = 0; k < words; ++k) {
        const WordSpan& w = filler_words[k % filler_words.size()];
        text += filler.substr(w.start, w.end - w.start) + (k % 7 == 6 ? ", " : " ");
      }
      size_t start = text.size();
      text += name + " met reporters.";
      bool found = false;
      for (const Match& m : matcher.Scan(text, {.include_candidates = true})) {
        if (m.entity_id == id && m.start == start) found = true;
      }
      ASSERT_TRUE(found) << "\"" << name << "\" after " << words << " words: " << text;
    }
  }
}

}  // namespace
}  // namespace vigil
