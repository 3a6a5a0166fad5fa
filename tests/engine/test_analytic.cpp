#include "corsim/analytic.hpp"
#include "corsim/error.hpp"

#include <catch2/catch.hpp>

using namespace corsim;

TEST_CASE("M/M/1 formulas match the textbook", "[engine][analytic]") {
  const QueueMetrics q = mm1(0.5, 1.0);
  CHECK(q.rho == Approx(0.5));
  CHECK(q.l == Approx(1.0));
  CHECK(q.lq == Approx(0.5));
  CHECK(q.w == Approx(2.0));
  CHECK(q.wq == Approx(1.0));
  const QueueMetrics h = mm1(0.9, 1.0);
  CHECK(h.wq == Approx(9.0));
  CHECK_FALSE(mm1(1.0, 1.0).stable);
}

TEST_CASE("Erlang C matches known values", "[engine][analytic]") {
  CHECK(erlang_c(1, 0.7) == Approx(0.7));
  CHECK(erlang_c(2, 1.0) == Approx(1.0 / 3.0));
  // M/M/3 at rho = 0.9 (a = 2.7), by hand: (a^3/3!)/(1-rho) = 32.805 over
  // 1 + a + a^2/2 + 32.805 = 40.15, so C = 0.817061.
  CHECK(erlang_c(3, 2.7) == Approx(32.805 / 40.15).epsilon(1e-9));
  const QueueMetrics q = mmc(2.7, 1.0, 3);
  CHECK(q.wq == Approx(32.805 / 40.15 / 0.3).epsilon(1e-9));
  CHECK(q.l == Approx(2.7 * (32.805 / 40.15 / 0.3 + 1.0)).epsilon(1e-9));
}

TEST_CASE("M/D/1 and M/G/1 follow Pollaczek-Khinchine", "[engine][analytic]") {
  CHECK(md1(0.5, 1.0).wq == Approx(0.5)); // rho / (2 mu (1 - rho))
  CHECK(mg1(0.5, 1.0, 1.0).wq == Approx(mm1(0.5, 1.0).wq));
  CHECK(mg1(0.8, 1.0, 0.25).wq == Approx(0.8 * 1.25 / (2 * 0.2)));
}

TEST_CASE("Allen-Cunneen reduces to M/M/c and Kingman to P-K for Poisson arrivals",
          "[engine][analytic]") {
  CHECK(ggc_allen_cunneen(2.7, 1.0, 1.0, 1.0, 3).wq == Approx(mmc(2.7, 1.0, 3).wq));
  CHECK(kingman(0.8, 1.0, 1.0, 0.0).wq == Approx(md1(0.8, 1.0).wq));
  CHECK(kingman(0.8, 1.0, 0.5, 0.5).wq == Approx(0.5 * mm1(0.8, 1.0).wq));
}

TEST_CASE("a Jackson network solves its traffic equations", "[engine][analytic]") {
  // 1 -> 2 -> 3, from 3 back to 1 with probability 0.2.
  JacksonNetwork net{
      {1.0, 0.0, 0.0}, {{0, 1, 0}, {0, 0, 1}, {0.2, 0, 0}}, {2.0, 3.0, 1.5}, {1, 1, 2}};
  const JacksonSolution s = solve(net);
  for (double l : s.arrival_rate)
    CHECK(l == Approx(1.25));
  CHECK(s.stations[0].l == Approx(mm1(1.25, 2.0).l));
  CHECK(s.stations[2].l == Approx(mmc(1.25, 1.5, 2).l));
  CHECK(s.mean_sojourn == Approx(s.mean_in_system / 1.0));
  JacksonNetwork trap{{1.0}, {{1.0}}, {2.0}, {1}};
  CHECK_THROWS_AS(solve(trap), ApiMisuse);
}
