// Spelling-variant keys and similarity for token-level fuzzy matching.
#ifndef VIGIL_SRC_MATCH_FUZZY_H_
#define VIGIL_SRC_MATCH_FUZZY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::match_internal {

// Words shorter than this match exactly only: "Il", "Un" and "Nam" are
// different people, not spelling variants.
inline constexpr size_t kMinFuzzyWordBytes = 4;
// A spelling variant alone names only a one-word organisation name this
// long or longer ("Hezbollah" for HIZBALLAH, not "Hamas" for HAMAS's kin).
inline constexpr size_t kMinSpellingSingleBytes = 6;
// A listed one-word name whose spelling variant may name it alone: six
// letters or more, and four consonant sounds or more ("Hezbollah" for
// HIZBALLAH, "Sbierbanku" for SBERBANK), since a short skeleton is shared
// by unrelated names that differ in vowels only ("Sarney", "Soriano" and
// SAIRAN).
bool MaySpellAlone(std::string_view listed);
// The two words start alike: the same first letter, or the same consonant
// sound ("khezbolla", "hizballah"). A one-word spelling variant needs it:
// "Ivangrad" is no AVANGARD, though their skeletons agree.
bool SameOnset(std::string_view written, std::string_view listed);
// A fuzzy token must be at least this similar (Jaro-Winkler) to the listed one.
inline constexpr double kMinTokenSimilarity = 0.88;
// A spelling variant at least this similar (see SpellingSimilarity()) is a
// close reading: a name made only of such words is a hit.
inline constexpr double kCloseReading = 0.95;

// The transliteration skeleton of a normalised ASCII word: the spellings
// that romanisations of one name differ by fold to one key ("dmitry",
// "dmitri", "dmitriy", "dmitrij" -> "dmtr"; "sergei"/"sergey"/"sergej";
// "yevgeny"/"evgeny"; "hassan"/"hasan"; "wladimir"/"vladimir";
// "muhammad"/"mohammed"; "shoigu"/"choigou"/"schoigu"/"szojgu"). Steps: a
// leading "y" before a vowel goes; ph->f; the hushing and velar sounds
// (sh, ch, kh, zh, dzh, dj, sch, sz, cz, cs, tsch, tch, tsj, tj, tx, sj, and
// a "j" that is no glide) -> "x"; z->s; ck/c/q->k; x->ks; w->v; Hungarian
// "gy" before a vowel -> d; a "j" between a vowel and a consonant (or the
// end) is a vowel; vowels (a e i o u y) go except a leading one, which
// becomes "a"; doubled letters collapse; a final "h" goes. A consonant case
// ending of a word of six or more letters goes first (see
// InflectionStem()), so that "putinem", "lavrovym" and "putinas" share
// "putin"'s key (vowel endings, "putina", "putinu", fold already). Empty if
// `word` is not plain lower-case ASCII letters.
std::string Skeleton(std::string_view word);
// Skeleton() of the whole word, even where it ends like a case ending: a
// listed "gazprom" is keyed "gspr" (its "-om" read as an ending), but its
// inflections "gazpromom", "gazpromu" read "gsprm"; the builder files a
// listed word under both keys.
std::string WholeSkeleton(std::string_view word);
// Skeleton() without allocating, for the scan: writes the key to `out` and
// returns its length; `out` must hold 2 * word.size() bytes (x becomes ks).
size_t SkeletonInto(std::string_view word, char* out, bool stem = true);

// A skeleton key of `key_length` letters tells a word of `word_length`
// letters from others well enough to look its spelling variants up: three
// consonants, or two in a word of six letters or more ("shoigu" "sg", whose
// "Schoigu", "Szojgu", "Choïgou" would else have none), not "jn" of "John".
inline bool SpecificKey(size_t key_length, size_t word_length) {
  return key_length >= 3 || (key_length == 2 && word_length >= 6);
}

// The two words, lower-case ASCII, sound alike letter for letter: equal
// once each letter or digraph is folded as in Skeleton() but with the
// vowels kept ("ramsan"/"ramzan", "sacharowa"/"zakharova",
// "prigoschin"/"prigozhin"), four letters or more. Stricter than a shared
// skeleton, which drops the vowels.
bool SoundsAlike(std::string_view a, std::string_view b);

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
double JaroWinkler(std::string_view a, std::string_view b);

// `word` without a Slavic or Baltic consonant case ending ("-em", "-om",
// "-ym", "-im", "-owi", "-ovi", "-iem", "-ego", "-emu", "-as", "-is",
// "-us", "-ys", "-aus", "-ius", "-s"; the "-e" of Polish "-rze"), if six
// letters or more and five remain.
std::string_view InflectionStem(std::string_view word);

// How alike a text word and a listed word are as spellings of one name:
// Jaro-Winkler, or, a little lower, that of the text word read in another
// press's transliteration of Cyrillic (German and Polish "Wladimir",
// "Lawrow", "Sergej", "Prigoschin", "Pieskow"; French "Poutine",
// "Sergueï"; Spanish "Jodorkovski"; Hungarian "Putyin", "Vlagyimir"; Dutch
// "Poetin"; Danish "Vladimirovitj"; Ukrainian "Volodymyr") and
// without a case ending ("Putinem", "Putinas", "Lavrova", "Putina"). Both
// words normalised (lower-case ASCII).
double SpellingSimilarity(std::string_view written, std::string_view listed);

// `written` is `listed` with a Slavic or Baltic case ending, as the text's
// grammar declines the name ("gazpromom", "sberbanka", "rosnefti",
// "putinas"), or, for a listed word ending in a vowel, its stem with one
// ("zakharovu" of "zakharova", "lukashenkos" of "lukashenka"), or with
// the consonant Polish softens before "-e" ("vladimirze", "lukashence").
// Not a
// derivation ("putinism", "putinist"): only endings of nouns' cases.
bool IsInflectionOf(std::string_view written, std::string_view listed);

// `written` read in one press's transliteration of Cyrillic (see
// SpellingSimilarity()) is `listed` itself or a case form of it: Polish
// "rosnieft" and "sbierbankiem" are ROSNEFT and SBERBANK as a Polish paper
// writes them, not other words that look alike.
bool IsReadingOf(std::string_view written, std::string_view listed);

// The Lithuanian and Polish case endings a name's short last word (two or
// three letters: a Korean or Chinese syllable) takes in running text:
// "Kim Jong Unas", "Kim Jong Unu", "Kim Dzong Unem".
inline constexpr std::string_view kShortWordCaseEndings[] = {"as", "ui", "u",  "a", "o",
                                                            "em", "owi", "ie", "e"};

// `a` is the other's form with a final "-a" ("francesca"/"francesco",
// "lavrova"/"lavrov", "aleksandra"/"aleksandr"): a woman's name, or in
// Slavic text a case form of the man's.
bool IsGenderForm(std::string_view a, std::string_view b);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_FUZZY_H_
