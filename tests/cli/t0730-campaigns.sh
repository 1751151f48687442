#!/usr/bin/env bash
# Campaigns: a named clean-up with a start and a deadline gathers the findings of its rules; its board counts
# them by town and by village (open, waiting for a waiver's confirmation, fixed, waived, overdue); its change
# report is the report of the batch named after it.
source "$TESTLIB"
new_db >/dev/null
ok import divisions "$SAMPLES/divisions.csv"
ok import registry "$TESTDATA/bad/registry-quality.csv" --as-of 2014-04-30 --lenient --now "2014-05-01 09:00:00"
# a household of 西岭村 with an old skilled worker too
printf '%s\n' '行政区划代码,户编号,姓名,证件号码,与户主关系,性别,民族,文化程度,健康状况,劳动技能,是否参加城乡居民基本医疗保险,是否参加大病保险,是否参加城乡居民基本养老保险,贫困户属性,主要致贫原因,识别标准,贫困户状态,识别年月,人均纯收入' \
	'371399100202,X01,西一,371399194001010018,户主,男,汉族,小学,健康,技能劳动力,是,是,是,一般贫困户,缺资金,国家标准,未脱贫,201404,2100.00' \
	> "$WORK/x.csv"
ok import registry "$WORK/x.csv" --as-of 2014-04-30 --now "2014-05-01 09:00:00"

# refused, nothing written
expect_rc 1 campaign new 劳动技能核查
eq "no rules" "$ERR" "tuopin: 须选择至少一条规则"
expect_rc 1 campaign new 劳动技能核查 --rules CHILD_LABOR,NO_SUCH
eq "unknown rule" "$ERR" "tuopin: 没有规则“NO_SUCH”"
expect_rc 1 campaign new 劳动技能核查 --rules CHILD_LABOR --start 2026-03-01 --deadline 2026-02-01
eq "deadline" "$ERR" "tuopin: 整改期限 2026-02-01 早于开始日期 2026-03-01"
expect_rc 1 campaign new "  " --rules CHILD_LABOR
expect_rc 2 campaign new
ok campaign list --format json
jqeq '.rows | length' 0

ok campaign new 劳动技能核查 --rules CHILD_LABOR,2_12_005 --start 2026-01-01 --deadline 2026-01-31 --format json
jqeq '"\(.name) \(.rules | join(",")) \(.start) \(.deadline) \(.past_deadline) \(.division)"' \
	"劳动技能核查 CHILD_LABOR,OLD_LABOR 2026-01-01 2026-01-31 true 371399100000"
jqeq '.totals | "\(.open) \(.fixed) \(.waived) \(.overdue)"' "0 0 0 0"
expect_rc 1 campaign new 劳动技能核查 --rules HEAD_NONE
eq "exists" "$ERR" "tuopin: 专项行动“劳动技能核查”已存在"
eq "audited" "$(db_sql "SELECT COUNT(*) FROM audit WHERE action = 'campaign.create'")" 1

# the findings of its rules, once a run has kept them
expect_rc 1 check --format json
ok campaign show 劳动技能核查 --format json
jqeq '.totals | "\(.open) \(.pending) \(.fixed) \(.waived) \(.overdue)"' "3 0 0 0 3"
# a board within one town is by village (one row of the town would repeat the totals)
jqeq '"\(.by) \([.rows[] | "\(.code) \(.name) \(.open)"] | join(","))"' "village 371399100201 东岭村 2,371399100202 西岭村 1"
ok campaign show 劳动技能核查 --by village --format json
jqeq '.by' village
jqeq '[.rows[] | "\(.name) \(.open) \(.overdue)"] | join(",")' "东岭村 2 2,西岭村 1 1"

# fixed in the campaign's batch, waived, and found again
printf '户编号,变动类型,生效日期,批次,原因,证件号码,劳动技能\nQ01,信息更正,2014-05-02,劳动技能核查,核实,371399201003030015,无劳动力\n' > "$WORK/fix.csv"
ok import events "$WORK/fix.csv"
id=$("$TUOPIN" findings --rule OLD_LABOR --division 西岭村 --format json | jq '.rows[0].id')
ok findings waive "$id" --reason 本人仍务农
expect_rc 1 check --format json
ok campaign show 劳动技能核查 --by village --format json
jqeq '[.rows[] | "\(.name) \(.open)/\(.fixed)/\(.waived)/\(.overdue)"] | join(",")' "东岭村 1/1/0/1,西岭村 0/0/1/0"
jqeq '.totals | "\(.open) \(.fixed) \(.waived) \(.overdue)"' "1 1 1 1"
jqeq '[.changes.rows[] | "\(.type) \(.households) \(.persons)"] | join(",")' "data_fix 1 1"
jqeq '.changes.batch' 劳动技能核查
ok campaign show 劳动技能核查
contains "$OUT" "合计         1           0       1       1     1"
contains "$OUT" "批次“劳动技能核查”的变动："
contains "$OUT" "信息更正"
# a campaign without a deadline is never overdue; one of another division sees only its findings
ok campaign new 东岭村户主核查 --rules HEAD_NONE,HEAD_SEVERAL --division 东岭村 --format json
jqeq '"\(.totals.open) \(.totals.overdue) \(.past_deadline) \(.by) \([.rows[] | "\(.name) \(.open)"] | join(","))"' \
	"2 0 false village 东岭村 2"
