#include "corsim/error.hpp"

#include "corsim/text.hpp"

namespace corsim {

std::string format_diagnostic(const SourcePos &pos, const std::string &message) {
  const std::string text = printable(message); // nothing in it may hide the position
  if (pos.file.empty())
    return text;
  const std::string file = printable(pos.file);
  if (pos.line <= 0)
    return file + ": " + text;
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + text;
}

InputError::InputError(SourcePos pos, const std::string &message)
    : std::runtime_error(format_diagnostic(pos, message)), pos_(std::move(pos)), message_(message) {
}

InputError::InputError(const std::string &message)
    : std::runtime_error(printable(message)), message_(message) {}

} // namespace corsim
