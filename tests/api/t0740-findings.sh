#!/usr/bin/env bash
# Findings over the API: who may compare other departments' lists (and that every read and deletion of one is
# audited), who sees which findings (a village only its own; out of scope is 404), waivers a village asks for
# and a town confirms or refuses, a fix linked to its finding that closes it at once, campaigns, the export for
# paper; and every new route against every role.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000        # 东岭镇: 东岭村 and 西岭村
add_user village village_operator 371399100201  # 东岭村
add_user west village_operator 371399100202     # 西岭村
add_user cadre cadre 371399100201
add_user super supervisor 371399000000
add_user tsuper supervisor 371399100000          # 东岭镇's supervisor
add_user sys sys_admin
add_user xishan town_operator 371399101000      # 西山镇, the other town
start_server
for u in county town village west cadre super tsuper sys xishan; do login "$u"; done

# A 公安 list of three deaths: in 东岭村, 西岭村 (both 东岭镇) and 山前村 (西山镇).
printf '证件号码,姓名,死亡日期\n371399194001011037,孙老汉,2023-05-05\n371399197506101031,周建民,2024-01-01\n371399196809091032,陈守田,2024-02-02\n' > "$WORK/death.csv"
for u in town village cadre sys; do
	upload "$u" "/api/external-lists?kind=death&date=2024-12-31" "$WORK/death.csv"
	[ "$STATUS" = 403 ] || fail "import as $u: $STATUS"
done
upload county "/api/external-lists?kind=death&date=2024-12-31&source=公安&filename=2024年死亡人员名单.csv" "$WORK/death.csv"
eq "import" "$STATUS" 201
jqeq '.data | "\(.kind) \(.rows) \(.stored) \(.matched) \(.other_name)"' "death 3 3 3 0"
L=$(printf '%s' "$OUT" | jq .data.list)
upload county "/api/external-lists?kind=deaths" "$WORK/death.csv"
eq "kind" "$STATUS" 400
jqeq '.error | "\(.code) \(.field)"' "kind_unknown kind"
upload county "/api/external-lists?kind=death&date=2099-01-01" "$WORK/death.csv"
jqeq '.error | "\(.code) \(.field)"' "future_date date"
printf '证件号码,姓名,死亡日期\n371399194001011030,孙老汉,2023-05-05\n' > "$WORK/bad.csv"
upload county "/api/external-lists?kind=death" "$WORK/bad.csv"
eq "bad file" "$STATUS" 400
jqeq '.error.code + " " + ([.data.problems[] | "\(.row)|\(.column)|\(.code)"] | join(","))' "invalid_file 2|证件号码|id_checksum"
expect 200 super GET /api/external-lists
jqeq '[.data.rows[] | "\(.id) \(.kind) \(.source) \(.rows) \(.file)"] | join(",")' "$L death 公安 3 2024年死亡人员名单.csv"
expect 403 town GET /api/external-lists
expect 403 village GET "/api/external-lists/$L"
expect 200 super GET "/api/external-lists/$L"
jqeq '.data | "\(.matched) \(.other_name)"' "3 0"
expect 404 county GET /api/external-lists/999

# The county runs every rule; each user sees its own divisions' findings.
expect 403 cadre POST /api/check/runs '{}'
expect 201 county POST /api/check/runs '{}'
jqeq '.data | "\(.kept) \(.total) \(.run.opened)"' "true 9 9"
for pair in "county 9" "super 9" "town 5" "west 4" "village 1" "cadre 1"; do
	set -- $pair
	api "$1" GET "/api/findings?per_page=50"
	jqeq '.data.total' "$2"
done
expect 403 sys GET /api/findings
api village GET /api/findings
jqeq '.data.rows[0] | "\(.rule) \(.household) \(.member) \(.village_name) \(.town_name) \(.source)"' \
	"DEATH_COUNTED 3713990002 孙老汉 371399************ 东岭村 东岭镇 external:death"
