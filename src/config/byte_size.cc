#include "byte_size.h"

#include <array>
#include <cctype>
#include <utility>

namespace vigil {

namespace {

constexpr std::array<std::pair<std::string_view, uint64_t>, 7> kUnits = {{
    {"B", 1},
    {"KB", 1000},
    {"MB", 1000 * 1000},
    {"GB", 1000 * 1000 * 1000},
    {"KiB", 1ull << 10},
    {"MiB", 1ull << 20},
    {"GiB", 1ull << 30},
}};

}  // namespace

std::optional<uint64_t> ParseByteSize(std::string_view text) {
  size_t i = 0;
  uint64_t number = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    uint64_t digit = static_cast<uint64_t>(text[i] - '0');
    if (number > (UINT64_MAX - digit) / 10) return std::nullopt;
    number = number * 10 + digit;
    ++i;
  }
  if (i == 0) return std::nullopt;
  std::string_view unit = text.substr(i);
  if (unit.starts_with(' ')) unit.remove_prefix(1);
  if (unit.empty()) {
    // "16 " is a typo, not a size.
    return i == text.size() ? std::optional<uint64_t>(number) : std::nullopt;
  }
  for (const auto& [name, factor] : kUnits) {
    if (unit != name) continue;
    if (number > UINT64_MAX / factor) return std::nullopt;
    return number * factor;
  }
  return std::nullopt;
}

}  // namespace vigil
