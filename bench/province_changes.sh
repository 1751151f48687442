#!/usr/bin/env bash
# province_changes.sh BUILD [OUTDIR]: the change reports of a province (issue 20 point 7, docs/PERFORMANCE.md
# "The change report"), SQLite. OUTDIR/province.db is bench/province.sh's (made by it when missing); five
# years of exits are added once (bench/gen_events.sh: every second household exits in one of 2015-2019, each
# year's file imported as one recording early in the next year). Then, each twice (the second is reported
# warm):
#   1. the ceiling: sqlite3 counting the rows a year's change report read before schema 0028 (the year's
#      household-level events joined to their members on the effective day, from the same indexes), and, where
#      the events keep their persons (0028), sqlite3 reading the events of 2014 and 2016 alone with them;
#   2. `changes` (the change report) for 2016 (333,334 exits), the province;
#   3. `changes` for 2014, the identification year (every household and person of the province);
#   4. `report change` (the change table) for 2016, the province by city.
# One line per command: wall and CPU seconds, peak RSS. Needs sqlite3, GNU time and bc.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out-province}
tuopin=$(realpath "$build/tuopin")
db=$out/province.db
source "$(dirname "$0")/lib.sh"
[ -s "$db" ] || bench/province.sh "$build" "$out" >/dev/null
"$tuopin" --db "sqlite:$db" init >/dev/null
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM change_event WHERE type = 'exit'")" = 0 ]; then
	bench/gen_events.sh "$out/registry.csv" "$out"
	for y in 2015 2016 2017 2018 2019; do
		timed "import events $y" "$tuopin" --db "sqlite:$db" import events "$out/events-$y.csv" \
			--now "$((y + 1))-01-10 09:00:00"
	done
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
t=99991231235958
for i in 1 2; do
	timed "ceiling: the rows of 2016's change report (sqlite3)" sqlite3 "$db" "PRAGMA mmap_size=1073741824;
		SELECT COUNT(*) FROM change_event e LEFT JOIN membership_span m ON m.household_id = e.household_id
		AND m.valid_from <= e.effective AND e.effective < m.valid_to AND m.recorded_from <= $t AND $t < m.recorded_to
		WHERE e.effective BETWEEN 20160101 AND 20161231 AND e.member_id IS NULL AND e.recorded_at <= $t"
done
echo "  ($(tail -1 "$out/timed.out") rows)"
# since schema 0028 a report as now known reads the events alone, with the persons each keeps: the ceiling of
# that, for the identification year and for 2016 (where the database has the column)
if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM pragma_table_info('change_event') WHERE name = 'persons'")" = 1 ]; then
	for y in 2014 2016; do
		for i in 1 2; do
			timed "ceiling: $y's events with their kept persons (sqlite3)" sqlite3 "$db" "PRAGMA mmap_size=1073741824;
				SELECT e.type, COUNT(*), SUM(e.persons) FROM change_event e WHERE e.effective BETWEEN ${y}0101 AND ${y}1231
				AND e.member_id IS NULL AND e.type NOT IN ('merge', 'data_fix') AND e.recorded_at <= $t
				AND e.village BETWEEN 0 AND 999999999999 AND NOT EXISTS (SELECT 1 FROM event_supersession x
				WHERE x.event_id = e.id AND x.at <= $t) GROUP BY e.type"
		done
	done
fi
for i in 1 2; do
	timed "changes 2016, the province" "$tuopin" --db "sqlite:$db" changes --from 2016-01-01 --to 2016-12-31 \
		--format json
done
for i in 1 2; do
	timed "changes 2014 (the identification), the province" "$tuopin" --db "sqlite:$db" changes \
		--from 2014-01-01 --to 2014-12-31 --format json
done
for i in 1 2; do
	timed "report change 2016, the province by city" "$tuopin" --db "sqlite:$db" report change \
		--from 2016-01-01 --to 2016-12-31 --format json
done
