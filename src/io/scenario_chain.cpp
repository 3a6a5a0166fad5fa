// Reading a scenario's chain: the file, the scenarios it extends, its changes.
#include "scenario_chain.hpp"

#include "corsim/text.hpp"

#include "corsim/suggest.hpp"

#include <filesystem>

namespace corsim::io {

namespace fs = std::filesystem;

bool is_scenario(const YAML::Node &root) {
  return root.IsMap() && (root["base"] || root["extends"]);
}

std::string stem(const std::string &file) { return fs::path(file).stem().string(); }

namespace {

std::string relative_to(const std::string &file, const std::string &path) {
  if (path.empty() || path.front() == '/')
    return path;
  return (fs::path(file).parent_path() / path).lexically_normal().string();
}

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

} // namespace

void report_at_reference(Diagnostics &file_diag, Diagnostics &diag, const SourcePos &at,
                         const char *key) {
  for (Diagnostic &d : file_diag.take()) {
    if (d.severity == Severity::Warning)
      file_diag.warning(d.pos, std::move(d.message));
    else if (d.pos.line > 0 || at.line <= 0)
      file_diag.error(d.pos, std::move(d.message));
    else
      diag.error(at,
                 std::string("'") + key + "' " + corsim::in_quotes(d.pos.file) + ": " + d.message);
  }
}

/// Reads `file` and the scenarios it extends into `chain`; false after reporting a problem.
bool ChainReader::read(const std::string &file, const YAML::Node &root, Chain &chain, int depth) {
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
  if (top.has("base")) {
    chain.corridor = relative_to(file, top.text("base", true).value_or(""));
    chain.corridor_at = diag.pos(top.node("base"), content_offset(top.node("base")));
  }
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

bool ChainReader::read_parent(Diagnostics &diag, const std::string &file, MapReader &top,
                              Chain &chain, int depth) {
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
    diag.error(at, "scenarios extend each other more than " + std::to_string(slimits_.max_extends) +
                       " deep");
    return false;
  }
  Diagnostics &pdiag = diags_.emplace_back(parent);
  const auto proot = read_yaml_file(pdiag, parent, limits_, texts_);
  if (!proot) {
    report_at_reference(pdiag, diag, diag.pos(at, content_offset(at)), "extends");
    return false;
  }
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

void ChainReader::read_changes(Diagnostics &diag, const YAML::Node &list, Chain &chain) {
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

} // namespace corsim::io
