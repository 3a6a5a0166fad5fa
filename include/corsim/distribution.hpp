#pragma once
/// \file distribution.hpp
/// A random quantity as written by a planner: kind, parameters and optional truncation, all in
/// the base unit of its dimension (hours for durations, TEU for sizes; see units.hpp).
/// This is a description only; sampling lives in the engine (corsim/random.hpp), so the same
/// description gives the same numbers on every platform.
///
/// Written in YAML as, for example:
///   `6 h`                                    fixed
///   `uniform(2 h, 4 h)`                      min, max
///   `triangular(6 h, 8 h, 12 h)`             min, mode, max
///   `exponential(4 h)`                       mean
///   `normal(8 h, 2 h, min 0 h)`              mean, standard deviation, optional truncation
///   `lognormal(10 h, 3 h, max 48 h)`         mean, standard deviation (of the value itself)
///   `gamma(2, 3 h)`  `erlang(3, 2 h)`        shape, scale
///   `weibull(1.5, 10 h)`                     shape, scale
///   `empirical(4 h, 6 h, 6 h, 9 h)`          equally likely observations

#include <optional>
#include <vector>

namespace corsim {

enum class DistributionKind {
  Fixed,
  Uniform,
  Triangular,
  Exponential,
  Normal,
  Lognormal,
  Gamma,
  Erlang,
  Weibull,
  Empirical
};

/// Name as written in YAML ("triangular").
const char *to_string(DistributionKind kind);

struct DistributionSpec {
  DistributionKind kind = DistributionKind::Fixed;
  /// Parameters in the order of the YAML form above (base units).
  std::vector<double> params;
  /// Truncation bounds: samples outside [min, max] are redrawn (normal, lognormal).
  std::optional<double> min;
  std::optional<double> max;

  static DistributionSpec fixed(double value);
  /// The mean of the (truncated) distribution, exact for every kind.
  [[nodiscard]] double mean() const;
  /// E[X²] of the (truncated) distribution, exact for every kind.
  [[nodiscard]] double second_moment() const;
  /// Smallest and largest possible values (may be infinite for unbounded kinds).
  [[nodiscard]] double lower_bound() const;
  [[nodiscard]] double upper_bound() const;
  [[nodiscard]] bool is_fixed() const { return kind == DistributionKind::Fixed; }
};

} // namespace corsim
