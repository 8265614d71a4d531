# Debian package per LLVM major: `cpack -G DEB` in a build directory gives
# initscan-llvm-N_<version>_<arch>.deb. A clang-tidy module only loads into the
# clang-tidy it was built against, so each package belongs to one major and
# several majors are co-installable:
#   /usr/lib/initscan-llvm-N/{bin/initscan,bin/initscan-tidy,lib/InitscanModule.so,share/doc/initscan}
#   /usr/bin/initscan-N, /usr/bin/initscan-tidy-N        (links, one pair per major)
#   /usr/bin/initscan, /usr/bin/initscan-tidy             (update-alternatives,
#                                                          highest major wins)
# The installed initscan-tidy runs /usr/lib/llvm-N/bin/clang-tidy, which the
# clang-tidy-N dependency provides. See docs/compatibility.md.

set(INITSCAN_DEB_NAME "initscan-llvm-${INITSCAN_LLVM_MAJOR}")
set(INITSCAN_DEB_PREFIX "/usr/lib/${INITSCAN_DEB_NAME}")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "${INITSCAN_DEB_NAME}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "initscan maintainers <initscan@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "finds and prices code that runs before main (LLVM ${INITSCAN_LLVM_MAJOR})")
set(CPACK_PACKAGING_INSTALL_PREFIX "${INITSCAN_DEB_PREFIX}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
# The exact clang-tidy the module is built for, and the Clang/LLVM runtime
# libraries initscan links (libclang-cpp.so.N, libLLVM.so.N).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "clang-tidy-${INITSCAN_LLVM_MAJOR}, libclang-cpp${INITSCAN_LLVM_MAJOR}, libllvm${INITSCAN_LLVM_MAJOR}, libc6, libstdc++6, libgcc-s1")

# Maintainer scripts: register the alternatives for the unversioned names.
foreach(script postinst prerm)
  configure_file("${CMAKE_CURRENT_LIST_DIR}/deb/${script}.in"
                 "${CMAKE_BINARY_DIR}/deb/${script}" @ONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
                 GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_BINARY_DIR}/deb/postinst;${CMAKE_BINARY_DIR}/deb/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# The versioned links live outside the install prefix, so they are added to
# the staging tree after `cmake --install` ran into it (a plain
# `cmake --install --prefix DIR` never writes to /usr/bin).
configure_file("${CMAKE_CURRENT_LIST_DIR}/deb/add-links.cmake.in"
               "${CMAKE_BINARY_DIR}/deb/add-links.cmake" @ONLY)
set(CPACK_PRE_BUILD_SCRIPTS "${CMAKE_BINARY_DIR}/deb/add-links.cmake")

include(CPack)
