# Installs the build tree into a scratch prefix, then configures, builds and runs the consumer.
# Variables: BINARY (corsim build tree), SOURCE (this folder), WORK (scratch folder), FLAGS (the
# compiler flags corsim was built with: a sanitizer build needs its runtime in the consumer too).
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()
run(${CMAKE_COMMAND} --install ${BINARY} --prefix ${WORK}/prefix)
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/build -G Ninja -DCMAKE_PREFIX_PATH=${WORK}/prefix
    "-DCMAKE_CXX_FLAGS=${FLAGS}")
run(${CMAKE_COMMAND} --build ${WORK}/build)
run(${WORK}/build/consumer)
if(NOT output STREQUAL "NGB 1805.7\n")
  message(FATAL_ERROR "unexpected consumer output: '${output}'")
endif()
message(STATUS "consumer printed: ${output}")
