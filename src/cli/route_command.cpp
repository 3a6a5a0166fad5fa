// corsim route NETWORK --from A --to B: the best route by time, cost, CO2 or generalised cost,
// k alternatives, routes under constraints, the Pareto set, or (with --ready) the earliest
// arrival through the timetable and its 7-day profile, printed leg by leg as a table or JSON.
// Registered from main.cpp with add_route_command (declared in commands.hpp).
#include "commands.hpp"
#include "json_text.hpp"
#include "output.hpp"
#include "table.hpp"

#include "corsim/calendar.hpp"
#include "corsim/error.hpp"
#include "corsim/router.hpp"
#include "corsim/suggest.hpp"
#include "corsim/timetable.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace corsim::cli {

void add_route_command(CLI::App &app, Action &action);

namespace {

struct RouteOptions {
  std::string file, from, to, by = "time", cargo = "containers", ready, format = "table";
  int k = 1;
  double max_days = 0, max_cost = 0, max_co2 = 0;
  CLI::Option *max_days_opt = nullptr, *max_cost_opt = nullptr, *max_co2_opt = nullptr;
  std::vector<std::string> modes, via, avoid;
  bool pareto = false, profile = false;
};

Metric parse_metric(const std::string &s) {
  if (auto m = metric_from_string(s))
    return *m;
  throw InputError("--by: unknown metric '" + s + "'" +
                   did_you_mean(s, {"time", "cost", "co2", "generalised", "length"}));
}

CargoClass parse_cargo(const std::string &s) {
  if (auto c = cargo_from_string(s))
    return *c;
  throw InputError("--cargo: unknown cargo class '" + s + "'" + did_you_mean(s, cargo_names()));
}

/// "2024-03-11", "2024-03-11T08:00" or "2024-03-11 08:00" -> hours from the network's epoch.
Hours parse_ready(const std::string &s, CivilDate epoch) {
  if (auto t = try_parse_date_time(s, epoch))
    return *t;
  throw InputError("--ready: '" + s + "' is not a date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
}

/// Hours from the epoch as "2023-01-02 10:00 Mon".
std::string date_time(Hours t, CivilDate epoch) {
  static const char *names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  const double minutes = std::round(t.value() * 60.0);
  const auto day = static_cast<std::int64_t>(std::floor(minutes / 1440.0));
  const auto in_day = static_cast<int>(minutes - static_cast<double>(day) * 1440.0);
  const CivilDate d = civil_from_days(days_since_unix_epoch(epoch) + day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d %s", to_string(d).c_str(), in_day / 60, in_day % 60,
                names[weekday(d)]);
  return buf;
}

/// What a leg is, in words: "rail 1435 (L0)", "dwell", "gauge change 1435 -> 1520".
std::string describe(const Network &net, const RouteLeg &leg) {
  switch (leg.kind) {
  case ArcKind::Link:
    return std::string(to_string(leg.from_port)) + " (" + net.links[leg.link].id + ")";
  case ArcKind::Through:
    return leg.from_port == Port::Road ? "dwell (customs, road checkpoint)" : "dwell (customs)";
  case ArcKind::Transfer:
    if (mode_of(leg.from_port) == Mode::Rail && mode_of(leg.to_port) == Mode::Rail)
      return "gauge change " + std::string(to_string(leg.from_port)).substr(5) + " -> " +
             std::string(to_string(leg.to_port)).substr(5);
    return std::string("transfer ") + to_string(leg.from_port) + " -> " + to_string(leg.to_port);
  }
  return "?";
}

std::string route_summary(const Network &net, const Route &r, std::size_t i, std::size_t n) {
  std::string via;
  for (std::size_t j = 1; j + 1 < r.nodes.size(); ++j)
    via += (via.empty() ? " via " : ", ") + net.nodes[r.nodes[j]].name;
  return "Route " + std::to_string(i + 1) + " of " + std::to_string(n) + ": " +
         net.nodes[r.nodes.front()].name + " -> " + net.nodes[r.nodes.back()].name + via + "\n  " +
         number(in_days(r.totals.time), 1) + " days, " + number(r.totals.cost.value()) +
         " USD/TEU, " + number(r.totals.co2.value(), 2) + " t CO2/TEU, " +
         number(r.totals.length.value()) + " km\n";
}

std::string route_table(const Network &net, const Route &r) {
  using A = Table::Align;
  Table t({{"from"},
           {"to"},
           {"how"},
           {"hours", A::Right},
           {"USD/TEU", A::Right},
           {"t CO2/TEU", A::Right},
           {"km", A::Right}});
  for (const RouteLeg &leg : r.legs) {
    if (leg.kind != ArcKind::Link && leg.metrics.time.value() == 0.0)
      continue; // nothing happens there
    t.add_row({net.nodes[leg.from].id, leg.kind == ArcKind::Link ? net.nodes[leg.to].id : "",
               describe(net, leg), number(leg.metrics.time.value(), 1),
               number(leg.metrics.cost.value()), number(leg.metrics.co2.value(), 3),
               number(leg.metrics.length.value())});
  }
  t.add_total({"total", "", "", number(r.totals.time.value(), 1), number(r.totals.cost.value()),
               number(r.totals.co2.value(), 3), number(r.totals.length.value())});
  return t.render();
}

std::string routes_json(const Network &net, const std::vector<Route> &routes) {
  std::string out = "{\"routes\": [";
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Route &r = routes[i];
    out += std::string(i ? ", " : "") + "{\"hours\": " + json_number(r.totals.time.value()) +
           ", \"usd_per_teu\": " + json_number(r.totals.cost.value()) +
           ", \"t_co2_per_teu\": " + json_number(r.totals.co2.value()) +
           ", \"km\": " + json_number(r.totals.length.value()) +
           ", \"weight\": " + json_number(r.weight) + ", \"legs\": [";
    for (std::size_t j = 0; j < r.legs.size(); ++j) {
      const RouteLeg &leg = r.legs[j];
      out += std::string(j ? ", " : "") + "{\"from\": " + json_string(net.nodes[leg.from].id) +
             ", \"to\": " + json_string(net.nodes[leg.to].id) +
             ", \"what\": " + json_string(describe(net, leg)) +
             ", \"hours\": " + json_number(leg.metrics.time.value()) +
             ", \"usd\": " + json_number(leg.metrics.cost.value()) +
             ", \"t_co2\": " + json_number(leg.metrics.co2.value()) + "}";
    }
    out += "]}";
  }
  return out + "]}\n";
}

std::string itinerary_table(const Network &net, const Itinerary &it) {
  using A = Table::Align;
  const CivilDate e = net.settings.epoch;
  Table t({{"from"},
           {"to"},
           {"by"},
           {"ready"},
           {"departs"},
           {"arrives"},
           {"wait h", A::Right},
           {"USD/TEU", A::Right},
           {"t CO2/TEU", A::Right}});
  for (const TimetableLeg &leg : it.legs)
    t.add_row({net.nodes[leg.from].id, net.nodes[leg.to].id,
               leg.on_demand ? "truck on demand (" + net.links[leg.link].id + ")"
                             : net.services[leg.service].id + " " + to_string(leg.port),
               date_time(leg.ready, e), date_time(leg.departure, e), date_time(leg.arrival, e),
               number(leg.wait().value(), 1), number(leg.cost.value()),
               number(leg.co2.value(), 3)});
  t.add_total({"total", "", "", date_time(it.ready, e), "", date_time(it.arrival, e), "",
               number(it.cost.value()), number(it.co2.value(), 3)});
  return t.render() + "  " + number(in_days(it.duration()), 1) + " days door to door\n";
}

std::string itinerary_json(const Network &net, const Itinerary &it) {
  const CivilDate e = net.settings.epoch;
  std::string out = "{\"ready\": " + json_string(date_time(it.ready, e)) +
                    ", \"arrival\": " + json_string(date_time(it.arrival, e)) +
                    ", \"hours\": " + json_number(it.duration().value()) +
                    ", \"usd_per_teu\": " + json_number(it.cost.value()) + ", \"legs\": [";
  for (std::size_t j = 0; j < it.legs.size(); ++j) {
    const TimetableLeg &leg = it.legs[j];
    out += std::string(j ? ", " : "") + "{\"from\": " + json_string(net.nodes[leg.from].id) +
           ", \"to\": " + json_string(net.nodes[leg.to].id) +
           ", \"by\": " + json_string(leg.on_demand ? "truck" : net.services[leg.service].id) +
           ", \"departs\": " + json_string(date_time(leg.departure, e)) +
           ", \"arrives\": " + json_string(date_time(leg.arrival, e)) +
           ", \"wait_hours\": " + json_number(leg.wait().value()) + "}";
  }
  return out + "]}\n";
}

RouteQuery make_query(const Network &net, const RouteOptions &o) {
  RouteQuery q;
  q.from = net.find_node(o.from);
  q.to = net.find_node(o.to);
  q.metric = parse_metric(o.by);
  q.cargo = parse_cargo(o.cargo);
  q.filter = make_filter(net, o.modes, o.avoid);
  for (const std::string &v : o.via)
    q.via.push_back(net.find_node(v));
  if (o.max_days_opt->count() > 0)
    q.max_time = days(o.max_days);
  if (o.max_cost_opt->count() > 0)
    q.max_cost = Usd(o.max_cost);
  if (o.max_co2_opt->count() > 0)
    q.max_co2 = Tonnes(o.max_co2);
  return q;
}

int no_route(const Network &net, const RouteQuery &q) {
  std::cout << "No route from " << net.nodes[q.from].name << " to " << net.nodes[q.to].name
            << " with these options.\n";
  return exit_no_result;
}

/// The CLI answers with truck drivers' breaks and daily rests on road links.
DwellOptions cli_dwell() {
  DwellOptions d;
  d.driver_hours = DriverHoursRules{};
  return d;
}

int run_timetable(const Network &net, const RouteOptions &o, const RouteQuery &q) {
  const RoutingGraph graph(net, cli_dwell());
  const Timetable tt(graph);
  TimetableQuery tq;
  tq.from = q.from;
  tq.to = q.to;
  tq.cargo = q.cargo;
  tq.filter = q.filter;
  tq.ready = parse_ready(o.ready, net.settings.epoch);
  if (o.profile) {
    Table t({{"ready"}, {"arrives"}, {"days", Table::Align::Right}});
    for (const ProfilePoint &p : tt.weekly_profile(tq, Hours(6.0)))
      t.add_row({date_time(p.ready, net.settings.epoch),
                 p.arrival ? date_time(*p.arrival, net.settings.epoch) : "-",
                 p.arrival ? number(in_days(*p.arrival - p.ready), 1) : "-"});
    std::cout << t.render();
    return exit_ok;
  }
  const auto it = tt.earliest_arrival(tq);
  if (!it)
    return no_route(net, q);
  std::cout << (o.format == "json" ? itinerary_json(net, *it) : itinerary_table(net, *it));
  return exit_ok;
}

int run_route(const RouteOptions &o) {
  const auto net = load_or_report(o.file);
  if (!net)
    return exit_bad_input;
  const RouteQuery q = make_query(*net, o);
  if (!o.ready.empty())
    return run_timetable(*net, o, q);
  const RoutingGraph graph(*net, cli_dwell());
  Router router(graph);
  const std::vector<Route> routes = o.pareto ? router.pareto(q) : router.alternatives(q, o.k);
  if (routes.empty())
    return no_route(*net, q);
  if (o.format == "json") {
    std::cout << routes_json(*net, routes);
    return exit_ok;
  }
  for (std::size_t i = 0; i < routes.size(); ++i)
    std::cout << (i ? "\n" : "") << route_summary(*net, routes[i], i, routes.size())
              << route_table(*net, routes[i]);
  return exit_ok;
}

} // namespace

