#pragma once
/// \file parse.hpp
/// Parsing of quantities with units ("529 km") and distributions ("triangular(6 h, 8 h, 12 h)")
/// into base units (see units.hpp). Pure functions on strings: the YAML loader adds positions.

#include "corsim/distribution.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace corsim {

/// What a value measures; decides which units are accepted and the base unit it converts to.
enum class Dimension {
  Length,       ///< base km: m, km, nm
  TrainLength,  ///< base m: m, km
  Duration,     ///< base h: s, min, h, d, wk
  RunLength,    ///< base h: h, d, wk, yr (a simulation's horizon or warm-up, up to 100 years)
  Speed,        ///< base km/h: km/h, kn, km/d, m/s
  Volume,       ///< base TEU: TEU, FEU
  VolumeRate,   ///< base TEU/yr: TEU/yr, TEU/mo, TEU/wk, TEU/d
  Rate,         ///< base per hour: /h, /d, /wk
  Money,        ///< base USD: USD
  MoneyPerTime, ///< base USD/h: USD/h, USD/d (value of time per TEU)
  Co2Factor,    ///< base g/tkm: g/tkm, kg/tkm
  Mass,         ///< base t: t, kg
  Share,        ///< base fraction: 15%, 0.15
  Count         ///< a plain number without unit
};

/// Units accepted for a dimension, as written ("km, m, nm").
std::string accepted_units(Dimension d);
/// Why `v` (base units) is outside the plausible range of `d` ("out of range: at most
/// 100000 h", "too small: at least 1 s (or 0 where allowed)"), or "" when it is within.
std::string range_problem(double v, Dimension d);
/// A seed as people write it: decimal digits only, 0 to 2^53 (what a double holds exactly,
/// so that JSON readers see the same number); nullopt otherwise.
std::optional<std::uint64_t> parse_seed(std::string_view text);
/// A length for a message, readable at any size: "250 m" below 1 km, else "12.5 km".
std::string length_text(double km);
const char *to_string(Dimension d); ///< "length", "duration", ...

/// A parse failure: what is wrong and where in the text (0-based character offset).
struct ParseFailure {
  std::string message;
  std::size_t offset = 0;
};

template <class T> using Parsed = std::variant<T, ParseFailure>;

/// "529 km" -> 529.0 (Length). Rejects NaN, infinities, missing or wrong units.
Parsed<double> parse_quantity(std::string_view text, Dimension d);
/// A distribution in the form documented in distribution.hpp, values in dimension `d`.
/// A plain quantity ("6 h") is a fixed distribution. Checks the parameters make sense
/// (min <= mode <= max, positive means and deviations, non-negative durations).
Parsed<DistributionSpec> parse_distribution(std::string_view text, Dimension d);

} // namespace corsim