SUN=$(printf '%s' "$OUT" | jq .data.rows[0].id)
api county GET "/api/findings?rule=DEATH_COUNTED&division=山前村"
CHEN=$(printf '%s' "$OUT" | jq .data.rows[0].id)
api county GET "/api/findings?rule=DEATH_COUNTED&division=西岭村"
ZHOU=$(printf '%s' "$OUT" | jq .data.rows[0].id)
expect 404 village GET "/api/findings/$CHEN"
expect 404 town GET "/api/findings/$CHEN"
expect 200 village GET "/api/findings/$SUN"
# the evidence a finding needs, no more: which list, dated when, from whom, the row and its day
jqeq '.data.evidence | "\(.list) \(.kind) \(.list_date) \(.source) \(.row) \(.day) \(.deleted)"' "$L death 2024-12-31 公安 2 2023-05-05 false"
jqeq '.data | "\(.rule_info.category_label) \(.rule_info.severity_label) \(.division.name) \(.division.town)"' "信息不准 严重 东岭村 东岭镇"
expect 200 town GET "/api/findings/summary"
jqeq '[.data.by_village[] | "\(.name) \(.open)"] | join(",")' "东岭村 1,西岭村 4"
jqeq '[.data.by_rule[] | "\(.rule) \(.open)"] | join(",")' \
	"MEDICAL_INS_EMPTY 1,SERIOUS_INS_EMPTY 1,PENSION_INS_EMPTY 1,DEATH_COUNTED 2"
# a run by a village checks its village only and leaves the others' findings alone
expect 201 village POST /api/check/runs '{"rules":"DEATH_COUNTED"}'
jqeq '.data | "\(.total) \(.run.closed) \(.run.still_open)"' "1 0 1"
expect 400 village POST /api/check/runs '{"rules":"NO_SUCH"}'
jqeq '.error | "\(.code) \(.field)"' "rule_unknown rules"

# Waivers: a village asks, a town confirms or refuses; the reason is required.
api county GET "/api/findings?division=西岭村&rule=MEDICAL_INS_EMPTY"
MED=$(printf '%s' "$OUT" | jq .data.rows[0].id)
api county GET "/api/findings?division=西岭村&rule=SERIOUS_INS_EMPTY"
SER=$(printf '%s' "$OUT" | jq .data.rows[0].id)
expect 400 west POST "/api/findings/$MED/waive" '{"reason":" "}'
jqeq '.error | "\(.code) \(.field)"' "reason_required reason"
expect 400 west POST "/api/findings/$MED/waive" '{}'
expect 404 village POST "/api/findings/$MED/waive" '{"reason":"不是本村的"}'
expect 403 cadre POST "/api/findings/$MED/waive" '{"reason":"x"}'
expect 200 west POST "/api/findings/$MED/waive" '{"reason":"本人已在外地参保"}'
jqeq '.data | "\(.state) \(.pending) \(.waiver.reason) \(.waiver.by)"' "open true 本人已在外地参保 west"
api town GET "/api/findings?pending=1"
jqeq '[.data.rows[] | .id] | join(",")' "$MED"
expect 403 west POST "/api/findings/$MED/waiver" '{"decision":"confirm"}'
jqeq '.error.code' forbidden
expect 400 town POST "/api/findings/$MED/waiver" '{"decision":"maybe"}'
expect 200 town POST "/api/findings/$MED/waiver" '{"decision":"confirm","note":"已核实"}'
jqeq '.data | "\(.state) \(.pending) \([.history[] | "\(.action):\(.actor)"] | join(","))"' \
	"waived false opened:county,waive_requested:west,waived:town"
