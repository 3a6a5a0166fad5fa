#pragma once
/// \file statistics.hpp
/// Output statistics: tallies, time-weighted averages, quantiles, histograms, batch means,
/// warm-up deletion and Student-t confidence intervals. Values are in whatever unit the caller
/// records (hours for times in corsim); time arguments are engine ticks (see engine.hpp).
///
/// Example:
/// \code
///   corsim::Tally wait;                       // per-customer waits, hours
///   wait.add(0.5); wait.add(1.5);
///   auto ci = corsim::confidence_interval(wait, 0.95);   // mean 1.0 +- t(0.975,1)*s/sqrt(2)
///   corsim::TimeWeighted queue;               // queue length over time
///   queue.set(corsim::to_ticks(0.0), 2); queue.set(corsim::to_ticks(3.0), 0);
///   double avg = queue.mean(corsim::to_ticks(4.0));      // (2*3 + 0*1) / 4 = 1.5
/// \endcode

#include "corsim/engine.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace corsim {

/// Count, mean, variance (Welford's update), min and max of a series of observations.
class Tally {
public:
  void add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
    min_ = x < min_ ? x : min_;
    max_ = x > max_ ? x : max_;
  }
  void reset() { *this = Tally{}; }
  /// Merges another tally as if its observations had been added here (Chan et al.).
  void merge(const Tally &o);
  [[nodiscard]] std::uint64_t count() const { return n_; }
  [[nodiscard]] double mean() const { return mean_; }
  /// Sample variance (divisor n - 1); 0 for fewer than two observations.
  [[nodiscard]] double variance() const;
  [[nodiscard]] double stddev() const;
  [[nodiscard]] double min() const { return min_; }
  [[nodiscard]] double max() const { return max_; }
  [[nodiscard]] double sum() const { return mean_ * static_cast<double>(n_); }

private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

/// The time average of a piecewise-constant quantity (queue length, busy servers, stock).
/// `set(t, v)` says the value is v from tick t on; `reset(t)` deletes the history before t
/// (warm-up deletion) and keeps the current value.
class TimeWeighted {
public:
  explicit TimeWeighted(Tick start = 0, double value = 0.0)
      : start_(start), last_(start), value_(value) {}
  void set(Tick t, double value);
  void add(Tick t, double delta) { set(t, value_ + delta); }
  void reset(Tick t);
  [[nodiscard]] double value() const { return value_; }
  /// Time average over [start, t_end], t_end >= the last set().
  [[nodiscard]] double mean(Tick t_end) const;
  [[nodiscard]] double max() const { return max_; }

private:
  Tick start_;
  Tick last_;
  double value_;
  double area_ = 0.0; // value x ticks since start_
  double max_ = value_;
};

/// All observations kept; exact quantiles (linear interpolation between order statistics,
/// Hyndman–Fan type 7, as R's default and numpy's 'linear'). For moderate samples.
class QuantileSample {
public:
  void add(double x) { data_.push_back(x), sorted_ = false; }
  void reserve(std::size_t n) { data_.reserve(n); }
  /// p in [0, 1]; requires at least one observation.
  [[nodiscard]] double quantile(double p) const;
  [[nodiscard]] std::size_t size() const { return data_.size(); }
  [[nodiscard]] const std::vector<double> &values() const { return data_; }

private:
  mutable std::vector<double> data_;
  mutable bool sorted_ = true;
};

/// Streaming estimate of one quantile in O(1) memory: the P² algorithm (Jain & Chlamtac 1985).
/// Error: exact for the first five observations; afterwards an estimate whose error shrinks as
/// n grows. Tested bound (tests/engine/test_statistics.cpp): after 100,000 observations of
/// exponential, normal, uniform and lognormal samples, the estimate of p = 0.5, 0.9, 0.95 and
/// 0.99 lies within 1% of the distribution's range between its 1st and 99th percentile of the
/// exact sample quantile, and its empirical rank is within ±0.005 of p. P² assumes a smooth
/// distribution; for data with large atoms or gaps use QuantileSample.
class P2Quantile {
public:
  explicit P2Quantile(double p);
  void add(double x);
  [[nodiscard]] double estimate() const;
  [[nodiscard]] std::uint64_t count() const { return n_; }
  [[nodiscard]] double p() const { return p_; }

private:
  double parabolic(int i, double d) const;
  double linear(int i, double d) const;
  double p_;
  std::uint64_t n_ = 0;
  double q_[5] = {};    // marker heights
  double pos_[5] = {};  // actual positions (1-based)
  double want_[5] = {}; // desired positions
  double inc_[5] = {};  // desired position increments
};

