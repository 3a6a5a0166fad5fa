#include "corsim/driver_hours.hpp"

#include <algorithm>

namespace corsim {

namespace {
constexpr double eps = 1e-9; // hours; absorbs rounding of sums of running times
} // namespace

DriveTime drive(DriverState &state, Hours driving, const DriverHoursRules &rules) {
  DriveTime out{driving, Hours(0.0)};
  if (!(rules.drive_before_break.value() > 0.0) || !(rules.daily_driving.value() > 0.0))
    return out;
  // Beyond the longest run (36525 days) more driving changes no result; the cap keeps the
  // loop finite, as `remaining -= chunk` stops changing a number near 1e16.
  constexpr double longest_run = 876'600.0;
  double remaining = std::min(driving.value(), longest_run);
  while (remaining > eps) {
    // Rest owed from earlier driving is taken before driving on.
    if (state.today.value() >= rules.daily_driving.value() - eps) {
      out.rest += rules.daily_rest;
      state = DriverState{};
    } else if (state.since_break.value() >= rules.drive_before_break.value() - eps) {
      out.rest += rules.break_length;
      state.since_break = Hours(0.0);
    }
    const double chunk =
        std::min({remaining, rules.drive_before_break.value() - state.since_break.value(),
                  rules.daily_driving.value() - state.today.value()});
    remaining -= chunk;
    state.since_break += Hours(chunk);
    state.today += Hours(chunk);
  }
  return out;
}

DriveTime run_link(const Link &l, Hours running, DriverState &driver,
                   const std::optional<DriverHoursRules> &rules) {
  if (l.mode != Mode::Road || !rules)
    return DriveTime{running, Hours(0.0)};
  return drive(driver, running, *rules);
}

Hours mean_elapsed_time(const Link &l, const std::optional<DriverHoursRules> &rules) {
  DriverState rested;
  return run_link(l, l.mean_running_time(), rested, rules).elapsed();
}

} // namespace corsim
