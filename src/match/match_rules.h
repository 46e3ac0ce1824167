// The context and false-alarm rules: when a hit is only a word of a name,
// an ordinary word, or a name that the text around it breaks or confirms.
// These are the rules tuned most; they know nothing of how the index is
// built or walked.
#ifndef VIGIL_SRC_MATCH_MATCH_RULES_H_
#define VIGIL_SRC_MATCH_MATCH_RULES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::match_internal {

// A weak hit (one given name or surname, an ordinary word without context)
// scores at most this, below any sensible min_score.
inline constexpr double kWeakScore = 0.5;

// Single-word legal forms that are one form: the text's "Limited" finds a
// listed "LTD", "OOO" a listed "LLC". The first of each group is the one
// interned; the others are its synonyms.
const std::vector<std::vector<std::string_view>>& LegalFormSynonyms();

// A vessel word or an IMO number within a few words of [start, end).
bool HasVesselContext(std::string_view text, size_t start, size_t end);

// The word at [start, end) is written exactly as in the list (the list's
// capitals, e.g. "FOREST") and does not open a sentence: a name, not a noun.
bool HasListedCapitals(std::string_view text, size_t start, size_t end, std::string_view listed);

// The word before `start` (on the same line) begins with a capital: the
// hit may be the tail of a longer name.
bool AfterCapitalisedWord(std::string_view text, size_t start);

// The word after `end` (past spaces, on the same line) begins with a
// capital. A possessive ends the name.
bool BeforeCapitalisedWord(std::string_view text, size_t end);

// Whether the text between two words of a name, [prev_start, prev_end) and
// [next_start, next_end), breaks it; `alone`: no capitalised word around
// the name. See the definition for what does and what does not.
bool BreaksName(std::string_view text, size_t prev_start, size_t prev_end, size_t next_start,
                size_t next_end, bool alone);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_MATCH_RULES_H_
