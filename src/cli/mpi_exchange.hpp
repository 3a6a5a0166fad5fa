#pragma once
// The optional MPI build (CMake option CORSIM_MPI, preset `mpi`; docs/mpi.md): `mpirun -np N
// corsim simulate|compare|sweep ...` spreads replications over ranks and prints the same results
// as one process. Without MPI (CORSIM_HAVE_MPI undefined) the same functions exist: one process,
// no exchange, every output printed.

#include "corsim/model/simulation.hpp"

namespace corsim::cli {

/// MPI_Init on construction (when built with MPI), MPI_Finalize on destruction. While it lives,
/// exchange() and output_rank() answer for this process. On ranks other than 0, std::cout and
/// std::cerr are silenced: rank 0 alone prints. One per process, held by main().
class MpiSession {
public:
  MpiSession(int &argc, char **&argv);
  MpiSession(const MpiSession &) = delete;
  MpiSession &operator=(const MpiSession &) = delete;
  ~MpiSession();
  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }

private:
  int rank_ = 0;
  int size_ = 1;
  [[maybe_unused]] bool started_ =
      false; ///< this session called MPI_Init (and will call MPI_Finalize)
};

/// Starts MPI for the process (a no-op without MPI): `auto mpi = cli::start_mpi(argc, argv);`
/// first thing in main().
[[nodiscard]] inline MpiSession start_mpi(int &argc, char **&argv) { return {argc, argv}; }

/// The exchange for SimulationOptions::exchange: null without MPI, before start_mpi, or with one
/// rank (then every replication runs in this process).
model::ReplicationExchange *exchange();

/// Whether this process prints and writes files: rank 0, or any process without MPI.
bool output_rank();

} // namespace corsim::cli
