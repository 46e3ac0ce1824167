// The matcher's first phase: list names and keyword terms, expanded into
// their variants (NameVariants()), compiled into one MatcherIndex.
#ifndef VIGIL_SRC_MATCH_MATCHER_BUILDER_H_
#define VIGIL_SRC_MATCH_MATCHER_BUILDER_H_

#include <memory>
#include <vector>

#include "matcher_index.h"
#include "vigil/base/status.h"
#include "vigil/model/watchlist.h"

namespace vigil::match_internal {

// Compiles every name of every entity (but those in Watchlist::exclude) and
// every keyword term into a frozen index. Fails on an entity or keyword
// with no usable name, naming the list and entry.
Result<std::unique_ptr<const MatcherIndex>> BuildIndex(const std::vector<Watchlist>& watchlists,
                                                       const std::vector<KeywordList>& keywords);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_MATCHER_BUILDER_H_
