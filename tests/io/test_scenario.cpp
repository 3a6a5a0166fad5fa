// Scenario files: changes by id, extends, run settings, and errors at the scenario's lines.
#include "corsim/io/scenario.hpp"
#include "run_corsim.hpp"

#include "../../src/io/scenario_changes.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace corsim;
using corsim::test::run_corsim;
using corsim::test::temp_path;

namespace {

const std::string jilin = std::string(CORSIM_SOURCE_DIR) + "/corridors/jilin.yaml";

/// Writes a file under a folder of this process, so that scenarios can name each other.
std::string write(const std::string &name, const std::string &text) {
  const std::filesystem::path dir = temp_path("scenarios");
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

std::vector<std::string> errors(const io::ScenarioLoad &l) {
  std::vector<std::string> out;
  for (const io::Diagnostic &d : l.diagnostics)
    if (d.severity == io::Severity::Error)
      out.push_back(d.text());
  return out;
}

const DemandFlow &flow(const Network &n, const std::string &id) {
  for (const DemandFlow &f : n.demand)
    if (f.id == id)
      return f;
  FAIL("no flow " << id);
  return n.demand.front();
}

} // namespace

TEST_CASE("Scenario changes: set, scale, add and remove by id", "[io][scenario]") {
  const std::string file = write("parity.yaml", "corsim: 1\n"
                                                "scenario: parity\n"
                                                "base: " +
                                                    jilin +
                                                    "\n"
                                                    "run: {days: 60 d, replications: 3, seed: 9}\n"
                                                    "changes:\n"
                                                    "  - set: nodes.ZBK.customs.time\n"
                                                    "    to: 30 min\n"
                                                    "  - scale: demand.*.volume\n"
                                                    "    by: 1.5\n"
                                                    "  - remove: services.CSO\n"
                                                    "  - set: nodes.SLA.seaport.berths\n"
                                                    "    to: 2\n");
  const io::ScenarioLoad l = io::try_load_scenario(file);
  INFO(errors(l).size());
  REQUIRE(l.scenario);
  const Network base = io::load_network(jilin);
  const Network &n = l.scenario->network;
  CHECK(l.scenario->name == "parity");
  CHECK(l.scenario->options.seed == 9);
  CHECK(l.scenario->options.replications == 3);
  CHECK(l.scenario->options.horizon.value() == 60.0 * 24.0);
  CHECK(n.nodes[n.find_node("ZBK")].customs->time.mean() == 0.5);
  CHECK(n.nodes[n.find_node("SLA")].seaport->berths == 2);
  CHECK(n.services.size() + 1 == base.services.size());
  for (const DemandFlow &f : base.demand)
    CHECK(flow(n, f.id).volume.value() == Catch::Detail::Approx(1.5 * f.volume.value()));
}

TEST_CASE("A scenario extends another: changes in order, run settings overridden",
          "[io][scenario]") {
  write("parent.yaml", "corsim: 1\nbase: " + jilin +
                           "\nrun: {seed: 4, replications: 7}\n"
                           "changes:\n  - set: demand.HUN-NGB.volume\n    to: 1000 TEU/yr\n");
  const std::string child = write("child.yaml", "corsim: 1\nextends: parent.yaml\n"
                                                "run: {replications: 2}\n"
                                                "changes:\n  - scale: demand.HUN-NGB.volume\n"
                                                "    by: 3\n");
  const io::ScenarioLoad l = io::try_load_scenario(child);
  REQUIRE(l.scenario);
  CHECK(flow(l.scenario->network, "HUN-NGB").volume.value() == Catch::Detail::Approx(3000.0));
  CHECK(l.scenario->options.seed == 4);         // from the parent
  CHECK(l.scenario->options.replications == 2); // the child's
  CHECK(l.scenario->name == "child");
  CHECK(errors(l).empty());
}

TEST_CASE("Scenarios extending each other in a cycle are an error", "[io][scenario]") {
  write("cycle_a.yaml", "corsim: 1\nextends: cycle_b.yaml\n");
  const std::string b = write("cycle_b.yaml", "corsim: 1\nextends: cycle_a.yaml\n");
  const io::ScenarioLoad l = io::try_load_scenario(b);
  CHECK(!l.scenario);
  const auto e = errors(l);
  REQUIRE(e.size() == 1);
  CHECK(e[0].find("cycle_a.yaml:2:10: scenarios extend each other in a cycle") !=
        std::string::npos);
}

TEST_CASE("Errors in changes point at the scenario's lines, with the closest ids",
          "[io][scenario]") {
  const std::string file = write("bad_changes.yaml", "corsim: 1\n" // 1
                                                     "base: " +
                                                         jilin +
                                                         "\n"                                // 2
                                                         "changes:\n"                        // 3
                                                         "  - set: nodes.ZBQ.customs.time\n" // 4
                                                         "    to: 4 h\n"                     // 5
                                                         "  - set: nodes.ZBK.customs.tme\n"  // 6
                                                         "    to: 4 h\n"                     // 7
                                                         "  - set: nodes.ZBK.customs.time\n" // 8
                                                         "    to: 4 parsecs\n"               // 9
                                                         "  - scale: demand.*.volume\n"      // 10
                                                         "    by: lots\n");                  // 11
  const io::ScenarioLoad l = io::try_load_scenario(file);
  CHECK(!l.scenario);
  const std::vector<std::string> want = {
      file + ":4:10: 'nodes.ZBQ': unknown id 'ZBQ' (did you mean 'ZBK', 'ZAR'?)",
      file + ":6:10: unknown key 'tme' in 'customs' (did you mean 'time'?)",
      file + ":9:11: 'time': unknown unit 'parsecs' for a duration (use h, min, s, d, wk)",
      file + ":10:12: scale factor 'lots' must be a number >= 0, like 1.5"};
  CHECK(errors(l) == want);
}

TEST_CASE("Scaling multiplies the numbers that carry units", "[io][scenario]") {
  CHECK(io::scale_text("4 h", 1.5) == "6 h");
  CHECK(io::scale_text("3000 TEU/yr", 2) == "6000 TEU/yr");
  CHECK(io::scale_text("triangular(1 h, 2 h, 4 h)", 0.5) == "triangular(0.5 h, 1 h, 2 h)");
  CHECK(io::scale_text("5%", 2) == "10%");
  CHECK(io::scale_text("3", 2) == "6");
  CHECK(io::scale_text("gamma(2, 3 h)", 2) == "gamma(2, 6 h)"); // the shape stays
  CHECK(!io::scale_text("Mon-Fri", 2));
}

TEST_CASE("corsim compare marks significant differences; sweep and capacity run",
          "[io][scenario][cli]") {
  const std::string teaching = std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml";
  const std::string slow =
      write("slow.yaml", "corsim: 1\nscenario: slow\nbase: " + teaching +
                             "\nchanges:\n  - scale: links.*.speed\n    by: 0.5\n");
  const auto c = run_corsim("compare " + teaching + " " + slow +
                            " --days 40 --warmup 5 --replications 4 --format json");
  REQUIRE(c.code == 0);
  CHECK(c.out.find("\"significant\": true") != std::string::npos);
  // --warmup auto: chosen once, from the base, and every scenario measures that window.
  const auto a =
      run_corsim("compare " + teaching + " " + slow + " --days 120 --warmup auto --replications 2");
  REQUIRE(a.code == 0);
  const std::string chosen = "warm-up chosen from a pilot run";
  REQUIRE(a.err.find(chosen) != std::string::npos);
  CHECK(a.err.find(chosen, a.err.find(chosen) + 1) == std::string::npos);
  const auto s = run_corsim("sweep " + teaching +
                            " --days 30 --warmup 5 --replications 2 "
                            "--scale 'demand.*.volume=1,2,3'");
  REQUIRE(s.code == 0);
  CHECK(std::count(s.out.begin(), s.out.end(), '\n') == 2 + 3); // header, rule, 3 rows
  const auto k = run_corsim("capacity " + teaching +
                            " --od A:Q --days 30 --warmup 5 "
                            "--replications 2 --steps 2");
  REQUIRE(k.code == 0);
  for (const char *method : {"\nsimulated ", "\nanalytic ", "\nnetwork ", "\ninfrastructure "})
    CHECK(k.out.find(method) != std::string::npos);
  // A p95 target shorter than the trip itself is not met at any load: no capacity is claimed.
  const auto tight = run_corsim("capacity " + teaching +
                                " --od A:Q --days 30 --warmup 5 "
                                "--replications 2 --steps 2 --p95 2");
  REQUIRE(tight.code == 0);
  CHECK(tight.out.find("unstable even at the lowest demand tried: p95 over the target") !=
        std::string::npos);
  const auto bad = run_corsim("capacity " + teaching + " --od A:Z --days 30");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("unknown node 'Z'") != std::string::npos);
}

