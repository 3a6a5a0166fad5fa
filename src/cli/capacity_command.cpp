// corsim capacity SCENARIO --od A:B: the corridor's capacity for one origin–destination,
// three ways: an analytic bound from the services' capacities and the loads per unit of
// demand (Eigen), the max-flow bound of the network graph, and the simulated saturation
// point (bisection on a demand multiplier, common random numbers).
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"
#include "scenario_args.hpp"
#include "table.hpp"

#include "corsim/error.hpp"
#include "corsim/flow.hpp"
#include "corsim/io/outputs.hpp"

#include <Eigen/Dense>
#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace corsim::cli {
namespace {

struct CapacityArgs {
  std::string file, od;
  std::optional<double> p95_days; ///< --p95: saturated when a flow's p95 passes this
  std::string out;                ///< --out DIR: the files of the base run
  RunOverrides run;
  int steps = 6; ///< bisection steps
};

struct Od {
  NodeIndex from = 0, to = 0;
  std::vector<std::size_t> flows; ///< demand indices
  double teu_per_year = 0.0;      ///< their demand
};

Od find_od(const Network &net, const std::string &text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string::npos)
    throw InputError("--od '" + text + "': expected ORIGIN:DESTINATION, e.g. CCX:DUI");
  Od od;
  od.from = net.find_node(text.substr(0, colon)); // throws with the closest names
  od.to = net.find_node(text.substr(colon + 1));
  for (std::size_t f = 0; f < net.demand.size(); ++f)
    if (net.demand[f].origin == od.from && net.demand[f].destination == od.to) {
      od.flows.push_back(f);
      od.teu_per_year += net.demand[f].volume.value();
    }
  if (od.flows.empty())
    throw InputError("--od '" + text + "': no demand flow from " + net.nodes[od.from].id + " to " +
                     net.nodes[od.to].id);
  return od;
}

struct Bound {
  double multiplier = 0.0; ///< of the OD's demand
  std::string bottleneck;
};

/// The nodes a route passes: along each service from where the box boards (the origin, or
/// where it left the previous service) to where it alights (the first node the next service
/// calls at, or the destination).
std::vector<NodeIndex> route_nodes(const Network &net, const std::vector<std::uint32_t> &services,
                                   NodeIndex origin, NodeIndex destination) {
  std::vector<NodeIndex> out;
  NodeIndex at = origin;
  for (std::size_t i = 0; i < services.size() && services[i] < net.services.size(); ++i) {
    const std::vector<NodeIndex> &r = net.services[services[i]].route;
    auto from = std::find(r.begin(), r.end(), at);
    if (from == r.end())
      break;
    auto to = from + 1;
    for (; to != r.end(); ++to) {
      const bool last = i + 1 == services.size() || services[i + 1] >= net.services.size();
      if (last ? *to == destination : [&] {
            const auto &next = net.services[services[i + 1]].route;
            return std::find(next.begin(), next.end(), *to) != next.end();
          }())
        break;
    }
    if (to == r.end())
      break;
    out.insert(out.end(), from, to + 1);
    at = *to;
  }
  return out;
}

/// A capacity the analytic bound checks: TEU per year, and the TEU it carries per TEU of
/// each flow's demand (the flow's route shares in the base run).
struct Resource {
  std::string name;
  double capacity = 0.0;
  Eigen::VectorXd use; ///< per flow
};

