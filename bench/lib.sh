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

# wrk_run NAME URL FILE [LUA]: wrk against URL for ${dur}s at ${CONNS:-64} connections with $token, after a 2 s
# warm-up, its output in FILE; prints NAME with the requests a second, the p50 and p99, and any non-2xx answers
# and socket errors. (wrk's connections all come from one address: the scripts start `tuopin serve` with
# --max-per-address 0, or above 32 connections half of them would be refused and reconnect again and again.)
wrk_run() {
	local name=$1 url=$2 file=$3 lua=${4:-} c=${CONNS:-64}
	local args=(-t$((c < 2 ? 1 : 2)) -c"$c" -d"${dur}s" --latency -H "Authorization: Bearer $token")
	[ -n "$lua" ] && args+=(-s "$lua")
	wrk -t2 -c64 -d2s -H "Authorization: Bearer $token" ${lua:+-s "$lua"} "$url" >/dev/null 2>&1
	wrk "${args[@]}" "$url" >"$file" 2>&1
	awk -v n="$name" '
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = $2 }
		/^ +99%/ { p99 = $2 }
		/Non-2xx/ { bad = $NF }
		/Socket errors/ { gsub(",", ""); sock = $4 + $6 + $8 + $10 }
		END { printf "%-22s %10.0f req/s   p50 %8s   p99 %8s%s%s\n", n, rps, p50, p99, bad ? "   NON-2xx " bad : "",
			sock ? "   SOCKET ERRORS " sock : "" }' "$file"
}
