#include "run_replications.hpp"

#include "corsim/error.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace corsim::model::detail {

namespace {

/// Replication r: from the store when it was saved before, else run (and saved).
Sample run_one(const ModelInputs &in, const Summary &summary, int r) {
  ReplicationStore *store = in.options->store;
  if (store)
    if (const auto bytes = store->load(r)) {
      try {
        return deserialize(*bytes);
      } catch (const ApiMisuse &) { // a damaged file: run it again
      }
    }
  Replication rep(in, r);
  std::vector<Snapshot> snapshots;
  summary.watch(rep, snapshots);
  rep.run();
  Sample s = summary.sample(rep, snapshots);
  if (store)
    store->save(r, serialize(s));
  return s;
}

bool stopped(const SimulationOptions &o) { return o.stop && o.stop->load(); }

/// The replications of one process shared by its worker threads: each takes the next one
/// until none is left or the run is stopped; the caller reports progress as they finish.
class LocalRun {
public:
  LocalRun(const ModelInputs &in, const Summary &summary, const std::vector<int> &reps)
      : in_(in), summary_(summary), reps_(reps), out_(reps.size()) {}

  void work() {
    for (std::size_t i; !stopped(*in_.options) && (i = next_.fetch_add(1)) < reps_.size();) {
      try {
        out_[i] = run_one(in_, summary_, reps_[i]);
      } catch (...) {
        const std::lock_guard lock(m_);
        if (!error_)
          error_ = std::current_exception();
        next_ = reps_.size(); // stop handing out work
      }
      const std::lock_guard lock(m_);
      ++done_;
      cv_.notify_one();
    }
    const std::lock_guard lock(m_);
    --active_;
    cv_.notify_one();
  }

  /// Runs the work on `workers` threads (none: on the caller's), reporting each finished
  /// replication to `finished` from the calling thread; then the samples in the order of reps.
  std::vector<Sample> run(std::size_t workers, const std::function<void(int)> &finished) {
    std::vector<std::jthread> pool;
    active_ = std::max<std::size_t>(workers, 1);
    for (std::size_t t = 0; t < workers; ++t)
      pool.emplace_back([this] { work(); });
    if (workers == 0)
      work();
    report(finished);
    pool.clear(); // joins
    if (error_)
      std::rethrow_exception(error_);
    if (done_ < reps_.size()) // stopped: the finished ones are in the store
      throw Interrupted(static_cast<int>(done_), static_cast<int>(reps_.size()));
    return std::move(out_);
  }

private:
  void report(const std::function<void(int)> &finished) {
    std::unique_lock lock(m_);
    for (std::size_t reported = 0;;) {
      cv_.wait(lock, [&] { return done_ > reported || active_ == 0; });
      for (; reported < done_; ++reported)
        if (finished)
          finished(static_cast<int>(reported) + 1);
      if (active_ == 0)
        break;
    }
  }

  const ModelInputs &in_;
  const Summary &summary_;
  const std::vector<int> &reps_;
  std::vector<Sample> out_;
  std::atomic<std::size_t> next_{0};
  std::mutex m_;
  std::condition_variable cv_;
  std::size_t done_ = 0, active_ = 0; // guarded by m_
  std::exception_ptr error_;
};

/// Runs the replications `reps` on up to `threads` threads; the samples in the order of reps.
/// Progress is reported from the calling thread as they finish. When stopped, the workers
/// take no more, and Interrupted is thrown once those running are done.
std::vector<Sample> run_local(const ModelInputs &in, const Summary &summary,
                              const std::vector<int> &reps, int threads,
                              const std::function<void(int)> &finished) {
  // With one thread, the caller does the work itself.
  const std::size_t workers = threads > 1 ? std::min<std::size_t>(threads, reps.size()) : 0;
  return LocalRun(in, summary, reps).run(workers, finished);
}

std::string pack(const std::vector<Sample> &samples) {
  std::string bytes;
  for (const Sample &s : samples) {
    const std::string one = serialize(s);
    const std::uint64_t size = one.size();
    bytes.append(reinterpret_cast<const char *>(&size), sizeof size);
    bytes += one;
  }
  return bytes;
}

std::vector<Sample> unpack(const std::string &bytes) {
  std::vector<Sample> out;
  for (std::size_t at = 0; at + sizeof(std::uint64_t) <= bytes.size();) {
    std::uint64_t size = 0;
    std::copy_n(bytes.data() + at, sizeof size, reinterpret_cast<char *>(&size));
    at += sizeof size;
    out.push_back(deserialize(bytes.substr(at, size)));
    at += size;
  }
  return out;
}

/// Replications [first, last): this process runs those of its rank, then all ranks swap.
void run_batch(const ModelInputs &in, Summary &summary, int first, int last, int total) {
  const SimulationOptions &o = *in.options;
  const int rank = o.exchange ? o.exchange->rank() : 0;
  const int ranks = o.exchange ? o.exchange->size() : 1;
  std::vector<int> mine;
  for (int r = first; r < last; ++r)
    if (r % ranks == rank)
      mine.push_back(r);
  const int threads = o.trace ? 1 : o.threads; // one trace, in replication order
  auto finished = [&](int done) {
    if (o.progress)
      o.progress(first - o.first_replication + done * ranks, total);
  };
  std::vector<Sample> samples;
  try {
    samples = run_local(in, summary, mine, threads, finished);
  } catch (const Interrupted &e) { // count every replication finished, not only this batch's
    throw Interrupted(static_cast<int>(summary.size()) + e.finished(), total);
  }
  if (!o.exchange) {
    for (Sample &s : samples)
      summary.add(std::move(s));
    return;
  }
  std::vector<std::vector<Sample>> by_rank;
  for (const std::string &bytes : o.exchange->all_gather(pack(samples)))
    by_rank.push_back(unpack(bytes));
  for (int r = first; r < last; ++r) {
    // Rank r % ranks ran replication r as its ((r - first_of_that_rank) / ranks)-th.
    const int owner = r % ranks;
    const int first_owned = first + ((owner - first % ranks) + ranks) % ranks;
    summary.add(std::move(by_rank[owner].at(static_cast<std::size_t>((r - first_owned) / ranks))));
  }
}

} // namespace

int next_check(int done) { return done + std::max(4, done / 4); }

std::vector<std::string> imprecise(const SimulationResults &r, double target) {
  std::vector<std::string> out;
  for (const KeyResult &k : r.key) {
    if (k.measure != "transit mean" && k.measure != "delivered")
      continue;
    const Estimate &e = k.estimate;
    if (e.n >= 2 && e.mean > 0.0 && e.half_width > target * e.mean)
      out.push_back(k.subject + " " + k.measure);
  }
  return out;
}

bool precise_enough(const SimulationResults &r, double target) {
  return imprecise(r, target).empty();
}

void run_replications(const ModelInputs &in, Summary &summary) {
  const SimulationOptions &o = *in.options;
  const bool sequential = o.target_relative_half_width > 0.0;
  const int first = o.first_replication;
  int total = o.replications;
  run_batch(in, summary, first, first + total, total);
  if (!sequential)
    return;
  std::vector<std::string> missing;
  while (!(missing = imprecise(summary.results(), o.target_relative_half_width)).empty() &&
         total < o.max_replications) {
    const int next = std::min(next_check(total), o.max_replications);
    run_batch(in, summary, first + total, first + next, next);
    total = next;
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string &m : missing)
      list += (list.empty() ? "" : ", ") + m;
    summary.warn("the precision asked for was not reached in " + std::to_string(total) +
                 " replications (the maximum) by: " + list);
  }
}

} // namespace corsim::model::detail
