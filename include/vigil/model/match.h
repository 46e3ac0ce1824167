// A match: one place in a text where a watchlist entity or a keyword was
// found, with how and how well. The matcher makes them, the store keeps
// them, alerts carry them; so the type lives below all three.
#ifndef VIGIL_MODEL_MATCH_H_
#define VIGIL_MODEL_MATCH_H_

#include <cstddef>
#include <string>

namespace vigil {

enum class MatchKind { kEntity, kKeyword };

struct Match {
  MatchKind kind = MatchKind::kEntity;
  std::string list_id;      // entity hits: the watchlist id
  std::string entity_id;    // entity hits
  std::string entity_name;  // entity hits: the entity's primary name
  std::string keyword_id;   // keyword hits
  std::string matched;      // the text as it appears, text[start, end)
  size_t start = 0;         // byte offsets into the scanned UTF-8 text
  size_t end = 0;
  std::string snippet;      // context around the match, valid UTF-8
  // In [0, 1]: the length-weighted mean similarity of the text's words to
  // the listed words (exact words 1, spelling variants their Jaro-Winkler
  // similarity); weak hits are capped at 0.5.
  double score = 1.0;
  std::string matched_name; // the list name or alias (or keyword term) that matched
  // How it matched: the variant rule ("exact", "reordered", "surname-first",
  // "without-middle", "double-surname-first", "joined", "legal-form"), then
  // '+'-joined what else the text needed: "transliterated" (one side in
  // Cyrillic, Greek, ...), "fuzzy(<text word>→<listed word>)", "possessive",
  // "single-name" (one word of a person's name: weak), "common-word" (a
  // one-word name that is an ordinary word, without context: weak),
  // "common-words" (a name of ordinary words in lower case or inside a
  // longer capitalised name: weak),
  // "context" (such a word confirmed by a vessel word, IMO number, company
  // word or the listed capitals), "corroborated(sanctions-word:<stem>)" or
  // "corroborated(co-mention:<list>/<id>)" (a name too common or plain to
  // alert alone, confirmed by the document), and for a candidate why it is
  // weak: "common-name", "common-words", "bare-name", "proper-noun",
  // "spelling-variant" (each awaiting corroboration), "no-vessel-reference",
  // "inside-longer-name", "other-company", "lower-case", "digits", "short",
  // "spelling"; "ambiguous(<list>/<id>)" when another entry of the same list
  // is found at the same words. "exact" is dropped when anything follows, so an exact
  // possessive is "possessive". `matched` never includes the "'s".
  std::string rule;
  // False for a candidate: a hit scoring below its watchlist's min_score, or
  // a weak hit (a single given name or surname, a one-word name that is also
  // an ordinary word without context). Candidates never raise alerts and are
  // only returned when ScanOptions::include_candidates is set.
  bool alert = true;
  // A candidate only for want of corroboration: the name matched, but it is
  // too common or plain to alert without the document's support (see
  // `rule`). Evaluations of bare names count it as a name match.
  bool awaits_corroboration = false;
};

}  // namespace vigil

#endif  // VIGIL_MODEL_MATCH_H_
