// Names that thousands of people share, and the naming culture a listed
// name comes from: what the false-alarm rules ask of a person's name.
#ifndef VIGIL_SRC_MATCH_COMMON_NAMES_H_
#define VIGIL_SRC_MATCH_COMMON_NAMES_H_

#include <span>
#include <string_view>

namespace vigil::match_internal {

// A normalised given name or surname so common in the news of its culture
// ("mohammed", "ali", "jose", "lopez", "taylor", "ivanov") that a full name
// made only of such words names many people besides the listed one. The
// builder adds the words many entries of the loaded lists share.
bool IsCommonNameWord(std::string_view normalized);
// Every word IsCommonNameWord() knows, for the builder to mark in its
// vocabulary: a thousand look-ups rather than one search per listed word.
std::span<const std::string_view> CommonNameWords();

// A normalised word typical of Arabic and Persian names ("mohammad",
// "abdul", "hossein", "al"): such names have no Hispanic double surname.
bool IsArabicPersianNameWord(std::string_view normalized);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_COMMON_NAMES_H_
