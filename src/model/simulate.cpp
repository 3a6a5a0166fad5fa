// simulate(): inputs shared by the replications, the replications, and names for output.
#include "corsim/model/simulation.hpp"

#include "corsim/error.hpp"
#include "corsim/router.hpp"
#include "corsim/routing_graph.hpp"
#include "corsim/suggest.hpp"
#include "replication.hpp"
#include "run_replications.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corsim::model {

namespace {

/// TEU a vehicle carries; trains are limited by their length as well as their wagons.
Teu effective_capacity(const Vehicle &v) {
  double cap = v.capacity.value();
  if (v.type == VehicleType::Train) {
    double wagons = v.wagons;
    if (v.max_length.value() > 0.0 && v.wagon_length.value() > 0.0)
      wagons = std::min(wagons, std::floor(v.max_length / v.wagon_length));
    cap = std::min(cap > 0.0 ? cap : wagons * v.teu_per_wagon.value(),
                   wagons * v.teu_per_wagon.value());
  }
  return Teu(cap);
}

/// A truck service over one road link, leaving as soon as a box is ready (as the timetable
/// plans road links that no service runs over).
Service on_demand_service(const Network &net, LinkIndex l, bool reverse) {
  const Link &link = net.links[l];
  Service s;
  s.id = link.id + (reverse ? " on demand (reverse)" : " on demand");
  s.name = s.id;
  s.mode = Mode::Road;
  s.route = reverse ? std::vector<NodeIndex>{link.to, link.from}
                    : std::vector<NodeIndex>{link.from, link.to};
  s.legs = {l};
  s.vehicle.type = VehicleType::Truck;
  s.vehicle.capacity = Teu(std::numeric_limits<double>::max() / 4); // one truck per box
  s.schedule.kind = Schedule::Kind::Dispatch;
  s.schedule.when_full = false;
  s.schedule.max_wait = Hours(0.0);
  return s;
}

/// A filter that keeps only the links of `r`, so that the timetable search follows it.
RouteFilter only_links_of(const Route &r, const Network &net) {
  std::vector<bool> used(net.links.size(), false);
  for (const RouteLeg &leg : r.legs)
    if (leg.kind == ArcKind::Link && leg.link != invalid_index)
      used[leg.link] = true;
  RouteFilter f;
  for (LinkIndex l = 0; l < net.links.size(); ++l)
    if (!used[l])
      f.closed_links.push_back(l);
  return f;
}

/// Per flow: the k best routes by generalised cost, as filters (routes using the same links,
/// e.g. on either gauge of dual track, count once).
std::vector<std::vector<RouteFilter>> choice_sets(const Network &net, const SimulationOptions &o,
                                                  const RoutingGraph &graph) {
  Router router(graph);
  std::vector<std::vector<RouteFilter>> sets;
  for (const DemandFlow &f : net.demand) {
    RouteQuery q;
    q.from = f.origin;
    q.to = f.destination;
    q.metric = Metric::Generalised;
    q.cargo = f.cargo;
    std::vector<RouteFilter> set;
    for (const Route &r : router.alternatives(q, o.logit_routes)) {
      RouteFilter filter = only_links_of(r, net);
      const bool seen = std::any_of(set.begin(), set.end(), [&](const RouteFilter &g) {
        return g.closed_links == filter.closed_links;
      });
      if (!seen)
        set.push_back(std::move(filter));
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

std::vector<std::string> ids_of(const auto &list) {
  std::vector<std::string> ids;
  for (const auto &x : list)
    ids.push_back(x.id);
  return ids;
}

[[noreturn]] void unknown(const std::string &what, const std::string &id,
                          std::vector<std::string> known) {
  throw InputError("route shares: unknown " + what + " '" + id + "'" + did_you_mean(id, known));
}

/// Fixed shares: per flow listed, one filter per route (only the links of its services and
/// the links it names stay open) and its share.
void fixed_shares(detail::ModelInputs &in, const Network &net, const SimulationOptions &o) {
  const auto flows = ids_of(net.demand), services = ids_of(net.services), links = ids_of(net.links);
  std::vector<bool> listed(net.demand.size(), false);
  for (const RouteShare &rs : o.route_shares) {
    const auto f = std::find(flows.begin(), flows.end(), rs.flow);
    if (f == flows.end())
      unknown("flow", rs.flow, flows);
    const auto fi = static_cast<std::size_t>(f - flows.begin());
    if (!listed[fi]) { // the routes given replace the logit's alternatives
      in.choice_sets[fi].clear();
      listed[fi] = true;
    }
    std::vector<bool> open(net.links.size(), false);
    for (const std::string &id : rs.via) {
      const auto s = std::find(services.begin(), services.end(), id);
      const auto l = std::find(links.begin(), links.end(), id);
      if (s != services.end())
        for (LinkIndex leg : net.services[static_cast<std::size_t>(s - services.begin())].legs)
          open[leg] = true;
      else if (l != links.end())
        open[static_cast<std::size_t>(l - links.begin())] = true;
      else {
        std::vector<std::string> known = services;
        known.insert(known.end(), links.begin(), links.end());
        unknown("service or link", id, known);
      }
    }
    RouteFilter filter;
    for (LinkIndex l = 0; l < net.links.size(); ++l)
      if (!open[l])
        filter.closed_links.push_back(l);
    in.choice_sets[fi].push_back(std::move(filter));
    in.choice_shares[fi].push_back(rs.share);
  }
}

detail::ModelInputs make_inputs(const Network &net, const SimulationOptions &o,
                                const Timetable &tt) {
  detail::ModelInputs in;
  in.net = &net;
  in.options = &o;
  in.timetable = &tt;
  in.services = model_services(net);
  in.on_demand.assign(net.links.size() * 2, UINT32_MAX);
  for (auto s = static_cast<std::uint32_t>(net.services.size()); s < in.services.size(); ++s) {
    const Service &truck = in.services[s];
    const bool reverse = truck.route[0] != net.links[truck.legs[0]].from;
    in.on_demand[truck.legs[0] * 2 + (reverse ? 1 : 0)] = s;
  }
  in.background_begin = static_cast<std::uint32_t>(in.services.size());
  for (const BackgroundTraffic &b : net.background)
    in.services.push_back(b.service);
  for (const Service &s : in.services) {
    in.capacity.push_back(effective_capacity(s.vehicle));
    in.gauge_change_at.push_back(gauge_change_stops(net, s));
  }
  if (o.route_choice != RouteChoice::EarliestArrival)
    in.choice_sets = choice_sets(net, o, tt.graph());
  in.choice_shares.assign(net.demand.size(), {});
  if (o.route_choice == RouteChoice::FixedShares)
    fixed_shares(in, net, o);
  detail::add_disruptions(in, o.warmup + o.horizon);
  return in;
}

} // namespace

void SimulationOptions::validate() const {
  if (!(horizon.value() > 0.0))
    throw ApiMisuse("SimulationOptions: horizon must be positive");
  if (!(warmup.value() >= 0.0))
    throw ApiMisuse("SimulationOptions: warm-up must not be negative");
  if (replications < 1)
    throw ApiMisuse("SimulationOptions: at least one replication");
  if (first_replication < 0 || first_replication > 1'000'000)
    throw ApiMisuse("SimulationOptions: the first replication must be 0 to 1,000,000");
  if (threads < 1)
    throw ApiMisuse("SimulationOptions: at least one thread");
  if (!(target_relative_half_width >= 0.0) || max_replications < replications)
    throw ApiMisuse("SimulationOptions: a sequential run needs a target >= 0 and a maximum of "
                    "replications at least the minimum");
  if (!(plan_horizon.value() > 0.0))
    throw ApiMisuse("SimulationOptions: plan horizon must be positive");
  if (logit_routes < 1)
    throw ApiMisuse("SimulationOptions: logit needs at least one route");
  if (!(logit_scale >= 0.0))
    throw ApiMisuse("SimulationOptions: logit scale must not be negative");
  for (const RouteShare &r : route_shares)
    if (!(r.share > 0.0) || !std::isfinite(r.share) || r.via.empty())
      throw ApiMisuse("SimulationOptions: the route share of flow '" + r.flow +
                      "' needs a positive share and a route ('via')");
}

namespace {
/// The model plans with the driver-hours rules its trucks then follow (Vehicles::run_leg).
DwellOptions model_dwell() {
  DwellOptions d;
  d.driver_hours = DriverHoursRules{};
  return d;
}
} // namespace

std::vector<Service> model_services(const Network &net) {
  std::vector<Service> out = net.services;
  std::vector<bool> served(net.links.size(), false);
  for (const Service &s : net.services)
    for (LinkIndex l : s.legs)
      served[l] = true;
  for (LinkIndex l = 0; l < net.links.size(); ++l) {
    if (net.links[l].mode != Mode::Road || served[l])
      continue;
    for (bool reverse : {false, true})
      if (!reverse || !net.links[l].oneway)
        out.push_back(on_demand_service(net, l, reverse));
  }
  return out;
}

std::vector<std::string> service_ids(const Network &network) {
  SimulationOptions unused;
  const RoutingGraph graph(network, model_dwell());
  const Timetable timetable(graph);
  std::vector<std::string> ids;
  for (const Service &s : make_inputs(network, unused, timetable).services)
    ids.push_back(s.id);
  return ids;
}

SimulationResults simulate(const Network &network, const SimulationOptions &options) {
  if (options.auto_warmup) {
    SimulationOptions o = options;
    o.warmup = choose_warmup(network, options);
    o.auto_warmup = false;
    return simulate(network, o);
  }
  options.validate();
  const RoutingGraph graph(network, model_dwell());
  const Timetable timetable(graph);
  const detail::ModelInputs in = make_inputs(network, options, timetable);
  detail::Summary summary(in);
  detail::run_replications(in, summary);
  return summary.results();
}

const char *to_string(RouteChoice c) {
  switch (c) {
  case RouteChoice::EarliestArrival:
    return "earliest";
  case RouteChoice::Logit:
    return "logit";
  case RouteChoice::FixedShares:
    return "shares";
  }
  return "?";
}

const char *to_string(TraceEvent::Kind k) {
  switch (k) {
  case TraceEvent::Kind::Ready:
    return "ready";
  case TraceEvent::Kind::Unroutable:
    return "unroutable";
  case TraceEvent::Kind::Queued:
    return "queued";
  case TraceEvent::Kind::Boarded:
    return "boarded";
  case TraceEvent::Kind::Alighted:
    return "alighted";
  case TraceEvent::Kind::Delivered:
    return "delivered";
  case TraceEvent::Kind::Departed:
    return "departed";
  case TraceEvent::Kind::Arrived:
    return "arrived";
  case TraceEvent::Kind::Replanned:
    return "replanned";
  }
  return "?";
}

} // namespace corsim::model
