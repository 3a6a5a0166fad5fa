// Links between nodes.
#include "load_context.hpp"

namespace corsim::io {

namespace {

const std::vector<std::string> gauge_names = {"1435", "1520", "dual"};

void read_running_time(LoadContext &ctx, MapReader &m, Link &link) {
  const bool by_speed = m.has("speed"), by_time = m.has("running_time");
  if (by_speed && by_time) {
    ctx.diag.error(m.node("running_time"), "give either 'speed' or 'running_time', not both");
    return;
  }
  if (!by_speed && !by_time) {
    if (m.valid())
      ctx.diag.error(m.map(), "missing 'speed' or 'running_time' in " + m.what());
    return;
  }
  if (by_speed) {
    auto speed = m.quantity("speed", Dimension::Speed, Sign::Positive, true);
    if (speed && link.length.value() > 0)
      link.running_time =
          DistributionSpec::fixed(running_time(link.length, KmPerHour(*speed)).value());
    return;
  }
  if (auto d = m.distribution("running_time", Dimension::Duration, true)) {
    if (d->mean() <= 0)
      ctx.diag.error(m.node("running_time"), "'running_time' must have a positive mean");
    else
      link.running_time = *d;
  }
}

void read_gauge(LoadContext &ctx, MapReader &m, Link &link) {
  if (link.mode != Mode::Rail) {
    if (m.has("gauge"))
      ctx.diag.error(m.node("gauge"), "'gauge' applies only to rail links");
    return;
  }
  if (auto g = m.choice("gauge", gauge_names, true))
    link.gauge = *g == 0 ? Gauge::Standard : *g == 1 ? Gauge::Broad : Gauge::Dual;
}

} // namespace

void load_links(LoadContext &ctx, const YAML::Node &list) {
  std::set<std::string> seen;
  for (const auto &y : list) {
    MapReader m(ctx.diag, y, "a link",
                {"id", "from", "to", "mode", "length", "speed", "running_time", "gauge", "capacity",
                 "single_track", "oneway", "cost", "co2"});
    Link link;
    link.id = m.text("id", true).value_or("");
    if (!link.id.empty())
      ctx.check_unique(seen, link.id, m.node("id"), "link");
    const auto [from, to] = ctx.read_endpoints(m);
    link.from = from;
    link.to = to;
    if (auto mode = m.choice("mode", mode_names(), true))
      link.mode = static_cast<Mode>(*mode);
    link.length = Km(m.quantity("length", Dimension::Length, Sign::Positive, true).value_or(0));
    read_running_time(ctx, m, link);
    read_gauge(ctx, m, link);
    link.capacity =
        PerHour(m.quantity("capacity", Dimension::Rate, Sign::Positive, false).value_or(0.0));
    link.single_track = m.boolean("single_track").value_or(false);
    link.oneway = m.boolean("oneway").value_or(false);
    link.cost = Usd(m.quantity("cost", Dimension::Money, Sign::NonNegative, false).value_or(0));
    link.co2 =
        GramsPerTkm(m.quantity("co2", Dimension::Co2Factor, Sign::NonNegative, false).value_or(0));
    ctx.net.links.push_back(std::move(link));
    ctx.link_yaml.push_back(y);
  }
}

} // namespace corsim::io
