// The readable text form of distributions: "triangular(6 h, 8 h, 12 h)", "normal(8 h, 2 h, min 0
// h)".
#include "corsim/distribution.hpp"
#include "corsim/parse.hpp"
#include "corsim/text.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

namespace corsim {

bool truncation_keeps_enough_mass(const DistributionSpec &d); // distribution.cpp

namespace {

struct KindInfo {
  DistributionKind kind;
  const char *name;
  int arity;         ///< number of positional parameters; -1 = one or more
  int shape_params;  ///< leading parameters that are plain numbers (shapes)
  const char *usage; ///< for messages
};

constexpr std::array<KindInfo, 9> kinds = {{
    {DistributionKind::Uniform, "uniform", 2, 0, "uniform(min, max)"},
    {DistributionKind::Triangular, "triangular", 3, 0, "triangular(min, mode, max)"},
    {DistributionKind::Exponential, "exponential", 1, 0, "exponential(mean)"},
    {DistributionKind::Normal, "normal", 2, 0, "normal(mean, sd[, min X][, max Y])"},
    {DistributionKind::Lognormal, "lognormal", 2, 0, "lognormal(mean, sd[, min X][, max Y])"},
    {DistributionKind::Gamma, "gamma", 2, 1, "gamma(shape, scale)"},
    {DistributionKind::Erlang, "erlang", 2, 1, "erlang(phases, scale)"},
    {DistributionKind::Weibull, "weibull", 2, 1, "weibull(shape, scale)"},
    {DistributionKind::Empirical, "empirical", -1, 0, "empirical(v1, v2, ...)"},
}};

struct Argument {
  std::string_view text;
  std::size_t offset;
};

/// Splits "a, b, c" (the text between the parentheses) at commas.
std::vector<Argument> split_arguments(std::string_view inner, std::size_t inner_offset) {
  std::vector<Argument> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= inner.size(); ++i) {
    if (i == inner.size() || inner[i] == ',') {
      out.push_back({inner.substr(begin, i - begin), inner_offset + begin});
      begin = i + 1;
    }
  }
  return out;
}

ParseFailure shifted(ParseFailure f, std::size_t by) {
  f.offset += by;
  return f;
}

std::string number_text(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.')
    s.pop_back();
  return s;
}

/// Sense checks of the parameters of a parsed distribution; empty string when fine.
std::string check_parameters(const DistributionSpec &d) {
  const auto &p = d.params;
  for (double v : p)
    if (v < 0)
      return "parameters must not be negative (got " + number_text(v) + ")";
  switch (d.kind) {
  case DistributionKind::Uniform:
    return p[0] <= p[1] ? "" : "uniform needs min <= max";
  case DistributionKind::Triangular:
    return (p[0] <= p[1] && p[1] <= p[2] && p[0] < p[2]) ? ""
                                                         : "triangular needs min <= mode <= max "
                                                           "and min < max";
  case DistributionKind::Exponential:
    return p[0] > 0 ? "" : "the mean of an exponential must be positive";
  case DistributionKind::Normal:
  case DistributionKind::Lognormal:
    if (p[1] <= 0)
      return "the standard deviation must be positive";
    if (d.kind == DistributionKind::Lognormal && p[0] <= 0)
      return "the mean of a lognormal must be positive";
    if (d.min && d.max && !(*d.min < *d.max))
      return "the truncation needs min < max";
    if (!truncation_keeps_enough_mass(d))
      return "the truncation bounds leave almost no probability (less than 1e-6)";
    return "";
  case DistributionKind::Erlang:
    if (p[0] != std::floor(p[0]) || p[0] < 1 || p[0] > 1000)
      return "the number of phases of an Erlang must be a whole number from 1 to 1000";
    [[fallthrough]];
  case DistributionKind::Gamma:
  case DistributionKind::Weibull:
    return (p[0] > 0 && p[1] > 0 && p[0] <= 1e6) ? "" : "shape and scale must be positive";
  default:
    return "";
  }
}

/// Limits on what a distribution produces, not only on its parameters: a heavy tail
/// (weibull(0.05, 1 h) has a mean of 2e18 h) would otherwise stall a run, or deliver nothing
/// and say nothing. The mean and the standard deviation must be within the quantity's range.
std::string check_produced(const DistributionSpec &d, Dimension dim) {
  const double mean = d.mean();
  const double sd = std::sqrt(std::max(0.0, d.second_moment() - mean * mean));
  const std::string units = accepted_units(dim);
  const std::string base = units.substr(0, units.find(','));
  for (const auto &[what, v] :
       {std::pair<const char *, double>{"mean", mean}, {"standard deviation", sd}}) {
    const std::string problem = std::isfinite(v) ? range_problem(v, dim) : "out of range";
    if (problem.rfind("out of range", 0) == 0) {
      char value[32];
      std::snprintf(value, sizeof value, "%.3g", v);
      return std::string("its ") + what + ", " + value + " " + base + ", is " + problem +
             "; a tail this heavy is not a plausible " + to_string(dim);
    }
  }
  return "";
}

/// The kind named before the parenthesis, or a failure listing the known kinds.
Parsed<const KindInfo *> find_kind(std::string_view text, std::size_t open,
                                   std::size_t &name_begin) {
  name_begin = text.find_first_not_of(" \t");
  std::string name(text.substr(name_begin, open - name_begin));
  while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
    name.pop_back();
  for (const auto &k : kinds)
    if (name == k.name)
      return &k;
  std::string known;
  for (const auto &k : kinds)
    known.append(known.empty() ? "" : ", ").append(k.name);
  return ParseFailure{"unknown distribution " + in_quotes(name) + " (known: " + known + ")",
                      name_begin};
}

/// Adds one argument: a parameter, or a `min X` / `max X` truncation after the parameters.
std::optional<ParseFailure> add_argument(DistributionSpec &spec, const KindInfo &info,
                                         const Argument &arg, Dimension dim) {
  const std::string_view t = arg.text;
  const std::size_t skip = t.find_first_not_of(" \t");
  const bool is_min = skip != std::string_view::npos && t.substr(skip).starts_with("min ");
  const bool is_max = skip != std::string_view::npos && t.substr(skip).starts_with("max ");
  if (is_min || is_max) {
    if (info.kind != DistributionKind::Normal && info.kind != DistributionKind::Lognormal)
      return ParseFailure{"only normal and lognormal distributions take min/max truncation",
                          arg.offset + skip};
    auto v = parse_quantity(t.substr(skip + 4), dim);
    if (auto *f = std::get_if<ParseFailure>(&v))
      return shifted(*f, arg.offset + skip + 4);
    (is_min ? spec.min : spec.max) = std::get<double>(v);
    return std::nullopt;
  }
  if (spec.min || spec.max)
    return ParseFailure{"min/max must come after the parameters", arg.offset};
  const bool shape = static_cast<int>(spec.params.size()) < info.shape_params;
  auto v = parse_quantity(t, shape ? Dimension::Count : dim);
  if (auto *f = std::get_if<ParseFailure>(&v))
    return shifted(*f, arg.offset);
  spec.params.push_back(std::get<double>(v));
  return std::nullopt;
}

Parsed<DistributionSpec> parse_fixed(std::string_view text, Dimension dim) {
  auto value = parse_quantity(text, dim);
  if (auto *f = std::get_if<ParseFailure>(&value))
    return *f;
  if (std::get<double>(value) < 0)
    return ParseFailure{"must not be negative", 0};
  return DistributionSpec::fixed(std::get<double>(value));
}

} // namespace