std::vector<Resource> resources(const Network &net, const model::SimulationResults &base) {
  const auto flows = static_cast<Eigen::Index>(net.demand.size());
  std::vector<Resource> out;
  // Timetabled services: departures a year × TEU per vehicle. Trucks dispatched on demand
  // have no such limit; the checkpoints they pass do.
  std::vector<int> service_row(net.services.size(), -1);
  for (std::size_t s = 0; s < net.services.size(); ++s)
    if (net.services[s].schedule.kind != Schedule::Kind::Dispatch) {
      const model::ServiceResult &sv = base.services[s];
      service_row[s] = static_cast<int>(out.size());
      out.push_back({"service " + sv.id, sv.departures_per_year.mean * sv.capacity.value(),
                     Eigen::VectorXd::Zero(flows)});
    }
  // Node facilities at their max-flow rating (docs/routing.md), except at the flow's ends.
  std::vector<int> node_row(net.nodes.size(), -1);
  for (NodeIndex n = 0; n < net.nodes.size(); ++n)
    if (const auto cap = node_capacity(net, n, FlowOptions{})) {
      node_row[n] = static_cast<int>(out.size());
      out.push_back(
          {"facilities at " + net.nodes[n].id, cap->value(), Eigen::VectorXd::Zero(flows)});
    }
  for (std::size_t f = 0; f < base.od.size(); ++f) {
    const model::OdResult &od = base.od[f];
    for (const model::RouteResult &route : od.routes) {
      for (std::uint32_t s : route.services)
        if (s < service_row.size() && service_row[s] >= 0)
          out[static_cast<std::size_t>(service_row[s])].use(static_cast<Eigen::Index>(f)) +=
              route.share.mean;
      const auto nodes = route_nodes(net, route.services, od.origin, od.destination);
      for (std::size_t i = 1; i + 1 < nodes.size(); ++i) // not the ends
        if (node_row[nodes[i]] >= 0)
          out[static_cast<std::size_t>(node_row[nodes[i]])].use(static_cast<Eigen::Index>(f)) +=
              route.share.mean;
    }
  }
  return out;
}

/// Each resource's capacity against the load the OD's flows and the others put on it, per
/// unit of demand: the load matrix A (resources × flows, from the base run's route shares)
/// times the demand vectors. The bound is the smallest multiplier of the OD's demand that
/// fills a resource.
Bound analytic_bound(const Network &net, const model::SimulationResults &base, const Od &od) {
  const std::vector<Resource> res = resources(net, base);
  Eigen::MatrixXd a(static_cast<Eigen::Index>(res.size()),
                    static_cast<Eigen::Index>(net.demand.size()));
  for (std::size_t r = 0; r < res.size(); ++r)
    a.row(static_cast<Eigen::Index>(r)) = res[r].use.transpose();
  Eigen::VectorXd od_demand = Eigen::VectorXd::Zero(a.cols()), other = od_demand;
  for (std::size_t f = 0; f < net.demand.size(); ++f)
    (std::find(od.flows.begin(), od.flows.end(), f) != od.flows.end() ? od_demand : other)(
        static_cast<Eigen::Index>(f)) = net.demand[f].volume.value();
  const Eigen::VectorXd od_load = a * od_demand, other_load = a * other;
  Bound b{std::numeric_limits<double>::infinity(), "none (no capacity-limited resource used)"};
  for (std::size_t r = 0; r < res.size(); ++r) {
    const auto i = static_cast<Eigen::Index>(r);
    if (od_load(i) <= 0.0)
      continue;
    const double m = std::max(0.0, res[r].capacity - other_load(i)) / od_load(i);
    if (m < b.multiplier)
      b = Bound{m, res[r].name + fmt::format(" ({} TEU/yr)", number(res[r].capacity))};
  }
  return b;
}

Bound max_flow_bound(const Network &net, const Od &od) {
  const MaxFlowResult r = max_flow(net, od.from, {od.to});
  if (r.unbounded)
    return {std::numeric_limits<double>::infinity(), "none: a path without capacity limits"};
  std::string cut;
  for (const CutElement &c : r.min_cut)
    cut += (cut.empty() ? "" : ", ") + c.name;
  return {r.value.value() / od.teu_per_year, cut};
}

struct Probe {
  bool saturated = false;
  std::string why;
};

class Saturation {
public:
  Saturation(const CapacityArgs &a, const Od &od, const Network &net) : a_(a), od_(od), net_(net) {}

