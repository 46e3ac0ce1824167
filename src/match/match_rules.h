// The context and false-alarm rules: when a hit is only a word of a name,
// an ordinary word, or a name that the text around it breaks or confirms.
// These are the rules tuned most; they know nothing of how the index is
// built or walked.
#ifndef VIGIL_SRC_MATCH_MATCH_RULES_H_
#define VIGIL_SRC_MATCH_MATCH_RULES_H_

#include <string_view>
#include <vector>

#include "match_candidate.h"
#include "matcher_index.h"

namespace vigil::match_internal {

// A weak hit (one given name or surname, an ordinary word without context)
// scores at most this, below any sensible min_score.
inline constexpr double kWeakScore = 0.5;

// Single-word legal forms that are one form: the text's "Limited" finds a
// listed "LTD", "OOO" a listed "LLC". The first of each group is the one
// interned; the others are its synonyms.
const std::vector<std::vector<std::string_view>>& LegalFormSynonyms();

// Scores candidate `c`, found in `text` over `words` (whose normalised
// spellings are in `arena`), and decides whether it alerts: sets its score,
// alert, context and rank (lower is a more literal reading), or marks it as
// needing the document's corroboration (see Candidate).
void Evaluate(const MatcherIndex& index, std::string_view text, const std::vector<TextWord>& words,
              std::string_view arena, Candidate* c);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_MATCH_RULES_H_
