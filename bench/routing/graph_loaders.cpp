#include "graph_loaders.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace corsim::bench {

namespace {

[[noreturn]] void fail(const std::string &what, std::size_t line) {
  throw std::runtime_error("line " + std::to_string(line) + ": " + what);
}

} // namespace

CompactGraph load_dimacs_gr(std::istream &in) {
  std::string line;
  std::uint32_t n = 0;
  std::vector<std::uint32_t> tail, head, weight;
  for (std::size_t no = 1; std::getline(in, line); ++no) {
    if (line.empty() || line[0] == 'c')
      continue;
    std::istringstream ls(line);
    char kind = 0;
    ls >> kind;
    if (kind == 'p') {
      std::string sp;
      std::size_t m = 0;
      if (!(ls >> sp >> n >> m) || sp != "sp")
        fail("expected 'p sp n m'", no);
      tail.reserve(m);
      head.reserve(m);
      weight.reserve(m);
    } else if (kind == 'a') {
      std::uint32_t u = 0, v = 0, w = 0;
      if (!(ls >> u >> v >> w) || u == 0 || v == 0 || u > n || v > n)
        fail("bad arc", no);
      tail.push_back(u - 1);
      head.push_back(v - 1);
      weight.push_back(w);
    } else {
      fail("unknown line kind", no);
    }
  }
  return CompactGraph::from_arcs(n, tail, head, weight);
}

CompactGraph load_pace_gr(std::istream &in, const PaceWeights &weights) {
  std::string line;
  std::uint32_t n = 0;
  std::vector<std::uint32_t> tail, head, weight;
  std::mt19937_64 rng(weights.seed);
  std::uniform_int_distribution<std::uint32_t> pick(1,
                                                    std::max<std::uint32_t>(1, weights.max_weight));
  for (std::size_t no = 1; std::getline(in, line); ++no) {
    if (line.empty() || line[0] == 'c')
      continue;
    std::istringstream ls(line);
    if (line[0] == 'p') {
      char p = 0;
      std::string tw;
      std::size_t m = 0;
      if (!(ls >> p >> tw >> n >> m) || tw != "tw")
        fail("expected 'p tw n m'", no);
      tail.reserve(2 * m);
      head.reserve(2 * m);
      weight.reserve(2 * m);
      continue;
    }
    std::uint32_t u = 0, v = 0;
    if (!(ls >> u >> v) || u == 0 || v == 0 || u > n || v > n)
      fail("bad edge", no);
    const std::uint32_t w = weights.unit ? 1 : pick(rng);
    tail.insert(tail.end(), {u - 1, v - 1});
    head.insert(head.end(), {v - 1, u - 1});
    weight.insert(weight.end(), {w, w});
  }
  return CompactGraph::from_arcs(n, tail, head, weight);
}

namespace {

template <class T> std::vector<T> load_raw(const std::string &path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in)
    throw std::runtime_error("cannot open " + path);
  const auto bytes = static_cast<std::size_t>(in.tellg());
  if (bytes % sizeof(T) != 0)
    throw std::runtime_error(path + ": size is not a multiple of " + std::to_string(sizeof(T)));
  std::vector<T> out(bytes / sizeof(T));
  in.seekg(0);
  in.read(reinterpret_cast<char *>(out.data()), static_cast<std::streamsize>(bytes));
  return out; // little-endian host assumed (x86-64, AArch64)
}

} // namespace

std::vector<std::uint32_t> load_uint32_vector(const std::string &path) {
  return load_raw<std::uint32_t>(path);
}

std::vector<float> load_float_vector(const std::string &path) { return load_raw<float>(path); }

CompactGraph load_routingkit(const std::string &prefix, const std::string &weight) {
  return CompactGraph::from_csr(load_uint32_vector(prefix + "first_out"),
                                load_uint32_vector(prefix + "head"),
                                load_uint32_vector(prefix + weight));
}

} // namespace corsim::bench
