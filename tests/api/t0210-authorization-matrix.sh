#!/usr/bin/env bash
# Every role against every route, inside and outside its scope, with the exact status. Out-of-scope records
# answer 404 (their existence does not leak); a missing capability answers 403; no login answers 401. The
# administrators' paths follow 三员分立 (docs/SECURITY.md): the system administrator creates accounts
# without a role or a password and locks them; only the security administrator assigns roles and divisions,
# never an administrator's role; each issues its own half of a one-time code; only the security
# administrator sees and revokes other users' API tokens.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000      # 东岭镇: 东岭村 and 西岭村
add_user village village_operator 371399100201 # 东岭村
add_user cadre cadre 371399100201
add_user super supervisor 371399000000
add_user sys sys_admin
add_user sec sec_admin
add_user auditor audit_admin
add_user target cadre 371399100201   # whose role and lock the administrators change
start_server
for u in county town village cadre super sys sec auditor; do login "$u"; done
ROLES=(county town village cadre super sys sec auditor -)

H01=3713990001   # 东岭村
H03=3713990003   # 西岭村 (东岭镇)
H06=3713990006   # 山前村 (西山镇)
H09=3713990009   # 山前村, poor
printf '户编号,变动类型,生效日期\n%s,恢复享受政策,2018-06-01\n' "$H09" > "$WORK/refused.csv"
api county GET "/api/households/$H01"
M01=$(printf '%s' "$OUT" | jq -r '.data.members[0].id')
api county GET "/api/households/$H06"
M06=$(printf '%s' "$OUT" | jq -r '.data.members[0].id')

