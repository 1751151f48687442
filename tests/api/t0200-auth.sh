#!/usr/bin/env bash
# Logins, CSRF, sessions (idle expiry, logout), locking by an administrator, initial passwords, API tokens.
# (Throttling and the password policy: t0217; one-time codes: t0211; tokens in depth: t0216.)
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user sys sys_admin
echo "$PASSWORD" | "$TUOPIN" user add newbie --role village_operator --division 东岭村 >/dev/null
# a password on the command line works, and the user is told it was seen there (it is wiped from the process's
# arguments at once)
ok user add typed --role village_operator --division 东岭村 --password "$PASSWORD" --keep
eq "the note" "$ERR" "tuopin: 提示：命令行中的密码可被本机其他用户看到（ps），并留在 shell 历史中；已从进程参数中抹去，今后请从标准输入提供"
start_server
expect 200 - POST /api/login "{\"name\":\"typed\",\"password\":\"$PASSWORD\"}"

expect 200 - GET /api/health
jqeq '.data.status' ok
# not logged in
expect 401 - GET /api/stats
jqeq '.error.code' unauthorized
jqeq '.error.message' 请先登录
expect 401 - GET /api/stats?lang=en
jqeq '.error.message' "please log in"

# wrong password and unknown user give the same answer
expect 401 - POST /api/login '{"name":"county","password":"wrong-Password-1"}'
jqeq '.error.code' bad_credentials
expect 401 - POST /api/login '{"name":"nobody","password":"wrong-Password-1"}'
jqeq '.error | "\(.code) \(.message)"' "bad_credentials 用户名或密码错误"

# the right password works, and the cookie is HttpOnly and SameSite=Strict
curl -s -D "$WORK/headers" -o /dev/null -H 'Content-Type: application/json' \
	-d "{\"name\":\"county\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PORT/api/login"
contains "$(grep -i '^Set-Cookie' "$WORK/headers")" "HttpOnly; SameSite=Strict"
contains "$(grep -i '^Content-Security-Policy' "$WORK/headers")" "default-src 'self'"
login county
expect 200 county GET /api/me
jqeq '.data.user | "\(.name) \(.role) \(.division.code) \(.capabilities | join(","))"' \
	"county county_admin 371399000000 read,write,import,export,full_id,assist,supervise,compare"

# CSRF: a state-changing request without the header is refused, with it allowed
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/county.jar" -H 'Content-Type: application/json' \
	-d '{"type":"exit","effective":"2018-12-31"}' "http://127.0.0.1:$PORT/api/households/3713990009/events")
OUT=$(cat "$WORK/body")
eq "no csrf" "$STATUS" 403
jqeq '.error.code' csrf
STATUS=$(curl -s -o "$WORK/body" -w '%{http_code}' -b "$WORK/county.jar" -H 'X-CSRF-Token: forged' \
	-H 'Content-Type: application/json' -d '{"type":"exit"}' "http://127.0.0.1:$PORT/api/households/3713990009/events")
eq "wrong csrf" "$STATUS" 403
ok stats --as-of 2018-12-31 --format json
nhmr poor "1 3"

# failures do not lock the account (an outsider could): three free, then a short wait (t0217)
for i in 1 2 3; do
	expect 401 - POST /api/login '{"name":"county","password":"wrong-Password-1"}'
done
expect 200 - POST /api/login "{\"name\":\"county\",\"password\":\"$PASSWORD\"}"
# the administrator locks the account: the session ends, and a login answers as for a wrong password
expect 200 county GET /api/me
login sys
expect 200 sys PATCH /api/users/county '{"locked":true}'
jqeq '.data.locked' true
expect 401 county GET /api/me
expect 401 - POST /api/login "{\"name\":\"county\",\"password\":\"$PASSWORD\"}"
jqeq '.error.code' bad_credentials
expect 200 sys PATCH /api/users/county '{"locked":false}'
jqeq '"\(.data.locked) \(.data.locked_out)"' "false false"
login county

# an initial password must be changed before anything else
login newbie
expect 403 newbie GET /api/stats
jqeq '.error.code' password_change_required
expect 400 newbie POST /api/me/password "{\"old_password\":\"$PASSWORD\",\"new_password\":\"short\"}"
jqeq '.error | "\(.code) \(.field)"' "password_weak password"
expect 400 newbie POST /api/me/password "{\"old_password\":\"wrong\",\"new_password\":\"Another-Pass-2026\"}"
jqeq '.error.code' password_wrong
# the first change must pick a new password
expect 400 newbie POST /api/me/password "{\"old_password\":\"$PASSWORD\",\"new_password\":\"$PASSWORD\"}"
jqeq '.error | "\(.code) \(.field)"' "password_same new_password"
# a session opened elsewhere with the old password ends with it; the one it is changed in goes on (the other
# read and wrote on)
cp "$WORK/newbie.jar" "$WORK/elsewhere.jar"
cp "$WORK/newbie.csrf" "$WORK/elsewhere.csrf"
login newbie
expect 200 newbie POST /api/me/password "{\"old_password\":\"$PASSWORD\",\"new_password\":\"Another-Pass-2026\"}"
expect 200 newbie GET /api/stats
jqeq '.data.division.name' 东岭村
expect 401 elsewhere GET /api/me
jqeq '.error.code' session_expired

# API tokens: Bearer, no CSRF needed, revocable
expect 201 county POST /api/me/tokens '{"name":"nightly report","days":30}'
token=$(printf '%s' "$OUT" | jq -r .data.token)
tid=$(printf '%s' "$OUT" | jq -r .data.id)
eq "token prefix" "${token:0:3}" "tp_"
eq "token length" "${#token}" "46"
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/stats?as_of=2018-10-08")
eq "token read" "$code" 200
eq "token figures" "$(jq -c '.data.totals.registered' "$WORK/body")" '{"households":7,"persons":21}'
expect 200 county DELETE "/api/me/tokens/$tid"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/stats")
eq "revoked token" "$code" 401
expect 404 county DELETE /api/me/tokens/99999
# the token is stored as a digest only
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ]; then
	eq "no raw token stored" "$(db_sql "SELECT COUNT(*) FROM api_token WHERE token_hash = '$token'")" "0"
fi

# logout ends the session; an idle session ends by itself
expect 200 county POST /api/logout
expect 401 county GET /api/me
jqeq '.error.code' session_expired
stop_server
# (the server's clock is moved on, not waited for: a 30-minute idle limit)
TUOPIN_CLOCK_FILE="$WORK/clock" start_server --session-idle 1800
login county
expect 200 county GET /api/me
clock_advance 1700
expect 200 county GET /api/me
clock_advance 1700
expect 200 county GET /api/me
clock_advance 1801
expect 401 county GET /api/me
jqeq '.error.code' session_expired
finish
