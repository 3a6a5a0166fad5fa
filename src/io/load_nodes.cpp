// Nodes and their facilities.
#include "load_context.hpp"

#include <cctype>
#include <cmath>
#include <map>

namespace corsim::io {
namespace {

bool is_country_code(const std::string &s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) &&
         std::isupper(static_cast<unsigned char>(s[1]));
}

void read_coords(LoadContext &ctx, MapReader &m, Node &node) {
  if (!m.has("coords")) {
    if (m.valid())
      m.missing("coords");
    return;
  }
  const YAML::Node c = m.node("coords");
  if (!c.IsSequence() || c.size() != 2) {
    ctx.diag.error(c, "'coords' must be [latitude, longitude] in degrees");
    return;
  }
  auto lat = scalar_quantity(ctx.diag, c[0], Dimension::Count, Sign::Any, "latitude");
  auto lon = scalar_quantity(ctx.diag, c[1], Dimension::Count, Sign::Any, "longitude");
  if (lat && std::abs(*lat) > 90)
    ctx.diag.error(c[0], "latitude must be within -90..90 degrees");
  else if (lat)
    node.lat = *lat;
  if (lon && std::abs(*lon) > 180)
    ctx.diag.error(c[1], "longitude must be within -180..180 degrees");
  else if (lon)
    node.lon = *lon;
}

Handling read_handling(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'handling'", {"cranes", "rate"});
  Handling h;
  h.cranes = m.integer("cranes", 1, max_facility_units, false).value_or(h.cranes);
  h.moves_per_crane = PerHour(m.quantity("rate", Dimension::Rate, Sign::Positive, false)
                                  .value_or(h.moves_per_crane.value()));
  return h;
}

Yard read_yard(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'yard'", {"slots", "modes"});
  Yard yard{Teu(m.quantity("slots", Dimension::Volume, Sign::Positive, true).value_or(0)), {}};
  if (!m.has("modes"))
    return yard;
  const YAML::Node &list = m.node("modes");
  if (!list.IsSequence() || list.size() == 0) {
    ctx.diag.error(list, "'modes' must be a list of modes like [rail, road]");
    return yard;
  }
  for (const auto &x : list)
    if (auto k = scalar_choice(ctx.diag, x, mode_names(), "a mode"))
      yard.modes.push_back(static_cast<Mode>(*k));
  return yard;
}

Customs read_customs(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'customs'",
              {"lanes", "time", "inspection_share", "inspection_time", "hours", "holidays", "per"});
  Customs c;
  if (auto per = m.choice("per", {"vehicle", "box"}, false))
    c.per_box = *per == 1;
  c.lanes = m.integer("lanes", 1, max_facility_units, false).value_or(c.lanes);
  c.time = m.distribution("time", Dimension::Duration, false).value_or(c.time);
  if (auto s = m.quantity("inspection_share", Dimension::Share, Sign::NonNegative, false)) {
    if (*s > 1)
      ctx.diag.error(m.node("inspection_share"), "'inspection_share' must be at most 100%");
    else
      c.inspection_share = *s;
  }
  c.inspection_time =
      m.distribution("inspection_time", Dimension::Duration, false).value_or(c.inspection_time);
  c.hours = read_calendar(ctx, m);
  return c;
}

GaugeChange read_gauge_change(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'gauge_change'",
              {"tracks", "rate", "wagons", "teu_per_wagon", "turnaround"});
  GaugeChange g;
  g.transfer_tracks = m.integer("tracks", 1, max_facility_units, false).value_or(g.transfer_tracks);
  g.lifts_per_track = PerHour(m.quantity("rate", Dimension::Rate, Sign::Positive, false)
                                  .value_or(g.lifts_per_track.value()));
  g.wagon_pool = m.integer("wagons", 0, max_wagon_pool, false).value_or(g.wagon_pool);
  g.teu_per_wagon = Teu(m.quantity("teu_per_wagon", Dimension::Volume, Sign::Positive, false)
                            .value_or(g.teu_per_wagon.value()));
  g.wagon_turnaround =
      Hours(m.quantity("turnaround", Dimension::Duration, Sign::NonNegative, false).value_or(0.0));
  return g;
}