  /// The run at `m` × the OD's demand: saturated when its backlog (boxes never loaded) is
  /// past two weeks of its demand, it delivers less than 80% of it (the rest of a bounded
  /// queue is boxes in transit and the randomness of a finite run), or a flow's p95 passes
  /// the target.
  Probe probe(double m) {
    std::vector<io::Change> changes;
    for (std::size_t f : od_.flows)
      changes.push_back(io::change_from_text(io::Change::Kind::Scale,
                                             "demand[" + net_.demand[f].id + "].volume",
                                             fmt::format("{}", m), "--od"));
    auto sc = load_scenario_or_report(a_.file, a_.run, changes);
    if (!sc)
      throw InputError("capacity: the scaled scenario does not load");
    double seconds = 0.0;
    const model::SimulationResults r = simulate_scenario(*sc, seconds);
    double delivered = 0.0, backlog = 0.0, p95 = 0.0;
    for (std::size_t f : od_.flows) {
      delivered += r.od[f].delivered_teu_per_year.mean;
      backlog += r.od[f].backlog_teu.mean;
      p95 = std::max(p95, r.od[f].transit_p95.mean / hours_per_day);
    }
    const double offered = m * od_.teu_per_year;
    if (backlog > offered * 14.0 / 365.0)
      return {true, fmt::format("backlog {} TEU > two weeks of demand", number(backlog))};
    if (delivered < 0.8 * offered)
      return {true, fmt::format("delivers {} of {} TEU/yr", number(delivered), number(offered))};
    if (a_.p95_days && p95 > *a_.p95_days)
      return {true, fmt::format("p95 {} d > {} d", number(p95, 1), number(*a_.p95_days, 1))};
    return {false, fmt::format("delivers {} TEU/yr, p95 {} d", number(delivered), number(p95, 1))};
  }

private:
  const CapacityArgs &a_;
  const Od &od_;
  const Network &net_;
};

/// The largest multiplier found not saturated, and what saturated just above it.
/// Below this multiplier the search stops: a target missed with a tenth of the demand is
/// missed because of the timetable, not for want of capacity.
constexpr double lowest_multiplier = 0.1;

std::pair<double, std::string> simulated_bound(Saturation &sat, int steps) {
  double lo = 0.0, hi = 1.0;
  Probe at_hi = sat.probe(hi);
  while (!at_hi.saturated && hi < 64.0) { // double until it saturates
    lo = hi;
    hi *= 2.0;
    at_hi = sat.probe(hi);
  }
  if (!at_hi.saturated)
    return {hi, "not saturated at 64× the demand"};
  if (lo == 0.0) { // saturated at today's demand: is any load low enough?
    const Probe low = sat.probe(lowest_multiplier);
    if (low.saturated)
      return {0.0, fmt::format("not met even at {}× the demand ({}): the target asks more than "
                               "the timetable gives at any load",
                               number(lowest_multiplier, 1), low.why)};
    lo = lowest_multiplier;
  }
  std::string why = at_hi.why;
  for (int i = 0; i < steps; ++i) {
    const double mid = 0.5 * (lo + hi);
    const Probe p = sat.probe(mid);
    (p.saturated ? hi : lo) = mid;
    if (p.saturated)
      why = p.why;
  }
  return {lo, why + fmt::format(" at {}×", number(hi, 2))};
}

std::string explain(double analytic, double flow, double simulated) {
  if (simulated == 0.0)
    return "- the simulated target is not a question of capacity here: set a --p95 target "
           "above what the timetable gives, or change the timetable (a what-if), and run "
           "again.\n";
  std::string out;
  if (flow > analytic * 1.2)
    out += "- max-flow is higher than the analytic bound: it may use every route at once and "
           "ignores timetables, gauge changes and the route choice, so it is an upper bound.\n";
  if (simulated < analytic * 0.9)
    out += "- the simulation saturates before the services' mean capacity is used up: "
           "departures are lumpy (weekly trains), demand is random, and queues at facilities "
           "and rolled-over boxes build up before the mean load reaches 100%.\n";
  if (simulated > analytic * 1.1)
    out += "- the simulation carries more than the analytic bound: the route choice moves "
           "boxes to other routes as departures fill, while the bound keeps the base run's "
           "route shares.\n";
  if (simulated > flow * 1.1)
    out += "- the simulation carries more than max-flow: the max-flow graph rates each "
           "facility by the fixed figures of docs/routing.md (lanes x opening hours / mean "
           "processing time, TEU per vehicle), while the simulation batches boxes per vehicle "
           "and uses on-demand trucks; treat the max-flow figure as indicative here.\n";
  if (out.empty())
    out = "- the three agree within 10-20%.\n";
  return out;
}

