# The discrete-event engine: kernel, processes, resources, random streams, statistics, analytic
# formulas, and the validation against queueing theory.
corsim_add_test(test_engine engine/test_kernel.cpp engine/test_process.cpp
                engine/test_resource.cpp engine/test_random.cpp engine/test_statistics.cpp
                engine/test_analytic.cpp engine/test_validation.cpp
                engine/test_allocation.cpp engine/test_fast_paths.cpp)
