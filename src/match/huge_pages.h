// Memory for the matcher's big tables.
#ifndef VIGIL_SRC_MATCH_HUGE_PAGES_H_
#define VIGIL_SRC_MATCH_HUGE_PAGES_H_

#include <cstddef>

namespace vigil {

// `bytes` of memory, released by FreeHuge(p, bytes). A table of 2 MB or
// more is a fresh mapping, 2 MB aligned and advised to the kernel for huge
// pages before it is touched (heap memory that was touched before stays in
// small pages); smaller ones come from malloc().
void* AllocateHuge(size_t bytes);
void FreeHuge(void* p, size_t bytes);

// Memory for a big table that is read at random: on transparent huge
// pages where the kernel offers them (madvise mode), so that reading it
// does not also miss the TLB on every access.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}  // NOLINT: allocators convert
  T* allocate(size_t n) { return static_cast<T*>(AllocateHuge(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeHuge(p, n * sizeof(T)); }
  bool operator==(const HugePageAllocator&) const { return true; }
};

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_HUGE_PAGES_H_
