#pragma once
/// \file io/output_target.hpp
/// What corsim may write over: a new name in an existing folder, or a regular file that is
/// none of the files this process read (docs/robustness.md "Outputs"). Devices, pipes,
/// folders, symbolic links and the inputs are refused before anything runs, and an --out
/// folder is owned by one run at a time.

#include <string>
#include <vector>

namespace corsim::io {

/// Remembers that `path` was read as an input (called by the loaders for every file they
/// open), so that no output is written over it.
void note_input_file(const std::string &path);

/// An output the command is about to write: the option that names it, for messages.
struct OutputTarget {
  std::string option; ///< "--trace", "--geojson", "--out" ...
  std::string path;
};

/// Throws InputError (exit 2) when a target is not a regular file or a new name in an
/// existing folder, is one of the inputs, or names the same file as another target.
void check_output_targets(const std::vector<OutputTarget> &targets);

/// Creates `dir` (and its parents) if needed, and takes its lock for the rest of the process:
/// a second run writing into the same folder is refused with InputError instead of mixing
/// its files with ours. Taking a lock this process already holds is a no-op. Returns false
/// when the file system cannot lock (some network file systems): the run goes on unlocked.
bool lock_output_dir(const std::string &dir);

} // namespace corsim::io
