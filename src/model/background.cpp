// Background traffic: when its vehicles enter, and with what load.
#include "background.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace corsim::model::detail {

Background::Background(Context &ctx, Vehicles &vehicles) : ctx_(ctx), vehicles_(vehicles) {
  for (const BackgroundTraffic &b : ctx.net.background)
    rng_.push_back(ctx.stream("background", b.service.id));
}

double Background::factor_at(const BackgroundTraffic &b, Hours t) const {
  for (const TimeWindow &h : b.holidays)
    if (h.start <= t && t < h.end)
      return 0.0;
  const std::int64_t day = days_since_unix_epoch(ctx_.net.settings.epoch) +
                           static_cast<std::int64_t>(std::floor(t.value() / hours_per_day));
  return b.monthly[static_cast<std::size_t>(civil_from_days(day).month - 1)];
}

// Poisson arrivals at the month's rate by thinning (Lewis and Shedler): candidates at the
// largest rate, each kept with probability factor / largest. Evenly spaced arrivals step at
// the current rate; after days without traffic the next enters at the start of the first day
// with traffic. A timetable's departures run with probability factor / largest.
double Background::next_entry(std::size_t b, double t) {
  const BackgroundTraffic &bg = ctx_.net.background[b];
  RandomStream &r = rng_[b];
  const double end = to_time(ctx_.end);
  while (t <= end) {
    if (bg.per_hour.value() > 0.0 && bg.poisson) {
      t += exponential(r, 1.0 / bg.peak_per_hour());
      if (t <= end && r.uniform01() * bg.busiest_month() < factor_at(bg, Hours(t)))
        return t;
    } else if (bg.per_hour.value() > 0.0) {
      const double f = factor_at(bg, Hours(t));
      double next = f > 0.0 ? t + 1.0 / (bg.per_hour.value() * f) : t;
      while (next <= end && !(factor_at(bg, Hours(next)) > 0.0)) // from the next day open
        next = (std::floor(next / hours_per_day) + 1.0) * hours_per_day;
      return next <= end ? next : std::numeric_limits<double>::infinity();
    } else { // from the tick after the last departure, as Vehicles::timetable_departures
      t = first_departure_at_or_after(bg.service.schedule, Hours(to_time(to_ticks(t) + 1)),
                                      ctx_.net.settings.epoch)
              .value();
      if (t <= end && r.uniform01() * bg.busiest_month() < factor_at(bg, Hours(t)))
        return t;
    }
  }
  return std::numeric_limits<double>::infinity();
}

void Background::enter(std::size_t b) {
  const BackgroundTraffic &bg = ctx_.net.background[b];
  const double teu = std::max(0.0, sample(bg.load, rng_[b])) * bg.teu_per_load_unit;
  vehicles_.launch_background(ctx_.in.background_begin + static_cast<std::uint32_t>(b), teu);
}

Process Background::arrivals(std::size_t b) {
  // Evenly spaced and timetabled streams may enter at time 0; random ones start with a gap.
  const BackgroundTraffic &bg = ctx_.net.background[b];
  double t = 0.0;
  const bool timetabled = bg.per_hour.value() <= 0.0;
  if (timetabled)
    t = first_departure_at_or_after(bg.service.schedule, Hours(0.0), ctx_.net.settings.epoch)
            .value();
  const bool at_start = timetabled
                            ? rng_[b].uniform01() * bg.busiest_month() < factor_at(bg, Hours(t))
                            : !bg.poisson && factor_at(bg, Hours(0.0)) > 0.0;
  if (at_start && t <= to_time(ctx_.end)) {
    co_await delay(to_ticks(t));
    enter(b);
  }
  for (;;) {
    t = next_entry(b, t);
    if (!std::isfinite(t))
      co_return;
    co_await delay(std::max<Tick>(0, to_ticks(t) - ctx_.eng.now()));
    enter(b);
  }
}

} // namespace corsim::model::detail
