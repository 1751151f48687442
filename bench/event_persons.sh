#!/usr/bin/env bash
# event_persons.sh OLD_BUILD NEW_BUILD [OUTDIR]: what the persons each event keeps (schema 0028) cost and save,
# at a county's size, on SQLite and PostgreSQL (issue 20 point 7; docs/PERFORMANCE.md "The persons an event
# keeps"). OUTDIR/registry.csv is bench/gen_registry.sh's ($BENCH_PERSONS, 1,000,000 by default; made when
# missing) with bench/gen_events.sh's five years of exits. For each engine and each build, in one run, one after
# the other: a fresh database, the registry imported as of 2014-01-01, the five years of events imported one
# recording a year (each timed: the new build counts each new event's persons), then the change report of
# 2014 (the identification: every person) and of 2016 (an ordinary year), each twice and the second reported.
# PostgreSQL runs on a throwaway cluster (scripts/pg-tmp.sh; BENCH_PG=0 leaves it out). Needs GNU time and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
builds=("$(realpath "$1")" "$(realpath "$2")")
out=${3:-bench/out-event-persons}
n=${BENCH_PERSONS:-1000000}
mkdir -p "$out"
out=$(realpath "$out")
source bench/lib.sh
[ -s "$out/registry.csv" ] && [ "$(($(wc -l < "$out/registry.csv") - 1))" -eq "$n" ] || bench/gen_registry.sh "$n" "$out"
[ -s "$out/events-2019.csv" ] || bench/gen_events.sh "$out/registry.csv" "$out"
engines=(sqlite)
if [ "${BENCH_PG:-1}" != 0 ]; then
	source scripts/pg-tmp.sh
	trap pg_tmp_stop EXIT
	pg_tmp_start
	engines+=(pg)
fi
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); $n persons"
for engine in "${engines[@]}"; do
	for b in 0 1; do
		tuopin=${builds[$b]}/tuopin
		name=$([ "$b" = 0 ] && echo old || echo new)
		if [ "$engine" = sqlite ]; then
			rm -f "$out/$name.db" "$out/$name.db"-* "$out/$name.db".*
			db=sqlite:$out/$name.db
		else
			dropdb --if-exists "$name"
			createdb "$name"
			db=postgresql:///$name
		fi
		echo "== $engine, $name build ($(git -C "${builds[$b]}/.." rev-parse --short HEAD 2>/dev/null || echo '?'))"
		"$tuopin" --db "$db" init >/dev/null
		"$tuopin" --db "$db" import divisions "$out/divisions.csv" >/dev/null
		timed "import registry" "$tuopin" --db "$db" import registry "$out/registry.csv" --as-of 2014-01-01 \
			--now "2014-01-05 10:00:00"
		total=0
		for y in 2015 2016 2017 2018 2019; do
			timed "import events $y" "$tuopin" --db "$db" import events "$out/events-$y.csv" \
				--now "$((y + 1))-01-10 09:00:00" >/dev/null
			total=$(echo "$total + $last" | bc)
		done
		echo "import events, five years ($(($(cat "$out"/events-*.csv | wc -l) - 5)) events): $total s"
		[ "$engine" = pg ] && psql -qd "$name" -c "VACUUM ANALYZE" >/dev/null
		for p in 2014 2016; do
			for i in 1 2; do
				r=$(timed "changes $p" "$tuopin" --db "$db" changes --from "$p-01-01" --to "$p-12-31" --format json)
			done
			echo "$r"
			echo "  $(jq -c '[.rows[] | "\(.type) \(.households)户\(.persons)人"]' "$out/timed.out")"
		done
	done
done
