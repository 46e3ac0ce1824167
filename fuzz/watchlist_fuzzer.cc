// LoadWatchlist over arbitrary bytes in every list format: a list or
// errors, never a crash or an uncaught exception.
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "temp_file.h"
#include "vigil/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static vigil::fuzz::TempFile file("list");
  vigil::WatchlistConfig list;
  list.id = "fuzz";
  constexpr size_t kFormatCount = std::size(vigil::kListFormats);
  list.format = vigil::kListFormats[data[0] % kFormatCount];
  list.path = file.Write(data + 1, size - 1);
  (void)vigil::LoadWatchlist(list);
  return 0;
}
