// corsim simulate as a user runs it: tables, JSON, trace, determinism, exit codes.
#include "run_corsim.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using corsim::test::CliRun;
using corsim::test::run_corsim;
using corsim::test::slurp;
using corsim::test::temp_path;

TEST_CASE("corsim simulate prints transit times, facilities and bottlenecks", "[cli][model]") {
  const CliRun r = run_corsim("simulate corridors/teaching.yaml --days 120 --replications 2");
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  for (const char *part : {"Transit time by flow", "Where the time goes", "Facilities", "Services",
                           "Bottlenecks", "Conservation", "A-C", "ABC-train"})
    CHECK(r.out.find(part) != std::string::npos);
  SECTION("the same seed prints the same tables") {
    CHECK(run_corsim("simulate corridors/teaching.yaml --days 120 --replications 2").out == r.out);
  }
}

TEST_CASE("corsim simulate --format json gives the results as data", "[cli][model]") {
  const CliRun r =
      run_corsim("simulate corridors/teaching.yaml --days 60 --replications 2 --format json");
  REQUIRE(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["flows"].size() == 2);
  CHECK(j["flows"][0]["flow"] == "A-C");
  CHECK(j["flows"][0]["transit_hours"]["mean"]["n"] == 2);
  CHECK(j["replications"].size() == 2);
}

TEST_CASE("corsim simulate --trace writes every event as CSV", "[cli][model]") {
  const std::string trace = temp_path("corsim-trace") + ".csv";
  const CliRun r =
      run_corsim("simulate corridors/teaching.yaml --days 10 --warmup 0 --replications 1 "
                 "--trace '" +
                 trace + "'");
  REQUIRE(r.code == 0);
  const std::string csv = slurp(trace);
  std::filesystem::remove(trace);
  CHECK(csv.rfind("replication,time_h,event,consignment,trip,service,node,teu\n", 0) == 0);
  CHECK(csv.find(",delivered,") != std::string::npos);
  CHECK(csv.find(",departed,0,") != std::string::npos);
}

TEST_CASE("corsim simulate rejects bad input with exit code 2", "[cli][model]") {
  CHECK(run_corsim("simulate no-such-file.yaml").code == 2);
  CHECK(run_corsim("simulate corridors/teaching.yaml --days 0").code == 2);
  CHECK(run_corsim("simulate corridors/teaching.yaml --format xml").code == 2);
  // NaN passes every range comparison: it needs its own check.
  const CliRun nan = run_corsim("simulate corridors/teaching.yaml --days nan");
  CHECK(nan.code == 2);
  CHECK_THAT(nan.err, Catch::Contains("must be a finite number"));
  CHECK(run_corsim("simulate corridors/teaching.yaml --seed -1").code == 2);
  const CliRun bad = run_corsim("simulate tests/data/bad/nan.yaml");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::StartsWith("tests/data/bad/nan.yaml:7:64: 'length': the number must "
                                        "be finite, not 'nan km'"));
  CHECK(bad.out.empty());
}

