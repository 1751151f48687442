#!/usr/bin/env bash
# import_memory.sh OUTDIR DIR... : the registry importer's peak memory against the file's size (issue 20 goal 1:
# under 1 GB and not growing with the number of persons). Each DIR holds divisions.csv and registry.csv
# (bench/gen_registry.sh); for each, in a fresh SQLite database under OUTDIR, for every build of BUILDS
# (default "build"; e.g. BUILDS="old/build build" for an A/B pair):
#   - `import registry --dry-run`: the first two passes (look-ups, runs, every check), nothing written;
#   - `import registry`: the three passes and the write.
# One line per command: persons, wall seconds, peak anonymous memory and peak resident set (bench/peak_anon.sh:
# the resident set also counts the database file SQLite maps, up to 1 GB, which is the kernel's page cache).
# Also a copy of the smallest file with its rows shuffled (households on rows apart: the importer then keeps
# about 100 bytes a household), unless BENCH_SHUFFLED=0.
set -euo pipefail
out=${1:?usage: import_memory.sh OUTDIR DIR...}
shift
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
builds=${BUILDS:-build}
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
run() {   # run LABEL DIR FILE BUILD
	local label=$1 dir=$2 file=$3 build=$4 db=$out/mem.db persons
	persons=$(($(wc -l <"$file") - 1))
	rm -f "$db" "$db"-*
	"$build/tuopin" --db "sqlite:$db" init >/dev/null
	"$build/tuopin" --db "sqlite:$db" import divisions "$dir/divisions.csv" >/dev/null
	for mode in --dry-run write; do
		local t0 t1 m
		t0=$(date +%s.%N)
		TUOPIN_IMPORT_MAX_ROWS=$((persons + 1)) "$here/peak_anon.sh" "$build/tuopin" --db "sqlite:$db" import \
			registry "$file" --as-of 2014-01-01 --now "2014-01-05 10:00:00" \
			$([ "$mode" = --dry-run ] && echo --dry-run) >"$out/mem.out" 2>"$out/mem.err" ||
			{ cat "$out/mem.out" "$out/mem.err" >&2; exit 1; }
		t1=$(date +%s.%N)
		m=$(tail -1 "$out/mem.err")
		printf '%s %s, %d persons, %s: %.1f s, %s\n' "$build" "$label" "$persons" \
			"$([ "$mode" = --dry-run ] && echo "dry run" || echo import)" "$(echo "$t1 - $t0" | bc)" "$m"
	done
	rm -f "$db" "$db"-*
}
first=
for dir in "$@"; do
	[ -n "$first" ] || first=$dir
	for b in $builds; do
		run "$(basename "$dir")" "$dir" "$dir/registry.csv" "$b"
	done
done
if [ "${BENCH_SHUFFLED:-1}" = 1 ]; then
	{ head -1 "$first/registry.csv"; tail -n +2 "$first/registry.csv" | shuf --random-source=<(yes); } >"$out/shuffled.csv"
	for b in $builds; do
		run "$(basename "$first") shuffled" "$first" "$out/shuffled.csv" "$b"
	done
	rm -f "$out/shuffled.csv"
fi
