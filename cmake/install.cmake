# Install the core library, the I/O library, their headers and a CMake package so that an
# outside project can find_package(corsim) and link corsim::core (simulation) and corsim::io
# (loading corridor and scenario files, writing the results files).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS corsim_base corsim_engine corsim_routing corsim_model corsim_core corsim_io
        EXPORT corsimTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/corsim DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS corsim RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(EXPORT corsimTargets NAMESPACE corsim:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corsim)

configure_package_config_file(cmake/corsimConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/corsimConfig.cmake
                              INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corsim)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/corsimConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/corsimConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/corsimConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/corsim)
