// The config and watchlist loaders read files: the fuzz input is written to
// one private temporary file per process and rewritten for every input.
#ifndef VIGIL_FUZZ_TEMP_FILE_H_
#define VIGIL_FUZZ_TEMP_FILE_H_

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace vigil::fuzz {

class TempFile {
 public:
  explicit TempFile(const std::string& name) {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("vigil-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    path_ = dir / name;
  }
  const std::filesystem::path& Write(const uint8_t* data, size_t size) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();  // the harness itself failed, not the loader
    return path_;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace vigil::fuzz

#endif  // VIGIL_FUZZ_TEMP_FILE_H_
