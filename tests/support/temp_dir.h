// A scratch folder for tests, removed with everything in it.
#ifndef VIGIL_TESTS_SUPPORT_TEMP_DIR_H_
#define VIGIL_TESTS_SUPPORT_TEMP_DIR_H_

#include <filesystem>
#include <string_view>

// In namespace vigil, not vigil::testing as the other helpers here: most
// tests live in namespace vigil and name gtest's namespace plain `testing::`,
// which a vigil::testing they can see would hide.
namespace vigil {

// A fresh, uniquely named folder under the system temp dir
// ("vigil-<prefix>-XXXXXX"), created by the constructor (which throws
// std::runtime_error if it cannot) and removed recursively by the
// destructor unless Keep() was called. Not thread-safe; one owner.
class TempDir {
 public:
  explicit TempDir(std::string_view prefix = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;  // owns the folder
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // path() / name.
  std::filesystem::path operator/(const std::filesystem::path& name) const { return path_ / name; }

  // Writes `text` to `name` (creating parent folders); returns its path.
  std::filesystem::path Write(std::string_view name, std::string_view text) const;

  // Leaves the folder in place when this object goes (for inspection after a
  // failure).
  void Keep() { keep_ = true; }

 private:
  std::filesystem::path path_;
  bool keep_ = false;
};

}  // namespace vigil

#endif  // VIGIL_TESTS_SUPPORT_TEMP_DIR_H_
