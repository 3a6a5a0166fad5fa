# The fuzz targets: tests/fuzz/fuzz_<name>.cpp, seeds in corpus/<name>/, findings kept in
# regressions/<name>/. Shared by the libFuzzer build (CMakeLists.txt, the fuzz preset) and the
# replay tests of the normal build (tests.cmake).
# fuzz_<name>.cpp may read the corridors under CORSIM_SOURCE_DIR (fuzz_scenario does).
set(CORSIM_FUZZ_TARGETS network quantity scenario distribution)
