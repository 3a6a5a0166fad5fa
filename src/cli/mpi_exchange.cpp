// ReplicationExchange over MPI (CORSIM_HAVE_MPI), or the one-process fallback.
#include "mpi_exchange.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#ifdef CORSIM_HAVE_MPI
#include <climits>
#include <stdexcept>

#include <mpi.h>
#endif

namespace corsim::cli {

#ifdef CORSIM_HAVE_MPI
// OpenMPI's handles (MPI_COMM_WORLD, MPI_INT, MPI_BYTE) are macros with C casts in them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"

namespace {

void check(int code, const char *what) {
  if (code != MPI_SUCCESS)
    throw std::runtime_error(std::string("MPI: ") + what + " failed");
}

/// Sizes first (MPI_Allgather), then the bytes (MPI_Allgatherv), on a private communicator.
class MpiExchange final : public model::ReplicationExchange {
public:
  MpiExchange() {
    check(MPI_Comm_dup(MPI_COMM_WORLD, &comm_), "MPI_Comm_dup");
    MPI_Comm_rank(comm_, &rank_);
    MPI_Comm_size(comm_, &size_);
  }
  MpiExchange(const MpiExchange &) = delete;
  MpiExchange &operator=(const MpiExchange &) = delete;
  ~MpiExchange() override { MPI_Comm_free(&comm_); }

  [[nodiscard]] int rank() const override { return rank_; }
  [[nodiscard]] int size() const override { return size_; }

  std::vector<std::string> all_gather(const std::string &mine) override {
    if (mine.size() > static_cast<std::size_t>(INT_MAX))
      throw std::runtime_error("MPI: more than 2 GiB of results from one rank");
    const int my_size = static_cast<int>(mine.size());
    std::vector<int> sizes(static_cast<std::size_t>(size_));
    check(MPI_Allgather(&my_size, 1, MPI_INT, sizes.data(), 1, MPI_INT, comm_), "MPI_Allgather");
    std::vector<int> offsets(sizes.size());
    long long total = 0;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      offsets[i] = static_cast<int>(total);
      total += sizes[i];
      if (total > INT_MAX)
        throw std::runtime_error("MPI: more than 2 GiB of results from all ranks");
    }
    std::string all(static_cast<std::size_t>(total), '\0');
    check(MPI_Allgatherv(mine.data(), my_size, MPI_BYTE, all.data(), sizes.data(), offsets.data(),
                         MPI_BYTE, comm_),
          "MPI_Allgatherv");
    std::vector<std::string> out;
    out.reserve(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i)
      out.push_back(
          all.substr(static_cast<std::size_t>(offsets[i]), static_cast<std::size_t>(sizes[i])));
    return out;
  }

private:
  MPI_Comm comm_ = MPI_COMM_NULL;
  int rank_ = 0;
  int size_ = 1;
};

std::unique_ptr<MpiExchange> the_exchange; // while the session lives, with more than one rank
int the_rank = 0;

} // namespace

MpiSession::MpiSession(int &argc, char **&argv) {
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (!initialised) {
    // Replications run on threads, but only the main thread calls MPI.
    int provided = 0;
    check(MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
    started_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  the_rank = rank_;
  if (size_ > 1)
    the_exchange = std::make_unique<MpiExchange>();
  if (rank_ != 0) { // rank 0 prints the results, notes and errors, once
    std::cout.setstate(std::ios::badbit);
    std::cerr.setstate(std::ios::badbit);
  }
}

MpiSession::~MpiSession() {
  the_exchange.reset();
  the_rank = 0;
  if (started_) {
    int finalised = 0;
    MPI_Finalized(&finalised);
    if (!finalised)
      MPI_Finalize();
  }
}

model::ReplicationExchange *exchange() { return the_exchange.get(); }

bool output_rank() { return the_rank == 0; }

#pragma GCC diagnostic pop
#else

MpiSession::MpiSession(int & /*argc*/, char **& /*argv*/) {}
MpiSession::~MpiSession() = default;

model::ReplicationExchange *exchange() { return nullptr; }

bool output_rank() { return true; }

#endif

} // namespace corsim::cli
