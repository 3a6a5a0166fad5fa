#pragma once
// Small pieces of JSON text for commands that stream their JSON output.

#include <string>

namespace corsim::cli {

/// `s` as a JSON string literal, quoted and escaped (invalid UTF-8 replaced, never thrown).
std::string json_string(const std::string &s);
/// `v` as a JSON number with `digits` significant digits.
std::string json_number(double v, int digits = 10);

} // namespace corsim::cli
