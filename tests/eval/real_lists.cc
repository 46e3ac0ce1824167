#include "real_lists.h"

#include "eval_data.h"
#include "vigil/config/config.h"

namespace vigil::eval {

RealOfac LoadRealOfac(bool with_consolidated) {
  RealOfac result;
  struct Files {
    const char* id;
    const char* primary;
    const char* alt;
  };
  std::vector<Files> files = {{"ofac-sdn", "lists/ofac_sdn_2024-05-03.csv",
                               "lists/ofac_alt_2025-01.csv"}};
  if (with_consolidated) {
    files.push_back({"ofac-cons", "lists/ofac_cons_prim_nonsdn_2025-12.csv",
                     "lists/ofac_cons_alt_nonsdn_2025-12.csv"});
  }
  for (const Files& f : files) {
    auto primary = SharedFile(f.primary);
    auto alt = SharedFile(f.alt);
    if (!primary || !alt) {
      result.lists.clear();
      result.why = std::string("shared data absent: ") + VIGIL_SHARED_DATA + "/" + f.primary +
                   " (needs ../shared/data next to the checkout)";
      return result;
    }
    WatchlistConfig config;
    config.id = f.id;
    config.format = ListFormat::kOfacSdnCsv;
    config.path = *primary;
    config.alt_path = *alt;
    Result<Watchlist> list = LoadWatchlist(config);
    if (!list.ok()) {
      result.lists.clear();
      const std::string message = list.status().message();  // status() is a copy
      result.why = "ofac-sdn-csv loader: " + message;
      result.failed = message.find("unknown watchlist format") == std::string::npos;
      return result;
    }
    result.lists.push_back(std::move(*list));
  }
  return result;
}

}  // namespace vigil::eval
