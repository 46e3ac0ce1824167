#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

Result<ListReport> ParseFixture() {
  static const std::string bytes = ReadBytes(kListTestdata / "un_small.xml");
  return ParseUnXml({"un.xml", bytes});
}

TEST(UnXmlTest, ReadsIndividualsWithOriginalScriptAndAliasQuality) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* person = FindEntity(report->list, "LYi.024");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, EntityType::kPerson);
  EXPECT_EQ(person->name, "Mus’ab Mustafa Abu al Qassim Omar");  // FIRST..FOURTH_NAME
  EXPECT_EQ(person->aliases,
            (std::vector<std::string>{"مصعب مصطفى ابو القاسم عمر", "Mus’ab Abu Qarin"}));
  EXPECT_EQ(person->weak_aliases, std::vector<std::string>{"The Doctor"});  // QUALITY Low
  EXPECT_EQ(person->programs, std::vector<std::string>{"Libya"});
  // An exact DATE, and an APPROXIMATELY YEAR widened two years either side.
  EXPECT_EQ(person->birth_years, (std::vector<int>{1971, 1973, 1975, 1977}));
}

TEST(UnXmlTest, ReadsEntitiesWithAkaAndFkaAliases) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* adf = FindEntity(report->list, "CDe.001");
  ASSERT_NE(adf, nullptr);
  EXPECT_EQ(adf->type, EntityType::kOrganization);
  EXPECT_EQ(adf->name, "ADF");
  EXPECT_EQ(adf->aliases, (std::vector<std::string>{"Allied Democratic Forces", "NALU"}));
  EXPECT_TRUE(adf->weak_aliases.empty());
}

TEST(UnXmlTest, SkipsRecordWithoutReferenceNumberWithItsLine) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->records, 4u);
  EXPECT_EQ(report->skipped, 1u);
  EXPECT_EQ(report->list.entities.size(), 3u);
  EXPECT_EQ(report->warnings, std::vector<std::string>{"un.xml:21: record has no id; record skipped"});
}

TEST(UnXmlTest, EntitiesAreNotExpandedAndBadBytesReplaced) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* odd = FindEntity(report->list, "KPi.999");
  ASSERT_NE(odd, nullptr);
  EXPECT_EQ(odd->name, "ENTITY KIM & SONS");  // &lol2; dropped, CDATA kept
  EXPECT_EQ(odd->weak_aliases, std::vector<std::string>{"BAD \xEF\xBF\xBD BYTE"});
}

TEST(UnXmlTest, BillionLaughsIsNotExpanded) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n"
                    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'k'; ++name) {
    xml += std::string("<!ENTITY ") + name + " \"";
    for (int i = 0; i < 10; ++i) xml += std::string("&") + previous + ";";
    xml += "\">\n";
    previous = name;
  }
  xml += "]>\n<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>X &k;</FIRST_NAME>"
         "<REFERENCE_NUMBER>E1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>\n";
  Result<ListReport> report = ParseUnXml({"lol.xml", xml});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->list.entities.size(), 1u);
  EXPECT_EQ(report->list.entities[0].name, "X");
}

TEST(UnXmlTest, ExternalEntitiesAreNeverFetched) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [\n"
                    "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
                    "<!ENTITY y SYSTEM \"http://127.0.0.1:9/evil\">\n]>\n"
                    "<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>A&x;&y;</FIRST_NAME>"
                    "<REFERENCE_NUMBER>E1</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>";
  Result<ListReport> report = ParseUnXml({"ext.xml", xml});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->list.entities.size(), 1u);
  EXPECT_EQ(report->list.entities[0].name, "A");
}

TEST(UnXmlTest, MalformedXmlIsAnErrorWithPosition) {
  Result<ListReport> report =
      ParseUnXml({"bad.xml", "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</ENTITIES>\n"});
  ASSERT_FALSE(report.ok());
  // The first error, at the mismatched end tag, not where libxml2 gave up.
  EXPECT_THAT(report.status().message(), ::testing::MatchesRegex("bad\\.xml:3:[0-9]+: .+"));
  EXPECT_NE(report.status().message().find("mismatch"), std::string::npos)
      << report.status().message();
}

TEST(UnXmlTest, OtherRootElementIsAnError) {
  Result<ListReport> report = ParseUnXml({"rss.xml", "<rss><channel/></rss>"});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(),
            "rss.xml: not a UN consolidated list (root element is not CONSOLIDATED_LIST)");
}

TEST(UnXmlTest, LineNumbersPast65535AreRight) {
  std::string xml = "<CONSOLIDATED_LIST><ENTITIES>\n";
  xml += "<ENTITY><FIRST_NAME>A</FIRST_NAME><REFERENCE_NUMBER>E1</REFERENCE_NUMBER></ENTITY>\n";
  xml += std::string(70000, '\n');
  xml += "<ENTITY><FIRST_NAME>NO ID</FIRST_NAME></ENTITY>\n</ENTITIES></CONSOLIDATED_LIST>\n";
  Result<ListReport> report = ParseUnXml({"big.xml", xml});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->warnings,
            std::vector<std::string>{"big.xml:70003: record has no id; record skipped"});
}

}  // namespace
}  // namespace vigil
