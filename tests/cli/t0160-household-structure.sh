#!/usr/bin/env bash
# Splitting and merging households, monitoring, and data fixes: figures, histories and refusals.
source "$TESTLIB"
E=$TESTDATA/events
sample_db
# The last row eliminates a risk twice: the whole file is refused and nothing is written.
before=$(db_fingerprint)
expect_rc 1 import events "$E/structure.csv" --now "2018-05-02 10:00:00" --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' "10|变动类型|not_monitored|该户不在监测中"
eq "nothing written" "$(db_fingerprint)" "$before"

ok import events "$E/structure-ok.csv" --now "2018-05-02 10:00:00"
eq "summary" "$OUT" "8 行（csv，UTF-8）：记录变动 8 条"
# after the split (2016-05-01): the new household holds the young couple
ok stats --as-of 2016-12-31 --by village --format json
nhmr registered "4 8"
jqeq '[.rows[] | "\(.code) \(.poor.households) \(.poor.persons)"] | join(",")' "371399100201 2 4,371399100202 2 4"
ok show 3713991002020099 --as-of 2016-12-31 --format json
jqeq '[.members[] | "\(.name) \(.relation.label)"] | join(",")' "刘强 之子,陈芳 之儿媳"
jqeq '.status.code' poor
ok show 3713991002020003 --as-of 2016-12-31 --format json
jqeq '[.members[] | "\(.name) \(.relation.label)"] | join(",")' "刘德福 户主,刘欣怡 之女"
# after the merge back (2017-03-01): the emptied household is cancelled with no member
ok stats --as-of 2017-12-31 --by village --format json
nhmr registered "3 8"
nhmr cancelled "1 0"
ok show 3713991002020099 --format json
jqeq '.status.code' cancelled
jqeq '[.history[] | "\(.type) \(.from.code // "") \(.to.code // "")"] | join(",")' \
	"split  poor,split  ,split  ,merge  ,merge  ,merge poor cancelled"
ok show 3713991002020003 --format json
jqeq '[.members[] | "\(.name) \(.relation.label)"] | join(",")' "刘德福 户主,刘强 之子,陈芳 之儿媳,刘欣怡 之女"
ok changes --from 2016-01-01 --to 2017-12-31 --format json
jqeq '[.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' \
	"split 1 2,merge 1 2,monitor_in 1 1,risk_eliminate 1 1,data_fix 1 1"
# the split and the merge keep the history whole (the balance, the totals, one head, no empty household)
ok check --as-of 2017-12-31 --rule BALANCE,AGGREGATE,HEAD_NONE,HEAD_SEVERAL,MEMBERS_NONE,ID_DUPLICATE
eq "check" "$OUT" "检查 2017-12-31 建档立卡 3 户 8 人：未发现问题"
# the data fix made the household 低保贫困户 while no member is recorded as receiving the allowance
expect_rc 1 check --as-of 2017-12-31 --format json
jqeq '[.findings[] | "\(.rule) \(.hh_no)"] | join(",")' "ATTR_DIBAO 3713991002020003"

# Refusals, one at a time, with their messages.
refuse() {   # refuse CSV-ROW CODE
	printf '户编号,变动类型,生效日期,批次,原因,是否更正,证件号码,姓名,与户主关系,性别,目标户编号\n%s\n' "$1" > "$WORK/one.csv"
	expect_rc 1 import events "$WORK/one.csv" --now "2018-05-03 10:00:00" --format json
	jqeq '.problems[0].code' "$2"
}
refuse "3713991002010001,恢复享受政策,2018-01-01,,,否" transition_refused
refuse "3713991002010001,返贫,2018-01-01,,,否" transition_refused
refuse "3713991002020099,脱贫,2018-01-01,,,否" transition_refused
refuse "3713991002010001,拆户,2018-01-01,,,否,371399196203040011,,户主,," target_required
refuse "3713991002010001,拆户,2018-01-01,,,否,371399196203040011,,户主,,3713991002010001" target_self
refuse "3713991002010001,并户,2018-01-01,,,否,371399196203040011,,户主,,NOPE" household_not_found
refuse "3713991002010001,人员增加,2018-01-01,,婚入,否,371399196408110028,李秀英,配偶,女" member_present
refuse "3713991002010001,人员增加,2018-01-01,,婚入,否,371399198005150059,刘强,之子,男" duplicate_id
refuse "3713991002010001,人员增加,2018-01-01,,其他,否,371399201601010014,新户主,户主,男" head_exists
refuse "3713991002010001,信息更正,2018-01-01,,,否,371399196408110028,,之子,," relation_sex
refuse "3713991002010001,信息更正,2018-01-01,,,否,," nothing_to_fix
refuse "3713991002010001,识别不准剔除,2014-01-01,,错评,否" correction_required
refuse "3713991002010001,识别不准剔除,2014-01-01,,错评,是" not_registered

# A correction of the household's phone, bank and bank account: stored as digits, and masked in the history
# (the before and after values) as on the page, unless the full view is asked for.
printf '户编号,变动类型,生效日期,原因,户联系电话,开户银行,银行账号\n%s\n%s\n' \
	"3713991002010002,信息更正,2018-06-01,换卡,13805390000,临港农商银行,6230-5500-0000-1111-22" \
	"3713991002020003,信息更正,2018-06-01,,,,12345" > "$WORK/fix.csv"
before=$(db_fingerprint)
expect_rc 1 import events "$WORK/fix.csv" --now "2018-06-02 10:00:00" --format json
jqeq '[.problems[] | "\(.row)|\(.column)|\(.code)|\(.message)"] | join(";")' \
	"3|银行账号|bad_account|“12345”不是有效银行账号（应为8至32位数字）"
eq "nothing written" "$(db_fingerprint)" "$before"
head -2 "$WORK/fix.csv" > "$WORK/fix1.csv"
ok import events "$WORK/fix1.csv" --now "2018-06-02 10:00:00"
ok show 3713991002010002 --format json
jqeq '"\(.phone) \(.bank) \(.bank_account)"' "138****0000 临港农商银行 6230****1122"
jqeq '.history[-1] | "\(.type) \(.detail | tojson)"' \
	'data_fix {"bank":["邮储银行","临港农商银行"],"bank_account":["****3456","6230****1122"],"phone":["138****2345","138****0000"]}'
ok show 3713991002010002 --format json --full-id
jqeq '"\(.phone) \(.bank_account)"' "13805390000 623055000000111122"
jqeq '.history[-1].detail.bank_account | join(">")' "621799123456>623055000000111122"
# a split: the new household does not inherit the 财政一卡通 account; the old one keeps it
printf '户编号,变动类型,生效日期,原因,证件号码,与户主关系,目标户编号\n%s\n' \
	"3713991002010001,拆户,2018-07-01,分户,371399200201010037,户主,3713991002010077" > "$WORK/split.csv"
ok import events "$WORK/split.csv" --now "2018-07-02 10:00:00"
ok show 3713991002010077 --format json --full-id
jqeq '"\([.members[].name] | join(",")) \(.bank) \(.bank_account)"' "张磊 null null"
ok show 3713991002010001 --format json --full-id
jqeq '"\([.members[].name] | join(",")) \(.bank) \(.bank_account)"' "张建国,李秀英 临港农商银行 6217000012345678901"
finish
