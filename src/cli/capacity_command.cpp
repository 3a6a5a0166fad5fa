// corsim capacity SCENARIO --od A:B | --at NODE: the capacity of an origin–destination or of a
// crossing, three ways (corsim/model/capacity.hpp, docs/capacity.md): the simulated search on
// the definition (one per replication, with a 95% interval), the analytic bound of the
// resources the simulation used, and the network graph's max-flow (infrastructure only).
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

#include <cmath>
#include <iostream>
#include <memory>
#include <sstream>

namespace corsim::cli {
namespace {

/// The demand multiplier of the second run that measures each resource's marginal load.
constexpr double half = 0.5;
/// Resources listed under the table: the ones that fill first.
constexpr std::size_t resources_shown = 8;

struct CapacityArgs {
  std::string file, od, at;
  std::string out; ///< --out DIR: the files of the base run
  RunOverrides run;
  model::StabilityOptions stability; ///< --p95 and --steps
};

std::string times(double m) { return !std::isfinite(m) ? "∞" : m > 0.0 ? number(m, 2) : "-"; }

std::string teu(double m, double demand) {
  return !std::isfinite(m) ? "∞" : m > 0.0 ? number(m * demand) : "-";
}

/// Vehicles a day: two decimals below one (a weekly train is 0.14).
std::string per_day(double v) { return number(v, v < 1.0 ? 2 : 1); }

std::string resource_text(const model::ResourceCapacity &r) {
  return fmt::format("{} ({}: {} vehicles/day, {} TEU/yr)", r.name, model::to_string(r.limit),
                     per_day(r.vehicles_per_day()), number(r.teu_per_year()));
}

std::string simulated_text(const model::SimulatedCapacity &s) {
  using O = model::StabilitySearch::Outcome;
  if (s.all(O::NoCapacity))
    return "unstable even at the lowest demand tried: " + s.binding;
  if (s.all(O::NotFound))
    return "stable at every multiplier tried";
  return s.binding;
}

/// The first `shown` names, then how many more: "A, B and 3 more".
std::string first_names(const std::vector<std::string> &names, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < shown; ++i)
    out += (out.empty() ? "" : ", ") + names[i];
  if (names.size() > shown)
    out += fmt::format(" and {} more", names.size() - shown);
  return out;
}

std::string infrastructure_text(const model::NetworkBound &b) {
  if (b.unbounded)
    return "none: a path without capacity limits";
  std::vector<std::string> cut;
  for (const CutElement &c : b.min_cut)
    cut.push_back(c.name);
  return "ignoring services: " + first_names(cut, 1);
}

std::string services_text(const model::ServiceBound &b) {
  return b.unbounded ? "none: a route without a limited resource" : first_names(b.binding, 2);
}

/// The three methods and the infrastructure's max-flow.
struct Answers {
  model::SimulatedCapacity simulated;
  model::AnalyticCapacity analytic;
  model::ServiceBound network;
  model::NetworkBound infrastructure;
};

std::string summary_table(const model::FlowSet &set, const Answers &x) {
  const model::SimulatedCapacity &sim = x.simulated;
  const model::AnalyticCapacity &analytic = x.analytic;
  using A = Table::Align;
  const double demand = set.demand.value();
  Table t({{"method"}, {"× demand", A::Right}, {"TEU/yr", A::Right}, {"binding limit"}});
  const model::Estimate &m = sim.multiplier;
  t.add_row(
      {"simulated",
       m.n > 1 ? fmt::format("{} ± {}", number(m.mean, 2), number(m.half_width, 2)) : times(m.mean),
       teu(m.mean, demand), simulated_text(sim)});
  t.add_row({"analytic", times(analytic.multiplier), teu(analytic.multiplier, demand),
             analytic.binding < analytic.resources.size()
                 ? resource_text(analytic.resources[analytic.binding])
                 : "none: the set loads no limited resource"});
  t.add_row({"network", times(x.network.multiplier), teu(x.network.multiplier, demand),
             services_text(x.network)});
  t.add_row({"infrastructure", times(x.infrastructure.multiplier),
             teu(x.infrastructure.multiplier, demand), infrastructure_text(x.infrastructure)});
  return t.render();
}

std::string resources_table(const model::AnalyticCapacity &analytic) {
  using A = Table::Align;
  Table t({{"resource"},
           {"limit"},
           {"vehicles/day", A::Right},
           {"TEU/yr", A::Right},
           {"used at 1×", A::Right},
           {"+ per 1×", A::Right},
           {"full at", A::Right}});
  for (std::size_t i = 0; i < analytic.resources.size() && i < resources_shown; ++i) {
    const model::ResourceCapacity &r = analytic.resources[i];
    t.add_row({r.name, model::to_string(r.limit), per_day(r.vehicles_per_day()),
               number(r.teu_per_year()), fmt::format("{}%", number(100.0 * r.load / r.capacity)),
               fmt::format("{}%", number(100.0 * r.marginal / r.capacity)),
               times(r.multiplier) + "×"});
  }
  return t.render();
}

/// Each "- ..." line of `text` wrapped at 120 columns, continued two spaces in.
std::string wrapped(const std::string &text) {
  std::string out, line, word;
  std::istringstream lines(text);
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string row;
    while (words >> word) {
      if (!row.empty() && display_width(row) + 1 + display_width(word) > 120) {
        out += row + "\n";
        row = "  ";
      }
      row += (row.empty() || row == "  " ? "" : " ") + word;
    }
    out += row + "\n";
  }
  return out;
}

