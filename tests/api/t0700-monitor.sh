#!/usr/bin/env bash
# 防返贫动态监测 through the API (issue 16): a monitor_in proposal by the village clerk with the risks as an array,
# walked through the monitoring workflow by the roles of each step; the monitoring figures and list scoped to the
# user's divisions (a household of another village is 404, never 403); the monitoring line set by the county
# office only; programme memberships. The figures themselves are counted in tests/cli/t0700-monitor.sh.
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
D=$TESTDATA/monitor
"$TUOPIN" import divisions "$D/divisions.csv" >/dev/null
"$TUOPIN" import registry "$D/registry-2014.csv" --as-of 2014-01-01 --now "2014-03-01 09:00:00" >/dev/null
"$TUOPIN" import events "$D/events-exit.csv" --now "2019-01-10 09:00:00" >/dev/null
"$TUOPIN" import registry "$D/registry-ordinary.csv" --as-of 2021-01-01 --now "2021-01-05 09:00:00" >/dev/null
add_user county county_admin 371398000000
add_user town town_operator 371398100000      # 南岭镇: 南岭一村, 南岭二村
add_user village village_operator 371398100202 # 南岭二村: C 3713980003, E 3713980101
start_server
for u in county town village; do login "$u"; done

act() {   # act USER ID STEP DATE [more JSON members]
	api "$1" POST "/api/proposals/$2/actions" "{\"action\":\"approve\",\"step\":\"$3\",\"date\":\"$4\"${5:+,$5}}"
	[ "$STATUS" = 200 ] || fail "act $3 on $2 as $1: $STATUS $OUT"
}

# 纳入监测 and 风险消除 are never recorded as plain events, by any role: only through the monitoring workflow
FP=$(db_fingerprint)
expect 403 village POST /api/households/3713980101/events '{"type":"monitor_in","effective":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' \
	"monitor_procedure type 纳入监测须经防返贫监测流程提出申请（入户核实、民主评议、村内公示、乡镇审核、县级审定），不能直接记录"
expect 403 county POST /api/households/3713980101/events '{"type":"纳入监测","effective":"2021-05-01"}'
jqeq '.error.code' "monitor_procedure"
expect 403 county POST /api/households/3713980001/events '{"type":"risk_eliminate","effective":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "monitor_procedure type"
eq "nothing written" "$(db_fingerprint)" "$FP"

# bad input: the field and the reason
expect 400 village POST /api/proposals '{"type":"monitor_in","household":"3713980101","monitor_type":"marginal","risks":["因病",3],"channel":"self","date":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "bad_type risks"
expect 400 village POST /api/proposals '{"type":"monitor_in","household":"3713980101","monitor_type":"unstable","risks":["因病"],"channel":"self","date":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "mon_type_fit monitor_type"
expect 400 village POST /api/proposals '{"type":"monitor_in","household":"3713980101","monitor_type":"marginal","risks":["illness","school","disability","disaster","accident","other"],"channel":"self","date":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "mon_risk_count risks"
expect 409 village POST /api/proposals '{"type":"risk_eliminate","household":"3713980101","way":"help","date":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "not_monitored type"
# each type's own fields: a way of elimination on a case, a case's type or risks on an elimination, said
expect 400 village POST /api/proposals '{"type":"monitor_in","household":"3713980101","monitor_type":"marginal","risks":["illness"],"way":"help","channel":"self","date":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "mon_not_for_type way “way”不适用于“纳入监测”申请"
expect 400 village POST /api/proposals '{"type":"risk_eliminate","household":"3713980101","way":"help","risks":["illness"],"date":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "mon_not_for_type risks"
# the list: a state or a type no proposal has is refused, not answered with nothing
expect 400 village GET "/api/proposals?state=zzz"
jqeq '.error | "\(.code) \(.field)"' "bad_parameter state"
expect 400 village GET "/api/proposals?type=zzz"
jqeq '.error | "\(.code) \(.field)"' "bad_parameter type"
# out of scope: not found
expect 404 village POST /api/proposals '{"type":"monitor_in","household":"3713980001","monitor_type":"unstable","risks":["因病"],"channel":"self","date":"2021-05-01"}'

# E: 边缘易致贫户, by the village, the town and the county
expect 201 village POST /api/proposals '{"type":"monitor_in","household":"3713980101","monitor_type":"边缘易致贫户","risks":["因病","employment"],"channel":"农户自主申报","date":"2021-05-01"}'
jqeq '.data | "\(.type) \(.monitor_type) \(.risks | join(",")) \(.channel) \(.deadline)"' "monitor_in marginal illness,employment self 2021-05-16"
X=$(printf '%s' "$OUT" | jq -r .data.id)
act village "$X" assess 2021-05-02
act village "$X" review 2021-05-03 '"votes":{"for":9,"against":0,"abstain":1}'
act village "$X" notice 2021-05-08
api village POST "/api/proposals/$X/actions" '{"action":"approve","step":"town","date":"2021-05-09"}'
[ "$STATUS" = 403 ] || fail "the village at the town's step: $STATUS"
act town "$X" town 2021-05-09
act county "$X" county 2021-05-10
jqeq '"\(.data.state) \(.data.event != null)"' "approved true"

# the figures and the list, scoped
expect 200 village GET "/api/monitor/stats?as_of=2021-12-31"
jqeq '.data | "\(.division.code) \(.division.level) \(.totals.monitored.households)/\(.totals.monitored.persons) \(.totals.by_type.marginal.households)"' "371398100202 village 1/3 1"
expect 200 county GET "/api/monitor/stats?as_of=2021-12-31&by=town"
jqeq '[.data.rows[] | "\(.name) \(.monitored.households)/\(.monitored.persons)"] | join(",")' "南岭镇 1/3,北河镇 0/0"
expect 400 county GET "/api/monitor/stats?by=county"
expect 200 town GET "/api/monitor/list?as_of=2021-12-31&state=monitored"
jqeq '[.data.rows[] | "\(.household) \(.monitor_type) \(.risks | join(",")) \(.identified) \(.village.name)"] | join(",")' \
	"3713980101 marginal illness,employment 2021-05-10 南岭二村"
