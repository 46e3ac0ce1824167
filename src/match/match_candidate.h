// A hit the scan found, as the rules judge it: the text words it spans,
// and how they matched.
#ifndef VIGIL_SRC_MATCH_MATCH_CANDIDATE_H_
#define VIGIL_SRC_MATCH_MATCH_CANDIDATE_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "matcher_index.h"

namespace vigil::match_internal {

// A name may have this many fuzzy words, and needs one exact word besides.
inline constexpr size_t kMaxFuzzyWords = 3;

// A text word that a name can use: in the vocabulary, or a spelling
// variant of vocabulary words (a fuzzy group). Other words are not kept:
// they only break runs, since no name can continue across them.
struct TextWord {
  uint32_t start;
  uint32_t end;
  uint32_t id;           // Vocabulary::kUnknown if only fuzzy
  uint32_t group;        // kNoGroup if no spelling variants are tried
  uint32_t norm_offset;  // the normalised word in the scan's arena (if group)
  uint32_t norm_length;  // its length (always: an exact word's is its listed word's)
  bool possessive;
  bool run_start;  // a word no name uses (or the text start) is just before
  bool transliterated;
  bool capitalized;  // starts with a capital, or is in another script
  // The word gate found this word and the one before in a row in some
  // listed name (see GatedWordReader): without it, no trie edge leads from
  // the word before, or from a spelling variant of it that all-capitalised
  // text could match, to this one.
  bool paired;
  // A word of another script that starts with a lower-case letter
  // ("контроль"); `capitalized` counts every such word as capitalised.
  bool lower_case;
  // A listed syllable with a case ending ("Unas"), which only Walk() reads
  // (after the name's other words); its text is in the arena.
  bool declined_syllable = false;
};

// A word matched to a listed word that it is only similar to.
struct FuzzyStep {
  uint32_t pos;     // index into the text words
  uint32_t listed;  // vocabulary id
};

// A trie hit before overlaps are resolved: text words [first, last).
struct Candidate {
  uint32_t target;
  uint32_t first;
  uint32_t last;
  const Payload* payload;
  double similarity;  // length-weighted mean token similarity
  uint8_t fuzzy_count;
  std::array<FuzzyStep, kMaxFuzzyWords> fuzzy;
  bool transliterated;  // some text word of it was transliterated
  bool all_capitalized;
  double min_fuzzy = 1.0;  // the least similar spelling variant's similarity
  // Filled by Evaluate().
  double score = 1.0;
  bool alert = true;
  bool context = false;  // a one-word name confirmed by its surroundings
  int rank = 0;          // lower is a more literal reading
  // Set by Evaluate() when the name alone is too common or too plain to
  // alert (a full name of common given names and surnames, a company's
  // name without its legal form): the scan then looks for corroboration
  // in the document, and `corroboration` says what it found.
  bool needs_corroboration = false;
  const char* weak_reason = nullptr;    // why the hit is weak, for --explain
  // A company's distinctive bare name: a document naming the country of
  // its sanctions programme supports it too ("Severstal" in a story about
  // Russia).
  bool country_corroborates = false;
  // ... and nothing else does: a state body's name of ordinary words
  // ("Ministry of Defence"), which every state has.
  bool only_country_corroborates = false;
  // A company's one-word bare name that no dictionary, given name or other
  // listed word shares ("Severstal", "Сбербанка"): it alerts alone.
  bool distinctive = false;
  // A vessel's name, weak only for want of a ship word that refers to it.
  bool awaits_vessel_word = false;
  const char* corroboration = nullptr;  // what confirmed it, for --explain
  const char* corroborating_word = nullptr;  // the sanctions word found
  uint32_t corroborating_target = 0;  // the other listed party found
  // Another entity of the same list found at the same words: the hit is
  // ambiguous between them ("Hafiz Saeed" on two entries).
  // The birth years the text states for the person ("Putin, 71,"), when
  // they agree with the list's (corroboration "age") or do not
  // (weak_reason "age-mismatch"); 0 otherwise.
  uint16_t stated_born_from = 0;
  uint16_t stated_born_to = 0;
  bool ambiguous = false;
  uint32_t ambiguous_with = 0;
};

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_MATCH_CANDIDATE_H_
