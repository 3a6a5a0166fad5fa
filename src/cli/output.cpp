#include "output.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace corsim::cli {

void print_error(const std::string &text) { std::cerr << text << '\n'; }

std::optional<Network> load_or_report(const std::string &path) {
  io::LoadResult r = io::try_load_network(path);
  for (const auto &d : r.diagnostics)
    print_error(d.text());
  if (!r.ok())
    return std::nullopt;
  return std::move(r.network);
}

void write_file_atomically(const std::string &path, const std::string &text) {
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      throw InputError(SourcePos{path, 0, 0}, "cannot write file");
    out << text;
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw InputError(SourcePos{path, 0, 0}, "cannot write file (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw InputError(SourcePos{path, 0, 0}, "cannot write file: " + ec.message());
  }
}

} // namespace corsim::cli
