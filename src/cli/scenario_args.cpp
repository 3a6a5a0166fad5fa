#include "scenario_args.hpp"

#include "checkpoint.hpp"
#include "commands.hpp"
#include "mpi_exchange.hpp"
#include "output.hpp"
#include "progress.hpp"

#include "corsim/error.hpp"
#include "corsim/io/outputs.hpp"
#include "corsim/model/work.hpp"
#include "corsim/parse.hpp"
#include "corsim/text.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <thread>

namespace corsim::cli {

void add_run_options(CLI::App *cmd, RunOverrides &r, bool changes) {
  cmd->add_option("--days", r.days,
                  "Days measured after the warm-up (default: the scenario's, "
                  "else 365)")
      ->check(finite_number() & CLI::Range(1.0, 36500.0));
  cmd->add_option("--warmup", r.warmup,
                  "Days simulated before measuring (default: the scenario's, else 30), or "
                  "'auto': chosen from a pilot run by MSER-5")
      ->check(CLI::IsMember({"auto"}) | (finite_number() & CLI::Range(0.0, 3650.0) &
                                         CLI::Validator(
                                             [](const std::string &text) {
                                               // as the scenario file: 0, or at least 1 h
                                               const double d = std::stod(text);
                                               return d == 0.0 || d >= 1.0 / 24.0
                                                          ? std::string()
                                                          : "must be 0 or at least 1 h (0.0417)";
                                             },
                                             "0 or >= 1 h")));
  cmd->add_option("--replications", r.replications,
                  "Replications (default 5); with --precision, the minimum")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--precision", r.precision,
                  "Sequential replications: add more until every flow's transit mean and TEU "
                  "delivered have a 95% half width under this share of their mean (e.g. 0.05)")
      ->check(finite_number() & CLI::Range(1e-6, 0.99));
  cmd->add_option("--max-replications", r.max_replications,
                  "With --precision: stop at this many (default 1000)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--seed", r.seed, "Scenario seed, 0 to 2^53 (default 1)")
      ->check(CLI::Validator(
          [](const std::string &text) {
            return parse_seed(text) ? std::string()
                                    : "must be a whole number from 0 to 2^53 (9007199254740992)";
          },
          "0..2^53"));
  cmd->add_option("--route-choice", r.route_choice,
                  "logit: split over the 5 best routes by generalised cost, booking room on "
                  "departures (the default); earliest: each box takes the earliest arrival")
      ->check(CLI::IsMember({"earliest", "logit"}));
  cmd->add_option("--replan", r.replan,
                  "react: a box left behind by a full train, or late for its connection, "
                  "re-plans from where it stands (the default); never: it keeps its first plan")
      ->check(CLI::IsMember({"react", "never"}));
  cmd->add_flag("--resume", r.resume,
                "Go on from the replications an interrupted run kept under --out DIR");
  cmd->add_option("--threads", r.threads,
                  "Replications run at once (default: one per core); results are the same")
      ->check(CLI::Range(0, 1024));
  if (changes)
    add_change_options(cmd, r);
}

void add_change_options(CLI::App *cmd, RunOverrides &r) {
  cmd->add_option("--set", r.set,
                  "Change the corridor: PATH=VALUE, e.g. "
                  "nodes.ZBK.customs.time='4 h' (docs/scenarios.md)");
  cmd->add_option("--scale", r.scale, "Multiply a value: PATH=FACTOR, e.g. demand.*.volume=1.5");
}

namespace {

Assignment assignment(io::Change::Kind kind, const std::string &option, const std::string &text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw InputError(option + " " + in_quotes(text) + ": expected PATH=VALUE");
  Assignment a{kind, option, text.substr(0, eq), text.substr(eq + 1), {""}};
  int depth = 0;
  for (char c : a.text) {
    depth += (c == '(' || c == '[' || c == '{') - (c == ')' || c == ']' || c == '}');
    if (c == ',' && depth == 0)
      a.values.emplace_back();
    else
      a.values.back() += c;
  }
  for (std::string &v : a.values) {
    const auto first = v.find_first_not_of(' ');
    v = first == std::string::npos ? "" : v.substr(first, v.find_last_not_of(' ') - first + 1);
    if (v.empty())
      throw InputError(option + " " + in_quotes(text) + ": an empty value");
  }
  return a;
}

} // namespace

