#!/usr/bin/env bash
# clocked.sh PROGRAM [ARGS...]: run PROGRAM with its wall clock pinned at TUOPIN_CLOCK ("YYYY-MM-DD HH:MM:SS",
# UTC) when that is set, else run it as it is. The clock starts at that instant when the program starts and
# then runs at its normal pace (libfaketime, Debian's faketime package, with a relative offset, so the
# program's own time zone does not change what the pin means); monotonic clocks stay real, so timeouts hold.
# The test suite runs whole with pins around the office's midnight (scripts/test.sh), so a test that reads the
# wall clock fails on every run, not only in the evening.
# TUOPIN_CLOCK_FILE (a test's own server): the offset from the real clock is read from that file on every
# clock call (libfaketime's FAKETIME_TIMESTAMP_FILE), so the test moves the program's time on by rewriting
# the file (tests/api/lib.sh clock_advance) instead of sleeping; it starts at the TUOPIN_CLOCK pin, if any.
if [ -z "${TUOPIN_CLOCK:-}" ] && [ -z "${TUOPIN_CLOCK_FILE:-}" ]; then
	exec "$@"
fi
lib=""
for f in /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1; do
	[ -f "$f" ] && lib=$f && break
done
if [ -z "$lib" ]; then
	echo "clocked.sh: libfaketime is not installed (scripts/deps.sh test installs the faketime package)" >&2
	exit 1
fi
offset=0
if [ -n "${TUOPIN_CLOCK:-}" ]; then
	target=$(date -u -d "$TUOPIN_CLOCK UTC" +%s) || exit 1
	offset=$((target - $(date -u +%s)))
fi
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
if [ -n "${TUOPIN_CLOCK_FILE:-}" ]; then
	[ -s "$TUOPIN_CLOCK_FILE" ] || printf '%+d\n' "$offset" >"$TUOPIN_CLOCK_FILE"
	unset FAKETIME
	export FAKETIME_TIMESTAMP_FILE=$TUOPIN_CLOCK_FILE FAKETIME_NO_CACHE=1
else
	export FAKETIME
	FAKETIME=$(printf '%+d' "$offset")
fi
export FAKETIME_DONT_FAKE_MONOTONIC=1
# an ASan build wants its runtime first among the libraries; libfaketime only wraps the clock calls
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
exec "$@"
