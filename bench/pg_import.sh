#!/usr/bin/env bash
# pg_import.sh [BUILD_DIR] [N | DATA_DIR]: how fast `tuopin import registry` loads a county into PostgreSQL,
# against the ceiling: a bare COPY of the very same rows (the import's own rows, exported to files) with psql
# \copy into a fresh database of the same schema, in one transaction. Both run on one throwaway cluster
# (scripts/pg-tmp.sh: socket only, fsync off), one after the other. Also times a --dry-run of the import
# (reading, validating and the database look-ups, nothing written), the COPY into tables with no index or key,
# and the same import on SQLite, to show where the time goes; then bench/http.sh on the imported database (the
# household page and county stats on PostgreSQL, to set beside SQLite's). Prints a summary for
# docs/PERFORMANCE.md.
# The sheets are bench/gen_registry.sh's: N persons in bench/out/pg-N, or those in DATA_DIR (default
# bench/out, as bench/run.sh passes it), made there if missing with $BENCH_PERSONS (1,000,000) persons.
# A province (issue 20): BENCH_PERSONS=10000000 TUOPIN_IMPORT_MAX_ROWS=10000001 BENCH_PG_SQLITE=0
# BENCH_PG_PROVINCE=1 bench/pg_import.sh BUILD DIR, with DIR/registry.csv from gen_registry.sh 10000000 DIR 120:
# no SQLite comparison (bench/province.sh has it), and bench/province.sh's stats, tables and change report on
# the imported database instead of bench/http.sh's county routes.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${BENCH_PERSONS:-1000000}
data=bench/out
if [[ "${2:-}" =~ ^[0-9]+$ ]]; then n=$2; data=bench/out/pg-$n; else data=${2:-bench/out}; fi
tuopin=$(realpath "$build/tuopin")
mkdir -p "$data"
[ -s "$data/registry.csv" ] && [ "$(($(wc -l < "$data/registry.csv") - 1))" -eq "$n" ] || bench/gen_registry.sh "$n" "$data"
data=$(realpath "$data")
out="$data/pg"   # the COPY files (written by psql, the client) and the SQLite comparison
rm -rf "$out"
mkdir -p "$out"

source scripts/pg-tmp.sh
trap pg_tmp_stop EXIT
pg_tmp_start
clock() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
fresh() {   # fresh NAME: a new database with the schema and the divisions
	createdb "$1"
	"$tuopin" --db "postgresql:///$1" init >/dev/null
	"$tuopin" --db "postgresql:///$1" import divisions "$data/divisions.csv" >/dev/null
}
import() {   # import DB_URI [--dry-run]
	"$tuopin" --db "$1" import registry "$data/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" "${@:2}"
}
tables="household member household_status_span membership_span change_event income_year stat_delta stat_rollup stat_rollup_month"

echo "== (a) tuopin import registry, $n persons, PostgreSQL" >&2
fresh imp
t0=$(clock)
import postgresql:///imp >&2
t1=$(clock)
import_s=$(secs "$t0" "$t1")

fresh dry
t0=$(clock)
import postgresql:///dry --dry-run >/dev/null
t1=$(clock)
dry_s=$(secs "$t0" "$t1")

rows=0
counts=""
for t in $tables; do
	c=$(psql -d imp -qtAc "SELECT COUNT(*) FROM $t")
	rows=$((rows + c))
	counts="$counts $t=$c"
done

echo "== (b) the ceiling: psql \\copy of the same rows" >&2
load="$out/load.sql"
: > "$load"
for t in $tables; do
	psql -d imp -qc "\\copy $t TO '$out/$t.copy'"
	echo "\\copy $t FROM '$out/$t.copy'" >> "$load"
done
fresh ceil
t0=$(clock)
psql -d ceil -1 -q -v ON_ERROR_STOP=1 -f "$load"
t1=$(clock)
copy_s=$(secs "$t0" "$t1")

# the same COPY into tables without any index, key or foreign key: what the indexes cost
createdb bare
for t in $tables; do
	psql -d imp -qtAc "SELECT 'CREATE TABLE ' || '$t' || ' (' || string_agg(quote_ident(column_name) || ' ' ||
		data_type, ', ' ORDER BY ordinal_position) || ');' FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name = '$t'" | psql -d bare -q