void add_route_command(CLI::App &app, Action &action) {
  auto *cmd = app.add_subcommand("route", "Best, alternative, constrained, Pareto or "
                                          "timetable-aware routes between two nodes");
  auto o = std::make_shared<RouteOptions>();
  cmd->add_option("NETWORK", o->file, "Network YAML file")->required();
  cmd->add_option("--from", o->from, "Origin: node id, name or local name")->required();
  cmd->add_option("--to", o->to, "Destination")->required();
  cmd->add_option("--by", o->by, "time | cost | co2 | generalised | length (default time)");
  cmd->add_option("-k", o->k, "Number of alternatives (default 1)")->check(CLI::Range(1, 100));
  o->max_days_opt = cmd->add_option("--max-days", o->max_days, "At most this many days")
                        ->check(finite_number() & CLI::PositiveNumber);
  o->max_cost_opt = cmd->add_option("--max-cost", o->max_cost, "At most this many USD per TEU")
                        ->check(finite_number() & CLI::NonNegativeNumber);
  o->max_co2_opt = cmd->add_option("--max-co2", o->max_co2, "At most this many t CO2 per TEU")
                       ->check(finite_number() & CLI::NonNegativeNumber);
  cmd->add_option("--modes", o->modes, "Allowed modes, e.g. rail,sea")->delimiter(',');
  cmd->add_option("--via", o->via, "Pass this node (repeatable, in order)");
  cmd->add_option("--avoid", o->avoid, "Avoid this node or country code (repeatable)");
  cmd->add_option("--cargo", o->cargo, "containers | vehicles | ecommerce | mail");
  cmd->add_option("--ready", o->ready, "Ready date-time (YYYY-MM-DDTHH:MM): use the timetable");
  cmd->add_flag("--profile", o->profile, "With --ready: arrival for ready times over 7 days");
  cmd->add_flag("--pareto", o->pareto, "All routes not beaten on time, cost and CO2 together");
  cmd->add_option("--format", o->format, "table | json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([&action, o] { action = [o] { return run_route(*o); }; });
}

} // namespace corsim::cli
