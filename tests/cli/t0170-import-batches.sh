#!/usr/bin/env bash
# The registry importer checks and writes a thousand households at a time (its memory does not grow with
# the file). The figures do not depend on that: a file of 2,500 households gives the same registry whether
# each household's rows are together or scattered over the file; a problem in the last batch still writes
# nothing of the earlier ones; a person in households of different batches is still found.
source "$TESTLIB"
gen() { awk -v n=7500 -f "$TESTDATA/../tools/gen-registry.awk"; }
sorted="$WORK/sorted.csv"
gen > "$sorted"
# by 姓名 (人0, 人1, 人10, ...): the three rows of a household end up far apart
scattered="$WORK/scattered.csv"
{ head -1 "$sorted"; tail -n +2 "$sorted" | sort -t, -k3,3; } > "$scattered"
eq "scattered" "$(sed -n 2,4p "$scattered" | cut -d, -f2 | tr '\n' ' ')" "G0000000 G0000000 G0000003 "

new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
ok import registry "$sorted" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
eq "sorted" "$OUT" "7500 行（csv，UTF-8）：建档 2500 户 7500 人"
ok stats --as-of 2014-06-30 --by village --format json
nhmr registered "2500 7500"
want_stats=$OUT
ok export registry "$WORK/a.csv" --full-id
ok show G0002499 --format json
jqeq '[.members[] | .name] | join(",")' "人7497,人7498,人7499"

new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
ok import registry "$scattered" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
eq "scattered import" "$OUT" "7500 行（csv，UTF-8）：建档 2500 户 7500 人"
ok stats --as-of 2014-06-30 --by village --format json
eq "same stats" "$OUT" "$want_stats"
ok export registry "$WORK/b.csv" --full-id
eq "same registry" "$(sort "$WORK/b.csv" | md5sum)" "$(sort "$WORK/a.csv" | md5sum)"
ok show G0002499 --format json
jqeq '[.members[] | .name] | join(",")' "人7497,人7498,人7499"

# The scattered file read in slices of households, at most 1,000 rows held at once (TUOPIN_IMPORT_HOLD_ROWS;
# 250,000 by default): the check reads the file once, keeping each slice's rows in a temporary file of its own,
# and checks the other slices and writes them all from those. The same registry.
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
TUOPIN_IMPORT_HOLD_ROWS=1000 ok import registry "$scattered" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
eq "scattered in slices" "$OUT" "7500 行（csv，UTF-8）：建档 2500 户 7500 人"
ok stats --as-of 2014-06-30 --by village --format json
eq "same stats in slices" "$OUT" "$want_stats"
ok export registry "$WORK/c.csv" --full-id
eq "same registry in slices" "$(sort "$WORK/c.csv" | md5sum)" "$(sort "$WORK/a.csv" | md5sum)"
eq "households in the file's order" "$(db_sql "SELECT hh_no FROM household ORDER BY id LIMIT 3" | tr '\n' ' ')" \
	"$(tail -n +2 "$scattered" | cut -d, -f2 | awk '!seen[$0]++' | head -3 | tr '\n' ' ')"

