// Bookings files: one consignment per CSV line (ready time, TEU, optional due time), read at
// load time so that the model does no file I/O. Errors carry the CSV file's line and column.
#include "load_context.hpp"
#include "yaml_document.hpp"

#include "corsim/suggest.hpp"
#include "corsim/text.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <variant>

namespace corsim::io {

namespace {

const std::vector<std::string> column_names = {"ready", "teu", "due"};
/// The longest run (36525 days, the limit of --days and run.days): no later time matters.
constexpr double max_hours_after_epoch = 876'600.0;

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

/// A time or a size in a bookings file, or why it cannot be read.
using Read = std::variant<double, std::string>;

/// "YYYY-MM-DD", "YYYY-MM-DD HH:MM" (or with 'T'), or hours from the epoch ("36", "36 h",
/// "2 d"), at most a run's longest horizon after the epoch (so that a time always fits the
/// engine's clock).
Read instant(const std::string &s, CivilDate epoch) {
  double hours = 0.0;
  if (auto t = try_parse_date_time(s, epoch))
    hours = t->value();
  else if (auto v = number(s))
    hours = *v;
  else if (auto q = parse_quantity(s, Dimension::Duration); std::holds_alternative<double>(q))
    hours = std::get<double>(q);
  else if (s.size() > 4 && s[4] == '-')
    return ""; // a date that is not one: the general message says what is expected
  else
    return std::get<ParseFailure>(q).message;
  if (hours > max_hours_after_epoch)
    return "more than " + std::to_string(static_cast<int>(max_hours_after_epoch / 24)) +
           " days after the epoch";
  return hours;
}

/// A consignment's size: "2", "2 TEU", "1 FEU", within the plausible range of a volume.
Read teu(const std::string &s) {
  auto q = parse_quantity(number(s) ? s + " TEU" : s, Dimension::Volume);
  if (auto *v = std::get_if<double>(&q))
    return *v;
  return std::get<ParseFailure>(q).message;
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
      if (it != column_names.end() && col[it - column_names.begin()] >= 0) {
        error(line, fields[i].column, "column " + in_quotes(fields[i].text) + " appears twice");
        return false;
      }
      if (it == column_names.end()) {
        error(line, fields[i].column,
              "unknown column " + in_quotes(fields[i].text) +
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
    const Read ready = instant(r.text, epoch);
    if (const auto *why = std::get_if<std::string>(&ready)) {
      error(line, r.column,
            "cannot read the ready time " + in_quotes(r.text) + (why->empty() ? "" : ": " + *why) +
                " (expected 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or hours from the epoch)");
      return std::nullopt;
    }
    if (std::get<double>(ready) < 0.0) {
      error(line, r.column, "ready time " + in_quotes(r.text) + " is before the epoch");
      return std::nullopt;
    }
    b.ready = Hours(std::get<double>(ready));
    const Read size = teu(t.text);
    if (const auto *why = std::get_if<std::string>(&size)) {
      error(line, t.column, "TEU: " + *why + " ('2', '2 TEU', '1 FEU')");
      return std::nullopt;
    }
    if (!(std::get<double>(size) > 0.0)) {
      error(line, t.column,
            "TEU must be a positive number ('2', '2 TEU', '1 FEU'), not " + in_quotes(t.text));
      return std::nullopt;
    }
    b.teu = Teu(std::get<double>(size));
    if (col[2] >= 0 && !fields[static_cast<std::size_t>(col[2])].text.empty()) {
      const Field &d = fields[static_cast<std::size_t>(col[2])];
      const Read due = instant(d.text, epoch);
      if (const auto *why = std::get_if<std::string>(&due)) {
        error(line, d.column,
              "cannot read the due time " + in_quotes(d.text) + (why->empty() ? "" : ": " + *why));
        return std::nullopt;
      }
      if (!(std::get<double>(due) > b.ready.value())) {
        error(line, d.column, "due time " + in_quotes(d.text) + " is not after the ready time");
        return std::nullopt;
      }
      b.due = Hours(std::get<double>(due));
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