Parsed<DistributionSpec> parse_distribution(std::string_view text, Dimension dim) {
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos)
    return parse_fixed(text, dim);
  std::size_t name_begin = 0;
  const auto kind = find_kind(text, open, name_begin);
  if (auto *f = std::get_if<ParseFailure>(&kind))
    return *f;
  const KindInfo &info = *std::get<const KindInfo *>(kind);
  const std::size_t close = text.rfind(')');
  if (close == std::string_view::npos || close < open ||
      text.find_first_not_of(" \t", close + 1) != std::string_view::npos)
    return ParseFailure{std::string("expected ") + info.usage, open};

  DistributionSpec spec;
  spec.kind = info.kind;
  for (const auto &arg : split_arguments(text.substr(open + 1, close - open - 1), open + 1))
    if (auto failure = add_argument(spec, info, arg, dim))
      return *failure;
  const int n = static_cast<int>(spec.params.size());
  if ((info.arity >= 0 && n != info.arity) || (info.arity < 0 && n == 0) || n > 100000)
    return ParseFailure{std::string("wrong number of parameters: expected ") + info.usage, open};
  // Values of durations and sizes cannot be negative: normals are cut at zero.
  if (spec.kind == DistributionKind::Normal && !spec.min)
    spec.min = 0.0;
  if (const std::string problem = check_parameters(spec); !problem.empty())
    return ParseFailure{problem, name_begin};
  if (const std::string problem = check_produced(spec, dim); !problem.empty())
    return ParseFailure{problem, name_begin};
  return spec;
}

} // namespace corsim
