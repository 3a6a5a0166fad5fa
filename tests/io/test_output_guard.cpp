// What corsim writes over and what it trusts again (docs/robustness.md "Outputs" and
// "Resuming"): outputs never replace devices, pipes, folders or the inputs; an --out folder
// belongs to one run at a time; kept replications are taken only when they verify.
#include "checkpoint.hpp"
#include "run_corsim.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using corsim::test::run_corsim;
using corsim::test::slurp;
using corsim::test::temp_path;
namespace fs = std::filesystem;

namespace {

const std::string simulate = "simulate corridors/teaching.yaml --days 30 --warmup 0 "
                             "--replications 2 --threads 1 -q ";

void write(const std::string &path, const std::string &text) {
  std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("an output never replaces a pipe, a folder, a link or an input", "[cli][outputs]") {
  const std::string dir = temp_path("guard");
  fs::remove_all(dir);
  fs::create_directories(dir);
  SECTION("a FIFO") {
    const std::string fifo = dir + "/fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto r = run_corsim(simulate + "--trace " + fifo);
    CHECK(r.code == 2);
    CHECK(r.err.find("--trace: is not a regular file") != std::string::npos);
    struct stat info {};
    REQUIRE(::lstat(fifo.c_str(), &info) == 0);
    CHECK(S_ISFIFO(info.st_mode)); // still the pipe
  }
  SECTION("a folder, and a file in a folder that does not exist") {
    CHECK(run_corsim(simulate + "--trace " + dir).code == 2);
    const auto r = run_corsim(simulate + "--trace " + dir + "/no/such/trace.csv");
    CHECK(r.code == 2);
    CHECK(r.err.find("does not exist") != std::string::npos);
  }
  SECTION("a symbolic link") {
    write(dir + "/real.csv", "mine");
    fs::create_symlink(dir + "/real.csv", dir + "/link.csv");
    CHECK(run_corsim(simulate + "--trace " + dir + "/link.csv").code == 2);
    CHECK(slurp(dir + "/real.csv") == "mine");
  }
  SECTION("the corridor file itself, by any name") {
    fs::copy_file("corridors/teaching.yaml", dir + "/c.yaml");
    const std::string before = slurp(dir + "/c.yaml");
    const std::string run = "simulate " + dir + "/c.yaml --days 30 --warmup 0 -q ";
    auto r =
        run_corsim(run + "--trace " + dir + "/../" + fs::path(dir).filename().string() + "/c.yaml");
    CHECK(r.code == 2);
    CHECK(r.err.find("is one of the input files") != std::string::npos);
    fs::create_hard_link(dir + "/c.yaml", dir + "/hard.yaml");
    CHECK(run_corsim(run + "--trace " + dir + "/hard.yaml").code == 2);
    CHECK(run_corsim("export " + dir + "/c.yaml --geojson " + dir + "/c.yaml").code == 2);
    CHECK(slurp(dir + "/c.yaml") == before);
  }
  SECTION("two outputs naming one file") {
    const auto r =
        run_corsim("export corridors/teaching.yaml --geojson " + dir + "/x --dot " + dir + "/./x");
    CHECK(r.code == 2);
    CHECK(r.err.find("names the same file as --geojson") != std::string::npos);
    CHECK(!fs::exists(dir + "/x"));
    const auto t = run_corsim(simulate + "--out " + dir + "/o --trace " + dir + "/o/report.html");
    CHECK(t.code == 2);
    CHECK(!fs::exists(dir + "/o/summary.json"));
  }
  fs::remove_all(dir);
}

TEST_CASE("an --out folder belongs to one run at a time", "[cli][outputs]") {
  const std::string dir = temp_path("locked");
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Hold the folder's lock as another corsim run would.
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  const auto r = run_corsim(simulate + "--out " + dir);
  CHECK(r.code == 2);
  CHECK(r.err.find("another corsim run is writing into this folder") != std::string::npos);
  CHECK(!fs::exists(dir + "/summary.json"));
  ::close(fd); // released: now the run goes ahead
  CHECK(run_corsim(simulate + "--out " + dir).code == 0);
  CHECK(fs::exists(dir + "/summary.json"));
  fs::remove_all(dir);
}

TEST_CASE("kept replications are taken only when they verify", "[cli][resume]") {
  using corsim::cli::DiskStore;
  const std::string dir = temp_path("kept");
  fs::remove_all(dir);
  {
    DiskStore store(dir, "scenario A", false);
    store.save(1, "first");
    store.save(2, std::string("se\0cond", 7));
    store.save(3, "third");
    store.save(4, "fourth");
  }
  DiskStore other(dir + "-other", "scenario B", false);
  other.save(5, "fifth");
  // r2: one bit flipped; r3: cut short; r4: another replication's file; r5: another run's.
  std::string two = slurp(dir + "/r2.bin");
  two.back() ^= 1;
  write(dir + "/r2.bin", two);
  const std::string three = slurp(dir + "/r3.bin");
  write(dir + "/r3.bin", three.substr(0, three.size() - 2));
  fs::copy_file(dir + "/r1.bin", dir + "/r4.bin", fs::copy_options::overwrite_existing);
  fs::copy_file(dir + "-other/r5.bin", dir + "/r5.bin");

  DiskStore resumed(dir, "scenario A", true);
  CHECK(resumed.load(1) == std::optional<std::string>("first"));
  for (int r : {2, 3, 4, 5, 6})
    CHECK(!resumed.load(r));
  CHECK(resumed.loaded() == 1);
  CHECK(resumed.rejected() ==
        std::vector<std::string>{"r2.bin (checksum does not match: damaged)",
                                 "r3.bin (length does not match: cut short?)",
                                 "r4.bin (holds another replication)",
                                 "r5.bin (written by another run or another version of corsim)"});
  CHECK_THROWS(DiskStore(dir, "scenario B", true)); // the folder is scenario A's
  fs::remove_all(dir);
  fs::remove_all(dir + "-other");
}
