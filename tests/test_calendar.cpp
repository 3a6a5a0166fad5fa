// Civil dates against a day-by-day count, and opening calendars against hand-worked cases.
#include "corsim/calendar.hpp"

#include <catch2/catch.hpp>

using namespace corsim;

namespace {
int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}
} // namespace

TEST_CASE("Dates match a plain day-by-day count from 1970", "[calendar]") {
  CivilDate d{1970, 1, 1};
  for (std::int64_t n = 0; n < 120 * 366; ++n) {
    REQUIRE(days_since_unix_epoch(d) == n);
    REQUIRE(civil_from_days(n) == d);
    REQUIRE(weekday(d) == (n + 3) % 7); // a Thursday
    if (++d.day > days_in_month(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        ++d.year;
      }
    }
  }
  CHECK(weekday({2023, 1, 2}) == 0); // Monday
  CHECK(is_valid_date({2024, 2, 29}));
  CHECK_FALSE(is_valid_date({2023, 2, 29}));
  CHECK(to_string(CivilDate{2023, 1, 2}) == "2023-01-02");
}

TEST_CASE("Calendars open, close and find the next opening", "[calendar]") {
  // Epoch on a Monday; open Mon-Fri 08:00-20:00; closed days 2..3 (Wed, Thu) for a holiday.
  const Calendar c({{0x1f, 8.0, 20.0}}, {{Hours(48), Hours(96)}}, 0);
  CHECK_FALSE(c.is_open(Hours(7.99)));
  CHECK(c.is_open(Hours(8.0)));
  CHECK_FALSE(c.is_open(Hours(20.0)));
  CHECK(c.next_open(Hours(21)).value() == 24 + 8);              // Tuesday 08:00
  CHECK(c.next_open(Hours(44)).value() == 4 * 24 + 8);          // after the holiday: Friday 08:00
  CHECK(c.next_open(Hours(4 * 24 + 21)).value() == 7 * 24 + 8); // weekend to Monday
  CHECK(c.weekly_open_share() == Catch::Detail::Approx(60.0 / 168));
  CHECK(Calendar().always_open());
  CHECK(Calendar().next_open(Hours(5)).value() == 5);
  // An epoch on a Sunday shifts the weekdays.
  const Calendar sunday_epoch({{0x1f, 8.0, 20.0}}, {}, 6);
  CHECK_FALSE(sunday_epoch.is_open(Hours(10)));
  CHECK(sunday_epoch.is_open(Hours(24 + 10)));
}

TEST_CASE("Dates and times are read in exactly their written shape", "[calendar]") {
  SECTION("dates") {
    CHECK(try_parse_date("2024-02-29") == CivilDate{2024, 2, 29});
    CHECK_FALSE(try_parse_date("2023-02-29"));  // not a date
    CHECK_FALSE(try_parse_date("2023-1-05"));   // not the shape
    CHECK_FALSE(try_parse_date("2023-1x-05"));  // not digits
    CHECK_FALSE(try_parse_date("2023-01-05 ")); // trailing text
    CHECK_FALSE(try_parse_date("1899-12-31"));  // out of range
  }
  SECTION("clock times") {
    CHECK(try_parse_clock("08:30")->value() == Approx(8.5));
    CHECK(try_parse_clock("23:59")->value() == Approx(23 + 59 / 60.0));
    CHECK_FALSE(try_parse_clock("24:00"));
    CHECK(try_parse_clock("24:00", true)->value() == Approx(24.0));
    CHECK_FALSE(try_parse_clock("24:01", true));
    CHECK_FALSE(try_parse_clock("8:30"));
    CHECK_FALSE(try_parse_clock("1x:30"));
    CHECK_FALSE(try_parse_clock("08:60"));
  }
  SECTION("date-times, in hours from the epoch") {
    const CivilDate epoch{2023, 1, 2};
    CHECK(try_parse_date_time("2023-01-02", epoch)->value() == Approx(0.0));
    CHECK(try_parse_date_time("2023-01-03T06:30", epoch)->value() == Approx(30.5));
    CHECK(try_parse_date_time("2023-01-03 06:30", epoch)->value() == Approx(30.5));
    CHECK(try_parse_date_time("2023-01-01", epoch)->value() == Approx(-24.0));
    CHECK_FALSE(try_parse_date_time("2023-01-03X06:30", epoch));
    CHECK_FALSE(try_parse_date_time("2023-01-03T06:30x", epoch));
    CHECK_FALSE(try_parse_date_time("2023-01-03T24:00", epoch));
    CHECK_FALSE(try_parse_date_time("monday", epoch));
  }
}

TEST_CASE("Open hours count overlapping windows once and subtract closures across days",
          "[calendar]") {
  // Epoch a Monday. Mon-Fri 08:00-20:00 and Mon-Sat 09:00-13:00 overlap on weekdays: 12 h a
  // weekday (not 16), 4 h on Saturday, none on Sunday: 64 h a week.
  const Calendar c({WeeklyWindow{0x1f, 8.0, 20.0}, WeeklyWindow{0x3f, 9.0, 13.0}}, {}, 0);
  CHECK(c.open_hours(Hours(0.0), Hours(168.0)).value() == Approx(64.0));
  // Half a window at each end of a span: Monday 14:00 to Tuesday 10:00 is 6 + 2 h.
  CHECK(c.open_hours(Hours(14.0), Hours(34.0)).value() == Approx(8.0));
  // A closure from Monday 18:00 to Tuesday 12:00 takes 2 h of Monday and 4 h of Tuesday.
  const Calendar closed({WeeklyWindow{0x1f, 8.0, 20.0}}, {TimeWindow{Hours(18.0), Hours(36.0)}}, 0);
  CHECK(closed.open_hours(Hours(0.0), Hours(48.0)).value() == Approx(24.0 - 6.0));
  // Always open, less a day's holiday.
  const Calendar holiday({}, {TimeWindow{Hours(24.0), Hours(48.0)}}, 0);
  CHECK(holiday.open_hours(Hours(0.0), Hours(72.0)).value() == Approx(48.0));
}
