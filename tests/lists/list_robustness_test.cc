// Every parser on mangled copies of its fixture: never a crash, and whatever
// loads keeps the list invariants (unique non-empty ids, non-empty names,
// valid UTF-8 everywhere).
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

#include "test_files.h"
#include "src/lists/csv_reader.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

using Parser = std::function<Result<ListReport>(std::string_view)>;

void ExpectInvariants(const ListReport& report, const std::string& what) {
  std::set<std::string> ids;
  auto valid = [](const std::string& text) { return SanitizeUtf8(text) == text; };
  for (const Entity& entity : report.list.entities) {
    EXPECT_FALSE(entity.id.empty()) << what;
    EXPECT_FALSE(entity.name.empty()) << what;
    EXPECT_TRUE(ids.insert(entity.id).second) << what << ": repeated id " << entity.id;
    EXPECT_TRUE(valid(entity.name)) << what;
    for (const auto* names : {&entity.aliases, &entity.weak_aliases, &entity.programs}) {
      for (const std::string& name : *names) {
        EXPECT_FALSE(name.empty()) << what;
        EXPECT_TRUE(valid(name)) << what;
      }
    }
  }
  EXPECT_LE(report.warnings.size(), kMaxListWarnings + 1) << what;
}

// Byte flips, inserted quotes/newlines/commas, deletions and truncations.
std::string Mangle(std::string bytes, std::mt19937& random) {
  static const char kSpecial[] = {'"', '\n', '\r', ',', ';', '<', '>', '{', '}', '\x1A', '\xFF', '\xC3', '\0'};
  int edits = 1 + static_cast<int>(random() % 4);
  for (int i = 0; i < edits && !bytes.empty(); ++i) {
    size_t at = random() % bytes.size();
    switch (random() % 4) {
      case 0: bytes[at] = static_cast<char>(random() % 256); break;
      case 1: bytes.insert(at, 1, kSpecial[random() % sizeof kSpecial]); break;
      case 2: bytes.erase(at, 1 + random() % 8); break;
      case 3: bytes.resize(at); break;
    }
  }
  return bytes;
}

TEST(ListRobustnessTest, MangledFixturesNeverCrashAndKeepInvariants) {
  const std::pair<const char*, Parser> cases[] = {
      {"ofac_sdn_edge.csv", [](std::string_view b) { return ParseOfacSdnCsv({"f", b}, {"a", b}); }},
      {"un_small.xml", [](std::string_view b) { return ParseUnXml({"f", b}); }},
      {"ftm_small.ftm.json", [](std::string_view b) { return ParseOpenSanctionsFtm({"f", b}); }},
      {"os_targets_small.csv", [](std::string_view b) { return ParseOpenSanctionsCsv({"f", b}); }},
      {"uk_small.csv", [](std::string_view b) { return ParseUkCsv({"f", b}); }},
      {"eu_small.csv", [](std::string_view b) { return ParseEuCsv({"f", b}); }},
  };
  std::mt19937 random(20260228);
  for (const auto& [file, parse] : cases) {
    std::string original = ReadBytes(kListTestdata / file);
    ASSERT_FALSE(original.empty()) << file;
    int loaded = 0;
    for (int round = 0; round < 300; ++round) {
      std::string mangled = Mangle(original, random);
      Result<ListReport> report = parse(mangled);
      if (!report.ok()) {
        EXPECT_FALSE(report.status().message().empty()) << file;
        continue;
      }
      ++loaded;
      ExpectInvariants(*report, std::string(file) + " round " + std::to_string(round));
    }
    // Most small edits leave a usable CSV or JSON-lines list: those parsers
    // skip bad rows rather than give up. XML that is no longer well-formed
    // (most edits, every truncation) is refused whole, by design.
    if (std::string_view(file) != "un_small.xml") {
      EXPECT_GT(loaded, 100) << file;
    }
  }
}

}  // namespace
}  // namespace vigil
