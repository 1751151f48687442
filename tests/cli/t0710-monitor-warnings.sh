#!/usr/bin/env bash
# 防返贫监测预警 (issue 16 point 5) on the monitoring fixture (tests/data/monitor, see t0700-monitor.sh):
#   low_income  latest 人均纯收入 under that year's monitoring line, household 脱贫户 or 一般农户, not monitored;
#   income_fall latest 人均纯收入 down from the year before by the share of warning_income_fall (30 % by default);
#   health      a member recorded with 患有大病 or 残疾 by an event of the twelve months up to the day.
# Incomes (per head): A 3713980001 2022 10000.00, 2023 7001.00 (down 29.99 %); C 3713980003 2022 10000.00,
# 2023 6500.00 (down 35 %, under the 2023 line of 6800); D 3713980004 (still poor) 2023 1000.00; E 3713980101
# (monitored) 2023 1000.00; F 3713980102 2023 6799.00 (one yuan under), 2024 6500.00; G 3713980103 2023 6800.00
# (on the line). Health: E's 沈梅 enrolled 2021-01-01 with 患有大病; G's 朱平 corrected to 患有大病 2024-03-01;
# F's 韩冬 to 长期慢性病 (not serious); B's members ill and disabled since 2014 (not new).
source "$TESTLIB"
D=$TESTDATA/monitor
new_db >/dev/null
ok import divisions "$D/divisions.csv"
ok import registry "$D/registry-2014.csv" --as-of 2014-01-01 --now "2014-03-01 09:00:00"
ok import events "$D/events-exit.csv" --now "2019-01-10 09:00:00"
ok import registry "$D/registry-ordinary.csv" --as-of 2021-01-01 --now "2021-01-05 09:00:00"
ok monitor line set 2022 6500 --now "2021-01-06 09:00:00"
ok monitor line set 2023 6800 --now "2021-01-06 09:01:00"
W() {   # W AS-OF [options]: the warnings as "key state" lines joined by ","
	local day=$1
	shift
	ok monitor warnings --as-of "$day" --format json "$@"
}
keys() { printf '%s' "$OUT" | jq -r '[.rows[].key] | join(",")'; }

# a household newly enrolled with a seriously ill member: a warning for twelve months, until it is monitored
W 2021-03-01
eq "enrolled ill member" "$(keys)" "health:3713980101:$(printf '%s' "$OUT" | jq -r '.rows[0].event')"
jqeq '.rows[0] | "\(.rule_label) \(.household) \(.head) \(.persons) \(.member) \(.health_label) \(.day) \(.detail) \(.suggested_type) \(.suggested_risk) \(.proposal) \(.dismissed)"' \
	"新增大病或残疾 3713980101 蒋海 3 沈梅 患有大病 2021-01-01 沈梅 新登记为“患有大病”（2021-01-01） marginal illness null null"
jqeq '"\(.as_of) \(.division.name) \(.fall_share) \(.total.households) \(.total.warnings)"' "2021-03-01 监测示范县 30 1 1"
W 2021-12-31
eq "eleven months on" "$(keys)" "$(printf '%s' "$OUT" | jq -r '.rows[0].key')"
jqeq '.rows | length' "1"
W 2022-01-01
eq "twelve months on: not new" "$(keys)" ""

# E becomes monitored (边缘易致贫户)
walk() {
	local id=$1
	ok proposal act "$id" approve --step assess --date "$2" --now "$2 10:00:00"
	ok proposal act "$id" approve --step review --date "$3" --votes 9/0/1 --now "$3 10:00:00"
	ok proposal act "$id" approve --step notice --date "$4" --now "$4 10:00:00"
	ok proposal act "$id" approve --step town --date "$5" --now "$5 10:00:00"
	ok proposal act "$id" approve --step county --date "$6" --now "$6 10:00:00"
}
pid() { printf '%s' "$OUT" | jq -r .id; }
ok proposal new monitor_in 3713980101 --monitor-type marginal --risks 因病 --channel department --date 2021-05-01 --now "2021-05-01 09:00:00" --format json
walk "$(pid)" 2021-05-02 2021-05-03 2021-05-08 2021-05-09 2021-05-10
W 2021-06-01
eq "monitored: no warning" "$(keys)" ""

