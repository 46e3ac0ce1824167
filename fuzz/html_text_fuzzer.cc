// HtmlToText takes UTF-8 (the parser converts first); fuzz it with valid
// UTF-8 made from the input, and check the output stays valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigil/parse/parser.h"
#include "utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html = vigil::ToUtf8(std::string_view(reinterpret_cast<const char*>(data), size), "utf-8");
  vigil::fuzz::CheckUtf8(vigil::HtmlToText(html));
  return 0;
}
