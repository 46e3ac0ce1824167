#include "src/config/byte_size.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(ParseByteSizeTest, AcceptsDocumentedForms) {
  struct Case {
    const char* text;
    uint64_t bytes;
  };
  const Case cases[] = {
      {"1000000", 1'000'000},       {"0", 0},
      {"512B", 512},                {"1KB", 1000},
      {"3MB", 3'000'000},           {"1GB", 1'000'000'000},
      {"512KiB", 512 * 1024},       {"16MiB", 16ull << 20},
      {"2GiB", 2ull << 30},         {"16 MiB", 16ull << 20},
      {"18446744073709551615", UINT64_MAX},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseByteSize(c.text), c.bytes) << c.text;
}

TEST(ParseByteSizeTest, RejectsMalformed) {
  for (const char* bad : {"", "MiB", "16mib", "16mb", "1.5MiB", "-1", "16 ", "16  MiB",
                          "16MiBs", "16TiB", " 16", "0x10", "18446744073709551616",
                          "17179869184GiB"}) {
    EXPECT_EQ(ParseByteSize(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace vigil
