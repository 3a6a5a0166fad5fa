// Quantities with units: every unit's factor against a hand value, and the messages for bad ones.
#include "corsim/parse.hpp"
#include "corsim/suggest.hpp"
#include "corsim/units.hpp"

#include <catch2/catch.hpp>

using namespace corsim;

namespace {
double value(std::string_view text, Dimension d) {
  auto r = parse_quantity(text, d);
  if (auto *f = std::get_if<ParseFailure>(&r))
    FAIL(f->message);
  return std::get<double>(r);
}
ParseFailure failure(std::string_view text, Dimension d) {
  auto r = parse_quantity(text, d);
  REQUIRE(std::holds_alternative<ParseFailure>(r));
  return std::get<ParseFailure>(r);
}
} // namespace

TEST_CASE("Quantities convert to base units", "[units]") {
  CHECK(value("529 km", Dimension::Length) == 529.0);
  CHECK(value("800 m", Dimension::Length) == Catch::Detail::Approx(0.8));
  CHECK(value("975 nm", Dimension::Length) == Catch::Detail::Approx(1805.7));
  CHECK(value("1050 m", Dimension::TrainLength) == 1050.0);
  CHECK(value("45 min", Dimension::Duration) == Catch::Detail::Approx(0.75));
  CHECK(value("2.5 d", Dimension::Duration) == Catch::Detail::Approx(60.0));
  CHECK(value("1 wk", Dimension::Duration) == Catch::Detail::Approx(168.0));
  CHECK(value("90 s", Dimension::Duration) == Catch::Detail::Approx(0.025));
  CHECK(value("12 kn", Dimension::Speed) == Catch::Detail::Approx(22.224));
  CHECK(value("900 km/d", Dimension::Speed) == Catch::Detail::Approx(37.5));
  CHECK(value("10 m/s", Dimension::Speed) == Catch::Detail::Approx(36.0));
  CHECK(value("55 FEU", Dimension::Volume) == 110.0);
  CHECK(value("14184 TEU/yr", Dimension::VolumeRate) == 14184.0);
  CHECK(value("7 TEU/wk", Dimension::VolumeRate) == Catch::Detail::Approx(365.0));
  CHECK(value("750 /d", Dimension::Rate) == Catch::Detail::Approx(31.25));
  CHECK(value("1200 USD", Dimension::Money) == 1200.0);
  CHECK(value("48 USD/d", Dimension::MoneyPerTime) == Catch::Detail::Approx(2.0));
  CHECK(value("0.1 kg/tkm", Dimension::Co2Factor) == Catch::Detail::Approx(100.0));
  CHECK(value("2500 kg", Dimension::Mass) == Catch::Detail::Approx(2.5));
  CHECK(value("15%", Dimension::Share) == Catch::Detail::Approx(0.15));
  CHECK(value("0.15", Dimension::Share) == Catch::Detail::Approx(0.15));
  CHECK(value("  +3 ", Dimension::Count) == 3.0);
  CHECK(value("1e3 km", Dimension::Length) == 1000.0);
}

TEST_CASE("Bad quantities say what is wrong and where", "[units]") {
  CHECK(failure("529 kg", Dimension::Length).message ==
        "'kg' is a unit of mass, but a length is expected (use km, m, nm)");
  CHECK(failure("529 kg", Dimension::Length).offset == 4);
  CHECK(failure("529", Dimension::Length).message == "missing unit for a length (use km, m, nm)");
  CHECK(failure("529 parsecs", Dimension::Length).message ==
        "unknown unit 'parsecs' for a length (use km, m, nm)");
  CHECK(failure("fast", Dimension::Speed).message == "'fast' is not a number with a unit");
  CHECK(failure("nan km", Dimension::Length).message == "the number must be finite, not 'nan km'");
  CHECK(failure("inf h", Dimension::Duration).message == "the number must be finite, not 'inf h'");
  CHECK(failure("", Dimension::Duration).message == "empty value: expected a duration");
  CHECK(failure("3 TEU", Dimension::Count).message ==
        "a plain number is expected here, without unit 'TEU'");
}

TEST_CASE("Strong types add, scale and divide", "[units]") {
  constexpr Hours t = running_time(Km(600), KmPerHour(60));
  STATIC_REQUIRE(t.value() == 10.0);
  CHECK((Km(3) + Km(4)).value() == 7.0);
  CHECK(Km(10) / Km(4) == 2.5);
  CHECK(in_days(days(2.5)) == 2.5);
  CHECK(Hours(1) < Hours(2));
}

TEST_CASE("Closest names rank by edit distance", "[suggest]") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("Harbin", "harbin") == 0);
  CHECK(edit_distance("满洲里", "满州里") == 1); // one code point, three bytes
  const std::vector<std::string> known = {"length", "speed", "gauge", "running_time"};
  CHECK(closest_names("lenght", known) == std::vector<std::string>{"length"});
  CHECK(closest_names("xyzzy", known).empty());
  CHECK(did_you_mean("gage", known) == " (did you mean 'gauge'?)");
  // A name that begins with what was typed comes first, whatever its length.
  CHECK(closest_names("Changchun", {"Hunchun", "Changchun Xinglong railway port"}) ==
        std::vector<std::string>{"Changchun Xinglong railway port", "Hunchun"});
}