# On a terminal the import shows its passes on one line, rewritten as it goes, and clears it before the
# summary (a province's file takes a quarter of an hour); in slices, each part of the check and of the write.
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
# tty_import FILE: the import with its stderr and stdout on a terminal, as the terminal shows them. (No one
# else writes to this database meanwhile, so the keys are not looked up again under the lock. On PostgreSQL
# they were, at random, while the mark of a change was the cluster's next transaction id, which the other
# tests' databases on the same cluster move.)
tty_import() {
	script -qec "\"$TUOPIN\" import registry \"$1\" --as-of 2014-04-30 --now '2014-05-01 09:00:00'" /dev/null
}
eq "progress" "$(tty_import "$sorted")" "$(printf '\r核对编号：0 行\033[K\r核对编号：7500 行，完成\033[K\r检查：0 行\033[K\r检查：7500 行，完成\033[K\r写入：0 行\033[K\r写入：7500 行，完成\033[K\r\033[K7500 行（csv，UTF-8）：建档 2500 户 7500 人\r\n')"
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
p=''
for step in 核对编号 统计各户行数; do p+="\r$step：0 行\033[K\r$step：7500 行，完成\033[K"; done
# the check reads the file once (part 1), the rest is read back from the slices' temporary files: 1,250
# households of 3 rows each
p+="\r检查（第 1/2 部分）：0 行\033[K\r检查（第 1/2 部分）：7500 行，完成\033[K"
p+="\r检查（第 2/2 部分）：0 行\033[K\r检查（第 2/2 部分）：3750 行，完成\033[K"
for part in 1 2; do p+="\r写入（第 $part/2 部分）：0 行\033[K\r写入（第 $part/2 部分）：3750 行，完成\033[K"; done
eq "progress in slices" "$(TUOPIN_IMPORT_HOLD_ROWS=5000 tty_import "$scattered")" \
	"$(printf "$p\r\033[K7500 行（csv，UTF-8）：建档 2500 户 7500 人\r\n")"
ok show G0002499 --format json
jqeq '[.members[] | .name] | join(",")' "人7497,人7498,人7499"

# A person in two households on rows apart, the later household's row first (row 4 in G0000001, row 5 in
# G0000000, which begins on row 2): the row reported is the one of the household checked second, as when the
# file is read in one pass, whichever slice each household falls in.
two="$WORK/two.csv"
{
	sed -n 1,2p "$sorted"
	sed -n 5p "$sorted"
	sed -n 3p "$sorted" | sed 's/^371399100202,G0000000,/371399100201,G0000001,/'
	sed -n 3p "$sorted"
} > "$two"
for hold in 250000 1; do
	new_db >/dev/null
	ok import divisions "$SAMPLES/divisions.csv"
	TUOPIN_IMPORT_HOLD_ROWS=$hold expect_rc 1 import registry "$two" --as-of 2014-04-30 --format json
	jqeq '[.problems[] | "\(.row) \(.code) \(.message)"] | join(",")' "4 duplicate_id 证件号码与第 5 行重复"
	eq "nothing written (hold $hold)" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
done
# a bad check digit on the last row: the first two batches were written in the transaction, and are gone
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
bad="$WORK/bad.csv"
last=$(tail -1 "$sorted" | cut -d, -f4)
wrong=${last:0:17}$([ "${last:17:1}" = 0 ] && echo 1 || echo 0)
{ head -n -1 "$sorted"; tail -1 "$sorted" | sed "s/$last/$wrong/"; } > "$bad"
expect_rc 1 import registry "$bad" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row) \(.column) \(.code)"] | join(",")' "7501 证件号码 id_checksum"
eq "nothing written" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
eq "no member" "$(db_sql 'SELECT COUNT(*) FROM member')" "0"

# the person of row 2 again on the last row, two batches later
first=$(sed -n 2p "$sorted" | cut -d, -f4)
{ head -n -1 "$sorted"; tail -1 "$sorted" | sed "s/$last/$first/"; } > "$bad"
expect_rc 1 import registry "$bad" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row) \(.code) \(.message)"] | join(",")' "7501 duplicate_id 证件号码与第 2 行重复"
eq "nothing written" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
# the same found through 76 sorted runs of 100 证件号码 in a temporary file (lib/keysort.c), in a TMPDIR of its
# own that is empty again afterwards
mkdir "$WORK/tmp"
TMPDIR=$WORK/tmp TUOPIN_IMPORT_SORT_KEYS=100 expect_rc 1 import registry "$bad" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row) \(.code) \(.message)"] | join(",")' "7501 duplicate_id 证件号码与第 2 行重复"
eq "nothing left in TMPDIR" "$(ls -A "$WORK/tmp")" ""
# a TMPDIR that cannot be written: the import stops with the reason, and nothing is written
TMPDIR=$WORK/missing TUOPIN_IMPORT_SORT_KEYS=100 expect_rc 1 import registry "$sorted" --as-of 2014-04-30
eq "no temporary file" "$ERR" "tuopin: 无法写入临时文件（目录 $WORK/missing，可用环境变量 TMPDIR 另指定）：文件或文件夹不存在"
eq "nothing written" "$(db_sql 'SELECT COUNT(*) FROM household')" "0"
# and already registered: the sorted file is in, the scattered one says so for every person
ok import registry "$sorted" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
expect_rc 1 import registry "$scattered" --as-of 2014-04-30 --format json
jqeq '[.problems[] | .code] | group_by(.) | map("\(.[0]) \(length)") | join(",")' \
	"duplicate_id 7500,household_exists 2500"
jqeq '[.problems[] | select(.row == 2) | .message] | join(";")' "户编号 G0000000 已存在;证件号码已登记在户 G0000000"
finish
