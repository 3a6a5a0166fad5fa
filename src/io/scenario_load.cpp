// Scenario files: the extends chain, the run settings and the changes (docs/scenarios.md).
#include "corsim/io/scenario.hpp"

#include "load_context.hpp"
#include "scenario_changes.hpp"
#include "yaml_document.hpp"

#include "corsim/suggest.hpp"

#include <deque>
#include <filesystem>

namespace corsim::io {

namespace {

namespace fs = std::filesystem;

/// A change as read from a file, with its value node (which keeps its line and column).
struct FileChange {
  Change change;
  YAML::Node value;
};

/// What the scenario files of one chain say, the innermost (the one with `base`) first.
struct Chain {
  std::string corridor;
  std::vector<FileChange> changes;
  std::vector<YAML::Node> run; ///< each layer's `run` map, innermost first
  std::vector<std::string> run_files;
  std::string name, description, out_dir;
};

bool is_scenario(const YAML::Node &root) {
  return root.IsMap() && (root["base"] || root["extends"]);
}

std::string relative_to(const std::string &file, const std::string &path) {
  if (path.empty() || path.front() == '/')
    return path;
  return (fs::path(file).parent_path() / path).lexically_normal().string();
}

std::string stem(const std::string &file) { return fs::path(file).stem().string(); }

const std::vector<std::string> change_kinds = {"set", "scale", "add", "remove"};

std::optional<FileChange> read_change(Diagnostics &diag, const YAML::Node &entry) {
  MapReader m(diag, entry, "a change", {"set", "scale", "add", "remove", "to", "by", "items"});
  if (!m.valid())
    return std::nullopt;
  int kinds = 0;
  FileChange fc;
  for (std::size_t k = 0; k < change_kinds.size(); ++k)
    if (m.has(change_kinds[k].c_str())) {
      ++kinds;
      fc.change.kind = static_cast<Change::Kind>(k);
      const YAML::Node path = m.node(change_kinds[k].c_str());
      fc.change.path = scalar_text(diag, path, "the path").value_or("");
      fc.change.at = diag.pos(path, content_offset(path));
    }
  if (kinds != 1) {
    diag.error(entry, "a change has exactly one of set, scale, add or remove");
    return std::nullopt;
  }
  static const char *value_key[] = {"to", "by", "items", nullptr};
  const char *needs = value_key[static_cast<int>(fc.change.kind)];
  for (const char *key : {"to", "by", "items"})
    if (m.has(key) && (!needs || std::string(key) != needs))
      diag.error(m.node(key), std::string("'") + key + "' does not go with " +
                                  change_kinds[static_cast<int>(fc.change.kind)]);
  if (needs && !m.has(needs)) {
    m.missing(needs);
    return std::nullopt;
  }
  if (needs) {
    fc.value = m.node(needs);
    if (fc.change.kind == Change::Kind::Scale) {
      fc.change.value = scalar_text(diag, fc.value, "'by'").value_or("");
    } else {
      YAML::Emitter text; // for the record of the scenario as run
      text << YAML::Flow << fc.value;
      fc.change.value = text.c_str();
    }
  }
  if (fc.change.path.empty())
    return std::nullopt;
  return fc;
}

class ChainReader {
public:
  ChainReader(std::deque<Diagnostics> &diags, const LoadLimits &limits,
              const ScenarioLimits &slimits, FileTexts *texts)
      : diags_(diags), limits_(limits), texts_(texts), slimits_(slimits) {}

  /// Reads `file` and the scenarios it extends into `chain`; false after reporting a problem.
  bool read(const std::string &file, const YAML::Node &root, Chain &chain, int depth) {
    Diagnostics &diag = diags_.emplace_back(file);
    if (depth == 0) {
      std::error_code ec;
      open_.push_back(fs::weakly_canonical(file, ec).string());
    }
    MapReader top(
        diag, root, "the scenario file",
        {"corsim", "scenario", "description", "base", "extends", "run", "changes", "outputs"});
    if (!top.valid())
      return false;
    if (top.has("base") == top.has("extends")) {
      diag.error(root, "a scenario names exactly one of 'base' (a corridor file) or 'extends' "
                       "(another scenario)");
      return false;
    }
    if (top.has("extends") && !read_parent(diag, file, top, chain, depth))
      return false;
    if (top.has("base"))
      chain.corridor = relative_to(file, top.text("base", true).value_or(""));
    if (auto name = top.text("scenario", false))
      chain.name = *name;
    if (auto d = top.text("description", false))
      chain.description = *d;
    if (top.has("run")) {
      chain.run.push_back(top.node("run"));
      chain.run_files.push_back(file);
    }
    if (top.has("outputs")) {
      MapReader out(diag, top.node("outputs"), "'outputs'", {"dir"});
      if (auto dir = out.text("dir", false))
        chain.out_dir = relative_to(file, *dir);
    }
    if (top.has("changes"))
      read_changes(diag, top.node("changes"), chain);
    return !diag.has_errors();
  }

private:
  bool read_parent(Diagnostics &diag, const std::string &file, MapReader &top, Chain &chain,
                   int depth) {
    const YAML::Node at = top.node("extends");
    const std::string parent = relative_to(file, top.text("extends", true).value_or(""));
    std::error_code ec;
    const std::string key = fs::weakly_canonical(parent, ec).string();
    for (const std::string &seen : open_)
      if (seen == key) {
        diag.error(at, "scenarios extend each other in a cycle: '" + parent +
                           "' is already "
                           "being read");
        return false;
      }
    if (depth >= slimits_.max_extends) {
      diag.error(at, "scenarios extend each other more than " +
                         std::to_string(slimits_.max_extends) + " deep");
      return false;
    }
    Diagnostics &pdiag = diags_.emplace_back(parent);
    const auto proot = read_yaml_file(pdiag, parent, limits_, texts_);
    if (!proot)
      return false;
    if (!is_scenario(*proot)) {
      diag.error(at, "'" + parent +
                         "' is not a scenario (it has neither 'base' nor 'extends'); "
                         "to start from a corridor file, name it with 'base'");
      return false;
    }
    open_.push_back(key);
    const bool ok = read(parent, *proot, chain, depth + 1);
    open_.pop_back();
    chain.name.clear(); // a scenario's name is its own, not its parent's
    chain.description.clear();
    return ok;
  }

  void read_changes(Diagnostics &diag, const YAML::Node &list, Chain &chain) {
    if (!list.IsSequence()) {
      diag.error(list, "'changes' must be a list");
      return;
    }
    for (const auto &entry : list) {
      if (chain.changes.size() >= slimits_.max_changes) {
        diag.error(entry, "more than " + std::to_string(slimits_.max_changes) + " changes");
        return;
      }
      if (auto c = read_change(diag, entry))
        chain.changes.push_back(std::move(*c));
    }
  }

  std::deque<Diagnostics> &diags_;
  const LoadLimits &limits_;
  FileTexts *texts_;
  const ScenarioLimits &slimits_;
  std::vector<std::string> open_; ///< the files being read, to find cycles
};

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
      cdiag.error(c.at, "'" + c.value + "' is not a YAML value: " + e.msg);
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
