// The timetable's earliest-arrival search: a label-setting search over the routing graph's
// vertices, boarding each service's next departure, and the weekly profile built from it.
#include "corsim/timetable.hpp"

#include "corsim/calendar.hpp"
#include "corsim/error.hpp"
#include "search_workspace.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corsim {

namespace {

/// Search state reused by the queries of one thread (no allocation per query once warm;
/// Timetable itself stays immutable and safe to share between threads).
struct TimetableScratch {
  detail::SearchWorkspace<double> heap;
  std::vector<TimetableLeg> pred; ///< per vertex: the ride that reached it
};

TimetableScratch &scratch() {
  thread_local TimetableScratch s;
  return s;
}

} // namespace

/// One earliest-arrival search.
class TimetableSearch {
public:
  TimetableSearch(const Timetable &tt, const TimetableQuery &q)
      : tt_(tt), g_(*tt.graph_), net_(g_.network()), view_(g_, q.filter), q_(q) {
    if (pred_.size() < g_.vertex_count())
      pred_.resize(g_.vertex_count());
  }

  std::optional<Itinerary> run() {
    heap_.start(g_.vertex_count());
    current_ = invalid_index;
    if (view_.node_open(q_.from))
      board_from(q_.from, std::nullopt, q_.ready.value());
    while (!heap_.empty()) {
      const VertexIndex v = heap_.pop();
      if (heap_.dist(v) > limit_)
        break;
      if (g_.node_of(v) == q_.to)
        return itinerary(v);
      current_ = v;
      board_from(g_.node_of(v), g_.port_of(v), heap_.dist(v));
    }
    return std::nullopt;
  }

private:
  /// Dwell from arriving on `from` to leaving on `to` at node n; nullopt if impossible.
  [[nodiscard]] std::optional<double> change(NodeIndex n, std::optional<Port> from, Port to) const {
    if (!from)
      return g_.departure(n, to) == invalid_index ? std::nullopt : std::optional(0.0);
    const VertexIndex u = g_.arrival(n, *from);
    const VertexIndex w = g_.departure(n, to);
    if (u == invalid_index || w == invalid_index)
      return std::nullopt;
    const ArcIndex a = g_.find_arc(u, w);
    if (a == invalid_index || !view_.mode_allowed(mode_of(to)))
      return std::nullopt;
    // Boarding from an arrival is a change of vehicle: on the same port it takes the node's
    // transfer time on top of the through dwell (a change of port has it in its arc).
    return g_.metrics(a).time.value() + (*from == to ? net_.nodes[n].transfer_time.value() : 0.0);
  }
  [[nodiscard]] bool accepts(const Service &s) const {
    return s.cargo.empty() || std::find(s.cargo.begin(), s.cargo.end(), q_.cargo) != s.cargo.end();
  }

  void board_from(NodeIndex n, std::optional<Port> port, double t) {
    for (const Timetable::Stop &stop : tt_.stops_at_[n]) {
      if (!accepts(net_.services[stop.service]))
        continue;
      if (auto choice = boarding_port(n, port, tt_.ports(stop.service, stop.index)))
        ride(stop, choice->second, t + choice->first);
    }
    for (LinkIndex l : tt_.on_demand_)
      drive(l, n, port, t);
  }
  /// (dwell, port) to board a service riding on `ports`: stay on the arriving port where the
  /// service allows it, else the quickest change; nullopt if no change is possible.
  std::optional<std::pair<double, Port>> boarding_port(NodeIndex n, std::optional<Port> port,
                                                       const std::vector<Port> &ports) const {
    if (port && std::find(ports.begin(), ports.end(), *port) != ports.end()) {
      auto d = change(n, port, *port);
      return d ? std::optional(std::pair(*d, *port)) : std::nullopt;
    }
    std::optional<std::pair<double, Port>> best;
    for (Port p : ports)
      if (auto d = change(n, port, p); d && (!best || *d < best->first))
        best = std::pair(*d, p);
    return best;
  }

  /// Moves `dep` on to the first departure from it with room from the stop to stop `alight`
  /// (as FIFO as the departures: the search stays exact); false when none leaves in time.
  bool first_with_room(const Timetable::Stop &stop, std::size_t alight, double &dep) const {
    if (q_.room == nullptr)
      return true;
    const double offset = tt_.departure_offset_[stop.service][stop.index];
    const double jump = q_.room->full_before(stop.service, alight - 1, Hours(dep - offset)).value();
    if (jump > dep - offset) {
      dep = tt_.next_departure(stop.service, stop.index, Hours(jump + offset - 1e-3)).value();
      if (!std::isfinite(dep) || dep > limit_)
        return false;
    }
    while (!q_.room->fits(stop.service, stop.index, alight, Hours(dep - offset))) {
      dep = tt_.next_departure(stop.service, stop.index, Hours(dep + 1e-3)).value();
      if (!std::isfinite(dep) || dep > limit_)
        return false;
    }
    return true;
  }

