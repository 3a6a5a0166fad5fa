// Quantities with units: the one table of accepted units and their factors to base units.
#include "corsim/units.hpp"
#include "corsim/parse.hpp"
#include "corsim/text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

namespace corsim {
namespace {

struct UnitEntry {
  Dimension dimension;
  const char *name;
  double factor; ///< multiply by this to get the base unit
};

constexpr double days_per_year = 365.0;

// Order matters only for messages: the first unit of a dimension is its base unit.
constexpr UnitEntry unit_table[] = {
    {Dimension::Length, "km", 1.0},
    {Dimension::Length, "m", 0.001},
    {Dimension::Length, "nm", km_per_nautical_mile},
    {Dimension::TrainLength, "m", 1.0},
    {Dimension::TrainLength, "km", 1000.0},
    {Dimension::Duration, "h", 1.0},
    {Dimension::Duration, "min", 1.0 / 60.0},
    {Dimension::Duration, "s", 1.0 / 3600.0},
    {Dimension::Duration, "d", 24.0},
    {Dimension::Duration, "wk", 168.0},
    {Dimension::RunLength, "h", 1.0},
    {Dimension::RunLength, "d", 24.0},
    {Dimension::RunLength, "wk", 168.0},
    {Dimension::RunLength, "yr", 8760.0},
    {Dimension::Speed, "km/h", 1.0},
    {Dimension::Speed, "kn", km_per_nautical_mile},
    {Dimension::Speed, "km/d", 1.0 / 24.0},
    {Dimension::Speed, "m/s", 3.6},
    {Dimension::Volume, "TEU", 1.0},
    {Dimension::Volume, "FEU", 2.0},
    {Dimension::VolumeRate, "TEU/yr", 1.0},
    {Dimension::VolumeRate, "TEU/mo", 12.0},
    {Dimension::VolumeRate, "TEU/wk", days_per_year / 7.0},
    {Dimension::VolumeRate, "TEU/d", days_per_year},
    {Dimension::Rate, "/h", 1.0},
    {Dimension::Rate, "/d", 1.0 / 24.0},
    {Dimension::Rate, "/wk", 1.0 / 168.0},
    {Dimension::Money, "USD", 1.0},
    {Dimension::MoneyPerTime, "USD/h", 1.0},
    {Dimension::MoneyPerTime, "USD/d", 1.0 / 24.0},
    {Dimension::Co2Factor, "g/tkm", 1.0},
    {Dimension::Co2Factor, "kg/tkm", 1000.0},
    {Dimension::Mass, "t", 1.0},
    {Dimension::Mass, "kg", 0.001},
    {Dimension::Share, "%", 0.01},
};

/// What a corridor can plausibly hold, in base units: larger magnitudes, or non-zero ones
/// smaller than `smallest`, are typos that would otherwise overflow the clock or flood memory.
struct Range {
  Dimension dimension;
  double smallest; ///< smallest non-zero magnitude
  double largest;  ///< largest magnitude
  const char *smallest_text, *largest_text;
};

constexpr Range ranges[] = {
    {Dimension::Length, 0.001, 50'000.0, "1 m", "50000 km"}, // more than the Earth's girth
    {Dimension::TrainLength, 1.0, 10'000.0, "1 m", "10000 m"},
    {Dimension::Duration, 1.0 / 3600, 100'000.0, "1 s", "100000 h"}, // about 11 years
    {Dimension::RunLength, 1.0, 876'600.0, "1 h", "36525 d"},        // 100 years
    {Dimension::Speed, 0.1, 2'000.0, "0.1 km/h", "2000 km/h"},
    {Dimension::Volume, 0.01, 1e6, "0.01 TEU", "1000000 TEU"},
    {Dimension::VolumeRate, 0.01, 1e8, "0.01 TEU/yr", "100000000 TEU/yr"},
    {Dimension::Rate, 1e-3, 1e6, "0.001 /h", "1000000 /h"},
    {Dimension::Money, 1e-3, 1e10, "0.001 USD", "10000000000 USD"},
    {Dimension::MoneyPerTime, 1e-6, 1e6, "0.000001 USD/h", "1000000 USD/h"},
    {Dimension::Co2Factor, 1e-3, 1e6, "0.001 g/tkm", "1000000 g/tkm"},
    {Dimension::Mass, 1e-3, 1e6, "1 kg", "1000000 t"},
    {Dimension::Count, 0.0, 1e9, "", "1000000000"},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

const UnitEntry *find_unit(Dimension d, std::string_view unit) {
  for (const auto &e : unit_table)
    if (e.dimension == d && unit == e.name)
      return &e;
  return nullptr;
}

/// The dimension some other table entry gives this unit, for "a unit of mass" messages.
const UnitEntry *find_unit_anywhere(std::string_view unit) {
  for (const auto &e : unit_table)
    if (unit == e.name)
      return &e;
  return nullptr;
}

/// Whether the number from_chars read up to `end` goes on in a form it does not read:
/// "0x10", "0b1", "1_000", "1,5" (which would otherwise be read as 0 or 1 and a strange unit).
bool number_goes_on(std::string_view text, const char *end) {
  const char *stop = text.data() + text.size();
  if (end + 1 >= stop)
    return false;
  const char c = *end;
  std::string_view digits(text.data(), static_cast<std::size_t>(end - text.data()));
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-'))
    digits.remove_prefix(1);
  const bool prefix = std::string_view("xXbBoO").find(c) != std::string_view::npos && digits == "0";
  const bool separator = c == '_' || c == ',';
  return (prefix || separator) && std::isxdigit(static_cast<unsigned char>(end[1]));
}

ParseFailure unit_failure(std::string_view unit, Dimension d, std::size_t offset) {
  std::string msg;
  if (unit.empty())
    msg = std::string("missing unit for a ") + to_string(d) + " (use " + accepted_units(d) + ")";
  else if (d == Dimension::Count)
    msg = "a plain number is expected here, without unit " + in_quotes(unit);
  else if (const auto *other = find_unit_anywhere(unit))
    msg = in_quotes(unit) + " is a unit of " + to_string(other->dimension) + ", but a " +
          to_string(d) + " is expected (use " + accepted_units(d) + ")";
  else
    msg = "unknown unit " + in_quotes(unit) + " for a " + to_string(d) + " (use " +
          accepted_units(d) + ")";
  return {msg, offset};
}

} // namespace

const char *to_string(Dimension d) {
  switch (d) {
  case Dimension::Length:
    return "length";
  case Dimension::TrainLength:
    return "train length";
  case Dimension::Duration:
    return "duration";
  case Dimension::RunLength:
    return "run length";
  case Dimension::Speed:
    return "speed";
  case Dimension::Volume:
    return "volume";
  case Dimension::VolumeRate:
    return "yearly volume";
  case Dimension::Rate:
    return "rate";
  case Dimension::Money:
    return "amount of money";
  case Dimension::MoneyPerTime:
    return "value of time";
  case Dimension::Co2Factor:
    return "CO2 factor";
  case Dimension::Mass:
    return "mass";
  case Dimension::Share:
    return "share";
  case Dimension::Count:
    return "count";
  }
  return "quantity";
}

std::string accepted_units(Dimension d) {
  std::string out;
  for (const auto &e : unit_table)
    if (e.dimension == d) {
      // Appended piecewise: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + string.
      if (!out.empty())
        out.append(", ");
      out.append(e.name);
    }
  if (d == Dimension::Share)
    out = "a fraction like 0.15 or a percentage like 15%";
  if (d == Dimension::Count)
    out = "a plain number";
  return out;
}

Parsed<double> parse_quantity(std::string_view text, Dimension d) {
  const std::string_view original = text;
  text = trim(text);
  const std::size_t start = static_cast<std::size_t>(text.data() - original.data());
  if (text.empty())
    return ParseFailure{std::string("empty value: expected a ") + to_string(d), start};
  double number = 0.0;
  const char *first = text.data();
  if (*first == '+')
    ++first;
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), number);
  if (ec != std::errc() || first == end)
    return ParseFailure{in_quotes(text) + " is not a number" +
                            (d == Dimension::Count ? "" : std::string(" with a unit")),
                        start};
  if (number_goes_on(text, end))
    return ParseFailure{in_quotes(text) + " is not a decimal number (write digits and a point, "
                                          "like 16 or 1.5)",
                        start};
  if (!std::isfinite(number))
    return ParseFailure{"the number must be finite, not " + in_quotes(text), start};
  const std::string_view unit = trim(std::string_view(end, text.data() + text.size() - end));
  const std::size_t unit_offset = static_cast<std::size_t>(unit.data() - original.data());
  double value = number;
  if (!(unit.empty() && (d == Dimension::Count || d == Dimension::Share))) {
    const UnitEntry *entry = find_unit(d, unit);
    if (!entry)
      return unit_failure(unit, d, unit.empty() ? start : unit_offset);
    value = number * entry->factor;
  }
  if (const std::string problem = range_problem(value, d); !problem.empty())
    return ParseFailure{in_quotes(text) + " is " + problem, start};
  return value;
}

std::string range_problem(double v, Dimension d) {
  for (const auto &r : ranges) {
    if (r.dimension != d)
      continue;
    const double m = std::abs(v);
    if (m > r.largest)
      return std::string("out of range: at most ") + r.largest_text;
    if (m > 0 && m < r.smallest)
      return std::string("too small: at least ") + r.smallest_text + " (or 0 where allowed)";
  }
  return "";
}

std::optional<std::uint64_t> parse_seed(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > (1ull << 53))
    return std::nullopt;
  return value;
}

std::string length_text(double km) {
  char text[32];
  if (km < 1.0)
    std::snprintf(text, sizeof text, "%.3g m", km * 1000.0);
  else
    std::snprintf(text, sizeof text, "%.4g km", km);
  return text;
}

} // namespace corsim