ok campaign list --format json
jqeq '[.rows[] | "\(.name) \(.totals.open) \(.totals.overdue)"] | join(",")' "东岭村户主核查 2 0,劳动技能核查 1 1"
expect_rc 3 campaign show 没有这个

# closing (its acceptance): the board as it stands is kept, overdue as of the day it closed; a finding found
# after, or fixed after, is not the campaign's
ok campaign close 劳动技能核查 --note 经县级验收 --format json
# the office's day of its stamp (the suite's clock is pinned about the office's midnight: no day is assumed)
day=$(jq -r '.closed.at[0:10]' <<<"$OUT")
jqeq '"\(.closed.day) \(.closed.by) \(.closed.note) \(.past_deadline)"' "$day cli:$(id -un) 经县级验收 true"
jqeq '[.rows[] | "\(.name) \(.open)/\(.fixed)/\(.waived)/\(.overdue)"] | join(",")' "东岭村 1/1/0/1,西岭村 0/0/1/0"
eq "audited" "$(db_sql "SELECT detail FROM audit WHERE action = 'campaign.close'")" \
	'{"name":"劳动技能核查","note":"经县级验收","open":1,"fixed":1,"waived":1}'
expect_rc 1 campaign close 劳动技能核查
eq "closed once" "$ERR" "tuopin: 专项行动“劳动技能核查”已于 $day 结束"
# nothing more is recorded in its name (its report is its batch as recorded when it closed: a change after it
# would be in none of its figures): an event of that batch, a registry sheet with it as --batch; nothing written
events_before=$(db_sql "SELECT COUNT(*) FROM change_event")
printf '户编号,变动类型,生效日期,批次,原因,证件号码,劳动技能\nQ01,信息更正,2014-05-03,劳动技能核查,再核实,371399201003030015,普通劳动力\n' > "$WORK/fix2.csv"
expect_rc 1 import events "$WORK/fix2.csv" --format json
jqeq '[.problems[] | "\(.row) \(.column) \(.code) \(.message)"] | join(",")' \
	"2 批次 campaign_closed 专项行动“劳动技能核查”已于 $day 结束，不能再以它为批次记录变动"
printf '%s\n' '行政区划代码,户编号,姓名,证件号码,与户主关系,性别,民族,文化程度,健康状况,劳动技能,是否参加城乡居民基本医疗保险,是否参加大病保险,是否参加城乡居民基本养老保险,贫困户属性,主要致贫原因,识别标准,贫困户状态,识别年月,人均纯收入' \
	'371399100202,X03,西三,371399193902030020,户主,女,汉族,小学,健康,技能劳动力,是,是,是,一般贫困户,缺资金,国家标准,未脱贫,201404,2100.00' \
	> "$WORK/x3.csv"
expect_rc 1 import registry "$WORK/x3.csv" --as-of 2014-04-30 --batch 劳动技能核查 --format json
jqeq '[.problems[] | "\(.column) \(.value) \(.code)"] | join(",")' "--batch 劳动技能核查 campaign_closed"
eq "nothing written" "$(db_sql "SELECT COUNT(*) FROM change_event")" "$events_before"
printf '%s\n' '行政区划代码,户编号,姓名,证件号码,与户主关系,性别,民族,文化程度,健康状况,劳动技能,是否参加城乡居民基本医疗保险,是否参加大病保险,是否参加城乡居民基本养老保险,贫困户属性,主要致贫原因,识别标准,贫困户状态,识别年月,人均纯收入' \
	'371399100202,X02,西二,371399193902020024,户主,女,汉族,小学,健康,技能劳动力,是,是,是,一般贫困户,缺资金,国家标准,未脱贫,201404,2100.00' \
	> "$WORK/x2.csv"
ok import registry "$WORK/x2.csv" --as-of 2014-04-30
expect_rc 1 check --format json
eq "a finding after the close" "$(db_sql "SELECT COUNT(*) FROM finding WHERE rule = 'OLD_LABOR' AND state = 'open'")" 2
ok campaign show 劳动技能核查 --format json
jqeq '"\(.totals.open) \(.totals.fixed) \(.totals.waived) \(.totals.overdue)"' "1 1 1 1"
ok campaign show 劳动技能核查
contains "$OUT" "已于 $day 由 cli:$(id -un) 结束：经县级验收；以下为结束时的情况："
ok campaign list --format json
jqeq '[.rows[] | "\(.name) \(.closed.day)"] | join(",")' "东岭村户主核查 null,劳动技能核查 $day"
# the other campaign, open, counts the new one
ok campaign new 劳动技能复查 --rules OLD_LABOR --start 2026-01-01 --format json
jqeq '"\(.totals.open) \(.closed)"' "2 null"
finish
