#!/usr/bin/env bash
# Bad files: every problem is reported at once with row, column, value and reason, the exit code is 1 and
# nothing is written. Messages are Chinese by default and English with --lang en.
source "$TESTLIB"
B=$TESTDATA/bad
S=$SAMPLES
new_db >/dev/null

expect_rc 1 import divisions "$B/divisions-bad.csv" --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.value)|\(.code)"] | join(";")' \
	"3|级别|县|division_level;4|代码|37130000000X|division_code;7|代码|371399100000|division_duplicate;8|是否省定贫困村|可能|bad_yes_no;9|上级代码|371388100000|division_parent;10|乡村人口|abc|bad_number;11|代码||required"
jqeq '.problems[0].message' "级别“县”与代码 371300000000 不符（应为市）"
ok stats --format json
jqeq '.division.name' "全部"

ok import divisions "$S/divisions.csv"
before=$(db_fingerprint)
expect_rc 1 import registry "$B/registry-bad.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)"] | join(";")' \
	"3|证件号码|id_checksum;4|与户主关系|relation_sex;5|与户主关系|unknown_code;5|与户主关系|head_missing;6|姓名|required;7|务工时间（月）|out_of_range;7|是否参加大病保险|bad_yes_no;7|行政区划代码|division_unknown;8|与户主关系|spouse_sex;9|证件号码|id_birth_date;9|人均纯收入|bad_money;10|与户主关系|head_several;10|证件号码|duplicate_id;11|户联系电话|bad_phone;11|贫困户状态|status_ambiguous"
jqeq '"\(.errors) \(.written) \(.households)"' "15 false 0"
jqeq '.problems[0].message' "证件号码校验位错误：应为 1"
jqeq '.problems[12].message' "证件号码与第 2 行重复"
eq "nothing written by a bad registry" "$(db_fingerprint)" "$before"

# The table goes to stderr with the exit code 1.
expect_rc 1 import registry "$B/registry-bad.csv" --as-of 2014-04-30
contains "$ERR" "文件（csv，UTF-8 (BOM)）中有 15 个问题，未写入任何数据："
contains "$ERR" "第9行   证件号码          371399196202300011  证件号码中的出生日期 1962-02-30 不存在或晚于今天"
expect_rc 1 import registry "$B/registry-bad.csv" --as-of 2014-04-30 --lang en
contains "$ERR" "15 problems in the file (csv, UTF-8 (BOM)); nothing was written:"
contains "$ERR" "wrong check digit in the ID number: it should be 1"
# one problem is one (it said "1 problems")
head -2 "$B/registry-bad.csv" >"$WORK/one-bad.csv"
sed -n 9p "$B/registry-bad.csv" | sed "s/2310.505/2310.50/" >>"$WORK/one-bad.csv"
expect_rc 1 import registry "$WORK/one-bad.csv" --as-of 2014-04-30 --lang en
contains "$ERR" "1 problem in the file ("
# one father of the head, one mother, ...: a second is named on its row (as a second spouse is), nothing written
head -4 "$S/registry.csv" >"$WORK/fathers.csv"
sed -n 4p "$S/registry.csv" | sed 's/张磊,371399200201010037,之子/张父,371399195001010055,之父/' >>"$WORK/fathers.csv"
sed -n 4p "$S/registry.csv" | sed 's/张磊,371399200201010037,之子/张继父,371399195201010076,之父/' >>"$WORK/fathers.csv"
expect_rc 1 import registry "$WORK/fathers.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row) \(.column) \(.code) \(.message)"] | join(",")' "6 与户主关系 relation_several 该户有 2 个与户主关系为“之父”的成员"

ok import registry "$S/registry.csv" --as-of 2014-04-30 --now "2014-05-01 09:00:00"
before=$(db_fingerprint)
expect_rc 1 import events "$B/events-bad.csv" --now "2018-05-02 10:00:00" --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)"] | join(";")' \
	"2|变动类型|unknown_code;3|生效日期|bad_date;4|户编号|household_not_found;5|变动类型|transition_refused;6|生效日期|correction_required;7|证件号码|member_not_found;8|姓名|required;9|原因|bad_reason;11|生效日期|correction_required;12|原因|reason_required;13|生效日期|future_date"
jqeq '.problems[3].message' "2016-01-01时该户状态为“未脱贫”，不能停止享受政策"
jqeq '.events' 0
eq "nothing written by bad events (not even the good row 10)" "$(db_fingerprint)" "$before"

# Broken files.
expect_rc 1 import registry "$TESTDATA/sheets/bad-quote.csv" --format json
jqeq '[.problems[] | "\(.row) \(.code)"] | join(",")' "1 missing_column,1 missing_column,1 missing_column,1 missing_column,1 missing_column,1 missing_column"
expect_rc 1 import registry "$TESTDATA/sheets/gb18030-bad-byte.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row) \(.code)"] | join(",")' "2 household_exists,2 duplicate_id,3 encoding"
expect_rc 1 import events /no/such/file.csv
contains "$ERR" "无法读取文件 /no/such/file.csv"
expect_rc 2 import people "$S/registry.csv"
expect_rc 2 import registry

# 银行账号: digits only (separators between groups dropped), 8 to 32 of them; the row, the column as the file
# wrote it and the reason, and nothing written.
new_db >/dev/null
ok import divisions "$S/divisions.csv"
sed -e 's/621799123456/6217-ABCD-0001/' -e 's/,银行账号/,银行卡号/' "$S/registry.csv" > "$WORK/bank.csv"
before=$(db_fingerprint)
expect_rc 1 import registry "$WORK/bank.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"5|银行卡号|bad_account|“6217-ABCD-0001”不是有效银行账号（应为8至32位数字）"
eq "nothing written (bad account)" "$(db_fingerprint)" "$before"
# a long note in the cell: the message quotes its first 60 bytes, cut before a character, not inside one
sed -e 's/621799123456/6待补录：该户一卡通账号尚未办理，村里统一办理后补录/' "$S/registry.csv" > "$WORK/note.csv"
expect_rc 1 import registry "$WORK/note.csv" --as-of 2014-04-30 --format json
jqeq '[.problems[] | "\(.row)|\(.code)|\(.message)"] | join(";")' \
	"5|bad_account|“6待补录：该户一卡通账号尚未办理，村里统”不是有效银行账号（应为8至32位数字）"
jqeq '.errors' 1
finish
