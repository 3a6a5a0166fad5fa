// Disruptions as the model sees them: a capacity factor over time per node, link and service
// (closures are factor 0), and weather windows per link.
#include "inputs.hpp"

#include <algorithm>
#include <cmath>

namespace corsim::model::detail {

// Breakpoints of the product of the cuts' factors, merged where the factor does not change.
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

CutTimelines announced_timelines(const std::vector<Cut> &all, Tick now, std::size_t nodes,
                                 std::size_t links, std::size_t services) {
  std::vector<std::vector<Cut>> by[3] = {std::vector<std::vector<Cut>>(nodes),
                                         std::vector<std::vector<Cut>>(links),
                                         std::vector<std::vector<Cut>>(services)};
  for (const Cut &c : all)
    if (c.announced <= now)
      by[static_cast<int>(c.target)][c.index].push_back(c);
  CutTimelines out;
  std::vector<Timeline> *lists[3] = {&out.node, &out.link, &out.service};
  for (int k = 0; k < 3; ++k)
    for (const auto &cuts : by[k])
      lists[k]->push_back(make_timeline(cuts));
  return out;
}

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

bool Timeline::closes_in(Tick from, Tick to) const {
  for (std::size_t i = 0; i < at.size(); ++i)
    if (at[i] > from && at[i] < to && !(factor[i] > 0.0))
      return true;
  return false;
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
  in.link_weather.assign(net.links.size(), {});
  in.cuts.clear();
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
      const Hours announced = w.start - dis.notice;
      in.cuts.push_back(
          {dis.target, dis.index, start, end, f, announced > Hours(0.0) ? to_ticks(announced) : 0});
    }
  }
  std::stable_sort(in.cuts.begin(), in.cuts.end(),
                   [](const Cut &a, const Cut &b) { return a.announced < b.announced; });
  CutTimelines all = announced_timelines(in.cuts, tick_max, net.nodes.size(), net.links.size(),
                                         in.services.size());
  in.node_cut = std::move(all.node);
  in.link_cut = std::move(all.link);
  in.service_cut = std::move(all.service);
}

} // namespace corsim::model::detail
