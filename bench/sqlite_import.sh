#!/usr/bin/env bash
# sqlite_import.sh BUILD OUTDIR: `tuopin import registry` of OUTDIR/registry.csv into a fresh SQLite database,
# against the ceiling of bench/sqlite_ceiling.c writing the same rows into the same tables (same schema and
# indexes, prepared inserts, one transaction), and of SQLite copying them by itself (INSERT ... SELECT).
# Prints one line per measure and the ratios.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out}
tuopin=$build/tuopin
db=$out/sqlite-bench.db
ceil=$out/sqlite-ceiling.db
rm -f "$db" "$db"-* "$ceil" "$ceil"-*
"$tuopin" --db "sqlite:$db" init >/dev/null
"$tuopin" --db "sqlite:$db" import divisions "$out/divisions.csv" >/dev/null
t0=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$out/import.rss" "$tuopin" --db "sqlite:$db" import registry "$out/registry.csv" --as-of 2014-01-01 >/dev/null
t1=$(date +%s.%N)
persons=$(sqlite3 "$db" "SELECT COUNT(*) FROM member")
rows=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM household) + (SELECT COUNT(*) FROM member) +
	(SELECT COUNT(*) FROM household_status_span) + (SELECT COUNT(*) FROM membership_span) +
	(SELECT COUNT(*) FROM change_event) + (SELECT COUNT(*) FROM income_year) +
	(SELECT COUNT(*) FROM stat_delta) + (SELECT COUNT(*) FROM stat_rollup) + (SELECT COUNT(*) FROM stat_rollup_month) +
	(SELECT COUNT(*) FROM stat_recorded)")

# the ceiling (bench/sqlite_ceiling.c): the same rows, read into memory first, inserted into the same empty
# tables and indexes by one prepared statement per table in one transaction; only the inserts are timed
"$tuopin" --db "sqlite:$ceil" init >/dev/null
sqlite3 "$ceil" "ATTACH '$db' AS src; INSERT INTO division SELECT * FROM src.division;" >/dev/null
read -r crow csec _ < <("$build/sqlite_ceiling" "$db" "$ceil")
# and SQLite copying them by itself (INSERT ... SELECT, no binding at all): a stricter bound, for scale
rm -f "$ceil" "$ceil"-*
"$tuopin" --db "sqlite:$ceil" init >/dev/null
sqlite3 "$ceil" "ATTACH '$db' AS src; INSERT INTO division SELECT * FROM src.division;" >/dev/null
t2=$(date +%s.%N)
sqlite3 "$ceil" "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;
	PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -262144;
	ATTACH '$db' AS src; BEGIN;
	INSERT INTO household SELECT * FROM src.household;
	INSERT INTO member SELECT * FROM src.member;
	INSERT INTO household_status_span SELECT * FROM src.household_status_span;
	INSERT INTO membership_span SELECT * FROM src.membership_span;
	INSERT INTO change_event SELECT * FROM src.change_event;
	INSERT INTO income_year SELECT * FROM src.income_year;
	INSERT INTO stat_delta SELECT * FROM src.stat_delta;
	INSERT INTO stat_rollup SELECT * FROM src.stat_rollup;
	INSERT INTO stat_rollup_month SELECT * FROM src.stat_rollup_month;
	INSERT INTO stat_recorded SELECT * FROM src.stat_recorded;
	COMMIT;" >/dev/null
t3=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v p="$persons" -v r="$rows" -v m="$(cat "$out/import.rss")" \
	-v cr="$crow" -v cs="$csec" 'BEGIN {
	imp = b - a; cei = d - c
	printf "sqlite import: %d persons (%d rows) in %.1f s = %.0f persons/s, peak RSS %.0f MB\n", p, r, imp, p / imp, m / 1024
	printf "sqlite ceiling (prepared inserts, bench/sqlite_ceiling.c): %d rows in %.1f s = %.0f persons/s\n", cr, cs, p / cs
	printf "sqlite INSERT ... SELECT of the same rows: %.1f s = %.0f persons/s\n", cei, p / cei
	printf "sqlite import / ceiling: %.2f (against INSERT ... SELECT: %.2f)\n", cs / imp, cei / imp
}'
