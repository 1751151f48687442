#!/usr/bin/env bash
# monitor.sh BUILD [OUTDIR] [SOURCE_DB]: 防返贫监测 on the benchmark county (docs/PERFORMANCE.md, "Monitoring"),
# SQLite. SOURCE_DB is a 1,000,000-person database made by bench/tables.sh (bench/gen_registry.sh imported as of
# 2014-01-01: 333,334 households, all 未脱贫); it is COPIED to OUTDIR/monitor-bench.db (the source is never
# written) and, once, made into a county of the monitoring era through the program's own imports:
#   1. every household exits (脱贫) effective 2019-12-31 (`tuopin import events`);
#   2. the monitoring lines of 2024 and 2025 (7300 and 7600 元);
#   3. a year of incomes: the 2025 survey of every household, per head drawn from the household id so that
#      about 3 % are under the line, and the 2024 one (1 % of the households fell sharply in 2025), by SQL;
#   4. about 1 % of the households taken into monitoring (纳入监测 events effective 2025-06-30).
# Then, with the clock pinned (2026-07-01, the office's day),
#   a. the ceiling: one scan of the income table by sqlite3 (every row read);
#   b. `tuopin monitor warnings` for the county (the full list, JSON);
#   c. `tuopin monitor stats` for the county, and by town and by village (JSON).
# Prints one line per measure: wall and CPU seconds and peak RSS, and the ratios to the ceiling of the same run
# (the CPU time, user and system, says more than the wall time on a shared machine).
# Needs sqlite3, GNU time, bc, jq and faketime.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out}
src=${3:-$out/tables-bench.db}
export TUOPIN_CLOCK="2026-06-30 18:00:00"   # UTC: 2026-07-01 02:00 in the office's zone
tuopin="$(realpath tests/tools/clocked.sh) $(realpath "$build/tuopin")"
db=$out/monitor-bench.db
mkdir -p "$out"

source "$(dirname "$0")/lib.sh"   # timed, copy_db

# each step once (kept between runs; remove OUTDIR/monitor-bench.db to start again)
if [ ! -s "$db" ]; then
	copy_db "$src" "$db"
	timed "migrate the copy (tuopin init)" $tuopin --db "sqlite:$db" init
fi
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM household WHERE status = 'poor'")" -gt 0 ]; then
	sqlite3 "$db" "SELECT hh_no FROM household ORDER BY hh_no" > "$out/monitor-hh.txt"
	awk 'BEGIN { print "户编号,变动类型,生效日期,批次" } { print $1 ",脱贫,2019-12-31,2019年度脱贫" }' \
		"$out/monitor-hh.txt" > "$out/monitor-exits.csv"
	timed "import events: $(wc -l < "$out/monitor-hh.txt") exits" \
		$tuopin --db "sqlite:$db" import events "$out/monitor-exits.csv" --now "2020-01-10 09:00:00"
fi
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM poverty_line WHERE kind = 'monitoring' AND year = 2025")" -eq 0 ]; then
	$tuopin --db "sqlite:$db" monitor line set 2024 7300 --now "2026-07-01 09:00:00" >/dev/null
	$tuopin --db "sqlite:$db" monitor line set 2025 7600 --now "2026-07-01 09:00:01" >/dev/null
fi
# A year of incomes: the 2025 survey of every household, and the 2024 one for the income-fall rule. Written by
# SQL (values made to order; `tuopin import income` itself is measured by bench/income_import.sh). Per head, from the household id (the
# same every run): 3 % from 4000 to 7599 元, the rest 7600 to 25599; in 2024 1 % of the households 50 % higher
# (a fall of a third in 2025), the others 4 % lower.
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM income_year WHERE year = 2025")" -eq 0 ]; then
	timed "incomes 2024 and 2025 (sqlite3)" sqlite3 "$db" "BEGIN;
		INSERT INTO income_year (household_id, year, wage, business, property, transfer, business_cost, net_pc, size)
		SELECT id, 2025, pc * 3 - 120000, 0, 0, 120000, 0, pc, 3 FROM (SELECT id, CASE WHEN (id * 7919) % 100 < 3
			THEN 400000 + (id * 104729) % 360000 ELSE 760000 + (id * 104729) % 1800000 END / 100 * 100 AS pc
			FROM household);
		INSERT INTO income_year (household_id, year, wage, business, property, transfer, business_cost, net_pc, size)
		SELECT household_id, 2024, wage, 0, 0, 120000, 0, net_pc, 3 FROM (SELECT household_id,
			CASE WHEN (household_id * 31) % 100 = 7 THEN net_pc * 15 / 10 ELSE net_pc * 96 / 100 END / 100 * 100
			AS net_pc, 0 AS wage FROM income_year WHERE year = 2025);
		UPDATE income_year SET wage = net_pc * 3 - 120000 WHERE year = 2024;
		COMMIT;"
fi
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM monitor_case")" -eq 0 ]; then
	sqlite3 "$db" "SELECT hh_no FROM household ORDER BY hh_no" > "$out/monitor-hh.txt"
	awk 'BEGIN { print "户编号,变动类型,生效日期,原因" } NR % 97 == 0 { print $1 ",纳入监测,2025-06-30,因病" }' \
		"$out/monitor-hh.txt" > "$out/monitor-in.csv"
	timed "import events: $(($(wc -l < "$out/monitor-in.csv") - 1)) monitor_in" \
		$tuopin --db "sqlite:$db" import events "$out/monitor-in.csv" --now "2026-07-01 09:10:00"
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
	"$(sqlite3 "$db" 'SELECT COUNT(*) FROM member') persons, $(sqlite3 "$db" 'SELECT COUNT(*) FROM household') households," \
	"$(sqlite3 "$db" 'SELECT COUNT(*) FROM income_year') income rows, $(sqlite3 "$db" 'SELECT COUNT(*) FROM monitor_case') cases"

timed "ceiling: one scan of income_year (sqlite3)" sqlite3 "$db" "SELECT COUNT(*), SUM(household_id + year +
	COALESCE(wage, 0) + COALESCE(business, 0) + COALESCE(property, 0) + COALESCE(transfer, 0) +
	COALESCE(business_cost, 0) + COALESCE(net_pc, 0) + COALESCE(size, 0)) FROM income_year"
ceiling=$last
ceilingcpu=$lastcpu
ratio() { printf '  (%s; %.1f × the ceiling, CPU %.1f ×)\n' "$1" "$(echo "$last / $ceiling" | bc -l)" "$(echo "$lastcpu / $ceilingcpu" | bc -l)"; }
timed "monitor warnings (county, JSON)" $tuopin --db "sqlite:$db" monitor warnings --format json
ratio "$(jq -c '.total' "$out/timed.out")"
timed "monitor stats (county, JSON)" $tuopin --db "sqlite:$db" monitor stats --format json
ratio "$(jq -c '.totals.monitored' "$out/timed.out")"
timed "monitor stats --by town (JSON)" $tuopin --db "sqlite:$db" monitor stats --by town --format json
ratio "$(jq -c '.rows | length' "$out/timed.out") rows"
timed "monitor stats --by village (JSON)" $tuopin --db "sqlite:$db" monitor stats --by village --format json
ratio "$(jq -c '.rows | length' "$out/timed.out") rows"