  void ride(const Timetable::Stop &stop, Port port, double ready) {
    const Service &s = net_.services[stop.service];
    double dep = tt_.next_departure(stop.service, stop.index, Hours(ready)).value();
    if (!std::isfinite(dep))
      return;
    double cost = s.tariff.value();
    double co2 = 0.0;
    for (std::size_t j = stop.index + 1; j < s.route.size(); ++j) {
      const Link &l = net_.links[s.legs[j - 1]];
      if (!view_.link_open(s.legs[j - 1]) || !view_.node_open(s.route[j]) ||
          !view_.mode_allowed(l.mode))
        return;
      if (!first_with_room(stop, j, dep))
        return;
      port = port_after(l, port);
      cost += l.cost.value();
      co2 += co2_per_teu(l, net_.settings).value();
      const double start = dep - tt_.departure_offset_[stop.service][stop.index];
      const double arr = start + tt_.arrival_offset_[stop.service][j];
      TimetableLeg leg{false,      stop.service, invalid_index, s.route[stop.index],
                       s.route[j], port,         Hours(ready),  Hours(dep),
                       Hours(arr), Usd(cost),    Tonnes(co2)};
      offer(g_.arrival(s.route[j], port), leg);
    }
  }

  void drive(LinkIndex li, NodeIndex n, std::optional<Port> port, double t) {
    const Link &l = net_.links[li];
    if ((l.from != n && (l.oneway || l.to != n)) || !view_.link_open(li))
      return;
    const NodeIndex to = l.from == n ? l.to : l.from;
    const auto d = change(n, port, Port::Road);
    if (!d || !view_.node_open(to) || !view_.mode_allowed(Mode::Road))
      return;
    const double ready = t + *d;
    TimetableLeg leg{true,
                     invalid_index,
                     li,
                     n,
                     to,
                     Port::Road,
                     Hours(ready),
                     Hours(ready),
                     Hours(ready) + tt_.running_time(l),
                     l.cost,
                     co2_per_teu(l, net_.settings)};
    offer(g_.arrival(to, Port::Road), leg);
  }

  void offer(VertexIndex v, const TimetableLeg &leg) {
    if (v == invalid_index || g_.node_of(v) == q_.from)
      return; // never back to the origin
    const double before = heap_.dist(v);
    heap_.relax(v, leg.arrival.value(), current_);
    if (heap_.dist(v) < before)
      pred_[v] = leg;
  }

  Itinerary itinerary(VertexIndex v) const {
    Itinerary it;
    it.ready = q_.ready;
    it.arrival = Hours(heap_.dist(v));
    for (; v != invalid_index; v = heap_.pred(v)) {
      it.legs.push_back(pred_[v]);
      it.cost += pred_[v].cost;
      it.co2 += pred_[v].co2;
    }
    std::reverse(it.legs.begin(), it.legs.end());
    return it;
  }

  const Timetable &tt_;
  const RoutingGraph &g_;
  const Network &net_;
  RoutingView view_;
  const TimetableQuery &q_;
  const double limit_ = q_.ready.value() + q_.horizon.value(); ///< latest arrival considered
  detail::SearchWorkspace<double> &heap_ = scratch().heap;
  std::vector<TimetableLeg> &pred_ = scratch().pred;
  VertexIndex current_ = invalid_index; ///< vertex being expanded (invalid at the origin)
};

std::optional<Itinerary> Timetable::earliest_arrival(const TimetableQuery &q) const {
  const std::size_t n = graph_->network().nodes.size();
  if (q.from >= n || q.to >= n)
    throw ApiMisuse("TimetableQuery: node index out of range");
  if (q.from == q.to)
    return Itinerary{q.ready, q.ready, {}, Usd(0.0), Tonnes(0.0)};
  TimetableSearch search(*this, q);
  return search.run();
}

std::vector<ProfilePoint> Timetable::weekly_profile(const TimetableQuery &q, Hours step) const {
  if (step.value() <= 0.0)
    throw ApiMisuse("weekly_profile: step must be positive");
  std::vector<ProfilePoint> out;
  TimetableQuery at = q;
  for (double t = 0.0; t < hours_per_week; t += step.value()) {
    at.ready = q.ready + Hours(t);
    auto it = earliest_arrival(at);
    out.push_back(ProfilePoint{at.ready, it ? std::optional(it->arrival) : std::nullopt});
  }
  return out;
}

} // namespace corsim
