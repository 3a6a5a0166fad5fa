// Replications on threads and over (simulated) ranks, sequential stopping, and paired
// comparisons on common random numbers.
#include "corsim/io/load.hpp"
#include "corsim/model/experiment.hpp"
#include "corsim/model/simulation.hpp"

#include <catch2/catch.hpp>

#include <barrier>
#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

using namespace corsim;
using namespace corsim::model;

namespace {

Network teaching() {
  return io::load_network(std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml");
}

SimulationOptions short_run(int replications) {
  SimulationOptions o;
  o.horizon = days(40.0);
  o.warmup = days(5.0);
  o.replications = replications;
  o.seed = 11;
  return o;
}

/// Bit-for-bit equality of everything the key results and estimates hold.
void require_identical(const SimulationResults &a, const SimulationResults &b) {
  REQUIRE(a.key.size() == b.key.size());
  for (std::size_t i = 0; i < a.key.size(); ++i) {
    INFO(a.key[i].subject << " " << a.key[i].measure);
    const auto &x = a.key[i].per_replication, &y = b.key[i].per_replication;
    REQUIRE(x.size() == y.size());
    REQUIRE(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0);
  }
  REQUIRE(a.od.size() == b.od.size());
  for (std::size_t f = 0; f < a.od.size(); ++f) {
    REQUIRE(a.od[f].transit_mean.mean == b.od[f].transit_mean.mean);
    REQUIRE(a.od[f].transit_histogram == b.od[f].transit_histogram);
  }
  REQUIRE(a.over_time.facility_queue == b.over_time.facility_queue);
  for (std::size_t l = 0; l < a.links.size(); ++l)
    REQUIRE(a.links[l].teu_per_year.mean == b.links[l].teu_per_year.mean);
}

/// MPI's all_gather among threads standing for ranks.
struct Ranks {
  explicit Ranks(int n) : size(n), sync(n), parts(static_cast<std::size_t>(n)) {}
  int size;
  std::barrier<> sync;
  std::vector<std::string> parts;
};

class ThreadExchange : public ReplicationExchange {
public:
  ThreadExchange(Ranks &ranks, int rank) : ranks_(ranks), rank_(rank) {}
  [[nodiscard]] int rank() const override { return rank_; }
  [[nodiscard]] int size() const override { return ranks_.size; }
  std::vector<std::string> all_gather(const std::string &mine) override {
    ranks_.parts[static_cast<std::size_t>(rank_)] = mine;
    ranks_.sync.arrive_and_wait();
    std::vector<std::string> all = ranks_.parts;
    ranks_.sync.arrive_and_wait(); // nobody overwrites a part before all have read it
    return all;
  }

private:
  Ranks &ranks_;
  int rank_;
};

} // namespace

TEST_CASE("Results are identical for any number of threads", "[model][experiment][threads]") {
  const Network net = teaching();
  SimulationOptions o = short_run(5);
  const SimulationResults one = simulate(net, o);
  for (int threads : {2, 3, 8}) {
    o.threads = threads;
    INFO(threads << " threads");
    require_identical(one, simulate(net, o));
  }
}

TEST_CASE("Replications spread over ranks give the results of one process",
          "[model][experiment][threads]") {
  const Network net = teaching();
  const SimulationResults one = simulate(net, short_run(5));
  for (int size : {2, 3}) {
    Ranks ranks(size);
    std::vector<SimulationResults> got(static_cast<std::size_t>(size));
    {
      std::vector<std::jthread> procs;
      for (int r = 0; r < size; ++r)
        procs.emplace_back([&, r] {
          ThreadExchange ex(ranks, r);
          SimulationOptions o = short_run(5);
          o.exchange = &ex;
          got[static_cast<std::size_t>(r)] = simulate(net, o);
        });
    }
    for (const SimulationResults &r : got)
      require_identical(one, r);
  }
}

TEST_CASE("Sequential replications stop once the key results are precise enough",
          "[model][experiment]") {
  const Network net = teaching();
  SimulationOptions o = short_run(3);
  o.target_relative_half_width = 0.05;
  o.max_replications = 60;
  const SimulationResults r = simulate(net, o);
  const auto n = static_cast<int>(r.replications.size());
  CHECK(n > 3); // 3 replications of 40 days are not within 5%
  CHECK(n <= 60);
  // The target holds at the end (or the maximum was reached) ...
  bool precise = true;
  for (const KeyResult &k : r.key)
    if ((k.measure == "transit mean" || k.measure == "delivered") && k.estimate.n >= 2 &&
        k.estimate.mean > 0)
      precise = precise && k.estimate.half_width <= 0.05 * k.estimate.mean;
  CHECK((precise || n == 60));
  // ... and the same run with that many fixed replications gives the same numbers.
  SimulationOptions fixed = short_run(n);
  require_identical(r, simulate(net, fixed));
}

TEST_CASE("A scenario compared with itself differs by exactly zero", "[model][experiment]") {
  const Network net = teaching();
  const SimulationResults a = simulate(net, short_run(4));
  for (const Difference &d : compare(a, a)) {
    INFO(d.subject << " " << d.measure);
    CHECK(d.difference.mean == 0.0);
    CHECK(!d.significant);
  }
}

TEST_CASE("Common random numbers: paired differences are narrower than independent ones",
          "[model][experiment]") {
  Network net = teaching();
  const SimulationOptions o = short_run(8);
  const SimulationResults base = simulate(net, o);
  // +6 h of running time on every link with a fixed time shifts transit up everywhere,
  // with the same arrivals and the same other draws.
  for (Link &l : net.links)
    if (l.running_time.is_fixed())
      l.running_time = DistributionSpec::fixed(l.running_time.mean() + 6.0);
  const SimulationResults slower = simulate(net, o);
  bool some = false;
  for (const Difference &d : compare(base, slower))
    if (d.measure == "transit mean" && d.difference.n >= 2) {
      INFO(d.subject);
      CHECK(d.difference.mean > 0.0); // longer links, longer transit
      CHECK(d.significant);
      // Common random numbers correlate the pair: the paired interval is narrower than the
      // interval of a difference of two independent estimates, sqrt(h_base^2 + h_other^2).
      CHECK(d.difference.half_width < std::hypot(d.base.half_width, d.other.half_width));
      some = true;
    }
  CHECK(some);
}

TEST_CASE("A sequential run that reaches its maximum says which results fell short",
          "[model][experiment]") {
  SimulationOptions o = short_run(3);
  o.target_relative_half_width = 1e-6;
  o.max_replications = 8;
  const SimulationResults r = simulate(teaching(), o);
  CHECK(r.replications.size() == 8); // 3, then checks at 7 and at the maximum
  REQUIRE(!r.warnings.empty());
  CHECK(r.warnings.back().find("not reached in 8 replications") != std::string::npos);
  CHECK(r.warnings.back().find("A-Q transit mean") != std::string::npos);
}

TEST_CASE("A what-if paired with its base runs on the base's settings and its own routes",
          "[model][experiment]") {
  SimulationOptions base = short_run(3);
  base.threads = 2;
  base.target_relative_half_width = 0.05;
  base.max_replications = 40;
  SimulationOptions whatif;
  whatif.horizon = days(100.0);
  whatif.seed = 99;
  whatif.replications = 7;
  whatif.logit_scale = 0.01;
  whatif.route_choice = RouteChoice::FixedShares;
  whatif.route_shares = {{"A-C", {"ABC-train"}, 1.0}};
  const SimulationOptions o = paired_options(base, whatif);
  // The run settings are the base's: the same random streams, replication by replication.
  CHECK(o.horizon.value() == base.horizon.value());
  CHECK(o.warmup.value() == base.warmup.value());
  CHECK(o.seed == 11);
  CHECK(o.replications == 3);
  CHECK(o.threads == 2);
  CHECK(o.target_relative_half_width == 0.05);
  CHECK(o.max_replications == 40);
  CHECK(o.logit_scale == base.logit_scale);
  // How boxes choose routes belongs to the what-if.
  CHECK(o.route_choice == RouteChoice::FixedShares);
  REQUIRE(o.route_shares.size() == 1);
  CHECK(o.route_shares[0].flow == "A-C");
  CHECK(o.route_shares[0].via == std::vector<std::string>{"ABC-train"});
  SECTION("a what-if that is the base is run as the base") {
    const SimulationOptions same = paired_options(base, base);
    CHECK(same.route_choice == base.route_choice);
    CHECK(same.route_shares.empty());
    CHECK(same.seed == base.seed);
  }
}
