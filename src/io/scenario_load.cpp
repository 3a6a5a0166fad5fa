// Loading a scenario: its chain (scenario_chain.cpp), its changes applied to the corridor, the
// corridor loaded and checked (docs/scenarios.md).
#include "corsim/io/scenario.hpp"
#include "corsim/text.hpp"

#include "load_context.hpp"
#include "scenario_chain.hpp"
#include "scenario_changes.hpp"

#include <algorithm>
#include <deque>

namespace corsim::io {

namespace {

/// Every diagnostic of `diags` (in order), then `more`.
std::vector<Diagnostic> all_diagnostics(std::deque<Diagnostics> &diags,
                                        std::vector<Diagnostic> more) {
  std::vector<Diagnostic> out;
  for (Diagnostics &d : diags)
    for (Diagnostic &x : d.take())
      out.push_back(std::move(x));
  for (Diagnostic &x : more)
    out.push_back(std::move(x));
  return out;
}

/// Applies the chain's changes and then `extra` (recorded in `sc`) to the corridor's YAML.
void apply_changes(Diagnostics &cdiag, YAML::Node &corridor, const Chain &chain,
                   const std::vector<Change> &extra, Scenario &sc) {
  for (const FileChange &fc : chain.changes) {
    sc.changes.push_back(fc.change);
    apply_change(cdiag, corridor, fc.change, fc.value);
  }
  for (const Change &c : extra) {
    sc.changes.push_back(c);
    YAML::Node value;
    try {
      value = YAML::Load(c.value);
    } catch (const YAML::Exception &e) {
      cdiag.error(c.at, in_quotes(c.value) + " is not a YAML value: " + e.msg);
      continue;
    }
    apply_change(cdiag, corridor, c, value);
  }
}

/// Loads the changed corridor, checks each layer's route shares at its own lines, and keeps the
/// network in `sc` when there is no error.
ScenarioLoad load_changed(std::deque<Diagnostics> &diags, Diagnostics &cdiag,
                          std::optional<YAML::Node> corridor, const Chain &chain, Scenario sc,
                          const LoadLimits &limits) {
  // Loaded even when a change failed (it was skipped): all the errors are reported at once.
  LoadResult loaded = load_network_tree(cdiag, corridor, limits);
  if (loaded.ok()) {
    for (std::size_t i = 0; i < chain.run.size(); ++i) {
      Diagnostics check(chain.run_files[i]);
      check_route_shares(check, loaded.network, chain.run[i]);
      for (Diagnostic &d : check.take())
        loaded.diagnostics.push_back(std::move(d));
    }
  }
  ScenarioLoad out{std::nullopt, all_diagnostics(diags, std::move(loaded.diagnostics))};
  if (std::none_of(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const Diagnostic &d) { return d.severity == Severity::Error; })) {
    sc.name = chain.name.empty() ? stem(sc.file) : chain.name;
    sc.description = chain.description;
    sc.corridor = chain.corridor;
    sc.network = std::move(loaded.network);
    sc.out_dir = chain.out_dir;
    out.scenario = std::move(sc);
  }
  return out;
}

/// try_load_scenario, with the files' texts kept in `texts` (when given) for the next variant.
ScenarioLoad load_scenario(const std::string &path, const std::vector<Change> &extra,
                           const LoadLimits &limits, const ScenarioLimits &slimits,
                           FileTexts *texts) {
  std::deque<Diagnostics> diags;
  const auto root = read_yaml_file(diags.emplace_back(path), path, limits, texts);
  if (!root)
    return {std::nullopt, all_diagnostics(diags, {})};
  Chain chain;
  chain.corridor = path;
  Scenario sc;
  sc.file = path;
  sc.options.replications = 5; // a scenario's default: enough for a first interval
  if (is_scenario(*root)) {
    diags.pop_back(); // the chain reader makes one per file
    if (!ChainReader(diags, limits, slimits, texts).read(path, *root, chain, 0))
      return {std::nullopt, all_diagnostics(diags, {})};
    for (std::size_t i = 0; i < chain.run.size(); ++i)
      read_run_settings(diags.emplace_back(chain.run_files[i]), chain.run[i], sc.options, slimits);
  }
  Diagnostics cdiag(chain.corridor);
  std::optional<YAML::Node> corridor =
      chain.corridor == path ? root : read_yaml_file(cdiag, chain.corridor, limits, texts);
  if (!corridor && chain.corridor != path)
    report_at_reference(cdiag, diags.front(), chain.corridor_at, "base");
  if (corridor)
    apply_changes(cdiag, *corridor, chain, extra, sc);
  const bool settings_ok =
      std::none_of(diags.begin(), diags.end(), [](const Diagnostics &d) { return d.has_errors(); });
  if (!settings_ok || !corridor)
    return {std::nullopt, all_diagnostics(diags, cdiag.take())};
  return load_changed(diags, cdiag, std::move(corridor), chain, std::move(sc), limits);
}

} // namespace

ScenarioLoad try_load_scenario(const std::string &path, const std::vector<Change> &extra,
                               const LoadLimits &limits, const ScenarioLimits &slimits) {
  return load_scenario(path, extra, limits, slimits, nullptr);
}

std::vector<ScenarioLoad> try_load_variants(const std::string &path,
                                            const std::vector<std::vector<Change>> &variants,
                                            const LoadLimits &limits,
                                            const ScenarioLimits &slimits) {
  FileTexts texts;
  std::vector<ScenarioLoad> out;
  for (const std::vector<Change> &extra : variants)
    out.push_back(load_scenario(path, extra, limits, slimits, &texts));
  return out;
}

Change change_from_text(Change::Kind kind, const std::string &path, const std::string &value,
                        const std::string &option) {
  Change c;
  c.kind = kind;
  c.path = path;
  c.value = value;
  c.at = SourcePos{option + " " + path + "=" + value, 0, 0};
  return c;
}

} // namespace corsim::io
