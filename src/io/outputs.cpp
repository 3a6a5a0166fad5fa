// write_outputs: the files of --out DIR, each written atomically into the folder.
#include "corsim/io/outputs.hpp"
#include "outputs_detail.hpp"

#include "corsim/error.hpp"
#include "corsim/io/atomic_file.hpp"
#include "corsim/io/output_target.hpp"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#ifndef CORSIM_VERSION
#error "CORSIM_VERSION must be defined (src/io/CMakeLists.txt passes the project version)"
#endif

namespace corsim::io {

namespace detail {

Json estimate_json(const model::Estimate &e) {
  if (e.n == 0)
    return nullptr;
  return {{"mean", e.mean}, {"half_width", e.half_width}, {"n", e.n}};
}

std::string csv_field(const std::string &text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string out = "\"";
  for (char c : text)
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_number(double v) { return std::isfinite(v) ? fmt::format("{}", v) : ""; }

std::string scenario_name(const std::string &name, std::size_t index) {
  return name.empty() ? fmt::format("scenario {}", index + 1) : name;
}

} // namespace detail

const char *corsim_version() { return CORSIM_VERSION; }

const std::vector<std::string> &output_file_names() {
  static const std::vector<std::string> names{
      "summary.json",           "results.csv",     "facilities_over_time.csv",
      "services_over_time.csv", "network.geojson", "report.html"};
  return names;
}

void prepare_output_dir(const std::string &dir, std::vector<OutputTarget> others,
                        bool warn_unlocked) {
  if (!lock_output_dir(dir) && warn_unlocked)
    std::cerr << "corsim: warning: " << dir
              << ": this file system cannot lock the folder; make sure no other corsim run "
                 "writes into it\n";
  for (const auto &name : output_file_names())
    others.push_back({"--out", (std::filesystem::path(dir) / name).string()});
  check_output_targets(others);
}

void write_outputs(const std::string &dir, const std::vector<ScenarioOutput> &scenarios,
                   const RunRecord &run, const Differences &differences) {
  prepare_output_dir(dir, {}, false);
  // Every text is built before the first file is written, so that an error in a builder
  // leaves no partial set of files behind.
  const std::vector<std::string> texts{summary_json(scenarios, run, differences),
                                       results_csv(scenarios),
                                       facilities_over_time_csv(scenarios),
                                       services_over_time_csv(scenarios),
                                       network_geojson(scenarios),
                                       report_html(scenarios, run, differences)};
  const auto &names = output_file_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    write_file_atomically((std::filesystem::path(dir) / names[i]).string(), texts[i]);
}

} // namespace corsim::io
