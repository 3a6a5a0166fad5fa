// corsim flow NETWORK --from A --to B [--to C ...]: the max-flow capacity bound (TEU/year) and the
// minimum cut that limits it. corsim flow NETWORK --demand: the network's demand assigned to
// routes at minimum cost within link and facility capacities, with what cannot be served.
// Registered from main.cpp with add_flow_command (declared in commands.hpp).
#include "commands.hpp"
#include "json_text.hpp"
#include "output.hpp"
#include "scenario_args.hpp"
#include "table.hpp"

#include "corsim/error.hpp"
#include "corsim/flow.hpp"
#include "corsim/model/capacity.hpp"
#include "corsim/suggest.hpp"

#include <algorithm>
#include <iostream>
#include <sstream>

namespace corsim::cli {

void add_flow_command(CLI::App &app, Action &action);

namespace {

struct FlowCommandOptions {
  std::string file, from, by = "generalised", format = "table";
  std::vector<std::string> to, modes, avoid;
  bool demand = false;
  RunOverrides changes; ///< --set and --scale only
};

std::string cut_table(const MaxFlowResult &r) {
  Table t({{"bottleneck (minimum cut)"}, {"TEU/yr", Table::Align::Right}});
  for (const CutElement &c : r.min_cut)
    t.add_row({c.name, number(c.capacity.value())});
  t.add_total({"total", number(r.value.value())});
  return t.render();
}

/// The services' bound to each destination, and what binds it.
std::string services_text(const Network &net, NodeIndex from, const std::vector<NodeIndex> &to,
                          const std::vector<model::ServiceBound> &services) {
  using A = Table::Align;
  Table t({{"to"}, {"TEU/yr", A::Right}, {"at their limit"}});
  for (std::size_t i = 0; i < to.size(); ++i) {
    const model::ServiceBound &b = services[i];
    std::string binding;
    for (std::size_t k = 0; k < b.binding.size() && k < 3; ++k)
      binding += (binding.empty() ? "" : ", ") + b.binding[k];
    t.add_row({net.nodes[to[i]].name, b.unbounded ? "unbounded" : number(b.multiplier),
               b.unbounded ? "a route without a limited resource" : binding});
  }
  return "Max flow from " + net.nodes[from].name +
         " over the services (seats, lanes, quotas, paths, lifts, cranes, berths; 2-TEU "
         "boxes, no other traffic):\n" +
         t.render();
}

int run_max_flow(const Network &net, const FlowCommandOptions &o, const FlowOptions &fo) {
  if (o.from.empty() || o.to.empty()) {
    print_error("corsim flow: give --from A --to B (one or more --to), or --demand");
    return exit_bad_input;
  }
  const NodeIndex from = net.find_node(o.from);
  std::vector<NodeIndex> to;
  for (const std::string &t : o.to)
    to.push_back(net.find_node(t));
  const MaxFlowResult r = max_flow(net, from, to, fo);
  std::vector<model::ServiceBound> services;
  for (NodeIndex t : to)
    services.push_back(model::services_max_flow(net, from, t));
  if (o.format == "json") {
    std::cout << "{\"services\": [";
    for (std::size_t i = 0; i < to.size(); ++i) {
      std::cout << (i ? ", " : "") << "{\"to\": " << json_string(net.nodes[to[i]].id)
                << ", \"teu_per_year\": "
                << (services[i].unbounded ? "null" : json_number(services[i].multiplier, 12))
                << ", \"binding\": [";
      for (std::size_t b = 0; b < services[i].binding.size(); ++b)
        std::cout << (b ? ", " : "") << json_string(services[i].binding[b]);
      std::cout << "]}";
    }
    std::cout << "], \"infrastructure\": {\"teu_per_year\": "
              << (r.unbounded ? "null" : json_number(r.value.value(), 12))
              << ", \"unbounded\": " << (r.unbounded ? "true" : "false") << ", \"min_cut\": [";
    for (std::size_t i = 0; i < r.min_cut.size(); ++i)
      std::cout << (i ? ", " : "") << "{\"name\": " << json_string(r.min_cut[i].name)
                << ", \"teu_per_year\": " << json_number(r.min_cut[i].capacity.value(), 12) << "}";
    std::cout << "]}}\n";
    return exit_ok;
  }
  std::cout << services_text(net, from, to, services) << "\n";
  if (r.unbounded) {
    std::cout << "Infrastructure only: unbounded, a path from " << net.nodes[from].name
              << " has no capacity limit (links with capacity 0 and no limiting facility).\n";
    return exit_ok;
  }
  std::cout << "Infrastructure only, ignoring services: max flow from " << net.nodes[from].name
            << ": " << number(r.value.value()) << " TEU/yr\n"
            << cut_table(r);
  const bool any = std::any_of(services.begin(), services.end(),
                               [](const auto &b) { return b.unbounded || b.multiplier > 0.0; });
  return any ? exit_ok : exit_no_result;
}

std::string route_text(const Network &net, const RouteFlow &r) {
  std::string out;
  for (NodeIndex n : r.nodes)
    out += (out.empty() ? "" : "→") + net.nodes[n].id;
  return out;
}

int run_demand(const Network &net, const FlowCommandOptions &o, const FlowOptions &fo) {
  const corsim::Assignment a = assign_demand(net, net.demand, fo);
  using A = Table::Align;
  Table routes({{"demand"}, {"route"}, {"TEU/yr", A::Right}, {"cost/TEU", A::Right}});
  for (const RouteFlow &r : a.routes)
    routes.add_row({net.demand[r.demand].id, route_text(net, r), number(r.volume.value()),
                    number(r.cost_per_teu)});
  Table demands(
      {{"demand"}, {"requested", A::Right}, {"served", A::Right}, {"unserved", A::Right}});
  for (const DemandOutcome &d : a.demands)
    demands.add_row({net.demand[d.demand].id, number(d.requested.value()), number(d.served.value()),
                     number(d.unserved.value())});
  if (o.format == "json") {
    std::cout << "{\"total_cost\": " << json_number(a.total_cost, 12) << ", \"routes\": [";
    for (std::size_t i = 0; i < a.routes.size(); ++i)
      std::cout << (i ? ", " : "")
                << "{\"demand\": " << json_string(net.demand[a.routes[i].demand].id)
                << ", \"route\": " << json_string(route_text(net, a.routes[i]))
                << ", \"teu_per_year\": " << json_number(a.routes[i].volume.value(), 12) << "}";
    std::cout << "]}\n";
    return exit_ok;
  }
  std::cout << "Assignment by " << to_string(fo.metric) << " (cost per TEU in its unit)\n"
            << routes.render() << "\n"
            << demands.render() << "total cost per year: " << number(a.total_cost) << "\n";
  return exit_ok;
}

/// The network, changed by --set and --scale when given (as a scenario of it).
std::optional<Network> load_changed(const FlowCommandOptions &o) {
  if (o.changes.set.empty() && o.changes.scale.empty())
    return load_or_report(o.file);
  auto sc = load_scenario_or_report(o.file, o.changes, command_line_changes(o.changes));
  return sc ? std::optional<Network>(std::move(sc->network)) : std::nullopt;
}

int run_flow(const FlowCommandOptions &o) {
  const auto net = load_changed(o);
  if (!net)
    return exit_bad_input;
  FlowOptions fo;
  const auto metric = metric_from_string(o.by);
  if (!metric)
    throw InputError("--by: unknown metric '" + o.by + "'" +
                     did_you_mean(o.by, {"time", "cost", "co2", "generalised", "length"}));
  fo.metric = *metric;
  fo.dwell.driver_hours = DriverHoursRules{}; // truck drivers' breaks and rests on road links
  fo.filter = make_filter(*net, o.modes, o.avoid);
  return o.demand ? run_demand(*net, o, fo) : run_max_flow(*net, o, fo);
}

} // namespace

void add_flow_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("flow", "Capacity bound and bottleneck between nodes (max-flow), "
                                         "or the demand assigned within capacities");
  auto o = std::make_shared<FlowCommandOptions>();
  cmd->add_option("NETWORK", o->file, "Network YAML file")->required();
  cmd->add_option("--from", o->from, "Origin: node id, name or local name");
  cmd->add_option("--to", o->to, "Destination (repeatable)");
  cmd->add_flag("--demand", o->demand, "Assign the network's demand to routes");
  cmd->add_option("--by", o->by, "Assignment cost: time | cost | co2 | generalised");
  cmd->add_option("--modes", o->modes, "Allowed modes, e.g. rail,sea")->delimiter(',');
  cmd->add_option("--avoid", o->avoid, "Avoid this node or country code (repeatable)");
  cmd->add_option("--format", o->format, "table | json")->check(CLI::IsMember({"table", "json"}));
  add_change_options(cmd, o->changes);
  cmd->callback([&action, o] { action = [o] { return run_flow(*o); }; });
}

} // namespace corsim::cli
