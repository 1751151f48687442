#!/usr/bin/env bash
# fuzz.sh [SECONDS]: build the libFuzzer targets of tests/fuzz with clang (ASan + UBSan + fuzzer
# instrumentation, in build-fuzz/) and run each for SECONDS (default 60), starting from the test
# fixtures as corpus. The sheet target reads each input with a 61-byte chunk and with the production one. A crash stops the run and leaves the input in build-fuzz/crashes/; a new corpus
# grows in build-fuzz/corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
scripts/deps.sh fuzz
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug -DSANITIZE=ON -DFUZZ=ON \
	>/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_idno fuzz_sheet
mkdir -p build-fuzz/crashes build-fuzz/corpus/idno build-fuzz/corpus/sheet
# seeds: every CSV/XLSX fixture as a whole file, and its cells one per file for the cell parsers
find tests/data -name '*.csv' -o -name '*.xlsx' | while read -r f; do
	cp "$f" "build-fuzz/corpus/sheet/$(basename "$f")"
done
awk -F, 'FNR > 1 { for (i = 1; i <= NF; i++) if (length($i) > 0 && length($i) < 40) print $i }' \
	tests/data/samples/*.csv | sort -u | head -2000 | while IFS= read -r c; do
	printf '%s' "$c" > "build-fuzz/corpus/idno/$(printf '%s' "$c" | md5sum | cut -c1-16)"
done
# fuzz_sheet reads every input 61 bytes at a time and with the production chunk (1 MiB); a unit slower than
# 2 s fails the run, so a cost that grows faster than the input (as the quadratic UTF-8 scan of issue 21 did:
# a 64 KiB input took seconds) shows.
for t in idno sheet; do
	echo "== fuzz_$t for ${secs}s"
	timeout=10
	[ "$t" = sheet ] && timeout=2
	build-fuzz/fuzz_$t -max_total_time="$secs" -max_len=65536 -timeout="$timeout" -print_final_stats=1 \
		-artifact_prefix=build-fuzz/crashes/ build-fuzz/corpus/$t >build-fuzz/fuzz_$t.log 2>&1 || {
		tail -40 build-fuzz/fuzz_$t.log
		exit 1
	}
	grep -E "^(stat::number_of_executed_units|stat::new_units_added|#[0-9]+ +DONE)" build-fuzz/fuzz_$t.log || true
done
