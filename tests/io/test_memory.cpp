// Memory stays flat over long horizons: statistics are streamed (tallies, P² quantiles,
// histograms with a fixed number of bins), bookings of departures long gone are dropped,
// and only the weekly time series grows, by a few bytes a week.
#include <catch2/catch.hpp>

#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

/// Peak resident memory, in KiB, of `corsim ARGS` run from the source folder.
long peak_kib(const std::string &args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::chdir(CORSIM_SOURCE_DIR) != 0)
      ::_exit(99);
    const std::string cmd =
        std::string("exec '") + CORSIM_BINARY_DIR + "/corsim' " + args + " >/dev/null";
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), nullptr);
    ::_exit(98);
  }
  int status = 0;
  rusage usage{};
  REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return usage.ru_maxrss;
}

} // namespace

TEST_CASE("Memory stays flat from a 10-year to a 100-year horizon", "[cli][limits][memory]") {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine: its peak grows with the allocations
  // made, not with what is live. The plain build (scripts/test) measures this.
  WARN("skipped under AddressSanitizer");
  return;
#endif
  const std::string run = "-q simulate corridors/teaching.yaml --replications 1 --threads 1 "
                          "--warmup 30 --format json --days ";
  const long ten = peak_kib(run + "3650");
  const long hundred = peak_kib(run + "36500");
  INFO("peak memory: 10 years " << ten << " KiB, 100 years " << hundred << " KiB");
  // Ten times the simulated time, at most a quarter more memory (the weekly series: 4,700
  // more weeks of a few doubles per facility and service).
  CHECK(hundred < ten + ten / 4);
}
