#!/usr/bin/env bash
# 新识别 and 应纳未纳 proposals carrying a new household (issue 14): the household and its members travel in the
# proposal (new_household) and enter the registry only when 公告 is approved; rejected, nothing is created. The
# payload is checked as the registry import checks a household, each refusal naming the field path and the
# reason, and nothing is written; the village must be in the proposer's divisions (else 404); a second open
# proposal for the same 户编号 is refused; at 公告 the household is checked again against the registry as it is
# then (an ID number registered meanwhile refuses the step, nothing written). The CLI takes the same JSON from a
# file (--new-household).
source "$(dirname "$0")/lib.sh"
county_db
P=$TESTDATA/proposals
"$TUOPIN" import divisions "$P/divisions.csv" >/dev/null
"$TUOPIN" import registry "$P/registry.csv" --as-of 2018-05-01 --now "2018-05-01 10:00:00" >/dev/null
"$TUOPIN" config set require_review on >/dev/null
add_user county county_admin 371399000000
add_user town town_operator 371399100000      # 东岭镇: 东岭村, 西岭村
add_user village village_operator 371399100201 # 东岭村
add_user village2 village_operator 371399100202 # 西岭村

# the household proposed: three persons in 东岭村
HH='{"village_code":"371399100201","attribute":"一般贫困户","cause_main":"缺资金","phone":"13905397101",
 "members":[{"name":"丙一","id_no":"371399198001010075","relation":"户主","sex":"男","health":"健康"},
            {"name":"丙二","id_no":"371399198202020085","relation":"配偶","sex":"女"},
            {"name":"丙三","id_no":"371399201003030015","relation":"之子","sex":"男","schooling":"小学"}]}'
with() {   # with JQ: HH changed by a jq expression
	printf '%s' "$HH" | jq -c "$1"
}

# ---- the CLI: --new-household FILE; a bad payload is refused, naming the member and field, nothing written ----
with '.members[1].id_no = "371399198202020086"' >"$WORK/bad.json"
printf '%s' "$HH" >"$WORK/hh.json"
before=$(db_fingerprint)
expect_rc 1 proposal new identify P101 --new-household "$WORK/bad.json" --date 2018-09-01 --now "2018-09-01 09:00:00"
eq "cli refusal" "$ERR" "tuopin: 拟纳入农户 P101 第 2 位成员的证件号码：证件号码校验位错误：应为 5（共 1 处问题，未写入任何数据）"
with '.members[0].name = "" | .members[1].id_no = "371399198202020086"' >"$WORK/bad2.json"
expect_rc 1 proposal new identify P101 --new-household "$WORK/bad2.json" --date 2018-09-01 --now "2018-09-01 09:00:00"
eq "cli refusal, every problem" "$(printf '%s' "$ERR" | tr -s ' ')" "行 列 值 问题
 new_household.members[0].name 必填项为空
 new_household.members[1].id_no 证件号码校验位错误：应为 5
tuopin: 拟纳入农户 P101 第 1 位成员的姓名：必填项为空（共 2 处问题，未写入任何数据）"
expect_rc 1 proposal new identify P101 --date 2018-09-01 --now "2018-09-01 09:00:00"
eq "cli without household" "$ERR" "tuopin: 新识别、应纳未纳申请须附拟纳入农户的户信息和家庭成员（new_household）"
eq "nothing written" "$(db_fingerprint)" "$before"
eq "no proposal" "$("$TUOPIN" proposal list --format json | jq -c '.rows | length')" "0"
ok proposal new identify P101 --new-household "$WORK/hh.json" --reason "因病致贫，农户申请" --channel apply \
	--date 2018-09-01 --now "2018-09-01 09:00:00" --format json
X=$(printf '%s' "$OUT" | jq .id)
jqeq '"\(.type) \(.household) \(.state) \(.step) \(.head) \(.division.name) \(.event)"' "identify P101 open assess 丙一 东岭村 null"
jqeq '.new_household | "\(.hh_no) \(.village_code) \(.persons) \([.members[] | "\(.name):\(.relation_label):\(.id_no)"] | join(","))"' \
	"P101 371399100201 3 丙一:户主:371399************,丙二:配偶:371399************,丙三:之子:371399************"
# not in the registry while the proposal walks
expect_rc 3 show P101
eq "stats unchanged" "$(db_fingerprint)" "$before"

