// Vigil's side of the benchmarks, shared by match_bench and hyperscan_bench's
// paired rounds: the literal names the peers get, as one watchlist, and a
// timed scan of the corpus.
#ifndef VIGIL_BENCH_VIGIL_SIDE_H_
#define VIGIL_BENCH_VIGIL_SIDE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "vigil/match/matcher.h"
#include "vigil/model/watchlist.h"

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

// Vigil's scan rate in 10^6 bytes per CPU second: whole passes over the
// articles (`bytes` in all) for at least `min_seconds`. Adds the hits of
// every pass to `*hits` and the passes to `*passes`.
inline double ScanRate(const Matcher& matcher, const std::vector<std::string_view>& articles,
                       size_t bytes, double min_seconds, size_t* hits, size_t* passes) {
  size_t done = 0;
  double start = CpuSeconds(), elapsed = 0;
  while (done == 0 || elapsed < min_seconds) {
    for (std::string_view a : articles) *hits += matcher.Scan(a).size();
    ++done;
    elapsed = CpuSeconds() - start;
  }
  *passes += done;
  return static_cast<double>(bytes) * static_cast<double>(done) / 1e6 / elapsed;
}

}  // namespace vigil::bench

#endif  // VIGIL_BENCH_VIGIL_SIDE_H_
