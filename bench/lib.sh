# lib.sh: what the benchmark scripts share (sourced; $out is the script's output folder).

# timed LABEL COMMAND...: run COMMAND with its output in $out/timed.out; print the wall and CPU seconds and the
# peak RSS, and keep them in $last and $lastcpu (seconds). An exit status above 1 (1: problems found, as a
# check's) stops the script with the command's output.
timed() {
	local label=$1
	shift
	local t0 t1 rc=0 rss cu cs
	t0=$(date +%s.%N)
	/usr/bin/time -q -f "%M %U %S" -o "$out/timed.rss" "$@" > "$out/timed.out" || rc=$?
	t1=$(date +%s.%N)
	[ "$rc" -le 1 ] || { echo "$label: exit status $rc" >&2; cat "$out/timed.out" >&2; exit 1; }
	last=$(echo "$t1 - $t0" | bc)
	read -r rss cu cs < <(tail -1 "$out/timed.rss")
	lastcpu=$(echo "$cu + $cs" | bc)
	printf '%s: %.2f s (CPU %.2f s), %d MB peak RSS\n' "$label" "$last" "$lastcpu" "$((rss / 1024))"
}

# copy_db SRC DST: a copy of the SQLite database SRC (never written) as DST, with its audit key and anchors
copy_db() {
	local f
	rm -f "$2" "$2"-*
	cp "$1" "$2"
	for f in audit-key audit-anchors; do [ -e "$1.$f" ] && cp "$1.$f" "$2.$f"; done
	return 0
}
