find_package(nlohmann_json 3 REQUIRED)
corsim_add_test(test_io io/test_load.cpp io/test_bad_input.cpp io/test_limits.cpp
                io/test_export.cpp io/test_cli.cpp io/test_load_disruptions.cpp
                io/test_bookings.cpp io/test_scenario.cpp io/test_interrupt.cpp io/test_memory.cpp
                LIBS corsim::io nlohmann_json::nlohmann_json)
add_dependencies(test_io corsim) # the CLI tests run the tool
corsim_add_test(test_output_guard io/test_output_guard.cpp LIBS corsim_cli)
add_dependencies(test_output_guard corsim) # runs the tool