expect 200 town GET "/api/monitor/list?as_of=2021-04-30"
jqeq '.data.total | "\(.households)/\(.persons)"' "0/0"
expect 400 town GET "/api/monitor/list?type=poor"
# the risk filter is the server's: the total follows it
expect 200 town GET "/api/monitor/list?as_of=2021-12-31&risk=employment"
jqeq '.data | "\([.rows[].household] | join(",")) \(.total.households)/\(.total.persons)"' "3713980101 1/3"
expect 200 town GET "/api/monitor/list?as_of=2021-12-31&risk=school&state=monitored"
jqeq '.data | "\(.rows | length) \(.total.households)/\(.total.persons)"' "0 0/0"
expect 400 town GET "/api/monitor/list?risk=rain"
jqeq '.error | "\(.code) \(.field)"' "bad_parameter risk"
expect 404 village GET "/api/monitor/stats?division=371398200000"

# the monitoring line: the county office only
expect 403 town PUT /api/monitor/lines/2022 '{"amount":"6500.00"}'
expect 400 county PUT /api/monitor/lines/2022 '{"amount":"abc"}'
jqeq '.error | "\(.code) \(.field)"' "bad_money amount"
expect 200 county PUT /api/monitor/lines/2022 '{"amount":"6500.00"}'
jqeq '.data | "\(.year) \(.region) \(.amount)"' "2022 CN 6500.00"

# programmes and the household's cases
expect 201 village POST /api/households/3713980101/programmes '{"programme":"低保边缘","from":"2021-06-01","source":"民政"}'
jqeq '.data | "\([.cases[] | "\(.seq) \(.monitor_type) \(.state)"] | join(";")) \([.programmes[] | "\(.programme) \(.from) \(.to) \(.source)"] | join(";"))"' \
	"1 marginal monitored dibao_edge 2021-06-01 null 民政"
expect 400 village POST /api/households/3713980101/programmes '{"programme":"dibao","from":"2021-06-01","to":"2021-05-01"}'
jqeq '.error | "\(.code) \(.field)"' "programme_dates to"
# the same programme again over a day it already covers: a double entry, refused (it was stored twice)
expect 409 village POST /api/households/3713980101/programmes '{"programme":"低保边缘","from":"2021-09-01","source":"民政"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "programme_overlap from 户 3713980101 已登记低保边缘（2021-06-01 至 今），与所填期间重叠"
expect 404 village POST /api/households/3713980001/programmes '{"programme":"dibao","from":"2021-06-01"}'
expect 404 village GET /api/households/3713980001/monitoring
expect 200 town GET "/api/monitor/list?as_of=2021-12-31&programme=dibao_edge"
jqeq '[.data.rows[].household] | join(",")' "3713980101"

# the §9.3 list as a file (the export capability: not the village clerk's), scoped to the user's divisions
dl() {   # dl USER QUERY: GET /api/exports/monitoring into $WORK/dl, status into STATUS
	STATUS=$(curl -s -o "$WORK/dl" -w '%{http_code}' -b "$WORK/$1.jar" "http://127.0.0.1:$PORT/api/exports/monitoring?$2")
}
dl village "format=csv&as_of=2021-12-31"
eq "village export" "$STATUS" 403
dl town "format=csv&as_of=2021-12-31&division=371398100202"
eq "town export" "$STATUS" 200
eq "town rows" "$(tail -n +2 "$WORK/dl" | tr -d '\r' | cut -d, -f3,5,7,8,26,27,28 | tr '\n' ' ')" \
	"南岭二村,3713980101,蒋海,371398************,一般农户,边缘易致贫户,否 南岭二村,3713980101,沈梅,371398************,一般农户,边缘易致贫户,否 南岭二村,3713980101,蒋乐,371398************,一般农户,边缘易致贫户,否 "
dl town "format=csv&as_of=2021-12-31&division=371398200201"
eq "another town's village" "$STATUS" 404
dl county "format=csv&as_of=2021-12-31&list=exited"
eq "county exited" "$(tail -n +2 "$WORK/dl" | tr -d '\r' | cut -d, -f5 | sort -u | tr '\n' ' ')" "3713980001 3713980002 3713980003 "
dl county "format=xlsx&as_of=2021-12-31"
eq "xlsx" "$STATUS $(head -c 2 "$WORK/dl")" "200 PK"
expect 400 county GET "/api/exports/monitoring?list=poor"
jqeq '.error | "\(.code) \(.field)"' "bad_parameter list"

# a 风险消除's check before its step runs (the page shows it): as of a date, as the step would find it then; a
# type without a check answers null
expect 201 village POST /api/proposals '{"type":"risk_eliminate","household":"3713980101","way":"help","date":"2022-03-01"}'
R=$(printf '%s' "$OUT" | jq -r .data.id)
expect 200 village GET "/api/proposals/$R/check?date=2022-03-02"
jqeq '.data | "\(.pass) \(.date) \([.lines[] | "\(.code):\(.pass)"] | join(","))"' \
	"false 2022-03-02 income_monitoring:false,food_clothing:false,education:false,medical:false,housing:false,water:false,labour:true"
jqeq '.data.lines[0].reason' "2022 年及以前没有收入记录"
expect 200 village GET "/api/proposals/$X/check?date=2022-03-02"
jqeq '.data' null
finish