n=0
# check "METHOD PATH [BODY]" county town village cadre super sys sec auditor anonymous
check() {
	local spec=$1
	shift
	local method=${spec%% *} rest=${spec#* }
	local path=${rest%% *} body=""
	[ "$path" != "$rest" ] && body=${rest#* }
	local i=0
	for want in "$@"; do
		local who=${ROLES[$i]}
		local b=${body//@ROLE@/$who}
		b=${b//@N@/$i}
		if [ "$method" = UPLOAD ]; then
			if [ "$who" = - ]; then
				STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' --data-binary "@$WORK/refused.csv" "http://127.0.0.1:$PORT$path")
			else
				upload "$who" "$path" "$WORK/refused.csv"
			fi
		else
			api "$who" "$method" "$path" "$b"
		fi
		[ "$STATUS" = "$want" ] || fail "$spec as $who: $STATUS, expected $want: $(head -c 200 "$WORK/body")"
		i=$((i + 1))
		n=$((n + 1))
	done
}
#                                                                   county town vill cadre super sys sec audit anon
check "GET /api/me"                                                   200  200  200  200   200  200 200  200  401
check "GET /api/about"                                                200  200  200  200   200  200 200  200  401
check "GET /api/codes"                                                200  200  200  200   200  403 403  200  401
check "GET /api/divisions"                                            200  200  200  200   200  403 403  403  401
check "GET /api/divisions/371399101000"                               200  404  404  404   200  403 403  403  401
check "GET /api/divisions/371399100202"                               200  200  404  404   200  403 403  403  401
check "GET /api/households"                                           200  200  200  200   200  403 403  403  401
check "GET /api/households/$H01"                                      200  200  200  200   200  403 403  403  401
check "GET /api/households/$H03"                                      200  200  404  404   200  403 403  403  401
check "GET /api/households/$H06"                                      200  404  404  404   200  403 403  403  401
check "GET /api/households/$H06/events"                               200  404  404  404   200  403 403  403  401
check "PATCH /api/households/$H01 {\"phone\":\"1390539001@N@\"}"         200  200  200  403   403  403 403  403  401
check "PATCH /api/households/$H03 {\"phone\":\"1390539003@N@\"}"         200  200  404  403   403  403 403  403  401
check "PATCH /api/households/$H06 {\"phone\":\"1390539006@N@\"}"         200  404  404  403   403  403 403  403  401
check "POST /api/households/$H01/events {\"type\":\"return\",\"effective\":\"2018-06-01\"}" \
                                                                      409  409  409  403   403  403 403  403  401
check "POST /api/households/$H06/events {\"type\":\"return\",\"effective\":\"2018-06-01\"}" \
                                                                      409  404  404  403   403  403 403  403  401
check "POST /api/households {\"hh_no\":\"N-@ROLE@\",\"village_code\":\"371399101201\",\"effective\":\"2018-06-01\",\"members\":[{\"name\":\"新户\",\"id_no\":\"371399197001010011\",\"relation\":\"户主\",\"sex\":\"男\"}]}" \
                                                                      201  400  400  403   403  403 403  403  401
check "UPLOAD /api/imports/events"                                    400  400  403  403   403  403 403  403  401
check "GET /api/exports/registry?format=csv"                          200  200  403  403   200  403 403  403  401
check "GET /api/stats"                                                200  200  200  200   200  403 403  403  401
check "GET /api/stats?division=371399101000"                          200  404  404  404   200  403 403  403  401
check "GET /api/changes?batch=2018年托底清零"                          200  200  200  200   200  403 403  403  401
check "GET /api/changes?from=2014-01-01&to=2014-12-31&division=371399100202" \
                                                                      200  200  404  404   200  403 403  403  401
check "GET /api/check"                                                200  200  200  200   200  403 403  403  401
check "GET /api/users"                                                403  403  403  403   403  200 200  403  401
check "POST /api/users {\"name\":\"made-by-@ROLE@\",\"display_name\":\"新账户\"}" \
                                                                      403  403  403  403   403  201 403  403  401
# not with a password (one the system administrator would know) nor a role (the security administrator's)
check "POST /api/users {\"name\":\"pw-by-@ROLE@\",\"password\":\"$PASSWORD\"}" \
                                                                      403  403  403  403   403  403 403  403  401
check "POST /api/users {\"name\":\"role-by-@ROLE@\",\"role\":\"cadre\",\"division\":\"371399100201\"}" \
                                                                      403  403  403  403   403  403 403  403  401
check "PATCH /api/users/target {\"role\":\"village_operator\"}"         403  403  403  403   403  403 200  403  401
check "PATCH /api/users/target {\"division\":\"371399100202\"}"         403  403  403  403   403  403 200  403  401
# no administrator makes an administrator, nor changes one's role
check "PATCH /api/users/target {\"role\":\"sys_admin\"}"                403  403  403  403   403  403 403  403  401
check "PATCH /api/users/sys {\"role\":\"county_admin\",\"division\":\"371399000000\"}" \
                                                                      403  403  403  403   403  403 403  403  401
check "PATCH /api/users/target {\"locked\":true}"                       403  403  403  403   403  200 403  403  401
check "PATCH /api/users/target {\"locked\":false}"                      403  403  403  403   403  200 403  403  401
check "PATCH /api/users/target {\"display_name\":\"目标\"}"             403  403  403  403   403  200 403  403  401
# nobody locks the administrator of another kind
check "PATCH /api/users/sec {\"locked\":true}"                          403  403  403  403   403  403 403  403  401
check "PATCH /api/users/auditor {\"locked\":true}"                      403  403  403  403   403  403 403  403  401
# an administrator never sets a user's password: a reset is a one-time code in two halves
check "PATCH /api/users/target {\"password\":\"Another-Pass-2026\"}"   403  403  403  403   403  400 400  403  401
check "POST /api/users/target/code"                                   403  403  403  403   403  200 200  403  401
check "POST /api/users/sec/code"                                      403  403  403  403   403  403 403  403  401
check "POST /api/users/nobody/code"                                   403  403  403  403   403  404 404  403  401
# anyone's API tokens: the security administrator's
check "GET /api/users/target/tokens"                                  403  403  403  403   403  403 200  403  401
check "DELETE /api/users/target/tokens/999999"                        403  403  403  403   403  403 404  403  401
check "GET /api/admin/divisions"                                      403  403  403  403   403  403 200  403  401
check "GET /api/admin/divisions?parent=371399100000"                  403  403  403  403   403  403 200  403  401
check "GET /api/roles"                                                403  403  403  403   403  200 200  403  401
check "GET /api/audit"                                                403  403  403  403   403  403 403  200  401
check "GET /api/audit/verify"                                         403  403  403  403   403  403 403  200  401
# the routes every login may use, and the public ones
check "GET /api/health"                                               200  200  200  200   200  200 200  200  200
check "GET /api/ping"                                                 200  200  200  200   200  200 200  200  200
check "GET /api/openapi.yaml"                                         200  200  200  200   200  200 200  200  200
check "GET /api/me/tokens"                                            200  200  200  200   200  200 200  200  401
check "POST /api/me/tokens {\"name\":\"t-@ROLE@\",\"days\":1}"            201  201  201  201   201  201 201  201  401
check "DELETE /api/me/tokens/999999"                                  404  404  404  404   404  404 404  404  401
check "POST /api/me/password {\"old_password\":\"wrong-@N@\",\"new_password\":\"Another-Pass-2026\"}" \
                                                                      400  400  400  400   400  400 400  400  401
# members: added (a body without an ID number is refused by the rules first: 400 says nothing of the
# household; a valid one is written in scope and 404 outside) and corrected, in and out of scope
check "POST /api/households/$H01/members {\"member\":{\"name\":\"甲\",\"relation\":\"之子\",\"sex\":\"男\"},\"effective\":\"2018-06-01\",\"reason\":\"新生儿\"}" \
                                                                      400  400  400  403   403  403 403  403  401
check "POST /api/households/$H06/members {\"member\":{\"name\":\"乙\",\"id_no\":\"371399201003030015\",\"relation\":\"之子\",\"sex\":\"男\"},\"reason\":\"其他\"}" \
                                                                      201  404  404  403   403  403 403  403  401
check "PATCH /api/households/$H01/members/$M01 {\"member_phone\":\"1390539101@N@\"}" \
                                                                      200  200  200  403   403  403 403  403  401
check "PATCH /api/households/$H06/members/$M06 {\"member_phone\":\"1390539106@N@\"}" \
                                                                      200  404  404  403   403  403 403  403  401

# What each data role sees of the registry (with the household the county registered above).
for pair in "county 10" "town 4" "village 2" "cadre 2" "super 10"; do
	set -- $pair
	api "$1" GET "/api/households?per_page=50"
	jqeq ".data.total" "$2"
	api "$1" GET "/api/stats?as_of=2018-10-08"
	case $1 in
	county | super) jqeq '.data.totals.registered | "\(.households) \(.persons)"' "8 22" ;;
	town) jqeq '.data.totals.registered | "\(.households) \(.persons)"' "4 10" ;;
	*) jqeq '.data.totals.registered | "\(.households) \(.persons)"' "2 4" ;;
	esac
done
# The county created its household (the first POST); the town and the village could not see the village.
api county GET "/api/households/N-county"
jqeq '.data.members[0].name' 新户
# A security administrator cannot give roles to themselves; a system administrator cannot lock themselves out,
# nor issue a code for itself.
expect 403 sec PATCH /api/users/sec '{"role":"county_admin","division":"371399000000"}'
jqeq '.error.code' separation_of_duties
expect 403 sys PATCH /api/users/sys '{"locked":true}'
expect 403 sys POST /api/users/sys/code
# what the administrators made above: an account without a role, made by the system administrator only
eq "accounts made" "$(db_sql "SELECT name || ' ' || role || ' ' || division FROM app_user WHERE name LIKE '%-by-%' ORDER BY name")" \
	"made-by-sys none 0"
eq "target's role and division, by the security administrator" "$(db_sql "SELECT role || ' ' || division FROM app_user WHERE name = 'target'")" \
	"village_operator 371399100202"
expect 200 sec GET "/api/admin/divisions?parent=371399100000"
jqeq '[.data[] | "\(.code) \(.name) \(.has_children)"] | join(",")' "371399100201 东岭村 false,371399100202 西岭村 false"
expect 200 sec GET /api/admin/divisions
jqeq '[.data[] | "\(.code) \(.name) \(.has_children)"] | join(",")' "370000000000 山东省 true"
# logging out ends the session: the next request is anonymous
check "POST /api/logout"                                              200  200  200  200   200  200 200  200  401
check "GET /api/me"                                                   401  401  401  401   401  401 401  401  401
eq "requests checked" "$n" 549
finish
