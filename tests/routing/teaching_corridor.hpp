#pragma once
/// A small corridor built in code, with hand-computed answers (see teaching_corridor.cpp).
///
///   NGB ==sea== SLA --road-- HUN --rail 1435-- CHC --rail 1435-- MZL ==dual== ZBK --1520-- MOW
///    \________________rail 1435 (L9)__________/  \--rail 1435-- SFH ==dual== USS --1520--/
///
/// Gauge-change yards at ZBK and USS only; handling at CHC and HUN; a seaport at SLA and NGB.

#include "corsim/network.hpp"

namespace corsim::testing {

enum TeachingNode : NodeIndex { CHC, MZL, ZBK, MOW, HUN, SLA, NGB, SFH, USS };
enum TeachingLink : LinkIndex { L0, L1, L2, L3, L4, L5, L6, L7, L8, L9 };
enum TeachingService : ServiceIndex { S0, S1, S2, S3, S4 };

/// The teaching corridor, services included.
Network teaching_corridor();

/// A random network of `nodes` nodes and about `arcs` links on one port (rail 1435, no
/// facilities), with random time, cost, CO2 and length in [1, 100), seeded.
Network random_network(unsigned seed, int nodes, int arcs, bool oneway = true);

} // namespace corsim::testing
