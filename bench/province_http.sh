#!/usr/bin/env bash
# province_http.sh BUILD OUTDIR: the HTTP goals of issue 20 on the province of bench/province.sh
# (OUTDIR/province.db; with its events, bench/gen_events.sh): `tuopin serve --threads 4`, wrk on loopback with
# 64 connections and 2 threads, BENCH_SECONDS (10) a route, each list of requests picked at random with a
# fixed seed (bench/search.lua), next to /api/ping (the ceiling) and /api/me (the cheapest authenticated
# route); then the same lists at one connection, which measures a request's latency without the queue of 64
# (at 64 connections on 2 cores a route's p99 is mostly waiting: 64 / its rate). The user is a county
# office's role scoped to the whole province (370000000000).
#   stats-province     /api/stats, the province by city, as of a random day 2014-2020
#   stats-county       /api/stats?division=COUNTY, one of the 120 counties by town, as of a random day
#   stats-recorded     the province as recorded at a random instant 2014-2021, as of a random day
#   village-list       /api/households?village=V&per_page=50&sort=S&page=P, a random village of the 24,960,
#                      any of the seven sorts, pages 1-3
#   find-hh-no         /api/households?q=户编号, anywhere in the province
#   find-id-no         /api/households?q=证件号码, anywhere in the province
# Then, one request at a time: the province by village (24,960 rows), as now known and as recorded.
# PAGE_CACHE=0 starts the server without its page cache (every answer computed); ROUTES="stats-province ..."
# runs only those routes (in that order).
set -euo pipefail
source "$(dirname "$0")/lib.sh"   # wrk_run
build=${1:?usage: province_http.sh BUILD OUTDIR}
out=${2:?usage: province_http.sh BUILD OUTDIR}
tuopin=$(realpath "$build/tuopin")
dbfile=$(realpath "$out/province.db")
export TUOPIN_DB=sqlite:$dbfile
dur=${BENCH_SECONDS:-10}
port=$((30000 + RANDOM % 10000))
lua=$(realpath bench/search.lua)
w=$out/http
mkdir -p "$w"

"$tuopin" user add benchprov --role county_admin --division 370000000000 --password 'Wrk-Load-2026!' --keep \
	>/dev/null 2>&1 || true
token=$("$tuopin" token add benchprov --name wrk --days 1)

# the requests, from the database (random with a fixed seed where sqlite3 allows: ORDER BY a hash of the id)
sqlite3 "$dbfile" "SELECT hh_no FROM household WHERE id % 1667 = 7 LIMIT 2000" >"$w/hh.txt"
sqlite3 "$dbfile" "SELECT id_no FROM member WHERE id % 4999 = 11 LIMIT 2000" >"$w/id.txt"
sqlite3 "$dbfile" "SELECT code FROM division WHERE level = 3" >"$w/counties.txt"
sqlite3 "$dbfile" "SELECT code FROM division WHERE level = 5" >"$w/villages.txt"
awk 'BEGIN { srand(42); for (i = 0; i < 2000; i++) printf "/api/stats?as_of=%d-%02d-%02d\n", 2014 + int(rand() * 7), 1 + int(rand() * 12), 1 + int(rand() * 28) }' >"$w/stats-province.txt"
awk 'BEGIN { srand(43) } { c[NR] = $1 } END { for (i = 0; i < 2000; i++) printf "/api/stats?division=%s&as_of=%d-%02d-%02d\n", c[1 + int(rand() * NR)], 2014 + int(rand() * 7), 1 + int(rand() * 12), 1 + int(rand() * 28) }' "$w/counties.txt" >"$w/stats-county.txt"
awk 'BEGIN { srand(44); for (i = 0; i < 2000; i++) printf "/api/stats?as_of=%d-%02d-%02d&recorded_at=%d-%02d-%02d%%2012:00:00\n", 2014 + int(rand() * 7), 1 + int(rand() * 12), 1 + int(rand() * 28), 2014 + int(rand() * 8), 1 + int(rand() * 12), 1 + int(rand() * 28) }' >"$w/stats-recorded.txt"
awk 'BEGIN { srand(45); split("hh_no village -hh_no -village status attribute cause", s, " ") } { v[NR] = $1 } END { for (i = 0; i < 2000; i++) printf "/api/households?village=%s&per_page=50&sort=%s&page=%d\n", v[1 + int(rand() * NR)], s[1 + int(rand() * 7)], 1 + int(rand() * 3) }' "$w/villages.txt" >"$w/village-list.txt"
sed 's#^#/api/households?per_page=50\&q=#' "$w/hh.txt" >"$w/find-hh-no.txt"
sed 's#^#/api/households?per_page=50\&q=#' "$w/id.txt" >"$w/find-id-no.txt"

"$tuopin" serve --listen "127.0.0.1:$port" --threads 4 --max-per-address 0 ${PAGE_CACHE:+--page-cache "$PAGE_CACHE"} >/dev/null \
	2>"$w/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$port/api/ping" && break; sleep 0.05; done

run() {   # run NAME [PATHS]   (CONNS connections, 64 by default)
	if [ -n "${2:-}" ]; then
		export PATHS=$2
		wrk_run "$1" "http://127.0.0.1:$port/" "$w/wrk-$1.txt" "$lua"
	else
		wrk_run "$1" "http://127.0.0.1:$port/api/$1" "$w/wrk-$1.txt"
	fi
}
echo "HTTP on $dbfile, 64 connections, ${dur}s each:"
run ping
run me
# stats-recorded last: its queued requests (about a second each) outlive wrk's run and would load the next one
routes=${ROUTES:-stats-province stats-county village-list find-hh-no find-id-no stats-recorded}
for r in $routes; do
	run "$r" "$w/$r.txt"
done
case " $routes " in *" stats-recorded "*) sleep 20 ;; esac   # the last run's queue drains
echo "one connection (latency without queueing), ${dur}s each:"
for r in $routes; do
	CONNS=1 run "$r" "$w/$r.txt"
done
# every answer of a kind is a 200 with rows (one of each, checked)
for r in stats-province stats-county stats-recorded village-list find-hh-no find-id-no; do
	p=$(head -1 "$w/$r.txt")
	n=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port$p" | jq '(.data.rows // .data.items // []) | length')
	echo "$r: $p answers $n rows"
done
one() {   # one NAME PATH: one request at a time, three times; the best
	local best=
	for _ in 1 2 3; do
		t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port$2")
		best=$(echo "$t ${best:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$1: ${best} s"
}
one "the province by village" "/api/stats?by=village&as_of=2018-12-31"
one "the province by village, as recorded" "/api/stats?by=village&as_of=2018-12-31&recorded_at=2019-06-30%2012:00:00"