done
t0=$(clock)
psql -d bare -1 -q -v ON_ERROR_STOP=1 -f "$load"
t1=$(clock)
bare_s=$(secs "$t0" "$t1")

lite_s=0
if [ "${BENCH_PG_SQLITE:-1}" = 1 ]; then   # 0: no SQLite comparison (a province's takes 12 minutes)
	echo "== SQLite, the same import" >&2
	rm -f "$out/lite.db"*
	"$tuopin" --db "sqlite:$out/lite.db" init >/dev/null
	"$tuopin" --db "sqlite:$out/lite.db" import divisions "$data/divisions.csv" >/dev/null
	t0=$(clock)
	import "sqlite:$out/lite.db" >/dev/null
	t1=$(clock)
	lite_s=$(secs "$t0" "$t1")
fi

rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", r / s }'; }
cat <<SUMMARY
machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(psql -d postgres -qtAc 'SHOW server_version'), throwaway cluster (fsync off, socket)
persons: $n; rows written by the import:$counts (total $rows)
(a) tuopin import registry (PostgreSQL):   ${import_s} s  $(rate $rows $import_s) rows/s
    of which reading and validating (--dry-run):  ${dry_s} s
(b) psql \\copy of the same rows, same schema:  ${copy_s} s  $(rate $rows $copy_s) rows/s
    the same into tables with no index or key:  ${bare_s} s  $(rate $rows $bare_s) rows/s
import / ceiling: $(awk -v a="$import_s" -v b="$copy_s" 'BEGIN { printf "%.2f", b / a }') (goal: at least 0.50)
write phase alone (a minus the dry run) / ceiling: $(awk -v a="$import_s" -v d="$dry_s" -v b="$copy_s" 'BEGIN { printf "%.2f", b / (a - d) }')
SUMMARY
[ "$lite_s" = 0 ] || echo "SQLite, the same import:  ${lite_s} s  $(rate $rows $lite_s) rows/s"

# the HTTP routes of bench/http.sh on the imported database, vacuumed and analysed first (as autovacuum would
# have done by then; left to autovacuum, it runs during the measurement and takes the CPU)
for d in dry ceil bare; do dropdb --if-exists "$d"; done   # nor autovacuum busy with the other copies
psql -d imp -qc "VACUUM ANALYZE"
echo "database size: $(psql -d imp -qtAc "SELECT pg_database_size('imp') / 1048576") MB"
if [ "${BENCH_PG_PROVINCE:-0}" = 1 ]; then
	# a province (bench/gen_registry.sh N DIR 120): what bench/province.sh times on SQLite, as of 2014-12-31
	out=$data/pg
	source bench/lib.sh
	p=postgresql:///imp
	timed "ceiling: SQL count of the persons of the day (psql)" psql -d imp -qtAc "SELECT COUNT(*)
		FROM household_status_span hs JOIN membership_span s ON s.household_id = hs.household_id
		AND s.valid_from <= 20141231 AND 20141231 < s.valid_to AND s.recorded_to = 99991231235959
		WHERE hs.valid_from <= 20141231 AND 20141231 < hs.valid_to AND hs.recorded_to = 99991231235959"
	timed "stats, the province by city" "$tuopin" --db $p stats --as-of 2014-12-31 --format json
	timed "stats, one county by town" "$tuopin" --db $p stats --as-of 2014-12-31 --division 370181000000 \
		--format json
	timed "stats, the province by village" "$tuopin" --db $p stats --as-of 2014-12-31 --by village --format json
	timed "stats, the province as recorded at 2014-01-06" "$tuopin" --db $p stats --as-of 2014-12-31 \
		--recorded-at "2014-01-06 00:00:00" --format json
	for t in 1.1 2.9; do
		timed "report $t, the province by city" "$tuopin" --db $p report $t --as-of 2014-12-31 --format json
		timed "report $t, one county by town" "$tuopin" --db $p report $t --as-of 2014-12-31 \
			--division 370181000000 --format json
	done
	timed "changes 2014 (the identification), the province" "$tuopin" --db $p changes --from 2014-01-01 \
		--to 2014-12-31 --format json
else
	TUOPIN_DB=postgresql:///imp bench/http.sh "$build" "$data" || echo "http.sh on PostgreSQL failed"
fi
