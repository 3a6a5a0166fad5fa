// corsim sweep SCENARIO --set path=v1,v2 ...: a grid of variants, one results row each.
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"
#include "scenario_args.hpp"
#include "table.hpp"

#include "corsim/io/outputs.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace corsim::cli {
namespace {

struct SweepArgs {
  std::string file;
  RunOverrides run; ///< --set/--scale here hold several values
  std::vector<std::string> set_grid, scale_grid;
  std::string flow; ///< --flow: that flow's figures as columns
  std::string format = "table";
  std::string out; ///< --out DIR
};

/// Every combination of the axes' values, the first axis varying slowest.
std::vector<std::vector<io::Change>> grid(const std::vector<Assignment> &axes) {
  std::vector<std::vector<io::Change>> out{{}};
  for (const Assignment &axis : axes) {
    std::vector<std::vector<io::Change>> next;
    for (const auto &partial : out)
      for (const std::string &v : axis.values) {
        auto row = partial;
        row.push_back(io::change_from_text(axis.kind, axis.path, v, axis.option));
        next.push_back(std::move(row));
      }
    out = std::move(next);
  }
  return out;
}

struct Row {
  std::vector<std::string> values;
  double delivered = 0, backlog = 0, transit = 0, worst_p95 = 0;
  std::string worst_flow, bottleneck;
  model::Estimate flow_mean, flow_p95, flow_teu;
};

Row summarise(const model::SimulationResults &r, const std::string &flow) {
  Row row;
  double weight = 0.0;
  for (const model::OdResult &o : r.od) {
    row.delivered += o.delivered_teu_per_year.mean;
    row.backlog += o.backlog_teu.mean;
    if (o.transit_mean.n > 0) {
      row.transit += o.transit_mean.mean * o.delivered_teu_per_year.mean;
      weight += o.delivered_teu_per_year.mean;
    }
    if (o.transit_p95.n > 0 && o.transit_p95.mean > row.worst_p95) {
      row.worst_p95 = o.transit_p95.mean;
      row.worst_flow = o.flow;
    }
    if (o.flow == flow) {
      row.flow_mean = o.transit_mean;
      row.flow_p95 = o.transit_p95;
      row.flow_teu = o.delivered_teu_per_year;
    }
  }
  row.transit = weight > 0 ? row.transit / weight : 0.0;
  row.bottleneck = r.bottlenecks.empty() ? "none" : r.bottlenecks.front().what;
  return row;
}

std::string est_days(const model::Estimate &e) {
  if (e.n == 0)
    return "-";
  return number(e.mean / hours_per_day, 1) +
         (e.n >= 2 ? " ± " + number(e.half_width / hours_per_day, 1) : "");
}

void print_table(const std::vector<Assignment> &axes, const std::vector<Row> &rows,
                 const std::string &flow) {
  using A = Table::Align;
  std::vector<Table::Column> cols;
  for (const Assignment &a : axes)
    cols.push_back({a.path + (a.kind == io::Change::Kind::Scale ? " ×" : "")});
  for (const char *c : {"TEU/yr delivered", "backlog TEU", "mean transit d", "worst p95 d"})
    cols.push_back({c, A::Right});
  if (!flow.empty())
    for (const std::string c : {"mean d", "p95 d", "TEU/yr"})
      cols.push_back({flow + " " + c, A::Right});
  cols.push_back({"top bottleneck"});
  Table t(cols);
  for (const Row &r : rows) {
    std::vector<std::string> cells = r.values;
    cells.push_back(number(r.delivered));
    cells.push_back(number(r.backlog));
    cells.push_back(number(r.transit / hours_per_day, 1));
    cells.push_back(number(r.worst_p95 / hours_per_day, 1) + " (" + r.worst_flow + ")");
    if (!flow.empty()) {
      cells.push_back(est_days(r.flow_mean));
      cells.push_back(est_days(r.flow_p95));
      cells.push_back(r.flow_teu.n ? number(r.flow_teu.mean) : "-");
    }
    cells.push_back(r.bottleneck);
    t.add_row(cells);
  }
  std::cout << t.render();
}

nlohmann::ordered_json rows_json(const std::vector<Assignment> &axes, const std::vector<Row> &rows,
                                 const std::vector<model::SimulationResults> &results) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    nlohmann::ordered_json variant, key = nlohmann::ordered_json::array();
    for (std::size_t a = 0; a < axes.size(); ++a)
      variant[axes[a].path] = rows[i].values[a];
    for (const model::KeyResult &k : results[i].key)
      key.push_back({{"subject", k.subject},
                     {"measure", k.measure},
                     {"unit", k.unit},
                     {"mean", k.estimate.mean},
                     {"half_width", k.estimate.half_width},
                     {"n", k.estimate.n}});
    out.push_back({{"variant", variant},
                   {"delivered_teu_per_year", rows[i].delivered},
                   {"backlog_teu", rows[i].backlog},
                   {"top_bottleneck", rows[i].bottleneck},
                   {"key_results", key}});
  }
  return out;
}

