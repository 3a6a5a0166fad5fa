#pragma once
// Running the replications of one simulation: on threads, over MPI ranks through a
// ReplicationExchange, and sequentially until the key results are precise enough. Internal.

#include "summary.hpp"

namespace corsim::model::detail {

/// Runs the replications `in.options` asks for and adds their samples to `summary`, in
/// replication order.
void run_replications(const ModelInputs &in, Summary &summary);

/// The next replication count at which a sequential run checks its precision: a quarter
/// more, at least 4 more, so that checks stay few and do not depend on the threads.
int next_check(int done);

/// The flows' transit means and TEU delivered whose 95% half width is over `target` × their
/// mean ("CCX-DUI-containers transit mean"); flows without deliveries are left out.
std::vector<std::string> imprecise(const SimulationResults &r, double target);

/// True when every flow's transit mean and TEU delivered has a 95% half width at most
/// `target` × its mean (flows without deliveries are left out).
bool precise_enough(const SimulationResults &r, double target);

} // namespace corsim::model::detail