expect 409 town POST "/api/findings/$MED/waiver" '{"decision":"confirm"}'
jqeq '.error.code' no_waiver
expect 200 west POST "/api/findings/$SER/waive" '{"reason":"办理中"}'
expect 400 town POST "/api/findings/$SER/waiver" '{"decision":"refuse"}'
jqeq '.error | "\(.code) \(.field)"' "reason_required note"
expect 200 town POST "/api/findings/$SER/waiver" '{"decision":"refuse","note":"须补录参保信息"}'
jqeq '.data | "\(.state) \(.pending) \(.history[-1].action) \(.history[-1].note)"' "open false waiver_refused 须补录参保信息"
# a town's own waiver takes effect at once
expect 200 town POST "/api/findings/$ZHOU/waive" '{"reason":"死亡信息待公安核实"}'
jqeq '.data.state' waived
eq "audited" "$(audit_sql "SELECT action || ' ' || actor FROM audit WHERE action LIKE 'finding.%' ORDER BY id")" \
	"$(printf '%s\n' 'finding.waive_request west' 'finding.waive_confirm town' 'finding.waive_request west' \
		'finding.waive_refuse town' 'finding.waive town')"

# A fix linked to its finding: the death recorded as a member removal closes the finding before the answer.
api village GET /api/households/3713990002
SUNM=$(printf '%s' "$OUT" | jq '[.data.members[] | select(.name == "孙老汉") | .id][0]')
before=$(db_sql "SELECT COUNT(*) FROM change_event")
expect 409 village POST /api/households/3713990001/events "{\"type\":\"data_fix\",\"id_no\":\"371399196003121036\",\"member\":{\"member_phone\":\"13905391111\"},\"finding\":$SUN}"
jqeq '.error | "\(.code) \(.field)"' "finding_household finding"
expect 404 village POST /api/households/3713990002/events "{\"type\":\"member_remove\",\"member_id\":$SUNM,\"reason\":\"死亡\",\"effective\":\"2023-05-05\",\"finding\":$CHEN}"
jqeq '.error.field' finding
eq "nothing written" "$(db_sql "SELECT COUNT(*) FROM change_event")" "$before"
expect 201 village POST /api/households/3713990002/events "{\"type\":\"member_remove\",\"member_id\":$SUNM,\"reason\":\"死亡\",\"effective\":\"2023-05-05\",\"finding\":$SUN}"
expect 200 village GET "/api/findings/$SUN"
jqeq '.data | "\(.state) \(.fix.kind) \([.history[] | .action] | join(","))"' "fixed event opened,linked,fixed"
EV=$(db_sql "SELECT MAX(id) FROM change_event")
jqeq '.data.fix.ref' "$EV"
expect 409 village POST /api/households/3713990002/events "{\"type\":\"data_fix\",\"id_no\":\"371399194202031026\",\"member\":{\"member_phone\":\"13905392222\"},\"finding\":$SUN}"
jqeq '.error.code' finding_state
# a correction through the household form links as an edit
api county GET "/api/findings?division=西岭村&rule=PENSION_INS_EMPTY"
PEN=$(printf '%s' "$OUT" | jq .data.rows[0].id)
api west GET /api/households/3713990004
ZM=$(printf '%s' "$OUT" | jq '[.data.members[] | select(.name == "郑大妹") | .id][0]')
expect 200 west PATCH "/api/households/3713990004/members/$ZM" "{\"ins_pension\":\"是\",\"batch\":\"养老保险核对\",\"finding\":$PEN}"
expect 200 west GET "/api/findings/$PEN"
jqeq '"\(.data.state) \(.data.fix.kind)"' "fixed edit"
# the correction in the batch it names (a campaign's, whose change report is that batch's), the household's too
eq "batch" "$(db_sql "SELECT type || ' ' || batch FROM change_event WHERE id = (SELECT MAX(id) FROM change_event)")" "data_fix 养老保险核对"
expect 200 west PATCH /api/households/3713990004 '{"phone":"13905394444","batch":"电话核对"}'
eq "household batch" "$(db_sql "SELECT type || ' ' || batch FROM change_event WHERE id = (SELECT MAX(id) FROM change_event)")" "data_fix 电话核对"

