// How far one transfer may go: the fetch module's own options. The config
// fills them from fetch: (global) and sources[].fetch: (per source); the
// names in the comments are those YAML keys.
#ifndef VIGIL_FETCH_FETCH_LIMITS_H_
#define VIGIL_FETCH_FETCH_LIMITS_H_

#include <chrono>
#include <cstdint>
#include <filesystem>

namespace vigil {

struct FetchLimits {
  std::chrono::milliseconds timeout = std::chrono::seconds(30);          // timeout: whole transfer
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);  // connect_timeout
  uint64_t max_body = 16ull << 20;  // max_body: "16MiB", bytes
  int max_redirects = 5;            // max_redirects
  // block_private_addresses: refuse loopback, private, link-local and
  // metadata addresses, checked after DNS resolution (also on redirects).
  bool block_private_addresses = false;
  std::filesystem::path ca_file;  // ca_file: extra trust anchors (PEM); empty = system store
};

}  // namespace vigil

#endif  // VIGIL_FETCH_FETCH_LIMITS_H_
