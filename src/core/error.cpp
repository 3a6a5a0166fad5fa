#include "corsim/error.hpp"

namespace corsim {

std::string format_diagnostic(const SourcePos &pos, const std::string &message) {
  if (pos.file.empty())
    return message;
  if (pos.line <= 0)
    return pos.file + ": " + message;
  return pos.file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
         message;
}

InputError::InputError(SourcePos pos, const std::string &message)
    : std::runtime_error(format_diagnostic(pos, message)), pos_(std::move(pos)), message_(message) {
}

InputError::InputError(const std::string &message)
    : std::runtime_error(message), message_(message) {}

} // namespace corsim
