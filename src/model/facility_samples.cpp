// The facilities as the results list them, and one replication's figures of each.
#include "facilities.hpp"

#include <cmath>
#include <limits>

namespace corsim::model::detail {

namespace {
constexpr double none = std::numeric_limits<double>::quiet_NaN(); // no value this replication

double ratio(double a, double b) { return b > 0.0 ? a / b : none; }

double background_share(const Station &st) {
  return st.visits ? static_cast<double>(st.background_visits) / static_cast<double>(st.visits)
                   : none;
}

// Averages over [from, at]: a station's busy share of the unit-hours it offers (a checkpoint
// busy all the nine hours it opens is fully used; so is a post cut to half its lanes and busy
// on all of them), and its queue.
FacSample station_sample(const Station &st, Tick from, Tick at, double per_year) {
  const double span = to_time(at - from);
  const bool limited = st.calendar || (st.cut && !st.cut->empty());
  const double offered = limited ? st.unit_hours(from, at) : st.capacity * span;
  const double util =
      limited ? ratio(st.busy.mean(at) * span, offered) : st.busy.mean(at) / st.capacity;
  return FacSample{util,
                   st.queue.mean(at),
                   st.queue.max(),
                   st.visits ? st.wait.mean() : none,
                   static_cast<double>(st.visits) * per_year,
                   st.delay_teu_hours * per_year,
                   background_share(st),
                   span > 0.0 ? offered / (st.capacity * span) : 1.0,
                   st.teu * per_year};
}

FacSample yard_sample(const YardState &y, Tick at, double per_year) {
  return FacSample{ratio(y.occupancy.mean(at), y.slots),
                   y.blocked_level.mean(at),
                   y.blocked_level.max(),
                   y.visits ? y.wait.mean() : none,
                   static_cast<double>(y.visits) * per_year,
                   y.delay_teu_hours * per_year,
                   none};
}

FacSample wagon_sample(const GaugeYard &g, double pool, Tick at, double per_year) {
  return FacSample{ratio(g.wagons_out.mean(at), pool),
                   g.wagon_queue.mean(at),
                   g.wagon_queue.max(),
                   g.wagon_visits ? g.wagon_wait.mean() : none,
                   static_cast<double>(g.wagon_visits) * per_year,
                   g.wagon_delay_teu_hours * per_year,
                   none};
}
} // namespace

std::vector<model::FacilityResult> facility_catalogue(const Network &net) {
  std::vector<model::FacilityResult> out;
  auto key = [&](NodeIndex n, FacilityKind k, double cap, LinkIndex l = UINT32_MAX) {
    FacilityResult f;
    f.node = n;
    f.kind = k;
    f.capacity = cap;
    f.link = l;
    out.push_back(f);
  };
  for (NodeIndex n = 0; n < net.nodes.size(); ++n) {
    const Node &node = net.nodes[n];
    if (node.handling)
      key(n, FacilityKind::Handling, 1);
    if (node.yard)
      key(n, FacilityKind::Yard, node.yard->slots.value());
    if (node.customs)
      key(n, FacilityKind::Customs, node.customs->lanes);
    if (node.gauge_change) {
      key(n, FacilityKind::GaugeTracks, node.gauge_change->transfer_tracks);
      if (node.gauge_change->wagon_pool > 0)
        key(n, FacilityKind::WagonPool, node.gauge_change->wagon_pool);
    }
    if (node.road_checkpoint)
      key(n, FacilityKind::RoadCheckpoint, node.road_checkpoint->lanes);
    if (node.seaport)
      key(n, FacilityKind::Berths, node.seaport->berths);
  }
  for (LinkIndex l = 0; l < net.links.size(); ++l) {
    const Link &link = net.links[l];
    if (link.capacity.value() > 0.0)
      key(link.from, FacilityKind::LinkPaths, per_day(link.capacity), l);
    if (link.single_track)
      key(link.from, FacilityKind::SingleTrack, 1, l);
  }
  return out;
}

// Paths are used for one headway per entry; the capacity figure is per direction, so the
// utilisation is the busier direction's, of the paths offered under the link's cuts.
FacSample Facilities::paths_sample(const LinkState &l, const Timeline &cut, Tick at,
                                   double per_year) const {
  const double hours_measured = std::max(to_time(at - ctx_.warmup_end), 1e-9);
  const double offered =
      cut.empty() ? hours_measured : cut.mean_factor(ctx_.warmup_end, at) * hours_measured;
  const auto busier = static_cast<double>(std::max(l.entries[0], l.entries[1]));
  return FacSample{ratio(busier * l.headway, offered),
                   l.paths.queue.mean(at),
                   l.paths.queue.max(),
                   l.paths.visits ? l.paths.wait.mean() : none,
                   static_cast<double>(l.paths.visits) * per_year,
                   l.paths.delay_teu_hours * per_year,
                   background_share(l.paths),
                   offered / hours_measured,
                   l.paths.teu * per_year};
}

FacSample Facilities::measure(const FacilityResult &key, Tick at, double per_year) const {
  const NodeState &n = nodes_[key.node];
  switch (key.kind) {
  case FacilityKind::Handling:
    return station_sample(*n.handling, ctx_.warmup_end, at, per_year);
  case FacilityKind::Customs:
    return station_sample(*n.customs, ctx_.warmup_end, at, per_year);
  case FacilityKind::RoadCheckpoint:
    return station_sample(*n.checkpoint, ctx_.warmup_end, at, per_year);
  case FacilityKind::Berths:
    return station_sample(*n.berths, ctx_.warmup_end, at, per_year);
  case FacilityKind::GaugeTracks:
    return station_sample(n.gauge->tracks, ctx_.warmup_end, at, per_year);
  case FacilityKind::SingleTrack:
    return station_sample(*links_[key.link].single, ctx_.warmup_end, at, per_year);
  case FacilityKind::LinkPaths:
    return paths_sample(links_[key.link], ctx_.in.link_cut[key.link], at, per_year);
  case FacilityKind::Yard:
    return yard_sample(*n.yard, at, per_year);
  case FacilityKind::WagonPool:
    return wagon_sample(*n.gauge, key.capacity, at, per_year);
  }
  return FacSample{};
}

// A link's utilisation is that of its tightest limit: train paths or the single track.
LinkSample Facilities::link_sample(LinkIndex l, double per_year) const {
  const LinkState &ls = links_[l];
  const Tick end = ctx_.end;
  double util = none;
  if (ls.headway > 0.0)
    util = paths_sample(ls, ctx_.in.link_cut[l], end, per_year).util;
  if (ls.single)
    util = std::max(std::isnan(util) ? 0.0 : util,
                    station_sample(*ls.single, ctx_.warmup_end, end, per_year).util);
  return LinkSample{ls.teu * per_year, static_cast<double>(ls.vehicles) * per_year, util};
}

} // namespace corsim::model::detail
