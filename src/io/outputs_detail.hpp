#pragma once
// Helpers shared by the output builders (outputs_*.cpp, report_*.cpp); not for other callers.

#include "corsim/model/results.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace corsim::io::detail {

using Json = nlohmann::ordered_json; // keeps keys in the documented order

/// {mean, half_width, n}; null when no replication gave a value (n = 0).
Json estimate_json(const model::Estimate &e);
/// A CSV field, quoted when it holds a comma, a quote or a line break (ids come from users).
std::string csv_field(const std::string &text);
/// A number for CSV: shortest text that reads back the same; empty for NaN and infinities.
std::string csv_number(double v);
/// The line for one scenario's results: its name, else "scenario N" (1-based).
std::string scenario_name(const std::string &name, std::size_t index);

} // namespace corsim::io::detail