ok income set 3713980001 2022 --wage 30000 --now "2023-01-10 09:00:00"
ok income set 3713980001 2023 --wage 21003 --now "2024-01-10 09:00:00"
ok income set 3713980003 2022 --wage 40000 --now "2024-01-10 09:01:00"
ok income set 3713980003 2023 --wage 26000 --now "2024-01-10 09:02:00"
ok income set 3713980004 2023 --wage 1000 --now "2024-01-10 09:03:00"
ok income set 3713980101 2023 --wage 3000 --now "2024-01-10 09:04:00"
ok income set 3713980102 2023 --wage 13598 --now "2024-01-10 09:05:00"
ok income set 3713980103 2023 --wage 6800 --now "2024-01-10 09:06:00"
ZHU=$(grep 朱平 "$D/registry-ordinary.csv" | cut -d, -f4)
HAN=$(grep 韩冬 "$D/registry-ordinary.csv" | cut -d, -f4)
printf '户编号,变动类型,生效日期,原因,证件号码,健康状况\n%s\n%s\n' \
	"3713980103,信息更正,2024-03-01,县医院确诊,$ZHU,患有大病" "3713980102,信息更正,2024-03-01,,$HAN,长期慢性病" > "$WORK/health.csv"
ok import events "$WORK/health.csv" --now "2024-03-05 09:00:00"

# as of 2024-02-29: the 2023 incomes only (G's illness not yet recorded)
W 2024-02-29
eq "incomes" "$(keys)" "low_income:3713980003:2023,income_fall:3713980003:2023,low_income:3713980102:2023"
jqeq '[.rows[] | .detail] | join(";")' \
	"2023 年人均纯收入 6500.00 元，低于 2023 年监测标准 6800.00 元;人均纯收入由 2022 年 10000.00 元降至 2023 年 6500.00 元，下降 35%;2023 年人均纯收入 6799.00 元，低于 2023 年监测标准 6800.00 元"
jqeq '.rows[1] | "\(.year) \(.net_income_pc) \(.previous_year) \(.previous_net_income_pc) \(.fall) \(.household_status_label) \(.village.name) \(.town.name) \(.suggested_type)"' \
	"2023 6500.00 2022 10000.00 35 已脱贫享受政策 南岭二村 南岭镇 unstable"
jqeq '.rows[2] | "\(.line_year) \(.line) \(.head) \(.persons) \(.household_status_label) \(.suggested_type)"' \
	"2023 6800.00 韩冬 2 一般农户 marginal"
# as of 2022-12-31 the 2023 incomes do not count yet (latest: 2022, above the line)
W 2022-12-31
eq "the day's year bounds the income year" "$(keys)" ""
W 2024-06-30
eq "all rules" "$(keys)" "low_income:3713980003:2023,income_fall:3713980003:2023,low_income:3713980102:2023,health:3713980103:$(printf '%s' "$OUT" | jq -r '.rows[3].event')"
jqeq '.rows[3] | "\(.member) \(.health) \(.day) \(.suggested_risk)"' "朱平 03 2024-03-01 illness"
jqeq '.total | "\(.households) \(.warnings)"' "3 4"
W 2024-06-30 --rule health
jqeq '[.rows[].household] | join(",")' "3713980103"
W 2024-06-30 --division 北河镇
jqeq '[.rows[].household] | join(",")' "3713980102,3713980103"
jqeq '.division.name' "北河镇"
ok monitor warnings --as-of 2024-06-30
contains "$OUT" "low_income:3713980102:2023"
contains "$OUT" "收入大幅下降"
contains "$OUT" "待核实"
contains "$OUT" "合计：4 条预警，3 户"
expect_rc 2 monitor warnings --rule poor

# the share is a setting: at 25 % A's fall of 29.99 % is a warning too
ok config set warning_income_fall 25 --now "2024-06-30 10:00:00"
ok config get warning_income_fall
eq "setting" "$OUT" "25"
expect_rc 1 config set warning_income_fall 120 --now "2024-06-30 10:01:00"
W 2024-06-30 --rule income_fall
eq "25 %" "$(keys)" "income_fall:3713980001:2023,income_fall:3713980003:2023"
jqeq '"\(.fall_share) \(.rows[0].fall)"' "25 29.99"
ok config set warning_income_fall 30 --now "2024-06-30 10:02:00"