RoadCheckpoint read_road_checkpoint(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'road_checkpoint'", {"lanes", "time", "quota", "hours", "holidays"});
  RoadCheckpoint r;
  r.lanes = m.integer("lanes", 1, max_facility_units, false).value_or(r.lanes);
  r.time = m.distribution("time", Dimension::Duration, false).value_or(r.time);
  r.daily_quota = PerHour(m.quantity("quota", Dimension::Rate, Sign::Positive, false).value_or(0));
  r.hours = read_calendar(ctx, m);
  return r;
}

Seaport read_seaport(LoadContext &ctx, const YAML::Node &y) {
  MapReader m(ctx.diag, y, "'seaport'", {"berths", "cranes_per_berth", "rate"});
  Seaport s;
  s.berths = m.integer("berths", 1, max_facility_units, false).value_or(s.berths);
  s.cranes_per_berth = m.integer("cranes_per_berth", 1, 100, false).value_or(s.cranes_per_berth);
  s.moves_per_crane = PerHour(m.quantity("rate", Dimension::Rate, Sign::Positive, false)
                                  .value_or(s.moves_per_crane.value()));
  return s;
}

constexpr double max_transfer_hours = 720.0; // a month: beyond it a typo, not a transfer

void read_facilities(LoadContext &ctx, MapReader &m, Node &node) {
  if (m.has("handling"))
    node.handling = read_handling(ctx, m.node("handling"));
  if (m.has("yard"))
    node.yard = read_yard(ctx, m.node("yard"));
  if (m.has("customs"))
    node.customs = read_customs(ctx, m.node("customs"));
  if (m.has("gauge_change"))
    node.gauge_change = read_gauge_change(ctx, m.node("gauge_change"));
  if (m.has("road_checkpoint"))
    node.road_checkpoint = read_road_checkpoint(ctx, m.node("road_checkpoint"));
  if (m.has("seaport"))
    node.seaport = read_seaport(ctx, m.node("seaport"));
}

/// Ids, English and local names all name nodes, so no two nodes may share one.
void check_names_unambiguous(LoadContext &ctx) {
  std::map<std::string, std::size_t> owner;
  for (std::size_t i = 0; i < ctx.net.nodes.size(); ++i) {
    const Node &n = ctx.net.nodes[i];
    for (const std::string *name : {&n.id, &n.name, &n.local_name}) {
      if (name->empty())
        continue;
      const auto [it, fresh] = owner.emplace(*name, i);
      if (!fresh && it->second != i && name != &n.id)
        ctx.diag.error(ctx.node_yaml[i], "node '" + n.id + "' is also called '" + *name +
                                             "', a name node '" + ctx.net.nodes[it->second].id +
                                             "' already has");
    }
  }
}

} // namespace

void load_nodes(LoadContext &ctx, const YAML::Node &list) {
  std::set<std::string> seen;
  for (const auto &y : list) {
    MapReader m(ctx.diag, y, "a node",
                {"id", "name", "local_name", "kind", "country", "coords", "handling", "yard",
                 "customs", "gauge_change", "road_checkpoint", "seaport", "transfer_time"});
    Node node;
    node.id = m.text("id", true).value_or("");
    node.name = m.text("name", true).value_or("");
    node.local_name = m.text("local_name", false).value_or("");
    if (auto k = m.choice("kind", node_kind_names(), true))
      node.kind = static_cast<NodeKind>(*k);
    node.country = m.text("country", true).value_or("");
    if (m.has("country") && !is_country_code(node.country))
      ctx.diag.error(m.node("country"), "'country' must be a two-letter ISO code like CN or RU");
    read_coords(ctx, m, node);
    read_facilities(ctx, m, node);
    if (auto t = m.quantity("transfer_time", Dimension::Duration, Sign::NonNegative, false)) {
      if (*t > max_transfer_hours)
        ctx.diag.error(m.node("transfer_time"), "'transfer_time' must be at most 30 d");
      node.transfer_time = Hours(*t);
    }
    if (!node.id.empty())
      ctx.check_unique(seen, node.id, m.node("id"), "node");
    ctx.net.nodes.push_back(std::move(node));
    ctx.node_yaml.push_back(y);
  }
  check_names_unambiguous(ctx);
}

} // namespace corsim::io
