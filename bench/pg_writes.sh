#!/usr/bin/env bash
# pg_writes.sh BUILD OUTDIR: concurrent writes on PostgreSQL through the HTTP API (issue 20, goal 6: "8 clients
# recording events in 8 different counties at once reach at least 4x one client's rate").
# A province of 8 counties (bench/gen_registry.sh $BENCH_PERSONS 8: 400,000 persons, about 16,700 households a
# county, all 未脱贫) is imported into a throwaway cluster (scripts/pg-tmp.sh, fsync off for the load), vacuumed,
# then the cluster is restarted durable (PG_TMP_FSYNC=1: fsync, synchronous_commit and full_page_writes on, as
# in production: every commit waits for its WAL on the disk). `tuopin serve --threads $SERVE_THREADS` (8)
# answers wrk on loopback, with the token of a county_admin scoped to the province (a status event is recorded
# directly, without the proposal workflow, whatever require_review says). Every request is
#   POST /api/households/HH_NO/events  {"type":"exit","effective":"2018-12-31"}
# for a household never asked for before (bench/writes.lua: each wrk thread walks its own county's households in
# import order, which goes round the villages; the households used are remembered between runs, so no household
# is asked for twice, and each answer must be a 201):
#   one client     wrk -t1 -c1: one connection, the households of the first county
#   eight clients  wrk -t8 -c8: eight connections, each on the households of its own county (8 counties)
# each after a warm-up of $WARMUP_SECONDS (2) with the same clients, for $BENCH_SECONDS (10). Prints each run's
# rate (201 answers a second), p50 and p99, the CPU used during the run (the server, PostgreSQL's processes,
# wrk and anything else on the machine, in cores; and the server's and PostgreSQL's CPU time an event: on 2
# cores, 2000 ms / that is the rate's ceiling; PostgreSQL's transactions, rows written and WAL bytes an event)
# and the ratio eight / one (the goal: at least 4).
# Then, the server stopped, the checks (the exit status is 1 if one fails): no answer other than a 201; the exit
# events in the database (psql) are the 201 answers, plus at most the requests still in flight when wrk stopped
# (sent, committed, their answer never read); no household has two; one audit row event.record an event;
# `tuopin check --rule AGGREGATE,BALANCE --dry-run` (the statistics against the records) finds nothing;
# `tuopin audit verify` passes.
# BUILD is the build folder (BUILD/tuopin) or the binary. OUTDIR keeps the sheets (OUTDIR/data, made if missing
# or of another size) and the runs' files (OUTDIR/run: wrk's output, the server's log, the households, the
# audit key and anchors).
# Knobs: BENCH_SECONDS (10), WARMUP_SECONDS (2), BENCH_PERSONS (400000; the runs stop with an error if a county
# runs out of households), SERVE_THREADS (8), PGPORT (random), KEEP_PG=1 (leave the cluster running at the end,
# for a look with psql; its folder is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: pg_writes.sh BUILD OUTDIR}
out=${2:?usage: pg_writes.sh BUILD OUTDIR}
if [ -d "$build" ]; then tuopin=$(realpath "$build/tuopin"); else tuopin=$(realpath "$build"); fi
[ -x "$tuopin" ] || { echo "pg_writes.sh: no tuopin at $build" >&2; exit 2; }
dur=${BENCH_SECONDS:-10}
warm=${WARMUP_SECONDS:-2}
n=${BENCH_PERSONS:-400000}
threads=${SERVE_THREADS:-8}
lua=$(realpath bench/writes.lua)
mkdir -p "$out"
out=$(realpath "$out")
data=$out/data
w=$out/run
rm -rf "$w"
mkdir -p "$w/hh"

# the sheets: 8 counties (gen_registry.sh is deterministic: kept between runs)
[ -s "$data/registry.csv" ] && [ "$(($(wc -l <"$data/registry.csv") - 1))" -eq "$n" ] &&
	[ "$(grep -c ',县,' "$data/divisions.csv")" -eq 8 ] || nice bench/gen_registry.sh "$n" "$data" 8 >&2

