// SIGINT and SIGTERM during a long run: finished replications stay on disk, the tool exits
// 130, and --resume goes on to the same results as an uninterrupted run.
#include "run_corsim.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using corsim::test::run_corsim;
using corsim::test::slurp;
using corsim::test::temp_path;
namespace fs = std::filesystem;

namespace {

const char *args = "simulate corridors/teaching.yaml --days 500 --warmup 0 --replications 30 "
                   "--threads 1 --format json -q";

/// Starts corsim with `args` (from the source folder), its stdout to `out`; returns its pid.
pid_t start(const std::string &extra, const std::string &out) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(CORSIM_SOURCE_DIR) != 0)
      ::_exit(99);
    const std::string cmd = std::string("exec '") + CORSIM_BINARY_DIR + "/corsim' " + args + " " +
                            extra + " >'" + out + "' 2>/dev/null";
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), nullptr);
    ::_exit(98);
  }
  return pid;
}

std::size_t kept(const std::string &dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto &e : fs::directory_iterator(dir, ec))
    n += e.path().extension() == ".bin";
  return n;
}

} // namespace

TEST_CASE("SIGINT and SIGTERM keep finished replications and resuming gives the same results",
          "[cli][interrupt]") {
  for (int signal : {SIGINT, SIGTERM}) {
    INFO("signal " << signal);
    const std::string out = temp_path("interrupted-" + std::to_string(signal));
    fs::remove_all(out);
    const std::string stdout_file = out + ".stdout";
    const pid_t pid = start("--out " + out, stdout_file);
    const std::string kept_dir = out + "/replications/run";
    // Wait for two replications to be on disk (a few seconds at most), then interrupt.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (kept(kept_dir) < 2 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(kept(kept_dir) >= 2);
    ::kill(pid, signal);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    const std::size_t finished = kept(kept_dir);
    CHECK(finished < 30);                      // it stopped early ...
    CHECK(slurp(stdout_file).empty());         // ... printing no results
    CHECK(!fs::exists(out + "/summary.json")); // and writing none
    // No half-written replication: every file kept reads back (the resumed run uses them).
    const auto resumed = run_corsim(std::string(args) + " --out " + out + " --resume");
    REQUIRE(resumed.code == 0);
    CHECK(resumed.err.empty()); // -q: not even the note of what was reused
    const auto fresh = run_corsim(args);
    REQUIRE(fresh.code == 0);
    CHECK(resumed.out == fresh.out);
    CHECK(!fs::exists(out + "/replications")); // discarded once the results are written
    fs::remove_all(out);
    fs::remove(stdout_file);
  }
}

TEST_CASE("Resuming refuses the replications of another scenario", "[cli][interrupt]") {
  const std::string out = temp_path("resume-other");
  fs::remove_all(out + "/replications/run");
  fs::create_directories(out + "/replications/run");
  std::ofstream(out + "/replications/run/scenario.yaml") << "scenario: something else\n";
  const auto r = run_corsim(std::string(args) + " --out " + out + " --resume");
  CHECK(r.code == 2);
  CHECK(r.err.find("of another scenario") != std::string::npos);
  fs::remove_all(out);
}
