#include "yaml_document.hpp"

#include "corsim/io/output_target.hpp"
#include "corsim/text.hpp"

#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

namespace corsim::io {
namespace {

/// Walks the tree as a reader would, aliases expanded, stopping at the first limit passed.
class TreeWalk {
public:
  TreeWalk(Diagnostics &diag, const LoadLimits &limits) : diag_(diag), limits_(limits) {}

  bool visit(const YAML::Node &node, int depth) {
    if (++visited_ > limits_.max_yaml_nodes) {
      diag_.error(node, "the document expands to more than " +
                            std::to_string(limits_.max_yaml_nodes) +
                            " values (repeated aliases?); refusing to read it");
      return false;
    }
    if (depth > limits_.max_depth) {
      diag_.error(node, "nesting deeper than " + std::to_string(limits_.max_depth) +
                            " levels; a corridor file never needs this");
      return false;
    }
    if (!supported(node))
      return false;
    if (node.IsSequence())
      for (const auto &child : node)
        if (!visit(child, depth + 1))
          return false;
    if (node.IsMap())
      for (const auto &entry : node)
        if (!visit(entry.first, depth + 1) || !visit(entry.second, depth + 1))
          return false;
    return true;
  }

private:
  /// YAML features corsim does not read, refused rather than silently ignored.
  bool supported(const YAML::Node &node) {
    const std::string &tag = node.Tag();
    if (!tag.empty() && tag != "?" && tag != "!") {
      diag_.error(node, "YAML tags like " + in_quotes(tag) + " are not read by corsim; remove it");
      return false;
    }
    if (node.IsMap())
      for (const auto &entry : node)
        if (entry.first.IsScalar() && entry.first.Scalar() == "<<" && entry.first.Tag() == "?") {
          diag_.error(entry.first, "YAML merge keys ('<<') are not read by corsim; write the "
                                   "keys out");
          return false;
        }
    return true;
  }

  Diagnostics &diag_;
  const LoadLimits &limits_;
  std::size_t visited_ = 0;
};

std::optional<std::string> read_text(Diagnostics &diag, const std::string &path,
                                     const LoadLimits &limits) {
  std::string why;
  auto text = read_regular_file(path, limits.max_file_bytes, why);
  if (!text)
    diag.error(SourcePos{path, 0, 0}, why);
  return text;
}

/// The offset of the first CR that does not begin a CRLF line end, or npos: yaml-cpp reads a
/// lone CR as part of the line, which turns the rest of an old-Mac file into one comment.
std::size_t lone_carriage_return(const std::string &text) {
  for (auto at = text.find('\r'); at != std::string::npos; at = text.find('\r', at + 1))
    if (at + 1 == text.size() || text[at + 1] != '\n')
      return at;
  return std::string::npos;
}

/// The line (from 1) of the first line that is neither blank nor a comment, or 0.
int first_content_line(const std::string &text) {
  int line = 0;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    ++line;
    const auto first = l.find_first_not_of(" \t\r");
    if (first != std::string::npos && l[first] != '#' && l.rfind("---", 0) != 0)
      return line;
  }
  return 0;
}

/// The line (from 1) of a document marker ('---', or '...' and more text) that begins a
/// second document with content, or 0. Read from the text, not with YAML::LoadAll, which can
/// loop without end on some malformed streams (found by fuzz_network).
int second_document_line(const std::string &text) {
  bool content = false; // seen a value of the first document
  int marker = 0;       // line of a marker after content
  int line = 0;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    ++line;
    const bool start = l.rfind("---", 0) == 0 && (l.size() == 3 || l[3] == ' ' || l[3] == '\r');
    const bool end = l.rfind("...", 0) == 0 && (l.size() == 3 || l[3] == ' ' || l[3] == '\r');
    const auto first = l.find_first_not_of(" \t\r");
    const bool blank_or_comment = first == std::string::npos || l[first] == '#';
    if ((start || end) && content && marker == 0)
      marker = line;
    else if (!blank_or_comment && !start && !end && marker > 0)
      return marker;
    else if (!blank_or_comment && !start && !end)
      content = true;
  }
  return 0;
}

} // namespace

