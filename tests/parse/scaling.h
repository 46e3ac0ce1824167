// Guards against quadratic blow-ups without wall-clock limits, which break
// under sanitizers, debug builds and loaded machines: the cost of an input
// four times larger must grow about four times, not sixteen.
#ifndef VIGIL_TESTS_PARSE_SCALING_H_
#define VIGIL_TESTS_PARSE_SCALING_H_

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>

namespace vigil {

// Seconds of the fastest of `runs` calls of `work(size)`.
inline double FastestSeconds(const std::function<void(size_t)>& work, size_t size, int runs) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    work(size);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                                        start)
                              .count());
  }
  return best;
}

// time(4 * size) / time(size): about 4 when linear, about 16 when quadratic.
inline double ScalingRatio(const std::function<void(size_t)>& work, size_t size) {
  double small = FastestSeconds(work, size, 3);
  double large = FastestSeconds(work, 4 * size, 1);
  return large / std::max(small, 1e-4);
}

// Below this a parse is taken to be linear; quadratic gives about 16.
inline constexpr double kMaxLinearRatio = 9.0;

}  // namespace vigil

#endif  // VIGIL_TESTS_PARSE_SCALING_H_