# dismissal: with a reason, stored and audited; not twice; a new year's income is a new warning
FP=$(db_fingerprint)
expect_rc 1 monitor dismiss low_income:3713980102:2023 --date 2024-07-01 --now "2024-07-01 09:00:00"
contains "$ERR" "排除预警须写明理由"
expect_rc 3 monitor dismiss low_income:3713980102:2022 --reason x --date 2024-07-01 --now "2024-07-01 09:00:00"
contains "$ERR" "没有预警“low_income:3713980102:2022”"
expect_rc 3 monitor dismiss low_income:3713980103:2023 --reason x --date 2024-07-01 --now "2024-07-01 09:00:00"
expect_rc 3 monitor dismiss nonsense --reason x --date 2024-07-01 --now "2024-07-01 09:00:00"
eq "nothing written by the refusals" "$(db_fingerprint)" "$FP"
ok monitor dismiss low_income:3713980102:2023 --reason 已核实：外出务工收入漏报 --date 2024-07-01 --now "2024-07-01 09:00:00"
eq "dismissed" "$OUT" "已排除预警 low_income:3713980102:2023"
expect_rc 1 monitor dismiss low_income:3713980102:2023 --reason 再次 --date 2024-07-01 --now "2024-07-01 09:01:00"
contains "$ERR" "预警“low_income:3713980102:2023”已于 2024-07-01 由 cli:"
W 2024-07-01
eq "dismissed ones hidden" "$(keys)" "low_income:3713980003:2023,income_fall:3713980003:2023,health:3713980103:$(printf '%s' "$OUT" | jq -r '.rows[2].event')"
W 2024-07-01 --all
jqeq '[.rows[] | select(.dismissed) | "\(.key) \(.dismissed.reason) \(.dismissed.day)"] | join(",")' \
	"low_income:3713980102:2023 已核实：外出务工收入漏报 2024-07-01"
ok audit list --action monitor.dismiss
contains "$OUT" '3713980102 {"warning":"low_income:3713980102:2023","day":"2024-07-01","reason":"已核实：外出务工收入漏报"}'
# a warning turned into a monitor_in proposal shows it, and goes once the household is monitored
ok proposal new monitor_in 3713980003 --monitor-type unstable --risks 因病 --channel 平台监测分析 --date 2024-07-02 --now "2024-07-02 09:00:00" --format json
C1=$(pid)
W 2024-07-02 --division 南岭镇
jqeq '[.rows[] | "\(.key) \(.proposal)"] | join(",")' "low_income:3713980003:2023 $C1,income_fall:3713980003:2023 $C1"
ok monitor warnings --as-of 2024-07-02 --division 南岭镇
contains "$OUT" "已提出纳入监测申请 $C1"
walk "$C1" 2024-07-03 2024-07-04 2024-07-09 2024-07-10 2024-07-11
W 2024-07-11 --division 南岭镇
eq "monitored from 2024-07-11" "$(keys)" ""
W 2024-07-10 --division 南岭镇
jqeq '.rows | length' "2"
# as recorded on a past day: the proposal open on 2024-07-10 (decided on 07-11) shows; on 07-01 it was not
# opened yet; the dismissal of 07-01 does not hide its warning on 06-30 (it came later)
jqeq '[.rows[] | "\(.key) \(.proposal)"] | join(",")' "low_income:3713980003:2023 $C1,income_fall:3713980003:2023 $C1"
W 2024-07-01 --division 南岭镇
jqeq '[.rows[] | "\(.key) \(.proposal)"] | join(",")' "low_income:3713980003:2023 null,income_fall:3713980003:2023 null"
W 2024-06-30 --division 北河镇 --rule low_income
eq "not yet dismissed on 06-30" "$(keys)" "low_income:3713980102:2023"
jqeq '.rows[0].dismissed' "null"
W 2024-07-01 --division 北河镇 --rule low_income
eq "dismissed on 07-01" "$(keys)" ""
ok income set 3713980102 2024 --wage 13000 --now "2025-01-10 09:00:00"
W 2025-01-10 --division 北河镇 --rule low_income
eq "a new year's income, a new warning (the 2023 line still applies)" "$(keys)" "low_income:3713980102:2024"
jqeq '.rows[0] | "\(.line_year) \(.line) \(.net_income_pc)"' "2023 6800.00 6500.00"

