#!/usr/bin/env bash
# test.sh: everything CI runs. The web UI built (npm), then a release build with every test, the browser
# tests (label e2e) included and the PostgreSQL ones (label pg) against a throwaway cluster started here
# (scripts/pg-tmp.sh) and stopped on exit, also when a test fails; then a sanitizer build of the unit and CLI
# tests (label asan, on SQLite). Exits non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# The web UI (npm, Vite) before cmake configures, so that a fresh clone embeds it; and the browser tests'
# packages. The browser tests (label e2e) must run here, not skip.
scripts/build-web.sh e2e
export TUOPIN_E2E_REQUIRED=1
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"

source scripts/pg-tmp.sh
trap pg_tmp_stop EXIT
pg_tmp_start                        # exports PGHOST, PGPORT, PGUSER: the pg tests run instead of skipping
(cd build && ctest --output-on-failure -j "$jobs")
pg_tmp_stop
unset PGHOST PGPORT PGUSER PGDATABASE

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSANITIZE=ON >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j "$jobs" -L asan)
