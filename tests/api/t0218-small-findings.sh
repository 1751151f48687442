#!/usr/bin/env bash
# The review's smaller findings (issue 13 point 10): --trust-proxy believes only the address its proxy added
# (the rightmost of X-Forwarded-For); a split cannot make a 户编号 that reads as another village's; /api/about
# tells the database's location and the registry's size to the system administrator only; login takes JSON
# only; every file Tuopin creates is its user's only (0600, whatever the umask); masked exports and imports
# that wrote nothing (dry runs, refused files) are audited with their filter and counts.
source "$(dirname "$0")/lib.sh"
umask 022
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000
add_user sys sys_admin
start_server --trust-proxy
for u in county town sys; do login "$u"; done

# the client's address: the one the proxy added, not what the client wrote before it
curl -s -o /dev/null -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.7, 198.51.100.20' \
	-d '{"name":"county","password":"wrong-Password-9"}' "http://127.0.0.1:$PORT/api/login"
eq "the proxy's address" "$(audit_sql "SELECT ip FROM audit WHERE action = 'login.failed' ORDER BY id DESC LIMIT 1")" \
	198.51.100.20

# login: JSON only (a cross-site form can post text/plain or urlencoded without asking)
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -H 'Content-Type: text/plain' \
	-d "{\"name\":\"county\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/login")
OUT=$(cat "$WORK/body")
eq "text/plain login" "$STATUS $(jq -r .error.code <<<"$OUT")" "415 unsupported_media_type"
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -d "name=county&password=$PASSWORD" "http://127.0.0.1:$PORT/api/login")
eq "form login" "$STATUS" 415
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json; charset=utf-8' \
	-d "{\"name\":\"county\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/login")
eq "JSON with a charset" "$STATUS" 200

# /api/about: the location and the registry-wide counts for the system administrator only
expect 200 sys GET /api/about
jqeq '[.data.location | test("^sqlite:|^postgresql://")] | .[0]' true
jqeq '"\(.data.households) \(.data.divisions)"' "9 9"
for u in county town; do
	expect 200 "$u" GET /api/about
	jqeq '[has("location"), has("households"), has("divisions"), .data.version] | tostring' '[false,false,false,"0.1.0"]'
	jqeq '.data | [has("location"), has("households"), has("divisions")] | tostring' '[false,false,false]'
done

# a split cannot create a 户编号 of another village (371399101201 is 山前村 of 西山镇, outside the town)
api town GET /api/households/3713990001
mid=$(jq '.data.members[-1].id' <<<"$OUT")
split() {   # split NEW_HH_NO
	api town POST /api/households/3713990001/events "{\"type\":\"split\",\"effective\":\"2018-07-01\",\"member_id\":$mid,\"target_hh_no\":\"$1\",\"relation\":\"户主\",\"reason\":\"分户\"}"
}
split 3713991012010099
eq "another village's number" "$STATUS $(jq -r '.error | "\(.code) \(.field)"' <<<"$OUT")" "400 hh_no_village target_hh_no"
jqeq .error.message "户编号 3713991012010099 与所在村不符：应以村代码 371399100201 开头"
eq "nothing created" "$(db_sql "SELECT COUNT(*) FROM household WHERE hh_no = '3713991012010099'")" 0
split 3713991002010099
eq "its own village's number" "$STATUS" 201
eq "created in the village" "$(db_sql "SELECT village FROM household WHERE hh_no = '3713991002010099'")" 371399100201

# a masked export is audited with its filter and its size
curl -s -o "$WORK/export.csv" -b "$WORK/town.jar" "http://127.0.0.1:$PORT/api/exports/registry?format=csv&status=returned&as_of=2018-10-08"
eq "exported" "$(($(wc -l <"$WORK/export.csv") - 1))" 4
audit_sql "SELECT actor, object, detail FROM audit WHERE action = 'export.registry' ORDER BY id DESC LIMIT 1" >"$WORK/row"
eq "export audited" "$(tr '|' ' ' <"$WORK/row" | awk '{ print $1, $2 }')" "town registry"
eq "its filter and counts" "$(cut -d'|' -f3 <"$WORK/row" | jq -c '[.division, .as_of, .format, .status, .full, .households, .members]')" \
	'[371399100000,20181008,"csv","returned",false,1,4]'
