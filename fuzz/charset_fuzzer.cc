// ToUtf8 over arbitrary bytes and declared charsets (real, unknown and
// malformed names): the result must always be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigil/parse/parser.h"
#include "utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kCharsets[] = {
      "", "utf-8", "windows-1252", "windows-1251", "iso-8859-1", "koi8-r", "shift_jis",
      "euc-jp", "gb18030", "big5", "utf-16", "utf-16be", "utf-32", "x-no-such-charset", "\xff\xfe"};
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string used;
  std::string text = vigil::ToUtf8(bytes, kCharsets[data[0] % 15], &used);
  vigil::fuzz::CheckUtf8(text);
  return 0;
}
