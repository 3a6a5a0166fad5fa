#pragma once
/// \file analytic.hpp
/// Closed-form queueing results: fast answers for planners and the oracle for the engine's tests.
///
/// Rates are per model time unit (per hour in corsim), times in model units. Every function
/// returns the steady state, which exists only for rho < 1; for rho >= 1 the queue results
/// are +infinity (`stable == false`).
///
/// Example:
/// \code
///   auto q = corsim::mmc(/*lambda*/ 2.7, /*mu*/ 1.0, /*servers*/ 3);
///   // q.rho == 0.9, q.wq == mean wait in queue (Erlang C), q.l == mean number in system
///   corsim::JacksonNetwork net{{1.0, 0, 0}, {{0, 1, 0}, {0, 0, 1}, {0.2, 0, 0}}, {2, 2, 2}, {1, 1,
///   1}}; auto st = corsim::solve(net);   // traffic equations lambda = gamma + P^T lambda
/// \endcode

#include <vector>

namespace corsim {

/// Steady-state measures of one station.
struct QueueMetrics {
  double rho = 0.0;    ///< utilisation per server, lambda / (c mu)
  double lq = 0.0;     ///< mean number waiting
  double l = 0.0;      ///< mean number in the system
  double wq = 0.0;     ///< mean wait in queue
  double w = 0.0;      ///< mean time in the system
  double p_wait = 0.0; ///< probability an arrival waits
  bool stable = true;
};

/// Erlang C: probability that an arrival waits in M/M/c with offered load a = lambda/mu.
double erlang_c(int servers, double offered_load);
/// M/M/1 with arrival rate lambda and service rate mu.
QueueMetrics mm1(double lambda, double mu);
/// M/M/c (Erlang C).
QueueMetrics mmc(double lambda, double mu, int servers);
/// M/D/1: deterministic service time 1/mu.
QueueMetrics md1(double lambda, double mu);
/// M/G/1 (Pollaczek–Khinchine) with mean service time `mean_service` and squared coefficient
/// of variation `scv_service` = Var[S] / E[S]^2.
QueueMetrics mg1(double lambda, double mean_service, double scv_service);
/// G/G/c: Allen–Cunneen approximation Wq = Wq(M/M/c) (ca2 + cs2) / 2; with c == 1 this is
/// Kingman's formula. ca2, cs2: squared coefficients of variation of gaps and of service.
QueueMetrics ggc_allen_cunneen(double lambda, double mean_service, double ca2, double cs2,
                               int servers);
/// Kingman's G/G/1 approximation (same as ggc_allen_cunneen with one server).
QueueMetrics kingman(double lambda, double mean_service, double ca2, double cs2);

/// An open Jackson network of M/M/c stations.
struct JacksonNetwork {
  std::vector<double> external;             ///< external arrival rate into each station
  std::vector<std::vector<double>> routing; ///< routing[i][j]: probability i -> j after service
  std::vector<double> service_rate;         ///< mu per server at each station
  std::vector<int> servers;                 ///< servers at each station
};

struct JacksonSolution {
  std::vector<double> arrival_rate;   ///< total arrival rate at each station (traffic eqs)
  std::vector<QueueMetrics> stations; ///< each station as M/M/c with that rate
  double mean_in_system = 0.0;        ///< sum of L over stations
  double mean_sojourn = 0.0;          ///< network sojourn time per external arrival (Little)
  bool stable = true;
};

/// Solves lambda = external + P^T lambda with Eigen (LU) and evaluates each station.
/// Throws ApiMisuse on inconsistent sizes or a singular system (traffic that never leaves).
JacksonSolution solve(const JacksonNetwork &net);

} // namespace corsim
