#!/usr/bin/env bash
# Messages that point to the right place (issue 21 points 5, 6 and 7): a bad byte is named by its row and
# column in UTF-8 and in GB18030 alike, and does not turn a UTF-8 file into GB18030; a truncated workbook is
# summarised as XLSX; a byte-order mark inside a cell is trimmed at its ends and counted as a character, not
# as three bytes; a GB18030 file that starts with the GB18030 byte-order mark reads as one without it; a
# 识别年月 in a cell formatted as a date (Excel serial 41640) gives its year and month; an --as-of years
# before the rows' 识别年月 warns. Exact words, CSV and XLSX.
source "$TESTLIB"
S=$SAMPLES
CSV2XLSX=$(dirname "$TUOPIN_REAL")/csv2xlsx
fresh() {
	new_db >/dev/null
	ok import divisions "$S/divisions.csv"
}
col_of() { head -1 "$S/registry.csv" | sed 's/^\xEF\xBB\xBF//' | tr ',' '\n' | grep -n "^$1\$" | cut -d: -f1; }
NAME=$(col_of 姓名)
ID=$(col_of 证件号码)
YM=$(col_of 识别年月)

# A UTF-8 file with one bad byte in the 姓名 of row 4, near its start: UTF-8 still (not GB18030), the problem
# on row 4 under 姓名, the rows before it checked as usual (nothing else is wrong with them).
fresh
awk -F, -v OFS=, -v c="$NAME" 'NR == 4 { $c = "王\xff明" } { print }' "$S/registry.csv" > "$WORK/bad-utf8.csv"
expect_rc 1 import registry "$WORK/bad-utf8.csv" --as-of 2014-04-30 --format json
jqeq '"\(.format) \(.encoding)"' "csv UTF-8 (BOM)"
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"4|姓名|encoding|不是有效的 UTF-8 文本：第 $NAME 列有无效字节 0xFF"
# ... and without the BOM (the case the detector used to get wrong: the first MiB decided)
sed '1s/^\xEF\xBB\xBF//' "$WORK/bad-utf8.csv" > "$WORK/bad-utf8-nobom.csv"
expect_rc 1 import registry "$WORK/bad-utf8-nobom.csv" --as-of 2014-04-30 --format json
jqeq '"\(.format) \(.encoding)"' "csv UTF-8"
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"4|姓名|encoding|不是有效的 UTF-8 文本：第 $NAME 列有无效字节 0xFF"
expect_rc 1 import registry "$WORK/bad-utf8-nobom.csv" --as-of 2014-04-30 --lang en --format json
jqeq '.problems[0].message' "not valid UTF-8 text: column $NAME holds the invalid byte 0xFF"
# The same in GB18030: a byte that GB18030 does not allow (0xFF) in the 姓名 of row 4.
gbname=$(printf '\xcd\xf5\xff\xc3\xf7')   # 王, 0xFF, 明 in GB18030
LC_ALL=C awk -F, -v OFS=, -v c="$NAME" -v v="$gbname" 'NR == 4 { $c = v } { print }' "$S/registry-gb18030.csv" \
	> "$WORK/bad-gb.csv"
expect_rc 1 import registry "$WORK/bad-gb.csv" --as-of 2014-04-30 --format json
jqeq '"\(.format) \(.encoding)"' "csv GB18030"
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"4|姓名|encoding|不是有效的 GB18030 文本：第 $NAME 列有无效字节 0xFF"
# A bad byte in the header row: no header yet, so the column is named by its number.
awk -F, -v OFS=, 'NR == 1 { $2 = "户\xff编号" } { print }' "$S/registry.csv" > "$WORK/bad-head.csv"
expect_rc 1 import registry "$WORK/bad-head.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)"] | join(";")' "1|第 2 列|encoding"

# A GB18030 file that starts with GB18030's byte-order mark (84 31 95 33) imports as the one without.
printf '\x84\x31\x95\x33' | cat - "$S/registry-gb18030.csv" > "$WORK/gb-bom.csv"
ok import registry "$WORK/gb-bom.csv" --as-of 2014-04-30
eq "GB18030 with its BOM" "$OUT" "8 行（csv，GB18030）：建档 3 户 8 人"

# A truncated workbook: an XLSX file that cannot be read, not "csv, UTF-8".
fresh
head -c 3000 "$TESTDATA/sheets/registry.xlsx" > "$WORK/cut.xlsx"
expect_rc 1 import registry "$WORK/cut.xlsx" --as-of 2014-04-30
eq "truncated xlsx" "$ERR" "文件（xlsx，XLSX）中有 1 个问题，未写入任何数据：
行  列  值  问题
            XLSX 文件不完整或已损坏（不是可读的 ZIP 压缩包）"

