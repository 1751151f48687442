#!/usr/bin/env bash
# peak_anon.sh COMMAND [ARGS...]: runs COMMAND and prints on stderr its peak anonymous memory (RssAnon, sampled
# every 50 ms) next to its peak resident set (VmHWM). The resident set of a SQLite command counts the pages of
# the database file it maps (up to 1 GB: PRAGMA mmap_size), which the kernel takes back at will; the
# anonymous memory is what the process itself allocated (heap, SQLite's page cache, temporary b-trees).
set -uo pipefail
"$@" &
pid=$!
anon=0 hwm=0
while kill -0 "$pid" 2>/dev/null; do
	if s=$(cat "/proc/$pid/status" 2>/dev/null); then
		a=$(awk '/^RssAnon:/ { print $2 }' <<<"$s")
		h=$(awk '/^VmHWM:/ { print $2 }' <<<"$s")
		[ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
		[ -n "$h" ] && [ "$h" -gt "$hwm" ] && hwm=$h
	fi
	sleep 0.05
done
wait "$pid"
rc=$?
echo "peak anonymous $((anon / 1024)) MB, peak resident $((hwm / 1024)) MB" >&2
exit $rc
