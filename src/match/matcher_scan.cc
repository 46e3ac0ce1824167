#include "matcher_scan.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

#include "common_words.h"
#include "evidence.h"
#include "fuzzy.h"
#include "gated_words.h"
#include "match_candidate.h"
#include "match_rules.h"
#include "token_trie.h"
#include "name_variants.h"
#include "normalize.h"
#include "snippet.h"
#include "vocabulary.h"
#include "word_gate.h"
#include "word_scanner.h"

namespace vigil::match_internal {
namespace {

// The walk's state between words.
struct WalkState {
  uint32_t first;
  double weighted = 0;  // sum of listed word length x similarity
  double weight = 0;    // sum of listed word lengths
  uint8_t fuzzy_count = 0;
  uint8_t exact_count = 0;
  bool all_capitalized = true;
  double min_fuzzy = 1.0;  // the least similar spelling variant so far
  std::array<FuzzyStep, kMaxFuzzyWords> fuzzy{};
  bool transliterated = false;
};

// A word the word gate kept, as GatedWordReader hands it over.
struct KeptWord {
  WordSpan span;
  uint64_t hash;
  uint64_t spelling;
  bool gap;
  bool paired;
};

// Scan()'s working memory, one set per thread.
struct ScanBuffers {
  SpellingCache spellings;
  std::vector<KeptWord> kept;
  std::vector<TextWord> words;
  std::string arena;
  std::vector<Candidate> candidates;
  std::vector<uint32_t> next_group;
};

// Appends a candidate for each payload of the run from `payload` on.
template <typename Make>
void AddCandidates(const MatcherIndex& index, uint32_t payload, Make&& make,
                   std::vector<Candidate>* out) {
  for (uint32_t p = payload;; ++p) {
    const Payload& pl = index.payloads[p];
    make(pl, out);
    if (pl.flags & kLastOfNode) return;
  }
}

// Cuts `text` into the words a name can use (see TextWord), into `words`;
// their normalised spellings go to `arena`. `spellings` and `kept` are
// scratch, reused from text to text.
void ScanWords(const MatcherIndex& index, std::string_view text, SpellingCache* spellings,
               std::vector<KeptWord>* kept, std::vector<TextWord>* words, std::string* arena) {
  std::string scratch;
  std::string expanded;
  std::string h_reading;
  bool run_start = true;
  const bool fuzzy = !index.group_members.empty();
  const size_t max_bytes = index.vocabulary.max_word_bytes();
  char buffer[72] = {};  // 64 word bytes and 8 readable ones for FindPadded()
  // Looks a word up: in the vocabulary, and for spelling variants.
  auto on_word = [&](const WordSpan& span, uint64_t hash, uint64_t spelling, bool paired) {
    size_t length = span.end - span.start;
    uint32_t id = Vocabulary::kUnknown;
    bool transliterated = false;
    std::string_view normalized;
    bool padded = false;
    if (span.ascii && length <= 64) {
      // Lower-casing keeps an ASCII word's length, so an over-long one cannot
      // be listed, nor be a spelling of a listed word.
      if (length > max_bytes + 2) {
        run_start = true;
        return;
      }
      for (size_t i = 0; i < length; ++i) {
        buffer[i] = word_internal::kAsciiLower[static_cast<uint8_t>(text[span.start + i])];
      }
      normalized = std::string_view(buffer, length);
      padded = true;
    } else {
      NormalizeWord(text.substr(span.start, length), &scratch, &transliterated);
      // A word of marks alone (a lone combining voicing mark, say) normalises
      // to nothing; list names drop such words, so the text skips them too.
      if (scratch.empty()) return;
      normalized = scratch;
    }
    // Lithuanian and Czech write Russian ш ж ч as š ž č, Polish ж as ż,
    // which folding makes s z c: looked up as folded, but keyed and weighed
    // as a spelling with the English digraphs ("Lukašenkos" reads
    // "lukashenkos": LUKASHENKA; "Prigożyn" "prigozhyn").
    std::string_view spelled_as = normalized;
    if (!span.ascii && HasHushingLetter(text.substr(span.start, length))) {
      NormalizeWord(ExpandHushingLetters(text.substr(span.start, length)), &expanded);
      if (!expanded.empty()) spelled_as = expanded;
    }
    id = padded ? index.vocabulary.FindPadded(buffer, length, hash)
                : index.vocabulary.Find(normalized);
    // Russian writes the Arabic and English "h" with х, which reads "kh"
    // ("ХАМАС", "Хезболла", "Хания"): a word from Cyrillic that is nothing
    // as read is also tried with "h" (Russian names keep their "kh":
    // KHODORKOVSKY is found as read).
    if (id == Vocabulary::kUnknown && transliterated && normalized.find("kh") != std::string_view::npos) {
      h_reading.clear();
      for (size_t i = 0; i < normalized.size(); ++i) {
        if (normalized[i] == 'k' && i + 1 < normalized.size() && normalized[i + 1] == 'h') continue;
        h_reading += normalized[i];
      }
      uint32_t found = index.vocabulary.Find(h_reading);
      if (found != Vocabulary::kUnknown) {
        id = found;
        normalized = spelled_as = h_reading;
      } else if (fuzzy && h_reading.size() <= 64 && spelled_as.size() <= 64) {
        // A spelling of a listed word only with "h", not as read.
        char key[2 * 64];
        auto finds = [&](std::string_view word) {
          return index.skeletons.Find(std::string_view(key, SkeletonInto(word, key))) != Vocabulary::kUnknown;
        };
        if (!finds(spelled_as) && finds(h_reading)) normalized = spelled_as = h_reading;
      }
    }
    uint32_t group = kNoGroup;
    // Spelling variants are tried for names, which news capitalises, and for
    // words from other scripts; lower-case words match exactly only.
    uint8_t lead = static_cast<uint8_t>(text[span.start]);
    if (fuzzy && (lead >= 0x80 || (lead >= 'A' && lead <= 'Z')) &&
        normalized.size() >= kMinFuzzyWordBytes) {
      if (id != Vocabulary::kUnknown) {
        group = id < index.word_group.size() ? index.word_group[id] : kNoGroup;
      } else if (spelling != 0) {
        // A capitalised ASCII word, whose spelling key the reader has: the
        // salted hash of its skeleton, unless that is too short to be one.
        if (spelling != hash) {
          uint32_t found = index.skeletons.FindByHash(SkeletonHashOf(spelling));
          if (found != Vocabulary::kUnknown) group = found;
        }
      } else {
        // No allocation: most such words are capitalised ordinary words or
        // unlisted names, and the key's Bloom filter turns them away.
        char key[2 * 64];
        std::string long_key;
        std::string_view key_view;
        if (spelled_as.size() <= 64) {
          key_view = std::string_view(key, SkeletonInto(spelled_as, key));
        } else {
          long_key = Skeleton(spelled_as);
          key_view = long_key;
        }
        if (match_internal::SpecificKey(key_view.size(), spelled_as.size())) {
          uint32_t found = index.skeletons.Find(key_view);
          if (found != Vocabulary::kUnknown) group = found;
        }
      }
    }
    // "Unas", "Unu": a listed syllable of a name with a case ending, which
    // Walk() reads after the name's other words (kShortWordCaseEndings).
    bool declined_syllable = false;
    if (id == Vocabulary::kUnknown && group == kNoGroup && lead >= 'A' && lead <= 'Z' &&
        normalized.size() <= 6) {
      for (std::string_view ending : kShortWordCaseEndings) {
        if (!normalized.ends_with(ending) || normalized.size() < ending.size() + 2) continue;
        size_t stem = normalized.size() - ending.size();
        if (stem <= 3 && index.vocabulary.Find(normalized.substr(0, stem)) != Vocabulary::kUnknown) {
          declined_syllable = true;
          break;
        }
      }
    }
    if (id == Vocabulary::kUnknown && group == kNoGroup && !declined_syllable) {
      run_start = true;
      return;
    }
    TextWord word{static_cast<uint32_t>(span.start),
                  static_cast<uint32_t>(span.end),
                  id,
                  group,
                  0,
                  static_cast<uint32_t>(normalized.size()),
                  span.possessive,
                  run_start,
                  transliterated,
                  lead >= 0x80 || (lead >= 'A' && lead <= 'Z'),
                  paired,
                  lead >= 0x80 && StartsLowerCase(text.substr(span.start, length))};
    word.declined_syllable = declined_syllable;
    if (group != kNoGroup || declined_syllable) {
      word.norm_offset = static_cast<uint32_t>(arena->size());
      word.norm_length = static_cast<uint32_t>(spelled_as.size());
      arena->append(spelled_as);
    }
    words->push_back(word);
    run_start = false;
  };
  // The text's kept words first, each one's vocabulary slot asked for as
  // it comes; then their lookups, which by then find the slots in cache.
  GatedWordReader reader(index.gate, spellings);
  kept->clear();
  reader.Read(text,
              [&](const WordSpan& span, bool gap, uint64_t hash, uint64_t spelling, bool paired) {
                if (hash != 0) index.vocabulary.Prefetch(hash);
                kept->push_back(KeptWord{span, hash, spelling, gap, paired});
              });
  for (const KeptWord& k : *kept) {
    if (k.gap) run_start = true;
    on_word(k.span, k.hash, k.spelling, k.paired);
  }
}

// The text word is in no dictionary Vigil has: not an ordinary English word,
// given name or place.
bool UnknownToDictionary(std::string_view arena, const TextWord& word) {
  return ClassifyWord(arena.substr(word.norm_offset, word.norm_length)) == WordClass::kName;
}

// Walks on from trie node `node`, reached with words [state.first, pos),
// whose payloads start at `payload` (kNone: none).
void Walk(const MatcherIndex& index, const std::vector<TextWord>& words, std::string_view arena,
          uint32_t pos, uint32_t node, uint32_t payload, const WalkState& state,
          std::vector<Candidate>* out) {
  // A spelling variant needs a name-like context: an exact word besides,
  // and every word capitalised ("said John" is no "JHAN, Said").
  // One capitalised word alone may be a spelling of a one-word organisation
  // name ("Hezbollah" for HIZBALLAH); the rules then ask the document.
  bool single_fuzzy = state.fuzzy_count == 1 && pos - state.first == 1 && state.all_capitalized;
  // Every word a spelling variant is a hit only if each is a close reading
  // ("Władimira Putina", "Vladimiras Putinas": case forms of the listed
  // words), never two loose ones ("Evgeny Prigojin").
  bool fuzzy_ok = state.fuzzy_count == 0 || single_fuzzy ||
                  (pos - state.first >= 2 && state.all_capitalized &&
                   (state.exact_count >= 1 || state.min_fuzzy >= kCloseReading));
  if (pos > state.first && payload != TokenTrie::kNone && fuzzy_ok) {
    AddCandidates(
        index, payload,
        [&](const Payload& p, std::vector<Candidate>* candidates) {
          if (state.fuzzy_count > 0 && index.targets[p.target].kind != MatchKind::kEntity) return;
          // Only an organisation's own written name, not a company's core
          // without its legal form ("America" is no AMERKO LLC), and only
          // for a text word no dictionary knows ("Palmer", "Friday" are
          // words and names, not spellings of POLIMER or FIRDAWS).
          // A company's core declined ("Сбербанка" of PJSC SBERBANK) is that
          // core, which the rules then weigh as a bare name.
          if (single_fuzzy) {
            std::string_view written = arena.substr(words[state.first].norm_offset,
                                                    words[state.first].norm_length);
            std::string_view listed = index.vocabulary.Word(state.fuzzy[0].listed);
            if (index.targets[p.target].type == EntityType::kPerson ||
                (p.rule == VariantRule::kLegalForm && !IsInflectionOf(written, listed)) ||
                !MaySpellAlone(listed) || !SameOnset(written, listed) ||
                !UnknownToDictionary(arena, words[state.first])) {
              return;
            }
          }
          Candidate c{p.target, state.first, pos, &p,
                      state.weight > 0 ? state.weighted / state.weight : 1.0,
                      state.fuzzy_count, state.fuzzy, state.transliterated,
                      state.all_capitalized};
          c.min_fuzzy = state.min_fuzzy;
          candidates->push_back(c);
        },
        out);
  }
  if (pos == words.size() || (pos > state.first && words[pos].run_start)) return;
  const TextWord& word = words[pos];
  // Past the first word, an unpaired word ends every walk that a hit can
  // come of (one after a spelling variant needs all capitals).
  if (word.id != Vocabulary::kUnknown && (pos == state.first || word.paired)) {
    TokenTrie::Step step = index.trie.StepTo(node, word.id);
    if (step.child != TokenTrie::kNone) {
      WalkState next = state;
      auto length = static_cast<double>(word.norm_length);  // the listed word's
      next.weighted += length;
      next.weight += length;
      // "Sons Co" is no "SONIS CO": the exact word must be part of the name.
      if (!index.legal_word[word.id]) ++next.exact_count;
      next.transliterated |= word.transliterated;
      next.all_capitalized &= word.capitalized;
      Walk(index, words, arena, pos + 1, step.child, step.value, next, out);
    }
  }
  // "Kim Jong Unas", "Kim Jong Unu": a listed word too short for spelling
  // variants (UN), declined by Lithuanian or Polish grammar, after two or
  // more words of the name as listed (the word gate lets such pairs pass).
  if (pos > state.first && state.fuzzy_count == 0 && state.exact_count >= 2 && word.capitalized &&
      !word.lower_case && word.id == Vocabulary::kUnknown && word.norm_length <= 6) {
    std::string_view written = arena.substr(word.norm_offset, word.norm_length);
    for (std::string_view ending : kShortWordCaseEndings) {
      if (!written.ends_with(ending) || written.size() < ending.size() + 2 ||
          written.size() - ending.size() > 3) {
        continue;
      }
      uint32_t listed = index.vocabulary.Find(written.substr(0, written.size() - ending.size()));
      if (listed == Vocabulary::kUnknown) continue;
      auto [child, child_payload] = index.trie.StepTo(node, listed);
      if (child == TokenTrie::kNone || child_payload == TokenTrie::kNone) continue;
      constexpr double kDeclined = 0.98;  // as SpellingSimilarity() scores a case form
      WalkState next = state;
      auto length = static_cast<double>(written.size() - ending.size());
      next.weighted += length * kDeclined;
      next.weight += length;
      next.fuzzy[next.fuzzy_count++] = FuzzyStep{pos, listed};
      next.transliterated |= word.transliterated;
      next.min_fuzzy = std::min(next.min_fuzzy, kDeclined);
      Walk(index, words, arena, pos + 1, child, child_payload, next, out);
    }
  }
  // "контроль" is a word, not a misspelt KONTROLES: a spelling variant in
  // a script with capitals starts with one, unless it follows a listed word
  // as written (list style: "ПУТІН володимир").
  if (word.group == kNoGroup || state.fuzzy_count >= kMaxFuzzyWords || !state.all_capitalized ||
      (word.lower_case && state.exact_count == 0)) {
    return;
  }
  std::string_view written = arena.substr(word.norm_offset, word.norm_length);
  // An ordinary English word ("Stock", "National") is itself, not a
  // misspelt name ("STACK EXCHANGE", "NATIONALE BANK"). Asked only once a
  // listed spelling could lead somewhere: the word list is a big hash table.
  int ordinary = -1;
  const TextWord* next_word =
      pos + 1 < words.size() && !words[pos + 1].run_start ? &words[pos + 1] : nullptr;
  for (uint32_t m = index.group_begin[word.group]; m < index.group_begin[word.group + 1]; ++m) {
    uint32_t listed = index.group_members[m];
    if (listed == word.id) continue;
    auto [child, child_payload] = index.trie.StepTo(node, listed);
    if (child == TokenTrie::kNone) continue;
    // Similarity is costly; first make sure the step can lead to a hit: a
    // name ends here (after an exact word), or the next word continues it.
    // A name can end here after an exact word, or as one close reading of
    // each word so far (the single-word case is weighed below).
    // (A first word alone can end only as a one-word organisation name,
    // which is six letters or more.)
    bool can_end =
        child_payload != TokenTrie::kNone &&
        (state.exact_count > 0 ||
         (pos == state.first && index.vocabulary.Word(listed).size() >= kMinSpellingSingleBytes) ||
         (state.fuzzy_count > 0 && state.min_fuzzy >= kCloseReading));
    bool can_go_on =
        next_word != nullptr && (next_word->group != kNoGroup ||
                                 (next_word->id != Vocabulary::kUnknown &&
                                  index.trie.Child(child, next_word->id) != TokenTrie::kNone));
    if (!can_end && !can_go_on) continue;
    if (ordinary < 0) {
      // A listed word with a group is written as listed (legal forms, the
      // only synonyms, have no group).
      ordinary = word.id != Vocabulary::kUnknown
                     ? static_cast<int>(index.ordinary_word[word.id])
                     : (ClassifyWord(written) == WordClass::kOrdinary ? 1 : 0);
    }
    if (ordinary == 1) return;
    std::string_view listed_word = index.vocabulary.Word(listed);
    double similarity = SpellingSimilarity(written, listed_word);
    if (similarity < kMinTokenSimilarity) {
      // A one-word organisation name in another transliteration differs
      // most in its vowels ("Hezbollah", HIZBALLAH: same consonants, same
      // first letter and length): such a word alone is a candidate that
      // the rules send to the document for corroboration (see Walk's
      // single-word case), scored as a plain spelling variant.
      // Cheap tests first: the dictionary and the skeletons cost most.
      bool vowels_only = pos == state.first && child_payload != TokenTrie::kNone &&
                         similarity >= 0.8 && MaySpellAlone(listed_word) && word.capitalized &&
                         written.size() + 1 >= listed_word.size() &&
                         listed_word.size() + 1 >= written.size();
      if (!vowels_only || ordinary == 1 || ClassifyWord(written) != WordClass::kName ||
          !SameOnset(written, listed_word)) {
        continue;
      }
      std::array<FuzzyStep, kMaxFuzzyWords> steps{};
      steps[0] = FuzzyStep{pos, listed};
      AddCandidates(
          index, child_payload,
          [&](const Payload& p, std::vector<Candidate>* candidates) {
            const Target& target = index.targets[p.target];
            if (target.kind != MatchKind::kEntity || target.type == EntityType::kPerson ||
                target.type == EntityType::kVessel || target.type == EntityType::kAircraft ||
                p.rule == VariantRule::kLegalForm) {
              return;
            }
            candidates->push_back(Candidate{p.target, pos, pos + 1, &p, 0.9, 1, steps,
                                            word.transliterated, true});
          },
          out);
      continue;
    }
    WalkState next = state;
    auto length = static_cast<double>(listed_word.size());
    next.weighted += length * similarity;
    next.weight += length;
    next.fuzzy[next.fuzzy_count++] = FuzzyStep{pos, listed};
    next.transliterated |= word.transliterated;
    next.all_capitalized &= word.capitalized;
    next.min_fuzzy = std::min(next.min_fuzzy, similarity);
    Walk(index, words, arena, pos + 1, child, child_payload, next, out);
  }
}

// A person's hit beside a stated age or birth year ("Vladimir Putin, 71,",
// "Ali Hassan (born 1990)"), weighed against the years the list gives:
// years that agree back a name that needs backing; years that cannot be
// the listed person's (two or more years apart) make the hit a candidate,
// whatever else backs it. Before Corroborate(): an age settles a common
// name either way.
void WeighStatedAges(const MatcherIndex& index, std::string_view text, const std::vector<TextWord>& words,
                     int document_year, std::vector<Candidate>* candidates) {
  for (Candidate& c : *candidates) {
    const Target& target = index.targets[c.target];
    if (target.born_from == 0 || target.type != EntityType::kPerson || (!c.alert && !c.needs_corroboration)) {
      continue;
    }
    BirthRange stated = StatedBirthYears(text, words[c.first].start, words[c.last - 1].end, document_year);
    if (stated.from == 0) continue;
    c.stated_born_from = static_cast<uint16_t>(stated.from);
    c.stated_born_to = static_cast<uint16_t>(stated.to);
    // A year of slack either side: a list's year may be the registry's,
    // the text's age a journalist's.
    bool agrees = stated.to >= target.born_from - 1 && stated.from <= target.born_to + 1;
    if (agrees) {
      if (c.needs_corroboration) {
        c.needs_corroboration = false;
        c.corroboration = "age";
        c.corroborating_word = "";
        c.alert = c.score >= index.groups[target.group].min_score;
      }
    } else {
      c.alert = false;
      c.needs_corroboration = false;
      c.corroboration = nullptr;
      c.weak_reason = "age-mismatch";
    }
  }
}

// Hits whose name alone is too common or plain (Evaluate() set
// needs_corroboration) alert if the document backs them: another listed
// party found in it by a distinctive name, or words of sanctions, terrorism
// or organised crime.
void Corroborate(const MatcherIndex& index, std::string_view text,
                 const std::vector<TextWord>& words, std::vector<Candidate>* candidates) {
  bool looked = false;
  const char* sanctions_word = nullptr;
  // The country words found, by the countries asked for: a text is read
  // once per set of countries, not once per bare company name in it.
  std::array<const char*, 256> country_word{};
  std::array<bool, 256> country_looked{};
  for (Candidate& c : *candidates) {
    if (!c.needs_corroboration || c.score < index.groups[index.targets[c.target].group].min_score) {
      continue;
    }
    // Within a few sentences: "Gazprom chief executive Alexei Miller",
    // not a footballer named in a story that later mentions a listed owner.
    constexpr uint32_t kCoMentionReach = 250;
    // A proper noun ("Dover", "Hezbollah") is confirmed by a neighbour only
    // if they share a sanctions programme ("Hezbollah leader Hassan
    // Nasrallah"); else only a document about sanctions, terrorism or
    // conflict makes the listed body the likelier reading.
    std::string_view reason(c.weak_reason);
    if (reason == "acronym") {
      // "the Islamic Revolutionary Guard Corps (IRGC) ... the IRGC": the
      // document defines the acronym right after a name of the same entity.
      std::string defined =
          " (" + std::string(text.substr(words[c.first].start, words[c.last - 1].end - words[c.first].start)) + ")";
      bool named = std::any_of(candidates->begin(), candidates->end(), [&](const Candidate& k) {
        return k.target == c.target && k.last - k.first >= 2 &&
               text.substr(words[k.last - 1].end, defined.size()) == defined;
      });
      // Or right after a name in another language that the list does not
      // give ("Corpo delle Guardie della Rivoluzione islamica (IRGC)"):
      // for a listed acronym of four letters or more, which few other
      // bodies share.
      std::string_view acronym = defined;
      acronym = acronym.substr(2, acronym.size() - 3);
      named = named || (acronym.size() >= 4 && DefinesAcronymForAName(text, acronym));
      if (named) {
        c.corroboration = "acronym-defined";
        c.corroborating_word = "";
        c.alert = true;
        continue;
      }
    }
    // "Senior General Min Aung Hlaing opened ...": a title before, and the
    // name complete after ("Trade Minister Mohammed Mustafa al-Jibouri" is
    // someone else, as is "Oil Minister Abdel Hadi Kandeel").
    if (reason == "common-name" && PrecededByTitle(text, words[c.first].start) &&
        !NameGoesOn(text, words[c.last - 1].end)) {
      c.corroboration = "title";
      c.corroborating_word = "";
      c.alert = true;
      continue;
    }
    bool proper_noun = reason == "acronym" || std::string_view(c.weak_reason) == "proper-noun" ||
                       std::string_view(c.weak_reason) == "spelling-variant" ||
                       std::string_view(c.weak_reason) == "common-vessel-name";
    auto other = std::find_if(candidates->begin(), candidates->end(), [&](const Candidate& k) {
      if (proper_noun && (index.targets[k.target].programs & index.targets[c.target].programs) == 0) {
        return false;
      }
      if (!k.alert || k.needs_corroboration || k.target == c.target ||
          index.targets[k.target].kind != MatchKind::kEntity || !(k.last <= c.first || c.last <= k.first)) {
        return false;
      }
      uint32_t gap = k.last <= c.first ? words[c.first].start - words[k.last - 1].end
                                       : words[k.first].start - words[c.last - 1].end;
      return gap <= kCoMentionReach;
    });
    if (other != candidates->end()) {
      c.corroboration = "co-mention";
      c.corroborating_target = other->target;
    } else {
      // A state body's name ("Ministry of Defence") is backed by its
      // country alone: no sanctions word is looked for.
      if (!looked && !c.only_country_corroborates) {
        sanctions_word = FindSanctionsWord(text);
        looked = true;
      }
      // The document's first sanctions word may be the hit itself: then
      // only another one counts ("Islamic Jihad" is no support for its own
      // "jihad"), unless the hit is the body's own one-word name and the
      // sanctions words name it: "Taliban", "Hezbollah", "Hamas" are the
      // armed groups whatever else the text says.
      const char* word = c.only_country_corroborates ? nullptr : sanctions_word;
      const char* reason = "sanctions-word";
      const uint32_t start = words[c.first].start;
      const uint32_t end = words[c.last - 1].end;
      if (word != nullptr) {
        std::string lower(text.substr(start, end - start));
        for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
        if (lower.find(word) != std::string::npos) {
          if (c.last - c.first == 1 && c.payload->own_name) {
            reason = "group-name";
          } else {
            word = FindSanctionsWord(text, start, end);
          }
        }
      }
      if (word != nullptr) {
        c.corroboration = reason;
        c.corroborating_word = word;
      } else if (c.country_corroborates) {
        uint8_t countries = index.targets[c.target].countries;
        if (!country_looked[countries]) {
          country_word[countries] = FindCountryWord(text, countries);
          country_looked[countries] = true;
        }
        if (const char* country = country_word[countries]) {
          c.corroboration = "country-word";
          c.corroborating_word = country;
        }
      }
    }
    if (c.corroboration != nullptr) c.alert = true;
  }
}

// Two entities of one list alerting on the same words. The one the text
// supports wins: the one also found elsewhere in it by another of its
// names ("Hafiz Saeed ... Hafiz Muhammad Saeed", if only one entry lists
// the longer name), else the parent over a subsidiary whose names say it
// is one ("Sberbank" is SBERBANK OF RUSSIA, not its Ukrainian subsidiary
// JSC SBERBANK), else the person whose whole name the words are over one
// with a name part dropped, else the body whose own primary name the words are
// ("Ansar al-Islam" is ANSAR AL-ISLAM, only an alias of ANSARUL ISLAM).
// The other becomes a candidate saying `ambiguous(list/id)` of the
// winner. When the text supports neither, both alert, each marked
// ambiguous with the other, rather than one silently standing for the
// other.
void ResolveSharedNames(const MatcherIndex& index, std::vector<Candidate>* kept) {
  auto named_elsewhere = [&](const Candidate& c) {
    return std::any_of(kept->begin(), kept->end(), [&](const Candidate& k) {
      return k.target == c.target && (k.last <= c.first || c.last <= k.first) &&
             (k.alert || k.needs_corroboration);
    });
  };
  // A body's primary name as written, not a form derived from it (a
  // company's core without its legal form is shared by parent and
  // subsidiaries). Not for people: whether a list writes a person's name
  // first or as an alias says nothing about who the text means.
  // Or an alias that is the primary name spaced otherwise: "ANSAR ALLAH"
  // names ANSARALLAH, whose alias it is, before HIZBALLAH, another alias of
  // which it is too.
  auto letters = [](std::string_view name) {
    std::string out;
    for (char ch : name) {
      if (ch != ' ' && ch != '-' && ch != '\'') out += word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
    }
    return out;
  };
  // A person's whole listed name, in any order, before another's with a
  // part dropped: "Soe Win" is SOE WIN, not SOE, Win Min less his "Min"
  // (a Burmese name has no surname to keep).
  auto whole = [&](const Candidate& c) {
    VariantRule rule = c.payload->rule;
    return index.targets[c.target].type == EntityType::kPerson &&
           (rule == VariantRule::kExact || rule == VariantRule::kReordered || rule == VariantRule::kJoined);
  };
  auto primary = [&](const Candidate& c) {
    const Target& target = index.targets[c.target];
    if (target.type == EntityType::kPerson) return false;
    if (c.payload->name == target.primary_name) return c.payload->rule == VariantRule::kExact;
    return c.payload->rule == VariantRule::kExact &&
           letters(index.Name(c.payload->name)) == letters(index.Name(target.primary_name));
  };
  struct Verdict {
    size_t loser;
    uint32_t winner;
  };
  std::vector<Verdict> losers;
  std::vector<std::pair<size_t, uint32_t>> ties;
  for (size_t i = 0; i < kept->size(); ++i) {
    const Candidate& c = (*kept)[i];
    if (!c.alert || index.targets[c.target].kind != MatchKind::kEntity) continue;
    for (const Candidate& k : *kept) {
      if (!k.alert || k.target == c.target || k.first != c.first || k.last != c.last ||
          index.targets[k.target].group != index.targets[c.target].group) {
        continue;
      }
      bool c_elsewhere = named_elsewhere(c);
      bool k_elsewhere = named_elsewhere(k);
      const bool c_subsidiary = index.targets[c.target].subsidiary;
      const bool k_subsidiary = index.targets[k.target].subsidiary;
      if (c_elsewhere != k_elsewhere) {
        if (k_elsewhere) losers.push_back({i, k.target});
      } else if (c_subsidiary != k_subsidiary) {
        if (c_subsidiary) losers.push_back({i, k.target});
      } else if (whole(c) != whole(k)) {
        if (whole(k)) losers.push_back({i, k.target});
      } else if (primary(c) != primary(k)) {
        if (primary(k)) losers.push_back({i, k.target});
      } else {
        ties.emplace_back(i, k.target);
        continue;
      }
      break;
    }
  }
  for (auto [i, other] : ties) {
    (*kept)[i].ambiguous = true;
    (*kept)[i].ambiguous_with = other;
  }
  for (const Verdict& v : losers) {
    Candidate& c = (*kept)[v.loser];
    c.alert = false;
    c.needs_corroboration = false;
    c.awaits_vessel_word = false;
    c.ambiguous = true;
    c.ambiguous_with = v.winner;
    c.weak_reason = "shared-name";
    c.corroboration = nullptr;
  }
}

// "1952", or "1951-1952" for an age.
std::string StatedYears(const Candidate& c) {
  std::string years = std::to_string(c.stated_born_from);
  if (c.stated_born_to != c.stated_born_from) years += "-" + std::to_string(c.stated_born_to);
  return years;
}

// The match's rule reads "reordered+possessive", "fuzzy(Dmitri→dmitry)",
// "single-name", ...: the variant rule, then what else the text needed.
// "exact" is left out when anything else is said.
Match MakeMatch(const MatcherIndex& index, std::string_view text,
                const std::vector<TextWord>& words, const Candidate& c) {
  const Target& target = index.targets[c.target];
  const Payload& payload = *c.payload;
  Match match;
  match.kind = target.kind;
  if (target.kind == MatchKind::kEntity) {
    match.list_id = index.groups[target.group].id;
    match.entity_id = index.ids.substr(target.id_offset, target.id_length);
    match.entity_name = std::string(index.Name(target.primary_name));
  } else {
    match.keyword_id = index.groups[target.group].id;
  }
  match.start = words[c.first].start;
  match.end = words[c.last - 1].end;
  match.matched = std::string(text.substr(match.start, match.end - match.start));
  match.snippet = MakeSnippet(text, match.start, match.end);
  match.score = c.score;
  match.alert = c.alert;
  match.awaits_corroboration = (!c.alert && c.needs_corroboration && c.corroboration == nullptr &&
                                c.score >= index.groups[target.group].min_score) ||
                               c.awaits_vessel_word;
  match.matched_name = std::string(index.Name(payload.name));
  // Built in place: a big list's scan makes thousands of matches a second.
  std::string& rule = match.rule;
  auto add = [&rule](std::string_view part) {
    if (!rule.empty()) rule += '+';
    rule += part;
  };
  std::string_view variant = VariantRuleName(payload.rule);
  if (variant != "exact") add(variant);
  if (c.transliterated != ((payload.flags & kNameTransliterated) != 0)) add("transliterated");
  for (size_t i = 0; i < c.fuzzy_count; ++i) {
    const TextWord& w = words[c.fuzzy[i].pos];
    add("fuzzy(");
    rule += text.substr(w.start, w.end - w.start);
    rule += "→";
    rule += index.vocabulary.Word(c.fuzzy[i].listed);
    rule += ')';
  }
  if (words[c.last - 1].possessive) add("possessive");
  if (c.corroboration != nullptr) {
    // "corroborated(sanctions-word:embargo)", "corroborated(co-mention:ofac/1234)".
    add("corroborated(");
    rule += c.corroboration;
    if (c.stated_born_from != 0) {
      // "corroborated(age:born 1951-1952)"
      rule += ":born ";
      rule += StatedYears(c);
    } else if (c.corroborating_word != nullptr) {
      if (*c.corroborating_word != '\0') rule += ':';
      rule += c.corroborating_word;
    } else {
      rule += ':';
      const Target& other = index.targets[c.corroborating_target];
      rule += index.groups[other.group].id;
      rule += '/';
      rule += index.ids.substr(other.id_offset, other.id_length);
    }
    rule += ')';
  } else if (!c.alert && c.weak_reason != nullptr && std::string_view(c.weak_reason) != "single-name" &&
             std::string_view(c.weak_reason) != "common-word") {
    add(c.weak_reason);
    if (c.stated_born_from != 0) {
      // "age-mismatch(stated 1995-1996, listed 1952)"
      rule += "(stated ";
      rule += StatedYears(c);
      rule += ", listed ";
      rule += std::to_string(target.born_from);
      if (target.born_to != target.born_from) rule += "-" + std::to_string(target.born_to);
      rule += ')';
    }
  }
  if (c.alert && c.corroboration == nullptr && c.stated_born_from != 0) {
    // An age that agrees, on a hit that needed no backing: "age(born 1951-1952)".
    add("age(born ");
    rule += StatedYears(c);
    rule += ')';
  }
  if (c.ambiguous) {
    const Target& other = index.targets[c.ambiguous_with];
    add("ambiguous(");
    rule += index.groups[other.group].id;
    rule += '/';
    rule += index.ids.substr(other.id_offset, other.id_length);
    rule += ')';
  }
  if (target.kind == MatchKind::kEntity && (payload.flags & kSingleWord)) {
    if (target.type == EntityType::kPerson) {
      add("single-name");
    } else if (c.context) {
      add("context");
    } else if (c.distinctive && c.alert) {
      add("distinctive");
    } else if (!c.alert && c.score <= kWeakScore) {
      add("common-word");
    }
  } else if (target.kind == MatchKind::kEntity && c.distinctive && c.alert) {
    add("distinctive");  // "Gazprom Neft", "Tinkoff Bank"
  } else if (target.kind == MatchKind::kEntity && (payload.flags & kAllOrdinary) && !c.alert &&
             c.score <= kWeakScore) {
    add("common-words");
  }
  if (rule.empty()) rule = "exact";
  return match;
}

// Keeps, per target, the best candidates that do not overlap a better one:
// alerts first, then longer, higher scoring, more literal, earlier. Then a
// fuzzy hit inside an exact hit of another entity goes: the text names that
// other listed party, not a misspelling of this one. Sorts `candidates`,
// the scan's scratch, in place.
std::vector<Candidate> ResolveOverlaps(std::vector<Candidate>& candidates,
                                       const std::vector<Target>& targets) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::make_tuple(a.target, !a.alert, b.last - b.first, -a.score, a.rank, a.first) <
           std::make_tuple(b.target, !b.alert, a.last - a.first, -b.score, b.rank, b.first);
  });
  std::vector<Candidate> kept;
  kept.reserve(candidates.size());
  size_t target_begin = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (i > 0 && candidates[i - 1].target != c.target) target_begin = kept.size();
    bool overlaps =
        std::any_of(kept.begin() + static_cast<long>(target_begin), kept.end(),
                    [&](const Candidate& k) { return k.first < c.last && c.first < k.last; });
    if (!overlaps) kept.push_back(c);
  }
  std::vector<Candidate> out;
  out.reserve(kept.size());
  for (const Candidate& c : kept) {
    // "Nicolás Maduro Guerra" names the son, not (also) the father found as
    // "Nicolás Maduro" inside it.
    bool shadowed = targets[c.target].kind == MatchKind::kEntity &&
                    std::any_of(kept.begin(), kept.end(), [&](const Candidate& k) {
                      if (k.target == c.target || targets[k.target].kind != MatchKind::kEntity ||
                          !k.alert || k.first > c.first || c.last > k.last) {
                        return false;
                      }
                      bool longer = k.last - k.first > c.last - c.first;
                      // "Nicolás Maduro" is the father listed so, not the son
                      // listed with a second given name and surname.
                      bool fuller = k.first == c.first && k.last == c.last &&
                                    (c.payload->flags & kGivenDropped) != 0 &&
                                    (k.payload->flags & kGivenDropped) == 0;
                      // "National Iranian Oil Company" is the company listed
                      // so, not a subsidiary listed with a legal form after it.
                      bool literal = k.first == c.first && k.last == c.last &&
                                     c.payload->rule == VariantRule::kLegalForm &&
                                     k.payload->rule != VariantRule::kLegalForm;
                      return longer || fuller || literal || (c.fuzzy_count > 0 && k.fuzzy_count == 0);
                    });
    if (!shadowed) out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<Match> Scan(const MatcherIndex& index, std::string_view text,
                        const ScanOptions& options) {
  // Per-thread buffers, reused from text to text: allocating them afresh
  // cost more than scanning a short article (glibc consolidates its free
  // lists on every large allocation).
  thread_local ScanBuffers buffers;
  std::vector<TextWord>& words = buffers.words;
  std::string& arena = buffers.arena;
  std::vector<Candidate>& candidates = buffers.candidates;
  std::vector<uint32_t>& next_group = buffers.next_group;
  words.clear();
  arena.clear();
  candidates.clear();
  words.reserve(text.size() / 8);  // news: most words are listed somewhere ("the", "of")
  ScanWords(index, text, &buffers.spellings, &buffers.kept, &words, &arena);
  const auto n = static_cast<uint32_t>(words.size());
  // The nearest word at or after i, in the same run, with spelling variants
  // (or a declined syllable: Walk() reads both).
  next_group.assign(n + 1, UINT32_MAX);
  for (uint32_t i = n; i-- > 0;) {
    if (words[i].group != kNoGroup || words[i].declined_syllable) {
      next_group[i] = i;
    } else if (i + 1 < n && !words[i + 1].run_start) {
      next_group[i] = next_group[i + 1];
    }
  }
  for (uint32_t first = 0; first < n; ++first) {
    if (next_group[first] != UINT32_MAX && next_group[first] - first < index.max_name_words) {
      WalkState state;
      state.first = first;
      Walk(index, words, arena, first, TokenTrie::kRoot, TokenTrie::kNone, state, &candidates);
      continue;
    }
    // Exact words only: one trie step per word, no recursion.
    uint32_t node = TokenTrie::kRoot;
    bool transliterated = false;
    bool all_capitalized = true;
    for (uint32_t last = first; last < n; ++last) {
      const TextWord& word = words[last];
      if ((last > first && (word.run_start || !word.paired)) || word.id == Vocabulary::kUnknown) {
        break;
      }
      TokenTrie::Step step = index.trie.StepTo(node, word.id);
      node = step.child;
      if (node == TokenTrie::kNone) break;
      transliterated |= word.transliterated;
      all_capitalized &= word.capitalized;
      if (step.value == TokenTrie::kNone) continue;
      AddCandidates(
          index, step.value,
          [&](const Payload& p, std::vector<Candidate>* out) {
            out->push_back(Candidate{
                p.target, first, last + 1, &p, 1.0, 0, {}, transliterated, all_capitalized});
          },
          &candidates);
    }
  }
  std::vector<Match> matches;
  if (candidates.empty()) return matches;
  for (Candidate& c : candidates) Evaluate(index, text, words, arena, &c);
  WeighStatedAges(index, text, words, options.document_year, &candidates);
  Corroborate(index, text, words, &candidates);
  std::vector<Candidate> kept = ResolveOverlaps(candidates, index.targets);
  ResolveSharedNames(index, &kept);
  matches.reserve(kept.size());
  for (const Candidate& c : kept) {
    if (c.alert || options.include_candidates) matches.push_back(MakeMatch(index, text, words, c));
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    return std::tie(a.start, b.end, a.kind, a.list_id, a.entity_id, a.keyword_id) <
           std::tie(b.start, a.end, b.kind, b.list_id, b.entity_id, b.keyword_id);
  });
  return matches;
}

}  // namespace vigil::match_internal