/// One scenario per variant, named by its values ("demand.*.volume=1.5").
void write_sweep_outputs(const std::string &dir, const std::vector<Assignment> &axes,
                         const std::vector<Row> &rows, const std::vector<io::Scenario> &scenarios,
                         const std::vector<model::SimulationResults> &results, double seconds) {
  std::vector<io::ScenarioOutput> outs;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string name;
    for (std::size_t k = 0; k < axes.size(); ++k)
      name += (k ? " " : "") + axes[k].path + "=" + rows[i].values[k];
    outs.push_back({name, &scenarios[i].network, &results[i]});
  }
  io::write_outputs(dir, outs, run_record("sweep", scenarios.front(), results.front(), seconds));
}

/// The grid of variants of the axes, within the limit of 10,000.
std::vector<std::vector<io::Change>> checked_grid(const std::vector<Assignment> &axes) {
  if (axes.empty())
    throw InputError("sweep: give at least one --set PATH=V1,V2,... or --scale PATH=F1,F2,...");
  double count = 1.0; // counted before the grid is built: 1,000 values on 3 axes is 1e9
  for (const Assignment &axis : axes)
    count *= static_cast<double>(axis.values.size());
  if (count > 10'000)
    throw InputError("sweep: " + fmt::format("{:.0f}", count) + " variants; the limit is 10,000");
  return grid(axes);
}

void check_flow(const Network &net, const std::string &flow) {
  if (!flow.empty() && std::none_of(net.demand.begin(), net.demand.end(),
                                    [&](const DemandFlow &f) { return f.id == flow; }))
    throw InputError("--flow: unknown flow '" + flow + "'");
}

int run_sweep(const SweepArgs &args) {
  SweepArgs a = args;
  const std::vector<Assignment> axes = assignments(a.set_grid, a.scale_grid);
  const auto variants = checked_grid(axes);
  // Every variant is loaded before anything runs (a bad value fails at once), each file read
  // once.
  auto loaded = load_variants_or_report(a.file, a.run, variants);
  if (!loaded)
    return exit_bad_input;
  std::vector<io::Scenario> scenarios = std::move(*loaded);
  check_flow(scenarios.front().network, a.flow);
  if (a.out.empty())
    a.out = scenarios.front().out_dir; // the scenario's `outputs: {dir: ...}`
  claim_outputs(a.out);                // a bad folder fails now, not after the runs
  std::vector<Row> rows;
  std::vector<model::SimulationResults> results;
  double seconds = 0.0;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    // Progress, warnings and notes name the variant by its values; the outputs keep the name.
    const std::string name = scenarios[i].name;
    std::string label;
    for (const io::Change &c : variants[i])
      label += (label.empty() ? "" : ", ") + c.path +
               (c.kind == io::Change::Kind::Scale ? " ×" : "=") + c.value;
    scenarios[i].name = name + " [" + label + "]";
    results.push_back(simulate_scenario(scenarios[i], seconds,
                                        keep_under(a.out, "variant-" + std::to_string(i), a.run)));
    scenarios[i].name = name;
    rows.push_back(summarise(results.back(), a.flow));
    for (const io::Change &c : variants[i])
      rows.back().values.push_back(c.value);
  }
  if (!output_rank())
    return exit_ok;
  if (!a.out.empty())
    write_sweep_outputs(a.out, axes, rows, scenarios, results, seconds);
  discard_kept(a.out);
  if (a.format == "json")
    std::cout << rows_json(axes, rows, results)
                     .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
  else
    print_table(axes, rows, a.flow);
  return exit_ok;
}

} // namespace

void add_sweep_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("sweep", "Run a grid of variants of a scenario, one results "
                                          "row each (common random numbers)");
  auto a = std::make_shared<SweepArgs>();
  cmd->add_option("SCENARIO", a->file, "Scenario (or corridor) file")->required();
  add_run_options(cmd, a->run, false);
  cmd->add_option("--set", a->set_grid,
                  "PATH=V1,V2,...: values to try (commas inside brackets stay, so "
                  "'triangular(1 h, 2 h, 4 h)' is one value)");
  cmd->add_option("--scale", a->scale_grid, "PATH=F1,F2,...: factors to try");
  cmd->add_option("--flow", a->flow, "Also show this demand flow's transit and TEU per year");
  cmd->add_option("--out", a->out, "Write summary.json, CSV, GeoJSON and report.html here");
  cmd->add_option("--format", a->format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([&action, a] { action = [a] { return run_sweep(*a); }; });
}

} // namespace corsim::cli
