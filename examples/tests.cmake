# The example studies (examples/*/) run on a short horizon and each one's key result is checked
# (examples/check_examples.py). Included from tests/CMakeLists.txt.
add_test(NAME examples
         COMMAND python3 ${PROJECT_SOURCE_DIR}/examples/check_examples.py $<TARGET_FILE:corsim>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(examples PROPERTIES TIMEOUT 600 LABELS examples)
