// Ordinary English words, for the false-alarm rules on one-word names, and
// the ordinary words of the other languages Vigil reads news in.
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

// The embedded data/foreign_words.txt, verbatim: sorted bytewise, one word
// a line, after a header of '#' lines.
std::string_view ForeignWordsText();

// Whether a normalised word of seven letters or more is an ordinary word of
// German, French, Spanish, Italian, Polish, Lithuanian or Russian (folded
// as the matcher folds text: "albatros", "vertikal", "sentyabr"). Shorter
// words are not in the list and answer false.
bool IsForeignWord(std::string_view normalized);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_COMMON_WORDS_H_
