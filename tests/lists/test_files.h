// Reading fixture files and the shared real lists in tests.
#ifndef VIGIL_TESTS_LISTS_TEST_FILES_H_
#define VIGIL_TESTS_LISTS_TEST_FILES_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "vigil/model/watchlist.h"

namespace vigil {

inline const std::filesystem::path kListTestdata = std::filesystem::path(VIGIL_TESTDATA) / "lists";
inline const std::filesystem::path kSharedLists =
    std::filesystem::path(VIGIL_SHARED_DATA) / "lists";

inline std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The entity with `id`, or nullptr.
inline const Entity* FindEntity(const Watchlist& list, std::string_view id) {
  auto it = std::find_if(list.entities.begin(), list.entities.end(),
                         [&](const Entity& entity) { return entity.id == id; });
  return it == list.entities.end() ? nullptr : &*it;
}

inline bool Has(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace vigil

#endif  // VIGIL_TESTS_LISTS_TEST_FILES_H_