# other departments' lists (数据比对): 医保 high out-of-pocket costs (at least 10000 元) and disaster victims, dated
# in the twelve months up to the day, of households not monitored then (C is monitored since 2024-07-11)
cat >"$WORK/medical.csv" <<'CSV'
证件号码,姓名,自付金额,结算日期
371398197203041020,吴秀英,12000.00,2024-11-20
371398194402021010,郑老根,9999.99,2024-12-01
37139819820303102X,褚丽,30000.00,2024-10-01
371398194605071026,冯桂香,15000.00,2023-12-01
CSV
cat >"$WORK/disaster.csv" <<'CSV'
证件号码,姓名,灾种,受灾日期,损失情况
371398197001011034,周大川,洪涝,2024-08-01,房屋进水
CSV
ok import external "$WORK/medical.csv" --kind medical_cost --date 2025-01-05 --now "2025-01-10 09:10:00"
ok import external "$WORK/disaster.csv" --kind 受灾人员 --date 2025-01-06 --now "2025-01-10 09:11:00"
W 2025-01-10 --division 南岭镇
jqeq '[.rows[] | select(.rule == "medical_cost" or .rule == "disaster") | "\(.rule_label) \(.household) \(.member) \(.day) \(.value) \(.source) \(.suggested_risk) \(.suggested_type)"] | join(",")' \
	"医保高额自付 3713980001 吴秀英 2024-11-20 12000.00 医保 illness unstable,受灾 3713980001 周大川 2024-08-01 洪涝 应急管理 disaster unstable"
jqeq '[.rows[] | select(.rule == "medical_cost" or .rule == "disaster") | .detail] | join(",")' \
	"吴秀英 医保自付 12000.00 元（2024-11-20，医保 名单）,周大川 受灾：洪涝（2024-08-01，应急管理 名单）"
MK=$(printf '%s' "$OUT" | jq -r '.rows[] | select(.rule == "medical_cost") | .key')
W 2025-01-10 --rule disaster
eq "by rule" "$(keys)" "$(printf '%s' "$OUT" | jq -r '.rows[0].key')"
jqeq '.rows | length' "1"
# a year later the rows are too old
W 2025-12-01 --division 南岭镇 --rule medical_cost
eq "twelve months" "$(keys)" ""
# dismissed like any warning
ok monitor dismiss "$MK" --reason 已核实：商业保险已理赔 --date 2025-01-10 --now "2025-01-10 09:20:00"
W 2025-01-10 --rule medical_cost
eq "dismissed" "$(keys)" ""

# the list rules see 一般农户 too, and the amount is a setting (warning_medical_cost, 10000 元 by default; exactly
# the amount is a warning): F 3713980102 and G 3713980103 are 一般农户 not monitored, E 3713980101 is monitored
cat >"$WORK/medical2.csv" <<'CSV'
证件号码,姓名,自付金额,结算日期
371398197808081033,韩冬,10000.00,2025-01-15
371398198009091029,杨春,9999.99,2025-01-15
371398198707071025,沈梅,20000.00,2025-01-15
371398196606061013,朱平,12000.00,2025-01-16
CSV
ok import external "$WORK/medical2.csv" --kind medical_cost --date 2025-01-20 --now "2025-01-20 09:00:00"
W 2025-01-20 --rule medical_cost
jqeq '[.rows[] | "\(.household) \(.household_status_label) \(.member) \(.value) \(.suggested_type)"] | join(",")' \
	"3713980102 一般农户 韩冬 10000.00 marginal,3713980103 一般农户 朱平 12000.00 marginal"
jqeq '.medical_cost_threshold' "10000.00"
ok config get warning_medical_cost
eq "default" "$OUT" "10000"
FP=$(db_fingerprint)
expect_rc 1 config set warning_medical_cost 0 --now "2025-01-20 10:00:00"
contains "$ERR" "配置项 warning_medical_cost 的值“0”无效：应为大于 0 的金额（元，至多两位小数），如 10000"
expect_rc 1 config set warning_medical_cost abc --now "2025-01-20 10:00:00"
contains "$ERR" "warning_medical_cost"
expect_rc 1 config set warning_medical_cost 12000.001 --now "2025-01-20 10:00:00"
expect_rc 1 config set warning_medical_cost -5 --now "2025-01-20 10:00:00"
eq "nothing written by the refusals" "$(db_fingerprint)" "$FP"
ok config set warning_medical_cost 12000 --now "2025-01-20 10:01:00"
ok config get warning_medical_cost
eq "set" "$OUT" "12000"
W 2025-01-20 --rule medical_cost
jqeq '[.rows[] | "\(.member) \(.value)"] | join(",")' "朱平 12000.00"
jqeq '.medical_cost_threshold' "12000.00"
ok config set warning_medical_cost 12000.01 --now "2025-01-20 10:02:00"
ok config get warning_medical_cost
eq "with cents" "$OUT" "12000.01"
W 2025-01-20 --rule medical_cost
eq "one fen over the amount" "$(keys)" ""
ok audit list --action settings.set
contains "$OUT" 'warning_medical_cost {"value":"12000.01"}'
ok config set warning_medical_cost 10000 --now "2025-01-20 10:03:00"

