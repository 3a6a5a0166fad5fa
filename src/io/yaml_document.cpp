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
      diag_.error(node, "YAML tags like " + quoted(tag) + " are not read by corsim; remove it");
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
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
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
  for (std::size_t i = 1; i < documents.size(); ++i)
    if (documents[i].IsDefined() && !documents[i].IsNull()) {
      diag.error(documents[i], "a second YAML document (after '---'): a corridor or scenario "
                               "file holds one");
      return std::nullopt;
    }
  const YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
  if (!root.IsDefined() || root.IsNull()) {
    diag.error(SourcePos{path, 1, 1}, "the file is empty: expected a corridor description");
    return std::nullopt;
  }
  if (!TreeWalk(diag, limits).visit(root, 0))
    return std::nullopt;
  return root;
}

} // namespace corsim::io
