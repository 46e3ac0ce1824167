#include "src/config/file_url.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

const std::filesystem::path kBase = "/etc/vigil conf";

TEST(ResolveFileUrlTest, CanonicalizesAcceptedForms) {
  struct Case {
    const char* url;
    const char* want;
  };
  const Case cases[] = {
      {"file:///var/feeds/a.xml", "file:///var/feeds/a.xml"},
      {"FILE:///var/feeds/a.xml", "file:///var/feeds/a.xml"},
      {"file://localhost/var/a.xml", "file:///var/a.xml"},
      {"file:/var/a.xml", "file:///var/a.xml"},
      {"file:feeds/x.xml", "file:///etc/vigil%20conf/feeds/x.xml"},
      {"file:./feeds/../x.xml", "file:///etc/vigil%20conf/x.xml"},
      {"file:my feed.xml", "file:///etc/vigil%20conf/my%20feed.xml"},
      {"file:my%20feed.xml", "file:///etc/vigil%20conf/my%20feed.xml"},
      {"file:100%25.xml", "file:///etc/vigil%20conf/100%25.xml"},
      {"file:///tmp/Новости.xml", "file:///tmp/%D0%9D%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8.xml"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ResolveFileUrl(c.url, kBase), std::optional<std::string>(c.want)) << c.url;
  }
}

TEST(ResolveFileUrlTest, RejectsUnusableForms) {
  for (const char* bad : {"file:", "file://", "file://host/a.xml", "file://feeds",
                          "file:a.xml?x=1", "file:a.xml#top", "file:bad%2", "file:bad%zz.xml",
                          "file:nul%00.xml", "file:feeds/", "http://example.com/"}) {
    EXPECT_EQ(ResolveFileUrl(bad, kBase), std::nullopt) << bad;
  }
}

TEST(FileUrlToPathTest, DecodesCanonicalUrls) {
  EXPECT_EQ(FileUrlToPath("file:///etc/vigil%20conf/my%20feed.xml"),
            std::filesystem::path("/etc/vigil conf/my feed.xml"));
  EXPECT_EQ(FileUrlToPath("file:feeds/x.xml"), std::nullopt);
  EXPECT_EQ(FileUrlToPath("https://example.com/x"), std::nullopt);
}

TEST(PathToFileUrlTest, EncodesUnsafeBytes) {
  EXPECT_EQ(PathToFileUrl("/a b/c#d?e%f.xml"), "file:///a%20b/c%23d%3Fe%25f.xml");
  EXPECT_EQ(PathToFileUrl("/x/a-b_c.~d"), "file:///x/a-b_c.~d");
}

}  // namespace
}  // namespace vigil
