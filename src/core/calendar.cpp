#include "corsim/calendar.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <limits>

namespace corsim {

// Days from civil date: shift the year to start in March so the leap day is the last day.
std::int64_t days_since_unix_epoch(CivilDate d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t shifted_month = d.month > 2 ? d.month - 3 : d.month + 9;
  const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + d.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int weekday(CivilDate d) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  const std::int64_t w = (days_since_unix_epoch(d) + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

bool is_valid_date(CivilDate d) {
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1)
    return false;
  return civil_from_days(days_since_unix_epoch(d)) == d;
}

std::string to_string(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

Hours hours_from_epoch(CivilDate epoch, CivilDate day, Hours clock) {
  const auto days = days_since_unix_epoch(day) - days_since_unix_epoch(epoch);
  return Hours(24.0 * static_cast<double>(days) + clock.value());
}

namespace {

/// The number written by the `count` digits at s[at]; nullopt unless they are all digits.
std::optional<int> digits(std::string_view s, std::size_t at, std::size_t count) {
  int v = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9')
      return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

} // namespace

std::optional<CivilDate> try_parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-')
    return std::nullopt;
  const auto y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (!y || !m || !d || !is_valid_date({*y, *m, *d}))
    return std::nullopt;
  return CivilDate{*y, *m, *d};
}

std::optional<Hours> try_parse_clock(std::string_view s, bool end_of_day) {
  if (s.size() != 5 || s[2] != ':')
    return std::nullopt;
  const auto h = digits(s, 0, 2), m = digits(s, 3, 2);
  if (!h || !m || *m > 59 || (*h > 23 && !(end_of_day && *h == 24 && *m == 0)))
    return std::nullopt;
  return Hours(*h + *m / 60.0);
}

std::optional<Hours> try_parse_date_time(std::string_view s, CivilDate epoch) {
  const auto day = try_parse_date(s.substr(0, 10));
  if (!day)
    return std::nullopt;
  Hours clock(0.0);
  if (s.size() > 10) {
    const auto c = s[10] == ' ' || s[10] == 'T' ? try_parse_clock(s.substr(11)) : std::nullopt;
    if (!c)
      return std::nullopt;
    clock = *c;
  }
  return hours_from_epoch(epoch, *day, clock);
}

Calendar::Calendar(std::vector<WeeklyWindow> weekly, std::vector<TimeWindow> closures,
                   int epoch_weekday)
    : weekly_(std::move(weekly)), closures_(std::move(closures)), epoch_weekday_(epoch_weekday) {
  std::sort(closures_.begin(), closures_.end(),
            [](const TimeWindow &a, const TimeWindow &b) { return a.start < b.start; });
  std::vector<TimeWindow> merged; // overlapping holidays count once (open_hours)
  for (const TimeWindow &c : closures_)
    if (!merged.empty() && c.start <= merged.back().end)
      merged.back().end = std::max(merged.back().end, c.end);
    else
      merged.push_back(c);
  closures_ = std::move(merged);
}

namespace {

struct DayAndHour {
  int weekday; ///< 0 = Monday
  double hour; ///< hours after midnight
  double day_start;
};

DayAndHour split(double t, int epoch_weekday) {
  const double day = std::floor(t / 24.0);
  const auto w = static_cast<long long>(day) + epoch_weekday;
  return {static_cast<int>(((w % 7) + 7) % 7), t - day * 24.0, day * 24.0};
}

} // namespace

bool Calendar::is_open(Hours t) const {
  for (const auto &c : closures_)
    if (c.start <= t && t < c.end)
      return false;
  if (weekly_.empty())
    return true;
  const auto at = split(t.value(), epoch_weekday_);
  return std::any_of(weekly_.begin(), weekly_.end(), [&](const WeeklyWindow &w) {
    return (w.days >> at.weekday & 1) && w.open <= at.hour && at.hour < w.close;
  });
}

Hours Calendar::next_open(Hours t) const {
  // Alternately skip closures and closed weekly gaps; each step moves to a boundary, and a
  // calendar that opens at all does so within a year of boundaries.
  for (int step = 0; step < 4096; ++step) {
    if (is_open(t))
      return t;
    Hours next = t;
    for (const auto &c : closures_)
      if (c.start <= t && t < c.end)
        next = std::max(next, c.end);
    if (next == t) {
      const auto at = split(t.value(), epoch_weekday_);
      double best = std::numeric_limits<double>::infinity();
      for (int d = 0; d <= 7; ++d)
        for (const auto &w : weekly_) {
          const int wd = (at.weekday + d) % 7;
          const double start = at.day_start + 24.0 * d + w.open;
          if ((w.days >> wd & 1) && start > t.value() && w.open < w.close)
            best = std::min(best, start);
        }
      if (!std::isfinite(best))
        break;
      next = Hours(best);
    }
    t = next;
  }
  return Hours(std::numeric_limits<double>::infinity());
}

// Day by day: the day's weekly windows (merged where they overlap, as is_open() takes their
// union) clipped to [from, to), less their overlap with the (merged, sorted) closures.
Hours Calendar::open_hours(Hours from, Hours to) const {
  double open = 0.0;
  std::vector<std::pair<double, double>> day_windows;
  for (double day = std::floor(from.value() / 24.0) * 24.0; day < to.value(); day += 24.0) {
    day_windows.clear();
    const int wd = split(day, epoch_weekday_).weekday;
    if (weekly_.empty())
      day_windows.emplace_back(day, day + 24.0);
    for (const WeeklyWindow &w : weekly_)
      if ((w.days >> wd & 1) && w.open < w.close)
        day_windows.emplace_back(day + w.open, day + w.close);
    std::sort(day_windows.begin(), day_windows.end());
    double covered = day; // windows before this have been counted
    for (auto [a, b] : day_windows) {
      a = std::max({a, covered, from.value()});
      b = std::min(b, to.value());
      if (b <= a)
        continue;
      covered = b;
      open += b - a;
      for (const TimeWindow &c : closures_)
        open -= std::max(0.0, std::min(b, c.end.value()) - std::max(a, c.start.value()));
    }
  }
  return Hours(open);
}

double Calendar::weekly_open_share() const {
  if (weekly_.empty())
    return 1.0;
  double open = 0.0;
  for (const auto &w : weekly_)
    open += std::popcount(static_cast<unsigned>(w.days & 0x7f)) * std::max(0.0, w.close - w.open);
  return std::min(1.0, open / hours_per_week);
}

} // namespace corsim