# 主要劳动力死亡: a member recorded as 普通/技能劳动力 on a 公安 list of deaths, of a 脱贫户 or 一般农户 not monitored.
# 周大川 (A, 普通劳动力, his removal recorded on the day he died) and 杨春 (F, 一般农户, 普通劳动力) are warnings;
# 郑老根 (丧失劳动力) and 周小禾 (无劳动力) are not labourers; 蒋海 (E) and 陈明 (C) are of monitored households
printf '户编号,变动类型,生效日期,原因,证件号码,新户主证件号码\n3713980001,人员减少,2025-01-25,死亡,371398197001011034,371398197203041020\n' >"$WORK/death-events.csv"
ok import events "$WORK/death-events.csv" --now "2025-01-28 09:00:00"
cat >"$WORK/deaths.csv" <<'CSV'
证件号码,姓名,死亡日期
371398197001011034,周大川,2025-01-25
371398194402021010,郑老根,2025-01-10
371398200205061011,周小禾,2025-01-11
371398198505051018,蒋海,2025-01-12
371398198001011012,陈明,2025-01-13
371398198009091029,杨春,2025-01-14
CSV
ok import external "$WORK/deaths.csv" --kind death --date 2025-02-01 --now "2025-02-01 09:00:00"
W 2025-02-01 --rule labour_death
jqeq '[.rows[] | "\(.rule_label) \(.household) \(.household_status_label) \(.member) \(.labor_label) \(.day) \(.source) \(.suggested_risk) \(.suggested_type)"] | join(",")' \
	"主要劳动力死亡 3713980001 已脱贫享受政策 周大川 普通劳动力 2025-01-25 公安 labour unstable,主要劳动力死亡 3713980102 一般农户 杨春 普通劳动力 2025-01-14 公安 labour marginal"
jqeq '[.rows[] | .detail] | join(",")' "周大川（普通劳动力）死亡（2025-01-25，公安 名单）,杨春（普通劳动力）死亡（2025-01-14，公安 名单）"
jqeq '.rows[0].persons' "2"
ok monitor warnings --as-of 2025-02-01 --rule labour_death
contains "$OUT" "主要劳动力死亡"
contains "$OUT" "合计：2 条预警，2 户"
W 2025-01-31 --rule labour_death
eq "the list is known from its date" "$(keys)" ""
W 2026-01-25 --rule labour_death
eq "twelve months" "$(keys)" ""
DK=$(W 2025-02-01 --rule labour_death --division 北河镇; printf '%s' "$OUT" | jq -r '.rows[0].key')
ok monitor dismiss "$DK" --reason 已核实：家中另有劳动力务工 --date 2025-02-02 --now "2025-02-02 09:00:00"
W 2025-02-02 --rule labour_death
jqeq '[.rows[].household] | join(",")' "3713980001"

# the province's line before the nation's: Shandong (37) sets 2023 at 6900 and 2024 at 7000, so G (2023 6800.00, on
# the national line) is warned, and F's 2024 income (6500.00) is measured against the province's 2024 line; a line
# of another province (11) changes nothing
ok monitor line set 2023 5000 --region 11 --now "2025-02-03 09:00:00"
W 2025-02-03 --rule low_income
eq "national lines only" "$(keys)" "low_income:3713980102:2024"
ok monitor line set 2023 6900 --region 37 --now "2025-02-03 09:01:00"
ok monitor line set 2024 7000 --region 37 --now "2025-02-03 09:02:00"
W 2025-02-03 --rule low_income
eq "the province's lines" "$(keys)" "low_income:3713980102:2024,low_income:3713980103:2023"
jqeq '[.rows[] | .detail] | join(";")' \
	"2024 年人均纯收入 6500.00 元，低于 2024 年监测标准 7000.00 元;2023 年人均纯收入 6800.00 元，低于 2023 年监测标准 6900.00 元"
finish