TEST_CASE("Scenario limits: horizon, replications and extends depth are clear errors",
          "[io][scenario][limits]") {
  const std::string file = write("limits.yaml", "corsim: 1\nbase: " + jilin +
                                                    "\nrun: {days: 40000 d, warmup: -1 d, "
                                                    "replications: 200000}\n");
  const auto e = errors(io::try_load_scenario(file));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == file + ":3:13: 'days': '40000 d' is out of range: at most 36525 d");
  CHECK(e[1] == file + ":3:30: 'warmup' must be non-negative, not '-1 d'");
  CHECK(e[2] == file + ":3:50: 'replications' must be a whole number from 1 to 100000");
  // A chain of 20 scenarios, each extending the next: past the limit of 16.
  for (int i = 0; i < 20; ++i)
    write("chain" + std::to_string(i) + ".yaml",
          i == 19 ? "corsim: 1\nbase: " + jilin + "\n"
                  : "corsim: 1\nextends: chain" + std::to_string(i + 1) + ".yaml\n");
  const auto chain =
      errors(io::try_load_scenario(write("chain-start.yaml", "corsim: 1\nextends: chain0.yaml\n")));
  REQUIRE(chain.size() == 1);
  CHECK(chain[0].find("scenarios extend each other more than 16 deep") != std::string::npos);
}

