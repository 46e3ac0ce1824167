// Finds watchlist entities and keywords in UTF-8 text.
#ifndef VIGIL_MATCH_MATCHER_H_
#define VIGIL_MATCH_MATCHER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/watchlist/watchlist.h"

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
  double score = 1.0;       // in [0, 1]; exact matches score 1
  std::string matched_name; // the list name or alias (or keyword term) that matched
  // how it matched: "exact" (words as listed, comma dropped), "reordered"
  // ("LAST, First Middle" found as "First Middle LAST"), "without-middle"
  // ("First LAST"); a possessive ("Putin's") gives "possessive" instead of
  // "exact", else "<rule>+possessive". `matched` never includes the "'s".
  std::string rule;
  // False for a candidate: a hit scoring below its watchlist's min_score, or
  // a weak hit (a single given name or surname, a one-word name that is also
  // an ordinary word without context). Candidates never raise alerts and are
  // only returned when ScanOptions::include_candidates is set.
  bool alert = true;
};

struct ScanOptions {
  bool include_candidates = false;  // also return hits with alert == false
};

// A compiled index over all names of all watchlists and all keyword terms.
// Immutable after Build(); safe to share across threads.
class Matcher {
 public:
  // Compiles the index. Fails on an entity or keyword with no usable name
  // (e.g. only punctuation), naming the list and entry.
  static Result<std::shared_ptr<const Matcher>> Build(
      const std::vector<Watchlist>& watchlists,
      const std::vector<KeywordList>& keywords);

  virtual ~Matcher() = default;

  // All matches in `text`, ordered by start offset. Overlapping matches of
  // the same entity are reported once (the longest). Invalid UTF-8 is
  // tolerated (treated as separators).
  virtual std::vector<Match> Scan(std::string_view text,
                                  const ScanOptions& options = {}) const = 0;

  virtual size_t name_count() const = 0;  // compiled name variants
};

}  // namespace vigil

#endif  // VIGIL_MATCH_MATCHER_H_
