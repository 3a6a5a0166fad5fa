// Bookings files: one consignment per CSV line (ready time, TEU, optional due time), read at
// load time so that the model does no file I/O. Errors carry the CSV file's line and column.
#include "load_context.hpp"
#include "yaml_document.hpp"

#include "corsim/suggest.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace corsim::io {

namespace {

const std::vector<std::string> column_names = {"ready", "teu", "due"};

struct Field {
  std::string text;
  int column = 1; ///< 1-based, of the first character after leading spaces
};

std::vector<Field> split(const std::string &line) {
  std::vector<Field> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    const std::size_t end = comma == std::string::npos ? line.size() : comma;
    std::size_t a = start, b = end;
    while (a < b && (line[a] == ' ' || line[a] == '\t'))
      ++a;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t' || line[b - 1] == '\r'))
      --b;
    out.push_back({line.substr(a, b - a), static_cast<int>(a) + 1});
    if (comma == std::string::npos)
      return out;
    start = comma + 1;
  }
}

/// A plain number.
std::optional<double> number(const std::string &s) {
  double v = 0.0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc{} || r.ptr != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

/// "YYYY-MM-DD", "YYYY-MM-DD HH:MM" (or with 'T'), or hours from the epoch ("36", "36 h", "2 d").
std::optional<double> instant(const std::string &s, CivilDate epoch) {
  if (auto t = try_parse_date_time(s, epoch))
    return t->value();
  if (auto v = number(s))
    return v;
  auto q = parse_quantity(s, Dimension::Duration);
  if (auto *v = std::get_if<double>(&q))
    return *v;
  return std::nullopt;
}

std::optional<double> teu(const std::string &s) {
  if (auto v = number(s))
    return v;
  auto q = parse_quantity(s, Dimension::Volume);
  if (auto *v = std::get_if<double>(&q))
    return *v;
  return std::nullopt;
}

struct CsvReader {
  Diagnostics &diag;
  std::string path;
  CivilDate epoch;
  std::size_t max_rows;
  int col[3] = {-1, -1, -1}; ///< field index of ready, teu, due

  void error(int line, int column, std::string message) {
    diag.error(SourcePos{path, line, column}, std::move(message));
  }

  bool header(const std::vector<Field> &fields, int line) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto it = std::find(column_names.begin(), column_names.end(), fields[i].text);
      if (it == column_names.end()) {
        error(line, fields[i].column,
              "unknown column '" + fields[i].text + "'" +
                  did_you_mean(fields[i].text, column_names) +
                  " (the columns are ready, teu and optionally due)");
        return false;
      }
      col[it - column_names.begin()] = static_cast<int>(i);
    }
    for (int c = 0; c < 2; ++c)
      if (col[c] < 0) {
        error(line, 1, "missing column '" + column_names[static_cast<std::size_t>(c)] + "'");
        return false;
      }
    return true;
  }

  std::optional<Booking> row(const std::vector<Field> &fields, int line, std::size_t width) {
    if (fields.size() != width) {
      error(line, 1,
            "expected " + std::to_string(width) + " fields, found " +
                std::to_string(fields.size()));
      return std::nullopt;
    }
    const Field &r = fields[static_cast<std::size_t>(col[0])];
    const Field &t = fields[static_cast<std::size_t>(col[1])];
    Booking b;
    const auto ready = instant(r.text, epoch);
    if (!ready || *ready < 0.0) {
      error(line, r.column,
            ready ? "ready time '" + r.text + "' is before the epoch"
                  : "cannot read the ready time '" + r.text +
                        "' (expected 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or hours from the epoch)");
      return std::nullopt;
    }
    b.ready = Hours(*ready);
    const auto size = teu(t.text);
    if (!size || !(*size > 0.0)) {
      error(line, t.column,
            "TEU must be a positive number ('2', '2 TEU', '1 FEU'), not '" + t.text + "'");
      return std::nullopt;
    }
    b.teu = Teu(*size);
    if (col[2] >= 0 && !fields[static_cast<std::size_t>(col[2])].text.empty()) {
      const Field &d = fields[static_cast<std::size_t>(col[2])];
      const auto due = instant(d.text, epoch);
      if (!due || !(*due > *ready)) {
        error(line, d.column,
              due ? "due time '" + d.text + "' is not after the ready time"
                  : "cannot read the due time '" + d.text + "'");
        return std::nullopt;
      }
      b.due = Hours(*due);
    }
    return b;
  }
};

std::optional<std::string> read_file(Diagnostics &diag, const YAML::Node &at,
                                     const std::string &path, std::size_t max_bytes) {
  std::string why;
  auto text = read_regular_file(path, max_bytes, why);
  if (!text)
    diag.error(at, "bookings file '" + path + "': " + why);
  return text;
}

} // namespace

std::vector<Booking> read_bookings(LoadContext &ctx, const YAML::Node &at,
                                   const std::string &path) {
  const auto text = read_file(ctx.diag, at, path, ctx.limits.max_file_bytes);
  if (!text)
    return {};
  CsvReader csv{ctx.diag, path, ctx.net.settings.epoch, ctx.limits.max_entities};
  std::istringstream in(*text);
  std::vector<Booking> out;
  std::size_t width = 0;
  int line_no = 0;
  bool bad_rows = false;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#')
      continue;
    const auto fields = split(line);
    if (width == 0) {
      if (!csv.header(fields, line_no))
        return {};
      width = fields.size();
      continue;
    }
    if (out.size() == csv.max_rows) {
      csv.error(line_no, 1, "too many bookings, the limit is " + std::to_string(csv.max_rows));
      return {};
    }
    if (auto b = csv.row(fields, line_no, width))
      out.push_back(*b);
    else
      bad_rows = true;
  }
  if (width == 0)
    csv.error(1, 1, "no header line (expected 'ready,teu' or 'ready,teu,due')");
  else if (out.empty() && !bad_rows)
    csv.error(line_no, 1, "no bookings after the header");
  std::stable_sort(out.begin(), out.end(),
                   [](const Booking &a, const Booking &b) { return a.ready < b.ready; });
  return out;
}

} // namespace corsim::io
