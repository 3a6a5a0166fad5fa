// Services: timetabled trains, sailings and truck runs.
#include "load_context.hpp"

#include "corsim/text.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace corsim::io {

namespace {

const std::vector<std::string> weekday_names = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

Vehicle read_vehicle(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(
      ctx.diag, y, "'vehicle'",
      {"type", "wagons", "teu_per_wagon", "max_length", "wagon_length", "capacity", "speed"});
  Vehicle v;
  const auto type = m.choice("type", vehicle_type_names(), true);
  v.type = static_cast<VehicleType>(type.value_or(0));
  if (!type)
    return v;
  if (v.type == VehicleType::Train) {
    v.wagons = m.integer("wagons", 1, 1000, true).value_or(0);
    v.teu_per_wagon =
        Teu(m.quantity("teu_per_wagon", Dimension::Volume, Sign::Positive, false).value_or(2.0));
    v.max_length = Metres(
        m.quantity("max_length", Dimension::TrainLength, Sign::Positive, false).value_or(0.0));
    v.wagon_length = Metres(
        m.quantity("wagon_length", Dimension::TrainLength, Sign::Positive, false).value_or(15.0));
    v.capacity = v.teu_per_wagon * v.wagons;
    if (v.max_length.value() > 0 && v.wagons * v.wagon_length.value() > v.max_length.value())
      ctx.diag.error(m.node("wagons"),
                     std::to_string(v.wagons) + " wagons of " +
                         std::to_string(static_cast<int>(v.wagon_length.value())) +
                         " m exceed the train's max_length");
    for (const char *key : {"capacity", "speed"})
      if (m.has(key))
        ctx.diag.error(m.node(key), "'" + std::string(key) +
                                        "' does not apply to a train "
                                        "(its capacity is wagons × teu_per_wagon)");
    return v;
  }
  v.capacity = Teu(m.quantity("capacity", Dimension::Volume, Sign::Positive, true).value_or(0));
  if (v.type == VehicleType::Vessel)
    v.speed = KmPerHour(m.quantity("speed", Dimension::Speed, Sign::Positive, true).value_or(0));
  else if (m.has("speed"))
    ctx.diag.error(m.node("speed"), "'speed' applies only to vessels (trucks run at the speed "
                                    "of their road links)");
  for (const char *key : {"wagons", "teu_per_wagon", "max_length", "wagon_length"})
    if (m.has(key))
      ctx.diag.error(m.node(key), "'" + std::string(key) + "' applies only to trains");
  return v;
}

/// "HH:MM" -> hours after midnight.
std::optional<double> read_departure_time(LoadContext &ctx, const YAML::Node &t) {
  auto text = scalar_text(ctx.diag, t, "a departure time");
  if (!text)
    return std::nullopt;
  const auto clock = try_parse_clock(*text);
  if (!clock) {
    ctx.diag.error(t, "departure time " + in_quotes(*text) + " must be HH:MM (00:00 to 23:59)");
    return std::nullopt;
  }
  return clock->value();
}

/// {days: [...], times: [...]} -> departure times within the week.
void read_weekly(LoadContext &ctx, MapReader &m, Schedule &s) {
  s.kind = Schedule::Kind::Weekly;
  const YAML::Node days = m.node("days"), times = m.node("times");
  if (!times.IsDefined())
    return m.missing("times");
  if (!days.IsSequence() || days.size() == 0 || !times.IsSequence() || times.size() == 0) {
    ctx.diag.error(days.IsSequence() ? times : days,
                   "'days' and 'times' must be non-empty lists like [Tue, Fri] and [\"10:00\"]");
    return;
  }
  // Distinct days and times first: their product is at most 7 x 1440, however long the lists.
  std::set<double> clock_hours;
  for (const auto &t : times)
    if (auto h = read_departure_time(ctx, t))
      clock_hours.insert(*h);
  std::set<std::size_t> weekdays;
  for (const auto &d : days)
    if (const auto day = scalar_choice(ctx.diag, d, weekday_names, "a weekday"))
      weekdays.insert(*day);
  for (const std::size_t day : weekdays)
    for (const double h : clock_hours)
      s.weekly.push_back(Hours(24.0 * static_cast<double>(day) + h));
}

} // namespace

Schedule read_schedule(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'schedule'", {"days", "times", "every", "first", "dispatch"});
  Schedule s;
  const int forms = int(m.has("days")) + int(m.has("every")) + int(m.has("dispatch"));
  if (m.valid() && forms != 1) {
    ctx.diag.error(y, "'schedule' needs exactly one of 'days' (with 'times'), 'every' or "
                      "'dispatch'");
    return s;
  }
  if (m.has("first") && !m.has("every"))
    ctx.diag.error(m.node("first"), "'first' applies only to a schedule with 'every'");
  if (m.has("times") && !m.has("days"))
    ctx.diag.error(m.node("times"), "'times' needs 'days'");
  if (m.has("days"))
    read_weekly(ctx, m, s);
  else if (m.has("every")) {
    s.kind = Schedule::Kind::Interval;
    s.every = Hours(m.quantity("every", Dimension::Duration, Sign::Positive, true).value_or(24));
    // A departure every few seconds is a typo, and would flood the simulation with vehicles.
    if (s.every < Hours(1.0 / 60)) {
      ctx.diag.error(m.node("every"), "'every' must be at least 1 min");
      s.every = Hours(24);
    }
    s.first = Hours(m.quantity("first", Dimension::Duration, Sign::NonNegative, false).value_or(0));
  } else if (m.has("dispatch")) {
    s.kind = Schedule::Kind::Dispatch;
    MapReader d(ctx.diag, m.node("dispatch"), "'dispatch'", {"max_wait", "when_full"});
    s.max_wait =
        Hours(d.quantity("max_wait", Dimension::Duration, Sign::Positive, true).value_or(24));
    s.when_full = d.boolean("when_full").value_or(true);
  }
  return s;
}