int run_capacity(const CapacityArgs &args) {
  auto sc = load_scenario_or_report(args.file, args.run, {});
  if (!sc)
    return exit_bad_input;
  CapacityArgs a = args;
  if (a.out.empty())
    a.out = sc->out_dir; // the scenario's `outputs: {dir: ...}`
  const Od od = find_od(sc->network, a.od);
  if (!a.out.empty())
    io::prepare_output_dir(a.out);
  double seconds = 0.0;
  const model::SimulationResults base =
      simulate_scenario(*sc, seconds, keep_under(a.out, "base", a.run));
  const Bound analytic = analytic_bound(sc->network, base, od);
  const Bound flow = max_flow_bound(sc->network, od);
  Saturation sat(a, od, sc->network);
  const auto [simulated, why] = simulated_bound(sat, a.steps);
  if (!output_rank())
    return exit_ok;
  if (!a.out.empty())
    io::write_outputs(a.out, {{sc->name, &sc->network, &base}},
                      run_record("capacity", *sc, base, seconds));
  discard_kept(a.out);
  using A = Table::Align;
  Table t({{"method"}, {"× demand", A::Right}, {"TEU/yr", A::Right}, {"bottleneck / reason"}});
  auto teu = [&](double m) {
    return !std::isfinite(m) ? "∞" : m > 0.0 ? number(m * od.teu_per_year) : "-";
  };
  auto times = [](double m) { return !std::isfinite(m) ? "∞" : m > 0.0 ? number(m, 2) : "-"; };
  t.add_row({"analytic (capacity / load per unit)", times(analytic.multiplier),
             teu(analytic.multiplier), analytic.bottleneck});
  t.add_row(
      {"max-flow (network graph)", times(flow.multiplier), teu(flow.multiplier), flow.bottleneck});
  t.add_row({"simulated saturation", times(simulated), teu(simulated), why});
  std::cout << fmt::format("capacity {} → {}: demand {} TEU/yr in {} flow{}\n\n",
                           sc->network.nodes[od.from].id, sc->network.nodes[od.to].id,
                           number(od.teu_per_year), od.flows.size(),
                           od.flows.size() == 1 ? "" : "s")
            << t.render() << "\nWhy they differ\n"
            << explain(analytic.multiplier, flow.multiplier, simulated);
  return exit_ok;
}

} // namespace

void add_capacity_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("capacity", "The capacity of a corridor for one "
                                             "origin-destination: analytic, max-flow and "
                                             "simulated saturation");
  auto a = std::make_shared<CapacityArgs>();
  cmd->add_option("SCENARIO", a->file, "Scenario (or corridor) file")->required();
  cmd->add_option("--od", a->od, "ORIGIN:DESTINATION (node ids or names), e.g. CCX:DUI")
      ->required();
  cmd->add_option("--p95", a->p95_days,
                  "Also saturated when a flow's p95 transit passes this "
                  "many days")
      ->check(finite_number() & CLI::Range(0.1, 3650.0));
  cmd->add_option("--steps", a->steps, "Bisection steps")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--out", a->out,
                  "Write the base run's summary.json, CSV, GeoJSON and "
                  "report.html here");
  add_run_options(cmd, a->run, true);
  cmd->callback([&action, a] { action = [a] { return run_capacity(*a); }; });
}

} // namespace corsim::cli
