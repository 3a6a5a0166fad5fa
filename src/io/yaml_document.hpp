#pragma once
// Reading a YAML file within limits: size, nesting depth and alias expansion.

#include "yaml_reader.hpp"

#include <map>
#include <string>

namespace corsim::io {

/// The whole text of a regular file of at most `max_bytes`, or nullopt and the reason why not
/// (missing, a directory, a pipe or device, too large, unreadable). Never blocks on a pipe.
std::optional<std::string> read_regular_file(const std::string &path, std::size_t max_bytes,
                                             std::string &why);

/// Texts of the files already read, by path: the variants of a scenario read each file once.
using FileTexts = std::map<std::string, std::string>;

/// The root node of the file at `path`, or nullopt after reporting why it cannot be used
/// (missing, unreadable, too large, empty, YAML syntax error, too deep, alias bomb). With
/// `texts`, a file read before is parsed from its text there, and a file read now is kept.
std::optional<YAML::Node> read_yaml_file(Diagnostics &diag, const std::string &path,
                                         const LoadLimits &limits, FileTexts *texts = nullptr);

/// The root node of a YAML text, checked as read_yaml_file checks a file's text; errors are
/// reported against diag.file().
std::optional<YAML::Node> parse_yaml_text(Diagnostics &diag, const std::string &text,
                                          const LoadLimits &limits);

} // namespace corsim::io
