#pragma once
/// \file calendar.hpp
/// Civil dates and opening calendars. Simulation time is measured in hours from the network's
/// epoch (00:00 of its `epoch` date, local time of the corridor; time zones are not modelled).

#include "corsim/units.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace corsim {

struct CivilDate {
  int year = 2023;
  int month = 1; ///< 1..12
  int day = 2;   ///< 1..31
  friend auto operator<=>(const CivilDate &, const CivilDate &) = default;
};

/// Days since 1970-01-01 (proleptic Gregorian calendar).
std::int64_t days_since_unix_epoch(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
/// 0 = Monday ... 6 = Sunday.
int weekday(CivilDate d);
bool is_valid_date(CivilDate d);
std::string to_string(CivilDate d); ///< "2023-01-02"

/// One weekly opening window: on the days in `days` (bit 0 = Monday), from `open` to `close`
/// (hours after midnight, close may be 24).
struct WeeklyWindow {
  std::uint8_t days = 0x7f;
  double open = 0.0;
  double close = 24.0;
};

/// A closed interval of the simulation clock, [start, end), in hours from the epoch.
struct TimeWindow {
  Hours start;
  Hours end;
};

/// When a facility works: weekly windows (none = always open) minus holiday closures.
class Calendar {
public:
  Calendar() = default; ///< always open
  Calendar(std::vector<WeeklyWindow> weekly, std::vector<TimeWindow> closures, int epoch_weekday);

  [[nodiscard]] bool always_open() const { return weekly_.empty() && closures_.empty(); }
  [[nodiscard]] bool is_open(Hours t) const;
  /// The earliest time >= t at which the facility is open (t itself when open). Returns
  /// t + 1 year... never: a calendar that is never open again is rejected by validation.
  [[nodiscard]] Hours next_open(Hours t) const;
  /// Fraction of a typical week that is open (ignores holidays); 1 when always open.
  [[nodiscard]] double weekly_open_share() const;
  [[nodiscard]] const std::vector<WeeklyWindow> &weekly() const { return weekly_; }
  [[nodiscard]] const std::vector<TimeWindow> &closures() const { return closures_; }

private:
  std::vector<WeeklyWindow> weekly_;
  std::vector<TimeWindow> closures_;
  int epoch_weekday_ = 0;
};

} // namespace corsim
