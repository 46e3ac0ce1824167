#include "huge_pages.h"

#include <sys/mman.h>

#include <new>

namespace vigil {

void* AllocateHuge(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (bytes < kHuge) {
    void* p = std::malloc(bytes == 0 ? 1 : bytes);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (p == nullptr) throw std::bad_alloc();
  // Advice only: without huge pages the table works the same, slower.
  madvise(p, rounded, MADV_HUGEPAGE);
  return p;
}

}  // namespace vigil
