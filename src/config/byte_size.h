// Byte sizes as written in the config ("16MiB", "512KiB", "1GB", "1000000").
#ifndef VIGIL_SRC_CONFIG_BYTE_SIZE_H_
#define VIGIL_SRC_CONFIG_BYTE_SIZE_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace vigil {

// Parses a whole number followed by an optional unit: B, KB/MB/GB (powers of
// 1000) or KiB/MiB/GiB (powers of 1024); no unit means bytes. One space may
// separate number and unit. Units are case-sensitive so that "mb" (millibit?)
// is not silently read as megabytes. Returns nullopt when malformed or when
// the result does not fit in 64 bits.
std::optional<uint64_t> ParseByteSize(std::string_view text);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_BYTE_SIZE_H_
