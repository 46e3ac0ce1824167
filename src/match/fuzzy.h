// Spelling-variant keys and similarity for token-level fuzzy matching.
#ifndef VIGIL_SRC_MATCH_FUZZY_H_
#define VIGIL_SRC_MATCH_FUZZY_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::match_internal {

// Words shorter than this match exactly only: "Il", "Un" and "Nam" are
// different people, not spelling variants.
inline constexpr size_t kMinFuzzyWordBytes = 4;
// A fuzzy token must be at least this similar (Jaro-Winkler) to the listed one.
inline constexpr double kMinTokenSimilarity = 0.88;

// The transliteration skeleton of a normalised ASCII word: the spellings
// that romanisations of one name differ by fold to one key ("dmitry",
// "dmitri", "dmitriy", "dmitrij" -> "dmtr"; "sergei"/"sergey"/"sergej";
// "yevgeny"/"evgeny"; "hassan"/"hasan"; "wladimir"/"vladimir";
// "muhammad"/"mohammed"). Steps: a leading "y" before a vowel goes; ph->f,
// dzh/dj/zh->j, kh->h, sch/sh->s, ck/c/q->k, x->ks, w->v; a "j" between a
// vowel and a consonant (or the end) is a vowel; vowels (a e i o u y) go except a leading one, which
// becomes "a"; doubled letters collapse; a final "h" goes. Empty if `word`
// is not plain lower-case ASCII letters.
std::string Skeleton(std::string_view word);
// Skeleton() without allocating, for the scan: writes the key to `out` and
// returns its length; `out` must hold 2 * word.size() bytes (x becomes ks).
size_t SkeletonInto(std::string_view word, char* out);

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
double JaroWinkler(std::string_view a, std::string_view b);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_FUZZY_H_
