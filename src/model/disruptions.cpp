// Disruptions as the model sees them: a capacity factor over time per node, link and service
// (closures are factor 0), and weather windows per link.
#include "inputs.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model::detail {

namespace {

struct Cut {
  Tick start;
  Tick end;
  double factor;
};

/// Breakpoints of the product of the cuts' factors, merged where the factor does not change.
Timeline make_timeline(const std::vector<Cut> &cuts) {
  std::vector<Tick> points;
  for (const Cut &c : cuts) {
    points.push_back(c.start);
    points.push_back(c.end);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  Timeline tl;
  double last = 1.0;
  for (Tick p : points) {
    double f = 1.0;
    for (const Cut &c : cuts)
      if (c.start <= p && p < c.end)
        f *= c.factor;
    if (f != last) {
      tl.at.push_back(p);
      tl.factor.push_back(f);
      last = f;
    }
  }
  return tl;
}

} // namespace

double Timeline::factor_at(Tick t) const {
  const auto it = std::upper_bound(at.begin(), at.end(), t);
  return it == at.begin() ? 1.0 : factor[static_cast<std::size_t>(it - at.begin()) - 1];
}

Tick Timeline::open_at(Tick t) const {
  auto i = static_cast<std::size_t>(std::upper_bound(at.begin(), at.end(), t) - at.begin());
  if (i == 0 || factor[i - 1] > 0.0)
    return t;
  while (i < at.size() && !(factor[i] > 0.0))
    ++i;
  return i < at.size() ? at[i] : tick_max;
}

double Timeline::mean_factor(Tick from, Tick to) const {
  if (to <= from)
    return 1.0;
  double sum = 0.0;
  for_each_stretch(from, to,
                   [&](Tick a, Tick b, double f) { sum += f * static_cast<double>(b - a); });
  return sum / static_cast<double>(to - from);
}

void add_disruptions(ModelInputs &in, Hours until) {
  const Network &net = *in.net;
  std::vector<std::vector<Cut>> nodes(net.nodes.size()), links(net.links.size()),
      services(in.services.size());
  in.link_weather.assign(net.links.size(), {});
  for (std::uint32_t d = 0; d < net.disruptions.size(); ++d) {
    const Disruption &dis = net.disruptions[d];
    for (const TimeWindow &w : dis.occurrences(until)) {
      const Tick start = std::max<Tick>(0, to_ticks(w.start));
      const Tick end = to_ticks(w.end);
      if (dis.kind == DisruptionKind::Weather) {
        for (LinkIndex l = 0; l < net.links.size(); ++l) {
          const bool hit = dis.target == DisruptionTarget::Link
                               ? l == dis.index
                               : static_cast<std::uint32_t>(net.links[l].mode) == dis.index;
          if (hit)
            in.link_weather[l].push_back({start, end, d});
        }
        continue;
      }
      const double f = dis.kind == DisruptionKind::Closure ? 0.0 : dis.factor;
      auto &list = dis.target == DisruptionTarget::Node   ? nodes[dis.index]
                   : dis.target == DisruptionTarget::Link ? links[dis.index]
                                                          : services[dis.index];
      list.push_back({start, end, f});
    }
  }
  auto timelines = [](const std::vector<std::vector<Cut>> &cuts) {
    std::vector<Timeline> out;
    for (const auto &c : cuts)
      out.push_back(make_timeline(c));
    return out;
  };
  in.node_cut = timelines(nodes);
  in.link_cut = timelines(links);
  in.service_cut = timelines(services);
}

} // namespace corsim::model::detail
