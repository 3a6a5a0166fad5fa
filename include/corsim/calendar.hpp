#pragma once
/// \file calendar.hpp
/// Civil dates and opening calendars. Simulation time is measured in hours from the network's
/// epoch (00:00 of its `epoch` date, local time of the corridor; time zones are not modelled).

#include "corsim/units.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

/// Hours from 00:00 of `epoch` to `clock` (hours after midnight) on `day`; negative before.
Hours hours_from_epoch(CivilDate epoch, CivilDate day, Hours clock = Hours(0.0));

/// Dates and times as written in files and on the command line. Each accepts exactly its
/// shape (digits where the letters are) and returns nullopt otherwise; callers word the error.
/// "2023-01-02" (YYYY-MM-DD) -> the date, when is_valid_date.
std::optional<CivilDate> try_parse_date(std::string_view s);
/// "08:30" (HH:MM) -> hours after midnight, 00:00 to 23:59; also "24:00" when `end_of_day`
/// (the end of an opening window).
std::optional<Hours> try_parse_clock(std::string_view s, bool end_of_day = false);
/// "YYYY-MM-DD" (00:00), "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM" -> hours from 00:00 of
/// `epoch` (negative before it).
std::optional<Hours> try_parse_date_time(std::string_view s, CivilDate epoch);

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
  /// Hours open within [from, to): the weekly windows less the closures.
  [[nodiscard]] Hours open_hours(Hours from, Hours to) const;
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
