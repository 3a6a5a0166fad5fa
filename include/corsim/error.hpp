#pragma once
/// \file error.hpp
/// corsim's exception family, split by who is at fault:
/// - InputError: the user's file or command line is wrong (exit code 2 in the CLI);
/// - ApiMisuse: a program calling the library broke a documented precondition.
/// Programmer mistakes inside corsim itself are `assert`s, not exceptions.

#include <stdexcept>
#include <string>

namespace corsim {

/// A position in an input file, counted from 1. line == 0 means "the file as a whole".
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A mistake in user input. what() is "file:line:column: message" when a position is known.
class InputError : public std::runtime_error {
public:
  InputError(SourcePos pos, const std::string &message);
  explicit InputError(const std::string &message);
  [[nodiscard]] const SourcePos &pos() const { return pos_; }
  [[nodiscard]] const std::string &message() const { return message_; }

private:
  SourcePos pos_;
  std::string message_;
};

/// A caller broke the library's documented contract (e.g. an index out of range).
class ApiMisuse : public std::logic_error {
public:
  using std::logic_error::logic_error;
};

/// "file:line:column: message", or "file: message" when the line is unknown; the message
/// and file name made printable().
std::string format_diagnostic(const SourcePos &pos, const std::string &message);

} // namespace corsim
