#include "corsim/statistics.hpp"

#include "corsim/error.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace corsim {

void Tally::merge(const Tally &o) {
  if (o.n_ == 0)
    return;
  if (n_ == 0) {
    *this = o;
    return;
  }
  const double na = static_cast<double>(n_);
  const double nb = static_cast<double>(o.n_);
  const double d = o.mean_ - mean_;
  mean_ += d * nb / (na + nb);
  m2_ += o.m2_ + d * d * na * nb / (na + nb);
  n_ += o.n_;
  min_ = std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
}

double Tally::variance() const { return n_ < 2 ? 0.0 : m2_ / static_cast<double>(n_ - 1); }
double Tally::stddev() const { return std::sqrt(variance()); }

void TimeWeighted::set(Tick t, double value) {
  assert(t >= last_);
  area_ += value_ * static_cast<double>(t - last_);
  last_ = t;
  value_ = value;
  max_ = std::max(max_, value);
}

void TimeWeighted::reset(Tick t) {
  assert(t >= last_);
  start_ = t;
  last_ = t;
  area_ = 0.0;
  max_ = value_;
}

double TimeWeighted::mean(Tick t_end) const {
  assert(t_end >= last_);
  const double span = static_cast<double>(t_end - start_);
  if (span <= 0.0)
    return value_;
  return (area_ + value_ * static_cast<double>(t_end - last_)) / span;
}

double QuantileSample::quantile(double p) const {
  if (data_.empty())
    throw ApiMisuse("QuantileSample::quantile: no observations");
  if (!sorted_) {
    std::sort(data_.begin(), data_.end());
    sorted_ = true;
  }
  const double h = std::clamp(p, 0.0, 1.0) * static_cast<double>(data_.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, data_.size() - 1);
  return data_[lo] + (h - static_cast<double>(lo)) * (data_[hi] - data_[lo]);
}

P2Quantile::P2Quantile(double p) : p_(p) {
  if (!(p > 0.0 && p < 1.0))
    throw ApiMisuse("P2Quantile: p must be in (0, 1)");
  const double want[5] = {1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5};
  const double inc[5] = {0, p / 2, p, (1 + p) / 2, 1};
  for (int i = 0; i < 5; ++i) {
    want_[i] = want[i];
    inc_[i] = inc[i];
    pos_[i] = i + 1;
  }
}

double P2Quantile::parabolic(int i, double d) const {
  const double a = d / (pos_[i + 1] - pos_[i - 1]);
  const double b = (pos_[i] - pos_[i - 1] + d) * (q_[i + 1] - q_[i]) / (pos_[i + 1] - pos_[i]);
  const double c = (pos_[i + 1] - pos_[i] - d) * (q_[i] - q_[i - 1]) / (pos_[i] - pos_[i - 1]);
  return q_[i] + a * (b + c);
}

double P2Quantile::linear(int i, double d) const {
  const int j = i + static_cast<int>(d);
  return q_[i] + d * (q_[j] - q_[i]) / (pos_[j] - pos_[i]);
}

void P2Quantile::add(double x) {
  if (n_ < 5) {
    q_[n_++] = x;
    std::sort(q_, q_ + n_);
    return;
  }
  ++n_;
  int k;
  if (x < q_[0]) {
    q_[0] = x;
    k = 0;
  } else if (x >= q_[4]) {
    q_[4] = std::max(q_[4], x);
    k = 3;
  } else {
    k = 0;
    while (k < 3 && x >= q_[k + 1])
      ++k;
  }
  for (int i = k + 1; i < 5; ++i)
    pos_[i] += 1;
  for (int i = 0; i < 5; ++i)
    want_[i] += inc_[i];
  for (int i = 1; i <= 3; ++i) {
    const double d = want_[i] - pos_[i];
    if ((d >= 1 && pos_[i + 1] - pos_[i] > 1) || (d <= -1 && pos_[i - 1] - pos_[i] < -1)) {
      const double s = d > 0 ? 1.0 : -1.0;
      double q = parabolic(i, s);
      if (!(q_[i - 1] < q && q < q_[i + 1]))
        q = linear(i, s);
      q_[i] = q;
      pos_[i] += s;
    }
  }
}

double P2Quantile::estimate() const {
  if (n_ == 0)
    throw ApiMisuse("P2Quantile::estimate: no observations");
  if (n_ <= 5) {
    const double h = p_ * static_cast<double>(n_ - 1);
    const auto lo = static_cast<std::size_t>(h);
    const std::size_t hi = std::min<std::size_t>(lo + 1, n_ - 1);
    return q_[lo] + (h - static_cast<double>(lo)) * (q_[hi] - q_[lo]);
  }
  return q_[2];
}

