// DistributionSpec: exact means and bounds, and the readable text form of distributions.
#include "corsim/distribution.hpp"
#include "corsim/parse.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace corsim {
namespace {

constexpr double infinity = std::numeric_limits<double>::infinity();

double normal_pdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * M_PI); }
double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

/// Log-space parameters (mu, sigma) of a lognormal with the given mean and standard deviation.
std::pair<double, double> lognormal_log_params(double mean, double sd) {
  const double s2 = std::log(1.0 + (sd * sd) / (mean * mean));
  return {std::log(mean) - 0.5 * s2, std::sqrt(s2)};
}

double truncated_normal_mean(double mu, double sd, double lo, double hi) {
  const double a = (lo - mu) / sd, b = (hi - mu) / sd;
  const double pa = std::isfinite(a) ? normal_pdf(a) : 0.0;
  const double pb = std::isfinite(b) ? normal_pdf(b) : 0.0;
  return mu + sd * (pa - pb) / (normal_cdf(b) - normal_cdf(a));
}

double truncated_lognormal_mean(double mean, double sd, double lo, double hi) {
  const auto [mu, sigma] = lognormal_log_params(mean, sd);
  const double la = lo > 0 ? std::log(lo) : -infinity, lb = std::log(hi);
  const double mass = normal_cdf((lb - mu) / sigma) - normal_cdf((la - mu) / sigma);
  const double partial =
      normal_cdf((lb - mu - sigma * sigma) / sigma) - normal_cdf((la - mu - sigma * sigma) / sigma);
  return std::exp(mu + 0.5 * sigma * sigma) * partial / mass;
}

/// E[X²] of a normal (mu, sd) truncated to [lo, hi]: with Z standard on [a, b],
/// E[Z] = (φ(a) - φ(b)) / Δ and E[Z²] = 1 + (aφ(a) - bφ(b)) / Δ.
double truncated_normal_second(double mu, double sd, double lo, double hi) {
  const double a = (lo - mu) / sd, b = (hi - mu) / sd;
  const double pa = std::isfinite(a) ? normal_pdf(a) : 0.0;
  const double pb = std::isfinite(b) ? normal_pdf(b) : 0.0;
  const double mass = normal_cdf(b) - normal_cdf(a);
  const double ez = (pa - pb) / mass;
  const double ez2 =
      1.0 + ((std::isfinite(a) ? a * pa : 0.0) - (std::isfinite(b) ? b * pb : 0.0)) / mass;
  return mu * mu + 2.0 * mu * sd * ez + sd * sd * ez2;
}

/// E[X²] of a lognormal (mean, sd) truncated to [lo, hi]: e^(2µ + 2σ²) × the mass shifted by 2σ².
double truncated_lognormal_second(double mean, double sd, double lo, double hi) {
  const auto [mu, sigma] = lognormal_log_params(mean, sd);
  const double la = lo > 0 ? std::log(lo) : -infinity, lb = std::log(hi);
  const double mass = normal_cdf((lb - mu) / sigma) - normal_cdf((la - mu) / sigma);
  const double s2 = 2.0 * sigma * sigma;
  const double partial = normal_cdf((lb - mu - s2) / sigma) - normal_cdf((la - mu - s2) / sigma);
  return std::exp(2.0 * mu + s2) * partial / mass;
}

/// Probability mass a truncation keeps; used to refuse truncations that would make
/// rejection sampling spin for ever.
double kept_mass(const DistributionSpec &d) {
  const double lo = d.min.value_or(-infinity), hi = d.max.value_or(infinity);
  if (d.kind == DistributionKind::Normal)
    return normal_cdf((hi - d.params[0]) / d.params[1]) -
           normal_cdf((lo - d.params[0]) / d.params[1]);
  const auto [mu, sigma] = lognormal_log_params(d.params[0], d.params[1]);
  const double la = lo > 0 ? std::log(lo) : -infinity;
  return normal_cdf((std::log(hi) - mu) / sigma) - normal_cdf((la - mu) / sigma);
}

} // namespace

