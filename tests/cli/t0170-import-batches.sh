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
