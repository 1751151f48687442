#!/usr/bin/env bash
# One bad byte in a large file (issue 21 point 1): the CSV reader used to look for the first invalid byte by
# re-validating the chunk from its start for every byte, so a 42 MB registry with one bad byte on row 150,001
# ran for more than 12 minutes. One pass finds it: the import answers in seconds (timed, and bounded here at a
# minute, for the sanitizer build), with the exact row and column, and writes nothing.
source "$TESTLIB"
new_db >/dev/null
bash "$TUOPIN_SRC/bench/gen_registry.sh" 200000 "$WORK/county" 2>/dev/null
ok import divisions "$WORK/county/divisions.csv"
before=$(db_fingerprint)
# row 150,001 as a spreadsheet counts (the header is row 1) is line 150,001 of the file; its 姓名 is column 3
awk -F, -v OFS=, 'NR == 150001 { $3 = substr($3, 1, 3) "\xff" substr($3, 4) } { print }' "$WORK/county/registry.csv" \
	> "$WORK/bad.csv"
size=$(stat -c %s "$WORK/bad.csv")
[ "$size" -gt 40000000 ] || fail "the file is only $size bytes"
start=$(date +%s%N)
expect_rc 1 import registry "$WORK/bad.csv" --as-of 2014-04-30 --format json
ms=$((($(date +%s%N) - start) / 1000000))
echo "a $size-byte registry with one bad byte on row 150,001: refused in $ms ms"
[ "$ms" -lt 60000 ] || fail "the import took $ms ms"
jqeq '"\(.format) \(.encoding) \(.rows)"' "csv UTF-8 149999"
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"150001|姓名|encoding|不是有效的 UTF-8 文本：第 3 列有无效字节 0xFF"
eq "nothing written" "$(db_fingerprint)" "$before"
finish
