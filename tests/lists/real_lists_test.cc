// The real lists in ../shared/data/lists: counts, well-known entries, and
// load times (printed, so the README figures can be reproduced).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

// Loads `file` from the shared data as `format`, skipping when absent.
class RealListTest : public ::testing::Test {
 protected:
  Result<ListReport> Load(const std::string& format, const std::string& file,
                          const std::string& alt = "", const std::string& add = "") {
    WatchlistConfig config;
    config.id = "real";
    config.format = format;
    config.path = kSharedLists / file;
    if (!alt.empty()) config.alt_path = kSharedLists / alt;
    if (!add.empty()) config.add_path = kSharedLists / add;
    auto start = std::chrono::steady_clock::now();
    Result<ListReport> report = LoadListFileReport(config);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
    if (report.ok()) {
      std::printf("[ load time ] %s %s: %.1f ms, %zu entities, %zu aliases, %zu skipped, %zu warnings\n",
                  format.c_str(), file.c_str(), ms, report->list.entities.size(),
                  report->aliases, report->skipped, report->warnings.size());
    }
    return report;
  }
  void SkipIfAbsent(const std::string& file) {
    if (!std::filesystem::exists(kSharedLists / file)) {
      GTEST_SKIP() << "shared list data absent: " << (kSharedLists / file);
    }
  }
};

size_t CountType(const Watchlist& list, EntityType type) {
  return std::count_if(list.entities.begin(), list.entities.end(),
                       [&](const Entity& entity) { return entity.type == type; });
}

TEST_F(RealListTest, OfacSdnWithAltAndAdd) {
  SkipIfAbsent("ofac_sdn_2024-05-03.csv");
  SkipIfAbsent("ofac_alt_2025-01.csv");
  Result<ListReport> report = Load("ofac-sdn-csv", "ofac_sdn_2024-05-03.csv",
                                   "ofac_alt_2025-01.csv", "ofac_add_2025-01.csv");
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  EXPECT_EQ(report->records, 14965u);
  EXPECT_EQ(report->skipped, 0u);
  EXPECT_TRUE(report->warnings.empty()) << ::testing::PrintToString(report->warnings);
  ASSERT_EQ(list.entities.size(), 14965u);
  EXPECT_EQ(CountType(list, EntityType::kPerson), 6854u);
  EXPECT_EQ(CountType(list, EntityType::kVessel), 851u);
  EXPECT_EQ(CountType(list, EntityType::kAircraft), 376u);
  EXPECT_EQ(CountType(list, EntityType::kOrganization), 6884u);
  // alt.csv is 8 months newer than sdn.csv: some of its rows name entries
  // the older sdn.csv does not have.
  EXPECT_GT(report->orphan_aliases, 0u);
  EXPECT_LT(report->orphan_aliases, 19486u / 2);
  EXPECT_GT(report->addresses, 15000u);

  const Entity* putin = FindEntity(list, "35096");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "PUTIN, Vladimir Vladimirovich");
  EXPECT_EQ(putin->type, EntityType::kPerson);
  EXPECT_TRUE(Has(putin->aliases, "PUTIN, Vladimir"));
  EXPECT_EQ(putin->programs, std::vector<std::string>{"RUSSIA-EO14024"});
  const Entity* kim = FindEntity(list, "20157");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->name, "KIM, Jong Un");
  EXPECT_EQ(kim->programs, std::vector<std::string>{"DPRK3"});
  const Entity* lavrov = FindEntity(list, "35233");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_TRUE(Has(lavrov->aliases, "LAVROV, Sergey"));
  // Weak AKAs from the Remarks: 306 is "a.k.a. 'BNC'".
  const Entity* bank = FindEntity(list, "306");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->name, "BANCO NACIONAL DE CUBA");
  EXPECT_TRUE(Has(bank->weak_aliases, "BNC"));
  EXPECT_TRUE(Has(bank->aliases, "NATIONAL BANK OF CUBA"));
}

TEST_F(RealListTest, OfacConsolidatedNonSdn) {
  SkipIfAbsent("ofac_cons_prim_nonsdn_2025-12.csv");
  Result<ListReport> report = Load("ofac-sdn-csv", "ofac_cons_prim_nonsdn_2025-12.csv",
                                   "ofac_cons_alt_nonsdn_2025-12.csv",
                                   "ofac_cons_add_nonsdn_2025-12.csv");
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->list.entities.size(), 442u);
  EXPECT_EQ(CountType(report->list, EntityType::kPerson), 79u);
  EXPECT_EQ(report->orphan_aliases, 0u);
}

}  // namespace
}  // namespace vigil
