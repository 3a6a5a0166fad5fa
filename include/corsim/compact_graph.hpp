#pragma once
/// \file compact_graph.hpp
/// A static weighted digraph in compressed sparse row form (RoutingKit style: first_out, head,
/// weight) and a point-to-point Dijkstra query on it that reuses its workspace between queries
/// (no O(V) reset) and stops at the target. Used for large road graphs (benchmarks) and as the
/// search kernel's reference. Weights are unsigned integers in the caller's unit (e.g. ms).

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace corsim {

class CompactGraph {
public:
  CompactGraph() = default;
  /// Builds from arcs given as parallel vectors; arcs are ordered by (tail, input order).
  /// Throws ApiMisuse when sizes differ or an endpoint is >= node_count.
  static CompactGraph from_arcs(std::uint32_t node_count, const std::vector<std::uint32_t> &tail,
                                const std::vector<std::uint32_t> &head,
                                const std::vector<std::uint32_t> &weight);
  /// Takes CSR arrays as they are (first_out has node_count + 1 entries).
  /// Throws ApiMisuse when they are inconsistent.
  static CompactGraph from_csr(std::vector<std::uint32_t> first_out,
                               std::vector<std::uint32_t> head, std::vector<std::uint32_t> weight);

  [[nodiscard]] std::uint32_t node_count() const {
    return first_out_.empty() ? 0 : static_cast<std::uint32_t>(first_out_.size() - 1);
  }
  [[nodiscard]] std::uint32_t arc_count() const { return static_cast<std::uint32_t>(head_.size()); }
  [[nodiscard]] const std::vector<std::uint32_t> &first_out() const { return first_out_; }
  [[nodiscard]] const std::vector<std::uint32_t> &head() const { return head_; }
  [[nodiscard]] const std::vector<std::uint32_t> &weight() const { return weight_; }
  /// Bytes held by the graph arrays.
  [[nodiscard]] std::size_t memory_bytes() const;

private:
  std::vector<std::uint32_t> first_out_;
  std::vector<std::uint32_t> head_;
  std::vector<std::uint32_t> weight_;
};

/// Point-to-point shortest paths on a CompactGraph. Keeps per-node state across queries (a
/// timestamp marks the current query), so a query costs only what it explores. Ties settle in
/// (distance, node index) order. Not thread-safe: one per thread.
class ShortestPathQuery {
public:
  explicit ShortestPathQuery(const CompactGraph &graph);
  ~ShortestPathQuery();
  ShortestPathQuery(const ShortestPathQuery &) = delete;
  ShortestPathQuery &operator=(const ShortestPathQuery &) = delete;

  /// Shortest distance from s to t (sum of weights), nullopt if t is unreachable.
  /// Throws ApiMisuse for nodes out of range or a distance above 2^32 - 1.
  std::optional<std::uint64_t> distance(std::uint32_t s, std::uint32_t t);
  /// The nodes of the path found by the last distance() call, s first; empty if none.
  [[nodiscard]] std::vector<std::uint32_t> path() const;
  /// Bytes held by the per-node workspace.
  [[nodiscard]] std::size_t memory_bytes() const;

private:
  struct State;
  const CompactGraph *graph_;
  std::unique_ptr<State> state_;
};

} // namespace corsim