void read_route(LoadContext &ctx, MapReader &m, Service &s) {
  const YAML::Node route = m.node("route");
  if (!route.IsDefined())
    return m.missing("route");
  if (!route.IsSequence() || route.size() < 2) {
    ctx.diag.error(route, "'route' must be a list of at least two nodes");
    return;
  }
  for (const auto &r : route) {
    auto n = ctx.resolve_node(r, "route");
    if (!n)
      return s.route.clear();
    s.route.push_back(*n);
  }
}

namespace {

std::vector<CargoClass> read_cargo_list(LoadContext &ctx, const YAML::Node &y) {
  std::vector<CargoClass> out;
  if (!y.IsSequence()) {
    ctx.diag.error(y, "'cargo' must be a list of cargo classes like [containers, mail]");
    return out;
  }
  for (const auto &c : y)
    if (auto k = scalar_choice(ctx.diag, c, cargo_names(), "a cargo class"))
      out.push_back(static_cast<CargoClass>(*k));
  return out;
}

/// `extra: {when_waiting: 150 TEU, per_week: 2}`: departures added when boxes pile up.
ExtraDepartures read_extra(LoadContext &ctx, const YAML::Node &y, const Schedule &schedule) {
  MapReader m(ctx.diag, y, "'extra'", {"when_waiting", "per_week"});
  ExtraDepartures e;
  e.when_waiting =
      Teu(m.quantity("when_waiting", Dimension::Volume, Sign::Positive, true).value_or(0.0));
  e.per_week = m.integer("per_week", 1, 1000, true).value_or(0);
  if (schedule.kind == Schedule::Kind::Dispatch)
    ctx.diag.error(y, "'extra' needs a timetable ('days' or 'every'): a dispatched service "
                      "already leaves when its cargo is there");
  return e;
}

/// `dwell_at: {MZL: 0 h, ZBK: 0 h}`: stop times at nodes of the route that replace `dwell`.
void read_dwell_at(LoadContext &ctx, const YAML::Node &y, Service &s) {
  if (!y.IsMap()) {
    ctx.diag.error(y, "'dwell_at' must be a map of nodes to stop times, like {MZL: 0 h}");
    return;
  }
  for (const auto &entry : y) {
    const auto node = ctx.resolve_node(entry.first, "dwell_at");
    const auto h = scalar_quantity(ctx.diag, entry.second, Dimension::Duration, Sign::NonNegative,
                                   "a stop time");
    if (!node || !h)
      continue;
    if (std::find(s.route.begin(), s.route.end(), *node) == s.route.end())
      ctx.diag.error(entry.first,
                     "'" + ctx.net.nodes[*node].id + "' is not on the route of '" + s.id + "'");
    s.dwell_at.emplace_back(*node, Hours(*h));
  }
}

/// The fleet a service names.
std::uint32_t read_fleet_of(LoadContext &ctx, MapReader &m, const Service &s) {
  if (ctx.net.fleets.empty()) {
    ctx.diag.error(m.node("fleet"), "service '" + s.id +
                                        "' names a fleet, but no 'fleets' are "
                                        "defined (a top-level list)");
    return no_fleet;
  }
  std::vector<std::string> ids;
  for (const Fleet &f : ctx.net.fleets)
    ids.push_back(f.id);
  const auto k = m.choice("fleet", ids, false);
  return k ? static_cast<std::uint32_t>(*k) : no_fleet;
}

} // namespace

void load_services(LoadContext &ctx, const YAML::Node &list) {
  std::set<std::string> seen;
  for (const auto &y : list) {
    MapReader m(ctx.diag, y, "a service",
                {"id", "name", "mode", "route", "vehicle", "schedule", "cargo", "tariff", "dwell",
                 "dwell_at", "fleet", "extra"});
    Service s;
    s.id = m.text("id", true).value_or("");
    if (!s.id.empty())
      ctx.check_unique(seen, s.id, m.node("id"), "service");
    s.name = m.text("name", true).value_or("");
    if (auto mode = m.choice("mode", mode_names(), true))
      s.mode = static_cast<Mode>(*mode);
    if (m.valid())
      read_route(ctx, m, s);
    if (m.has("vehicle"))
      s.vehicle = read_vehicle(ctx, m.node("vehicle"));
    else if (m.valid())
      m.missing("vehicle");
    if (m.has("schedule"))
      s.schedule = read_schedule(ctx, m.node("schedule"));
    else if (m.valid())
      m.missing("schedule");
    if (m.has("cargo"))
      s.cargo = read_cargo_list(ctx, m.node("cargo"));
    s.tariff = Usd(m.quantity("tariff", Dimension::Money, Sign::NonNegative, false).value_or(0));
    s.dwell = Hours(m.quantity("dwell", Dimension::Duration, Sign::NonNegative, false).value_or(0));
    if (m.has("dwell_at"))
      read_dwell_at(ctx, m.node("dwell_at"), s);
    if (m.has("fleet"))
      s.fleet = read_fleet_of(ctx, m, s);
    if (m.has("extra"))
      s.extra = read_extra(ctx, m.node("extra"), s.schedule);
    ctx.net.services.push_back(std::move(s));
    ctx.service_yaml.push_back(y);
  }
}

} // namespace corsim::io
