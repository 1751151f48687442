#!/usr/bin/env bash
# import_load.sh BUILD OUTDIR: what users see while a million-person registry is imported (issue 21 point 4).
# `tuopin serve --threads 4` on a fresh database (SQLite by default, or TUOPIN_DB); the county's registry is
# uploaded through the API (POST /api/imports/registry, as the web UI does) while three clients run without
# pause, each on a fresh connection per request: a reader (GET a household page), a writer (PATCH a household's
# phone; on 503 it waits for Retry-After and sends the same write again, until it is written) and a login loop
# (POST /api/login, four accounts in turn). 10 s of the same load before the import give the baseline.
# Reports, per kind, requests, failures (answers other than 200 and, for writes, 503s that were retried), and
# latency percentiles before and during the import (a write's latency runs until it was written); and checks
# that the last write is what the database holds. Prints a Markdown table (also OUTDIR/import_load.md).
set -euo pipefail
build=${1:-build}
out=${2:-bench/out}
tuopin=$(realpath "$build/tuopin")
n=${BENCH_PERSONS:-1000000}
mkdir -p "$out"
[ -s "$out/registry.csv" ] && [ "$(($(wc -l < "$out/registry.csv") - 1))" -eq "$n" ] || bench/gen_registry.sh "$n" "$out"
work=$out/load
rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
db=${TUOPIN_DB:-sqlite:$work/load.db}
export TUOPIN_DB=$db

# the county's last three households first (the writer writes to them), the rest is the import
tail -n 20 "$out/registry.csv" | cut -d, -f2 | uniq | tail -3 > "$work/last3"
awk -F, -v small="$work/small.csv" -v big="$work/big.csv" 'NR == FNR { want[$1]; next }
	FNR == 1 { print > small; print > big; next } ($2 in want) { print > small; next } { print > big }' \
	"$work/last3" "$out/registry.csv"
hh=$(head -1 "$work/last3")
"$tuopin" init >/dev/null
"$tuopin" import divisions "$out/divisions.csv" >/dev/null
"$tuopin" import registry "$work/small.csv" --as-of 2014-01-01 >/dev/null
pw='Heavy-Import-Bench-2026!'
for u in loader alpha bravo charlie delta; do
	"$tuopin" user add "$u" --role county_admin --division 371399000000 --password "$pw" --keep >/dev/null
done
port=$((30000 + RANDOM % 10000))
"$tuopin" serve --listen "127.0.0.1:$port" --threads 4 --max-upload 1024 --access-log "$work/access.log" >/dev/null 2>"$work/serve.err" &
spid=$!
trap 'kill "$spid" 2>/dev/null || true; touch "$work/stop"' EXIT
for _ in $(seq 1 100); do
	curl -s -o /dev/null "http://127.0.0.1:$port/api/health" && break
	sleep 0.1
done
base=http://127.0.0.1:$port
login() {   # login USER JAR: prints "status seconds", keeps the cookie and the CSRF token
	curl -s -c "$2" -o "$2.body" -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
		-d "{\"name\":\"$1\",\"password\":\"$pw\"}" "$base/api/login"
	jq -r '.data.csrf // empty' "$2.body" > "$2.csrf"
}
login loader "$work/load.jar" >/dev/null
now_ms() { date +%s%3N; }
ms() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }'; }

reader() {
	while [ ! -e "$work/stop" ]; do
		local t0 r
		t0=$(now_ms)
		r=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$work/load.jar" "$base/api/households/$hh")
		echo "$t0 ${r%% *} $(ms "${r##* }")" >> "$work/reads"
	done
}
writer() {
	local k=0
	while [ ! -e "$work/stop" ]; do
		local t0 phone attempts=0 status retried=0
		t0=$(now_ms)
		phone=$(printf '1390000%04d' $((k % 10000)))
		k=$((k + 1))
		while :; do
			attempts=$((attempts + 1))
			status=$(curl -s -D "$work/wh" -o "$work/wbody" -w '%{http_code}' -X PATCH -b "$work/load.jar" \
				-H "X-CSRF-Token: $(cat "$work/load.jar.csrf")" -H 'Content-Type: application/json' \
				--data-binary "{\"phone\":\"$phone\"}" "$base/api/households/$hh")
			[ "$status" = 503 ] || break
			retried=$((retried + 1))
			sleep "$(grep -i '^Retry-After:' "$work/wh" | tr -dc 0-9 || echo 5)"
		done
		echo "$t0 $status $(($(now_ms) - t0)) $retried" >> "$work/writes"
		[ "$status" = 200 ] && echo "$phone" > "$work/last-phone"
	done
}
logins() {
	local i=0
	while [ ! -e "$work/stop" ]; do
		local t0 r
		t0=$(now_ms)
		r=$(login "$(echo alpha bravo charlie delta | cut -d' ' -f$((i % 4 + 1)))" "$work/u.jar")
		i=$((i + 1))
		echo "$t0 ${r%% *} $(ms "${r##* }")" >> "$work/logins"
	done
}
: > "$work/reads"
: > "$work/writes"
: > "$work/logins"
reader &
p1=$!
writer &
p2=$!
logins &
p3=$!
sleep 10
imp_start=$(now_ms)
imp=$(curl -s -o "$work/import.json" -w '%{http_code} %{time_total}' -b "$work/load.jar" \
	-H "X-CSRF-Token: $(cat "$work/load.jar.csrf")" --data-binary "@$work/big.csv" \
	"$base/api/imports/registry?as_of=2014-01-01")
imp_end=$(now_ms)
sleep 5
touch "$work/stop"
wait "$p1" "$p2" "$p3" 2>/dev/null || true

# summary FILE FROM TO: requests started in [FROM, TO) ms: count, failures, 503s retried, p50 p95 p99 max (ms)
summary() {
	awk -v from="$2" -v to="$3" '$1 >= from && $1 < to { n++; if ($2 != 200) bad++; r += $4; print $3 > "/dev/stderr" }
		END { printf "%d %d %d", n, bad, r }' "$1" 2> "$work/lat"
	sort -n "$work/lat" | awk '{ v[NR] = $1 } END {
		if (!NR) { print " - - - -"; exit }
		printf " %d %d %d %d\n", v[int(NR * 0.50 + 0.5) ? int(NR * 0.50 + 0.5) : 1], v[int(NR * 0.95 + 0.5)],
		    v[int(NR * 0.99 + 0.5) ? int(NR * 0.99 + 0.5) : 1], v[NR] }'
}
held=$(sqlite3 "${db#sqlite:}" "SELECT 1" >/dev/null 2>&1 && echo sqlite || echo postgresql)
{
	echo "import: HTTP ${imp%% *}, $(jq -r '"\(.data.households) households, \(.data.members) persons"' "$work/import.json"), $(ms "${imp##* }") ms ($held)"
	echo
	echo "| requests | phase | count | failed | 503 retried | p50 ms | p95 ms | p99 ms | max ms |"
	echo "|---|---|---|---|---|---|---|---|---|"
	for kind in reads writes logins; do
		for phase in before during; do
			if [ "$phase" = before ]; then from=0 to=$imp_start; else from=$imp_start to=$imp_end; fi
			read -r c b r p50 p95 p99 mx <<< "$(summary "$work/$kind" "$from" "$to")"
			echo "| $kind | $phase | $c | $b | $r | $p50 | $p95 | $p99 | $mx |"
		done
	done
	final=$("$tuopin" show "$hh" --full-id --format json | jq -r .phone)
	echo
	echo "last phone written: $(cat "$work/last-phone"); in the database: $final"
} | tee "$work/../import_load.md"
