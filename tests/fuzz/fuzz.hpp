#pragma once
/// \file fuzz.hpp
/// The entry point every fuzz target defines. libFuzzer calls it with each input; in the normal
/// build replay_main.cpp calls it with the files given on the command line.

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
