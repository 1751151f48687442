#!/usr/bin/env bash
# run.sh BUILD: the benchmarks of docs/PERFORMANCE.md, in one run on this machine: a 1,000,000-person county
# generated (bench/gen_registry.sh), imported into SQLite against SQLite's own ceiling, the standard tables
# (bench/tables.sh), the monitoring warnings and reports on a copy of its database (bench/monitor.sh), a year's
# income survey imported into another copy against its ceiling (bench/income_import.sh), then the HTTP API under wrk against the ceiling of a constant route; then PostgreSQL
# (bench/pg_import.sh) when it can start a throwaway cluster. Results go to stdout and bench/out/results.txt.
set -euo pipefail
build=${1:-build}
out=bench/out
n=${BENCH_PERSONS:-1000000}
mkdir -p "$out"
{
	echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(uname -m); load average $(cut -d' ' -f1-3 /proc/loadavg)"
	[ -s "$out/registry.csv" ] && [ "$(($(wc -l < "$out/registry.csv") - 1))" -eq "$n" ] || bench/gen_registry.sh "$n" "$out"
	bench/sqlite_import.sh "$build" "$out"
	bench/tables.sh "$build" "$out"
	bench/monitor.sh "$build" "$out" "$out/tables-bench.db"
	bench/income_import.sh "$build" "$out" "$out/tables-bench.db"
	bench/http.sh "$build" "$out"
	if [ -x bench/pg_import.sh ] && [ "$(id -u)" -eq 0 ]; then
		bench/pg_import.sh "$build" "$out" || echo "pg_import.sh failed"
	fi
} 2>&1 | tee "$out/results.txt"
