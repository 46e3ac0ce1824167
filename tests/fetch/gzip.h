// Test-only gzip encoder over zlib, for serving Content-Encoding: gzip.
#ifndef VIGIL_TESTS_FETCH_GZIP_H_
#define VIGIL_TESTS_FETCH_GZIP_H_

#include <zlib.h>

#include <stdexcept>
#include <string>

namespace vigil::testing {

// gzip of `size` copies of `fill`, built chunk by chunk so a 100 MB bomb
// never sits in memory uncompressed.
inline std::string GzipRepeated(char fill, size_t size) {
  z_stream z{};
  // 15 window bits + 16: gzip wrapper rather than zlib's.
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string in(1 << 20, fill);
  std::string out;
  char buffer[1 << 16];
  size_t left = size;
  int flush = Z_NO_FLUSH;
  do {
    size_t n = std::min(left, in.size());
    left -= n;
    flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
    z.next_in = reinterpret_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(n);
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof(buffer);
      deflate(&z, flush);
      out.append(buffer, sizeof(buffer) - z.avail_out);
    } while (z.avail_out == 0);
  } while (flush != Z_FINISH);
  deflateEnd(&z);
  return out;
}

inline std::string Gzip(const std::string& text) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate failed");
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace vigil::testing

#endif  // VIGIL_TESTS_FETCH_GZIP_H_
