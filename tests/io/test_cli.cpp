// The corsim tool as a user runs it: exit codes, where output goes, nothing written on errors.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const std::string &path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Runs `corsim ARGS` from the source directory, capturing both streams.
Run corsim(const std::string &args) {
  // Test cases run as parallel processes: names carry the process id.
  const auto tmp = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const std::string out = (tmp / ("corsim-cli-out-" + tag)).string();
  const std::string err = (tmp / ("corsim-cli-err-" + tag)).string();
  const std::string cmd = std::string("cd '") + CORSIM_SOURCE_DIR + "' && '" + CORSIM_BINARY_DIR +
                          "/corsim' " + args + " >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  Run run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

} // namespace

TEST_CASE("corsim validate accepts good files and rejects bad ones with exit code 2",
          "[cli][validate]") {
  const Run good = corsim("validate corridors/teaching.yaml");
  CHECK(good.code == 0);
  CHECK(good.out == "corridors/teaching.yaml: ok (6 nodes, 5 links, 3 services, 2 demand flows)\n");

  const Run bad = corsim("validate corridors/teaching.yaml tests/data/bad/unknown_mode.yaml");
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("tests/data/bad/unknown_mode.yaml:7:37: 'mode': unknown "
                                      "value 'rial' (did you mean 'rail', 'road'?)"));
}

TEST_CASE("corsim info prints aligned tables with totals", "[cli][info]") {
  const Run r = corsim("info corridors/teaching.yaml");
  REQUIRE(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Nodes (6)"));
  CHECK_THAT(r.out, Catch::Contains("rail 1,800 km, sea 1,852 km, road 210 km"));
  // Two trains of 100 TEU and one 600 TEU sailing a week.
  CHECK_THAT(r.out, Catch::Contains("TEU/wk"));
  CHECK_THAT(r.out, Catch::Matches("(.|\n)*total +800\n(.|\n)*"));
  CHECK_THAT(r.out, Catch::Matches("(.|\n)*total +8,000\n(.|\n)*"));
}

TEST_CASE("corsim export writes files only for valid input", "[cli][export]") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("corsim-cli-export-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string geo = (dir / "net.geojson").string(), dot = (dir / "net.dot").string();

  const Run bad = corsim("export tests/data/bad/nan.yaml --geojson '" + geo + "'");
  CHECK(bad.code == 2);
  CHECK_FALSE(std::filesystem::exists(geo));

  const Run good =
      corsim("export corridors/teaching.yaml --geojson '" + geo + "' --dot '" + dot + "'");
  CHECK(good.code == 0);
  CHECK_THAT(slurp(geo), Catch::Contains("\"FeatureCollection\""));
  CHECK_THAT(slurp(dot), Catch::StartsWith("graph corridor {"));
  // No temporary files are left behind.
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 2);
  std::filesystem::remove_all(dir);
}

TEST_CASE("Unknown subcommands and options exit with code 2", "[cli]") {
  CHECK(corsim("frobnicate").code == 2);
  CHECK(corsim("info").code == 2);
  CHECK(corsim("--version").code == 0);
}
