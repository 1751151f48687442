#!/usr/bin/env bash
# Outside one's divisions a record looks absent on writes too (issue 13 point 4): a town that adds a member, or
# registers a household, with an ID number or a 户编号 held in another town is refused (the registry keeps
# them unique) with a neutral message that names neither the household nor the town, the number masked; a
# dry run's problem list says no more; the attempt is audited for the office above. Inside the scope the
# message names the household, as before.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000      # 东岭镇
add_user auditor audit_admin
start_server
login county
login town
login auditor
OTHER=371399196809091032   # 陈守田 of 3713990006, 山前村 of 西山镇: outside the town
[ "$(db_sql "SELECT h.hh_no FROM member m JOIN household h ON h.id = m.household_id WHERE m.id_no = '$OTHER'")" = 3713990006 ] ||
	fail "fixture: $OTHER is not in 3713990006"
never_named() {   # never_named [HH]: $OUT names neither the other household (unless typed) nor its village or town
	[ "${1:-}" = typed ] || not_contains "$OUT" 3713990006
	not_contains "$OUT" 山前村
	not_contains "$OUT" 西山镇
	not_contains "$OUT" 371399101
}

# add a member with that ID number
body="{\"member\":{\"name\":\"试探\",\"id_no\":\"$OTHER\",\"relation\":\"之子\",\"sex\":\"男\"},\"effective\":\"2018-06-01\",\"reason\":\"其他\"}"
expect 409 town POST /api/households/3713990001/members "$body"
jqeq '"\(.error.code) \(.error.field)"' "not_available id_no"
jqeq .error.message "证件号码 371399************ 不能在本辖区登记，请联系县扶贫办核实"
never_named
# the county, whose scope holds the other household, is told where it is
expect 409 county POST /api/households/3713990001/members "$body"
jqeq .error.code duplicate_id
contains "$(jq -r .error.message <<<"$OUT")" 3713990006

# correct a member's ID number to that one (信息更正)
api town GET /api/households/3713990001
mid=$(jq '.data.members[-1].id' <<<"$OUT")
expect 409 town PATCH "/api/households/3713990001/members/$mid" "{\"id_no\":\"$OTHER\",\"reason\":\"证件号码录错\"}"
jqeq '"\(.error.code) \(.error.message)"' "not_available 证件号码 371399************ 不能在本辖区登记，请联系县扶贫办核实"
never_named

# register a household with a 户编号 of another town, or with that ID number
expect 409 town POST /api/households '{"hh_no":"3713990006","village_code":"371399100201","effective":"2018-06-01","members":[{"name":"新户","id_no":"371399197001010011","relation":"户主","sex":"男"}]}'
jqeq '"\(.error.code) \(.error.field)"' "not_available hh_no"
jqeq .error.message "户编号 3713990006 不能在本辖区使用，请联系县扶贫办核实"
not_contains "$OUT" 山前村
not_contains "$OUT" 西山镇
expect 409 town POST /api/households "{\"hh_no\":\"T-NEW-1\",\"village_code\":\"371399100201\",\"effective\":\"2018-06-01\",\"members\":[{\"name\":\"新户\",\"id_no\":\"$OTHER\",\"relation\":\"户主\",\"sex\":\"男\"}]}"
jqeq .error.code not_available
never_named
expect 409 county POST /api/households '{"hh_no":"3713990006","village_code":"371399100201","effective":"2018-06-01","members":[{"name":"新户","id_no":"371399197001010011","relation":"户主","sex":"男"}]}'
eq "the county is told" "$(jq -r .error.code <<<"$OUT")" household_exists

# a dry run of a registry sheet: the problem list says no more
printf '行政区划代码,户编号,姓名,证件号码,与户主关系,性别\n371399100201,T-NEW-2,新户,%s,户主,男\n371399100202,3713990006,又一户,371399197002020019,户主,男\n' "$OTHER" >"$WORK/probe.csv"
upload town "/api/imports/registry?dry_run=1&as_of=2018-06-01" "$WORK/probe.csv"
eq "dry run refused" "$STATUS" 400
eq "its problems" "$(jq -r '[.data.problems[] | "\(.row) \(.column) \(.code) \(.value)"] | join(";")' <<<"$OUT")" \
	"2 证件号码 not_available 371399************;3 户编号 not_available 3713990006"
never_named typed
eq "the dry run audited" "$(audit_sql "SELECT actor || ' ' || CASE WHEN detail LIKE '%\"errors\":2%' THEN 1 ELSE 0 END FROM audit WHERE action = 'import.dry_run'")" "town 1"

# the same probe through a proposal to register a household (评议 before the registry): refused alike, a
# conflict, nothing written
before=$(db_sql "SELECT COUNT(*) FROM proposal")
expect 409 town POST /api/proposals "{\"type\":\"identify\",\"household\":\"T-NEW-3\",\"new_household\":{\"village_code\":\"371399100201\",\"members\":[{\"name\":\"新户\",\"id_no\":\"$OTHER\",\"relation\":\"户主\",\"sex\":\"男\"}]}}"
jqeq '"\(.error.code) \(.error.field)"' "not_available new_household.members[0].id_no"
never_named
eq "no proposal" "$(db_sql "SELECT COUNT(*) FROM proposal")" "$before"

# the attempts are in the audit log, for the county office and the auditor
eq "probes audited" "$(audit_sql "SELECT actor || ' ' || object FROM audit WHERE action = 'write.out_of_scope' ORDER BY id" | tr '\n' ';')" \
	"town 3713990001;town 3713990001;town households;town households;town proposals;"
# the auditor reads them with each value as typed, an ID number masked as everywhere (the rows of the member's
# two writes keep it whole, under the chain; the registering one's came masked)
expect 200 auditor GET "/api/audit?action=write.out_of_scope"
jqeq '[.data.items[] | "\(.detail.column) \(.detail.value)"] | join(";")' \
	"new_household.members[0].id_no null;id_no 371399************;hh_no 3713990006;new_id_no 371399************;id_no 371399************"
not_contains "$OUT" "$OTHER"
eq "kept whole" "$(audit_sql "SELECT COUNT(*) FROM audit WHERE action = 'write.out_of_scope' AND detail LIKE '%\"value\":\"$OTHER\"%'")" 2
eq "nothing written" "$(db_sql "SELECT COUNT(*) FROM household WHERE hh_no LIKE 'T-NEW%'")" 0
finish
