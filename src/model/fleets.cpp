// Fleets: where each vehicle of a fleet stands, which departure takes it, its turnaround at
// the end of a trip and, for dispatched services, its empty run back (corridor-format.md,
// "Fleets"). Members of Vehicles.
#include "vehicles.hpp"

#include <algorithm>

namespace corsim::model::detail {

namespace {

/// The services of `fleet` that leave when dispatched from `node`.
std::vector<ServiceIndex> dispatched_from(const Network &net, std::uint32_t fleet, NodeIndex node) {
  std::vector<ServiceIndex> out;
  for (ServiceIndex s = 0; s < net.services.size(); ++s) {
    const Service &svc = net.services[s];
    if (svc.fleet == fleet && svc.schedule.kind == Schedule::Kind::Dispatch &&
        svc.route.front() == node)
      out.push_back(s);
  }
  return out;
}

} // namespace

// A fleet's vehicles start spread evenly over the first stops of its services, in turn.
void Vehicles::place_fleets() {
  const Network &net = ctx_.net;
  standing_.assign(net.fleets.size(), std::vector<std::deque<std::uint64_t>>(net.nodes.size()));
  for (std::size_t f = 0; f < net.fleets.size(); ++f) {
    std::vector<NodeIndex> starts;
    for (const Service &s : net.services)
      if (s.fleet == f)
        starts.push_back(s.route.front());
    for (int v = 0; v < net.fleets[f].vehicles && !starts.empty(); ++v) {
      const NodeIndex home = starts[static_cast<std::size_t>(v) % starts.size()];
      standing_[f][home].push_back(home_.size());
      home_.push_back(home);
    }
  }
}

std::optional<std::uint64_t> Vehicles::take_vehicle(ServiceIndex s, std::size_t stop) {
  const Service &svc = ctx_.in.services[s];
  if (svc.fleet == no_fleet)
    return UINT64_MAX;
  std::deque<std::uint64_t> &here = standing_[svc.fleet][svc.route[stop]];
  if (here.empty())
    return std::nullopt;
  const std::uint64_t id = here.front();
  here.pop_front();
  return id;
}

Process Vehicles::turn_around(std::uint32_t fleet, NodeIndex at, std::uint64_t id) {
  const Fleet &f = ctx_.net.fleets[fleet];
  co_await delay(f.turnaround);
  standing_[fleet][at].push_back(id);
  const std::vector<ServiceIndex> back = dispatched_from(ctx_.net, fleet, at);
  for (ServiceIndex s : back) // cargo waiting for a vehicle leaves now if its rule says so
    stops_.vehicle_ready(s, 0);
  if (back.empty() || !f.empty_return || at == home_[id])
    co_return; // at home a vehicle waits for cargo
  co_await delay(*f.empty_return);
  std::deque<std::uint64_t> &here = standing_[fleet][at];
  const auto it = std::find(here.begin(), here.end(), id);
  if (it == here.end())
    co_return; // a departure took it
  here.erase(it);
  start(back.front(), 0, id); // back with whatever waits there, or empty
}

} // namespace corsim::model::detail
