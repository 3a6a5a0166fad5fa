#include "corsim/random.hpp"
#include "corsim/statistics.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace corsim;

TEST_CASE("a stream gives the same numbers for the same seed on every platform",
          "[engine][random]") {
  // Golden values: xoshiro256** seeded through SplitMix64, pinned to catch any change.
  RandomStream a(42, 0, 0);
  RandomStream b(42, 0, 0);
  for (int i = 0; i < 1000; ++i)
    REQUIRE(a() == b());
  RandomStream g(2024, 3, 7);
  const std::uint64_t first = g();
  const double u = g.uniform01();
  const double e = exponential(g, 2.0);
  CHECK(first == 9453459621269378217ULL);
  CHECK(u == 0x1.2553befda4373p-1);
  CHECK(e == 0x1.4bf92d5ac763ap+0);
}

TEST_CASE("different replications and stream ids give different sequences", "[engine][random]") {
  RandomStream a(1, 0, 0), b(1, 0, 1), c(1, 1, 0), d(2, 0, 0);
  const auto x = a();
  CHECK(x != b());
  CHECK(x != c());
  CHECK(x != d());
}

TEST_CASE("independent streams are uncorrelated", "[engine][random]") {
  constexpr int n = 200000;
  for (std::uint64_t s = 1; s < 4; ++s) {
    RandomStream a(7, 0, 0), b(7, 0, s), c(7, s, 0);
    double sab = 0, sac = 0, sa = 0, sb = 0, sc = 0, saa = 0, sbb = 0, scc = 0;
    for (int i = 0; i < n; ++i) {
      const double x = a.uniform01(), y = b.uniform01(), z = c.uniform01();
      sa += x, sb += y, sc += z, sab += x * y, sac += x * z, saa += x * x, sbb += y * y,
          scc += z * z;
    }
    const auto corr = [&](double sxy, double sx, double sy, double sxx, double syy) {
      const double cov = sxy / n - sx / n * sy / n;
      return cov / std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    };
    // Under independence the correlation is ~N(0, 1/n): 5 sigma = 0.011.
    CHECK(std::fabs(corr(sab, sa, sb, saa, sbb)) < 5.0 / std::sqrt(n));
    CHECK(std::fabs(corr(sac, sa, sc, saa, scc)) < 5.0 / std::sqrt(n));
  }
}

TEST_CASE("a stream's sequence does not change when other streams are used", "[engine][random]") {
  RandomStream alone(9, 2, 5);
  std::vector<std::uint64_t> expected;
  for (int i = 0; i < 100; ++i)
    expected.push_back(alone());
  RandomStream other1(9, 2, 4), mine(9, 2, 5), other2(9, 3, 5);
  for (int i = 0; i < 100; ++i) {
    for (int k = 0; k < i % 3; ++k)
      other1(), exponential(other2, 1.0);
    REQUIRE(mine() == expected[static_cast<std::size_t>(i)]);
  }
}

TEST_CASE("uniform draws stay in range and below() is unbiased", "[engine][random]") {
  RandomStream r(5);
  std::vector<int> counts(6, 0);
  for (int i = 0; i < 60000; ++i) {
    const double u = r.uniform01();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    REQUIRE(r.uniform_open() > 0.0);
    ++counts[r.below(6)];
  }
  for (int c : counts)
    CHECK(std::abs(c - 10000) < 500);
}

TEST_CASE("jump gives a non-overlapping substream", "[engine][random]") {
  RandomStream a(3), b(3);
  b.jump();
  CHECK(a.state() != b.state());
  CHECK(a() != b());
}

namespace {
template <class F> Tally draw_many(F &&f, int n = 200000) {
  Tally t;
  for (int i = 0; i < n; ++i)
    t.add(f());
  return t;
}
// Mean within 5 standard errors, variance within 3%.
void check_moments(const Tally &t, double mean, double var) {
  CHECK(t.mean() == Approx(mean).margin(5 * std::sqrt(var / static_cast<double>(t.count()))));
  CHECK(t.variance() == Approx(var).epsilon(0.03));
}
} // namespace

TEST_CASE("every distribution has the right mean and variance", "[engine][random]") {
  RandomStream r(11, 0, 0);
  SECTION("uniform") {
    check_moments(draw_many([&] { return uniform(r, 2, 5); }), 3.5, 0.75);
  }
  SECTION("exponential") {
    check_moments(draw_many([&] { return exponential(r, 4); }), 4, 16);
  }
  SECTION("triangular") {
    // mean (a+b+c)/3, var (a²+b²+c²-ab-ac-bc)/18
    check_moments(draw_many([&] { return triangular(r, 6, 8, 12); }), 26.0 / 3,
                  (36 + 64 + 144 - 48 - 72 - 96) / 18.0);
  }
  SECTION("normal") {
    check_moments(draw_many([&] { return normal(r, 8, 2); }), 8, 4);
  }
  SECTION("lognormal") {
    check_moments(draw_many([&] { return lognormal(r, 10, 3); }), 10, 9);
  }
  SECTION("gamma") {
    check_moments(draw_many([&] { return gamma(r, 2.5, 3); }), 7.5, 22.5);
  }
  SECTION("gamma below one") {
    check_moments(draw_many([&] { return gamma(r, 0.5, 2); }), 1.0, 2.0);
  }
  SECTION("erlang") {
    check_moments(draw_many([&] { return erlang(r, 3, 2); }), 6, 12);
  }
  SECTION("weibull") {
    const double m = 10 * std::tgamma(1 + 1 / 1.5);
    const double v = 100 * std::tgamma(1 + 2 / 1.5) - m * m;
    check_moments(draw_many([&] { return weibull(r, 1.5, 10); }), m, v);
  }
  SECTION("empirical") {
    const std::vector<double> obs{4, 6, 6, 9};
    check_moments(draw_many([&] { return empirical(r, obs); }), 6.25,
                  (16 + 36 + 36 + 81) / 4.0 - 6.25 * 6.25);
  }
}

TEST_CASE("a discrete distribution draws indices in proportion to their weights",
          "[engine][random]") {
  RandomStream r(13);
  DiscreteDistribution d({1, 0, 3, 6});
  std::vector<int> counts(4, 0);
  for (int i = 0; i < 100000; ++i)
    ++counts[d(r)];
  CHECK(counts[1] == 0);
  CHECK(counts[0] == Approx(10000).margin(500));
  CHECK(counts[2] == Approx(30000).margin(700));
  CHECK(counts[3] == Approx(60000).margin(800));
}

TEST_CASE("sampling a DistributionSpec follows its kind and truncation", "[engine][random]") {
  RandomStream r(17);
  DistributionSpec fixed{DistributionKind::Fixed, {6.0}, {}, {}};
  CHECK(sample(fixed, r) == 6.0);
  DistributionSpec tri{DistributionKind::Triangular, {6, 8, 12}, {}, {}};
  check_moments(draw_many([&] { return sample(tri, r); }, 100000), 26.0 / 3, 28.0 / 18);
  DistributionSpec trunc{DistributionKind::Normal, {8, 2}, 7.0, 9.0};
  const Tally t = draw_many([&] { return sample(trunc, r); }, 20000);
  CHECK(t.min() >= 7.0);
  CHECK(t.max() <= 9.0);
  CHECK(t.mean() == Approx(8.0).margin(0.02));
  DistributionSpec erl{DistributionKind::Erlang, {3, 2}, {}, {}};
  CHECK(draw_many([&] { return sample(erl, r); }, 50000).mean() == Approx(6.0).epsilon(0.02));
}
