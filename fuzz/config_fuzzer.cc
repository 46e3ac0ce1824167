// LoadConfig over arbitrary YAML: it must return a config or errors, never
// crash or throw, and every error line must carry file:line:col.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "temp_file.h"
#include "vigil/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vigil::fuzz::TempFile file("vigil.yaml");
  const std::filesystem::path& path = file.Write(data, size);
  vigil::Result<vigil::Config> config = vigil::LoadConfig(path);
  if (config.ok()) return 0;
  std::istringstream lines(config.status().message());
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(path.string() + ":", 0) != 0) {  // not file:line:col
      fprintf(stderr, "error line without file:line:col: %s\n", line.c_str());
      std::abort();
    }
  }
  return 0;
}
