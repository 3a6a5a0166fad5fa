#include "corsim/random.hpp"

#include "corsim/error.hpp"

#include <cmath>
#include <numbers>

namespace corsim {

std::uint64_t splitmix64(std::uint64_t &state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

namespace {
__extension__ using u128 = unsigned __int128;

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  std::uint64_t s = a ^ (b * 0xd1342543de82ef95ULL);
  return splitmix64(s);
}
} // namespace

RandomStream::RandomStream(std::uint64_t seed, std::uint64_t replication, std::uint64_t stream) {
  std::uint64_t key = mix(mix(mix(0x636f7273696d2121ULL, seed), replication), stream);
  for (auto &w : s_)
    w = splitmix64(key);
}

std::uint64_t RandomStream::below(std::uint64_t n) {
  u128 m = static_cast<u128>((*this)()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<u128>((*this)()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

void RandomStream::jump() {
  static constexpr std::array<std::uint64_t, 4> poly = {
      0x180ec6d33cfd0abaULL, 0xd5a61266f0c9392cULL, 0xa9582618e03fc9aaULL, 0x39abdc4529b1661cULL};
  std::array<std::uint64_t, 4> t{};
  for (std::uint64_t word : poly)
    for (int b = 0; b < 64; ++b) {
      if (word & (std::uint64_t{1} << b))
        for (int i = 0; i < 4; ++i)
          t[static_cast<std::size_t>(i)] ^= s_[static_cast<std::size_t>(i)];
      (*this)();
    }
  s_ = t;
}

double uniform(RandomStream &r, double lo, double hi) { return lo + (hi - lo) * r.uniform01(); }

double exponential(RandomStream &r, double mean) { return -mean * std::log(r.uniform_open()); }

double triangular(RandomStream &r, double lo, double mode, double hi) {
  const double u = r.uniform01();
  const double w = hi - lo;
  if (w <= 0.0)
    return lo;
  const double f = (mode - lo) / w;
  if (u < f)
    return lo + std::sqrt(u * w * (mode - lo));
  return hi - std::sqrt((1.0 - u) * w * (hi - mode));
}

double normal(RandomStream &r, double mean, double sd) {
  // Box–Muller, one value per pair of uniforms: no hidden cached state.
  const double u1 = r.uniform_open();
  const double u2 = r.uniform01();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double lognormal(RandomStream &r, double mean, double sd) {
  const double v = sd * sd;
  const double m2 = mean * mean;
  const double sigma2 = std::log1p(v / m2);
  const double mu = std::log(mean) - 0.5 * sigma2;
  return std::exp(normal(r, mu, std::sqrt(sigma2)));
}

double gamma(RandomStream &r, double shape, double scale) {
  if (shape < 1.0) {
    // Boost (shape+1) then multiply by U^(1/shape).
    const double g = gamma(r, shape + 1.0, 1.0);
    return scale * g * std::pow(r.uniform_open(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x;
    double v;
    do {
      x = normal(r, 0.0, 1.0);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = r.uniform_open();
    if (u < 1.0 - 0.0331 * x * x * x * x)
      return scale * d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v)))
      return scale * d * v;
  }
}

double erlang(RandomStream &r, int k, double scale) {
  if (k > 16)
    return gamma(r, k, scale);
  double prod = 1.0;
  for (int i = 0; i < k; ++i)
    prod *= r.uniform_open();
  return -scale * std::log(prod);
}

double weibull(RandomStream &r, double shape, double scale) {
  return scale * std::pow(-std::log(r.uniform_open()), 1.0 / shape);
}

double empirical(RandomStream &r, const std::vector<double> &values) {
  return values[static_cast<std::size_t>(r.below(values.size()))];
}

DiscreteDistribution::DiscreteDistribution(const std::vector<double> &weights) {
  const std::size_t n = weights.size();
  double total = 0.0;
  for (double w : weights) {
    if (!(w >= 0.0))
      throw ApiMisuse("DiscreteDistribution: weights must be non-negative");
    total += w;
  }
  if (n == 0 || total <= 0.0)
    throw ApiMisuse("DiscreteDistribution: needs a positive total weight");
  prob_.assign(n, 0.0);
  alias_.assign(n, 0);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small;
  std::vector<std::uint32_t> large;
  for (std::size_t i = 0; i < n; ++i) {
    scaled[i] = weights[i] * static_cast<double>(n) / total;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    prob_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] -= 1.0 - scaled[s];
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (std::uint32_t i : large)
    prob_[i] = 1.0;
  for (std::uint32_t i : small)
    prob_[i] = 1.0;
}

std::size_t DiscreteDistribution::operator()(RandomStream &r) const {
  const auto i = static_cast<std::size_t>(r.below(prob_.size()));
  return r.uniform01() < prob_[i] ? i : alias_[i];
}

namespace {
double param(const DistributionSpec &spec, std::size_t i) {
  if (i >= spec.params.size())
    throw ApiMisuse("sample: DistributionSpec has too few parameters");
  return spec.params[i];
}

double draw(const DistributionSpec &s, RandomStream &r) {
  switch (s.kind) {
  case DistributionKind::Fixed:
    return param(s, 0);
  case DistributionKind::Uniform:
    return uniform(r, param(s, 0), param(s, 1));
  case DistributionKind::Triangular:
    return triangular(r, param(s, 0), param(s, 1), param(s, 2));
  case DistributionKind::Exponential:
    return exponential(r, param(s, 0));
  case DistributionKind::Normal:
    return normal(r, param(s, 0), param(s, 1));
  case DistributionKind::Lognormal:
    return lognormal(r, param(s, 0), param(s, 1));
  case DistributionKind::Gamma:
    return gamma(r, param(s, 0), param(s, 1));
  case DistributionKind::Erlang:
    return erlang(r, static_cast<int>(param(s, 0)), param(s, 1));
  case DistributionKind::Weibull:
    return weibull(r, param(s, 0), param(s, 1));
  case DistributionKind::Empirical:
    if (s.params.empty())
      throw ApiMisuse("sample: empirical distribution without observations");
    return empirical(r, s.params);
  }
  throw ApiMisuse("sample: unknown distribution kind");
}
} // namespace

double sample(const DistributionSpec &spec, RandomStream &r) {
  if (!spec.min && !spec.max)
    return draw(spec, r);
  const double lo = spec.min ? *spec.min : -HUGE_VAL;
  const double hi = spec.max ? *spec.max : HUGE_VAL;
  return truncated([&] { return draw(spec, r); }, lo, hi);
}

} // namespace corsim
