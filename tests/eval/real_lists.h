// The real OFAC lists under ../shared/data, loaded with Vigil's own loader.
#ifndef VIGIL_TESTS_EVAL_REAL_LISTS_H_
#define VIGIL_TESTS_EVAL_REAL_LISTS_H_

#include <string>
#include <vector>

#include "vigil/model/watchlist.h"

namespace vigil::eval {

// The real OFAC SDN list (sdn.csv + alt.csv) loaded with the ofac-sdn-csv
// loader, and, with `with_consolidated`, the consolidated non-SDN list in the
// same format as a second list. Empty with `why` set when the shared data is
// absent or the loader has not landed (unknown format); a loader that exists
// but fails sets `why` and `failed`.
struct RealOfac {
  std::vector<Watchlist> lists;
  std::string why;
  bool failed = false;
};
RealOfac LoadRealOfac(bool with_consolidated);

// Every real list under ../shared/data/lists that Vigil loads, as
// scripts/scan-news loads them: OFAC SDN and consolidated (with their
// aliases), UN, OpenSanctions targets CSV and the two FtM samples, UK and
// EU. Same contract as LoadRealOfac().
RealOfac LoadAllRealLists();

}  // namespace vigil::eval

#endif  // VIGIL_TESTS_EVAL_REAL_LISTS_H_