std::vector<Assignment> assignments(const std::vector<std::string> &set,
                                    const std::vector<std::string> &scale) {
  std::vector<Assignment> out;
  for (const std::string &text : set)
    out.push_back(assignment(io::Change::Kind::Set, "--set", text));
  for (const std::string &text : scale)
    out.push_back(assignment(io::Change::Kind::Scale, "--scale", text));
  return out;
}

std::vector<io::Change> command_line_changes(const RunOverrides &r) {
  std::vector<io::Change> out;
  for (const Assignment &a : assignments(r.set, r.scale))
    out.push_back(io::change_from_text(a.kind, a.path, a.text, a.option));
  return out;
}

namespace {

void apply_overrides(model::SimulationOptions &o, const RunOverrides &r) {
  if (r.days)
    o.horizon = days(*r.days);
  if (r.warmup) {
    o.auto_warmup = *r.warmup == "auto";
    if (!o.auto_warmup)
      o.warmup = days(std::stod(*r.warmup));
  }
  if (r.replications)
    o.replications = *r.replications;
  if (r.precision)
    o.target_relative_half_width = *r.precision;
  if (r.max_replications) {
    if (*r.max_replications < o.replications)
      throw InputError(fmt::format("--max-replications {} is below the replications ({}), the "
                                   "minimum of a run with --precision",
                                   *r.max_replications, o.replications));
    o.max_replications = *r.max_replications;
  }
  if (o.max_replications < o.replications) // the default maximum follows a larger minimum
    o.max_replications = o.replications;
  if (r.seed)
    o.seed = *r.seed;
  if (r.route_choice)
    o.route_choice = *r.route_choice == "earliest" ? model::RouteChoice::EarliestArrival
                                                   : model::RouteChoice::Logit;
  if (r.replan)
    o.replan = *r.replan == "react";
  const unsigned cores = std::thread::hardware_concurrency();
  o.threads = r.threads > 0 ? r.threads : static_cast<int>(cores > 0 ? cores : 1);
}

} // namespace

Keep keep_under(const std::string &out, const std::string &tag, const RunOverrides &r) {
  if (out.empty()) {
    if (r.resume)
      throw InputError("--resume needs --out DIR: the replications are kept there");
    return {};
  }
  return {out + "/replications/" + tag, r.resume};
}

void discard_kept(const std::string &out) {
  std::error_code ec;
  if (!out.empty() && output_rank())
    std::filesystem::remove_all(out + "/replications", ec);
}

namespace {

/// What --resume took from the store, and what it ran again because its file did not verify.
void report_kept(const std::string &name, const DiskStore &store) {
  if (store.loaded() > 0)
    print_note(fmt::format("{}: {} replications taken from {}", name, store.loaded(), store.dir()));
  const auto rejected = store.rejected();
  if (!rejected.empty())
    print_error(fmt::format("corsim: warning: {}: {} kept replications did not verify and were "
                            "run again: {}",
                            name, rejected.size(), fmt::join(rejected, ", ")));
}

} // namespace

void check_work(const io::Scenario &sc) {
  if (const std::string p = model::work_problem(sc.network, sc.options); !p.empty())
    throw InputError(SourcePos{sc.file, 0, 0}, p);
}

void claim_outputs(const std::string &out, const std::vector<io::OutputTarget> &others) {
  if (!out.empty() && output_rank()) // the other MPI ranks are part of the same run
    io::prepare_output_dir(out, others);
  else
    io::check_output_targets(others);
}

