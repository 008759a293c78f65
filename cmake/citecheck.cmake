# citecheck_library(NAME SRCS ... [DEPS ...] [PRIVATE_DEPS ...])
# One static library per module folder, named citecheck_<NAME>. The public header lives
# beside the sources; every module includes others as "module/header.h" from src/.
function(citecheck_library NAME)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(citecheck_${NAME} STATIC ${ARG_SRCS})
  target_include_directories(citecheck_${NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(citecheck_${NAME} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# citecheck_test(NAME SRCS ... DEPS ...)
# One GoogleTest binary per module, every test registered with CTest. Tests run from the
# source tree so that fixtures under data/ and ../shared resolve the same way everywhere.
function(citecheck_test NAME)
  cmake_parse_arguments(ARG "" "" "SRCS;DEPS" ${ARGN})
  add_executable(${NAME}_test ${ARG_SRCS})
  target_link_libraries(${NAME}_test PRIVATE ${ARG_DEPS} citecheck_testutil GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${NAME}_test
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "CITECHECK_BUILD_DIR=${PROJECT_BINARY_DIR}"
    DISCOVERY_TIMEOUT 60)
endfunction()
