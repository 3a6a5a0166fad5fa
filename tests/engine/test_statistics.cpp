#include "corsim/random.hpp"
#include "corsim/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace corsim;

TEST_CASE("a tally matches a hand calculation", "[engine][statistics]") {
  Tally t;
  for (double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0})
    t.add(x);
  CHECK(t.count() == 8);
  CHECK(t.mean() == Approx(5.0));
  CHECK(t.variance() == Approx(32.0 / 7.0)); // sum of squared deviations 32, n - 1 = 7
  CHECK(t.min() == 2.0);
  CHECK(t.max() == 9.0);
  CHECK(t.sum() == Approx(40.0));
  Tally a, b;
  for (double x : {2.0, 4.0, 4.0})
    a.add(x);
  for (double x : {4.0, 5.0, 5.0, 7.0, 9.0})
    b.add(x);
  a.merge(b);
  CHECK(a.mean() == Approx(5.0));
  CHECK(a.variance() == Approx(32.0 / 7.0));
}

TEST_CASE("a time-weighted average matches a hand calculation", "[engine][statistics]") {
  TimeWeighted q(0, 0.0);
  q.set(2, 3.0); // 0 on [0,2), 3 on [2,5), 1 on [5,10)
  q.set(5, 1.0);
  CHECK(q.mean(10) == Approx((0 * 2 + 3 * 3 + 1 * 5) / 10.0));
  CHECK(q.max() == 3.0);
  q.reset(10);    // warm-up deletion: history before 10 dropped, value 1 kept
  q.add(14, 1.0); // 2 from 14
  CHECK(q.mean(20) == Approx((1 * 4 + 2 * 6) / 10.0));
}

TEST_CASE("exact quantiles interpolate between order statistics", "[engine][statistics]") {
  QuantileSample s;
  for (double x : {7.0, 1.0, 3.0, 5.0, 9.0})
    s.add(x);
  CHECK(s.quantile(0.0) == 1.0);
  CHECK(s.quantile(0.5) == 5.0);
  CHECK(s.quantile(1.0) == 9.0);
  CHECK(s.quantile(0.9) == Approx(8.2)); // h = 3.6: 7 + 0.6 * 2
  CHECK(s.quantile(0.25) == Approx(3.0));
}

TEST_CASE("the P2 sketch stays within its documented error", "[engine][statistics][sketch]") {
  RandomStream r(21);
  const auto check = [](auto &&draw, const char *name) {
    INFO(name);
    for (double p : {0.5, 0.9, 0.95, 0.99}) {
      INFO("p = " << p);
      P2Quantile sketch(p);
      QuantileSample exact;
      for (int i = 0; i < 100000; ++i) {
        const double x = draw();
        sketch.add(x);
        exact.add(x);
      }
      const double est = sketch.estimate();
      const double spread = exact.quantile(0.99) - exact.quantile(0.01);
      CHECK(std::fabs(est - exact.quantile(p)) <= 0.01 * spread);
      // Empirical rank of the estimate.
      const auto &v = exact.values();
      const double rank =
          static_cast<double>(std::lower_bound(v.begin(), v.end(), est) - v.begin()) /
          static_cast<double>(v.size());
      CHECK(std::fabs(rank - p) <= 0.005);
    }
  };
  check([&] { return exponential(r, 1.0); }, "exponential");
  check([&] { return normal(r, 0.0, 1.0); }, "normal");
  check([&] { return uniform(r, 0.0, 1.0); }, "uniform");
  check([&] { return lognormal(r, 1.0, 2.0); }, "lognormal");
}

TEST_CASE("P2 is exact for its first five observations", "[engine][statistics][sketch]") {
  P2Quantile s(0.5);
  for (double x : {5.0, 1.0, 3.0})
    s.add(x);
  CHECK(s.estimate() == 3.0);
}

TEST_CASE("a histogram counts into bins with under- and overflow", "[engine][statistics]") {
  Histogram h(0.0, 10.0, 5);
  for (double x : {-1.0, 0.0, 1.9, 2.0, 9.99, 10.0, 55.0})
    h.add(x);
  CHECK(h.underflow() == 1);
  CHECK(h.overflow() == 2);
  CHECK(h.count(0) == 2);
  CHECK(h.count(1) == 1);
  CHECK(h.count(4) == 1);
  CHECK(h.total() == 7);
  CHECK(h.bin_lower(3) == 6.0);
}

TEST_CASE("Student-t intervals match tables", "[engine][statistics]") {
  CHECK(student_t_quantile(0.975, 9) == Approx(2.262157).epsilon(1e-6));
  CHECK(student_t_quantile(0.995, 4) == Approx(4.604095).epsilon(1e-6));
  const std::vector<double> xs{9.8, 10.2, 10.4, 9.6, 10.0}; // mean 10, s^2 = 0.1
  const ConfidenceInterval ci = confidence_interval(xs, 0.95);
  CHECK(ci.mean == Approx(10.0));
  CHECK(ci.half_width == Approx(2.776445 * std::sqrt(0.1 / 5)).epsilon(1e-6));
  CHECK(ci.contains(10.3));
  CHECK_FALSE(ci.contains(10.5));
}

TEST_CASE("batch means group a series into batches", "[engine][statistics]") {
  BatchMeans bm(3);
  for (double x : {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0})
    bm.add(x);
  CHECK(bm.batches().count() == 2);
  CHECK(bm.batches().mean() == Approx(3.5)); // batches 2 and 5
  const std::vector<double> series{100, 1, 2, 3, 4, 5, 6};
  const ConfidenceInterval ci = batch_means_interval(series, 3); // drops 100; (1.5, 3.5, 5.5)
  CHECK(ci.mean == Approx(3.5));
  CHECK(ci.n == 3);
}

TEST_CASE("MSER-5 finds the end of an initial transient", "[engine][statistics][warmup]") {
  RandomStream r(31);
  std::vector<double> series;
  for (int i = 0; i < 2000; ++i)
    series.push_back((i < 300 ? 20.0 * (300 - i) / 300.0 : 0.0) + normal(r, 5.0, 1.0));
  const std::size_t cut = mser5_truncation(series);
  CHECK(cut >= 200);
  CHECK(cut <= 400);
  WarmupTally w(cut);
  for (double x : series)
    w.add(x);
  CHECK(w.tally().mean() == Approx(5.0).margin(0.2));
}