void choose_warmup(io::Scenario &sc, double &seconds, bool warn) {
  const auto started = std::chrono::steady_clock::now();
  sc.options.warmup = model::choose_warmup(sc.network, sc.options);
  sc.options.auto_warmup = false;
  seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (warn && output_rank())
    print_note(fmt::format("{}: warm-up chosen from a pilot run (MSER-5 on the weekly TEU in "
                           "the system): {:g} days",
                           sc.name, in_days(sc.options.warmup)));
}

model::SimulationResults simulate_scenario(io::Scenario &sc, double &seconds, const Keep &keep,
                                           bool spread, bool warn) {
  ProgressBar bar(sc.name + ": replications");
  if (output_rank())
    sc.options.progress = bar.callback();
  sc.options.exchange = spread ? exchange() : nullptr;
  sc.options.stop = stop_flag();
  if (sc.options.auto_warmup) // before the store: the chosen warm-up is part of the run
    choose_warmup(sc, seconds, warn);
  std::optional<DiskStore> store;
  if (!keep.dir.empty()) {
    store.emplace(keep.dir, sc.as_run(), keep.resume);
    sc.options.store = &*store;
  }
  const auto started = std::chrono::steady_clock::now();
  try {
    model::SimulationResults r = model::simulate(sc.network, sc.options);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    sc.options.progress = nullptr;
    sc.options.store = nullptr;
    if (store && output_rank())
      report_kept(sc.name, *store);
    if (warn && output_rank()) {
      if (const std::string w = io::overload_warning(r); !w.empty())
        print_error(fmt::format("corsim: warning: {}: {}", sc.name, w));
      for (const std::string &w : r.warnings)
        print_note(sc.name + ": " + w); // on stderr, and not with --quiet
    }
    return r;
  } catch (const model::Interrupted &e) {
    if (!warn)
      throw;
    print_error(fmt::format("corsim: interrupted: {} of {} replications of {} finished{}",
                            e.finished(), e.asked(), sc.name,
                            store ? "; they are kept in " + store->dir() +
                                        ": run the same command with --resume to go on"
                                  : " (with --out DIR they would be kept for --resume)"));
    throw;
  }
}

io::RunRecord run_record(const std::string &command, const io::Scenario &sc,
                         const model::SimulationResults &r, double seconds) {
  const model::SimulationOptions &o = sc.options;
  return io::RunRecord{command,
                       sc.name,
                       sc.as_run(),
                       in_days(o.horizon),
                       in_days(o.warmup),
                       static_cast<int>(r.replications.size()),
                       o.seed,
                       model::to_string(o.route_choice),
                       seconds};
}

std::string scenario_title(const io::Scenario &sc) {
  if (sc.file == sc.corridor) // a corridor file run as it is
    return sc.network.name.empty() ? sc.file : sc.network.name;
  return sc.name + " (" + (sc.network.name.empty() ? sc.corridor : sc.network.name) + ")";
}

namespace {
/// The scenario of `load`, with the command line's run settings, after printing its
/// diagnostics; nullopt when it has errors.
std::optional<io::Scenario> report(io::ScenarioLoad &load, const RunOverrides &r) {
  for (const io::Diagnostic &d : load.diagnostics)
    print_error(d.text());
  if (!load.scenario)
    return std::nullopt;
  apply_overrides(load.scenario->options, r);
  check_work(*load.scenario);
  return std::move(load.scenario);
}
} // namespace

std::optional<io::Scenario> load_scenario_or_report(const std::string &file, const RunOverrides &r,
                                                    const std::vector<io::Change> &changes) {
  io::ScenarioLoad load = io::try_load_scenario(file, changes);
  return report(load, r);
}

std::optional<std::vector<io::Scenario>>
load_variants_or_report(const std::string &file, const RunOverrides &r,
                        const std::vector<std::vector<io::Change>> &variants) {
  std::vector<io::ScenarioLoad> loads = io::try_load_variants(file, variants);
  std::vector<io::Scenario> out;
  for (io::ScenarioLoad &load : loads) {
    auto sc = report(load, r);
    if (!sc)
      return std::nullopt; // the first variant that does not load, as it would alone
    out.push_back(std::move(*sc));
  }
  return out;
}

} // namespace corsim::cli
