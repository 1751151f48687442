#!/usr/bin/env bash
# tables.sh BUILD [OUTDIR]: the standard tables on the benchmark county (docs/PERFORMANCE.md, "Standard tables"),
# SQLite. OUTDIR/registry.csv (bench/gen_registry.sh, made when missing: 1,000,000 persons in 8 towns and 200
# villages) imported as of 2014-01-01 into OUTDIR/tables-bench.db (kept between runs); then, as of 2014-12-31,
#   1. the engine's ceiling: a plain SQL count by sqlite3 over the same rows the tables read (the persons present
#      on the day in the households whose status span covers it, joined to their household and member rows);
#   2. every table of `tuopin report list` for the county (rows: its towns) and by village, as JSON;
#   3. the change table for 2014, county and by village;
#   4. the county-wide person list (roster) to XLSX and to CSV.
# Prints one line per command: wall seconds and peak RSS. Needs sqlite3 and GNU time.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out}
n=${BENCH_PERSONS:-1000000}
tuopin=$(realpath "$build/tuopin")
db=$out/tables-bench.db
day=20141231
mkdir -p "$out"
[ -s "$out/registry.csv" ] && [ "$(($(wc -l < "$out/registry.csv") - 1))" -eq "$n" ] || bench/gen_registry.sh "$n" "$out"
if [ ! -s "$db" ]; then
	"$tuopin" --db "sqlite:$db" init >/dev/null
	"$tuopin" --db "sqlite:$db" import divisions "$out/divisions.csv" >/dev/null
	"$tuopin" --db "sqlite:$db" import registry "$out/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >/dev/null
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $(sqlite3 "$db" 'SELECT COUNT(*) FROM member') persons"

# timed LABEL CMD...: "LABEL: S s, R MB peak RSS"
timed() {
	local label=$1
	shift
	local t0 t1
	t0=$(date +%s.%N)
	/usr/bin/time -f "%M" -o "$out/time.rss" "$@" >"$out/time.out"
	t1=$(date +%s.%N)
	awk -v l="$label" -v a="$t0" -v b="$t1" -v m="$(tail -1 "$out/time.rss")" \
		'BEGIN { printf "%s: %.2f s, %.0f MB peak RSS\n", l, b - a, m / 1024 }'
}

timed "ceiling: SQL count of the same rows (sqlite3)" sqlite3 "$db" "SELECT COUNT(*), COUNT(DISTINCT h.id),
	SUM(m.sex = '2') FROM household_status_span hs JOIN household h ON h.id = hs.household_id
	JOIN membership_span s ON s.household_id = h.id AND s.valid_from <= $day AND $day < s.valid_to
	AND s.recorded_to = 99991231235959 JOIN member m ON m.id = s.member_id
	WHERE hs.valid_from <= $day AND $day < hs.valid_to AND hs.recorded_to = 99991231235959"
echo "  ($(cat "$out/time.out"))"
for t in $("$tuopin" --db "sqlite:$db" report list --format json | jq -r '.tables[].code'); do
	[ "$t" = change ] && continue
	timed "report $t (county, by town)" "$tuopin" --db "sqlite:$db" report "$t" --as-of 2014-12-31 --format json
	timed "report $t (by village)" "$tuopin" --db "sqlite:$db" report "$t" --as-of 2014-12-31 --by village --format json
done
timed "report change 2014 (county)" "$tuopin" --db "sqlite:$db" report change --from 2014-01-01 --to 2014-12-31 --format json
echo "  (balance holds: $(jq -r '.balance.holds' "$out/time.out"); $(jq -c '.total.values | {start_p, new_p, end_p}' "$out/time.out"))"
timed "report change 2014 (by village)" "$tuopin" --db "sqlite:$db" report change --from 2014-01-01 --to 2014-12-31 --by village --format json
# anon LABEL CMD...: the peak of the command's anonymous memory (RssAnon: heap and stacks, not the database file
# SQLite maps into memory, which peak RSS counts), sampled every 0.1 s
anon() {
	local label=$1 pid peak=0 a
	shift
	"$@" >/dev/null &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		a=$(awk '/^RssAnon:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
		[ -n "$a" ] && [ "$a" -gt "$peak" ] && peak=$a
		sleep 0.1
	done
	wait "$pid"
	awk -v l="$label" -v p="$peak" 'BEGIN { printf "%s: peak anonymous memory %.1f MB\n", l, p / 1024 }'
}
anon "report 1.1 by village" "$tuopin" --db "sqlite:$db" report 1.1 --as-of 2014-12-31 --by village --format json
anon "report roster, the county to XLSX" "$tuopin" --db "sqlite:$db" report roster --as-of 2014-12-31 --out "$out/roster.xlsx"
anon "report roster, one town to XLSX" "$tuopin" --db "sqlite:$db" report roster --as-of 2014-12-31 --division 371399100000 --out "$out/roster-town.xlsx"
timed "report roster, the county to XLSX" "$tuopin" --db "sqlite:$db" report roster --as-of 2014-12-31 --out "$out/roster.xlsx"
echo "  ($(cat "$out/time.out"); $(du -m "$out/roster.xlsx" | cut -f1) MB)"
timed "report roster, the county to CSV" "$tuopin" --db "sqlite:$db" report roster --as-of 2014-12-31 --format csv --out "$out/roster.csv"
echo "  ($(cat "$out/time.out"))"
