// Ordinary English words, for the false-alarm rules on one-word names.
#ifndef VIGIL_SRC_MATCH_COMMON_WORDS_H_
#define VIGIL_SRC_MATCH_COMMON_WORDS_H_

#include <string_view>

namespace vigil::match_internal {

// The embedded data/common_words.txt, verbatim.
std::string_view CommonWordsText();

enum class WordClass { kName, kOrdinary, kProperNoun };

// How a normalised (lower-case) word appears in the list: kOrdinary if
// listed in lower case ("forest"), kProperNoun if only capitalised
// ("daniel", "dover"), else kName. British spellings are looked up in their
// American form ("centre" as "center", "organisation" as "organization").
WordClass ClassifyWord(std::string_view normalized);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_COMMON_WORDS_H_
