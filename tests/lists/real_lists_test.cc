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
  // alt.csv is 8 months newer than sdn.csv: 1,468 of its 19,486 rows name
  // entries the older sdn.csv does not have. Counts of the fixed shared
  // files, so exact.
  EXPECT_EQ(report->orphan_aliases, 1468u);
  EXPECT_EQ(report->addresses, 20167u);

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

TEST_F(RealListTest, UnConsolidatedXml) {
  SkipIfAbsent("un_consolidated_2026-02.xml");
  Result<ListReport> report = Load("un-xml", "un_consolidated_2026-02.xml");
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  EXPECT_EQ(report->skipped, 0u);
  ASSERT_EQ(list.entities.size(), 730u + 273u);
  EXPECT_EQ(CountType(list, EntityType::kPerson), 730u);
  EXPECT_EQ(CountType(list, EntityType::kOrganization), 273u);
  const Entity* badege = FindEntity(list, "CDi.001");
  ASSERT_NE(badege, nullptr);
  EXPECT_EQ(badege->name, "ERIC BADEGE");
  EXPECT_EQ(badege->programs, std::vector<std::string>{"DRC"});
  size_t arabic = 0, weak = 0;
  for (const Entity& entity : list.entities) {
    weak += entity.weak_aliases.size();
    for (const std::string& alias : entity.aliases) {
      // Arabic letters are U+0600..U+06FF: lead bytes 0xD8..0xDB.
      unsigned char first = static_cast<unsigned char>(alias[0]);
      if (first >= 0xD8 && first <= 0xDB) ++arabic;
    }
  }
  EXPECT_EQ(arabic, 380u);
  EXPECT_EQ(weak, 615u);  // the QUALITY Low aliases
  const Entity* qarin = FindEntity(list, "LYi.024");
  ASSERT_NE(qarin, nullptr);
  EXPECT_EQ(qarin->name, "Mus’ab Mustafa Abu al Qassim Omar");
  EXPECT_EQ(qarin->type, EntityType::kPerson);
  EXPECT_EQ(qarin->aliases,
            (std::vector<std::string>{"مصعب مصطفى ابو القاسم عمر", "Mus’ab Abu Qarin"}));
  EXPECT_EQ(qarin->weak_aliases, (std::vector<std::string>{"ABU-AL QASSIM OMAR Musab Boukrin",
                                                           "The Doctor", "Al-Grein"}));
  const Entity* adf = FindEntity(list, "CDe.001");
  ASSERT_NE(adf, nullptr);
  EXPECT_EQ(adf->name, "ADF");
  EXPECT_EQ(adf->type, EntityType::kOrganization);
  EXPECT_TRUE(Has(adf->aliases, "Allied Democratic Forces"));  // QUALITY "a.k.a."
  EXPECT_TRUE(Has(adf->aliases, "NALU"));                      // QUALITY "f.k.a."
}

TEST_F(RealListTest, OpenSanctionsFtmSamples) {
  SkipIfAbsent("opensanctions_ftm_sample_zala.ftm.json");
  Result<ListReport> report = Load("opensanctions-ftm", "opensanctions_ftm_sample_zala.ftm.json");
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->records, 91u);
  // 11 Company + 6 Person, of which 3 companies are registry records with
  // target:false (not sanctioned): skipped.
  EXPECT_EQ(report->list.entities.size(), 14u);
  EXPECT_EQ(CountType(report->list, EntityType::kPerson), 6u);
  EXPECT_EQ(report->non_targets, 3u);
  EXPECT_EQ(FindEntity(report->list, "ru-inn-5920040846"), nullptr);
  EXPECT_EQ(report->ignored, 74u);              // Sanction, Ownership, Address, ...
  const Entity* zala = FindEntity(report->list, "NK-abdzbEBkqyT29GyREbiURZ");
  ASSERT_NE(zala, nullptr);
  EXPECT_EQ(zala->type, EntityType::kOrganization);
  EXPECT_TRUE(Has(zala->aliases, "Zala Aero Group"));
  EXPECT_TRUE(Has(zala->weak_aliases, "ZALA"));
  EXPECT_TRUE(Has(zala->weak_aliases, "CST"));
  EXPECT_FALSE(Has(zala->aliases, "ZALA"));
  EXPECT_FALSE(Has(zala->aliases, "CST"));

  SkipIfAbsent("opensanctions_ftm_sample_t1.ftm.json");
  Result<ListReport> t1 = Load("opensanctions-ftm", "opensanctions_ftm_sample_t1.ftm.json");
  ASSERT_TRUE(t1.ok()) << t1.status().message();
  EXPECT_EQ(t1->list.entities.size(), 6u);  // 4 Person + 2 Organization, 1 Address skipped
  EXPECT_EQ(CountType(t1->list, EntityType::kPerson), 4u);
}