# a search by 户编号 (16 digits) is kept as given, an ID number masked (the 户编号 was masked as one)
curl -s -o /dev/null -b "$WORK/town.jar" "http://127.0.0.1:$PORT/api/exports/registry?format=csv&q=3713991002010099"
eq "a 户编号 searched" "$(audit_sql "SELECT detail FROM audit WHERE action = 'export.registry' ORDER BY id DESC LIMIT 1" | jq -r .q)" \
	3713991002010099
curl -s -o /dev/null -b "$WORK/town.jar" "http://127.0.0.1:$PORT/api/exports/registry?format=csv&q=37139919650312003x"
eq "an ID number searched" "$(audit_sql "SELECT detail FROM audit WHERE action = 'export.registry' ORDER BY id DESC LIMIT 1" | jq -r .q)" \
	"371399************"

# imports that wrote nothing: a dry run and a refused file, with their counts
printf '户编号,变动类型,生效日期\n3713990003,脱贫,2018-12-31\n' >"$WORK/ok.csv"
printf '户编号,变动类型,生效日期\n3713990001,恢复享受政策,2018-06-01\n3713990003,飞升,2018-06-01\n' >"$WORK/bad.csv"
upload town "/api/imports/events?dry_run=1&filename=%E4%B8%9C%E5%B2%AD%E9%95%87%E8%84%B1%E8%B4%AB.csv" "$WORK/ok.csv"
eq "dry run" "$STATUS" 200
eq "its row names the user's file, not the temporary upload" "$(audit_sql "SELECT object FROM audit WHERE action = 'import.dry_run'")" "东岭镇脱贫.csv"
upload town "/api/imports/events?dry_run=1&filename=a%2Fb.csv" "$WORK/ok.csv"
eq "a file name with a slash" "$STATUS $(jq -r '"\(.error.code) \(.error.field)"' <<<"$OUT")" "400 bad_parameter filename"
# a bidirectional override would read reversed on the audit page (\u202Ecsv.exe): refused as in JSON texts
upload town "/api/imports/events?dry_run=1&filename=%E2%80%AEcsv.exe" "$WORK/ok.csv"
eq "a file name with a bidi override" "$STATUS $(jq -r '"\(.error.code) \(.error.field)"' <<<"$OUT")" "400 bad_parameter filename"
upload town "/api/imports/events" "$WORK/bad.csv"
eq "refused" "$STATUS" 400
eq "both audited" "$(audit_sql "SELECT action || ' ' || actor FROM audit WHERE action LIKE 'import.%' AND actor = 'town' ORDER BY id" | tr '\n' ';')" \
	"import.dry_run town;import.refused town;"
eq "the dry run's counts" "$(audit_sql "SELECT detail FROM audit WHERE action = 'import.dry_run'" | jq -c '[.kind, .outcome, .rows, .errors, .events]')" \
	'["events","checked",1,0,1]'
eq "the refused file's" "$(audit_sql "SELECT detail FROM audit WHERE action = 'import.refused'" | jq -c '[.kind, .outcome, .rows, .errors]')" \
	'["events","refused",2,2]'
ok export registry "$WORK/cli.xlsx" --division 东岭镇
ok import events "$WORK/ok.csv" --dry-run
eq "the CLI's too" "$(audit_sql "SELECT action || ' ' || object FROM audit WHERE action IN ('export.registry', 'import.dry_run') ORDER BY id DESC LIMIT 2" | tr '\n' ';')" \
	"import.dry_run ok.csv;export.registry registry;"

# files: the user's only, though this test runs with umask 022
stop_server
mode() { stat -c %a "$1"; }
eq "CLI export" "$(mode "$WORK/cli.xlsx")" 600
eq "access log" "$(mode "$WORK/access.log")" 600
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ]; then
	db=${TUOPIN_DB#sqlite:}
	eq "database" "$(mode "$db")" 600
	start_server
	login county
	expect 200 county GET /api/stats
	[ -f "$db-wal" ] && eq "its WAL" "$(mode "$db-wal")" 600
	stop_server
	new=$WORK/new/dir
	mkdir -p "$WORK/new"
	"$TUOPIN" --db "sqlite:$WORK/new/fresh.db" init >/dev/null
	eq "a new database" "$(mode "$WORK/new/fresh.db")" 600
fi
finish
