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

RealOfac LoadAllRealLists() {
  RealOfac result = LoadRealOfac(/*with_consolidated=*/true);
  if (result.lists.empty()) return result;
  struct Files {
    const char* id;
    ListFormat format;
    const char* path;
  };
  const Files files[] = {
      {"un", ListFormat::kUnXml, "lists/un_consolidated_2026-02.xml"},
      {"os-targets", ListFormat::kOpenSanctionsCsv,
       "lists/opensanctions_ua_war_sanctions_targets.simple.csv"},
      {"os-ftm-t1", ListFormat::kOpenSanctionsFtm, "lists/opensanctions_ftm_sample_t1.ftm.json"},
      {"os-ftm-zala", ListFormat::kOpenSanctionsFtm,
       "lists/opensanctions_ftm_sample_zala.ftm.json"},
      {"uk", ListFormat::kUkCsv, "lists/uk_fcdo_sanctions_list_2025-08-11.derived.csv"},
      {"eu", ListFormat::kEuCsv, "lists/eu_oj_reg269-2014_opensanctions.csv"},
  };
  for (const Files& f : files) {
    auto path = SharedFile(f.path);
    if (!path) {
      result.lists.clear();
      result.why = std::string("shared data absent: ") + VIGIL_SHARED_DATA + "/" + f.path;
      return result;
    }
    WatchlistConfig config;
    config.id = f.id;
    config.format = f.format;
    config.path = *path;
    Result<Watchlist> list = LoadWatchlist(config);
    if (!list.ok()) {
      result.lists.clear();
      result.why = std::string(f.id) + ": " + list.status().message();
      result.failed = true;
      return result;
    }
    result.lists.push_back(std::move(*list));
  }
  return result;
}

}  // namespace vigil::eval
