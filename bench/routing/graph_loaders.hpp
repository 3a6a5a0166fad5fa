#pragma once
/// \file graph_loaders.hpp
/// Benchmark input readers: DIMACS shortest-path `.gr` ("p sp n m", "a u v w"), PACE 2016
/// `.gr` ("p tw n m", "u v"; undirected, weights unit or seeded random) and RoutingKit raw
/// little-endian vectors (first_out, head, weight). Node ids in the text formats are 1-based.
/// Bench code only: the corsim libraries do no file I/O.

#include "corsim/compact_graph.hpp"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace corsim::bench {

/// Reads a DIMACS 9th challenge `.gr` file (directed, weighted). Throws std::runtime_error.
CompactGraph load_dimacs_gr(std::istream &in);

/// How PACE `.gr` edges (which carry no weight) are weighted.
struct PaceWeights {
  bool unit = true;                ///< every arc weighs 1
  std::uint32_t max_weight = 1000; ///< otherwise uniform in [1, max_weight] ...
  std::uint64_t seed = 1;          ///< ... from a std::mt19937_64 with this seed, per edge
};
/// Reads a PACE 2016 `.gr` file; each undirected edge gives two arcs of the same weight.
CompactGraph load_pace_gr(std::istream &in, const PaceWeights &weights = {});

/// Reads a raw vector of little-endian uint32 (RoutingKit's format).
std::vector<std::uint32_t> load_uint32_vector(const std::string &path);
/// Reads a raw vector of little-endian float32.
std::vector<float> load_float_vector(const std::string &path);
/// Reads RoutingKit `<prefix>first_out`, `<prefix>head` and `<prefix><weight>`.
CompactGraph load_routingkit(const std::string &prefix, const std::string &weight);

} // namespace corsim::bench
