#pragma once
/// \file suggest.hpp
/// "Did you mean": the known names closest to an unknown one.

#include <string>
#include <string_view>
#include <vector>

namespace corsim {

/// Edit distance (Levenshtein, case-insensitive for ASCII) between two UTF-8 strings, by code
/// point.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// Up to `max_count` known names closest to `name`, nearest first (ties in the given order),
/// keeping only those within a distance that makes them plausible.
std::vector<std::string> closest_names(std::string_view name, const std::vector<std::string> &known,
                                       std::size_t max_count = 3);
/// " (did you mean 'a', 'b'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string> &known);

} // namespace corsim
