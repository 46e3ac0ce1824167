// Shared by the fuzz targets: aborts (a finding) when text Vigil produced is
// not valid UTF-8, which every module promises.
#ifndef VIGIL_FUZZ_UTF8_CHECK_H_
#define VIGIL_FUZZ_UTF8_CHECK_H_

#include <cstdlib>
#include <string_view>

#include <unicode/utf8.h>

namespace vigil::fuzz {

inline void CheckUtf8(std::string_view text) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) std::abort();
  }
}

}  // namespace vigil::fuzz

#endif  // VIGIL_FUZZ_UTF8_CHECK_H_