# Campaigns: towns and the county start them; everyone in their divisions reads the board.
expect 403 village POST /api/campaigns '{"name":"村里的","rules":"DEATH_COUNTED"}'
# a name is the campaign's address: a slash made one no page could open (found by a review)
expect 400 town POST /api/campaigns '{"name":"死亡/迁出","rules":"DEATH_COUNTED"}'
jqeq '.error | "\(.code) \(.field)"' "name_slash name"
expect 201 town POST /api/campaigns '{"name":"东岭镇死亡人员清理","rules":"DEATH_COUNTED","start":"2026-01-01"}'
jqeq '.data | "\(.division) \(.totals.open) \(.totals.fixed) \(.totals.waived)"' "371399100000 0 1 1"
expect 409 county POST /api/campaigns '{"name":"东岭镇死亡人员清理","rules":"DEATH_COUNTED"}'
jqeq '.error | "\(.code) \(.message)"' "campaign_exists 专项行动“东岭镇死亡人员清理”已存在"
# the other town reads no campaign of that name (404), so its name is not said to exist there: not available,
# and the attempt is recorded (it said 已存在)
expect 404 xishan GET "/api/campaigns/东岭镇死亡人员清理"
expect 409 xishan POST /api/campaigns '{"name":"东岭镇死亡人员清理","rules":"DEATH_COUNTED"}'
jqeq '.error | "\(.code) \(.message)"' "not_available 专项行动名称“东岭镇死亡人员清理”不能在本辖区使用，请另起名称"
eq "the attempt audited" "$(audit_sql "SELECT actor || ' ' || object FROM audit WHERE action = 'write.out_of_scope'")" "xishan campaigns"
expect 400 county POST /api/campaigns '{"name":"x","rules":""}'
jqeq '.error.code' rules_required
expect 200 village GET "/api/campaigns/东岭镇死亡人员清理?by=village"
jqeq '[.data.rows[] | "\(.name) \(.fixed) \(.waived)"] | join(",")' "东岭村 1 0"
expect 404 county GET "/api/campaigns/没有"
# the board's figures are the list behind them: its rules, divisions and period (the board linked to every
# finding of the village, other rules' too: found by a review)
expect 200 county GET "/api/findings?campaign=东岭镇死亡人员清理"
jqeq '.data | "\(.total) \([.rows[] | "\(.rule):\(.state)"] | sort | join(","))"' "2 DEATH_COUNTED:fixed,DEATH_COUNTED:waived"
api county GET "/api/findings"
all=$(jq '.data.total' <<<"$OUT")
[ "$all" -gt 2 ] || fail "every finding: $all"
expect 200 county GET "/api/findings/summary?campaign=东岭镇死亡人员清理"
jqeq '[.data.by_rule[] | "\(.rule) \(.open) \(.fixed) \(.waived)"] | join(",")' "DEATH_COUNTED 0 1 1"
expect 200 county GET "/api/findings?campaign=东岭镇死亡人员清理&state=open"
jqeq '.data.total' 0
expect 404 county GET "/api/findings?campaign=没有"
jqeq '.error | "\(.code) \(.field)"' "campaign_not_found campaign"
api county GET /api/campaigns
jqeq '[.data.rows[] | .name] | join(",")' "东岭镇死亡人员清理"
# Closing (its acceptance): a town or county user whose divisions hold all of the campaign's; its board kept
expect 403 village POST "/api/campaigns/东岭镇死亡人员清理/close" '{}'
expect 404 xishan POST "/api/campaigns/东岭镇死亡人员清理/close" '{}'
expect 201 county POST /api/campaigns '{"name":"全县死亡人员清理","rules":"DEATH_COUNTED","start":"2026-01-01"}'
expect 403 town POST "/api/campaigns/全县死亡人员清理/close" '{}'
jqeq '.error | "\(.code) \(.message)"' "campaign_not_yours 专项行动“全县死亡人员清理”覆盖您辖区以外的地方：只有管辖其全部范围的单位能结束它"
expect 400 town POST "/api/campaigns/东岭镇死亡人员清理/close" "{\"note\":\"$(printf '验%.0s' {1..201})\"}"
jqeq '.error | "\(.code) \(.field)"' "too_long note"
eq "nothing closed" "$(db_sql "SELECT COUNT(*) FROM campaign_close")" 0
expect 200 town POST "/api/campaigns/东岭镇死亡人员清理/close" '{"note":"验收通过"}'
jqeq '.data | "\(.closed.by) \(.closed.note) \(.totals.open) \(.totals.fixed) \(.totals.waived)"' "town 验收通过 0 1 1"
expect 409 county POST "/api/campaigns/东岭镇死亡人员清理/close" '{}'
jqeq '.error.code' campaign_closed
eq "audited" "$(audit_sql "SELECT actor || ' ' || object || ' ' || detail FROM audit WHERE action = 'campaign.close'")" \
	'town campaign:1 {"name":"东岭镇死亡人员清理","note":"验收通过","open":0,"fixed":1,"waived":1}'
