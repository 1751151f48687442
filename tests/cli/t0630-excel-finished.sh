#!/usr/bin/env bash
# Excel files look finished (issue 18 point 6), read back from the XLSX parts: a title row merged over the
# columns with the division and the date, a bold header row frozen below it, column widths that fit the Chinese
# headers, ID and account numbers as text cells; the file named after the division and the date when the
# CLI is given a folder; the N户M人 table and the change report as Excel with group headers and a bold 合计.
source "$TESTLIB"
sample_db
mkdir -p "$WORK/xout"
ok export registry "$WORK/xout" --as-of 2014-04-30
eq "named by division and date" "$OUT" "已写出 $WORK/xout/建档立卡-示例县-2014-04-30.xlsx：3 户 8 人（证件号码、电话、账号、健康状况已脱敏）"
X="$WORK/xout/建档立卡-示例县-2014-04-30.xlsx"
S=$(unzip -p "$X" xl/worksheets/sheet1.xml)
ST=$(unzip -p "$X" xl/styles.xml)
eq "frozen below the header (row 2)" "$(grep -o '<pane [^>]*>' <<<"$S")" \
	'<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>'
eq "title merged over the 28 columns" "$(grep -o '<mergeCell [^>]*>' <<<"$S")" '<mergeCell ref="A1:AB1"/>'
contains "$S" '<t>建档立卡人口名册　示例县（371399000000） 截至 2014-04-30（证件号码、电话、账号、健康状况已脱敏）</t>'
# widths: 村代码 column A fits the 12-digit code, 姓名 C fits its two characters, 证件号码 D the 18 characters
eq "widths A-D" "$(grep -o '<col min="[1-4]" [^>]*>' <<<"$S" | sed 's/.*width="\([^"]*\)".*/\1/' | tr '\n' ' ')" \
	"14.7109375 18.7109375 8.7109375 20.7109375 "
# the first person's ID cell (row 3, column D) is a string in a text-formatted ("@", numFmtId 49) style
cell=$(grep -o '<c r="D3"[^>]*>' <<<"$S")
eq "ID cell is a string" "$(grep -o 't="[a-zA-Z]*"' <<<"$cell")" 't="inlineStr"'
sidx=$(sed 's/.* s="\([0-9]*\)".*/\1/' <<<"$cell")
xf=$(grep -o '<cellXfs.*</cellXfs>' <<<"$ST" | grep -o '<xf [^>]*' | sed -n "$((sidx + 1))p")
contains "$xf" 'numFmtId="49"'
cell=$(grep -o '<c r="AB3"[^>]*>' <<<"$S")
eq "account cell is a string" "$(grep -o 't="[a-zA-Z]*"' <<<"$cell")" 't="inlineStr"'
# the header row is bold: its style has a font with <b/>
hs=$(grep -o '<c r="A2"[^>]*>' <<<"$S" | sed 's/.* s="\([0-9]*\)".*/\1/')
hxf=$(grep -o '<cellXfs.*</cellXfs>' <<<"$ST" | grep -o '<xf [^>]*' | sed -n "$((hs + 1))p")
font=$(sed 's/.*fontId="\([0-9]*\)".*/\1/' <<<"$hxf")
contains "$(grep -o '<fonts.*</fonts>' <<<"$ST" | sed 's/<\/font>/\n/g' | sed -n "$((font + 1))p")" "<b/>"
# a full export with its title row imports back into an empty database
ok export registry "$WORK/xout" --as-of 2014-04-30 --full-id
contains "$(unzip -p "$X" xl/worksheets/sheet1.xml)" '<t>建档立卡人口名册　示例县（371399000000） 截至 2014-04-30</t>'
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
ok import registry "$X" --as-of 2014-04-30 --now "2014-05-01 09:00:00" --format json
jqeq '"\(.households) \(.members)"' "3 8"

# The N户M人 table: a title, group headers over 户数/人数, numbers as numbers, a bold 合计 row.
sample_db
ok stats --as-of 2014-04-30 --by village --xlsx "$WORK/s.xlsx"
eq "stats written" "$OUT" "已写出 $WORK/s.xlsx"
S=$(unzip -p "$WORK/s.xlsx" xl/worksheets/sheet1.xml)
SS=$(unzip -p "$WORK/s.xlsx" xl/sharedStrings.xml)
contains "$SS" "<t>建档立卡户数人数统计表　示例县（371399000000）　截至 2014-04-30</t>"
contains "$SS" "<t>建档立卡</t>"
eq "merges" "$(grep -o '<mergeCell [^>]*>' <<<"$S" | head -5 | tr '\n' ' ')" \
	'<mergeCell ref="A1:T1"/> <mergeCell ref="A2:A3"/> <mergeCell ref="B2:B3"/> <mergeCell ref="C2:D2"/> <mergeCell ref="E2:F2"/> '
eq "frozen below the two header rows" "$(grep -o '<pane [^>]*>' <<<"$S")" \
	'<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>'
# 建档立卡 of the county: 3 households 8 persons, numbers (no t="s") in the last (合计) row
last=$(grep -o '<row r="[0-9]*"[^>]*>.*</row>' <<<"$S" | sed 's/<\/row>/\n/g' | grep -v '^$' | tail -1)
eq "合计 row 户 人" "$(grep -o '<c r="[CD][0-9]*"[^>]*><v>[0-9]*</v>' <<<"$last" | sed 's/.*<v>//;s/<\/v>//' | tr '\n' ' ')" "3 8 "

# The change report: a 合计 line (CLI table, JSON) and the same in Excel.
ok import events "$SAMPLES/events.csv" --now "2018-05-02 10:00:00"
ok changes --from 2014-01-01 --to 2018-12-31 --format json
jqeq '"\(.total.households) \(.total.persons)"' "$(printf '%s' "$OUT" | jq -r '"\([.rows[].households]|add) \([.rows[].persons]|add)"')"
ok changes --from 2014-01-01 --to 2018-12-31
contains "$OUT" "合计（户次、人次）"
ok changes --from 2014-01-01 --to 2018-12-31 --xlsx "$WORK/c.xlsx"
SS=$(unzip -p "$WORK/c.xlsx" xl/sharedStrings.xml)
contains "$SS" "<t>建档立卡变动情况表　示例县（371399000000）　生效于 2014-01-01 至 2018-12-31</t>"
contains "$SS" "<t>合计（户次、人次）</t>"
finish
