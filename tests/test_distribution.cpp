// Distribution text and exact means, checked against hand values and numerical integration.
#include "corsim/parse.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace corsim;

namespace {
DistributionSpec dist(std::string_view text) {
  auto r = parse_distribution(text, Dimension::Duration);
  if (auto *f = std::get_if<ParseFailure>(&r))
    FAIL(f->message);
  return std::get<DistributionSpec>(r);
}
std::string problem(std::string_view text) {
  auto r = parse_distribution(text, Dimension::Duration);
  REQUIRE(std::holds_alternative<ParseFailure>(r));
  return std::get<ParseFailure>(r).message;
}
/// Mean of a density on [a, b] by Simpson's rule: an independent check of closed forms.
template <class F> double numeric_mean(F density, double a, double b) {
  const int n = 200000;
  const double h = (b - a) / n;
  double mass = 0, moment = 0;
  for (int i = 0; i <= n; ++i) {
    const double x = a + i * h, w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
    mass += w * density(x);
    moment += w * x * density(x);
  }
  return moment / mass;
}
} // namespace

TEST_CASE("Distributions are read from their text form", "[distribution]") {
  CHECK(dist("6 h").kind == DistributionKind::Fixed);
  CHECK(dist("6 h").mean() == 6.0);
  CHECK(dist("90 min").mean() == 1.5);
  CHECK(dist("uniform(2 h, 4 h)").mean() == 3.0);
  CHECK(dist("triangular(6 h, 8 h, 12 h)").mean() == Catch::Detail::Approx(26.0 / 3));
  CHECK(dist("exponential(4 h)").mean() == 4.0);
  CHECK(dist("gamma(2, 3 h)").mean() == 6.0);
  CHECK(dist("erlang(3, 2 h)").mean() == 6.0);
  CHECK(dist("weibull(1, 10 h)").mean() == Catch::Detail::Approx(10.0)); // shape 1 = exponential
  CHECK(dist("empirical(4 h, 6 h, 6 h, 2 d)").mean() ==
        Catch::Detail::Approx((4 + 6 + 6 + 48) / 4.0));
  CHECK(dist("lognormal(10 h, 3 h)").mean() == Catch::Detail::Approx(10.0));
  const auto n = dist("normal(8 h, 2 h, max 10 h)");
  CHECK(n.min == 0.0); // durations are cut at zero
  CHECK(n.max == 10.0);
}

TEST_CASE("Truncated means match numerical integration", "[distribution]") {
  SECTION("normal cut at zero and above") {
    const auto d = dist("normal(2 h, 3 h, max 5 h)"); // cut to [0, 5]
    const double expected =
        numeric_mean([](double x) { return std::exp(-0.5 * std::pow((x - 2) / 3, 2)); }, 0.0, 5.0);
    CHECK(d.mean() == Catch::Detail::Approx(expected).epsilon(1e-6));
  }
  SECTION("lognormal with both bounds") {
    const auto d = dist("lognormal(10 h, 6 h, min 5 h, max 20 h)");
    const double s2 = std::log(1 + 0.36), mu = std::log(10.0) - s2 / 2;
    const double expected = numeric_mean(
        [&](double x) { return std::exp(-std::pow(std::log(x) - mu, 2) / (2 * s2)) / x; }, 5.0,
        20.0);
    CHECK(d.mean() == Catch::Detail::Approx(expected).epsilon(1e-6));
  }
}

TEST_CASE("Second moments match hand values and numerical integration", "[distribution]") {
  CHECK(dist("4 h").second_moment() == Catch::Detail::Approx(16.0));
  CHECK(dist("uniform(1 h, 3 h)").second_moment() == Catch::Detail::Approx(13.0 / 3.0));
  // triangular(0.5, 1, 3): variance (0.25 + 1 + 9 - 0.5 - 1.5 - 3) / 18 = 0.2917, mean 1.5.
  CHECK(dist("triangular(30 min, 1 h, 3 h)").second_moment() ==
        Catch::Detail::Approx(0.2917 + 2.25).epsilon(1e-4));
  CHECK(dist("exponential(2 h)").second_moment() == Catch::Detail::Approx(8.0));
  CHECK(dist("erlang(3, 2 h)").second_moment() == Catch::Detail::Approx(3.0 * 4.0 * 4.0));
  CHECK(dist("weibull(1, 2 h)").second_moment() == Catch::Detail::Approx(8.0)); // exponential
  CHECK(dist("empirical(1 h, 2 h, 3 h)").second_moment() == Catch::Detail::Approx(14.0 / 3.0));
  // A duration is cut at 0 h: four standard deviations away, it moves E[X²] by 0.003%.
  CHECK(dist("normal(8 h, 2 h)").second_moment() == Catch::Detail::Approx(68.0).epsilon(1e-4));
  CHECK(dist("lognormal(10 h, 3 h)").second_moment() == Catch::Detail::Approx(109.0));
  SECTION("truncated normal") {
    const auto d = dist("normal(2 h, 3 h, max 5 h)"); // cut to [0, 5]
    const auto density = [](double x) { return std::exp(-0.5 * std::pow((x - 2) / 3, 2)); };
    // The mean of x under the density x·f(x) is E[X²] / E[X].
    const double expected = numeric_mean([&](double x) { return x * density(x); }, 0.0, 5.0);
    CHECK(d.second_moment() == Catch::Detail::Approx(expected * d.mean()).epsilon(1e-6));
  }
  SECTION("truncated lognormal") {
    const auto d = dist("lognormal(10 h, 6 h, min 5 h, max 20 h)");
    const double s2 = std::log(1 + 0.36), mu = std::log(10.0) - s2 / 2;
    const auto density = [&](double x) {
      return std::exp(-std::pow(std::log(x) - mu, 2) / (2 * s2)) / x;
    };
    const double expected = numeric_mean([&](double x) { return x * density(x); }, 5.0, 20.0);
    CHECK(d.second_moment() == Catch::Detail::Approx(expected * d.mean()).epsilon(1e-6));
  }
}

TEST_CASE("Nonsense distributions are refused with a reason", "[distribution]") {
  CHECK(problem("triangular(6 h, 2 h, 3 h)") ==
        "triangular needs min <= mode <= max and min < max");
  CHECK(problem("uniform(2 h)") == "wrong number of parameters: expected uniform(min, max)");
  CHECK(problem("exponential(0 h)") == "the mean of an exponential must be positive");
  CHECK(problem("normal(8 h, 0 h)") == "the standard deviation must be positive");
  CHECK(problem("normal(8 h, 1 h, min 100 h)") ==
        "the truncation bounds leave almost no probability (less than 1e-6)");
  CHECK(problem("erlang(2.5, 1 h)") ==
        "the number of phases of an Erlang must be a whole number from 1 to 1000");
  CHECK(problem("uniform(2 h, 4 kg)") ==
        "'kg' is a unit of mass, but a duration is expected (use h, min, s, d, wk)");
  CHECK(problem("-3 h") == "must not be negative");
  CHECK(problem("triangular(1 h, 2 h, 3 h") == "expected triangular(min, mode, max)");
  CHECK_THAT(problem("beta(1, 2)"), Catch::StartsWith("unknown distribution 'beta'"));
  CHECK(problem("exponential(4 h, min 1 h)") ==
        "only normal and lognormal distributions take min/max truncation");
}
