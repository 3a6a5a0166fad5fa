#pragma once
/// \file search_workspace.hpp
/// Internal: the state of a Dijkstra search that is reused across queries without an O(V)
/// reset (a per-vertex timestamp marks which entries belong to the current query), with a
/// 4-ary indexed heap ordered by (distance, vertex index) so that ties settle deterministically.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace corsim::detail {

template <class Dist> class SearchWorkspace {
public:
  static constexpr std::uint32_t none = 0xffffffffu;

  /// Starts a new query over `n` vertices. O(1) except when n grows or the stamp wraps.
  void start(std::size_t n) {
    if (stamp_.size() < n) {
      stamp_.resize(n, 0);
      dist_.resize(n);
      pred_.resize(n);
      pos_.resize(n);
    }
    heap_.clear();
    if (++current_ == 0) {
      std::fill(stamp_.begin(), stamp_.end(), 0u);
      current_ = 1;
    }
  }
  [[nodiscard]] bool reached(std::uint32_t v) const { return stamp_[v] == current_; }
  [[nodiscard]] Dist dist(std::uint32_t v) const {
    return reached(v) ? dist_[v] : std::numeric_limits<Dist>::max();
  }
  [[nodiscard]] std::uint32_t pred(std::uint32_t v) const { return pred_[v]; }
  [[nodiscard]] bool settled(std::uint32_t v) const { return reached(v) && pos_[v] == none; }
  [[nodiscard]] bool empty() const { return heap_.empty(); }

  /// Offers distance d to v via arc `pred`; keeps it only if strictly better.
  void relax(std::uint32_t v, Dist d, std::uint32_t pred) {
    if (!reached(v)) {
      stamp_[v] = current_;
      dist_[v] = d;
      pred_[v] = pred;
      pos_[v] = static_cast<std::uint32_t>(heap_.size());
      heap_.push_back(v);
      sift_up(pos_[v]);
    } else if (d < dist_[v] && pos_[v] != none) {
      dist_[v] = d;
      pred_[v] = pred;
      sift_up(pos_[v]);
    }
  }
  /// Removes and returns the vertex of smallest (distance, index); it is then settled.
  std::uint32_t pop() {
    const std::uint32_t top = heap_.front();
    pos_[top] = none;
    const std::uint32_t last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_[0] = last;
      pos_[last] = 0;
      sift_down(0);
    }
    return top;
  }

private:
  [[nodiscard]] bool less(std::uint32_t a, std::uint32_t b) const {
    return dist_[a] < dist_[b] || (dist_[a] == dist_[b] && a < b);
  }
  void place(std::size_t i, std::uint32_t v) {
    heap_[i] = v;
    pos_[v] = static_cast<std::uint32_t>(i);
  }
  void sift_up(std::size_t i) {
    const std::uint32_t v = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / 4;
      if (!less(v, heap_[parent]))
        break;
      place(i, heap_[parent]);
      i = parent;
    }
    place(i, v);
  }
  void sift_down(std::size_t i) {
    const std::uint32_t v = heap_[i];
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first = 4 * i + 1;
      if (first >= n)
        break;
      std::size_t best = first;
      const std::size_t end = first + 4 < n ? first + 4 : n;
      for (std::size_t c = first + 1; c < end; ++c)
        if (less(heap_[c], heap_[best]))
          best = c;
      if (!less(heap_[best], v))
        break;
      place(i, heap_[best]);
      i = best;
    }
    place(i, v);
  }

  std::vector<std::uint32_t> stamp_;
  std::vector<Dist> dist_;
  std::vector<std::uint32_t> pred_;
  std::vector<std::uint32_t> pos_;
  std::vector<std::uint32_t> heap_;
  std::uint32_t current_ = 0;
};

} // namespace corsim::detail