source scripts/pg-tmp.sh
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	if [ "${KEEP_PG:-0}" = 1 ]; then echo "cluster left running: PGHOST=$PGHOST PGPORT=$PGPORT" >&2; else pg_tmp_stop; fi
}
trap cleanup EXIT
PGPORT=${PGPORT:-$((50000 + RANDOM % 10000))}
pg_tmp_start
export TUOPIN_DB=postgresql:///bench
# the audit key and anchors of this database, not ./tuopin-audit.key* (a run's anchors would not fit the next)
export TUOPIN_AUDIT_KEY=$w/audit.key TUOPIN_AUDIT_ANCHORS=$w/audit-anchors
createdb bench
t0=$(date +%s.%N)
"$tuopin" init >/dev/null
"$tuopin" import divisions "$data/divisions.csv" >/dev/null
"$tuopin" import registry "$data/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >&2
psql -qc "VACUUM ANALYZE" bench   # as autovacuum would have done by then (nor running during the measurement)
t1=$(date +%s.%N)
echo "import ($n persons, fsync off): $(echo "$t1 - $t0" | bc) s" >&2
PG_TMP_FSYNC=1 pg_tmp_restart fast
durable=$(psql -qtAc "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings
	WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')" bench)
[ "$durable" = "fsync=on full_page_writes=on synchronous_commit=on" ] ||
	{ echo "pg_writes.sh: the cluster is not durable: $durable" >&2; exit 1; }

"$tuopin" user add benchwrites --role county_admin --division 370000000000 --password 'Wrk-Load-2026!' --keep \
	>/dev/null
token=$("$tuopin" token add benchwrites --name wrk --days 1)

# each county's households (未脱贫, so an exit is allowed once), in import order, one file a county
psql -qtAc "SELECT hh_no FROM household ORDER BY id" bench |
	awk -v d="$w/hh" '{ f = d "/" substr($1, 1, 6) ".txt"; print > f }'
counties=$(cd "$w/hh" && ls ./*.txt | sed 's#^\./##; s#\.txt$##' | sort)
[ "$(echo "$counties" | wc -l)" -eq 8 ] || { echo "pg_writes.sh: expected 8 counties, got: $counties" >&2; exit 1; }
echo "households a county: $(for c in $counties; do printf '%s ' "$(wc -l <"$w/hh/$c.txt")"; done)" >&2

port=$((30000 + RANDOM % 10000))
"$tuopin" serve --listen "127.0.0.1:$port" --threads "$threads" >/dev/null 2>"$w/serve.err" &
pid=$!
for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$port/api/ping" && break; sleep 0.05; done
pgmaster=$(head -1 "$PGTMP/data/postmaster.pid")
hz=$(getconf CLK_TCK)

# jiffies PID...: the CPU ticks (user + system) of these processes so far
jiffies() {
	local p s=0
	for p in "$@"; do
		[ -r "/proc/$p/stat" ] || continue
		s=$((s + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{ print $12 + $13 }')))
	done
	echo "$s"
}
pgjiffies() {   # PostgreSQL's processes: the postmaster and its children
	local ps
	mapfile -t ps < <(pgrep -P "$pgmaster")
	jiffies "$pgmaster" "${ps[@]}"
}
# pgstat: the database's transactions committed (the read-only too), rows inserted, updated and deleted so far,
# and the WAL position in bytes
pgstat() {
	psql -qtAc "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted, pg_current_wal_lsn() - '0/0'
		FROM pg_stat_database WHERE datname = 'bench'" bench
}
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }   # the machine's busy ticks

ok_total=0 bad_total=0 sent_total=0 answered_total=0
# run NAME CLIENTS: warm-up, then the measured run; sets rate_NAME and prints the line
run() {
	local name=$1 c=$2 cs
	cs=$(echo "$counties" | head -"$c" | tr '\n' ' ')
	local args=(-t"$c" -c"$c" --latency -H "Authorization: Bearer $token" -s "$lua" "http://127.0.0.1:$port/")
	COUNTIES=$cs HH_DIR=$w/hh wrk -d"${warm}s" "${args[@]}" >"$w/wrk-$name-warm.txt" 2>&1
	tally "$w/wrk-$name-warm.txt"
	local s0 p0 b0 s1 p1 b1 g0 g1
	g0=$(pgstat)
	s0=$(jiffies "$pid")
	p0=$(pgjiffies)
	b0=$(busy)
	COUNTIES=$cs HH_DIR=$w/hh /usr/bin/time -f "wrkcpu %U %S" wrk -d"${dur}s" "${args[@]}" >"$w/wrk-$name.txt" 2>&1
	s1=$(jiffies "$pid")
	p1=$(pgjiffies)
	b1=$(busy)
	g1=$(pgstat)
	tally "$w/wrk-$name.txt"
	awk -v n="$name" -v hz="$hz" -v d="$dur" -v s="$((s1 - s0))" -v p="$((p1 - p0))" -v b="$((b1 - b0))" \
		-v g0="$g0" -v g1="$g1" '
		/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] } }
		/^wrkcpu/ { wc = $2 + $3 }
		END {
			secs = r["us"] / 1e6
			printf "%-14s %8.1f events/s   p50 %7.2f ms   p99 %7.2f ms   (%d answered in %.1f s)\n", n,
				(r["answered"] - r["non2xx"]) / secs, r["p50"] / 1000, r["p99"] / 1000, r["answered"], secs
			ok = r["answered"] - r["non2xx"]
			printf "%-14s CPU, in cores: server %.2f, PostgreSQL %.2f, wrk %.2f, anything else %.2f; " \
				"busy %.2f of %d\n", "", s / hz / d, p / hz / d, wc / d, (b / hz - s / hz - p / hz - wc) / d,
				b / hz / d, '"$(nproc)"'
			printf "%-14s CPU an event: %.2f ms (server + PostgreSQL)\n", "", ok ? (s + p) / hz * 1000 / ok : 0
			split(g0, a, "|"); split(g1, z, "|")
			if (ok) printf "%-14s PostgreSQL an event: %.1f transactions (the read-only too), %.1f rows inserted, " \
				"%.1f updated, %.1f deleted, %.0f bytes of WAL\n", "", (z[1] - a[1]) / ok, (z[2] - a[2]) / ok,
				(z[3] - a[3]) / ok, (z[4] - a[4]) / ok, (z[5] - a[5]) / ok
			if (r["non2xx"] + r["errors"] > 0) printf "%-14s NON-2xx %d, socket errors %d\n", "", r["non2xx"], r["errors"]
			if (r["out"] > 0) printf "%-14s RAN OUT of households (raise BENCH_PERSONS)\n", ""
			printf "%.3f\n", (r["answered"] - r["non2xx"]) / secs > "/dev/stderr"
		}' "$w/wrk-$name.txt" 2>"$w/rate-$name"
}
# tally FILE: add a wrk run's answers to the totals; a county that ran out stops the script
tally() {
	local line r_answered=0 r_non2xx=0 r_errors=0 r_sent=0 r_out=0
	line=$(grep '^RESULT' "$1") || { echo "pg_writes.sh: wrk failed:" >&2; cat "$1" >&2; exit 1; }
	eval "$(echo "$line" | sed 's/^RESULT //; s/\([a-z0-9]*\)=/r_\1=/g')"
	ok_total=$((ok_total + r_answered - r_non2xx))
	bad_total=$((bad_total + r_non2xx + r_errors))
	sent_total=$((sent_total + r_sent))
	answered_total=$((answered_total + r_answered))
	[ "$r_out" -eq 0 ] || { echo "pg_writes.sh: a county ran out of households in $1: raise BENCH_PERSONS" >&2; exit 1; }
}

echo "PostgreSQL $(psql -qtAc 'SHOW server_version' bench) ($durable), tuopin serve --threads $threads," \
	"$(nproc) cores; POST /api/households/HH_NO/events (exit), ${warm}s warm-up + ${dur}s a run:"
run one 1
run eight 8
one=$(cat "$w/rate-one")
eight=$(cat "$w/rate-eight")
awk -v a="$one" -v b="$eight" 'BEGIN { printf "eight / one: %.2f (goal: at least 4)\n", b / a }'

# the checks, the server stopped (every transaction it began is over)
kill "$pid"
wait "$pid" 2>/dev/null || true
pid=
fail=0
check() {   # check TEXT CONDITION...
	local text=$1
	shift
	if "$@"; then echo "check: $text: ok"; else echo "check: $text: FAILED"; fail=1; fi
}
events=$(psql -qtAc "SELECT COUNT(*) FROM change_event WHERE type = 'exit'" bench)
twice=$(psql -qtAc "SELECT COUNT(*) FROM (SELECT household_id FROM change_event WHERE type = 'exit'
	GROUP BY household_id HAVING COUNT(*) > 1) t" bench)
audited=$(psql -qtAc "SELECT COUNT(*) FROM audit WHERE action = 'event.record'" bench)
inflight=$((sent_total - answered_total))   # sent and never answered (wrk stopped): at most one a connection
check "every answer a 201 ($ok_total; others and socket errors: $bad_total)" [ "$bad_total" -eq 0 ]
check "exit events in the database $events = 201 answers $ok_total + $((events - ok_total)) in flight" \
	test "$events" -ge "$ok_total" -a "$events" -le $((ok_total + inflight))
check "no household with two exits ($twice)" [ "$twice" -eq 0 ]
check "audit rows event.record $audited = events $events" [ "$audited" -eq "$events" ]
if "$tuopin" check --rule AGGREGATE,BALANCE --dry-run >"$w/check.txt" 2>&1; then c=0; else c=$?; fi
check "tuopin check --rule AGGREGATE,BALANCE: $(head -1 "$w/check.txt")" [ "$c" -eq 0 ]
if "$tuopin" audit verify >"$w/audit.txt" 2>&1; then c=0; else c=$?; fi
check "tuopin audit verify: $(head -1 "$w/audit.txt")" [ "$c" -eq 0 ]
exit "$fail"
