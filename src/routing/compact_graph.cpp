#include "corsim/compact_graph.hpp"

#include "corsim/error.hpp"

#include <algorithm>

namespace corsim {

CompactGraph CompactGraph::from_arcs(std::uint32_t node_count,
                                     const std::vector<std::uint32_t> &tail,
                                     const std::vector<std::uint32_t> &head,
                                     const std::vector<std::uint32_t> &weight) {
  if (tail.size() != head.size() || tail.size() != weight.size())
    throw ApiMisuse("CompactGraph::from_arcs: tail, head and weight differ in size");
  std::vector<std::uint32_t> first_out(std::size_t{node_count} + 1, 0);
  for (std::size_t a = 0; a < tail.size(); ++a) {
    if (tail[a] >= node_count || head[a] >= node_count)
      throw ApiMisuse("CompactGraph::from_arcs: arc endpoint out of range");
    ++first_out[tail[a] + 1];
  }
  for (std::uint32_t v = 0; v < node_count; ++v)
    first_out[v + 1] += first_out[v];
  std::vector<std::uint32_t> next(first_out.begin(), first_out.end() - 1);
  std::vector<std::uint32_t> h(head.size());
  std::vector<std::uint32_t> w(head.size());
  for (std::size_t a = 0; a < tail.size(); ++a) {
    const std::uint32_t slot = next[tail[a]]++;
    h[slot] = head[a];
    w[slot] = weight[a];
  }
  return from_csr(std::move(first_out), std::move(h), std::move(w));
}

CompactGraph CompactGraph::from_csr(std::vector<std::uint32_t> first_out,
                                    std::vector<std::uint32_t> head,
                                    std::vector<std::uint32_t> weight) {
  if (first_out.empty() || first_out.front() != 0 || first_out.back() != head.size() ||
      head.size() != weight.size() || !std::is_sorted(first_out.begin(), first_out.end()))
    throw ApiMisuse("CompactGraph::from_csr: inconsistent arrays");
  const auto n = static_cast<std::uint32_t>(first_out.size() - 1);
  if (std::any_of(head.begin(), head.end(), [n](std::uint32_t v) { return v >= n; }))
    throw ApiMisuse("CompactGraph::from_csr: head out of range");
  CompactGraph g;
  g.first_out_ = std::move(first_out);
  g.head_ = std::move(head);
  g.weight_ = std::move(weight);
  return g;
}

std::size_t CompactGraph::memory_bytes() const {
  return sizeof(std::uint32_t) * (first_out_.capacity() + head_.capacity() + weight_.capacity());
}

/// Per-node state packed in 16 bytes, and a 4-ary heap of keys (distance << 32 | node), so one
/// integer comparison orders by (distance, node index).
struct ShortestPathQuery::State {
  static constexpr std::uint32_t none = 0xffffffffu;
  struct Node {
    std::uint32_t stamp = 0;
    std::uint32_t dist = 0;
    std::uint32_t pred = none;
    std::uint32_t pos = none; ///< index in the heap; none once settled
  };
  std::vector<Node> node;
  std::vector<std::uint64_t> heap;
  std::uint32_t current = 0;
  std::uint32_t source = none;
  std::uint32_t target = none;
  bool found = false;

  static std::uint32_t id(std::uint64_t key) { return static_cast<std::uint32_t>(key); }
  void place(std::size_t i, std::uint64_t key) {
    heap[i] = key;
    node[id(key)].pos = static_cast<std::uint32_t>(i);
  }
  void sift_up(std::size_t i, std::uint64_t key) {
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (heap[parent] <= key)
        break;
      place(i, heap[parent]);
      i = parent;
    }
    place(i, key);
  }
  std::uint64_t pop() {
    const std::uint64_t top = heap.front();
    node[id(top)].pos = none;
    const std::uint64_t last = heap.back();
    heap.pop_back();
    const std::size_t n = heap.size();
    if (n == 0)
      return top;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n)
        break;
      const std::size_t end = std::min(first + 4, n);
      std::size_t best = first;
      for (std::size_t c = first + 1; c < end; ++c)
        if (heap[c] < heap[best])
          best = c;
      if (heap[best] >= last)
        break;
      place(i, heap[best]);
      i = best;
    }
    place(i, last);
    return top;
  }
  void relax(std::uint32_t v, std::uint64_t d, std::uint32_t from) {
    if (d > 0xffffffffull)
      throw ApiMisuse("ShortestPathQuery: a distance exceeds 2^32 - 1");
    Node &s = node[v];
    const std::uint64_t key = d << 32 | v;
    if (s.stamp != current) {
      s = Node{current, static_cast<std::uint32_t>(d), from, none};
      heap.push_back(key);
      sift_up(heap.size() - 1, key);
    } else if (s.pos != none && d < s.dist) {
      s.dist = static_cast<std::uint32_t>(d);
      s.pred = from;
      sift_up(s.pos, key);
    }
  }
};

ShortestPathQuery::ShortestPathQuery(const CompactGraph &graph)
    : graph_(&graph), state_(std::make_unique<State>()) {
  state_->node.resize(graph.node_count());
}

ShortestPathQuery::~ShortestPathQuery() = default;

std::optional<std::uint64_t> ShortestPathQuery::distance(std::uint32_t s, std::uint32_t t) {
  State &st = *state_;
  if (s >= graph_->node_count() || t >= graph_->node_count())
    throw ApiMisuse("ShortestPathQuery: node out of range");
  if (++st.current == 0) {
    for (State::Node &n : st.node)
      n.stamp = 0;
    st.current = 1;
  }
  st.heap.clear();
  st.source = s;
  st.target = t;
  st.found = false;
  const std::uint32_t *first_out = graph_->first_out().data();
  const std::uint32_t *head = graph_->head().data();
  const std::uint32_t *weight = graph_->weight().data();
  st.relax(s, 0, State::none);
  while (!st.heap.empty()) {
    const std::uint64_t key = st.pop();
    const std::uint32_t u = State::id(key);
    const std::uint64_t du = key >> 32;
    if (u == t) {
      st.found = true;
      return du;
    }
    for (std::uint32_t a = first_out[u]; a < first_out[u + 1]; ++a)
      st.relax(head[a], du + weight[a], u);
  }
  return std::nullopt;
}

std::vector<std::uint32_t> ShortestPathQuery::path() const {
  std::vector<std::uint32_t> out;
  if (!state_->found)
    return out;
  for (std::uint32_t v = state_->target; v != State::none; v = state_->node[v].pred)
    out.push_back(v);
  std::reverse(out.begin(), out.end());
  return out;
}

std::size_t ShortestPathQuery::memory_bytes() const {
  return state_->node.capacity() * sizeof(State::Node) +
         state_->heap.capacity() * sizeof(std::uint64_t);
}

} // namespace corsim