start_server
for u in county town village village2; do login "$u"; done
act() {   # act USER ID ACTION DATE [more JSON members]
	api "$1" POST "/api/proposals/$2/actions" "{\"action\":\"$3\",\"date\":\"$4\"${5:+,$5}}"
}
# walk ID D1..D5: the steps up to 县级审定 (the notice closes 7 days after review); 公告 left to the caller
walk() {
	local id=$1
	act village "$id" approve "$2"; [ "$STATUS" = 200 ] || fail "assess $id: $STATUS $OUT"
	act village "$id" approve "$2" '"votes":{"for":25,"against":1,"abstain":0}'; [ "$STATUS" = 200 ] || fail "review $id: $STATUS $OUT"
	act village "$id" approve "$3"; [ "$STATUS" = 200 ] || fail "notice $id: $STATUS $OUT"
	act town "$id" approve "$4"; [ "$STATUS" = 200 ] || fail "town $id: $STATUS $OUT"
	act county "$id" approve "$5"; [ "$STATUS" = 200 ] || fail "county $id: $STATUS $OUT"
}

# ---- bad payloads through the API: the field path and the reason, nothing written ----
expect 400 village POST /api/proposals '{"type":"identify","household":"P102"}'
jqeq '.error | "\(.code) \(.field)"' "new_household_required new_household"
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$(with '.hh_no = "P103"')}"
jqeq '.error | "\(.code) \(.field) \(.message)"' "new_household_hh_no new_household.hh_no 拟纳入农户的户编号“P103”与申请的户编号“P102”不一致"
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$(with '.members[0].salary = 1')}"
jqeq '.error | "\(.code) \(.field)"' "unknown_field new_household.members[0].salary"
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$(with '.members = []')}"
jqeq '.error | "\(.code) \(.field)"' "out_of_range new_household.members"
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$(with '.members[2].relation = "户主"')}"
jqeq '.error.field' "new_household.members[2].relation"
# an ID number already registered (甲一 of P001), and a 户编号 already registered
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$(with '.members[2].id_no = "37139919650312003X"')}"
jqeq '.error | "\(.code) \(.field) \(.message)"' "duplicate_id new_household.members[2].id_no 拟纳入农户 P102 第 3 位成员的证件号码：证件号码已登记在户 P001（共 1 处问题，未写入任何数据）"
# every problem of the household, each at its field (the form marks them all at once; it was the first alone)
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$(with '.members[0].name = "" | .members[2].sex = "女"')}"
jqeq '.error | "\(.field) \(.message)"' "new_household.members[0].name 拟纳入农户 P102 第 1 位成员的姓名：必填项为空（共 3 处问题，未写入任何数据）"
jqeq '[.data.problems[] | "\(.field) \(.code) \(.message)"] | join(" / ")' \
	"new_household.members[0].name required 必填项为空 / new_household.members[2].sex id_sex 性别“女”与证件号码第 17 位（奇数，男）不符 / new_household.members[2].relation relation_sex 与户主关系为“之子”的成员性别应为男"
expect 400 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P001\",\"new_household\":$HH}"
jqeq '.error | "\(.code) \(.field)"' "household_exists new_household.hh_no"
# new_household only for these two types
expect 400 village POST /api/proposals "{\"type\":\"exit\",\"household\":\"P002\",\"new_household\":$HH}"
jqeq '.error | "\(.code) \(.field)"' "new_household_not_for_type new_household"
# scoped to the proposer's divisions: 西岭村's clerk cannot propose a household in 东岭村 (404), nor see X
expect 404 village2 POST /api/proposals "{\"type\":\"identify\",\"household\":\"P102\",\"new_household\":$HH}"
jqeq '.error | "\(.code) \(.field)"' "division_unknown new_household.village_code"
expect 404 village2 GET "/api/proposals/$X"
# a second open proposal for the same 户编号
expect 409 town POST /api/proposals "{\"type\":\"include_missed\",\"household\":\"P101\",\"new_household\":$(with '.members |= map(.id_no = null)')}"
jqeq '.error | "\(.code) \(.field)"' "proposal_open household"
expect 200 county GET /api/proposals
jqeq '.data.rows | length' "1"

