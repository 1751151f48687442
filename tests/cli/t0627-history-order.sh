#!/usr/bin/env bash
# A household's history by effective date, then recording time (issue 18): a member added by a correction
# recorded in 2018 but effective 2014-01-01 sits beside the identification of that day (after it: recorded
# later) and before the exit of 2015, in `tuopin show` (JSON and table) as on the household page.
source "$TESTLIB"
new_db >/dev/null
D=$TESTDATA/county
county_history

ok show 3713990004 --format json
jqeq '[.history[] | "\(.type) \(.effective) \(.recorded_at)"] | join(";")' \
	"identify 2014-01-01 2014-01-05 10:00:00;member_add 2014-01-01 2018-04-20 10:00:00;exit 2015-12-31 2016-01-08 10:00:00"
# recorded in another order than they took effect
eq "recording order" "$(db_sql "SELECT type FROM change_event WHERE household_id = (SELECT id FROM household WHERE hh_no = '3713990004') ORDER BY id" | tr '\n' ' ')" \
	"identify exit member_add "
# 3713990001: a policy end of 2015 and its resumption of 2018 recorded in one import each, after its exit
ok show 3713990001 --format json
jqeq '[.history[] | "\(.type) \(.effective)"] | join(";")' \
	"identify 2014-01-01;exit 2014-12-31;policy_end 2015-12-31;policy_resume 2018-04-15"
ok show 3713990004
contains "$OUT" "变动历史（按生效日期排列，同日按记录时间）：
生效日期    变动      状态                     记录时间             说明
2014-01-01  新识别    未建档 → 未脱贫          2014-01-05 10:00:00
2014-01-01  人员增加                           2018-04-20 10:00:00  ［更正］郑大妹 更正 批次 2018年托底清零
2015-12-31  脱贫      未脱贫 → 已脱贫享受政策  2016-01-08 10:00:00"
# a row with a batch and no reason: its 说明 begins with the batch (it began with a space, the column shifted)
printf '户编号,变动类型,生效日期\n3713990004,停止享受政策,2019-12-31\n' >"$WORK/end.csv"
ok import events "$WORK/end.csv" --batch 2019年动态调整 --now "2020-01-06 10:00:00"
ok show 3713990004
eq "the batch alone" "$(printf '%s\n' "$OUT" | grep '^2019-12-31')" \
	"2019-12-31  停止享受政策  已脱贫享受政策 → 已脱贫不享受政策  2020-01-06 10:00:00  批次 2019年动态调整"
finish
