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
  // Teaching corridor: B-C carries 10 paths a day of 100-TEU trains, 365,000 TEU/yr; at 4 paths
  // a day, 4 × 100 × 365 = 146,000.
  const CliRun flow = run_corsim("flow corridors/teaching.yaml --from A --to C");
  REQUIRE(flow.code == 0);
  CHECK_THAT(flow.out, Catch::Contains("Max flow from Alpha terminal: 365,000 TEU/yr"));
  const CliRun cut =
      run_corsim("flow corridors/teaching.yaml --from A --to C --set \"links.B-C.capacity=4 /d\"");
  REQUIRE(cut.code == 0);
  CHECK_THAT(cut.out, Catch::Contains("Max flow from Alpha terminal: 146,000 TEU/yr"));
  CHECK(run_corsim("flow corridors/teaching.yaml --from A --to C --set links.B-X.speed=1").code ==
        2);
  // The analytic bound is the ABC-train's seats: half the wagons, half the bound.
  const auto analytic = [](const std::string &extra) {
    const CliRun r = run_corsim("capacity corridors/teaching.yaml --od A:C --days 60 "
                                "--replications 2 -q" +
                                extra);
    REQUIRE(r.code == 0);
    const std::size_t at = r.out.find("analytic (capacity / load per unit)");
    REQUIRE(at != std::string::npos);
    std::istringstream row(r.out.substr(at + 36));
    double times = 0.0;
    row >> times;
    return times;
  };
  CHECK(analytic(" --set services.ABC-train.vehicle.wagons=25") ==
        Catch::Detail::Approx(analytic("") / 2.0).epsilon(0.01));
}