TEST_F(RealListTest, OpenSanctionsTargetsSimpleCsv) {
  SkipIfAbsent("opensanctions_ua_war_sanctions_targets.simple.csv");
  Result<ListReport> report =
      Load("opensanctions-csv", "opensanctions_ua_war_sanctions_targets.simple.csv");
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  // Five companies are named just "Company": placeholders, skipped.
  EXPECT_EQ(report->skipped, 5u);
  ASSERT_EQ(list.entities.size(), 5600u - 5u);
  EXPECT_EQ(CountType(list, EntityType::kPerson), 1543u);
  EXPECT_EQ(CountType(list, EntityType::kVessel), 1340u);
  EXPECT_EQ(CountType(list, EntityType::kOrganization), 1524u + 1193u - 5u);
  const Entity* putin = FindEntity(list, "Q7747");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "PUTIN vladimir vladimirovich");
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"ПУТІН володимир володимирович",
                                                      "ПУТИН владимир владимирович"}));
  EXPECT_EQ(putin->programs, (std::vector<std::string>{"UA-WS-EXECUTIVES", "UA-WS-MARE"}));
}

TEST_F(RealListTest, UkFcdoCsv) {
  SkipIfAbsent("uk_fcdo_sanctions_list_2025-08-11.derived.csv");
  Result<ListReport> report = Load("uk-csv", "uk_fcdo_sanctions_list_2025-08-11.derived.csv");
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  // Two of the 5,302 rows have an empty Name: skipped, with their line.
  EXPECT_EQ(report->records, 5302u);
  EXPECT_EQ(report->skipped, 2u);
  ASSERT_EQ(report->warnings.size(), 2u);
  EXPECT_NE(report->warnings[0].find(
                "uk_fcdo_sanctions_list_2025-08-11.derived.csv:649: record 'BEL0174' has no name"),
            std::string::npos);
  ASSERT_EQ(list.entities.size(), 5300u);
  EXPECT_EQ(CountType(list, EntityType::kPerson), 3752u);
  EXPECT_EQ(CountType(list, EntityType::kOrganization), 1087u);
  EXPECT_EQ(CountType(list, EntityType::kVessel), 461u);
  const Entity* putin = FindEntity(list, "RUS0251");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "PUTIN, Vladimir Vladimirovich");
  EXPECT_EQ(putin->programs, std::vector<std::string>{"Russia"});
  // Written without capitals, so where the surname ends is unknown: as written.
  EXPECT_EQ(FindEntity(list, "RUS0252")->name, "Lavrov Sergei Viktorovich");
  EXPECT_EQ(FindEntity(list, "AFG0001")->name, "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE");
}

TEST_F(RealListTest, EuJournalCsv) {
  SkipIfAbsent("eu_oj_reg269-2014_opensanctions.csv");
  Result<ListReport> report = Load("eu-csv", "eu_oj_reg269-2014_opensanctions.csv");
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  EXPECT_EQ(report->skipped, 0u);
  ASSERT_EQ(list.entities.size(), 2802u);
  EXPECT_EQ(CountType(list, EntityType::kPerson), 1984u);
  EXPECT_EQ(CountType(list, EntityType::kOrganization), 622u + 196u);
  const Entity* putin = FindEntity(list, "persons-669");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Vladimirovich PUTIN");
  EXPECT_EQ(putin->aliases, std::vector<std::string>{"Влади мир Влади мирович ПУ ТИН"});
  EXPECT_EQ(putin->programs, std::vector<std::string>{"EU-UKR"});
  // The same recordId in the entities annex is another party.
  ASSERT_NE(FindEntity(list, "entities-669"), nullptr);
  EXPECT_EQ(FindEntity(list, "entities-669")->type, EntityType::kOrganization);
  // Parentheses in the name cell are split like those in alias cells.
  const Entity* kozak = FindEntity(list, "persons-34");
  ASSERT_NE(kozak, nullptr);
  EXPECT_EQ(kozak->name, "Dmitry Nikolayevich KOZAK");
  EXPECT_TRUE(Has(kozak->aliases, "Дмитрий Николаевич КОЗАК"));
  const Entity* girkin = FindEntity(list, "persons-48");
  ASSERT_NE(girkin, nullptr);
  EXPECT_TRUE(Has(girkin->aliases, "Igor STRELKOV"));
  EXPECT_TRUE(Has(girkin->aliases, "Игорь Всеволодович ГИРКИН"));
  size_t with_parenthesis = 0;
  for (const Entity& entity : list.entities) {
    if (entity.name.find('(') != std::string::npos) ++with_parenthesis;
  }
  EXPECT_EQ(with_parenthesis, 0u);
  const Entity* lavrov = FindEntity(list, "persons-670");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_TRUE(Has(lavrov->aliases, "Сергей Викторович ЛАВРОВ"));
  // "Sergei Valerievich AKSENOV (Сергей Валерьевич АКСЁНОВ)": two names.
  const Entity* aksyonov = FindEntity(list, "persons-1");
  ASSERT_NE(aksyonov, nullptr);
  EXPECT_TRUE(Has(aksyonov->aliases, "Sergei Valerievich AKSENOV"));
  EXPECT_TRUE(Has(aksyonov->aliases, "Сергей Валерьевич АКСЁНОВ"));
  // Its alias "’’" has no letters: dropped, so the matcher can compile the list.
  const Entity* odd = FindEntity(list, "entities-483");
  ASSERT_NE(odd, nullptr);
  EXPECT_FALSE(Has(odd->aliases, "’’"));
}

}  // namespace
}  // namespace vigil
