#pragma once
/// \file random.hpp
/// Random streams and distributions that give the same numbers on every platform.
///
/// Streams. `RandomStream(seed, replication, stream)` is xoshiro256** whose 256-bit state is
/// filled by SplitMix64 from a key mixing the scenario seed, the replication number and the
/// stream id. Each (replication, stream id) pair therefore has its own sequence; drawing from
/// one stream never changes another's, so common random numbers hold across scenarios when each
/// purpose (arrivals, service at a facility, ...) uses its own stream id.
///
/// Distributions are written here (inverse transform, Box–Muller, Marsaglia–Tsang), not taken
/// from std::, whose algorithms differ between standard libraries. Only IEEE arithmetic and
/// <cmath> (log, exp, sqrt, cos, pow) are used.
///
/// Example:
/// \code
///   corsim::RandomStream arrivals(42, /*replication*/ 0, /*stream*/ 1);
///   double gap = corsim::exponential(arrivals, 4.0);          // mean 4 (hours)
///   corsim::DistributionSpec spec{corsim::DistributionKind::Triangular, {6, 8, 12}};
///   double t = corsim::sample(spec, arrivals);
/// \endcode

#include "corsim/distribution.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace corsim {

/// SplitMix64 step: advances `state` and returns a well-mixed 64-bit value.
std::uint64_t splitmix64(std::uint64_t &state);

/// xoshiro256** generator (period 2^256 - 1). Satisfies UniformRandomBitGenerator.
class RandomStream {
public:
  using result_type = std::uint64_t;
  /// Stream `stream` of replication `replication` under scenario seed `seed`.
  RandomStream(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream);
  explicit RandomStream(std::uint64_t seed = 0) : RandomStream(seed, 0, 0) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return UINT64_MAX; }
  result_type operator()() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
  /// Uniform on (0, 1): never 0, safe for log().
  double uniform_open() { return (static_cast<double>((*this)() >> 11) + 0.5) * 0x1.0p-53; }
  /// Uniform integer on [0, n), n > 0 (Lemire's unbiased method).
  std::uint64_t below(std::uint64_t n);
  /// Advances by 2^128 draws (xoshiro jump): a further independent substream.
  void jump();
  [[nodiscard]] const std::array<std::uint64_t, 4> &state() const { return s_; }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

// Distributions. Parameters are in model units (hours for durations).
double uniform(RandomStream &r, double lo, double hi);
double exponential(RandomStream &r, double mean);
double triangular(RandomStream &r, double lo, double mode, double hi);
double normal(RandomStream &r, double mean, double sd);
/// Lognormal with the given mean and standard deviation of the value itself (not of its log).
double lognormal(RandomStream &r, double mean, double sd);
/// Gamma with shape k > 0 and scale theta (mean k * theta); Marsaglia–Tsang.
double gamma(RandomStream &r, double shape, double scale);
/// Erlang: sum of k exponentials of mean `scale` each (mean k * scale).
double erlang(RandomStream &r, int k, double scale);
/// Weibull with shape k and scale lambda: lambda * (-ln U)^(1/k).
double weibull(RandomStream &r, double shape, double scale);
/// One of `values`, each equally likely (non-empty).
double empirical(RandomStream &r, const std::vector<double> &values);

/// A discrete distribution over indices 0..n-1 with given non-negative weights (Walker alias
/// method: O(1) per draw).
class DiscreteDistribution {
public:
  explicit DiscreteDistribution(const std::vector<double> &weights);
  std::size_t operator()(RandomStream &r) const;
  [[nodiscard]] std::size_t size() const { return prob_.size(); }

private:
  std::vector<double> prob_;
  std::vector<std::uint32_t> alias_;
};

/// Redraws `draw()` until it falls in [lo, hi]; after 10,000 rejections, clamps (only reached
/// when the interval has almost no probability, which validation should have refused).
template <class Draw> double truncated(Draw &&draw, double lo, double hi) {
  for (int i = 0; i < 10000; ++i) {
    const double x = draw();
    if (x >= lo && x <= hi)
      return x;
  }
  const double x = draw();
  return x < lo ? lo : (x > hi ? hi : x);
}

/// Draws from a DistributionSpec (kinds and parameter order as in distribution.hpp); applies
/// its truncation bounds by redrawing.
double sample(const DistributionSpec &spec, RandomStream &r);

} // namespace corsim
