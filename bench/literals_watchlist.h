// The literal names that the peers get, as one Vigil watchlist: shared by
// match_bench and hyperscan_bench's paired runs, so both scan for the same
// entities.
#ifndef VIGIL_BENCH_LITERALS_WATCHLIST_H_
#define VIGIL_BENCH_LITERALS_WATCHLIST_H_

#include <string>
#include <utility>
#include <vector>

#include "vigil/watchlist/watchlist.h"

namespace vigil::bench {

// Each name the only name of an organisation, so that Vigil searches
// exactly these literals (a comma in a company name is not read as
// "LAST, First").
inline Watchlist LiteralsWatchlist(const std::vector<std::string>& names) {
  Watchlist list;
  list.id = "bench";
  list.entities.reserve(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    Entity e;
    e.id = std::to_string(i);
    e.name = names[i];
    e.type = EntityType::kOrganization;
    list.entities.push_back(std::move(e));
  }
  return list;
}

}  // namespace vigil::bench

#endif  // VIGIL_BENCH_LITERALS_WATCHLIST_H_
