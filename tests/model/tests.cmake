# The corridor model: hand-calculable cases, capacity limits, conservation, determinism.
corsim_add_test(test_model model/test_model.cpp model/test_driver_hours.cpp LIBS corsim::io)
