#pragma once
/// \file checksum.hpp
/// FNV-1a, 64 bits: a stable, fast hash of bytes (random stream keys, checksums of kept
/// replications). Not cryptographic: it finds accidents, not forgeries.

#include <cstdint>
#include <string_view>

namespace corsim {

inline constexpr std::uint64_t fnv1a_start = 14695981039346656037ull;

/// The hash of `bytes`, continuing from `h` (so that pieces can be hashed in turn).
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = fnv1a_start) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

} // namespace corsim
