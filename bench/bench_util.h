// Helpers shared by the C++ benchmark programs: reading the inputs, cutting
// the corpus into articles, and the clocks and memory figures every tool
// reports the same way.
#ifndef VIGIL_BENCH_BENCH_UTIL_H_
#define VIGIL_BENCH_BENCH_UTIL_H_

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::bench {

// The whole file, or an empty string with a message on stderr.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return {};
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Non-empty lines, without their "\r\n" or "\n".
inline std::vector<std::string> ReadLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
  }
  return lines;
}

// The corpus separates articles by a blank line; every tool scans article by
// article, as the daemon scans document by document. The separators are not
// part of any article (and are not counted in the bytes scanned).
inline std::vector<std::string_view> SplitArticles(std::string_view corpus) {
  std::vector<std::string_view> articles;
  size_t pos = 0;
  while (pos < corpus.size()) {
    size_t end = corpus.find("\n\n", pos);
    if (end == std::string_view::npos) end = corpus.size();
    if (end > pos) articles.push_back(corpus.substr(pos, end - pos));
    pos = end + 2;
  }
  return articles;
}

inline size_t TotalBytes(const std::vector<std::string_view>& articles) {
  size_t n = 0;
  for (std::string_view a : articles) n += a.size();
  return n;
}

// Resident set size now, from /proc/self/statm.
inline double CurrentRssMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * sysconf(_SC_PAGESIZE) / 1e6;
}

// Peak resident set size of the process so far.
inline double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024 / 1e6;  // ru_maxrss is KiB
}

// Process CPU time: on a shared machine it moves less with the load than the
// wall clock, so all tools' figures are CPU seconds (wall is reported too).
inline double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

inline double WallSeconds() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// ASCII letters, digits and any byte of a multi-byte UTF-8 character count as
// word characters, for the whole-word hit counts of the literal matchers.
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The median of a non-empty `v` (the upper one of an even count).
inline double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Paired rounds' ratios as JSON fields: "ratio" (the median), "ratio_min"
// and "ratio_max". `ratios` must not be empty.
inline std::string RatioFields(const std::vector<double>& ratios) {
  char out[128];
  std::snprintf(out, sizeof(out), "\"ratio\": %.3f, \"ratio_min\": %.3f, \"ratio_max\": %.3f",
                Median(ratios), *std::min_element(ratios.begin(), ratios.end()),
                *std::max_element(ratios.begin(), ratios.end()));
  return out;
}

}  // namespace vigil::bench

#endif  // VIGIL_BENCH_BENCH_UTIL_H_