TEST_CASE("Route shares name flows, services and links of the changed corridor", "[io][scenario]") {
  const std::string teaching = std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml";
  const std::string file =
      write("shares.yaml", "corsim: 1\nbase: " + teaching +
                               "\nrun:\n  route_choice: shares\n"
                               "  route_shares:\n"
                               "    - {flow: A-Q, via: [AP-truck], share: 1}\n"
                               "    - {flow: A-QQ, via: [AP-truk], share: 1}\n");
  const io::ScenarioLoad l = io::try_load_scenario(file);
  CHECK(errors(l) ==
        std::vector<std::string>{
            file + ":7:14: unknown flow 'A-QQ' (did you mean 'A-Q', 'A-C'?)",
            file + ":7:26: unknown service or link 'AP-truk' (did you mean 'AP-truck'?)"});
  const std::string ok = write("shares-ok.yaml", "corsim: 1\nbase: " + teaching +
                                                     "\nrun:\n  route_choice: shares\n"
                                                     "  route_shares:\n"
                                                     "    - {flow: A-Q, via: [AP-truck, PQ-ship], "
                                                     "share: 1}\n");
  const io::ScenarioLoad good = io::try_load_scenario(ok);
  REQUIRE(good.scenario);
  CHECK(good.scenario->options.route_choice == model::RouteChoice::FixedShares);
  REQUIRE(good.scenario->options.route_shares.size() == 1);
  CHECK(good.scenario->options.route_shares[0].via ==
        std::vector<std::string>{"AP-truck", "PQ-ship"});
}

TEST_CASE("The variants of a scenario load as each would alone, from one reading of the files",
          "[io][scenario]") {
  write("variant_parent.yaml", "corsim: 1\nbase: " + jilin +
                                   "\nchanges:\n  - set: demand.HUN-NGB.volume\n"
                                   "    to: 1000 TEU/yr\n");
  const std::string child =
      write("variant_child.yaml", "corsim: 1\nextends: variant_parent.yaml\n");
  const auto scale = [](const std::string &path, const std::string &f) {
    return io::change_from_text(io::Change::Kind::Scale, path, f, "--scale");
  };
  const std::vector<std::vector<io::Change>> variants = {
      {scale("demand.HUN-NGB.volume", "1")},
      {scale("demand.HUN-NGB.volume", "2.5")},
      {scale("demand.HUN-NGX.volume", "2")}}; // an unknown id
  const std::vector<io::ScenarioLoad> loads = io::try_load_variants(child, variants);
  REQUIRE(loads.size() == 3);
  for (std::size_t i = 0; i < variants.size(); ++i) {
    const io::ScenarioLoad alone = io::try_load_scenario(child, variants[i]);
    CHECK(errors(loads[i]) == errors(alone));
    REQUIRE(loads[i].scenario.has_value() == alone.scenario.has_value());
  }
  CHECK(flow(loads[0].scenario->network, "HUN-NGB").volume.value() == 1000.0);
  CHECK(flow(loads[1].scenario->network, "HUN-NGB").volume.value() == 2500.0);
  REQUIRE(errors(loads[2]).size() == 1);
  CHECK_THAT(errors(loads[2])[0], Catch::Contains("--scale demand.HUN-NGX.volume=2") &&
                                      Catch::Contains("did you mean 'HUN-NGB'"));
}

