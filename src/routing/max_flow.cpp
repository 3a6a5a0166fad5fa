/// Max-flow bound by Boost.Graph's push-relabel, and the minimum cut read from the residual
/// graph (vertices reachable from the origin).

#include "corsim/error.hpp"
#include "corsim/flow.hpp"
#include "flow_network.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include <deque>

namespace corsim {

using namespace detail;

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, long long,
        boost::property<boost::edge_residual_capacity_t, long long,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;
using Edge = Traits::edge_descriptor;

Edge add_arc(FlowGraph &g, std::size_t u, std::size_t v, long long cap) {
  const Edge e = boost::add_edge(u, v, g).first;
  const Edge r = boost::add_edge(v, u, g).first;
  boost::put(boost::edge_capacity, g, e, cap);
  boost::put(boost::edge_capacity, g, r, 0LL);
  boost::put(boost::edge_reverse, g, e, r);
  boost::put(boost::edge_reverse, g, r, e);
  return e;
}

/// Vertices reachable from s through arcs with residual capacity.
std::vector<bool> source_side(const FlowGraph &g, std::size_t s) {
  std::vector<bool> seen(boost::num_vertices(g), false);
  std::deque<std::size_t> queue{s};
  seen[s] = true;
  while (!queue.empty()) {
    const std::size_t u = queue.front();
    queue.pop_front();
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const std::size_t v = boost::target(*it, g);
      if (!seen[v] && boost::get(boost::edge_residual_capacity, g, *it) > 0) {
        seen[v] = true;
        queue.push_back(v);
      }
    }
  }
  return seen;
}

CutElement cut_element(const Network &net, const FlowArc &a) {
  CutElement c;
  c.capacity = TeuPerYear(static_cast<double>(a.capacity));
  if (a.link == invalid_index) {
    c.is_link = false;
    c.node = c.from = c.to = a.node;
    c.name = net.nodes[a.node].name + " (" + to_string(net.nodes[a.node].kind) + " facilities)";
    return c;
  }
  const Link &l = net.links[a.link];
  c.link = a.link;
  c.from = a.from / 2;
  c.to = a.to / 2;
  c.name = l.id + " " + net.nodes[c.from].name + " -> " + net.nodes[c.to].name + " (" +
           to_string(l.mode) + ")";
  return c;
}

} // namespace

MaxFlowResult max_flow(const Network &net, NodeIndex from, const std::vector<NodeIndex> &to,
                       const FlowOptions &options) {
  if (from >= net.nodes.size())
    throw ApiMisuse("max_flow: origin index out of range");
  const FlowNetwork fn = build_flow_network(net, options);
  const std::size_t sink = fn.vertex_count;
  FlowGraph g(fn.vertex_count + 1);
  std::vector<Edge> edges;
  for (const FlowArc &a : fn.arcs)
    edges.push_back(add_arc(g, a.from, a.to, a.capacity));
  for (NodeIndex t : to) {
    if (t >= net.nodes.size())
      throw ApiMisuse("max_flow: destination index out of range");
    if (t != from)
      add_arc(g, inlet(t), sink, unlimited_teu);
  }
  MaxFlowResult r;
  const long long value = boost::push_relabel_max_flow(g, outlet(from), sink);
  r.value = TeuPerYear(static_cast<double>(value));
  r.unbounded = value >= unlimited_teu;
  r.link_flow.assign(net.links.size(), TeuPerYear(0.0));
  const std::vector<bool> s_side = source_side(g, outlet(from));
  for (std::size_t i = 0; i < fn.arcs.size(); ++i) {
    const FlowArc &a = fn.arcs[i];
    const long long residual = boost::get(boost::edge_residual_capacity, g, edges[i]);
    if (a.link != invalid_index)
      r.link_flow[a.link] += TeuPerYear(static_cast<double>(a.capacity - residual));
    if (s_side[a.from] && !s_side[a.to] && a.capacity > 0)
      r.min_cut.push_back(cut_element(net, a));
  }
  return r;
}

} // namespace corsim
