// The --out files built from hand-made results: structure, units, escaping (docs/outputs.md).
#include "output_fixtures.hpp"
#include "run_corsim.hpp"

#include "corsim/error.hpp"
#include "corsim/io/outputs.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

using corsim::io::ScenarioOutput;
using corsim::test::output_differences;
using corsim::test::output_network;
using corsim::test::output_results;

namespace {

std::vector<std::string> lines(const std::string &text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

std::size_t count(const std::string &text, const std::string &part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++n;
  return n;
}

corsim::io::RunRecord run_record() {
  return {"compare", "Output test", "name: x\n", 28, 7, 3, 42, "logit", 1.5};
}

} // namespace

TEST_CASE("results.csv is tidy: one row per scenario, replication, subject and measure",
          "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  const auto csv = lines(corsim::io::results_csv({{"base", &net, &r}, {"", &net, &r}}));
  REQUIRE(csv.size() == 1 + 2 * 5 * 3); // header + scenarios × key results × replications
  CHECK(csv[0] == "scenario,replication,subject,measure,unit,value");
  CHECK(csv[1] == "base,1,A-B box,transit mean,d,3");
  SECTION("ids with commas or quotes are quoted, a missing value is an empty field") {
    CHECK(csv[7] == "base,1,\"A-C, sea\",transit mean,d,5");
    CHECK(csv[14] == "base,2,\"customs at B<&\"\"x\",utilisation,share,");
  }
  SECTION("a scenario without a name is numbered") {
    CHECK(csv[16].rfind("scenario 2,1,", 0) == 0);
  }
}

TEST_CASE("the over-time CSV files have a row per facility or service and period", "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  const auto fac = lines(corsim::io::facilities_over_time_csv({{"base", &net, &r}}));
  REQUIRE(fac.size() == 1 + 2 * 4);
  CHECK(fac[0] == "scenario,facility,node,kind,period,start_day,utilisation,queue");
  CHECK(fac[1] == "base,handling at A,A,handling,1,0,0.2,0");
  CHECK(fac[8] == "base,\"customs at B<&\"\"x\",\"B<&\"\"x\",customs,4,21,0.9,4");
  const auto svc = lines(corsim::io::services_over_time_csv({{"base", &net, &r}}));
  REQUIRE(svc.size() == 1 + 4);
  CHECK(svc[0] == "scenario,service,period,start_day,departures,teu");
  CHECK(svc[2] == "base,AB-train,2,7,2,110");
}

TEST_CASE("summary.json records the run, the version and every estimate", "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  const auto j = nlohmann::json::parse(corsim::io::summary_json(
      {{"base", &net, &r}, {"busy", &net, &r}}, run_record(), {output_differences()}));
  CHECK(j["corsim_version"] == corsim::io::corsim_version());
  CHECK(j["run"]["seed"] == 42);
  CHECK(j["run"]["command"] == "compare");
  CHECK(j["scenario_as_run"] == "name: x\n");
  REQUIRE(j["scenarios"].size() == 2);
  const auto &s = j["scenarios"][0];
  CHECK(s["flows"][0]["transit_hours"]["p95"]["mean"] == Catch::Detail::Approx(108.0));
  CHECK(s["flows"][0]["transit_hours"]["p95"]["half_width"] == Catch::Detail::Approx(0.5));
  CHECK(s["flows"][0]["transit_hours"]["p95"]["n"] == 3);
  CHECK(s["flows"][0]["wait_hours_by_cause"]["customs"]["mean"] == Catch::Detail::Approx(5.0));
  CHECK(s["flows"][0]["wait_hours_by_cause"]["weather"].is_null()); // no replication gave one
  CHECK(s["facilities"][1]["facility"] == "customs at B<&\"x");
  CHECK(s["links"][1]["utilisation"].is_null());
  CHECK(s["key_results"][4]["per_replication"][1].is_null()); // NaN: no value
  CHECK(s["bottlenecks"].size() == 2);
  REQUIRE(j["differences"].size() == 1);
  CHECK(j["differences"][0]["other"] == "busy");
  CHECK(j["differences"][0]["results"][0]["significant"] == true);
  CHECK(j["differences"][0]["results"][0]["difference"]["mean"] == Catch::Detail::Approx(-0.5));
}

