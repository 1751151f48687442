#!/usr/bin/env bash
# A file whose households each lie on contiguous rows (as every export and the national system's sheets give
# them) is imported without keeping anything per household: the first pass proves the rows contiguous (the
# 户编号 where the rows change household, through sorted runs: none may come twice), and the later passes
# take a household as complete when the next begins. So the write under the lock checks, before each batch
# of a thousand households and at the end, that the rows are still those of the first pass. Here the file is
# changed while the importer waits for the write lock (held by another connection): households reordered,
# or one split in two; the import stops with file_changed and writes nothing. The same file unchanged goes in.
# (A file whose households are scattered keeps a count of rows per household instead: cli/t0170.)
source "$TESTLIB"
awk -v n=7500 -f "$TESTDATA/../tools/gen-registry.awk" > "$WORK/sorted.csv"
eq "households 0 and 1" "$(sed -n 2,7p "$WORK/sorted.csv" | cut -d, -f2 | tr '\n' ' ')" \
	"G0000000 G0000000 G0000000 G0000001 G0000001 G0000001 "

# Has the importer checked the file and announced itself, waiting for the lock?
announced() {
	if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
		[ "$(psql "$TUOPIN_DB" -qtAc "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'tuopin import' AND datname = current_database()")" = 1 ]
	else
		[ "$(sqlite3 "${TUOPIN_DB#sqlite:}-sessions" 'SELECT COUNT(*) FROM activity' 2>/dev/null)" = 1 ]
	fi
}
# import_while_locked EDIT: the import of $WORK/f.csv (a copy of the sorted file) starts; once it waits for
# the lock, EDIT rewrites the file (a shell function; none: left as it is); then the lock is released. The
# import's output and exit code in OUT and RC.
import_while_locked() {
	cp "${BASE:-$WORK/sorted.csv}" "$WORK/f.csv"
	hold_lock
	TUOPIN_LOCK_WAIT=300 "$TUOPIN" import registry "$WORK/f.csv" --as-of 2014-04-30 --now "2014-05-01 09:00:00" \
		--format json >"$WORK/imp.out" 2>"$WORK/imp.err" &
	local imp=$!
	local i
	for i in $(seq 1 3000); do
		announced && break
		kill -0 "$imp" 2>/dev/null || break
		sleep 0.02
	done
	announced || fail "the import did not wait for the lock: $(cat "$WORK/imp.err")"
	"$1"
	release_lock
	set +e
	wait "$imp"
	RC=$?
	set -e
	OUT=$(cat "$WORK/imp.out")
}
none() { :; }
# household G0000000 (rows 2-4) moved to the end: every household still contiguous, but not in the first pass's order
reorder() {
	{ head -1 "$WORK/sorted.csv"; tail -n +5 "$WORK/sorted.csv"; sed -n 2,4p "$WORK/sorted.csv"; } >"$WORK/f.tmp"
	mv "$WORK/f.tmp" "$WORK/f.csv"
}
# the spouse of G0000001 (row 6) moved to the end: the household on two runs of rows
split() {
	{ sed -n 1,5p "$WORK/sorted.csv"; tail -n +7 "$WORK/sorted.csv"; sed -n 6p "$WORK/sorted.csv"; } >"$WORK/f.tmp"
	mv "$WORK/f.tmp" "$WORK/f.csv"
}

new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"

import_while_locked reorder
eq "reordered: exit code" "$RC" 1
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' "0||file_changed|文件在导入过程中被修改，请重新导入"
jqeq '"\(.written) \(.households) \(.members)"' "false 0 0"
eq "reordered: nothing written" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
eq "reordered: no event" "$(db_sql 'SELECT COUNT(*) FROM change_event')" "0"

import_while_locked split
eq "split: exit code" "$RC" 1
jqeq '[.problems[] | select(.code == "file_changed") | "\(.row)|\(.column)"] | join(";")' "0|"
jqeq '.written' false
eq "split: nothing written" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
eq "split: no member" "$(db_sql 'SELECT COUNT(*) FROM member')" "0"

# unchanged: the import waited for the lock, and wrote the file
import_while_locked none
eq "unchanged: exit code ($OUT)" "$RC" 0
jqeq '"\(.written) \(.households) \(.members) \(.problems | length)"' "true 2500 7500 0"
eq "unchanged: written" "$(db_sql 'SELECT COUNT(*) FROM household')" "2500"
ok show G0000001 --format json
jqeq '[.members[] | .name] | join(",")' "人3,人4,人5"

# The same with sorted runs of 100 keys spilled to a temporary file: the runs of the 户编号 too (25 of them)
# prove the file contiguous, and the reordered file is caught as before.
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
mkdir "$WORK/tmp"
export TMPDIR=$WORK/tmp TUOPIN_IMPORT_SORT_KEYS=100
import_while_locked reorder
eq "runs spilled, reordered: exit code" "$RC" 1
jqeq '[.problems[] | .code] | join(",")' "file_changed"
import_while_locked none
eq "runs spilled, unchanged: exit code" "$RC" 0
jqeq '"\(.written) \(.households) \(.members)"' "true 2500 7500"
eq "nothing left in TMPDIR" "$(ls -A "$WORK/tmp")" ""
unset TMPDIR TUOPIN_IMPORT_SORT_KEYS

# A file whose households are scattered (sorted by 姓名) keeps each household's count of rows: a row gone
# while the importer waits leaves its household incomplete at the end, and the import stops the same way.
# Read in slices of households (TUOPIN_IMPORT_HOLD_ROWS), the write reads the rows the check kept in its
# temporary files, not the file: what was checked is written, the row gone from the file included.
{ head -1 "$WORK/sorted.csv"; tail -n +2 "$WORK/sorted.csv" | sort -t, -k3,3; } > "$WORK/scattered.csv"
drop_last() {
	head -n -1 "$WORK/f.csv" >"$WORK/f.tmp"
	mv "$WORK/f.tmp" "$WORK/f.csv"
}
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
BASE=$WORK/scattered.csv import_while_locked drop_last
eq "scattered, a row gone: exit code" "$RC" 1
# (the last row was a head: the household left incomplete says so too)
jqeq '[.problems[] | "\(.row)|\(.code)"] | join(";")' "0|file_changed;6|head_missing"
eq "scattered, a row gone: nothing written" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
gone=$(tail -1 "$WORK/scattered.csv" | cut -d, -f2,3)
BASE=$WORK/scattered.csv TUOPIN_IMPORT_HOLD_ROWS=1000 import_while_locked drop_last
eq "scattered in slices, a row gone: exit code" "$RC" 0
jqeq '"\(.written) \(.households) \(.members)"' "true 2500 7500"
ok show "${gone%,*}" --format json
jqeq "[.members[] | select(.name == \"${gone#*,}\")] | length" "1"
# the same with the database changed meanwhile: the keys are looked up again, from the rows the check kept
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
BASE=$WORK/scattered.csv TUOPIN_IMPORT_HOLD_ROWS=1000 TOUCH=1 import_while_locked drop_last
eq "scattered in slices, a row gone, the database changed: exit code" "$RC" 0
jqeq '"\(.written) \(.households) \(.members)"' "true 2500 7500"
ok show "${gone%,*}" --format json
jqeq "[.members[] | select(.name == \"${gone#*,}\")] | length" "1"
finish
