// corsim capacity SCENARIO --od A:B: the corridor's capacity for one origin–destination,
// three ways (corsim/model/capacity.hpp): an analytic bound from the services' and the node
// facilities' capacities and the loads per unit of demand, the max-flow bound of the network
// graph, and the simulated saturation point (doubling, then bisection on a demand multiplier,
// common random numbers).
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"
#include "scenario_args.hpp"
#include "table.hpp"

#include "corsim/error.hpp"
#include "corsim/io/outputs.hpp"
#include "corsim/model/capacity.hpp"
#include "corsim/model/whatif.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace corsim::cli {
namespace {

struct CapacityArgs {
  std::string file, od;
  std::string out; ///< --out DIR: the files of the base run
  RunOverrides run;
  model::SaturationOptions saturation; ///< --p95 and --steps
};

std::string analytic_text(const model::AnalyticBound &b) {
  if (b.resource.empty())
    return "none (no capacity-limited resource used)";
  return b.resource + fmt::format(" ({} TEU/yr)", number(b.capacity.value()));
}

std::string network_text(const model::NetworkBound &b) {
  if (b.unbounded)
    return "none: a path without capacity limits";
  std::string cut;
  for (const CutElement &c : b.min_cut)
    cut += (cut.empty() ? "" : ", ") + c.name;
  return cut;
}

std::string probe_text(const model::SaturationProbe &p, const model::SaturationOptions &o) {
  using V = model::SaturationProbe::Verdict;
  const double p95 = in_days(p.transit_p95);
  switch (p.verdict) {
  case V::Backlog:
    return fmt::format("backlog {} TEU > two weeks of demand", number(p.backlog.value()));
  case V::Undelivered:
    return fmt::format("delivers {} of {} TEU/yr", number(p.delivered.value()),
                       number(p.offered.value()));
  case V::SlowP95:
    return fmt::format("p95 {} d > {} d", number(p95, 1), number(o.p95_days.value_or(0.0), 1));
  case V::NotSaturated:
    break;
  }
  return fmt::format("delivers {} TEU/yr, p95 {} d", number(p.delivered.value()), number(p95, 1));
}

std::string saturation_text(const model::SaturationResult &r, const model::SaturationOptions &o) {
  using O = model::SaturationResult::Outcome;
  switch (r.outcome) {
  case O::NotSaturated:
    return fmt::format("not saturated at {}× the demand", number(r.multiplier));
  case O::TargetUnmet:
    return fmt::format("not met even at {}× the demand ({}): the target asks more than "
                       "the timetable gives at any load",
                       number(o.lowest_multiplier, 1), probe_text(r.saturated, o));
  case O::Found:
    break;
  }
  return probe_text(r.saturated, o) + fmt::format(" at {}×", number(r.saturated.multiplier, 2));
}

/// The scenario at `m` × the OD's demand: the loaded network changed in memory (no file is
/// read again), run with the scenario's settings, progress and MPI ranks.
model::RunAtMultiplier run_at(const io::Scenario &sc, const model::OdFlows &od) {
  return [&sc, &od](double m) {
    io::Scenario scaled = sc;
    model::scale_demand(scaled.network, od.flows, m);
    double seconds = 0.0; // beyond saturation a probe is overloaded by design: no warning
    return simulate_scenario(scaled, seconds, {}, true, false);
  };
}

void print_capacity(const Network &net, const model::OdFlows &od, const CapacityArgs &a,
                    const model::AnalyticBound &analytic, const model::NetworkBound &flow,
                    const model::SaturationResult &sat) {
  const double demand = od.demand.value();
  using A = Table::Align;
  Table t({{"method"}, {"× demand", A::Right}, {"TEU/yr", A::Right}, {"bottleneck / reason"}});
  auto teu = [&](double m) { return !std::isfinite(m) ? "∞" : m > 0.0 ? number(m * demand) : "-"; };
  auto times = [](double m) { return !std::isfinite(m) ? "∞" : m > 0.0 ? number(m, 2) : "-"; };
  t.add_row({"analytic (capacity / load per unit)", times(analytic.multiplier),
             teu(analytic.multiplier), analytic_text(analytic)});
  t.add_row({"max-flow (network graph)", times(flow.multiplier), teu(flow.multiplier),
             network_text(flow)});
  t.add_row({"simulated saturation", times(sat.multiplier), teu(sat.multiplier),
             saturation_text(sat, a.saturation)});
  std::cout << fmt::format("capacity {} → {}: demand {} TEU/yr in {} flow{}\n\n",
                           net.nodes[od.from].id, net.nodes[od.to].id, number(demand),
                           od.flows.size(), od.flows.size() == 1 ? "" : "s")
            << t.render() << "\nWhy they differ\n"
            << model::explain_capacity(analytic.multiplier, flow.multiplier, sat.multiplier);
}

int run_capacity(const CapacityArgs &args) {
  auto sc = load_scenario_or_report(args.file, args.run, command_line_changes(args.run));
  if (!sc)
    return exit_bad_input;
  CapacityArgs a = args;
  if (a.out.empty())
    a.out = sc->out_dir; // the scenario's `outputs: {dir: ...}`
  const model::OdFlows od = model::find_od(sc->network, a.od);
  if (!a.out.empty())
    io::prepare_output_dir(a.out);
  double seconds = 0.0;
  const model::SimulationResults base =
      simulate_scenario(*sc, seconds, keep_under(a.out, "base", a.run));
  const model::AnalyticBound analytic = model::analytic_bound(sc->network, base, od);
  const model::NetworkBound flow = model::network_bound(sc->network, od);
  const model::SaturationResult sat = model::saturation_search(od, run_at(*sc, od), a.saturation);
  if (!output_rank())
    return exit_ok;
  if (!a.out.empty())
    io::write_outputs(a.out, {{sc->name, &sc->network, &base}},
                      run_record("capacity", *sc, base, seconds));
  discard_kept(a.out);
  print_capacity(sc->network, od, a, analytic, flow, sat);
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
  cmd->add_option("--p95", a->saturation.p95_days,
                  "Also saturated when a flow's p95 transit passes this "
                  "many days")
      ->check(finite_number() & CLI::Range(0.1, 3650.0));
  cmd->add_option("--steps", a->saturation.steps, "Bisection steps")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--out", a->out,
                  "Write the base run's summary.json, CSV, GeoJSON and "
                  "report.html here");
  add_run_options(cmd, a->run, true);
  cmd->callback([&action, a] { action = [a] { return run_capacity(*a); }; });
}

} // namespace corsim::cli
