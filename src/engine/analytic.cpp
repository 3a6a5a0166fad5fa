#include "corsim/analytic.hpp"

#include "corsim/error.hpp"

#include <Eigen/Dense>
#include <cmath>

namespace corsim {

namespace {
constexpr double inf = HUGE_VAL;

QueueMetrics unstable(double rho) {
  QueueMetrics q;
  q.rho = rho;
  q.lq = q.l = q.wq = q.w = inf;
  q.p_wait = 1.0;
  q.stable = false;
  return q;
}

// Fills L, W, Lq from Wq by Little's law.
QueueMetrics from_wq(double lambda, double mean_service, double rho, double wq, double p_wait) {
  QueueMetrics q;
  q.rho = rho;
  q.wq = wq;
  q.w = wq + mean_service;
  q.lq = lambda * wq;
  q.l = lambda * q.w;
  q.p_wait = p_wait;
  return q;
}

void check_rates(double lambda, double mu) {
  if (!(lambda >= 0.0) || !(mu > 0.0))
    throw ApiMisuse("queueing formula: needs lambda >= 0 and mu > 0");
}
} // namespace

double erlang_c(int servers, double a) {
  if (servers < 1)
    throw ApiMisuse("erlang_c: needs at least one server");
  const double c = servers;
  if (a >= c)
    return 1.0;
  // Erlang B by the stable recursion, then C = B / (1 - rho (1 - B)).
  double b = 1.0;
  for (int k = 1; k <= servers; ++k)
    b = a * b / (k + a * b);
  const double rho = a / c;
  return b / (1.0 - rho * (1.0 - b));
}

QueueMetrics mmc(double lambda, double mu, int servers) {
  check_rates(lambda, mu);
  const double a = lambda / mu;
  const double rho = a / servers;
  if (rho >= 1.0)
    return unstable(rho);
  const double pw = erlang_c(servers, a);
  const double wq = pw / (servers * mu - lambda);
  return from_wq(lambda, 1.0 / mu, rho, wq, pw);
}

QueueMetrics mm1(double lambda, double mu) { return mmc(lambda, mu, 1); }

QueueMetrics mg1(double lambda, double mean_service, double scv_service) {
  check_rates(lambda, 1.0 / mean_service);
  const double rho = lambda * mean_service;
  if (rho >= 1.0)
    return unstable(rho);
  const double es2 = (1.0 + scv_service) * mean_service * mean_service;
  const double wq = lambda * es2 / (2.0 * (1.0 - rho));
  return from_wq(lambda, mean_service, rho, wq, rho);
}

QueueMetrics md1(double lambda, double mu) { return mg1(lambda, 1.0 / mu, 0.0); }

QueueMetrics ggc_allen_cunneen(double lambda, double mean_service, double ca2, double cs2,
                               int servers) {
  QueueMetrics q = mmc(lambda, 1.0 / mean_service, servers);
  if (!q.stable)
    return q;
  const double wq = q.wq * (ca2 + cs2) / 2.0;
  return from_wq(lambda, mean_service, q.rho, wq, q.p_wait);
}

QueueMetrics kingman(double lambda, double mean_service, double ca2, double cs2) {
  return ggc_allen_cunneen(lambda, mean_service, ca2, cs2, 1);
}

JacksonSolution solve(const JacksonNetwork &net) {
  const std::size_t n = net.external.size();
  if (net.routing.size() != n || net.service_rate.size() != n || net.servers.size() != n)
    throw ApiMisuse("solve(JacksonNetwork): every vector needs one entry per station");
  Eigen::MatrixXd a =
      Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  Eigen::VectorXd gamma(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    if (net.routing[i].size() != n)
      throw ApiMisuse("solve(JacksonNetwork): routing must be a square matrix");
    gamma(static_cast<Eigen::Index>(i)) = net.external[i];
    for (std::size_t j = 0; j < n; ++j) // (I - P^T): row j gets inflow from i
      a(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) -= net.routing[i][j];
  }
  const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
  if (!lu.isInvertible())
    throw ApiMisuse("solve(JacksonNetwork): traffic equations are singular (no way out)");
  const Eigen::VectorXd lambda = lu.solve(gamma);

  JacksonSolution sol;
  double external_total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double li = lambda(static_cast<Eigen::Index>(i));
    sol.arrival_rate.push_back(li);
    sol.stations.push_back(mmc(li, net.service_rate[i], net.servers[i]));
    sol.stable = sol.stable && sol.stations.back().stable;
    sol.mean_in_system += sol.stations.back().l;
    external_total += net.external[i];
  }
  sol.mean_sojourn = external_total > 0.0 ? sol.mean_in_system / external_total : 0.0;
  return sol;
}

} // namespace corsim