# A byte-order mark inside cells (files pasted together): at the ends of a cell it is trimmed like a space;
# in the middle of an ID number it counts as one character (19), not three bytes (21).
fresh
bom=$'\xEF\xBB\xBF'
awk -F, -v OFS=, -v n="$NAME" -v i="$ID" -v bom="$bom" \
	'NR == 2 { $n = bom $n } NR == 3 { $i = substr($i, 1, 6) bom substr($i, 7) } { print }' \
	"$S/registry.csv" > "$WORK/bom-cells.csv"
expect_rc 1 import registry "$WORK/bom-cells.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"3|证件号码|id_length|证件号码应为 18 位（或 15 位旧号码、20/22 位残疾人证号），实为 19 位"
awk -F, -v OFS=, -v n="$NAME" -v bom="$bom" 'NR == 2 { $n = bom $n bom } { print }' "$S/registry.csv" > "$WORK/bom-name.csv"
ok import registry "$WORK/bom-name.csv" --as-of 2014-04-30
ok show 3713991002010001 --format json
jqeq '.members[0].name' "张建国"

# 识别年月 in a cell formatted as a date, as Excel keeps it (serial 41640 = 2014-01-01 under yyyy/m/d):
# its year and month, 201401 (it was refused as "not YYYYMM"). A date written as text in a CSV reads the same.
fresh
awk -F, -v OFS=, -v c="$YM" 'NR > 1 { $c = "2014-01-01" } { print }' "$S/registry.csv" > "$WORK/ym-date.csv"
"$CSV2XLSX" "$WORK/ym-date.csv" "$WORK/ym-date.xlsx" --date 识别年月
unzip -p "$WORK/ym-date.xlsx" xl/worksheets/sheet1.xml | grep -c '<v>41640</v>' >/dev/null || fail "the workbook has no date serial 41640"
ok import registry "$WORK/ym-date.xlsx" --as-of 2014-04-30
eq "xlsx with a date 识别年月" "$OUT" "8 行（xlsx，XLSX）：建档 3 户 8 人"
ok show 3713991002010001 --format json
jqeq '.identified_ym' 201401
fresh
ok import registry "$WORK/ym-date.csv" --as-of 2014-04-30
ok show 3713991002010001 --format json
jqeq '.identified_ym' 201401

# --as-of years before the rows' 识别年月: imported, with one warning for the file (plain words, where).
fresh
ok import registry "$S/registry.csv" --as-of 2012-01-01
eq "as-of warning" "$OUT" "8 行（csv，UTF-8 (BOM)）：建档 3 户 8 人
1 个提醒：
行  列       值  问题
    --as-of      提醒：--as-of 2012-01-01 比 3 户的识别年月早一年以上（如第 2 行的 201404），请确认建档日期"
fresh
ok import registry "$S/registry.csv" --as-of 2013-06-30 --format json
jqeq '.warnings' 0
# A row with a value past the header's last column: a row shifted by an unquoted comma (here in 姓名, "张,建国")
# reads every later value under the wrong heading; refused at its row and column, nothing written. A row with
# empty cells past the header ("...,,,") is as before. CSV and XLSX alike, and an income file too.
fresh
W=$(head -1 "$S/registry.csv" | tr ',' '\n' | grep -c .)
awk -F, -v OFS=, -v c="$NAME" 'NR == 3 { $c = "张," $c } NR == 5 { $0 = $0 ",,," } { print }' "$S/registry.csv" \
	> "$WORK/shifted.csv"
expect_rc 1 import registry "$WORK/shifted.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"3|第 $((W + 1)) 列|beyond_header|第 $((W + 1)) 列有值“$(awk -F, 'NR == 3 { print $NF }' "$WORK/shifted.csv" | tr -d '\r')”，但表头只有 $W 列：这一行是否因未加引号的逗号而错位？请核对这一行，或在表头为这一列加上列名"
eq "nothing written" "$(db_sql "SELECT COUNT(*) FROM household")" 0
"$CSV2XLSX" "$WORK/shifted.csv" "$WORK/shifted.xlsx"
expect_rc 1 import registry "$WORK/shifted.xlsx" --as-of 2014-04-30 --lang en --format json
jqeq '[.problems[] | "\(.row)|\(.code)"] | join(";")' "3|beyond_header"
jqeq ".problems[0].message | startswith(\"column $((W + 1)) holds \\\"\")" true
awk -F, -v OFS=, 'NR == 5 { $0 = $0 ",,," } { print }' "$S/registry.csv" > "$WORK/trailing.csv"
ok import registry "$WORK/trailing.csv" --as-of 2014-04-30
eq "empty cells past the header" "$OUT" "8 行（csv，UTF-8 (BOM)）：建档 3 户 8 人"
n_income=$(db_sql "SELECT COUNT(*) FROM income_year")
printf '户编号,收入年度,工资性收入\n3713991002010001,2014,9000,600\n' > "$WORK/income-wide.csv"
expect_rc 1 import income "$WORK/income-wide.csv" --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)"] | join(";")' "2|第 4 列|beyond_header"
eq "no income written" "$(db_sql "SELECT COUNT(*) FROM income_year")" "$n_income"
finish
