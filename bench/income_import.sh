#!/usr/bin/env bash
# income_import.sh BUILD [OUTDIR] [SOURCE_DB]: `tuopin import income`, one year's survey (收入调查) of every
# household of the benchmark county (docs/PERFORMANCE.md, "Income survey import"), SQLite, against the ceiling
# of the same run. SOURCE_DB is a 1,000,000-person database made by bench/tables.sh (333,334 households; by
# default OUTDIR/tables-bench.db); it is COPIED to OUTDIR/income-before.db (the source is never written) and
# migrated once; every measure starts from a fresh copy of that (OUTDIR/income-bench.db):
#   a. the import, checks only (--dry-run: every row checked, nothing written);
#   b. the import: OUTDIR/income-2025.csv (户编号, 收入年度 2025, the four income items and the cost, per
#      household from its id; no 家庭人口, so each size is counted from the members at the end of 2025), all
#      rows checked and written in one transaction (income_year and a version in income_revision each);
#   c. the ceiling (bench/sqlite_ceiling.c): the rows b wrote read into memory, then inserted into a fresh
#      copy by one prepared INSERT per table in one transaction (same schema, indexes and triggers); only the
#      inserts are timed.
# Prints wall and CPU seconds and peak RSS of each, and import / ceiling (the share of the ceiling's speed the
# import reaches, as bench/sqlite_import.sh: 1 would be the ceiling) in wall and in CPU time.
# Needs sqlite3, GNU time and bc.
set -euo pipefail
build=${1:-build}
out=${2:-bench/out}
src=${3:-$out/tables-bench.db}
tuopin=$(realpath "$build/tuopin")
base=$out/income-before.db
db=$out/income-bench.db
csv=$out/income-2025.csv
now="2026-03-01 09:00:00"
mkdir -p "$out"

source "$(dirname "$0")/lib.sh"   # timed, copy_db
fresh() {   # fresh DB: OUTDIR/income-before.db copied to DB
	copy_db "$base" "$1"
}

if [ ! -s "$base" ]; then
	copy_db "$src" "$base"
	"$tuopin" --db "sqlite:$base" init >/dev/null
fi
if [ ! -s "$csv" ]; then
	sqlite3 "$base" "SELECT hh_no, id FROM household ORDER BY hh_no" | awk -F'|' '
		BEGIN { print "户编号,收入年度,工资性收入,生产经营性收入,财产性收入,转移性收入,生产经营性支出" }
		{ printf "%s,2025,%d,%d,0,1200,%d\n", $1, 6000 + ($2 * 104729) % 20000, ($2 % 7) * 500, ($2 % 5) * 100 }' > "$csv"
fi
rows=$(($(wc -l < "$csv") - 1))
echo "# income import: $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg);" \
	"$(sqlite3 "$base" 'SELECT COUNT(*) FROM household') households, $rows rows"

fresh "$db"
timed "import income --dry-run ($rows rows)" "$tuopin" --db "sqlite:$db" import income "$csv" --now "$now" --dry-run
fresh "$db"
timed "import income ($rows rows)" "$tuopin" --db "sqlite:$db" import income "$csv" --now "$now"
imp=$last
impcpu=$lastcpu
tail -1 "$out/timed.out"
written=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM income_year WHERE year = 2025) + (SELECT COUNT(*) FROM income_revision WHERE year = 2025)")
ceil=$out/income-ceiling.db
fresh "$ceil"
read -r crow csec ccpu < <("$build/sqlite_ceiling" "$db" "$ceil" "income_year:year = 2025" "income_revision:year = 2025")
[ "$crow" -eq "$written" ] || { echo "ceiling wrote $crow rows, the import $written" >&2; exit 1; }
printf 'ceiling (prepared inserts, bench/sqlite_ceiling.c): %d rows in %.2f s (CPU %.2f s)\n' "$crow" "$csec" "$ccpu"
printf 'import income / ceiling: %.2f (CPU %.2f)\n' "$(echo "$csec / $imp" | bc -l)" "$(echo "$ccpu / $impcpu" | bc -l)"
rm -f "$ceil" "$ceil"-* "$db" "$db"-*
