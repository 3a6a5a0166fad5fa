// Demand flows between origins and destinations.
#include "load_context.hpp"

namespace corsim::io {

namespace {
const std::vector<std::string> arrival_names = {"poisson", "scheduled", "bookings"};
}

void load_demand(LoadContext &ctx, const YAML::Node &list) {
  std::set<std::string> seen;
  for (const auto &y : list) {
    MapReader m(
        ctx.diag, y, "a demand flow",
        {"id", "from", "to", "volume", "arrivals", "bookings", "size", "cargo", "due", "value"});
    DemandFlow f;
    f.id = m.text("id", true).value_or("");
    if (!f.id.empty())
      ctx.check_unique(seen, f.id, m.node("id"), "demand flow");
    const auto [from, to] = ctx.read_endpoints(m);
    f.origin = from;
    f.destination = to;
    f.volume =
        TeuPerYear(m.quantity("volume", Dimension::VolumeRate, Sign::Positive, true).value_or(0));
    f.arrivals =
        static_cast<ArrivalProcess>(m.choice("arrivals", arrival_names, false).value_or(0));
    if (f.arrivals == ArrivalProcess::Bookings) {
      f.bookings_file = m.text("bookings", true).value_or("");
      if (!f.bookings_file.empty() && f.bookings_file.front() != '/')
        f.bookings_file = ctx.directory + f.bookings_file;
      if (!f.bookings_file.empty())
        f.bookings = read_bookings(ctx, m.node("bookings"), f.bookings_file);
    } else if (m.has("bookings")) {
      ctx.diag.error(m.node("bookings"), "'bookings' needs 'arrivals: bookings'");
    }
    if (auto size = m.distribution("size", Dimension::Volume, false)) {
      if (size->lower_bound() <= 0 && size->mean() <= 0)
        ctx.diag.error(m.node("size"), "'size' must be positive");
      else
        f.size = *size;
    }
    if (f.volume.value() / f.size.mean() > max_consignments_per_year)
      ctx.diag.error(m.node("volume"), "'volume' / 'size' gives more than 1,000,000 "
                                       "consignments a year; check the units");
    f.cargo = static_cast<CargoClass>(m.choice("cargo", cargo_names(), false).value_or(0));
    f.due = Hours(m.quantity("due", Dimension::Duration, Sign::Positive, false).value_or(0));
    f.value = Usd(m.quantity("value", Dimension::Money, Sign::NonNegative, false).value_or(0));
    ctx.net.demand.push_back(std::move(f));
    ctx.demand_yaml.push_back(y);
  }
}

} // namespace corsim::io
