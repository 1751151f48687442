#!/usr/bin/env bash
# Bombs (issue 21 point 2, issue 13 point 6): files of a few MB that expand into gigabytes, or repeat one huge
# string in every cell. Each import is refused with the limit it broke named (and where, when it is in a cell),
# nothing is written, and the importer's peak memory stays under 200 MB: every run goes through memcap, which
# gives it a 1 GiB address space and reports its peak resident set. (The importer before issue 21 took 1 GB
# and died out of memory on the first two, and ran for minutes on the long token.) Under the sanitizers,
# whose shadow memory needs terabytes of address space, only the answers are checked.
source "$TESTLIB"
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
before=$(db_fingerprint)
asan=0
# (grep -c reads all of ldd's output: grep -q would stop at the match and ldd, killed by SIGPIPE, fail the pipe)
ldd "$TUOPIN_REAL" | grep -c libasan >/dev/null && asan=1
BOUND_KB=$((200 * 1024))

# bomb NAME FILE EXPECTED: import FILE under memcap; EXPECTED is the problems as row|column|code|message.
bomb() {
	local name=$1 file=$2 want=$3
	set +e
	if [ "$asan" = 1 ]; then
		"$TUOPIN" import registry "$file" --as-of 2014-04-30 --format json >"$WORK/out" 2>"$WORK/err"
	else
		"$MEMCAP" 1024 "$WORK/rss" "$TUOPIN" import registry "$file" --as-of 2014-04-30 --format json \
			>"$WORK/out" 2>"$WORK/err"
	fi
	RC=$?
	set -e
	OUT=$(cat "$WORK/out")
	eq "$name: exit code (stderr: $(head -c 300 "$WORK/err"))" "$RC" 1
	jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' "$want"
	jqeq '.written' false
	if [ "$asan" = 0 ]; then
		local kb
		kb=$(cat "$WORK/rss")
		echo "$name: $(stat -c %s "$file") bytes, peak memory $((kb / 1024)) MB"
		[ "$kb" -lt "$BOUND_KB" ] || fail "$name: peak memory ${kb} KiB, over ${BOUND_KB} KiB"
	fi
}

# One shared string of 16 MiB in the 姓名 cell of 12,000 rows (a 250 KB file): refused at the first cell.
"$XLSX_BOMB" shared-long "$WORK/shared-long.xlsx"
bomb "16 MiB shared string" "$WORK/shared-long.xlsx" \
	"2|姓名|cell_too_big|第 3 列的单元格超过 4096 字节的上限（TUOPIN_IMPORT_MAX_CELL），文件未再往下读取"
# 500 MB of shared strings in a 3 MB file.
"$XLSX_BOMB" shared-many "$WORK/shared-many.xlsx"
bomb "500 MB of shared strings" "$WORK/shared-many.xlsx" \
	"0||xlsx_shared_strings|XLSX 文件的共享字符串超过 64 MiB 的上限（TUOPIN_IMPORT_MAX_SHARED）"
# A sheet of 200 MB, with the inflation limit set to 64 MiB by its environment variable.
"$XLSX_BOMB" inflate "$WORK/inflate.xlsx"
export TUOPIN_IMPORT_MAX_INFLATE=64
bomb "200 MB sheet" "$WORK/inflate.xlsx" "2||xlsx_too_big|XLSX 文件解压后超过 64 MiB 的上限（TUOPIN_IMPORT_MAX_INFLATE）"
unset TUOPIN_IMPORT_MAX_INFLATE
# One attribute of 100 MB: expat would hold it whole.
"$XLSX_BOMB" token "$WORK/token.xlsx"
bomb "100 MB XML token" "$WORK/token.xlsx" "2||xlsx_bad|XLSX 文件无法读取：sheet 中有长于 1 MiB 的 XML 片段"
# Two million cell formats; twenty thousand parts.
"$XLSX_BOMB" styles "$WORK/styles.xlsx"
bomb "2,000,000 cell formats" "$WORK/styles.xlsx" "0||xlsx_bad|XLSX 文件无法读取：单元格格式超过 65536 个"
"$XLSX_BOMB" entries "$WORK/entries.xlsx"
bomb "20,000 parts" "$WORK/entries.xlsx" "0||xlsx_bad|XLSX 文件无法读取：压缩包中有 20003 个文件，超过 10000 个的上限"
# A cell in column 10,000: the same limit and the same words as for a CSV file (below).
"$XLSX_BOMB" columns "$WORK/columns.xlsx"
bomb "column 10,000 (XLSX)" "$WORK/columns.xlsx" "2||too_many_columns|此行超过每行 4096 列的上限（TUOPIN_IMPORT_MAX_COLUMNS）"