void print_capacity(const model::FlowSet &set, int replications, const Answers &x) {
  std::cout << fmt::format("capacity {}: demand {} TEU/yr in {} flow{}\n"
                           "simulated: the largest stable multiplier of that demand, mean ± 95% "
                           "over {} searches (docs/capacity.md)\n\n",
                           set.label, number(set.demand.value()), set.flows.size(),
                           set.flows.size() == 1 ? "" : "s", replications)
            << summary_table(set, x);
  if (!x.analytic.resources.empty())
    std::cout << "\nResources the set loads (analytic), the first to fill first\n"
              << resources_table(x.analytic);
  std::cout << "\nWhy they differ\n"
            << wrapped(model::explain_capacity(x.analytic, x.network, x.simulated));
}

/// The scenario's network with the set's flows at `m` × their demand, run as the base was.
model::SimulationResults run_scaled(io::Scenario sc, const model::FlowSet &set, double m) {
  model::scale_demand(sc.network, set.flows, m);
  double seconds = 0.0; // a run below the base's load: no warning of its own
  return simulate_scenario(sc, seconds, {}, true, false);
}

int run_capacity(const CapacityArgs &args) {
  if (args.od.empty() == args.at.empty()) {
    print_error("corsim capacity: give --od ORIGIN:DESTINATION or --at NODE (one of them)");
    return exit_bad_input;
  }
  auto sc = load_scenario_or_report(args.file, args.run, command_line_changes(args.run));
  if (!sc)
    return exit_bad_input;
  CapacityArgs a = args;
  if (a.out.empty())
    a.out = sc->out_dir; // the scenario's `outputs: {dir: ...}`
  std::optional<model::FlowSet> od;
  if (!a.od.empty())
    od = model::find_od(sc->network, a.od); // before the run: a bad --od costs nothing
  else
    (void)sc->network.find_node(a.at); // throws with the closest names
  claim_outputs(a.out);
  double seconds = 0.0;
  const model::SimulationResults base =
      simulate_scenario(*sc, seconds, keep_under(a.out, "base", a.run));
  const model::FlowSet set = od ? *od : model::flows_through(sc->network, base, a.at);
  model::SimulationOptions one = sc->options; // the chosen warm-up, no MPI, no store
  one.exchange = nullptr;
  one.store = nullptr;
  a.stability.threads = one.threads;
  Answers x;
  try {
    const model::SimulationResults lower = run_scaled(*sc, set, half);
    x.analytic = model::analytic_capacity(sc->network, set, sc->options, base, lower, half);
    x.network = model::service_bound(sc->network, set, x.analytic.measured);
    x.infrastructure = model::network_bound(sc->network, set);
    x.simulated = model::simulated_capacity(sc->network, set, one, a.stability);
  } catch (const model::Interrupted &) {
    if (output_rank())
      print_error(a.out.empty()
                      ? "corsim: interrupted during the capacity search (with --out DIR the base "
                        "run would be kept for --resume)"
                      : "corsim: interrupted during the capacity search; the base run's "
                        "replications are kept in " +
                            keep_under(a.out, "base", a.run).dir +
                            ": run the same command with --resume to go on from there");
    throw;
  }
  if (!output_rank())
    return exit_ok;
  if (!a.out.empty())
    io::write_outputs(a.out, {{sc->name, &sc->network, &base}},
                      run_record("capacity", *sc, base, seconds));
  discard_kept(a.out);
  print_capacity(set, one.replications, x);
  return exit_ok;
}

} // namespace

void add_capacity_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("capacity", "The capacity of an origin-destination or of a "
                                             "crossing: simulated, analytic and network");
  auto a = std::make_shared<CapacityArgs>();
  cmd->add_option("SCENARIO", a->file, "Scenario (or corridor) file")->required();
  cmd->add_option("--od", a->od, "ORIGIN:DESTINATION (node ids or names), e.g. CCX:DUI");
  cmd->add_option("--at", a->at,
                  "A crossing or facility node: scales every flow whose route passes it");
  cmd->add_option("--p95", a->stability.p95_days,
                  "Also unstable when a flow's p95 transit passes this many days")
      ->check(finite_number() & CLI::Range(0.1, 3650.0));
  cmd->add_option("--steps", a->stability.steps, "Bisection steps")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--out", a->out,
                  "Write the base run's summary.json, CSV, GeoJSON and "
                  "report.html here");
  add_run_options(cmd, a->run, true);
  cmd->callback([&action, a] { action = [a] { return run_capacity(*a); }; });
}

} // namespace corsim::cli
