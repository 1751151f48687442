#!/usr/bin/env bash
# API tokens (issue 13 point 7): a password change or reset revokes the user's tokens; a token cannot make
# tokens; lifetimes have a maximum (90 days by default, --token-max-days), which holds for older tokens too;
# the security administrator lists and revokes anyone's tokens (API and CLI).
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user sec sec_admin
add_user sys sys_admin
start_server
login county
login sec
bearer() {   # bearer TOKEN METHOD PATH [JSON]: sets STATUS and OUT
	local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1")
	[ -n "${4:-}" ] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
	STATUS=$(curl "${args[@]}" "http://127.0.0.1:$PORT$3")
	OUT=$(cat "$WORK/body")
}
new_token() {   # new_token NAME [DAYS]: as county; prints the token
	api county POST /api/me/tokens "{\"name\":\"$1\"${2:+,\"days\":$2}}"
	[ "$STATUS" = 201 ] || fail "token $1: $STATUS $OUT"
	jq -r .data.token <<<"$OUT"
}

# a token cannot make tokens
t1=$(new_token nightly)
bearer "$t1" GET /api/stats
eq "the token reads" "$STATUS" 200
bearer "$t1" POST /api/me/tokens '{"name":"child"}'
eq "a token making a token" "$STATUS $(jq -r .error.code <<<"$OUT")" "403 token_forbidden"

# lifetimes: 90 days at most by default, and 90 when none is asked
expect 400 county POST /api/me/tokens '{"name":"long","days":91}'
jqeq '"\(.error.code) \(.error.field)"' "out_of_range days"
t2=$(new_token default)
eq "default lifetime" "$(db_sql "SELECT (expires_at - created_at) / 86400 FROM api_token WHERE name = 'default'")" 90

# a password change revokes every token of the user
expect 200 county POST /api/me/password "{\"old_password\":\"$PASSWORD\",\"new_password\":\"Changed-pass-2026\"}"
bearer "$t1" GET /api/stats
eq "after the change" "$STATUS" 401
bearer "$t2" GET /api/stats
eq "every one" "$STATUS" 401
eq "revoked in the database" "$(db_sql "SELECT COUNT(*) FROM api_token WHERE revoked = 0")" 0
# and so does a reset (the host operator's, on the command line)
t3=$(new_token after-change)
echo "Reset-on-host-2026" | "$TUOPIN" user passwd county >/dev/null
bearer "$t3" GET /api/stats
eq "after a reset" "$STATUS" 401
login county Reset-on-host-2026
expect 200 county POST /api/me/password '{"old_password":"Reset-on-host-2026","new_password":"Changed-again-2026"}'
login county Changed-again-2026

# the security administrator: anyone's tokens, listed and revoked
t4=$(new_token report-bot 30)
expect 200 sec GET /api/users/county/tokens
jqeq '[.data[] | "\(.name):\(.revoked):\(.expired)"] | join(",")' \
	"nightly:true:false,default:true:false,after-change:true:false,report-bot:false:false"
id4=$(jq '.data[] | select(.name == "report-bot") | .id' <<<"$OUT")
expect 200 sec DELETE "/api/users/county/tokens/$id4"
bearer "$t4" GET /api/stats
eq "revoked by the security administrator" "$STATUS" 401
eq "audited" "$(audit_sql "SELECT actor || ' ' || action || ' ' || object FROM audit WHERE action = 'token.revoke'")" "sec token.revoke county"
expect 404 sec DELETE "/api/users/county/tokens/999999"
expect 404 sec GET /api/users/nobody/tokens
login sys
expect 403 sys GET /api/users/county/tokens
# the same on the command line
t5=$(new_token cli-bot 10)
ok token list county
eq "CLI list" "$(awk 'NR > 1 { print $2, $NF }' <<<"$OUT" | tr '\n' ';')" "nightly 已撤销;default 已撤销;after-change 已撤销;report-bot 已撤销;cli-bot 有效;"
id5=$(awk '$2 == "cli-bot" { print $1 }' <<<"$OUT")
ok token revoke county "$id5"
eq "CLI revoke" "$OUT" "已撤销 county 的令牌 $id5"
bearer "$t5" GET /api/stats
eq "revoked on the command line" "$STATUS" 401
expect_rc 2 token add county --days 91
expect_rc 2 token add county --days 0
# an account on its initial password gets no token: it would be refused until the change, which revokes it (the
# guide's `token add` for a new account made a token that could never work: found by a walk of the guide)
echo "$PASSWORD" | "$TUOPIN" user add fresh --role county_admin --division 371399000000 >/dev/null
expect_rc 1 token add fresh
eq "said" "$ERR" "tuopin: fresh 还未修改初始密码：令牌在修改之前不能使用，修改密码又会撤销它；请该用户先登录修改密码，再创建令牌"
ok token list fresh
not_contains "$OUT" "有效"
# a role changed is said by its name (it printed the code)
ok user role fresh town_operator --division 371399100000
eq "role said" "$OUT" "fresh 的角色已改为 乡镇经办"
# `--password -` is standard input (it took "-" as the password, too short), and `user --help` says so (it said
# "unknown option --help")
echo "$PASSWORD" | "$TUOPIN" user add stdin-pw --role county_admin --division 371399000000 --password - --keep >/dev/null ||
	fail "--password - refused"
login stdin-pw
ok user --help
contains "$OUT" "用法：tuopin user add NAME --role R"
contains "$OUT" "\`--password -\`"

# a lower maximum holds for tokens made before it
t6=$(new_token old 60)
db_sql "UPDATE api_token SET created_at = created_at - 40 * 86400, expires_at = expires_at - 40 * 86400 WHERE name = 'old'" >/dev/null
bearer "$t6" GET /api/stats
eq "40 days old under 90" "$STATUS" 200
stop_server
start_server --token-max-days 30
login county Changed-again-2026
bearer "$t6" GET /api/stats
eq "40 days old under 30" "$STATUS" 401
expect 400 county POST /api/me/tokens '{"name":"long","days":31}'
t7=$(new_token short)
eq "the default follows the maximum" "$(db_sql "SELECT (expires_at - created_at) / 86400 FROM api_token WHERE name = 'short'")" 30
finish
