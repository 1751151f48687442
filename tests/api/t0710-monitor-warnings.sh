#!/usr/bin/env bash
# 防返贫监测预警 through the API (issue 16 point 5): GET /api/monitor/warnings (the JSON of `tuopin monitor
# warnings`) scoped to the user's divisions, no ID number or phone in it; POST /api/monitor/dismissals with a
# reason (a household out of scope is 404, never 403), refused without one or twice. The rules themselves are
# counted in tests/cli/t0710-monitor-warnings.sh.
#   C 3713980003 (南岭二村): 2022 10000.00 per head, 2023 6500.00 (under the 2023 line, down 35 %);
#   F 3713980102 (北河村): 2023 6799.00; G 3713980103 (北河村): 朱平 corrected to 患有大病 2024-03-01.
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
D=$TESTDATA/monitor
T() { "$TUOPIN" "$@" >/dev/null || fail "tuopin $*"; }
T import divisions "$D/divisions.csv"
T import registry "$D/registry-2014.csv" --as-of 2014-01-01 --now "2014-03-01 09:00:00"
T import events "$D/events-exit.csv" --now "2019-01-10 09:00:00"
T import registry "$D/registry-ordinary.csv" --as-of 2021-01-01 --now "2021-01-05 09:00:00"
T monitor line set 2023 6800 --now "2021-01-06 09:00:00"
T income set 3713980003 2022 --wage 40000 --now "2024-01-10 09:00:00"
T income set 3713980003 2023 --wage 26000 --now "2024-01-10 09:01:00"
T income set 3713980102 2023 --wage 13598 --now "2024-01-10 09:02:00"
ZHU=$(grep 朱平 "$D/registry-ordinary.csv" | cut -d, -f4)
printf '户编号,变动类型,生效日期,原因,证件号码,健康状况\n3713980103,信息更正,2024-03-01,县医院确诊,%s,患有大病\n' "$ZHU" > "$WORK/health.csv"
T import events "$WORK/health.csv" --now "2024-03-05 09:00:00"
add_user county county_admin 371398000000
add_user town town_operator 371398100000      # 南岭镇: C
add_user village village_operator 371398200201 # 北河村: F, G
start_server
for u in county town village; do login "$u"; done

expect 200 county GET "/api/monitor/warnings?as_of=2024-06-30"
jqeq '[.data.rows[] | "\(.key) \(.rule_label) \(.village.name)"] | join(",")' \
	"low_income:3713980003:2023 收入低于监测标准 南岭二村,income_fall:3713980003:2023 收入大幅下降 南岭二村,low_income:3713980102:2023 收入低于监测标准 北河村,health:3713980103:$(printf '%s' "$OUT" | jq -r '.data.rows[3].event') 新增大病或残疾 北河村"
jqeq '.data | "\(.as_of) \(.division.name) \(.fall_share) \(.total.households)/\(.total.warnings)"' "2024-06-30 监测示范县 30 3/4"
not_contains "$OUT" "$ZHU"
not_contains "$OUT" "13905398"
expect 200 town GET "/api/monitor/warnings?as_of=2024-06-30"
jqeq '[.data.rows[].key] | join(",")' "low_income:3713980003:2023,income_fall:3713980003:2023"
jqeq '.data.division.name' "南岭镇"
expect 200 village GET "/api/monitor/warnings?as_of=2024-06-30&rule=health"
jqeq '[.data.rows[] | "\(.household) \(.member) \(.health_label) \(.day) \(.suggested_type) \(.suggested_risk)"] | join(",")' \
	"3713980103 朱平 患有大病 2024-03-01 marginal illness"
expect 400 village GET "/api/monitor/warnings?rule=poor"
jqeq '.error | "\(.code) \(.field)"' "bad_parameter rule"
expect 404 village GET "/api/monitor/warnings?division=371398100000"

# dismissal
expect 400 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","date":"2024-07-01"}'
jqeq '.error | "\(.code) \(.field)"' "warning_reason reason"
expect 404 village POST /api/monitor/dismissals '{"key":"low_income:3713980003:2023","reason":"x","date":"2024-07-01"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "warning_not_found key 没有预警“low_income:3713980003:2023”（可能已处理或数据已变化，请刷新页面后重试）"
expect 404 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2022","reason":"x","date":"2024-07-01"}'
expect 400 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"x","date":"2024-13-01"}'
jqeq '.error | "\(.code) \(.field)"' "bad_date date"
# a day to come (it stayed open until then, and no one could dismiss it before: a 500 from the database's key)
# or before 1980 is refused, and so is a reason of invisible characters (a zero-width space, a control one)
expect 400 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"x","date":"2999-12-31"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "date_in_future date 日期 2999-12-31 晚于今天"
expect 400 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"x","date":"1900-01-01"}'
jqeq '.error | "\(.code) \(.field)"' "date_too_early date"
expect 400 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"\u200b ","date":"2024-07-01"}'
jqeq '.error | "\(.code) \(.field)"' "warning_reason reason"
expect 400 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"\u0001","date":"2024-07-01"}'
jqeq '.error | "\(.code) \(.field)"' "control_char reason"
expect 201 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"已核实：外出务工收入漏报","date":"2024-07-01"}'
jqeq '.data | "\(.key) \(.dismissed)"' "low_income:3713980102:2023 true"
expect 409 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"再次","date":"2024-07-01"}'
jqeq '.error | "\(.code) \(.field)"' "warning_dismissed key"
# dismissed already, though on a later day than the one asked: the same 409, not the database's 500
expect 409 village POST /api/monitor/dismissals '{"key":"low_income:3713980102:2023","reason":"再次","date":"2024-06-15"}'
jqeq '.error | "\(.code) \(.message)"' "warning_dismissed 预警“low_income:3713980102:2023”已于 2024-07-01 由 village 排除：已核实：外出务工收入漏报"
expect 200 village GET "/api/monitor/warnings?as_of=2024-07-01"
jqeq '[.data.rows[].household] | join(",")' "3713980103"
expect 200 county GET "/api/monitor/warnings?as_of=2024-07-01&all=1&division=371398200000"
jqeq '[.data.rows[] | "\(.household) \(.rule) \(.dismissed.reason // "-") \(.dismissed.by // "-")"] | join(",")' \
	"3713980102 low_income 已核实：外出务工收入漏报 village,3713980103 health - -"
# G's 2023 income of 6800.00 per head is on the national line (no warning); Shandong's (37) own 2023 line of 6900
# comes before the nation's: G is now warned
T income set 3713980103 2023 --wage 6800 --now "2024-07-01 10:59:00"
expect 200 county GET "/api/monitor/warnings?as_of=2024-07-01&rule=low_income&division=371398200000"
jqeq '.data.rows | length' "0"
expect 200 county PUT /api/monitor/lines/2023 '{"amount":"6900.00","region":"37","note":"山东省标准"}'
jqeq '.data | "\(.year) \(.region) \(.amount)"' "2023 37 6900.00"
expect 200 county GET "/api/monitor/warnings?as_of=2024-07-01&rule=low_income&division=371398200000"
jqeq '[.data.rows[] | "\(.key) \(.line_year) \(.line) \(.net_income_pc)"] | join(",")' "low_income:3713980103:2023 2023 6900.00 6800.00"
finish
