// Word boundaries and word normalisation shared by watchlist compilation and
// text scanning, so that a list name and the text it appears in are cut and
// folded identically.
#ifndef VIGIL_SRC_MATCH_NORMALIZE_H_
#define VIGIL_SRC_MATCH_NORMALIZE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// One word of a UTF-8 text, as byte offsets [start, end) into that text.
struct WordSpan {
  size_t start = 0;
  size_t end = 0;
  bool ascii = true;        // every byte of the word is ASCII
  bool possessive = false;  // directly followed by 's, ’s or ʼs
};

// The word has š, ž, č (Lithuanian, Czech), ż (Polish) or ş, ç (Turkish),
// either case: letters for Russian ш ж ч, which folding makes s z c. (An
// exact match is looked up as folded: "Françoise" is still FRANCOISE.)
bool HasHushingLetter(std::string_view word);
// `word` with š ž ż č ş ç written sh zh zh ch sh ch, as English lists spell those
// sounds ("Lukašenka" -> "Lukashenka"; a capital one becomes lower case,
// which normalising folds anyway), for weighing the word as a spelling.
std::string ExpandHushingLetters(std::string_view word);

// The word's first letter is a lower-case one ("контроль", "é"): not a
// name's start in a script with capitals. False for scripts without case.
bool StartsLowerCase(std::string_view word);

// Appends the words of `text` to `out`, in order.
//
// A word is a maximal run of letters (L), decimal and letter numbers (Nd, Nl)
// and combining marks (M); format characters (Cf, e.g. a soft hyphen) inside a
// word do not break it. Everything else separates words: spaces, punctuation,
// hyphens, apostrophes ("O'Brien" is the two words "O" and "Brien", both in
// lists and in text, so they still match each other), symbols and invalid
// UTF-8 bytes. Han ideographs, Hiragana and Katakana are written without
// spaces, so each such character is a word of its own and a CJK name matches
// as a character sequence.
//
// A word followed directly by an apostrophe and a lone "s" is marked
// `possessive`; the "s" is still reported as a word of its own, so no name
// can span a possessive.
void FindWords(std::string_view text, std::vector<WordSpan>* out);

// Replaces `*out` with the normalised form of one word: NFKC, case folded,
// Cyrillic, Greek, Armenian, Georgian and Hangul letters transliterated to
// Latin (ICU Any-Latin), diacritics removed (NFD, drop nonspacing marks,
// NFC), so "Nicolás" becomes "nicolas", "ДМИТРИЙ" "dmitrij", "Путин" "putin"
// and "Straße" "strasse"; a few Latin letters with a built-in stroke fold
// too (ł→l, ø→o, đ→d, æ→ae, ...), and what is left that is no letter or
// digit (the prime a soft sign becomes) is dropped. Arabic, Hebrew and CJK
// stay in their script. Pure ASCII words take a table lookup and no ICU
// call; other words are cached per thread. Invalid UTF-8 bytes are dropped.
// `*transliterated` (if given) tells whether a script was transliterated.
void NormalizeWord(std::string_view word, std::string* out,
                   bool* transliterated = nullptr);
std::string NormalizeWord(std::string_view word);

// The normalised words of `text`, e.g. "Kim Jong-un" -> {"kim","jong","un"}.
std::vector<std::string> NormalizeWords(std::string_view text);

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_NORMALIZE_H_
