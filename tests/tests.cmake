# Tests: cmocka unit tests (one binary per area) and shell tests of the CLI.
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
file(GLOB UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE core PkgConfig::CMOCKA)
  add_test(NAME unit/${name} COMMAND ${name})
  set_tests_properties(unit/${name} PROPERTIES LABELS "unit;asan"
    ENVIRONMENT "TUOPIN_TEST_DATA=${CMAKE_SOURCE_DIR}/tests/data")
endforeach()

file(GLOB CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/t*.sh)
foreach(t ${CLI_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME cli/${name} COMMAND bash ${t})
  set_tests_properties(cli/${name} PROPERTIES LABELS "cli;asan" ENVIRONMENT
    "TUOPIN=$<TARGET_FILE:tuopin>;TESTDATA=${CMAKE_SOURCE_DIR}/tests/data;SAMPLES=${CMAKE_SOURCE_DIR}/tests/data/samples;TESTLIB=${CMAKE_SOURCE_DIR}/tests/cli/lib.sh")
endforeach()
