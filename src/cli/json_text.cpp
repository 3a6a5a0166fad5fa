#include "json_text.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace corsim::cli {

std::string json_string(const std::string &s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_number(double v, int digits) {
  std::ostringstream os;
  os.precision(digits);
  os << v;
  return os.str();
}

} // namespace corsim::cli
