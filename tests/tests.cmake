# Tests: cmocka unit tests (one binary per area) and shell tests of the CLI.
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
file(GLOB UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_link_libraries(${name} PRIVATE core PkgConfig::CMOCKA)
  # through tests/tools/clocked.sh: the clock pinned at $TUOPIN_CLOCK when the suite sets it
  add_test(NAME unit/${name} COMMAND ${CMAKE_SOURCE_DIR}/tests/tools/clocked.sh $<TARGET_FILE:${name}>)
  set_tests_properties(unit/${name} PROPERTIES LABELS "unit;asan"
    ENVIRONMENT "TUOPIN_TEST_DATA=${CMAKE_SOURCE_DIR}/tests/data")
endforeach()
# the server's page cache lives with the HTTP code, outside the core library
target_sources(test_page_cache PRIVATE ${CMAKE_SOURCE_DIR}/src/http/page_cache.c)

# tNNNN-pg-*.sh are about PostgreSQL itself (schema parity, migration, a crashing server): they run only
# in the pg set below.
set(CLI_ENV "TUOPIN=$<TARGET_FILE:tuopin>;MEMCAP=$<TARGET_FILE:memcap>;XLSX_BOMB=$<TARGET_FILE:xlsx_bomb>;TESTDATA=${CMAKE_SOURCE_DIR}/tests/data;SAMPLES=${CMAKE_SOURCE_DIR}/tests/data/samples;TESTLIB=${CMAKE_SOURCE_DIR}/tests/cli/lib.sh;TUOPIN_SRC=${CMAKE_SOURCE_DIR}")
file(GLOB CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/t*.sh)
foreach(t ${CLI_TESTS})
  get_filename_component(name ${t} NAME_WE)
  if(name MATCHES "^t[0-9]+-pg-")
    continue()
  endif()
  add_test(NAME cli/${name} COMMAND bash ${t})
  set_tests_properties(cli/${name} PROPERTIES LABELS "cli;asan" ENVIRONMENT "${CLI_ENV}")
endforeach()

# PostgreSQL: every CLI test a second time on the throwaway cluster that scripts/test.sh starts (PGHOST,
# PGPORT and PGUSER come from the environment), with the same expected values, and the backend's own test.
# Without PGHOST they skip (exit 77), so ctest in a developer's build without a cluster still passes.
set(PG_SKIP "[ -n \"\${PGHOST:-}\" ] || { echo 'skipped: PGHOST is not set (scripts/test.sh starts a throwaway PostgreSQL cluster)'; exit 77; }; exec \"$@\"")
foreach(t ${CLI_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME pg/${name} COMMAND bash -c "${PG_SKIP}" pg-skip bash ${t})
  set_tests_properties(pg/${name} PROPERTIES LABELS "pg" SKIP_RETURN_CODE 77
    ENVIRONMENT "${CLI_ENV};TUOPIN_TEST_BACKEND=pg;TUOPIN_PG_FETCH_ROWS=3")
endforeach()
add_executable(pg_store ${CMAKE_SOURCE_DIR}/tests/unit/pg_store.c)
target_link_libraries(pg_store PRIVATE core PkgConfig::CMOCKA)
add_test(NAME pg/store COMMAND ${CMAKE_SOURCE_DIR}/tests/tools/clocked.sh $<TARGET_FILE:pg_store>)
set_tests_properties(pg/store PROPERTIES LABELS "pg" SKIP_RETURN_CODE 77)

# API tests against a real server, once per backend (as the CLI tests).
file(GLOB API_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/api/t*.sh)
foreach(t ${API_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME api/${name} COMMAND bash ${t})
  set_tests_properties(api/${name} PROPERTIES LABELS "api;asan" SKIP_RETURN_CODE 77 ENVIRONMENT
    "TUOPIN=$<TARGET_FILE:tuopin>;MEMCAP=$<TARGET_FILE:memcap>;XLSX_BOMB=$<TARGET_FILE:xlsx_bomb>;TESTDATA=${CMAKE_SOURCE_DIR}/tests/data;SAMPLES=${CMAKE_SOURCE_DIR}/tests/data/samples;TESTLIB=${CMAKE_SOURCE_DIR}/tests/cli/lib.sh;SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endforeach()
# ... and on PostgreSQL (one connection per server thread), skipped without a cluster like the CLI ones.
foreach(t ${API_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME pg/api/${name} COMMAND bash -c "${PG_SKIP}" pg-skip bash ${t})
  set_tests_properties(pg/api/${name} PROPERTIES LABELS "pg" SKIP_RETURN_CODE 77 ENVIRONMENT
    "TUOPIN=$<TARGET_FILE:tuopin>;MEMCAP=$<TARGET_FILE:memcap>;XLSX_BOMB=$<TARGET_FILE:xlsx_bomb>;TESTDATA=${CMAKE_SOURCE_DIR}/tests/data;SAMPLES=${CMAKE_SOURCE_DIR}/tests/data/samples;TESTLIB=${CMAKE_SOURCE_DIR}/tests/cli/lib.sh;SOURCE_DIR=${CMAKE_SOURCE_DIR};TUOPIN_TEST_BACKEND=pg;TUOPIN_PG_FETCH_ROWS=3")
endforeach()

# Browser tests of the web UI: Debian's Chromium driven by playwright-core (tests/e2e/run.sh starts a real
# server on a fresh SQLite database). They skip (77) when tests/e2e/node_modules, Chromium or the embedded UI
# is missing, unless TUOPIN_E2E_REQUIRED=1 (scripts/test.sh); TUOPIN_SCREENSHOTS keeps the main screens.
file(GLOB E2E_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/e2e/t*.mjs)
foreach(t ${E2E_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME e2e/${name} COMMAND bash ${CMAKE_SOURCE_DIR}/tests/e2e/run.sh ${t})
  set_tests_properties(e2e/${name} PROPERTIES LABELS "e2e" SKIP_RETURN_CODE 77 TIMEOUT 300 ENVIRONMENT
    "TUOPIN=$<TARGET_FILE:tuopin>;TESTDATA=${CMAKE_SOURCE_DIR}/tests/data;SAMPLES=${CMAKE_SOURCE_DIR}/tests/data/samples;TESTLIB=${CMAKE_SOURCE_DIR}/tests/cli/lib.sh;SOURCE_DIR=${CMAKE_SOURCE_DIR}")
endforeach()

# Tools of the robustness tests (issue 21): a command under an address-space limit with its peak memory
# reported, and XLSX files that expand into a great deal.
add_executable(memcap ${CMAKE_SOURCE_DIR}/tests/tools/memcap.c)
add_executable(xlsx_bomb ${CMAKE_SOURCE_DIR}/tests/tools/xlsx_bomb.c)
target_link_libraries(xlsx_bomb PRIVATE PkgConfig::DEPS)

# The Debian package (issue 22): built from the tree, installed, upgraded and purged with dpkg in a throwaway
# root (an overlay of / in a private mount namespace; it skips where that cannot be mounted, or without root).
file(GLOB PKG_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/pkg/t*.sh)
foreach(t ${PKG_TESTS})
  get_filename_component(name ${t} NAME_WE)
  add_test(NAME pkg/${name} COMMAND bash ${t})
  set_tests_properties(pkg/${name} PROPERTIES LABELS "pkg" SKIP_RETURN_CODE 77 TIMEOUT 600 ENVIRONMENT "${CLI_ENV}")
endforeach()
