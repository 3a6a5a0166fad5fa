// Fleets shared by services that run out and back, and background traffic: other origins'
// trains, trucks and vessels through the corridor's facilities (corridor-format.md).
#include "load_context.hpp"

#include <algorithm>

namespace corsim::io {

namespace {

const std::vector<std::string> background_arrival_names = {"poisson", "scheduled"};

/// Background vehicles a year beyond which a stream is a unit slip (a train a minute).
constexpr double max_background_per_year = 1e6;
/// Largest monthly factor: a profile is factors around 1, not counts of vehicles.
constexpr double max_monthly_factor = 100.0;

VehicleType vehicle_of(Mode m) {
  return m == Mode::Rail  ? VehicleType::Train
         : m == Mode::Sea ? VehicleType::Vessel
                          : VehicleType::Truck;
}

/// `load`: a volume (TEU) or a mass (tonnes, bulk), fixed or a distribution.
void read_load(LoadContext &ctx, MapReader &m, BackgroundTraffic &b) {
  if (!m.has("load"))
    return m.missing("load");
  const auto text = scalar_text(ctx.diag, m.node("load"), "a load");
  if (!text)
    return;
  // A mass if it reads as one; otherwise a volume, whose errors the reader reports.
  const bool tonnes =
      std::holds_alternative<DistributionSpec>(parse_distribution(*text, Dimension::Mass));
  const auto d = m.distribution("load", tonnes ? Dimension::Mass : Dimension::Volume, true);
  if (!d)
    return;
  if (!(d->mean() > 0.0) || d->lower_bound() < 0.0) {
    ctx.diag.error(m.node("load"), "'load' must be positive");
    return;
  }
  b.load = *d;
  b.teu_per_load_unit = tonnes ? 1.0 / ctx.net.settings.tonnes_per_teu.value() : 1.0;
}

void read_monthly(LoadContext &ctx, MapReader &m, BackgroundTraffic &b) {
  const YAML::Node y = m.node("monthly");
  if (!y.IsSequence() || y.size() != 12) {
    ctx.diag.error(y, "'monthly' must be a list of 12 factors, January first");
    return;
  }
  bool any = false;
  for (std::size_t i = 0; i < 12; ++i) {
    const auto f =
        scalar_quantity(ctx.diag, y[i], Dimension::Count, Sign::NonNegative, "a monthly factor");
    b.monthly[i] = f.value_or(1.0);
    any = any || b.monthly[i] > 0.0;
  }
  if (!any)
    ctx.diag.error(y, "'monthly' has no month with traffic (all factors are 0)");
}

/// Exactly one of `vehicles` (a rate) and `schedule` (weekly or interval).
void read_rate(LoadContext &ctx, MapReader &m, BackgroundTraffic &b) {
  if (m.has("vehicles") == m.has("schedule")) {
    ctx.diag.error(m.map(), "background '" + b.service.id +
                                "' needs exactly one of 'vehicles' (a rate like 6.7 /d) and "
                                "'schedule'");
    return;
  }
  if (m.has("schedule")) {
    b.service.schedule = read_schedule(ctx, m.node("schedule"));
    if (b.service.schedule.kind == Schedule::Kind::Dispatch)
      ctx.diag.error(m.node("schedule"), "background traffic runs by a rate or a timetable, "
                                         "not a dispatch rule");
    if (m.has("arrivals"))
      ctx.diag.error(m.node("arrivals"), "'arrivals' applies only with 'vehicles'");
    return;
  }
  b.service.schedule.kind = Schedule::Kind::Dispatch; // "arrives at per_hour"
  b.per_hour = PerHour(m.quantity("vehicles", Dimension::Rate, Sign::Positive, true).value_or(0));
  b.poisson = m.choice("arrivals", background_arrival_names, false).value_or(0) == 0;
}

bool id_taken(const LoadContext &ctx, const std::string &id) {
  const auto same = [&](const auto &e) { return e.id == id; };
  const auto same_bg = [&](const BackgroundTraffic &b) { return b.service.id == id; };
  return std::any_of(ctx.net.services.begin(), ctx.net.services.end(), same) ||
         std::any_of(ctx.net.background.begin(), ctx.net.background.end(), same_bg);
}

} // namespace

void load_fleets(LoadContext &ctx, const YAML::Node &list) {
  std::set<std::string> seen;
  for (const auto &y : list) {
    MapReader m(ctx.diag, y, "a fleet", {"id", "vehicles", "turnaround", "empty_return"});
    Fleet f;
    f.id = m.text("id", true).value_or("");
    if (!f.id.empty())
      ctx.check_unique(seen, f.id, m.node("id"), "fleet");
    f.vehicles = m.integer("vehicles", 1, max_fleet_vehicles, true).value_or(1);
    f.turnaround =
        Hours(m.quantity("turnaround", Dimension::Duration, Sign::NonNegative, false).value_or(0));
    if (auto h = m.quantity("empty_return", Dimension::Duration, Sign::NonNegative, false))
      f.empty_return = Hours(*h);
    ctx.net.fleets.push_back(std::move(f));
    ctx.fleet_yaml.push_back(y);
  }
}

void load_background(LoadContext &ctx, const YAML::Node &list) {
  for (const auto &y : list) {
    MapReader m(ctx.diag, y, "background traffic",
                {"id", "name", "mode", "route", "vehicles", "arrivals", "schedule", "load",
                 "monthly", "holidays", "speed", "dwell"});
    BackgroundTraffic b;
    Service &s = b.service;
    s.id = m.text("id", true).value_or("");
    if (!s.id.empty() && id_taken(ctx, s.id))
      ctx.diag.error(m.node("id"), "duplicate id '" + s.id +
                                       "' (ids are shared by services "
                                       "and background traffic)");
    s.name = m.text("name", false).value_or(s.id);
    if (auto mode = m.choice("mode", mode_names(), true))
      s.mode = static_cast<Mode>(*mode);
    s.vehicle.type = vehicle_of(s.mode);
    if (m.valid())
      read_route(ctx, m, s);
    read_rate(ctx, m, b);
    read_load(ctx, m, b);
    if (m.has("monthly"))
      read_monthly(ctx, m, b);
    if (b.peak_per_hour() * hours_per_year > max_background_per_year)
      ctx.diag.error(m.node("vehicles"), "'vehicles' (in its busiest month) gives more than "
                                         "1,000,000 vehicles a year; check the units");
    if (m.has("holidays"))
      b.holidays = read_holidays(ctx.diag, m.node("holidays"), ctx.net.settings.epoch)
                       .value_or(std::vector<TimeWindow>{});
    if (m.has("speed") && s.mode != Mode::Sea)
      ctx.diag.error(m.node("speed"), "'speed' applies only to vessels (background on rail "
                                      "and road runs at its links' times)");
    else
      s.vehicle.speed =
          KmPerHour(m.quantity("speed", Dimension::Speed, Sign::Positive, false).value_or(0));
    s.dwell = Hours(m.quantity("dwell", Dimension::Duration, Sign::NonNegative, false).value_or(0));
    ctx.net.background.push_back(std::move(b));
    ctx.background_yaml.push_back(y);
  }
}

} // namespace corsim::io
