#pragma once
/// \file id.hpp
/// Indices that know what they index. A NodeIndex is a position in Network::nodes, a LinkIndex
/// in Network::links, a ServiceIndex in Network::services (the model appends its on-demand
/// trucks), a FlowIndex in Network::demand. Each converts to an integer, to index its vector,
/// and is made from one; one kind never becomes another by itself: passing a LinkIndex where a
/// NodeIndex is expected, or assigning one to the other, does not compile (it would take two
/// user-defined conversions), only an explicit `NodeIndex(link)` does.

#include <cstdint>
#include <functional>

namespace corsim {

template <class Tag> class Index {
public:
  constexpr Index() = default;
  constexpr Index(std::uint32_t position) : value_(position) {} // NOLINT: from a position
  constexpr operator std::uint32_t() const { return value_; }   // NOLINT: to index a vector
  [[nodiscard]] constexpr std::uint32_t value() const { return value_; }
  constexpr Index &operator++() {
    ++value_;
    return *this;
  }
  constexpr Index operator++(int) {
    Index before = *this;
    ++value_;
    return before;
  }

private:
  std::uint32_t value_ = 0;
};

struct NodeTag;
struct LinkTag;
struct ServiceTag;
struct FlowTag;
using NodeIndex = Index<NodeTag>;       ///< position in Network::nodes
using LinkIndex = Index<LinkTag>;       ///< position in Network::links
using ServiceIndex = Index<ServiceTag>; ///< position in Network::services (then on-demand trucks)
using FlowIndex = Index<FlowTag>;       ///< position in Network::demand

} // namespace corsim

template <class Tag> struct std::hash<corsim::Index<Tag>> {
  std::size_t operator()(corsim::Index<Tag> i) const noexcept {
    return std::hash<std::uint32_t>{}(i.value());
  }
};
