#!/usr/bin/env bash
# http.sh BUILD OUTDIR: wrk on loopback against `tuopin serve` on the database of sqlite_import.sh (or
# TUOPIN_DB): a household page (random households), one village's household list, the county's stats, each
# next to /api/ping on the same server (a constant answer: the ceiling) and /api/me (the cheapest route that
# authenticates). 64 connections, 2 wrk threads. The household page is measured twice: with the server's
# page cache (the default; the warm-up renders the 2,000 pages, so the run answers from the cache) and on a
# second server started with --page-cache 0 (every page gathered and rendered).
set -euo pipefail
source "$(dirname "$0")/lib.sh"   # wrk_run
build=${1:-build}
out=${2:-bench/out}
tuopin=$build/tuopin
db=${TUOPIN_DB:-sqlite:$out/sqlite-bench.db}
export TUOPIN_DB=$db
dur=${BENCH_SECONDS:-10}
port=$((30000 + RANDOM % 10000))

"$tuopin" user add bench --role county_admin --division 371399000000 --password 'Wrk-Load-2026!' --keep \
	>/dev/null 2>&1 || true
token=$("$tuopin" token add bench --name wrk --days 1)
case "$db" in
sqlite:*) sqlite3 "${db#sqlite:}" "SELECT hh_no FROM household ORDER BY random() LIMIT 2000" > "$out/households.txt" ;;
*) psql "$db" -qtAc "SELECT hh_no FROM household ORDER BY random() LIMIT 2000" > "$out/households.txt" ;;
esac
village=$(head -1 "$out/households.txt" | cut -c1-12)

port2=$((port + 1))
"$tuopin" serve --listen "127.0.0.1:$port" --threads 4 --max-per-address 0 >/dev/null 2>"$out/serve.err" &
pid=$!
"$tuopin" serve --listen "127.0.0.1:$port2" --threads 4 --max-per-address 0 --page-cache 0 >/dev/null 2>>"$out/serve.err" &
pid2=$!
trap 'kill $pid $pid2 2>/dev/null; wait $pid $pid2 2>/dev/null' EXIT
for p in $port $port2; do
	for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$p/api/ping" && break; sleep 0.05; done
done

run() {   # run NAME URL [LUA]
	wrk_run "$1" "$2" "$out/wrk-$1.txt" "${3:-}"
}
echo "HTTP on $(echo "$db" | sed 's/\?.*//'), 64 connections, ${dur}s each:"
run ping "http://127.0.0.1:$port/api/ping"
# the least any authenticated route costs: the token looked up, the user read, a small answer
run me "http://127.0.0.1:$port/api/me"
HH_LIST=$out/households.txt run household "http://127.0.0.1:$port/" bench/household.lua
HH_LIST=$out/households.txt run household-uncached "http://127.0.0.1:$port2/" bench/household.lua
run village-list "http://127.0.0.1:$port/api/households?division=$village&per_page=50"
run county-stats "http://127.0.0.1:$port/api/stats"
# the household page inside the process, without HTTP (bench/page_cost.c), on the same households
if [ -x "$build/page_cost" ]; then
	"$build/page_cost" "$db" "$out/households.txt" 5 | sed 's/^/in-process page: /'
fi
