#include "corsim/model/driver_hours.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;
using namespace corsim;
using namespace corsim::model;

TEST_CASE("Driver-hours rules insert breaks and daily rests", "[model][driver]") {
  DriverState s;
  SECTION("a short drive needs no rest") {
    const DriveTime d = drive(s, Hours(3.0));
    CHECK(d.driving.value() == Approx(3.0));
    CHECK(d.rest.value() == Approx(0.0));
  }
  SECTION("exactly 4.5 hours ends without a break; the next drive takes it first") {
    CHECK(drive(s, Hours(4.5)).rest.value() == Approx(0.0));
    CHECK(drive(s, Hours(1.0)).rest.value() == Approx(0.75));
  }
  SECTION("10 hours: one break at 4.5 h, a daily rest at 9 h") {
    const DriveTime d = drive(s, Hours(10.0));
    CHECK(d.rest.value() == Approx(0.75 + 11.0));
    CHECK(s.today.value() == Approx(1.0));
  }
  SECTION("30 hours: three days of driving") {
    // 9 + 9 + 9 + 3: per full day one break; rests after days 1, 2 and 3.
    const DriveTime d = drive(s, Hours(30.0));
    CHECK(d.rest.value() == Approx(3 * 0.75 + 3 * 11.0));
  }
}
