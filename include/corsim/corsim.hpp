#pragma once
/// \file corsim.hpp
/// Everything of `corsim::core` in one include: the network and its units, the discrete-event
/// engine, routing and the corridor model. The loaders and writers of `corsim::io` are under
/// corsim/io/ (load.hpp, scenario.hpp, export.hpp); the Boost.Graph adapters in
/// routing_boost.hpp are left out (include them where Boost.Graph is used). docs/architecture.md
/// shows the layers.

// base: units, distributions, calendars, the network
#include "corsim/calendar.hpp"
#include "corsim/disruption.hpp"
#include "corsim/distribution.hpp"
#include "corsim/error.hpp"
#include "corsim/network.hpp"
#include "corsim/parse.hpp"
#include "corsim/suggest.hpp"
#include "corsim/units.hpp"

// engine: clock, events, processes, resources, random streams, statistics, queueing formulas
#include "corsim/analytic.hpp"
#include "corsim/engine.hpp"
#include "corsim/event_fn.hpp"
#include "corsim/observer.hpp"
#include "corsim/process.hpp"
#include "corsim/random.hpp"
#include "corsim/resource.hpp"
#include "corsim/signal.hpp"
#include "corsim/statistics.hpp"
#include "corsim/store.hpp"

// routing: graphs, best routes, alternatives, timetables, flows
#include "corsim/compact_graph.hpp"
#include "corsim/flow.hpp"
#include "corsim/router.hpp"
#include "corsim/routing_graph.hpp"
#include "corsim/timetable.hpp"

// model: the corridor simulation, experiments and capacity
#include "corsim/model/capacity.hpp"
#include "corsim/model/driver_hours.hpp"
#include "corsim/model/experiment.hpp"
#include "corsim/model/results.hpp"
#include "corsim/model/simulation.hpp"
#include "corsim/model/whatif.hpp"
