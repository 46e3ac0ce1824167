#include "vigil/fetch/http_client.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(RedactUrlTest, StripsUserinfoOnly) {
  struct Case {
    const char* url;
    const char* redacted;
  } cases[] = {
      {"http://host/x", "http://host/x"},
      {"https://user:pw@host:8443/x?q=1", "https://host:8443/x?q=1"},
      {"https://user@host", "https://host"},
      {"http://u:p@ss@host/a@b", "http://host/a@b"},
      {"http://host/path?mail=a@b.c", "http://host/path?mail=a@b.c"},
      {"file:///tmp/a@b.xml", "file:///tmp/a@b.xml"},
      {"not a url", "not a url"},
  };
  for (const Case& c : cases) EXPECT_EQ(RedactUrl(c.url), c.redacted) << c.url;
}

}  // namespace
}  // namespace vigil