std::optional<std::string> read_regular_file(const std::string &path, std::size_t max_bytes,
                                             std::string &why) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    why = std::string("cannot open file: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISDIR(info.st_mode)) {
    why = "is a directory, not a file";
    return std::nullopt;
  }
  // Pipes and devices could block for ever or never end: only regular files are read.
  if (!S_ISREG(info.st_mode)) {
    why = "is not a regular file (a pipe or a device?)";
    return std::nullopt;
  }
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    why = "file too large: " + std::to_string(info.st_size) + " bytes, the limit is " +
          std::to_string(max_bytes);
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    why = std::string("cannot read file: ") + std::strerror(errno);
    return std::nullopt;
  }
  note_input_file(path); // never to be written over by an output
  std::string text(static_cast<std::size_t>(info.st_size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::optional<YAML::Node> read_yaml_file(Diagnostics &diag, const std::string &path,
                                         const LoadLimits &limits, FileTexts *texts) {
  if (texts)
    if (const auto seen = texts->find(path); seen != texts->end())
      return parse_yaml_text(diag, seen->second, limits);
  const auto text = read_text(diag, path, limits);
  if (!text)
    return std::nullopt;
  if (texts)
    return parse_yaml_text(diag, texts->emplace(path, *text).first->second, limits);
  return parse_yaml_text(diag, *text, limits);
}

std::optional<YAML::Node> parse_yaml_text(Diagnostics &diag, const std::string &text,
                                          const LoadLimits &limits) {
  const std::string &path = diag.file();
  if (text.size() > limits.max_file_bytes) {
    diag.error(SourcePos{path, 0, 0}, "text too large: " + std::to_string(text.size()) +
                                          " bytes, the limit is " +
                                          std::to_string(limits.max_file_bytes));
    return std::nullopt;
  }
  if (text.find('\0') != std::string::npos) {
    diag.error(SourcePos{path, 1, 1}, "the file contains NUL bytes: not a YAML text file");
    return std::nullopt;
  }
  if (const auto cr = lone_carriage_return(text); cr != std::string::npos) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(cr), '\n');
    diag.error(SourcePos{path, static_cast<int>(line), 1},
               "a carriage return (CR) not followed by a line feed: save the file with LF "
               "or CRLF line ends");
    return std::nullopt;
  }
  if (const int line = second_document_line(text); line > 0) {
    diag.error(SourcePos{path, line, 1}, "a second YAML document (after '---'): a corridor or "
                                         "scenario file holds one");
    return std::nullopt;
  }
  YAML::Node root;
  try {
    root = YAML::Load(text); // the first document only
  } catch (const YAML::DeepRecursion &e) {
    diag.error(diag.pos(e.mark), "nesting deeper than " + std::to_string(limits.max_depth) +
                                     " levels; a corridor file never needs this");
    return std::nullopt;
  } catch (const YAML::ParserException &e) {
    diag.error(diag.pos(e.mark), "YAML syntax error: " + e.msg);
    return std::nullopt;
  } catch (const YAML::Exception &e) {
    diag.error(diag.pos(e.mark), "cannot read YAML: " + e.msg);
    return std::nullopt;
  }
  if (!root.IsDefined() || root.IsNull()) {
    if (const int line = first_content_line(text); line > 0) // not empty: YAML read nothing
      diag.error(SourcePos{path, line, 1}, "cannot read YAML here: the document reads as "
                                           "nothing (a stray ',', ']' or '}' at the start?)");
    else
      diag.error(SourcePos{path, 1, 1}, "the file is empty: expected a corridor description");
    return std::nullopt;
  }
  if (!TreeWalk(diag, limits).visit(root, 0))
    return std::nullopt;
  return root;
}

} // namespace corsim::io
