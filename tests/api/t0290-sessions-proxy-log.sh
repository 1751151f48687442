#!/usr/bin/env bash
# Behind the office's TLS reverse proxy (--trust-proxy): the session cookie is Secure when the proxy says
# https, the client's address is the proxy's X-Forwarded-For, in the access log and the audit log. The
# access log names who did what, but never a query string (a search may hold an ID number). A role without
# full_id that asks for full numbers gets masked ones, and nothing is audited as a full view. The CLI resets,
# locks and unlocks accounts. The absolute session limit (--session-max) ends a session in use.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user cadre cadre 371399100201
start_server --trust-proxy

# cookies: Secure only when the proxy forwarded an https request; HttpOnly and SameSite=Strict always
login_headers() {   # login_headers NAME [CURL ARGS]: the response headers of a login
	local name=$1
	shift
	curl -s -D - -o /dev/null -H 'Content-Type: application/json' "$@" \
		-d "{\"name\":\"$name\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/login" | tr -d '\r'
}
tls=$(login_headers county -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-For: 203.0.113.7, 10.0.0.1' | grep -i '^set-cookie:')
contains "$tls" "HttpOnly"
contains "$tls" "SameSite=Strict"
contains "$tls" "; Secure"
plain=$(login_headers county | grep -i '^set-cookie:')
contains "$plain" "HttpOnly"
not_contains "$plain" "Secure"
# the rightmost address is the one the proxy added; the left ones are the client's to invent
eq "login address from the proxy" "$(audit_sql "SELECT ip FROM audit WHERE action = 'login' ORDER BY id DESC LIMIT 1 OFFSET 1")" \
	"10.0.0.1"

# the access log: time (ISO 8601 in the office's zone, with its offset), client, method, path (no query),
# status, size, duration, user
login county
login cadre
expect 200 county GET "/api/households?q=371399196505050016"
curl -s -o /dev/null -b "$WORK/county.jar" -H 'X-Forwarded-For: 198.51.100.9' "http://127.0.0.1:$PORT/api/stats?as_of=2018-10-08"
expect 401 - GET /api/me
stop_server   # flushes and closes the log
eq "access log: the search" "$(grep ' /api/households ' "$WORK/access.log" | tail -1 | awk '{ print $2, $3, $4, $5, $8 }')" \
	"127.0.0.1 GET /api/households 200 county"
eq "access log: through the proxy" "$(grep ' /api/stats ' "$WORK/access.log" | tail -1 | awk '{ print $2, $3, $4, $5, $8 }')" \
	"198.51.100.9 GET /api/stats 200 county"
eq "access log: time" "$(tail -1 "$WORK/access.log" | awk '{ print $1 }' | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+08:00$')" 1
eq "access log: anonymous" "$(grep ' /api/me ' "$WORK/access.log" | tail -1 | awk '{ print $3, $4, $5, $8 }')" \
	"GET /api/me 401 -"
not_contains "$(cat "$WORK/access.log")" "371399196505050016"
not_contains "$(cat "$WORK/access.log")" "as_of"

# a cadre (no full_id) asking for full numbers: masked, and no full view in the audit log
start_server
login cadre
expect 200 cadre GET "/api/households/3713990001?full=1"
jqeq '[.data.members[] | .id_no | test("^[0-9]{6}\\*{12}$")] | all' true
eq "no full view audited" "$(audit_sql "SELECT COUNT(*) FROM audit WHERE action = 'view.full_id'")" 0

# the CLI: a reset password must be changed at the next login; a locked account cannot log in
echo "Reset-Pass-2026" | "$TUOPIN" user passwd cadre >/dev/null
login cadre "Reset-Pass-2026"
expect 403 cadre GET "/api/households/3713990001"
jqeq '.error.code' password_change_required
"$TUOPIN" user lock cadre >/dev/null
api - POST /api/login "{\"name\":\"cadre\",\"password\":\"Reset-Pass-2026\"}"
eq "locked login: as for a wrong password" "$STATUS $(printf '%s' "$OUT" | jq -r .error.code)" "401 bad_credentials"
eq "listed as locked" "$("$TUOPIN" user list | awk '$1 == "cadre" { print $5 }')" "已停用"
"$TUOPIN" user unlock cadre >/dev/null
login cadre "Reset-Pass-2026"
eq "user list" "$("$TUOPIN" user list | awk '$1 == "cadre" || $1 == "county" { print $1, $3, $4, $5 }' | tr '\n' ';')" \
	"cadre 帮扶责任人 371399100201 须改密码;county 县扶贫办 371399000000 正常;"

# a role given as a second name is refused, not dropped
t user add li county_admin
eq "user add with a stray argument" "$RC $(printf '%s' "$ERR" | grep -c 'user add 用户名 --role')" "2 1"
eq "nobody added" "$(db_sql "SELECT COUNT(*) FROM app_user WHERE name = 'li'")" 0

# --session-max: every session ends that long after login, in use or not (the server's clock is moved on,
# not waited for); --timeout: a silent connection is closed (here after 1 s, where an answer still comes at once)
stop_server
TUOPIN_CLOCK_FILE="$WORK/clock" start_server --session-max 7200 --session-idle 86400 --timeout 1
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf 'GET /api/ping HTTP/1.1\r\nHost: t\r\n\r\n' >&3
IFS= read -r -t 2 first <&3 || true
eq "a prompt answer" "${first%$'\r'}" "HTTP/1.1 200 OK"
sleep 2.5
rest=$(timeout 2 cat <&3 || true)
eq "then closed: end of stream, not a hang" "$(timeout 1 cat <&3; echo "rc=$?")" "rc=0"
exec 3<&-
login county
expect 200 county GET /api/me
clock_advance 3600
expect 200 county GET /api/me
clock_advance 3500
expect 200 county GET /api/me
clock_advance 200
expect 401 county GET /api/me
jqeq '.error.code' session_expired
finish
