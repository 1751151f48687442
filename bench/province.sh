#!/usr/bin/env bash
# province.sh BUILD [OUTDIR]: a province on one machine (issue 20, docs/PERFORMANCE.md "A province"), SQLite.
# OUTDIR/registry.csv (bench/gen_registry.sh N OUTDIR 120, made when missing: BENCH_PERSONS, 10,000,000 by
# default, in 120 counties, 1,500 towns and 24,960 villages) imported as of 2014-01-01 into OUTDIR/province.db
# (kept between runs), timed with its peak memory; then the database's size, and as of 2014-12-31:
#   1. the ceiling: a plain SQL count by sqlite3 of the persons present in the households in force that day;
#   2. `stats` for the province (by city), for one county (by town), and as recorded at an instant;
#   3. standard tables for the province (by city) and for one county (by town): 1.1, 1.0 and 2.9;
#   4. the change table 2014 and the change report (`changes`) 2014 for the province.
# One line per command: wall and CPU seconds, peak RSS. Needs sqlite3, GNU time and bc.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out-province}
n=${BENCH_PERSONS:-10000000}
tuopin=$(realpath "$build/tuopin")
db=$out/province.db
county=370181000000
day=20141231
mkdir -p "$out"
source "$(dirname "$0")/lib.sh"
[ -s "$out/registry.csv" ] && [ "$(($(wc -l < "$out/registry.csv") - 1))" -eq "$n" ] ||
	bench/gen_registry.sh "$n" "$out" 120
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $n persons"
if [ ! -s "$db" ]; then
	"$tuopin" --db "sqlite:$db" init >/dev/null
	timed "import divisions (26,596)" "$tuopin" --db "sqlite:$db" import divisions "$out/divisions.csv"
	# a file of more than 2,000,000 rows needs the limit raised (TUOPIN_IMPORT_MAX_ROWS, DEPLOY.md)
	TUOPIN_IMPORT_MAX_ROWS=$((n + 1)) timed "import registry ($n persons)" "$tuopin" --db "sqlite:$db" import \
		registry "$out/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
	echo "  ($(tail -1 "$out/timed.out"))"
	grep -q "建档" "$out/timed.out" || { echo "the import wrote nothing" >&2; rm -f "$db"; exit 1; }
fi
echo "database: $(($(stat -c %s "$db") / 1048576)) MB ($(echo "scale=0; $(stat -c %s "$db") / 1048576 * 1000000 / $n" | bc) MB per million persons)"

timed "ceiling: SQL count of the persons of the day (sqlite3)" sqlite3 "$db" "SELECT COUNT(*) FROM household_status_span hs
	JOIN household h ON h.id = hs.household_id JOIN membership_span s ON s.household_id = h.id
	AND s.valid_from <= $day AND $day < s.valid_to AND s.recorded_to = 99991231235959 JOIN member m ON m.id = s.member_id
	WHERE hs.valid_from <= $day AND $day < hs.valid_to AND hs.recorded_to = 99991231235959"
echo "  ($(cat "$out/timed.out"))"
timed "stats, the province by city" "$tuopin" --db "sqlite:$db" stats --as-of 2014-12-31 --format json
timed "stats, one county by town" "$tuopin" --db "sqlite:$db" stats --as-of 2014-12-31 --division $county --format json
timed "stats, the province by city, as recorded at 2014-01-06" "$tuopin" --db "sqlite:$db" stats --as-of 2014-12-31 \
	--recorded-at "2014-01-06 00:00:00" --format json
for t in 1.1 1.0 2.9; do
	timed "report $t, the province by city" "$tuopin" --db "sqlite:$db" report $t --as-of 2014-12-31 --format json
	timed "report $t, one county by town" "$tuopin" --db "sqlite:$db" report $t --as-of 2014-12-31 --division $county \
		--format json
done
timed "report change 2014, the province by city" "$tuopin" --db "sqlite:$db" report change --from 2014-01-01 \
	--to 2014-12-31 --format json
timed "changes 2014 (the change report), the province" "$tuopin" --db "sqlite:$db" changes --from 2014-01-01 \
	--to 2014-12-31 --format json
