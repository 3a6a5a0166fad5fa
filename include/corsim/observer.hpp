#pragma once
/// \file observer.hpp
/// Observers: how collectors and tracers watch a simulation without touching model code.
///
/// Engine, Resource, Container and Store report what happens to them as `Observation`s
/// (time in ticks, kind, the source's id, a value) to every attached `Observer`. Nothing is
/// reported, and nothing costs more than one branch, while no observer is attached.
///
/// Example: utilisation and waiting of a resource, collected from outside the model.
/// \code
///   corsim::Engine eng;
///   corsim::Resource berths(eng, 2);
///   corsim::ResourceCollector stats(eng.now());       // starts with 0 units in use
///   berths.observers().add(stats);
///   ... spawn processes, eng.run_until(t_end) ...
///   double util = stats.busy.mean(eng.now()) / 2;   // share of berth-time in use
///   double wq = stats.wait.mean();                  // mean wait, model units (hours)
/// \endcode

#include "corsim/engine.hpp"
#include "corsim/statistics.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

namespace corsim {

enum class ObservationKind : std::uint8_t {
  Request,  ///< a unit, amount or item was asked for (or offered, for puts)
  Grant,    ///< a request was served; value: how long it waited, model units
  Withdraw, ///< a waiting request was withdrawn (its process was interrupted)
  Release,  ///< a unit was given back
  Capacity, ///< capacity changed; value: the new capacity
  Level,    ///< a Store's item count changed (level: items held)
  Custom    ///< reported by model code through ObserverList::notify
};

/// One change at a source. `level` and `queue` are the state after the change: units in use
/// (Resource), level (Container) or items held (Store); requests waiting.
struct Observation {
  Tick time = 0;
  ObservationKind kind = ObservationKind::Custom;
  std::uint32_t source = 0; ///< the reporting object's id (set_id())
  std::uint32_t queue = 0;
  double level = 0.0;
  double value = 0.0;
};

/// Something that watches observations (not owned by what it watches).
class Observer {
public:
  virtual ~Observer() = default;
  virtual void observe(const Observation &o) = 0;
};

/// Sees every event the Engine runs (tracing, counting).
class EngineObserver {
public:
  virtual ~EngineObserver() = default;
  virtual void on_event(Tick time, EventId id) = 0;
};

/// The observers attached to one source.
class ObserverList {
public:
  void add(Observer &o) { list_.push_back(&o); }
  void remove(Observer &o) {
    list_.erase(std::remove(list_.begin(), list_.end(), &o), list_.end());
  }
  [[nodiscard]] bool empty() const { return list_.empty(); }
  void notify(const Observation &o) const {
    for (Observer *obs : list_)
      obs->observe(o);
  }

private:
  std::vector<Observer *> list_;
};

/// Utilisation, queue length and waits of one Resource, built from its observations.
/// `busy` and `queue` are time-weighted; `wait` tallies waits in model units. Call
/// `reset(t)` at the end of the warm-up.
class ResourceCollector : public Observer {
public:
  explicit ResourceCollector(Tick start = 0, double initial_busy = 0.0)
      : busy(start, initial_busy), queue(start, 0.0) {}
  void observe(const Observation &o) override;
  void reset(Tick t) {
    busy.reset(t);
    queue.reset(t);
    wait.reset();
  }
  TimeWeighted busy;
  TimeWeighted queue;
  Tally wait;
};

/// Keeps every observation (up to `limit`), or passes each to a callback: a tracer.
class TraceRecorder : public Observer, public EngineObserver {
public:
  explicit TraceRecorder(std::size_t limit = 1'000'000) : limit_(limit) {}
  explicit TraceRecorder(std::function<void(const Observation &)> sink)
      : limit_(0), sink_(std::move(sink)) {}
  void observe(const Observation &o) override;
  void on_event(Tick time, EventId id) override;
  [[nodiscard]] const std::vector<Observation> &records() const { return records_; }
  [[nodiscard]] std::uint64_t events_seen() const { return events_; }

private:
  std::size_t limit_;
  std::function<void(const Observation &)> sink_;
  std::vector<Observation> records_;
  std::uint64_t events_ = 0;
};

} // namespace corsim
