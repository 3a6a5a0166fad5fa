#pragma once
/// A small corridor built in code, with hand-computed answers (see teaching_corridor.cpp).
///
///   NGB ==sea== SLA --road-- HUN --rail 1435-- CHC --rail 1435-- MZL ==dual== ZBK --1520-- MOW
///    \________________rail 1435 (L9)__________/  \--rail 1435-- SFH ==dual== USS --1520--/
///
/// Gauge-change yards at ZBK and USS only; handling at CHC and HUN; a seaport at SLA and NGB.

#include "corsim/network.hpp"

namespace corsim::testing {

inline constexpr NodeIndex CHC{0}, MZL{1}, ZBK{2}, MOW{3}, HUN{4}, SLA{5}, NGB{6}, SFH{7}, USS{8};
inline constexpr LinkIndex L0{0}, L1{1}, L2{2}, L3{3}, L4{4}, L5{5}, L6{6}, L7{7}, L8{8}, L9{9};
inline constexpr ServiceIndex S0{0}, S1{1}, S2{2}, S3{3}, S4{4};

/// The teaching corridor, services included.
Network teaching_corridor();

/// A random network of `nodes` nodes and about `arcs` links on one port (rail 1435, no
/// facilities), with random time, cost, CO2 and length in [1, 100), seeded.
Network random_network(unsigned seed, int nodes, int arcs, bool oneway = true);

} // namespace corsim::testing