expect 200 county GET "/api/findings?campaign=东岭镇死亡人员清理"
jqeq '.data.total' 2
expect 200 county GET /api/campaigns
jqeq '[.data.rows[] | "\(.name) \(.closed.note)"] | join(",")' "全县死亡人员清理 null,东岭镇死亡人员清理 验收通过"

# Export for paper: a village's open findings.
expect 403 cadre GET "/api/findings/export?division=东岭村"
api west GET "/api/findings/export?format=csv"
eq "export" "$STATUS" 200
# named 问题清单-DIVISION-DAY in UTF-8, percent-encoded once (it was twice: %25E9...), the division the user's
# (西岭村) when none is asked; its source named as the screen names it (it said external:death)
eq "source" "$(printf '%s\n' "$OUT" | grep '西岭村' | cut -d, -f11)" "建档立卡数据规则"
curl -s -D "$WORK/h" -o /dev/null -b "$WORK/west.jar" "http://127.0.0.1:$PORT/api/findings/export?format=csv"
day=$(api west GET /api/me >/dev/null; jq -r '.data.today // empty' <<<"$OUT")
eq "file name" "$(grep -i '^content-disposition:' "$WORK/h" | tr -d '\r' | sed 's/.*filename\*=//')" \
	"UTF-8''%E9%97%AE%E9%A2%98%E6%B8%85%E5%8D%95-%E8%A5%BF%E5%B2%AD%E6%9D%91-$day.csv"
eq "rows" "$(printf '%s\n' "$OUT" | grep -c '西岭村')" 1
not_contains "$OUT" "371399196001011028"
api county GET "/api/findings/export?format=csv&rule=DEATH_COUNTED&state=fixed"
eq "a list's finding's source" "$(printf '%s\n' "$OUT" | tail -n +2 | cut -d, -f6,11 | tr '\n' ' ')" "死亡人员仍在建档立卡户中（死亡未销）,死亡人员名单 "
# each download is in the audit log, with its filter and size, as the registry's exports are (it was not)
eq "exports audited" "$(audit_sql "SELECT actor || ' ' || object || ' ' || detail FROM audit WHERE action = 'export.findings' ORDER BY id" | tr '\n' ';')" \
	'west findings {"division":0,"state":"open","rule":"","category":"","household":null,"campaign":null,"format":"csv","rows":1};west findings {"division":0,"state":"open","rule":"","category":"","household":null,"campaign":null,"format":"csv","rows":1};county findings {"division":0,"state":"fixed","rule":"DEATH_COUNTED","category":"","household":null,"campaign":null,"format":"csv","rows":1};'

