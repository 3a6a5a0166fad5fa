// corsim simulate FILE: the corridor simulation, as readable tables or JSON.
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "scenario_args.hpp"
#include "table.hpp"

#include "corsim/error.hpp"
#include "corsim/io/atomic_file.hpp"
#include "corsim/io/outputs.hpp"
#include "corsim/model/simulation.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>

namespace corsim::cli {
namespace {

using model::Estimate;

struct SimulateArgs {
  std::string file;
  RunOverrides run;
  std::string trace;
  std::string format = "table";
  std::string out; ///< --out DIR: summary.json, CSV, GeoJSON and report.html
};

/// "12.3 ± 0.4" (the ± part only with several replications), "-" without a value.
std::string est(const Estimate &e, double scale = 1.0, int decimals = 1) {
  if (e.n == 0)
    return "-";
  std::string s = number(e.mean * scale, decimals);
  if (e.n >= 2 && e.half_width * scale >= 0.5 * std::pow(10.0, -decimals))
    s += " ± " + number(e.half_width * scale, decimals);
  return s;
}

std::string flow_table(const Network &net, const model::SimulationResults &r) {
  using A = Table::Align;
  Table t({{"flow"},
           {"from→to"},
           {"mean d", A::Right},
           {"p50 d", A::Right},
           {"p90 d", A::Right},
           {"p95 d", A::Right},
           {"max d", A::Right},
           {"on time %", A::Right},
           {"TEU/yr", A::Right},
           {"backlog TEU", A::Right},
           {"USD/TEU", A::Right}});
  const double day = 1.0 / hours_per_day;
  for (const auto &o : r.od)
    t.add_row({o.flow, net.nodes[o.origin].id + "→" + net.nodes[o.destination].id,
               est(o.transit_mean, day), est(o.transit_p50, day), est(o.transit_p90, day),
               est(o.transit_p95, day), est(o.transit_max, day), est(o.on_time_share, 100.0, 0),
               est(o.delivered_teu_per_year, 1.0, 0), est(o.backlog_teu, 1.0, 0),
               est(o.cost_per_teu, 1.0, 0)});
  return t.render();
}

std::string wait_table(const model::SimulationResults &r) {
  using A = Table::Align;
  std::vector<int> causes; // only the causes some flow spends time on
  for (int c = 0; c < model::wait_cause_count; ++c)
    for (const auto &o : r.od)
      if (o.wait_hours[c].mean > 1e-9) {
        causes.push_back(c);
        break;
      }
  std::vector<Table::Column> cols{{"flow"}};
  for (int c : causes)
    cols.push_back({to_string(static_cast<model::WaitCause>(c)), A::Right});
  Table t(cols);
  for (const auto &o : r.od) {
    std::vector<std::string> row{o.flow};
    for (int c : causes)
      row.push_back(o.wait_hours[c].n ? number(o.wait_hours[c].mean, 1) : "-");
    t.add_row(row);
  }
  return t.render();
}

std::string route_table(const model::SimulationResults &r) {
  using A = Table::Align;
  Table t({{"flow"}, {"route (services)"}, {"share %", A::Right}, {"mean d", A::Right}});
  for (const auto &o : r.od)
    for (const auto &route : o.routes) {
      std::string services;
      for (std::uint32_t s : route.services)
        services += (services.empty() ? "" : " + ") + r.services[s].id;
      t.add_row({o.flow, services, est(route.share, 100.0, 1),
                 est(route.transit_mean, 1.0 / hours_per_day)});
    }
  return t.render();
}

// With background traffic, "other %" is the share of the visits that were other origins'.
std::string facility_table(const Network &net, const model::SimulationResults &r) {
  using A = Table::Align;
  const bool other = !net.background.empty();
  std::vector<Table::Column> cols{{"node"},
                                  {"facility"},
                                  {"capacity", A::Right},
                                  {"util %", A::Right},
                                  {"mean queue", A::Right},
                                  {"max queue", A::Right},
                                  {"mean wait h", A::Right},
                                  {"visits/yr", A::Right}};
  if (other)
    cols.push_back({"other %", A::Right});
  Table t(cols);
  for (const auto &f : r.facilities) {
    std::vector<std::string> row{f.link < net.links.size() ? net.links[f.link].id
                                                           : net.nodes[f.node].id,
                                 to_string(f.kind),
                                 number(f.capacity),
                                 est(f.utilisation, 100.0, 1),
                                 est(f.mean_queue, 1.0, 2),
                                 est(f.max_queue, 1.0, 0),
                                 est(f.mean_wait, 1.0, 1),
                                 est(f.visits_per_year, 1.0, 0)};
    if (other)
      row.push_back(f.background_share.n ? number(f.background_share.mean * 100.0, 0) : "-");
    t.add_row(row);
  }
  return t.render();
}

std::string background_table(const model::SimulationResults &r) {
  using A = Table::Align;
  Table t({{"background"}, // its name is in summary.json and the report: the table stays narrow
           {"vehicles/yr", A::Right},
           {"TEU/yr", A::Right},
           {"hours through", A::Right}});
  for (const auto &b : r.background)
    t.add_row({b.id, est(b.vehicles_per_year, 1.0, 0), est(b.teu_per_year, 1.0, 0),
               est(b.hours_through, 1.0, 1)});
  return t.render();
}

// With fleets, departures cancelled for want of a vehicle and trips that ran empty.
std::string service_table(const Network &net, const model::SimulationResults &r) {
  using A = Table::Align;
  const bool fleets = !net.fleets.empty();
  std::vector<Table::Column> cols{{"service"},
                                  {"TEU", A::Right},
                                  {"departures/yr", A::Right},
                                  {"load %", A::Right},
                                  {"rolled over TEU/yr", A::Right}};
  if (fleets) {
    cols.push_back({"no vehicle/yr", A::Right});
    cols.push_back({"empty/yr", A::Right});
  }
  Table t(cols);
  for (const auto &s : r.services) {
    if (s.on_demand && !(s.departures_per_year.mean > 0.0))
      continue;
    std::vector<std::string> row{s.id, s.on_demand ? "-" : number(s.capacity.value()),
                                 est(s.departures_per_year, 1.0, 0), est(s.load_factor, 100.0, 1),
                                 est(s.rolled_over_teu_per_year, 1.0, 0)};
    if (fleets) {
      row.push_back(est(s.cancelled_per_year, 1.0, 0));
      row.push_back(est(s.empty_trips_per_year, 1.0, 0));
    }
    t.add_row(row);
  }
  return t.render();
}

std::string bottleneck_table(const model::SimulationResults &r) {
  using A = Table::Align;
  Table t({{"#", A::Right}, {"where"}, {"TEU·h queued/yr", A::Right}, {"util %", A::Right}});
  int rank = 0;
  for (const auto &b : r.bottlenecks)
    if (++rank <= 10)
      t.add_row({std::to_string(rank), b.what, number(b.delay_teu_hours_per_year),
                 number(b.utilisation * 100.0, 1)});
  return rank == 0 ? "none: no facility or service made cargo queue\n" : t.render();
}

std::string conservation(const model::SimulationResults &r) {
  std::string out;
  for (std::size_t i = 0; i < r.replications.size(); ++i) {
    const model::ReplicationSummary &x = r.replications[i];
    const auto &c = x.teu;
    out +=
        fmt::format("replication {}: {} TEU generated = {} delivered + {} in transit + {} "
                    "backlog + {} unroutable; {} events\n",
                    i + 1, number(c.generated), number(c.delivered), number(c.in_transit),
                    number(c.backlog), number(c.unroutable), number(static_cast<double>(x.events)));
    if (x.background_entered > 0)
      out += fmt::format("  background: {} vehicles entered = {} left + {} in the network\n",
                         number(static_cast<double>(x.background_entered)),
                         number(static_cast<double>(x.background_left)),
                         number(static_cast<double>(x.background_entered - x.background_left)));
  }
  return out;
}

void print_tables(const io::Scenario &sc, const model::SimulationResults &r) {
  const Network &net = sc.network;
  const model::SimulationOptions &o = sc.options;
  const std::size_t n = r.replications.size();
  std::cout << fmt::format("{}: {} days measured after {} days of warm-up, {} replication{}, "
                           "seed {}, route choice: {}{} (± = 95% interval across replications)\n\n",
                           scenario_title(sc), number(in_days(o.horizon)),
                           number(in_days(o.warmup)), n, n == 1 ? "" : "s", o.seed,
                           model::to_string(o.route_choice), o.replan ? "" : ", no re-planning")
            << "Transit time by flow (days, ready after the warm-up"
            << (r.overloads.empty() ? ""
                                    : "; OVERLOADED: of the boxes delivered only, see the warning")
            << ")\n"
            << flow_table(net, r) << "\nWhere the time goes (mean hours per consignment)\n"
            << wait_table(r) << "\nRoutes taken (by consignments delivered)\n"
            << route_table(r) << "\nFacilities\n"
            << facility_table(net, r) << "\nServices\n"
            << service_table(net, r) << "\nBottlenecks (TEU-hours of queueing per year)\n"
            << bottleneck_table(r);
  if (!r.background.empty())
    std::cout << "\nBackground traffic (other origins' vehicles; in the facilities above, not "
                 "in the flows)\n"
              << background_table(r);
  std::cout << "\nConservation (whole run)\n" << conservation(r);
}

/// Trace as CSV, one line per event, written as the simulation runs.
model::TraceSink csv_trace(std::ofstream &out, const Network &net,
                           const std::vector<std::string> &services) {
  out << "replication,time_h,event,consignment,trip,service,node,teu\n";
  return [&out, &net, &services](const model::TraceEvent &e) {
    out << e.replication << ',' << fmt::format("{:.6f}", e.time) << ',' << to_string(e.kind) << ','
        << e.consignment << ',' << e.trip << ','
        << (e.service < services.size() ? services[e.service] : "") << ',' << net.nodes[e.node].id
        << ',' << fmt::format("{:.3f}", e.teu) << '\n';
  };
}

void write_simulate_outputs(const SimulateArgs &a, const io::Scenario &sc,
                            const model::SimulationResults &r, double seconds) {
  const auto started = std::chrono::steady_clock::now();
  const io::RunRecord run = run_record("simulate", sc, r, seconds);
  io::write_outputs(a.out, {{sc.name, &sc.network, &r}}, run);
  print_verbose(fmt::format(
      "wrote {} in {:.2f} s", a.out,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()));
  print_note("results in " + a.out + "/ (open " + a.out + "/report.html)");
}

int run_simulate(const SimulateArgs &args) {
  auto sc = load_scenario_or_report(args.file, args.run, command_line_changes(args.run));
  if (!sc)
    return exit_bad_input;
  SimulateArgs a = args;
  if (a.out.empty())
    a.out = sc->out_dir; // the scenario's `outputs: {dir: ...}`
  const Network *net = &sc->network;
  model::SimulationOptions &opt = sc->options;
  if (!a.trace.empty() && a.run.resume)
    throw InputError("--trace with --resume: the kept replications' events are not kept");
  std::vector<io::OutputTarget> others;
  if (!a.trace.empty())
    others.push_back({"--trace", a.trace});
  claim_outputs(a.out, others);             // a bad target fails now, not after the run
  std::optional<io::AtomicFile> trace_file; // appears under its name only once complete
  std::vector<std::string> names;           // service ids for the trace, in the model's order
  if (!a.trace.empty() && output_rank()) {
    trace_file.emplace(a.trace);
    names = model::service_ids(*net);
    opt.trace = csv_trace(trace_file->stream(), *net, names);
  }
  // A trace holds every replication's events in order: then each process runs them all
  // (rank 0 writes it); otherwise replications are spread over the MPI ranks.
  double seconds = 0.0;
  const model::SimulationResults r =
      simulate_scenario(*sc, seconds, keep_under(a.out, "run", a.run), a.trace.empty());
  print_verbose(fmt::format("simulated in {:.2f} s", seconds));
  if (trace_file)
    trace_file->commit();
  if (!a.out.empty() && output_rank())
    write_simulate_outputs(a, *sc, r, seconds);
  discard_kept(a.out);
  if (a.format == "json")
    std::cout << io::results_json({sc->name, &sc->network, &r},
                                  run_record("simulate", *sc, r, seconds));
  else
    print_tables(*sc, r);
  return exit_ok;
}

} // namespace

void add_simulate_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("simulate", "Simulate consignments, vehicles and facilities "
                                             "of a corridor: transit times, capacity use, "
                                             "bottlenecks");
  auto a = std::make_shared<SimulateArgs>();
  cmd->add_option("FILE", a->file, "Scenario file, or a corridor file (with its demand)")
      ->required();
  add_run_options(cmd, a->run, true);
  cmd->add_option("--trace", a->trace, "Write every consignment and vehicle event (CSV)");
  cmd->add_option("--out", a->out,
                  "Write summary.json, results CSV, network.geojson and report.html into this "
                  "folder (docs/outputs.md)");
  cmd->add_option("--format", a->format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([&action, a] { action = [a] { return run_simulate(*a); }; });
}

} // namespace corsim::cli