TEST_CASE("corsim flow and capacity answer for the corridor as --set changes it", "[cli][model]") {
  // Teaching corridor. Over the services, A to C is the ABC-train's seats: 2 departures a week
  // × 365 / 7 × 100 TEU = 10,429 TEU/yr; with 25 wagons instead of 50, half: 5,214. The
  // infrastructure alone: B-C carries 10 paths a day of 100-TEU trains, 365,000 TEU/yr; at 4
  // paths a day, 4 × 100 × 365 = 146,000.
  const CliRun flow = run_corsim("flow corridors/teaching.yaml --from A --to C");
  REQUIRE(flow.code == 0);
  CHECK_THAT(flow.out, Catch::Contains("Charlie gateway  10,429  service ABC-train"));
  CHECK_THAT(flow.out, Catch::Contains("max flow from Alpha terminal: 365,000 TEU/yr"));
  const CliRun half = run_corsim(
      "flow corridors/teaching.yaml --from A --to C --set services.ABC-train.vehicle.wagons=25");
  REQUIRE(half.code == 0);
  CHECK_THAT(half.out, Catch::Contains("Charlie gateway   5,214  service ABC-train"));
  const CliRun cut =
      run_corsim("flow corridors/teaching.yaml --from A --to C --set \"links.B-C.capacity=4 /d\"");
  REQUIRE(cut.code == 0);
  CHECK_THAT(cut.out, Catch::Contains("max flow from Alpha terminal: 146,000 TEU/yr"));
  CHECK(run_corsim("flow corridors/teaching.yaml --from A --to C --set links.B-X.speed=1").code ==
        2);
  // capacity: the network bound is the seats over the 5,000 TEU/yr of A-C, 2.09×; with half
  // the wagons 1.04×: --set reaches the three methods.
  const auto network = [](const std::string &extra) {
    const CliRun r = run_corsim("capacity corridors/teaching.yaml --od A:C --days 60 "
                                "--replications 2 --steps 2 -q" +
                                extra);
    REQUIRE(r.code == 0);
    const std::size_t at = r.out.find("\nnetwork ");
    REQUIRE(at != std::string::npos);
    std::istringstream row(r.out.substr(at + 9));
    double times = 0.0;
    row >> times;
    return times;
  };
  CHECK(network("") == Catch::Detail::Approx(10428.6 / 5000.0).epsilon(0.01));
  CHECK(network(" --set services.ABC-train.vehicle.wagons=25") ==
        Catch::Detail::Approx(5214.3 / 5000.0).epsilon(0.01));
}

TEST_CASE("corsim capacity on the teaching corridor: the three answers meet at the train's seats",
          "[cli][model]") {
  // A to C rides only the ABC-train: 2 departures a week × 365 / 7 × 100 TEU = 10,428.6 TEU/yr
  // against 5,000 TEU/yr, 2.086×; nothing else on the route comes near (the crane gang at A
  // fills at 87×, the lifts at B at 104×). The LP is the seats over the demand; the analytic
  // measures the train's load (its boxes ride the whole route: 5,000 TEU/yr per 1×); the
  // simulation's queue for the train grows just past it, found to 1/32 of the bracket [2, 4].
  const CliRun r =
      run_corsim("capacity corridors/teaching.yaml --od A:C --replications 2 --steps 6 -q");
  REQUIRE(r.code == 0);
  const auto row = [&](const std::string &method) {
    const std::size_t at = r.out.find("\n" + method + " ");
    REQUIRE(at != std::string::npos);
    std::istringstream in(r.out.substr(at + method.size() + 2));
    double times = 0.0;
    in >> times;
    return times;
  };
  const double seats = 10428.6 / 5000.0;
  CHECK(row("network") == Catch::Detail::Approx(seats).epsilon(0.01));
  CHECK(row("analytic") == Catch::Detail::Approx(seats).epsilon(0.03));
  CHECK(row("simulated") == Catch::Detail::Approx(seats).epsilon(0.05));
  CHECK(row("simulated") <= row("network") * 1.02);
  CHECK_THAT(r.out,
             Catch::Contains("analytic               2.") &&
                 Catch::Contains("service ABC-train (seats: 0.29 vehicles/day, 10,429 TEU/yr)"));
  CHECK_THAT(r.out, Catch::Contains("- the bounds are within 15% of the simulated capacity"));
}

TEST_CASE("corsim capacity --at a crossing scales every flow through it", "[cli][model]") {
  // Teaching corridor: only A-Q passes the road checkpoint K (3,000 TEU/yr); --at K names it.
  const CliRun r = run_corsim("capacity corridors/teaching.yaml --at K --days 120 "
                              "--replications 2 --steps 2 -q");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("capacity through K: demand 3,000 TEU/yr in 1 flow\n"));
  CHECK_THAT(r.out, Catch::Contains("road checkpoint at K"));
  const CliRun neither = run_corsim("capacity corridors/teaching.yaml -q");
  CHECK(neither.code == 2);
  CHECK_THAT(neither.err, Catch::Contains("give --od ORIGIN:DESTINATION or --at NODE"));
  const CliRun unknown = run_corsim("capacity corridors/teaching.yaml --at Kilo2 -q");
  CHECK(unknown.code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("unknown node 'Kilo2'"));
}
