#!/usr/bin/env bash
# check.sh BUILD [OUTDIR]: data quality on the benchmark county (docs/PERFORMANCE.md, "Data quality"), SQLite.
#   1. OUTDIR/registry.csv (bench/gen_registry.sh, made when missing) rewritten by bench/realistic.sh into a
#      county after its clean-up (about 1% of the households with one problem each), imported into a fresh
#      database as of 2014-01-01;
#   2. one full scan of the member table by sqlite3 (every column of every row read), for scale;
#   3. `tuopin check`: every rule in one run, its findings kept (the first run opens them all), then the same
#      run again (nothing new: every finding is kept as it was);
#   4. a 公安 deaths list of as many rows as persons (bench/gen_deaths.sh: one row in a thousand a member,
#      some under the 15-digit number, a lower-case x or another name) imported with `tuopin import external`,
#      then matched: `tuopin check` of the rules that read it.
#   5. with BENCH_PG=1, steps 1 and 3 again on PostgreSQL (a throwaway cluster, scripts/pg-tmp.sh: socket only,
#      fsync off), and the number of findings compared with SQLite's (they must be equal).
# The clock is pinned (2026-07-01, the office's day; tests/tools/clocked.sh, libfaketime) so every run finds
# the same. Besides the wall time, each line gives the command's CPU time (user + system), which a loaded
# machine does not inflate. Prints one line per measure: wall seconds and peak RSS of the command. Needs sqlite3, GNU time, bc
# and faketime.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out}
n=${BENCH_PERSONS:-1000000}
export TUOPIN_CLOCK="2026-06-30 18:00:00"   # UTC: 2026-07-01 02:00 in the office's zone
tuopin="$(realpath tests/tools/clocked.sh) $(realpath "$build/tuopin")"
db=$out/check-bench.db
mkdir -p "$out"

[ -s "$out/registry.csv" ] && [ "$(($(wc -l < "$out/registry.csv") - 1))" -eq "$n" ] || bench/gen_registry.sh "$n" "$out"
[ -s "$out/realistic.csv" ] && [ "$out/realistic.csv" -nt "$out/registry.csv" ] ||
	bench/realistic.sh "$out/registry.csv" "$out/realistic.csv"
[ -s "$out/deaths.csv" ] && [ "$out/deaths.csv" -nt "$out/realistic.csv" ] &&
	[ "$(($(wc -l < "$out/deaths.csv") - 1))" -eq "$n" ] || bench/gen_deaths.sh "$n" "$out/realistic.csv" "$out/deaths.csv"

# timed (lib.sh): an exit status of 1 is fine, `tuopin check` says so when findings are open
source "$(dirname "$0")/lib.sh"

rules=$($tuopin --db "sqlite::memory:" check --rules | grep -c '^[A-Z]')
# BENCH_SQLITE=0 with OUTDIR/check-bench.db made by an earlier run: only the PostgreSQL part
if [ "${BENCH_SQLITE:-1}" = 1 ] || [ ! -s "$db" ]; then
	rm -f "$db" "$db"-*
	$tuopin --db "sqlite:$db" init >/dev/null
	$tuopin --db "sqlite:$db" import divisions "$out/divisions.csv" >/dev/null
	timed "import registry ($n persons)" $tuopin --db "sqlite:$db" import registry "$out/realistic.csv" --as-of 2014-01-01
	persons=$(sqlite3 "$db" "SELECT COUNT(*) FROM member")
	echo "  database size: $(($(stat -c %s "$db") / 1048576)) MB (SQLite file)"

	timed "full scan of member ($persons rows)" sqlite3 "$db" "SELECT COUNT(*), SUM(LENGTH(id_no) + LENGTH(name) +
		LENGTH(sex) + LENGTH(relation) + LENGTH(ethnicity) + LENGTH(education) + LENGTH(schooling) + LENGTH(health) +
		LENGTH(labor) + LENGTH(work_status) + IFNULL(birth, 0) + IFNULL(work_months, 0) + IFNULL(ins_medical, 0) +
		IFNULL(ins_serious, 0) + IFNULL(ins_pension, 0) + IFNULL(dibao, 0) + IFNULL(tekun, 0)) FROM member"

	timed "check, all $rules rules, first run (findings opened)" $tuopin --db "sqlite:$db" check
	echo "  findings: $(sqlite3 "$db" "SELECT COUNT(*) FROM finding WHERE state = 'open'") open, by rule: $(sqlite3 "$db" \
		"SELECT group_concat(rule || ' ' || n, ', ') FROM (SELECT rule, COUNT(*) n FROM finding GROUP BY rule ORDER BY n DESC)")"
	timed "check, all $rules rules, again (nothing new)" $tuopin --db "sqlite:$db" check

	rows=$(($(wc -l < "$out/deaths.csv") - 1))
	timed "import external deaths ($rows rows)" $tuopin --db "sqlite:$db" import external "$out/deaths.csv" --kind death \
		--date 2026-06-30 --source 公安
	timed "match: check --rule DEATH_COUNTED,DEATH_REGISTERED,NAME_MISMATCH" $tuopin --db "sqlite:$db" check \
		--rule DEATH_COUNTED,DEATH_REGISTERED,NAME_MISMATCH
	echo "  findings: $(sqlite3 "$db" "SELECT group_concat(rule || ' ' || n, ', ') FROM (SELECT rule, COUNT(*) n FROM finding
		WHERE rule IN ('DEATH_COUNTED', 'DEATH_REGISTERED', 'NAME_MISMATCH') GROUP BY rule ORDER BY rule)")"

fi

if [ "${BENCH_PG:-0}" = 1 ]; then
	source scripts/pg-tmp.sh
	trap pg_tmp_stop EXIT
	pg_tmp_start
	createdb check
	pgdb=postgresql:///check
	$tuopin --db "$pgdb" init >/dev/null
	$tuopin --db "$pgdb" import divisions "$out/divisions.csv" >/dev/null
	timed "PostgreSQL: import registry ($n persons)" $tuopin --db "$pgdb" import registry "$out/realistic.csv" \
		--as-of 2014-01-01
	echo "  database size: $(psql -d check -qtAc "SELECT pg_database_size('check') / 1048576") MB (PostgreSQL database)"
	psql -d check -qc "VACUUM ANALYZE" >/dev/null
	timed "PostgreSQL: check, all $rules rules, first run (findings opened)" $tuopin --db "$pgdb" check
	timed "PostgreSQL: check, all $rules rules, again (nothing new)" $tuopin --db "$pgdb" check
	# the same findings as SQLite's first run (the deaths list is imported into SQLite only)
	sq=$(sqlite3 "$db" "SELECT group_concat(rule || ' ' || n, ', ') FROM (SELECT rule, COUNT(*) n FROM finding
		WHERE rule NOT IN ('DEATH_COUNTED', 'DEATH_REGISTERED', 'NAME_MISMATCH') GROUP BY rule ORDER BY rule)")
	pq=$(psql -d check -qtAc "SELECT string_agg(rule || ' ' || n, ', ' ORDER BY rule) FROM (SELECT rule, COUNT(*) n
		FROM finding GROUP BY rule) x")
	[ "$sq" = "$pq" ] && echo "  PostgreSQL findings equal SQLite's: $pq" ||
		{ echo "  PostgreSQL findings differ: $pq (SQLite: $sq)" >&2; exit 1; }
fi
rm -f "$out/timed.rss" "$out/timed.out"
