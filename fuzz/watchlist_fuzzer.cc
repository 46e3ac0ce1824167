// LoadWatchlist over arbitrary bytes in every list format: a list or
// errors, never a crash or an uncaught exception.
#include <cstddef>
#include <cstdint>

#include "temp_file.h"
#include "vigil/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr const char* kFormats[] = {"vigil-yaml",        "ofac-sdn-csv", "un-xml",
                                             "opensanctions-ftm", "opensanctions-csv",
                                             "uk-csv",            "eu-csv"};
  static vigil::fuzz::TempFile file("list");
  vigil::WatchlistConfig list;
  list.id = "fuzz";
  list.format = kFormats[data[0] % 7];
  list.path = file.Write(data + 1, size - 1);
  (void)vigil::LoadWatchlist(list);
  return 0;
}
