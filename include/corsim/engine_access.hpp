#pragma once
/// \file engine_access.hpp
/// The engine's plumbing, for the process and resource headers only.

#include "corsim/engine.hpp"

namespace corsim {

namespace detail {
/// The engine's plumbing for processes and resources (process.hpp, resource.hpp): waking
/// coroutine frames and the process table; each call is the Engine's private member of the
/// same name. Not for models: they schedule events and spawn processes.
struct EngineAccess {
  static std::uint64_t schedule_wake(Engine &e, Tick t, void *frame, Priority p) {
    return e.schedule_wake(t, frame, p);
  }
  static void forget_wake(Engine &e) { e.forget_wake(); }
  static std::uint64_t register_process(Engine &e, void *promise) {
    return e.register_process(promise);
  }
  static void unregister_process(Engine &e, std::uint64_t id) { e.unregister_process(id); }
  static void *find_process_or_null(const Engine &e, std::uint64_t id) {
    return e.find_process_or_null(id);
  }
  static bool tearing_down(const Engine &e) { return e.tearing_down(); }
};
} // namespace detail

} // namespace corsim