Histogram::Histogram(double lo, double hi, std::size_t bins)
    : lo_(lo), width_((hi - lo) / static_cast<double>(bins)), counts_(bins, 0) {
  if (!(hi > lo) || bins == 0)
    throw ApiMisuse("Histogram: needs lo < hi and at least one bin");
}

void Histogram::add(double x) {
  ++total_;
  if (x < lo_) {
    ++under_;
    return;
  }
  const double b = std::floor((x - lo_) / width_);
  if (b >= static_cast<double>(counts_.size())) {
    ++over_;
    return;
  }
  ++counts_[static_cast<std::size_t>(b)];
}

double Histogram::bin_lower(std::size_t bin) const {
  return lo_ + width_ * static_cast<double>(bin);
}

double ConfidenceInterval::relative_half_width() const {
  return mean == 0.0 ? HUGE_VAL : half_width / std::fabs(mean);
}

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0) || !(dof > 0.0))
    throw ApiMisuse("student_t_quantile: needs 0 < p < 1 and dof > 0");
  return boost::math::quantile(boost::math::students_t(dof), p);
}

ConfidenceInterval confidence_interval(const Tally &t, double level) {
  ConfidenceInterval ci;
  ci.mean = t.mean();
  ci.level = level;
  ci.n = t.count();
  if (t.count() < 2) {
    ci.half_width = HUGE_VAL;
    return ci;
  }
  const double n = static_cast<double>(t.count());
  ci.half_width = student_t_quantile(0.5 + level / 2, n - 1) * t.stddev() / std::sqrt(n);
  return ci;
}

ConfidenceInterval confidence_interval(const std::vector<double> &xs, double level) {
  Tally t;
  for (double x : xs)
    t.add(x);
  return confidence_interval(t, level);
}

void BatchMeans::add(double x) {
  sum_ += x;
  if (++in_batch_ == size_) {
    batches_.add(sum_ / static_cast<double>(size_));
    sum_ = 0.0;
    in_batch_ = 0;
  }
}

ConfidenceInterval batch_means_interval(const std::vector<double> &series, std::size_t batches,
                                        double level) {
  if (batches < 2 || series.size() < batches)
    throw ApiMisuse("batch_means_interval: needs at least two batches of one observation");
  const std::size_t size = series.size() / batches;
  const std::size_t skip = series.size() - size * batches;
  Tally means;
  for (std::size_t b = 0; b < batches; ++b) {
    double sum = 0.0;
    for (std::size_t i = 0; i < size; ++i)
      sum += series[skip + b * size + i];
    means.add(sum / static_cast<double>(size));
  }
  return confidence_interval(means, level);
}

std::size_t mser5_truncation(const std::vector<double> &series) {
  const std::size_t m = series.size() / 5; // batches of five
  if (m < 2)
    return 0;
  std::vector<double> z(m);
  for (std::size_t j = 0; j < m; ++j) {
    double s = 0.0;
    for (std::size_t i = 0; i < 5; ++i)
      s += series[5 * j + i];
    z[j] = s / 5.0;
  }
  // Suffix sums let every truncation point be scored in O(m).
  std::vector<double> sum(m + 1, 0.0);
  std::vector<double> sq(m + 1, 0.0);
  for (std::size_t j = m; j-- > 0;) {
    sum[j] = sum[j + 1] + z[j];
    sq[j] = sq[j + 1] + z[j] * z[j];
  }
  std::size_t best = 0;
  double best_score = HUGE_VAL;
  for (std::size_t d = 0; d <= m / 2; ++d) {
    const double k = static_cast<double>(m - d);
    const double var_sum = sq[d] - sum[d] * sum[d] / k; // sum of squared deviations
    const double score = var_sum / (k * k);
    if (score < best_score) {
      best_score = score;
      best = d;
    }
  }
  return best * 5;
}

Trend theil_sen_trend(const std::vector<double> &series) {
  const std::size_t n = series.size();
  Trend t;
  if (n == 0)
    return t;
  std::vector<double> slopes;
  slopes.reserve(n * (n - 1) / 2);
  for (std::size_t i = 0; i < n; ++i) {
    t.mean += series[i] / static_cast<double>(n);
    for (std::size_t j = i + 1; j < n; ++j)
      slopes.push_back((series[j] - series[i]) / static_cast<double>(j - i));
  }
  if (slopes.empty())
    return t;
  const std::size_t half = slopes.size() / 2;
  std::nth_element(slopes.begin(), slopes.begin() + static_cast<std::ptrdiff_t>(half),
                   slopes.end());
  double median = slopes[half];
  if (slopes.size() % 2 == 0) // the mean of the two middle slopes
    median = (median + *std::max_element(slopes.begin(),
                                         slopes.begin() + static_cast<std::ptrdiff_t>(half))) /
             2.0;
  t.growth = median * static_cast<double>(n - 1);
  return t;
}

} // namespace corsim
