# The corridor model: hand-calculable cases, capacity limits, conservation, determinism, and
# `corsim simulate` as a user runs it.
find_package(nlohmann_json 3 REQUIRED)
corsim_add_test(test_model model/test_model.cpp model/test_facilities.cpp
                model/test_route_choice.cpp model/test_driver_hours.cpp
                model/test_disruptions.cpp model/test_bookings.cpp
                model/test_calibration.cpp model/test_background.cpp model/test_replan.cpp
                model/test_overload.cpp model/test_warmup.cpp
                model/test_extra_departures.cpp model/test_unannounced.cpp
                model/test_plan_agrees.cpp
                model/test_simulate_cli.cpp model/model_fixtures.cpp
                LIBS corsim::io nlohmann_json::nlohmann_json)
add_dependencies(test_model corsim) # the CLI tests run the tool
corsim_add_test(test_experiment model/test_experiment.cpp LIBS corsim::io LABELS threads)
corsim_add_test(test_capacity model/test_capacity.cpp model/test_capacity_kinds.cpp
                model/model_fixtures.cpp)
