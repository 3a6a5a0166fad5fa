#include "yaml_reader.hpp"

#include "corsim/text.hpp"

#include <cstdio>
#include <utility>

#include "corsim/suggest.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace corsim::io {

std::string Diagnostic::text() const {
  return format_diagnostic(pos, (severity == Severity::Warning ? "warning: " : "") + message);
}

SourcePos Diagnostics::pos(const YAML::Mark &mark) const {
  // yaml-cpp counts lines and columns from 0.
  if (mark.line < 0)
    return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

SourcePos Diagnostics::pos(const YAML::Node &node, std::size_t offset) const {
  SourcePos p = pos(node.Mark());
  for (const auto &[other, at] : elsewhere_)
    if (other.is(node))
      p = at;
  if (p.line > 0)
    p.column += static_cast<int>(offset);
  return p;
}

void Diagnostics::attribute(const YAML::Node &node, SourcePos at) {
  elsewhere_.emplace_back(node, std::move(at));
}

void Diagnostics::attribute_tree(const YAML::Node &tree, const std::string &file) {
  const YAML::Mark m = tree.Mark();
  attribute(tree, m.line < 0 ? SourcePos{file, 0, 0} : SourcePos{file, m.line + 1, m.column + 1});
  if (tree.IsMap())
    for (const auto &entry : tree) {
      attribute_tree(entry.first, file);
      attribute_tree(entry.second, file);
    }
  else if (tree.IsSequence())
    for (const auto &item : tree)
      attribute_tree(item, file);
}

void Diagnostics::error(const SourcePos &pos, std::string message) {
  if (full()) {
    ++dropped_;
    return;
  }
  ++errors_;
  list_.push_back({Severity::Error, pos, std::move(message)});
}

void Diagnostics::warning(const SourcePos &pos, std::string message) {
  list_.push_back({Severity::Warning, pos, std::move(message)});
}

bool Diagnostics::has_errors() const { return errors_ > 0; }

std::vector<Diagnostic> Diagnostics::take() {
  std::stable_sort(list_.begin(), list_.end(), [](const Diagnostic &a, const Diagnostic &b) {
    return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
  });
  if (dropped_ > 0)
    list_.push_back(
        {Severity::Error, SourcePos{file_, 0, 0},
         "and " + std::to_string(dropped_) + " more errors, not shown: mend these first"});
  errors_ = dropped_ = 0;
  return std::exchange(list_, {});
}

std::size_t content_offset(const YAML::Node &scalar) {
  // yaml-cpp tags quoted scalars "!" and plain ones "?": a quote adds one column.
  return scalar.Tag() == "!" ? 1 : 0;
}

std::optional<std::string> scalar_text(Diagnostics &diag, const YAML::Node &node,
                                       const std::string &what) {
  if (!node.IsScalar()) {
    diag.error(node, what + " must be a single value, not a " +
                         (node.IsSequence() ? "list"
                          : node.IsMap()    ? "map"
                                            : "null value"));
    return std::nullopt;
  }
  const std::string &text = node.Scalar();
  if (const auto bad = invalid_utf8_at(text); bad != std::string::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    diag.error(node, what + " is not UTF-8 text (byte " + byte + " at offset " +
                         std::to_string(bad) + "); save the file as UTF-8");
    return std::nullopt;
  }
  if (blank(text)) {
    diag.error(node, what + (text.empty() ? " is empty" : " is blank: " + in_quotes(text)) +
                         "; give a value or leave the key out");
    return std::nullopt;
  }
  if (padded(text)) {
    diag.error(node, what + " " + in_quotes(text) +
                         " begins or ends with a space or an invisible character");
    return std::nullopt;
  }
  return text;
}

std::optional<double> scalar_quantity(Diagnostics &diag, const YAML::Node &node, Dimension d,
                                      Sign sign, const std::string &what) {
  auto text = scalar_text(diag, node, what);
  if (!text)
    return std::nullopt;
  auto parsed = parse_quantity(*text, d);
  if (auto *f = std::get_if<ParseFailure>(&parsed)) {
    diag.error(diag.pos(node, content_offset(node) + f->offset), what + ": " + f->message);
    return std::nullopt;
  }
  const double v = std::get<double>(parsed);
  if ((sign == Sign::Positive && v <= 0) || (sign == Sign::NonNegative && v < 0)) {
    diag.error(node, what + " must be " + (sign == Sign::Positive ? "positive" : "non-negative") +
                         ", not " + in_quotes(*text));
    return std::nullopt;
  }
  return v;
}

std::optional<std::size_t> scalar_choice(Diagnostics &diag, const YAML::Node &node,
                                         const std::vector<std::string> &choices,
                                         const std::string &what) {
  auto text = scalar_text(diag, node, what);
  if (!text)
    return std::nullopt;
  auto it = std::find(choices.begin(), choices.end(), *text);
  if (it != choices.end())
    return static_cast<std::size_t>(it - choices.begin());
  std::string list;
  for (const auto &c : choices)
    list += (list.empty() ? "" : ", ") + c;
  const std::string hint = did_you_mean(*text, choices);
  diag.error(node, what + ": unknown value " + in_quotes(*text) +
                       (hint.empty() ? " (expected one of " + list + ")" : hint));
  return std::nullopt;
}

MapReader::MapReader(Diagnostics &diag, const YAML::Node &map, std::string what,
                     std::initializer_list<const char *> known_keys)
    : MapReader(diag, map, std::move(what),
                std::vector<std::string>(known_keys.begin(), known_keys.end())) {}

MapReader::MapReader(Diagnostics &diag, const YAML::Node &map, std::string what,
                     const std::vector<std::string> &known)
    : diag_(diag), map_(map), what_(std::move(what)) {
  if (!map.IsMap()) {
    diag.error(map, what_ + " must be a map of keys and values");
    valid_ = false;
    return;
  }
  std::vector<std::string> seen; // a handful of keys: a vector is enough
  for (const auto &entry : map) {
    const YAML::Node &key = entry.first;
    if (!key.IsScalar()) {
      diag.error(key, "keys of " + what_ + " must be plain names");
      continue;
    }
    // yaml-cpp keeps both entries and lookups find the first: say so instead of guessing.
    if (std::find(seen.begin(), seen.end(), key.Scalar()) != seen.end())
      diag.error(key, "duplicate key " + in_quotes(key.Scalar()) + " in " + what_);
    seen.push_back(key.Scalar());
    if (std::find(known.begin(), known.end(), key.Scalar()) == known.end())
      diag.error(key, "unknown key " + in_quotes(key.Scalar()) + " in " + what_ +
                          did_you_mean(key.Scalar(), known));
  }
}

bool MapReader::has(const char *key) const {
  // Read through a const reference: yaml-cpp's non-const operator[] may add the key.
  const YAML::Node &m = map_;
  return valid_ && m[key].IsDefined();
}

YAML::Node MapReader::node(const char *key) const {
  const YAML::Node &m = map_;
  return valid_ ? m[key] : YAML::Node();
}

void MapReader::missing(const char *key) {
  diag_.error(map_, "missing required key '" + std::string(key) + "' in " + what_);
}

std::optional<std::string> MapReader::text(const char *key, bool required) {
  if (!has(key)) {
    if (required && valid_)
      missing(key);
    return std::nullopt;
  }
  return scalar_text(diag_, node(key), "'" + std::string(key) + "'");
}

std::optional<double> MapReader::quantity(const char *key, Dimension d, Sign sign, bool required) {
  if (!has(key)) {
    if (required && valid_)
      missing(key);
    return std::nullopt;
  }
  return scalar_quantity(diag_, node(key), d, sign, "'" + std::string(key) + "'");
}

std::optional<DistributionSpec> MapReader::distribution(const char *key, Dimension d,
                                                        bool required) {
  if (!has(key)) {
    if (required && valid_)
      missing(key);
    return std::nullopt;
  }
  const YAML::Node n = node(key);
  auto text_value = scalar_text(diag_, n, "'" + std::string(key) + "'");
  if (!text_value)
    return std::nullopt;
  auto parsed = parse_distribution(*text_value, d);
  if (auto *f = std::get_if<ParseFailure>(&parsed)) {
    diag_.error(diag_.pos(n, content_offset(n) + f->offset),
                "'" + std::string(key) + "': " + f->message);
    return std::nullopt;
  }
  return std::get<DistributionSpec>(parsed);
}

std::optional<int> MapReader::integer(const char *key, int min, int max, bool required) {
  auto v = quantity(key, Dimension::Count, Sign::Any, required);
  if (!v)
    return std::nullopt;
  if (*v != std::floor(*v) || *v < min || *v > max) {
    diag_.error(node(key), "'" + std::string(key) + "' must be a whole number from " +
                               std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

std::optional<bool> MapReader::boolean(const char *key) {
  auto t = text(key, false);
  if (!t)
    return std::nullopt;
  if (*t == "true" || *t == "yes")
    return true;
  if (*t == "false" || *t == "no")
    return false;
  diag_.error(node(key), "'" + std::string(key) + "' must be true or false, not " + in_quotes(*t));
  return std::nullopt;
}

std::optional<std::size_t>
MapReader::choice(const char *key, const std::vector<std::string> &choices, bool required) {
  if (!has(key)) {
    if (required && valid_)
      missing(key);
    return std::nullopt;
  }
  return scalar_choice(diag_, node(key), choices, "'" + std::string(key) + "'");
}

} // namespace corsim::io
