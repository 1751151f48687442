#!/usr/bin/env bash
# The household list by town and village, and its results exported (issue 18): GET /api/households?town=&village=
# (codes or names, in the user's divisions; a village outside the town, a town that is not one, a village
# that is not one refused naming the parameter; outside the divisions 404 as if absent); the export of the
# list's place, filters and search (CSV and XLSX, masked, audited with the search, scoped; a search by an ID
# number or its last four refused to a role that may not search by numbers is refused as on the list); the CLI's
# export takes the same --town, --village and --search.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000
start_server
login county
login town
expect 200 county GET "/api/me"
DAY=$(printf '%s' "$OUT" | jq -r '.data.today | gsub("-"; "")')

# the county: by town, by village, both (the village wins), by name
expect 200 county GET "/api/households?per_page=200"
jqeq '.data.total' 9
expect 200 county GET "/api/households?town=371399100000&per_page=200"
jqeq '"\(.data.total) \([.data.items[].hh_no] | join(","))"' "4 3713990001,3713990002,3713990003,3713990004"
expect 200 county GET "/api/households?town=$(jq -rn '"西山镇"|@uri')&per_page=200"
jqeq '"\(.data.total) \([.data.items[].hh_no] | join(","))"' "5 3713990005,3713990006,3713990009,3713990007,3713990008"
expect 200 county GET "/api/households?town=371399100000&village=371399100202"
jqeq '"\(.data.total) \([.data.items[] | "\(.hh_no):\(.village_name)"] | join(","))"' "2 3713990003:西岭村,3713990004:西岭村"
expect 200 county GET "/api/households?village=$(jq -rn '"西岭村"|@uri')&status=returned"
jqeq '"\(.data.total) \([.data.items[].hh_no] | join(","))"' "1 3713990003"
# with a search and a past date
expect 200 county GET "/api/households?town=371399100000&q=$(jq -rn '"赵"|@uri')&as_of=2015-06-30"
jqeq '"\(.data.total) \([.data.items[].hh_no] | join(","))"' "1 3713990001"

# refused, naming the parameter
expect 400 county GET "/api/households?town=371399100201"
jqeq '"\(.error.code) \(.error.field)"' "not_town town"
jqeq '.error.message' "371399100201 不是乡镇级区划"
expect 400 county GET "/api/households?village=371399100000"
jqeq '"\(.error.code) \(.error.field)"' "not_village village"
expect 400 county GET "/api/households?town=371399101000&village=371399100201"
jqeq '"\(.error.code) \(.error.field) \(.error.message)"' "place_mismatch village 东岭村 不在 西山镇 内"
expect 404 county GET "/api/households?town=371399999000"
jqeq '"\(.error.code) \(.error.field)"' "division_unknown town"
# the town's operator: the other town does not exist for it
expect 404 town GET "/api/households?town=371399101000"
jqeq '"\(.error.code) \(.error.field)"' "division_unknown town"
expect 404 town GET "/api/households?village=371399101201"
jqeq '"\(.error.code) \(.error.field)"' "division_unknown village"
expect 200 town GET "/api/households?village=371399100202"
jqeq '.data.total' 2

# the export of what the list shows: a place and a search, CSV masked, audited with the search
api county GET "/api/exports/registry?format=csv&town=371399100000&q=$(jq -rn '"赵"|@uri')"
eq "export status" "$STATUS" 200
eq "export rows" "$(tail -n +2 "$WORK/body" | cut -d, -f2,3 | tr '\n' ' ')" "3713990001,赵大山 3713990001,钱秀兰 3713990001,赵小川 "
eq "masked" "$(tail -n +2 "$WORK/body" | cut -d, -f4 | sort -u | tr '\n' ' ')" "371399************ "
eq "audited" "$(audit_sql "SELECT actor, detail FROM audit WHERE action = 'export.registry' ORDER BY id DESC LIMIT 1")" \
	"county|{\"division\":371399100000,\"as_of\":$DAY,\"format\":\"csv\",\"status\":\"\",\"attribute\":\"\",\"cause\":\"\",\"q\":\"赵\",\"all\":false,\"full\":false,\"households\":1,\"members\":3}"
# a search that finds nothing exports nothing (the header only)
api county GET "/api/exports/registry?format=csv&q=$(jq -rn '"无此人"|@uri')"
eq "empty search export" "$STATUS $(($(wc -l <"$WORK/body") - 1))" "200 0"
# XLSX of a village
api county GET "/api/exports/registry?format=xlsx&village=371399100202"
eq "xlsx status" "$STATUS" 200
eq "xlsx" "$(head -c 2 "$WORK/body")" "PK"
# a search by the last four of an ID number: its household with all its members; the audit names no number
api county GET "/api/exports/registry?format=csv&q=1036"
eq "tail export" "$(tail -n +2 "$WORK/body" | cut -d, -f2,3 | tr '\n' ' ')" "3713990001,赵大山 3713990001,钱秀兰 3713990001,赵小川 "
contains "$(audit_sql "SELECT detail FROM audit WHERE action = 'export.registry' ORDER BY id DESC LIMIT 1")" '"q":"****"'
# outside the town operator's divisions: 404, nothing written
expect 404 town GET "/api/exports/registry?format=csv&village=371399101201"
jqeq '"\(.error.code) \(.error.field)"' "division_unknown village"
stop_server

# the CLI's export takes the same place and search
ok export registry "$WORK/cli.csv" --town 东岭镇 --village 西岭村
eq "CLI export" "$OUT" "已写出 $WORK/cli.csv：2 户 6 人（证件号码、电话、账号、健康状况已脱敏）"
ok export registry "$WORK/cli.csv" --town 东岭镇 --search 赵
eq "CLI search" "$(tail -n +2 "$WORK/cli.csv" | cut -d, -f3 | tr '\n' ' ')" "赵大山 钱秀兰 赵小川 "
expect_rc 1 export registry "$WORK/cli.csv" --town 西山镇 --village 东岭村
eq "CLI refused" "$ERR" "tuopin: 东岭村 不在 西山镇 内"
finish