# Deleting the list: its rows are gone, the deletion is audited, the findings keep their evidence. The town's
# supervisor sees the county's list, with the matches in its town (the county's 2 less 山前村's), but may not
# delete it (nothing changes); a list it imported itself it may.
expect 403 town DELETE "/api/external-lists/$L"
expect 200 super GET "/api/external-lists/$L"
jqeq '.data | "\(.kind) \(.rows) \(.matched)"' "death 3 2"
expect 200 tsuper GET "/api/external-lists/$L"
jqeq '.data | "\(.kind) \(.rows) \(.matched)"' "death 3 1"
expect 403 tsuper DELETE "/api/external-lists/$L"
jqeq '.error.code' list_not_yours
eq "rows kept" "$(db_sql "SELECT COUNT(*) FROM external_entry WHERE list_id = $L") $(db_sql "SELECT COUNT(*) FROM external_list WHERE id = $L AND deleted_at IS NULL")" "3 1"
printf '证件号码,姓名,死亡日期\n371399194001011037,孙老汉,2023-05-05\n' > "$WORK/death1.csv"
upload tsuper "/api/external-lists?kind=death&date=2024-12-31&source=东岭镇派出所" "$WORK/death1.csv"
eq "town list" "$STATUS" 201
T=$(printf '%s' "$OUT" | jq .data.list)
expect 200 tsuper DELETE "/api/external-lists/$T"
expect 200 county DELETE "/api/external-lists/$L"
expect 409 county DELETE "/api/external-lists/$L"
eq "rows" "$(db_sql "SELECT COUNT(*) FROM external_entry")" 0
eq "list audit" "$(audit_sql "SELECT action || ' ' || actor FROM audit WHERE action LIKE 'external.%' ORDER BY id")" \
	"$(printf '%s\n' 'external.import county' 'external.read super' 'external.read super' 'external.read tsuper' 'external.import tsuper' 'external.delete tsuper' 'external.delete county')"
expect 200 county GET "/api/findings/$CHEN"
jqeq '.data | "\(.state) \(.evidence.day) \(.evidence.deleted)"' "open 2024-02-02 true"

# every new route against every role (county town village cadre super sys anonymous)
ROLES=(county town village cadre super sys -)
check() {
	local spec=$1 method path body i=0
	shift
	method=${spec%% *}
	path=${spec#* }
	body=""
	case $path in *" "*) body=${path#* }; path=${path%% *} ;; esac
	for want in "$@"; do
		api "${ROLES[$i]}" "$method" "$path" "$body"
		[ "$STATUS" = "$want" ] || fail "$spec as ${ROLES[$i]}: $STATUS, expected $want: $(head -c 200 "$WORK/body")"
		i=$((i + 1))
	done
}
#                                                       county town vill cadre super sys anon
check "GET /api/check/rules"                               200  200  200  200   200  403 401
check "GET /api/check?rules=DEATH_COUNTED"                 200  200  200  200   200  403 401
check "GET /api/findings"                                  200  200  200  200   200  403 401
check "GET /api/findings/summary"                          200  200  200  200   200  403 401
check "GET /api/findings/$CHEN"                            200  404  404  404   200  403 401
check "POST /api/findings/$CHEN/recheck"                   200  404  404  403   403  403 401
check "POST /api/findings/999999/waive {\"reason\":\"x\"}"  404  404  404  403   403  403 401
check "POST /api/findings/999999/waiver {\"decision\":\"confirm\"}" 404 404  403  403   403  403 401
check "GET /api/findings/export?format=csv"                200  200  200  403   200  403 401
check "GET /api/campaigns"                                 200  200  200  200   200  403 401
check "GET /api/external-kinds"                            200  403  403  403   200  403 401
check "GET /api/external-lists"                            200  403  403  403   200  403 401
check "GET /api/external-lists/$L"                         200  403  403  403   200  403 401
check "DELETE /api/external-lists/999999"                  404  403  403  403   404  403 401
finish