const char *to_string(DistributionKind kind) {
  switch (kind) {
  case DistributionKind::Fixed:
    return "fixed";
  case DistributionKind::Uniform:
    return "uniform";
  case DistributionKind::Triangular:
    return "triangular";
  case DistributionKind::Exponential:
    return "exponential";
  case DistributionKind::Normal:
    return "normal";
  case DistributionKind::Lognormal:
    return "lognormal";
  case DistributionKind::Gamma:
    return "gamma";
  case DistributionKind::Erlang:
    return "erlang";
  case DistributionKind::Weibull:
    return "weibull";
  case DistributionKind::Empirical:
    return "empirical";
  }
  return "?";
}

DistributionSpec DistributionSpec::fixed(double value) {
  return DistributionSpec{DistributionKind::Fixed, {value}, std::nullopt, std::nullopt};
}

double DistributionSpec::mean() const {
  const auto &p = params;
  switch (kind) {
  case DistributionKind::Fixed:
    return p[0];
  case DistributionKind::Uniform:
    return 0.5 * (p[0] + p[1]);
  case DistributionKind::Triangular:
    return (p[0] + p[1] + p[2]) / 3.0;
  case DistributionKind::Exponential:
    return p[0];
  case DistributionKind::Normal:
    return truncated_normal_mean(p[0], p[1], min.value_or(-infinity), max.value_or(infinity));
  case DistributionKind::Lognormal:
    if (!min && !max)
      return p[0];
    return truncated_lognormal_mean(p[0], p[1], min.value_or(0.0), max.value_or(infinity));
  case DistributionKind::Gamma:
  case DistributionKind::Erlang:
    return p[0] * p[1];
  case DistributionKind::Weibull:
    return p[1] * std::tgamma(1.0 + 1.0 / p[0]);
  case DistributionKind::Empirical:
    return std::accumulate(p.begin(), p.end(), 0.0) / p.size();
  }
  return 0.0;
}

double DistributionSpec::second_moment() const {
  const auto &p = params;
  switch (kind) {
  case DistributionKind::Fixed:
    return p[0] * p[0];
  case DistributionKind::Uniform:
    return (p[0] * p[0] + p[0] * p[1] + p[1] * p[1]) / 3.0;
  case DistributionKind::Triangular:
    return (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[0] * p[1] + p[0] * p[2] + p[1] * p[2]) /
           6.0;
  case DistributionKind::Exponential:
    return 2.0 * p[0] * p[0];
  case DistributionKind::Normal:
    return truncated_normal_second(p[0], p[1], min.value_or(-infinity), max.value_or(infinity));
  case DistributionKind::Lognormal:
    if (!min && !max)
      return p[0] * p[0] + p[1] * p[1];
    return truncated_lognormal_second(p[0], p[1], min.value_or(0.0), max.value_or(infinity));
  case DistributionKind::Gamma:
  case DistributionKind::Erlang:
    return p[0] * (p[0] + 1.0) * p[1] * p[1];
  case DistributionKind::Weibull:
    return p[1] * p[1] * std::tgamma(1.0 + 2.0 / p[0]);
  case DistributionKind::Empirical:
    return std::inner_product(p.begin(), p.end(), p.begin(), 0.0) / p.size();
  }
  return 0.0;
}

double DistributionSpec::lower_bound() const {
  switch (kind) {
  case DistributionKind::Fixed:
  case DistributionKind::Uniform:
  case DistributionKind::Triangular:
    return params[0];
  case DistributionKind::Normal:
    return min.value_or(-infinity);
  case DistributionKind::Lognormal:
    return min.value_or(0.0);
  case DistributionKind::Empirical:
    return *std::min_element(params.begin(), params.end());
  default:
    return 0.0;
  }
}

double DistributionSpec::upper_bound() const {
  switch (kind) {
  case DistributionKind::Fixed:
    return params[0];
  case DistributionKind::Uniform:
    return params[1];
  case DistributionKind::Triangular:
    return params[2];
  case DistributionKind::Normal:
  case DistributionKind::Lognormal:
    return max.value_or(infinity);
  case DistributionKind::Empirical:
    return *std::max_element(params.begin(), params.end());
  default:
    return infinity;
  }
}

bool truncation_keeps_enough_mass(const DistributionSpec &d) {
  if (d.kind != DistributionKind::Normal && d.kind != DistributionKind::Lognormal)
    return true;
  return kept_mass(d) >= 1e-6;
}

} // namespace corsim