TEST_CASE("Nonsense in a scenario is an error at its line, not a silent no-op", "[io][scenario]") {
  const std::string file = write("nonsense.yaml", "corsim: 1\n" // 1
                                                  "base: " +
                                                      jilin +
                                                      "\n"              // 2
                                                      "changes:\n"      // 3
                                                      "  - set: \"\"\n" // 4
                                                      "    to: 4 h\n"); // 5
  CHECK(errors(io::try_load_scenario(file)) ==
        std::vector<std::string>{file +
                                 ":4:10: the path is empty; give a value or leave the key out"});
  // A key a change creates is the change's: a mistake in it is reported at the change's line.
  const std::string typo = write("typo.yaml", "corsim: 1\n" // 1
                                              "base: " +
                                                  jilin +
                                                  "\n"                               // 2
                                                  "changes:\n"                       // 3
                                                  "  - set: node.ZBK.customs.time\n" // 4
                                                  "    to: 4 h\n");                  // 5
  CHECK(
      errors(io::try_load_scenario(typo)) ==
      std::vector<std::string>{
          typo + ":4:10: unknown key 'node' in the network file (did you mean 'nodes', 'name'?)"});
  const std::string no_base = write("no_base.yaml", "corsim: 1\nbase: \"\"\n");
  CHECK(errors(io::try_load_scenario(no_base)) ==
        std::vector<std::string>{no_base + ":2:7: 'base' is empty; give a value or leave the "
                                           "key out"});
}

TEST_CASE("The scenario as run, saved as a file, runs the same again", "[io][scenario]") {
  // Run settings with units, a map value, a list value and route shares: each written as the
  // reader reads it. Saved in the folder the run started from, it loads to the same scenario.
  const std::string file =
      write("as_run.yaml",
            "corsim: 1\n"
            "scenario: round trip\n"
            "base: " +
                jilin +
                "\n"
                "run: {days: 36.5 d, warmup: 7 d, replications: 3, seed: 9007199254740992,\n"
                "      route_choice: shares,\n"
                "      route_shares: [{flow: CCX-DUI-containers, via: [CMO], share: 0.3}]}\n"
                "changes:\n"
                "  - set: nodes.ZBK.customs\n"
                "    to: {lanes: 3, time: 2 h, hours: [Mon-Fri 08:00-20:00, Sat 09:00-13:00]}\n"
                "  - scale: demand.*.volume\n"
                "    by: 1.25\n");
  const io::ScenarioLoad first = io::try_load_scenario(file);
  REQUIRE(errors(first).empty());
  REQUIRE(first.scenario);
  const std::string again = write("as_run_again.yaml", first.scenario->as_run());
  const io::ScenarioLoad second = io::try_load_scenario(again);
  REQUIRE(errors(second).empty());
  REQUIRE(second.scenario);
  CHECK(second.scenario->as_run() == first.scenario->as_run());
  const auto &a = first.scenario->options, &b = second.scenario->options;
  CHECK(b.horizon.value() == a.horizon.value());
  CHECK(b.warmup.value() == a.warmup.value());
  CHECK(b.seed == 9007199254740992ull);
  CHECK(b.route_shares.size() == 1);
  CHECK(flow(second.scenario->network, "CCX-DUI-containers").volume.value() ==
        flow(first.scenario->network, "CCX-DUI-containers").volume.value());
}

TEST_CASE("A base or parent that cannot be read is reported where the scenario names it",
          "[io][scenario]") {
  const std::string file = write("no_corridor.yaml", "corsim: 1\nbase: no/such/corridor.yaml\n");
  const std::string dir = std::filesystem::path(file).parent_path().string();
  CHECK(errors(io::try_load_scenario(file)) ==
        std::vector<std::string>{file + ":2:7: 'base' '" + dir +
                                 "/no/such/corridor.yaml': cannot open file: No such file or "
                                 "directory"});
  const std::string child = write("orphan.yaml", "corsim: 1\nextends: gone.yaml\n");
  CHECK(errors(io::try_load_scenario(child)) ==
        std::vector<std::string>{child + ":2:10: 'extends' '" + dir +
                                 "/gone.yaml': cannot open file: No such file or directory"});
}
