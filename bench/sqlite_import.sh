#!/usr/bin/env bash
# sqlite_import.sh BUILD OUTDIR: `tuopin import registry` of OUTDIR/registry.csv into a fresh SQLite database,
# against the ceiling of SQLite itself writing the same rows into the same tables (same schema and indexes,
# one transaction): INSERT ... SELECT from the imported database. Prints one line per measure and the ratio.
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
	(SELECT COUNT(*) FROM change_event) + (SELECT COUNT(*) FROM income_year)")

# the ceiling: the same rows into the same empty tables, by SQLite alone
"$tuopin" --db "sqlite:$ceil" init >/dev/null
sqlite3 "$ceil" "ATTACH '$db' AS src; INSERT INTO division SELECT * FROM src.division;" >/dev/null
t2=$(date +%s.%N)
sqlite3 "$ceil" "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;
	ATTACH '$db' AS src; BEGIN;
	INSERT INTO household SELECT * FROM src.household;
	INSERT INTO member SELECT * FROM src.member;
	INSERT INTO household_status_span SELECT * FROM src.household_status_span;
	INSERT INTO membership_span SELECT * FROM src.membership_span;
	INSERT INTO change_event SELECT * FROM src.change_event;
	INSERT INTO income_year SELECT * FROM src.income_year;
	COMMIT;" >/dev/null
t3=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v p="$persons" -v r="$rows" -v m="$(cat "$out/import.rss")" 'BEGIN {
	imp = b - a; cei = d - c
	printf "sqlite import: %d persons (%d rows in 6 tables) in %.1f s = %.0f persons/s, peak RSS %.0f MB\n", p, r, imp, p / imp, m / 1024
	printf "sqlite ceiling (INSERT ... SELECT of the same rows): %.1f s = %.0f rows/s\n", cei, r / cei
	printf "sqlite import / ceiling: %.2f\n", cei / imp
}'
