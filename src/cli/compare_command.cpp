// corsim compare BASE WHATIF...: key results side by side, with paired differences.
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"
#include "scenario_args.hpp"
#include "table.hpp"

#include "corsim/io/outputs.hpp"
#include "corsim/model/experiment.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace corsim::cli {
namespace {

struct CompareArgs {
  std::vector<std::string> files; ///< base first
  RunOverrides run;
  std::string format = "table";
  std::string out;
  bool all = false;
};

int decimals_for(const std::string &unit) { return unit == "TEU/yr" ? 0 : unit == "d" ? 1 : 3; }

std::string with_ci(const model::Estimate &e, const std::string &unit, bool sign) {
  const int d = decimals_for(unit);
  std::string s = (sign && e.mean > 0 ? "+" : "") + number(e.mean, d);
  if (e.n >= 2)
    s += " ± " + number(e.half_width, d);
  return s;
}

/// Flows' measures always; facilities only where something changed (or with --all).
bool worth_showing(const model::Difference &d, bool all) {
  return all || d.measure != "utilisation" || d.significant;
}

std::string differences_table(const std::vector<std::string> &names,
                              const std::vector<std::vector<model::Difference>> &diffs, bool all) {
  using A = Table::Align;
  std::vector<Table::Column> cols{{"subject"}, {"measure"}, {names[0], A::Right}};
  for (std::size_t i = 1; i < names.size(); ++i) {
    cols.push_back({names[i], A::Right});
    cols.push_back({"difference (95% CI)", A::Right});
    cols.push_back({"", A::Left});
  }
  Table t(cols);
  for (std::size_t row = 0; row < diffs[0].size(); ++row) {
    const model::Difference &first = diffs[0][row];
    bool show = false;
    for (const auto &d : diffs)
      show = show || worth_showing(d[row], all);
    if (!show)
      continue;
    std::vector<std::string> cells{first.subject, first.measure + " (" + first.unit + ")",
                                   with_ci(first.base, first.unit, false)};
    for (const auto &d : diffs) {
      cells.push_back(with_ci(d[row].other, d[row].unit, false));
      cells.push_back(with_ci(d[row].difference, d[row].unit, true));
      cells.push_back(d[row].significant ? "*" : "");
    }
    t.add_row(cells);
  }
  return t.render();
}

nlohmann::ordered_json estimate_json(const model::Estimate &e) {
  return {{"mean", e.mean}, {"half_width", e.half_width}, {"n", e.n}};
}

nlohmann::ordered_json compare_json(const std::vector<io::Scenario> &scs,
                                    const std::vector<std::vector<model::Difference>> &diffs) {
  nlohmann::ordered_json out;
  out["base"] = scs[0].name;
  out["seed"] = scs[0].options.seed;
  out["comparisons"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < diffs.size(); ++i) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const model::Difference &d : diffs[i])
      rows.push_back({{"subject", d.subject},
                      {"measure", d.measure},
                      {"unit", d.unit},
                      {"base", estimate_json(d.base)},
                      {"other", estimate_json(d.other)},
                      {"difference", estimate_json(d.difference)},
                      {"significant", d.significant}});
    out["comparisons"].push_back({{"scenario", scs[i + 1].name}, {"differences", rows}});
  }
  return out;
}

/// The files of `--out DIR`: every scenario's results and the differences.
void write_compare_outputs(const std::string &dir, const std::vector<io::Scenario> &scs,
                           const std::vector<model::SimulationResults> &results,
                           const io::Differences &diffs, double seconds) {
  std::vector<io::ScenarioOutput> outs;
  for (std::size_t i = 0; i < scs.size(); ++i)
    outs.push_back({scs[i].name, &scs[i].network, &results[i]});
  io::write_outputs(dir, outs, run_record("compare", scs[0], results[0], seconds), diffs);
  discard_kept(dir);
}

void print_compare(const std::vector<io::Scenario> &scs, std::size_t replications,
                   const io::Differences &diffs, bool all) {
  std::vector<std::string> names;
  for (const io::Scenario &sc : scs)
    names.push_back(sc.name);
  const model::SimulationOptions &o = scs[0].options;
  std::cout << fmt::format("compare: {} days after {} days of warm-up, {} paired replications "
                           "on common random numbers (seed {})\n"
                           "difference = what-if − {}; * = its 95% interval excludes 0\n\n",
                           number(in_days(o.horizon)), number(in_days(o.warmup)), replications,
                           o.seed, names[0])
            << differences_table(names, diffs, all);
}

int run_compare(const CompareArgs &args) {
  CompareArgs a = args;
  std::vector<io::Scenario> scs;
  for (const std::string &file : a.files) {
    auto sc = load_scenario_or_report(file, a.run, command_line_changes(a.run));
    if (!sc)
      return exit_bad_input;
    scs.push_back(std::move(*sc));
  }
  if (a.out.empty())
    a.out = scs[0].out_dir; // the base scenario's `outputs: {dir: ...}`
  claim_outputs(a.out);
  double seconds = 0.0;
  if (scs[0].options.auto_warmup) // chosen once, from the base: all measure the same window
    choose_warmup(scs[0], seconds, true);
  // Common random numbers: every scenario runs with the base's run settings.
  for (std::size_t i = 1; i < scs.size(); ++i) {
    scs[i].options = model::paired_options(scs[0].options, scs[i].options);
    check_work(scs[i]); // now with the base's days and replications
  }
  std::vector<model::SimulationResults> results;
  for (std::size_t i = 0; i < scs.size(); ++i)
    results.push_back(simulate_scenario(scs[i], seconds,
                                        keep_under(a.out, "scenario-" + std::to_string(i), a.run)));
  io::Differences diffs;
  for (std::size_t i = 1; i < results.size(); ++i)
    diffs.push_back(model::compare(results[0], results[i]));
  if (!output_rank())
    return exit_ok;
  if (!a.out.empty())
    write_compare_outputs(a.out, scs, results, diffs, seconds);
  if (a.format == "json")
    std::cout
        << compare_json(scs, diffs).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  else
    print_compare(scs, results[0].replications.size(), diffs, a.all);
  return exit_ok;
}

} // namespace

void add_compare_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("compare", "Run scenarios on common random numbers and "
                                            "compare their key results with the first "
                                            "(paired confidence intervals)");
  auto a = std::make_shared<CompareArgs>();
  cmd->add_option("BASE WHATIF", a->files, "Scenario (or corridor) files; the first is the base")
      ->required()
      ->expected(2, 64);
  add_run_options(cmd, a->run, true);
  cmd->add_flag("--all", a->all, "Also list facilities whose utilisation did not change");
  cmd->add_option("--out", a->out, "Write summary.json, CSV, GeoJSON and report.html here");
  cmd->add_option("--format", a->format, "Output format")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([&action, a] { action = [a] { return run_compare(*a); }; });
}

} // namespace corsim::cli
