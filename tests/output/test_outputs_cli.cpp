// `corsim simulate --out DIR` as a user runs it: the files, their structure (golden
// expectations reviewed by hand in docs/outputs.md), the console flags.
#include "run_corsim.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

using corsim::test::CliRun;
using corsim::test::run_corsim;
using corsim::test::slurp;
using corsim::test::temp_path;

namespace {

/// The rows of a CSV file without quoted fields (the teaching corridor has none), split.
std::vector<std::vector<std::string>> rows(const std::string &text) {
  std::vector<std::vector<std::string>> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields;
    std::istringstream fs(line);
    for (std::string f; std::getline(fs, f, ',');)
      fields.push_back(f);
    if (!line.empty() && line.back() == ',')
      fields.emplace_back();
    out.push_back(fields);
  }
  return out;
}

const std::string teaching_run = "simulate corridors/teaching.yaml --days 60 --replications 2";

} // namespace

TEST_CASE("corsim simulate --out writes the summary, the tidy CSV, GeoJSON and the report",
          "[cli][output]") {
  const std::string dir = temp_path("corsim-out-teaching");
  const CliRun r = run_corsim(teaching_run + " --out '" + dir + "'");
  REQUIRE(r.code == 0);
  for (const char *f : {"summary.json", "results.csv", "facilities_over_time.csv",
                        "services_over_time.csv", "network.geojson", "report.html"})
    CHECK(std::filesystem::exists(dir + "/" + f));
  const auto j = nlohmann::json::parse(slurp(dir + "/summary.json"));

  SECTION("the tables on stdout are the same as without --out; a note says where to look") {
    CHECK(r.out == run_corsim(teaching_run).out);
    CHECK(r.err == "note: results in " + dir + "/ (open " + dir + "/report.html)\n");
  }
  SECTION("summary.json: the run, the version, the scenario as run and every result") {
    const std::string version = run_corsim("--version").out;
    CHECK(version == "corsim " + j["corsim_version"].get<std::string>() + "\n");
    // MAJOR.MINOR.PATCH (std::regex would trip GCC 12's -Wmaybe-uninitialized under ASan)
    const std::string v = j["corsim_version"];
    CHECK(std::count(v.begin(), v.end(), '.') == 2);
    CHECK(v.find_first_not_of("0123456789.") == std::string::npos);
    CHECK(j["run"]["command"] == "simulate");
    CHECK(j["run"]["seed"] == 1);
    CHECK(j["run"]["replications"] == 2);
    CHECK(j["run"]["horizon_days"] == 60.0);
    CHECK(j["run"]["run_seconds"].get<double>() >= 0.0);
    CHECK_THAT(j["scenario_as_run"].get<std::string>(), Catch::Contains("teaching"));
    REQUIRE(j["scenarios"].size() == 1);
    const auto &s = j["scenarios"][0];
    CHECK(s["network"] == "Teaching corridor");
    CHECK(s["flows"].size() == 2);
    CHECK(s["flows"][0]["transit_hours"]["p95"]["n"] == 2);
    CHECK(s["links"].size() == 5);
    CHECK(s["replications"].size() == 2);
    CHECK(j["differences"].empty());
    for (const auto &k : s["key_results"])
      CHECK(k["per_replication"].size() == 2);
  }
  SECTION("results.csv: one row per replication and key result") {
    const auto csv = rows(slurp(dir + "/results.csv"));
    const std::size_t keys = j["scenarios"][0]["key_results"].size();
    CHECK(keys >= 2 * 4); // per flow: transit mean and p95, delivered, on time
    REQUIRE(csv.size() == 1 + 2 * keys);
    CHECK(csv[0] == std::vector<std::string>{"scenario", "replication", "subject", "measure",
                                             "unit", "value"});
    std::set<std::string> replications;
    for (std::size_t i = 1; i < csv.size(); ++i) {
      REQUIRE(csv[i].size() == 6);
      CHECK(csv[i][0] == j["scenarios"][0]["name"]);
      replications.insert(csv[i][1]);
    }
    CHECK(replications == std::set<std::string>{"1", "2"});
    CHECK(csv[1] == std::vector<std::string>{
                        j["scenarios"][0]["name"], "1", "A-C", "transit mean", "d",
                        j["scenarios"][0]["key_results"][0]["per_replication"][0].dump()});
  }
  SECTION("the over-time files: a row per facility (service) and weekly period") {
    const auto fac = rows(slurp(dir + "/facilities_over_time.csv"));
    const std::size_t facilities = j["scenarios"][0]["facilities"].size();
    CHECK(fac[0] == std::vector<std::string>{"scenario", "facility", "node", "kind", "period",
                                             "start_day", "utilisation", "queue"});
    REQUIRE(fac.size() > 1);
    CHECK((fac.size() - 1) % facilities == 0);
    const std::size_t periods = (fac.size() - 1) / facilities;
    CHECK(periods * 7 > 60 - 7); // weekly periods over the 60 days measured
    CHECK(periods * 7 < 60 + 7);
    CHECK(fac[2][5] == "7");
    const auto svc = rows(slurp(dir + "/services_over_time.csv"));
    CHECK(svc[0] == std::vector<std::string>{"scenario", "service", "period", "start_day",
                                             "departures", "teu"});
    CHECK(svc.size() == 1 + j["scenarios"][0]["services"].size() * periods);
  }
  SECTION("network.geojson: 6 nodes and 5 links") {
    const auto g = nlohmann::json::parse(slurp(dir + "/network.geojson"));
    CHECK(g["type"] == "FeatureCollection");
    CHECK(g["features"].size() == 6 + 5);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("corsim --quiet silences the note, --verbose adds timings", "[cli][output]") {
  const std::string dir = temp_path("corsim-out-quiet");
  const CliRun quiet = run_corsim("--quiet " + teaching_run + " --out '" + dir + "'");
  CHECK(quiet.code == 0);
  CHECK(quiet.err.empty());
  const CliRun after = run_corsim(teaching_run + " --out '" + dir + "' -q");
  CHECK(after.code == 0);
  CHECK(after.err.empty());
  const CliRun verbose = run_corsim("--verbose " + teaching_run + " --out '" + dir + "'");
  CHECK(verbose.code == 0);
  CHECK_THAT(verbose.err, Catch::Contains("simulated in ") && Catch::Contains("wrote "));
  CHECK(run_corsim("--quiet --verbose validate corridors/teaching.yaml").code == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("corsim simulate --out to a path that cannot be a folder fails before the run",
          "[cli][output]") {
  const CliRun r = run_corsim(teaching_run + " --out /dev/null/out");
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("/dev/null/out: cannot create the output folder"));
}
