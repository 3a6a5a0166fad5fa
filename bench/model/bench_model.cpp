// Corridor simulation benchmark: one simulated year (plus 30 days of warm-up) of a corridor at
// its own demand and at 2x, 4x and 8x that demand, one replication at a time on one thread.
// Prints a Markdown table: CPU seconds per replication (median of the runs), events per second,
// consignments, the cost against linear growth (time(xF) / (F time(x1)), the target is
// at most 1.1) and the peak resident memory of the process after each case; then the growth
// exponent k of time ~ F^k (least squares over the four cases).
// Usage: bench_model [CORRIDOR.yaml ...] [--runs 5]
#include "corsim/io/load.hpp"
#include "corsim/model/simulation.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace {

double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

long peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024; // Linux reports KiB
}

struct Row {
  double seconds = 0.0;
  double events = 0.0;
  double consignments = 0.0;
};

Row run_case(const corsim::Network &net, int runs) {
  std::vector<double> secs;
  Row row;
  for (int r = 0; r < runs; ++r) {
    corsim::model::SimulationOptions o;
    o.horizon = corsim::days(365.0);
    o.warmup = corsim::days(30.0);
    o.seed = 1 + static_cast<std::uint64_t>(r);
    const double t0 = cpu_seconds();
    const auto res = corsim::model::simulate(net, o);
    secs.push_back(cpu_seconds() - t0);
    row.events = static_cast<double>(res.replications[0].events);
    row.consignments = static_cast<double>(res.replications[0].teu.consignments);
  }
  std::sort(secs.begin(), secs.end());
  row.seconds = secs[secs.size() / 2];
  return row;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> files;
  int runs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc)
      runs = std::max(1, std::atoi(argv[++i]));
    else
      files.push_back(a);
  }
  if (files.empty())
    files.push_back("corridors/jilin.yaml");
  std::printf("| corridor | demand | s / replication | vs linear | events | events/s | "
              "consignments | peak RSS MiB |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
  std::vector<std::string> growth;
  for (const std::string &file : files) {
    const corsim::Network base = corsim::io::load_network(file);
    double first = 0.0;
    double sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0; // log F, log time
    int n = 0;
    for (double scale : {1.0, 2.0, 4.0, 8.0}) {
      corsim::Network net = base;
      for (corsim::DemandFlow &f : net.demand)
        f.volume = f.volume * scale;
      const Row row = run_case(net, runs);
      if (scale == 1.0)
        first = row.seconds;
      std::printf("| %s | x%.0f | %.3f | %.2f | %.0f | %.2e | %.0f | %ld |\n", file.c_str(), scale,
                  row.seconds, row.seconds / (scale * first), row.events, row.events / row.seconds,
                  row.consignments, peak_rss_mib());
      std::fflush(stdout);
      const double x = std::log(scale), y = std::log(row.seconds);
      sx += x, sy += y, sxx += x * x, sxy += x * y, ++n;
    }
    const double k = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    growth.push_back(file + ": k = " + std::to_string(k).substr(0, 4));
  }
  std::printf("\nGrowth exponent (time ~ F^k):\n");
  for (const std::string &g : growth)
    std::printf("- %s\n", g.c_str());
  return 0;
}
