// corsim info FILE: aligned tables of nodes, links, services and demand, with totals.
#include "commands.hpp"
#include "output.hpp"
#include "table.hpp"

#include <iostream>

namespace corsim::cli {
namespace {

std::string facilities(const Node &n) {
  std::string out;
  auto add = [&](bool present, const char *name) {
    if (present)
      out += (out.empty() ? "" : ", ") + std::string(name);
  };
  add(n.handling.has_value(), "handling");
  add(n.yard.has_value(), "yard");
  add(n.customs.has_value(), "customs");
  add(n.gauge_change.has_value(), "gauge change");
  add(n.road_checkpoint.has_value(), "road checkpoint");
  add(n.seaport.has_value(), "seaport");
  return out.empty() ? "-" : out;
}

std::string node_table(const Network &net) {
  Table t({{"id"}, {"name"}, {"local"}, {"kind"}, {"country"}, {"facilities"}});
  for (const auto &n : net.nodes)
    t.add_row({n.id, n.name, n.local_name, to_string(n.kind), n.country, facilities(n)});
  return t.render();
}

std::string link_table(const Network &net) {
  using A = Table::Align;
  Table t({{"id"},
           {"from"},
           {"to"},
           {"mode"},
           {"gauge"},
           {"km", A::Right},
           {"hours", A::Right},
           {"paths/d", A::Right},
           {"USD/TEU", A::Right},
           {"g/tkm", A::Right}});
  double km[3] = {0, 0, 0};
  for (const auto &l : net.links) {
    km[static_cast<int>(l.mode)] += l.length.value();
    t.add_row({l.id, net.nodes[l.from].id, net.nodes[l.to].id, to_string(l.mode),
               l.mode == Mode::Rail ? to_string(l.gauge) : "", number(l.length.value()),
               number(l.mean_running_time().value(), 1),
               l.capacity.value() > 0 ? number(per_day(l.capacity), 1) : "unlimited",
               number(l.cost.value()), number(l.co2.value(), 1)});
  }
  t.add_total({"total", "", "", "", "", number(km[0] + km[1] + km[2])});
  return t.render() + "rail " + number(km[0]) + " km, sea " + number(km[1]) + " km, road " +
         number(km[2]) + " km\n";
}

std::string service_table(const Network &net) {
  using A = Table::Align;
  Table t({{"id"},
           {"name"},
           {"mode"},
           {"route"},
           {"vehicle"},
           {"TEU", A::Right},
           {"dep/wk", A::Right},
           {"TEU/wk", A::Right}});
  double total = 0;
  for (const auto &s : net.services) {
    std::string route;
    for (NodeIndex n : s.route)
      route += (route.empty() ? "" : "→") + net.nodes[n].id;
    const double per_week = s.schedule.departures_per_week();
    total += per_week * s.vehicle.capacity.value();
    t.add_row({s.id, s.name, to_string(s.mode), route, to_string(s.vehicle.type),
               number(s.vehicle.capacity.value()),
               s.schedule.kind == Schedule::Kind::Dispatch ? "on demand" : number(per_week, 1),
               s.schedule.kind == Schedule::Kind::Dispatch
                   ? "-"
                   : number(per_week * s.vehicle.capacity.value())});
  }
  t.add_total({"total", "", "", "", "", "", "", number(total)});
  return t.render();
}

std::string demand_table(const Network &net) {
  using A = Table::Align;
  Table t({{"id"},
           {"from"},
           {"to"},
           {"cargo"},
           {"TEU/yr", A::Right},
           {"TEU each", A::Right},
           {"due d", A::Right}});
  double total = 0;
  for (const auto &f : net.demand) {
    total += f.volume.value();
    t.add_row({f.id, net.nodes[f.origin].id, net.nodes[f.destination].id, to_string(f.cargo),
               number(f.volume.value()), number(f.size.mean(), 1),
               f.due.value() > 0 ? number(in_days(f.due), 1) : "-"});
  }
  t.add_total({"total", "", "", "", number(total)});
  return t.render();
}

int run_info(const std::string &file) {
  const auto net = load_or_report(file);
  if (!net)
    return exit_bad_input;
  std::cout << (net->name.empty() ? file : net->name)
            << " (epoch " + to_string(net->settings.epoch) + ")\n\n"
            << "Nodes (" << net->nodes.size() << ")\n"
            << node_table(*net) << "\n"
            << "Links (" << net->links.size() << ")\n"
            << link_table(*net) << "\n"
            << "Services (" << net->services.size() << ")\n"
            << service_table(*net) << "\n"
            << "Demand (" << net->demand.size() << ")\n"
            << demand_table(*net);
  return exit_ok;
}

} // namespace

void add_info_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("info", "Print tables of a network's nodes, links, services "
                                         "and demand");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "Network YAML file")->required();
  cmd->callback([&action, file] { action = [file] { return run_info(*file); }; });
}

} // namespace corsim::cli