# A text cell that refers to a shared string the file does not have: the file is broken, said so at its row and
# column (it was read as an empty cell: "必填项为空").
"$XLSX_BOMB" shared-missing "$WORK/shared-missing.xlsx"
bomb "a missing shared string" "$WORK/shared-missing.xlsx" "2|姓名|xlsx_bad|XLSX 文件无法读取：单元格引用的共享字符串“7”不存在（文件中共 1 个）"

# CSV: a 10 MB cell, and 10,000 columns.
name_col=$(head -1 "$SAMPLES/registry.csv" | tr ',' '\n' | grep -n '^姓名$' | cut -d: -f1)
{
	head -1 "$SAMPLES/registry.csv"
	sed -n 2p "$SAMPLES/registry.csv" | awk -F, -v c="$name_col" '{ for (i = 1; i < c; i++) printf "%s,", $i }'
	head -c 10000000 /dev/zero | tr '\0' 'x'
	sed -n 2p "$SAMPLES/registry.csv" | awk -F, -v c="$name_col" '{ for (i = c + 1; i <= NF; i++) printf ",%s", $i; print "" }'
} > "$WORK/cell.csv"
bomb "10 MB cell (CSV)" "$WORK/cell.csv" \
	"2|姓名|cell_too_big|第 $name_col 列的单元格超过 4096 字节的上限（TUOPIN_IMPORT_MAX_CELL），文件未再往下读取"
awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "%s列%d", (i > 1 ? "," : ""), i; print "" }' > "$WORK/wide.csv"
bomb "10,000 columns (CSV)" "$WORK/wide.csv" "1||too_many_columns|此行超过每行 4096 列的上限（TUOPIN_IMPORT_MAX_COLUMNS）"

# A long cell within the cell limit (1,300 characters) is reported as too long, its value abbreviated in the
# problem (200 bytes and an ellipsis), not repeated whole in each of 2,000 problems.
long=$(head -c 1300 /dev/zero | tr '\0' 'A' | sed 's/A/名/g')
awk -F, -v OFS=, -v long="$long" -v col="$name_col" 'NR == 1 { print; next } NR <= 3 { $col = long; print }' \
	"$SAMPLES/registry.csv" > "$WORK/long.csv"
expect_rc 1 import registry "$WORK/long.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | select(.code == "too_long")] | length' 2
jqeq '.problems[0].value | length' 67
jqeq '.problems[0].value | endswith("名…")' true
jqeq '.problems[0].message' "内容过长（最多 64 个字符）"
[ "${#OUT}" -lt 4000 ] || fail "the answer holds the long cells: ${#OUT} bytes"

# A bad limit in the environment stops the command before it reads or writes.
TUOPIN_IMPORT_MAX_ROWS=abc expect_rc 2 stats
eq "bad limit" "$ERR" "tuopin: 环境变量 TUOPIN_IMPORT_MAX_ROWS 的值“abc”无效（应为正整数）"
TUOPIN_IMPORT_SORT_KEYS=1e6 expect_rc 2 import registry "$SAMPLES/registry.csv" --as-of 2014-04-30
eq "bad sort-run size" "$ERR" "tuopin: 环境变量 TUOPIN_IMPORT_SORT_KEYS 的值“1e6”无效（应为正整数）"
TUOPIN_IMPORT_HOLD_ROWS=0 expect_rc 2 import registry "$SAMPLES/registry.csv" --as-of 2014-04-30
eq "bad rows held" "$ERR" "tuopin: 环境变量 TUOPIN_IMPORT_HOLD_ROWS 的值“0”无效（应为正整数）"
# The row limit, set low.
TUOPIN_IMPORT_MAX_ROWS=5 expect_rc 1 import registry "$SAMPLES/registry.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.code)|\(.message)"] | join(";")' "6|too_many_rows|文件超过 5 行的上限（TUOPIN_IMPORT_MAX_ROWS）"

eq "nothing written by any bomb" "$(db_fingerprint)" "$before"
finish