# ---- P101 to 公告: created only then, with its event, linked to the proposal ----
walk "$X" 2018-09-02 2018-09-09 2018-09-10 2018-09-11
jqeq '.data | "\(.step) \(.household) \(.event)"' "announce P101 null"
expect 404 county GET /api/households/P101
act county "$X" approve 2018-09-12
[ "$STATUS" = 200 ] || fail "announce: $STATUS $OUT"
jqeq '.data | "\(.state) \(.household) \(.head) \(.event != null)"' "approved P101 丙一 true"
EV=$(printf '%s' "$OUT" | jq .data.event)
expect 200 county GET /api/households/P101
jqeq '.data | "\(.status.code) \(.village.code) \([.members[] | .name] | join(","))"' "poor 371399100201 丙一,丙二,丙三"
expect 200 county GET /api/households/P101/events
jqeq "[.data[] | \"\(.id == $EV) \(.type) \(.effective)\"] | join(\",\")" "true identify 2018-09-12"
# the same proposal cannot act again
act county "$X" approve 2018-09-13
jqeq '.error.code' "proposal_closed"

# ---- 应纳未纳 rejected at 乡镇审核: nothing created; the 户编号 may be proposed again ----
HH2=$(printf '%s' "$HH" | jq -c '.members = [{"name":"丁一","id_no":"371399197505050033","relation":"户主","sex":"男"}]')
expect 201 village POST /api/proposals "{\"type\":\"include_missed\",\"household\":\"P102\",\"date\":\"2018-10-01\",\"new_household\":$HH2}"
Y=$(printf '%s' "$OUT" | jq .data.id)
jqeq '.data | "\(.type) \(.household) \(.head) \(.new_household.persons)"' "include_missed P102 丁一 1"
act village "$Y" approve 2018-10-01
act village "$Y" approve 2018-10-01 '"votes":{"for":20,"against":5,"abstain":1}'
act village "$Y" approve 2018-10-08
act town "$Y" reject 2018-10-09 '"note":"家庭收入高于标准"'
jqeq '.data | "\(.state) \(.household) \(.event)"' "rejected P102 null"
expect 404 county GET /api/households/P102
expect 201 village POST /api/proposals "{\"type\":\"include_missed\",\"household\":\"P102\",\"date\":\"2018-10-10\",\"new_household\":$HH2}"
Y2=$(printf '%s' "$OUT" | jq .data.id)
# its village 公示 list names the household proposed with its size, never an ID number
act village "$Y2" approve 2018-10-10
act village "$Y2" approve 2018-10-10 '"votes":{"for":22,"against":0,"abstain":0}'
expect 200 village GET "/api/proposals/$Y2/notice"
contains "$OUT" "<td>P102</td><td>丁一</td><td>1</td><td>应纳未纳</td>"
not_contains "$OUT" "371399197505050033"
not_contains "$OUT" "13905397101"

# ---- checked again at 公告: a person registered meanwhile refuses the step; nothing written ----
HH3=$(printf '%s' "$HH" | jq -c '.members = [{"name":"戊一","id_no":"371399197806060040","relation":"户主","sex":"女"}]')
expect 201 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P103\",\"date\":\"2018-10-10\",\"new_household\":$HH3}"
Z=$(printf '%s' "$OUT" | jq .data.id)
HH4=$(printf '%s' "$HH3" | jq -c '.members[0].name = "戊一"')
expect 201 village POST /api/proposals "{\"type\":\"identify\",\"household\":\"P104\",\"date\":\"2018-10-10\",\"new_household\":$HH4}"
W=$(printf '%s' "$OUT" | jq .data.id)
walk "$Z" 2018-10-11 2018-10-18 2018-10-19 2018-10-20
walk "$W" 2018-10-11 2018-10-18 2018-10-19 2018-10-20
act county "$Z" approve 2018-10-21
jqeq '.data.state' "approved"
act county "$W" approve 2018-10-21
[ "$STATUS" = 400 ] || fail "announce with a registered person: $STATUS $OUT"
jqeq '.error | "\(.code) \(.field) \(.message)"' "duplicate_id new_household.members[0].id_no 拟纳入农户 P104 第 1 位成员的证件号码：证件号码已登记在户 P103（共 1 处问题，未写入任何数据）"
expect 200 county GET "/api/proposals/$W"
jqeq '.data | "\(.state) \(.step) \(.event)"' "open announce null"
expect 404 county GET /api/households/P104
# the announce may still be rejected
act county "$W" reject 2018-10-21 '"note":"同一人已由 P103 纳入"'
jqeq '.data.state' "rejected"

# ---- the inbox and the list show the proposed 户编号 and head ----
expect 200 village GET "/api/proposals?state=open"
jqeq '[.data.rows[] | "\(.id == '"$Y2"') \(.household) \(.head)"] | join(",")' "true P102 丁一"
stop_server
finish
