// corsim route / corsim flow, driven through CLI11 as main.cpp does.
#include "commands.hpp"

#include "corsim/error.hpp"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

namespace corsim::cli {
void add_route_command(CLI::App &app, Action &action);
void add_flow_command(CLI::App &app, Action &action);
} // namespace corsim::cli

namespace {

struct Outcome {
  int code = -1;
  std::string out;
};

/// Parses `args` (after the program name) and runs the chosen action, capturing stdout.
Outcome run(std::vector<std::string> args) {
  CLI::App app{"corsim"};
  corsim::cli::Action action;
  corsim::cli::add_route_command(app, action);
  corsim::cli::add_flow_command(app, action);
  args.insert(args.begin(), "corsim");
  std::vector<char *> argv;
  for (std::string &a : args)
    argv.push_back(a.data());
  app.parse(static_cast<int>(argv.size()), argv.data());
  std::ostringstream captured;
  std::streambuf *old = std::cout.rdbuf(captured.rdbuf());
  Outcome o;
  try {
    o.code = action();
  } catch (...) {
    std::cout.rdbuf(old);
    throw;
  }
  std::cout.rdbuf(old);
  o.out = captured.str();
  return o;
}

const std::string jilin = std::string(CORSIM_SOURCE_DIR) + "/corridors/jilin.yaml";

} // namespace

TEST_CASE("corsim route prints totals that add up by hand", "[routing][cli]") {
  // Teaching corridor by cost, A -> Q: road A-K 150 km at 50 km/h (200 USD, 100 g/tkm), the
  // checkpoint at K (1 h), road K-P 60 km at 40 km/h (100 USD), sea P-Q 1000 nm = 1852 km at
  // 12 kn (400 USD, 30 g/tkm); 10 t per TEU.
  const std::string teaching = std::string(CORSIM_SOURCE_DIR) + "/corridors/teaching.yaml";
  const Outcome o = run({"route", teaching, "--from", "Alpha terminal", "--to", "Q", "--by", "cost",
                         "--format", "json"});
  REQUIRE(o.code == 0);
  const std::string expected_co2 = // (150 + 60) km × 100 g + 1852 km × 30 g, × 10 t, in tonnes
      "\"t_co2_per_teu\": 0.7656";
  CHECK_THAT(o.out, Catch::Contains("\"usd_per_teu\": 700")); // 200 + 100 + 400
  CHECK_THAT(o.out, Catch::Contains("\"km\": 2062"));         // 150 + 60 + 1852
  CHECK_THAT(o.out, Catch::Contains(expected_co2));
  CHECK_THAT(o.out, Catch::Contains("\"what\": \"sea (P-Q)\", \"hours\": 83.33333333"));
}

TEST_CASE("corsim route answers on the default corridor", "[routing][cli]") {
  SECTION("k alternatives, leg by leg") {
    const Outcome o = run({"route", jilin, "--from", "CCX", "--to", "Duisburg", "-k", "3"});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::Contains("Route 3 of 3"));
    CHECK_THAT(o.out, Catch::Contains("gauge change"));
  }
  SECTION("constraints and modes") {
    const Outcome o = run({"route", jilin, "--from", "CCX", "--to", "DUI", "--by", "cost",
                           "--max-days", "20", "--modes", "rail"});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::Contains("Route 1 of 1"));
  }
  SECTION("Pareto set as JSON") {
    const Outcome o =
        run({"route", jilin, "--from", "CCX", "--to", "DUI", "--pareto", "--format", "json"});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::StartsWith("{\"routes\": [{"));
  }
  SECTION("timetable-aware from a ready date-time, and its profile") {
    Outcome o =
        run({"route", jilin, "--from", "CCX", "--to", "DUI", "--ready", "2024-03-11T08:00"});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::Contains("days door to door"));
    o = run({"route", jilin, "--from", "CCX", "--to", "DUI", "--ready", "2024-03-11", "--profile"});
    CHECK(o.code == 0);
    CHECK_THAT(o.out, Catch::Contains("2024-03-17"));
  }
  SECTION("no route: a plain message and exit 1") {
    const Outcome o = run({"route", jilin, "--from", "CCX", "--to", "NGB", "--avoid", "RU"});
    CHECK(o.code == 1);
    CHECK_THAT(o.out, Catch::Contains("No route"));
  }
  SECTION("unknown names: the closest names (main maps InputError to exit 2)") {
    CHECK_THROWS_WITH(run({"route", jilin, "--from", "CCX", "--to", "Dusiburg"}),
                      Catch::Contains("Duisburg"));
    CHECK_THROWS_AS(run({"route", jilin, "--from", "CCX", "--to", "DUI", "--by", "speed"}),
                    corsim::InputError);
    CHECK_THROWS_AS(run({"route", jilin, "--from", "CCX", "--to", "DUI", "--ready", "monday"}),
                    corsim::InputError);
  }
}

TEST_CASE("corsim flow gives the capacity bound and the assignment", "[routing][cli]") {
  Outcome o = run({"flow", jilin, "--from", "CCX", "--to", "MOW", "--to", "DUI"});
  CHECK(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("bottleneck (minimum cut)"));
  o = run({"flow", jilin, "--demand"});
  CHECK(o.code == 0);
  CHECK_THAT(o.out, Catch::Contains("unserved"));
}
