#!/usr/bin/env bash
# The same registry as UTF-8 with a BOM, UTF-8 without, GB18030 and XLSX gives the same registry; XLSX
# dates and numbers are read; an ID number that Excel turned into a number is refused; --dry-run writes
# nothing.
source "$TESTLIB"
S=$SAMPLES
X=$TESTDATA/sheets
expected=""
for f in "$S/registry.csv" "$X/registry-nobom.csv" "$S/registry-gb18030.csv" "$X/registry.xlsx"; do
	new_db >/dev/null
	ok import divisions "$S/divisions.csv"
	ok import registry "$f" --as-of 2014-04-30 --now "2014-05-01 09:00:00" --format json
	jqeq '"\(.rows) \(.households) \(.members) \(.written) \(.errors)"' "8 3 8 true 0"
	case "$f" in
	*gb18030*) jqeq '.encoding' "GB18030" ;;
	*xlsx) jqeq '"\(.format) \(.encoding)"' "xlsx XLSX" ;;
	*nobom*) jqeq '.encoding' "UTF-8" ;;
	*) jqeq '.encoding' "UTF-8 (BOM)" ;;
	esac
	ok stats --as-of 2014-04-30 --by village --format json
	got=$(printf '%s' "$OUT" | jq -c '[.totals.registered, .rows[].poor]')
	eq "totals of $f" "$got" '[{"households":3,"persons":8},{"households":2,"persons":4},{"households":1,"persons":4}]'
	ok show 3713991002010001 --as-of 2014-04-30 --format json --full-id
	jqeq '[.members[] | "\(.name) \(.id_no) \(.relation.label)"] | join(",")' \
		"张建国 371399196203040011 户主,李秀英 371399196408110028 配偶,张磊 371399200201010037 之子"
done

# Events from XLSX with real Excel dates.
ok import events "$X/events.xlsx" --now "2018-05-02 10:00:00" --format json
jqeq '"\(.format) \(.events)"' "xlsx 6"
ok stats --as-of 2018-10-08 --format json
nhmr registered "1 4"
nhmr exited_unsupported "1 4"
nhmr removed "1 4"
nhmr cancelled "1 0"

# An ID column stored as numbers by Excel cannot be trusted.
new_db >/dev/null
ok import divisions "$S/divisions.csv"
expect_rc 1 import registry "$X/registry-numeric-id.xlsx" --as-of 2014-04-30 --format json
jqeq '[.problems[] | select(.code == "id_numeric")] | length' 8
jqeq '.problems[0] | "\(.row) \(.column) \(.value)"' "2 证件号码 3.7139919620304e+17"
# ... said once: not also "19 characters long" of what Excel made of it (found by a walk of the guide)
jqeq '[.problems[] | select(.column == "证件号码") | .code] | unique | join(",")' "id_numeric"
jqeq '[.problems[] | select(.row == 2) | .code] | join(",")' "id_numeric"
jqeq '.written' false
# So is a bank account of 16 digits or more (made with tools/csv2xlsx --num 银行账号; the 12-digit one is exact)
expect_rc 1 import registry "$X/registry-numeric-account.xlsx" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.value)|\(.code)|\(.message)"] | join(";")' \
	"2|银行账号|6.21700001234567e+15|account_numeric|银行账号被 Excel 存成了数字（精度已丢失），请将该列设为文本后重新导出"
# and the same number as a CSV from Excel shows it
sed -e 's/6217 0000 1234 5678 901/6.21700001234568E+18/' "$S/registry.csv" > "$WORK/exp.csv"
expect_rc 1 import registry "$WORK/exp.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.code)"] | join(";")' "2|account_numeric"

# --dry-run validates and writes nothing.
ok import registry "$S/registry.csv" --as-of 2014-04-30 --dry-run
eq "dry run" "$OUT" "［仅校验］8 行（csv，UTF-8 (BOM)）：建档 3 户 8 人"
ok stats --format json
nhmr registered "0 0"

# The same registry cannot be imported twice.
ok import registry "$S/registry.csv" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
expect_rc 1 import registry "$S/registry.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row) \(.code)"] | join(",")' \
	"2 household_exists,2 duplicate_id,3 duplicate_id,4 duplicate_id,5 household_exists,5 duplicate_id,6 household_exists,6 duplicate_id,7 duplicate_id,8 duplicate_id,9 duplicate_id"
finish