TEST_CASE("network.geojson has nodes as points and links as lines, lon before lat", "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  const auto j = nlohmann::json::parse(corsim::io::network_geojson({{"base", &net, &r}}));
  CHECK(j["type"] == "FeatureCollection");
  REQUIRE(j["features"].size() == 5);
  const auto &b = j["features"][1];
  CHECK(b["geometry"]["type"] == "Point");
  CHECK(b["geometry"]["coordinates"] == nlohmann::json::array({131.0, 44.0}));
  CHECK(b["properties"]["utilisation"] == Catch::Detail::Approx(0.9));
  CHECK(b["properties"]["utilisation_customs"] == Catch::Detail::Approx(0.9));
  const auto &ab = j["features"][3];
  CHECK(ab["geometry"]["type"] == "LineString");
  CHECK(ab["geometry"]["coordinates"] == nlohmann::json::parse("[[125.0, 44.0], [131.0, 44.0]]"));
  CHECK(ab["properties"]["teu_per_year"] == Catch::Detail::Approx(1000.0));
  CHECK(ab["properties"]["utilisation"] == Catch::Detail::Approx(0.5));
  CHECK(j["features"][4]["properties"]["utilisation"].is_null()); // no capacity limit
}

TEST_CASE("report.html is one self-contained page with escaped text", "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  const std::string html = corsim::io::report_html({{"base", &net, &r}, {"busy", &net, &r}},
                                                   run_record(), {output_differences()});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  SECTION("nothing is fetched from elsewhere and nothing runs") {
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
  }
  SECTION("user text is escaped") {
    CHECK(html.find("B<&") == std::string::npos);
    CHECK(html.find("B&lt;&amp;&quot;x") != std::string::npos);
    CHECK(html.find("<test>") == std::string::npos);
    CHECK(html.find("a &lt;warning&gt; to escape") != std::string::npos);
  }
  SECTION("the charts have stable ids: map, transit per flow, waits, over time") {
    CHECK(count(html, "<svg id=\"map\"") == 1);
    CHECK(count(html, "<svg id=\"map-s2\"") == 1);
    CHECK(count(html, "<path class=\"link ") == 2 * 2);
    CHECK(count(html, "class=\"chart transit\"") == 2 * 2);
    CHECK(count(html, "<svg id=\"transit-1\"") == 1);
    CHECK(count(html, "class=\"bin\"") == 2 * 2 * 5);
    CHECK(count(html, "class=\"marker p95\"") == 2 * 2);
    CHECK(count(html, "<svg id=\"waits\"") == 1);
    CHECK(count(html, "class=\"wait\" data-cause=\"customs\"") == 2 * 2);
    CHECK(count(html, "<svg id=\"utilisation-over-time\"") == 1);
    CHECK(count(html, "<table id=\"bottlenecks\"") == 1);
  }
  SECTION("compare: the differences with their intervals, significant ones marked") {
    CHECK(count(html, "<svg id=\"differences-2\"") == 1);
    CHECK(count(html, "<g class=\"difference significant\">") == 1);
    CHECK(count(html, "<g class=\"difference\">") == 1);
    CHECK(count(html, "<tr class=\"significant\">") == 1);
    CHECK(html.find("-0.50 ± 0.20") != std::string::npos);
  }
}

TEST_CASE("report.html charts still draw without time series or histograms", "[output]") {
  const auto net = output_network();
  auto r = output_results();
  r.over_time = {};
  for (auto &o : r.od)
    o.transit_histogram.clear();
  r.links.clear();
  const std::string html = corsim::io::report_html({{"", &net, &r}}, run_record(), {});
  CHECK(count(html, "class=\"chart transit\"") == 2);
  CHECK(count(html, "no distribution recorded") == 2);
  CHECK(count(html, "no time series recorded") == 3);
  CHECK(count(html, "<path class=\"link ") == 2);
  CHECK(html.find("nan") == std::string::npos);
}

TEST_CASE("write_outputs writes every file into a new folder, atomically", "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  const std::filesystem::path dir =
      std::filesystem::path(corsim::test::temp_path("corsim-outputs")) / "nested";
  corsim::io::write_outputs(dir.string(), {{"base", &net, &r}}, run_record());
  std::size_t files = 0;
  for (const auto &entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().string().find(".tmp-") == std::string::npos); // no temporary left
    ++files;
  }
  CHECK(files == corsim::io::output_file_names().size());
  for (const auto &name : corsim::io::output_file_names())
    CHECK(std::filesystem::file_size(dir / name) > 0);
  std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("write_outputs refuses a folder it cannot create", "[output]") {
  const auto net = output_network();
  const auto r = output_results();
  CHECK_THROWS_AS(corsim::io::write_outputs("/dev/null/out", {{"", &net, &r}}, run_record()),
                  corsim::InputError);
}
