// The corsim tool as a user runs it: exit codes, where output goes, nothing written on errors.
#include "run_corsim.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using corsim::test::CliRun;
using corsim::test::run_corsim;
using corsim::test::slurp;
using corsim::test::temp_path;

TEST_CASE("corsim validate accepts good files and rejects bad ones with exit code 2",
          "[cli][validate]") {
  const CliRun good = run_corsim("validate corridors/teaching.yaml");
  CHECK(good.code == 0);
  CHECK(good.out == "corridors/teaching.yaml: ok (6 nodes, 5 links, 3 services, 2 demand flows)\n");

  const CliRun bad =
      run_corsim("validate corridors/teaching.yaml tests/data/bad/unknown_mode.yaml");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("tests/data/bad/unknown_mode.yaml:7:37: 'mode': unknown "
                                      "value 'rial' (did you mean 'rail', 'road'?)"));
}

TEST_CASE("corsim info prints aligned tables with totals", "[cli][info]") {
  const CliRun r = run_corsim("info corridors/teaching.yaml");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Nodes (6)"));
  CHECK_THAT(r.out, Catch::Contains("rail 1,800 km, sea 1,852 km, road 210 km"));
  // Two trains of 100 TEU and one 600 TEU sailing a week.
  CHECK_THAT(r.out, Catch::Contains("TEU/wk"));
  CHECK_THAT(r.out, Catch::Matches("(.|\n)*total +800\n(.|\n)*"));
  CHECK_THAT(r.out, Catch::Matches("(.|\n)*total +8,000\n(.|\n)*"));
}

TEST_CASE("corsim export writes files only for valid input", "[cli][export]") {
  const auto dir = std::filesystem::path(temp_path("corsim-cli-export"));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string geo = (dir / "net.geojson").string(), dot = (dir / "net.dot").string();

  const CliRun bad = run_corsim("export tests/data/bad/nan.yaml --geojson '" + geo + "'");
  CHECK(bad.code == 2);
  CHECK_FALSE(std::filesystem::exists(geo));

  const CliRun good =
      run_corsim("export corridors/teaching.yaml --geojson '" + geo + "' --dot '" + dot + "'");
  CHECK(good.code == 0);
  CHECK_THAT(slurp(geo), Catch::Contains("\"FeatureCollection\""));
  CHECK_THAT(slurp(dot), Catch::StartsWith("graph corridor {"));
  // No temporary files are left behind.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("Unknown subcommands and options exit with code 2", "[cli]") {
  const auto unknown = run_corsim("frobnicate");
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("corsim: unknown command 'frobnicate'; the commands are validate, "
                         "info, export, route, flow, simulate, compare, sweep, capacity") == 0);
  CHECK(run_corsim("-q simulat corridors/teaching.yaml").err.find("(did you mean 'simulate'?)") !=
        std::string::npos);
  CHECK(run_corsim("info").code == 2);
  CHECK(run_corsim("--version").code == 0);
}

TEST_CASE("Options out of range are refused as the scenario file refuses them", "[cli]") {
  const std::string run = "simulate corridors/teaching.yaml --days 10 --warmup 0 -q ";
  const auto below = run_corsim(run + "--replications 3 --max-replications 2 --precision 0.1");
  CHECK(below.code == 2);
  CHECK(below.err.find("--max-replications 2 is below the replications (3)") != std::string::npos);
  for (const char *seed : {"18446744073709551616", "9007199254740993", "0x10", "-1", "1e3"}) {
    INFO(seed);
    const auto r = run_corsim(run + "--seed " + seed);
    CHECK(r.code == 2);
    CHECK(r.err.find("0 to 2^53") != std::string::npos);
  }
  CHECK(run_corsim(run + "--seed 9007199254740992 --replications 1").code == 0);
  CHECK(run_corsim("route corridors/teaching.yaml --from A --to C --max-days -1").code == 2);
  CHECK(run_corsim("route corridors/teaching.yaml --from A --to C --max-cost -5").code == 2);
}

TEST_CASE("A run that would create more work than a machine holds is refused before it starts",
          "[cli]") {
  // The teaching corridor's flows at 150 times their volume for ten years: each flow stays
  // under a million boxes a year, but together they make about 9 million in a replication.
  const auto r =
      run_corsim("simulate corridors/teaching.yaml --scale 'demand.*.volume=150' --days 3650 -q");
  CHECK(r.code == 2);
  CHECK(r.err.find("corridors/teaching.yaml: a replication would create about") == 0);
  CHECK(r.err.find("more than the limit of 5e+06") != std::string::npos);
  CHECK(r.out.empty());
}