/// Fixed-width bins over [lo, hi) plus underflow and overflow counts.
class Histogram {
public:
  Histogram(double lo, double hi, std::size_t bins);
  void add(double x);
  [[nodiscard]] std::size_t bins() const { return counts_.size(); }
  [[nodiscard]] std::uint64_t count(std::size_t bin) const { return counts_[bin]; }
  [[nodiscard]] double bin_lower(std::size_t bin) const;
  [[nodiscard]] std::uint64_t underflow() const { return under_; }
  [[nodiscard]] std::uint64_t overflow() const { return over_; }
  [[nodiscard]] std::uint64_t total() const { return total_; }

private:
  double lo_;
  double width_;
  std::vector<std::uint64_t> counts_;
  std::uint64_t under_ = 0;
  std::uint64_t over_ = 0;
  std::uint64_t total_ = 0;
};

/// A two-sided confidence interval for a mean: mean ± half_width at `level` (e.g. 0.95).
struct ConfidenceInterval {
  double mean = 0.0;
  double half_width = 0.0;
  double level = 0.95;
  std::uint64_t n = 0;
  [[nodiscard]] double lower() const { return mean - half_width; }
  [[nodiscard]] double upper() const { return mean + half_width; }
  [[nodiscard]] bool contains(double x) const { return x >= lower() && x <= upper(); }
  /// half_width / |mean|.
  [[nodiscard]] double relative_half_width() const;
};

/// Quantile of Student's t distribution with `dof` degrees of freedom (p in (0, 1)).
double student_t_quantile(double p, double dof);
/// Student-t interval for the mean of independent observations (e.g. replication means).
ConfidenceInterval confidence_interval(const Tally &t, double level = 0.95);
ConfidenceInterval confidence_interval(const std::vector<double> &xs, double level = 0.95);

/// Batch means for one long, autocorrelated run: observations go into batches of
/// `batch_size`; the batch means are treated as independent for the interval.
class BatchMeans {
public:
  explicit BatchMeans(std::uint64_t batch_size) : size_(batch_size) {}
  void add(double x);
  [[nodiscard]] const Tally &batches() const { return batches_; }
  [[nodiscard]] ConfidenceInterval interval(double level = 0.95) const {
    return confidence_interval(batches_, level);
  }

private:
  std::uint64_t size_;
  std::uint64_t in_batch_ = 0;
  double sum_ = 0.0;
  Tally batches_;
};

/// Batch-means interval over a stored series split into `batches` equal batches (the
/// remainder at the start is dropped).
ConfidenceInterval batch_means_interval(const std::vector<double> &series, std::size_t batches,
                                        double level = 0.95);

/// Warm-up deletion: the MSER-5 truncation point of a series (White 1997), i.e. how many
/// leading observations to drop. Considers truncation in the first half only.
std::size_t mser5_truncation(const std::vector<double> &series);

/// The Theil–Sen line through a series against its index (0, 1, ...): its slope is the median
/// of the slopes between every pair of points, so a few outlying points (a holiday backlog at
/// the end) do not tilt it. How much it rises from the first point to the last, and the
/// series' mean. O(n²) pairs: meant for series of at most a few hundred points.
struct Trend {
  double growth = 0.0;
  double mean = 0.0;
};
Trend theil_sen_trend(const std::vector<double> &series);

/// Observations after the first `warmup` ones; a Tally that ignores a warm-up count.
class WarmupTally {
public:
  explicit WarmupTally(std::uint64_t warmup) : warmup_(warmup) {}
  void add(double x) {
    if (seen_++ >= warmup_)
      tally_.add(x);
  }
  [[nodiscard]] const Tally &tally() const { return tally_; }

private:
  std::uint64_t warmup_;
  std::uint64_t seen_ = 0;
  Tally tally_;
};

} // namespace corsim
