// The top level of a network file: version, name, epoch, settings and the entity lists.
#include "load_context.hpp"
#include "yaml_document.hpp"

#include "corsim/suggest.hpp"
#include "corsim/text.hpp"

#include <algorithm>

namespace corsim::io {

std::optional<NodeIndex> LoadContext::resolve_node(const YAML::Node &ref, const std::string &what) {
  auto name = scalar_text(diag, ref, what);
  if (!name)
    return std::nullopt;
  if (node_index_of != net.nodes.size()) {
    node_index.clear();
    for (NodeIndex i = 0; i < net.nodes.size(); ++i) // ids first: an id wins over a name
      node_index.emplace(net.nodes[i].id, i);
    for (NodeIndex i = 0; i < net.nodes.size(); ++i) {
      if (!net.nodes[i].name.empty())
        node_index.emplace(net.nodes[i].name, i);
      if (!net.nodes[i].local_name.empty())
        node_index.emplace(net.nodes[i].local_name, i);
    }
    node_index_of = net.nodes.size();
  }
  if (const auto it = node_index.find(*name); it != node_index.end())
    return it->second;
  diag.error(ref, what + ": unknown node " + in_quotes(*name) +
                      (!diag.wants_suggestions() ? "" : did_you_mean(*name, net.node_names())));
  return std::nullopt;
}

std::pair<NodeIndex, NodeIndex> LoadContext::read_endpoints(MapReader &m) {
  const auto from = m.has("from") ? resolve_node(m.node("from"), "'from'") : std::nullopt;
  const auto to = m.has("to") ? resolve_node(m.node("to"), "'to'") : std::nullopt;
  if (m.valid() && !m.has("from"))
    m.missing("from");
  if (m.valid() && !m.has("to"))
    m.missing("to");
  if (from && to && *from == *to)
    diag.error(m.node("to"), "'from' and 'to' must be different nodes");
  return {from.value_or(0), to.value_or(0)};
}

bool LoadContext::check_unique(std::set<std::string> &seen, const std::string &id,
                               const YAML::Node &at, const char *what) {
  if (seen.insert(id).second)
    return true;
  diag.error(at, std::string("duplicate ") + what + " id " + in_quotes(id));
  return false;
}

std::optional<YAML::Node> LoadContext::entity_list(const YAML::Node &root, const char *key,
                                                   bool required) {
  const YAML::Node list = root[key];
  if (!list.IsDefined() || list.IsNull()) {
    if (required)
      diag.error(root, std::string("missing required key '") + key + "' (a list)");
    return std::nullopt;
  }
  if (!list.IsSequence()) {
    diag.error(list, std::string("'") + key + "' must be a list");
    return std::nullopt;
  }
  if (list.size() > limits.max_entities) {
    diag.error(list, std::string("too many entries in '") + key +
                         "': " + std::to_string(list.size()) + ", the limit is " +
                         std::to_string(limits.max_entities));
    return std::nullopt;
  }
  return list;
}

void load_settings(LoadContext &ctx, const YAML::Node &root) {
  MapReader top(ctx.diag, root, "the network file",
                {"corsim", "name", "description", "epoch", "settings", "nodes", "links", "services",
                 "demand", "disruptions", "fleets", "background"});
  if (!top.valid())
    return;
  if (auto version = top.integer("corsim", 1, 1000, true); version && *version != 1)
    ctx.diag.error(top.node("corsim"), "unsupported format version " + std::to_string(*version) +
                                           " (this corsim reads version 1)");
  ctx.net.name = top.text("name", false).value_or("");
  if (auto epoch = top.text("epoch", false))
    if (auto d = read_date(ctx.diag, top.node("epoch"), *epoch, 0))
      ctx.net.settings.epoch = *d;
  ctx.epoch_weekday = weekday(ctx.net.settings.epoch);
  if (!top.has("settings"))
    return;
  MapReader s(ctx.diag, top.node("settings"), "'settings'", {"tonnes_per_teu", "value_of_time"});
  if (auto t = s.quantity("tonnes_per_teu", Dimension::Mass, Sign::Positive, false))
    ctx.net.settings.tonnes_per_teu = Tonnes(*t);
  if (!s.has("value_of_time"))
    return;
  MapReader vot(ctx.diag, s.node("value_of_time"), "'value_of_time'", cargo_names());
  for (std::size_t c = 0; c < cargo_names().size(); ++c)
    if (auto v = vot.quantity(cargo_names()[c].c_str(), Dimension::MoneyPerTime, Sign::NonNegative,
                              false))
      ctx.net.settings.value_of_time[c] = Usd(*v);
}

namespace {

void load_entities(LoadContext &ctx, const YAML::Node &root) {
  if (auto nodes = ctx.entity_list(root, "nodes", true))
    load_nodes(ctx, *nodes);
  if (auto links = ctx.entity_list(root, "links", false))
    load_links(ctx, *links);
  if (auto fleets = ctx.entity_list(root, "fleets", false))
    load_fleets(ctx, *fleets);
  if (auto services = ctx.entity_list(root, "services", false))
    load_services(ctx, *services);
  if (auto demand = ctx.entity_list(root, "demand", false))
    load_demand(ctx, *demand);
  if (auto disruptions = ctx.entity_list(root, "disruptions", false))
    load_disruptions(ctx, *disruptions);
  if (auto background = ctx.entity_list(root, "background", false))
    load_background(ctx, *background);
}

} // namespace

bool LoadResult::ok() const {
  return std::none_of(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::vector<std::string> LoadResult::error_texts() const {
  std::vector<std::string> out;
  for (const auto &d : diagnostics)
    if (d.severity == Severity::Error)
      out.push_back(d.text());
  return out;
}

LoadResult load_network_tree(Diagnostics &diag, const std::optional<YAML::Node> &root,
                             const LoadLimits &limits) {
  const std::string &path = diag.file();
  LoadContext ctx{diag, limits, "", {}, 0, {}, {}, {}, {}, {}, {}, {}, 0};
  const std::size_t slash = path.rfind('/');
  ctx.directory = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  if (root) {
    load_settings(ctx, *root);
    if (root->IsMap())
      load_entities(ctx, *root);
    if (!diag.has_errors())
      validate_network(ctx);
  }
  return LoadResult{std::move(ctx.net), diag.take()};
}

LoadResult try_load_network(const std::string &path, const LoadLimits &limits) {
  Diagnostics diag(path);
  return load_network_tree(diag, read_yaml_file(diag, path, limits), limits);
}

LoadResult try_load_network_text(const std::string &text, const std::string &name,
                                 const LoadLimits &limits) {
  Diagnostics diag(name);
  return load_network_tree(diag, parse_yaml_text(diag, text, limits), limits);
}

LoadErrors::LoadErrors(std::vector<Diagnostic> diagnostics)
    : InputError(diagnostics.empty() ? "invalid input" : diagnostics.front().text()),
      diagnostics_(std::move(diagnostics)) {}

Network load_network(const std::string &path, const LoadLimits &limits) {
  LoadResult r = try_load_network(path, limits);
  if (!r.ok()) {
    std::vector<Diagnostic> errors;
    for (auto &d : r.diagnostics)
      if (d.severity == Severity::Error)
        errors.push_back(std::move(d));
    throw LoadErrors(std::move(errors));
  }
  return std::move(r.network);
}

} // namespace corsim::io
