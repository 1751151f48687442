#!/usr/bin/env bash
# The 户编号 proposed for a new household (issue 18, DOMAIN.md §12.2): the village's 12-digit code and a
# 4-digit number, one more than the highest such number in the registry (0001 for a village none of whose
# households is numbered so, as in the sample county whose numbers are the county's code and four digits);
# registering a household with it moves the proposal on; a town, a village outside the user's divisions and a
# role that may not write are refused. `tuopin next-hh-no VILLAGE` answers the same.
source "$(dirname "$0")/lib.sh"
county_db
add_user town town_operator 371399100000
add_user cadre cadre 371399100000
start_server
login town
login cadre

expect 200 town GET "/api/divisions/371399100202/next-hh-no"
jqeq '"\(.data.village.code) \(.data.village.name) \(.data.hh_no) \(.data.last) \(.data.count)"' "371399100202 西岭村 3713991002020001 null 0"
# by name too
expect 200 town GET "/api/divisions/$(jq -rn '"东岭村"|@uri')/next-hh-no"
jqeq '.data.hh_no' "3713991002010001"
body='{"hh_no":"3713991002020001","village_code":"371399100202","effective":"2018-06-01","attribute":"一般贫困户",
 "cause_main":"因病","members":[{"name":"冯建","id_no":"371399197803030014","relation":"户主","sex":"男"}]}'
expect 201 town POST /api/households "$body"
body='{"hh_no":"3713991002020007","village_code":"371399100202","effective":"2018-06-01","attribute":"一般贫困户",
 "cause_main":"因病","members":[{"name":"秦梅","id_no":"371399198004040026","relation":"户主","sex":"女"}]}'
expect 201 town POST /api/households "$body"
expect 200 town GET "/api/divisions/371399100202/next-hh-no"
jqeq '"\(.data.hh_no) \(.data.last) \(.data.count)"' "3713991002020008 3713991002020007 2"
# the other village of the town is not moved
expect 200 town GET "/api/divisions/371399100201/next-hh-no"
jqeq '.data.hh_no' "3713991002010001"

# refused
expect 400 town GET "/api/divisions/371399100000/next-hh-no"
jqeq '.error | "\(.code) \(.field) \(.message)"' "not_village village 371399100000 不是村级区划"
expect 404 town GET "/api/divisions/371399101201/next-hh-no"
jqeq '.error | "\(.code) \(.field)"' "division_unknown village"
expect 403 cadre GET "/api/divisions/371399100202/next-hh-no"
jqeq '.error.code' forbidden
stop_server

# the CLI: the same proposal and JSON
ok next-hh-no 西岭村
eq "CLI" "$OUT" "西岭村（371399100202）下一个户编号：3713991002020008（该村已有 2 户按此编号，最后一户 3713991002020007）"
ok next-hh-no 371399100201 --format json
jqeq '"\(.village.name) \(.hh_no) \(.last) \(.count)"' "东岭村 3713991002010001 null 0"
expect_rc 1 next-hh-no 东岭镇
eq "CLI refused" "$ERR" "tuopin: 东岭镇 不是村级区划"
finish
