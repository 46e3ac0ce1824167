#include "src/config/secrets.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(IsSensitiveHeaderNameTest, FlagsCredentialHeaders) {
  for (const char* name : {"Authorization", "proxy-authorization", "Cookie", "X-Api-Key",
                           "X-Auth-Token", "PRIVATE-TOKEN", "X-Session-Id", "X-Client-Secret"}) {
    EXPECT_TRUE(IsSensitiveHeaderName(name)) << name;
  }
  for (const char* name : {"User-Agent", "Accept", "Accept-Language", "If-None-Match"}) {
    EXPECT_FALSE(IsSensitiveHeaderName(name)) << name;
  }
}

}  // namespace
}  // namespace vigil
