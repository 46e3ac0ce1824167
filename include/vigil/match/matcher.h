// Finds watchlist entities and keywords in UTF-8 text.
#ifndef VIGIL_MATCH_MATCHER_H_
#define VIGIL_MATCH_MATCHER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/model/match.h"
#include "vigil/model/watchlist.h"

namespace vigil {

struct ScanOptions {
  bool include_candidates = false;  // also return hits with alert == false
  // The document's year (its publication date's, else when it was
  // fetched), for reading a stated age as a birth year ("Vladimir Putin,
  // 71,"); 0 if unknown: ages are then not read, stated birth years are.
  int document_year = 0;
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
  // the same entity are reported once (alerts before candidates, then the
  // longest, then the best scoring); a spelling-variant hit that lies inside
  // an exact hit of another entity is dropped. Invalid UTF-8 is tolerated
  // (treated as separators). Entities in Watchlist::exclude are never found.
  virtual std::vector<Match> Scan(std::string_view text,
                                  const ScanOptions& options = {}) const = 0;

  virtual size_t name_count() const = 0;  // compiled name variants
};

}  // namespace vigil

#endif  // VIGIL_MATCH_MATCHER_H_
