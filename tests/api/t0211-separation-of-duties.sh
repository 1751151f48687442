#!/usr/bin/env bash
# 三员分立 (issue 13 point 1, issue 18 point 10; docs/SECURITY.md): the system administrator creates an account
# without a role and without a password, and is shown the first half of a one-time code; the security
# administrator gives the role and the division and is shown the second half; only both halves, in order, log
# the user in, and then only to choose a password. A reset works the same way, and the user's own password
# keeps working until the new code is used, so neither administrator can take an account alone. The code is
# void after its time; each step is audited under the administrator who took it.
source "$(dirname "$0")/lib.sh"
county_db
add_user sys sys_admin
add_user sec sec_admin
add_user clerk village_operator 371399100201
start_server
login sys
login sec
try() {   # try NAME PASSWORD: a login; sets STATUS and OUT
	api - POST /api/login "{\"name\":\"$1\",\"password\":\"$2\"}"
}

# 1. a new account
expect 201 sys POST /api/users '{"name":"newclerk","display_name":"新录入员"}'
jqeq '.data.user | "\(.role) \(.role_label) [\(.division)] \(.must_change) \(.code.sys) \(.code.sec)"' "none 未分配角色 [] true true false"
jqeq '.data.code.part' 1
half1=$(jq -r .data.code.code <<<"$OUT")
[[ "$half1" =~ ^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$ ]] || fail "first half: $half1"
try newclerk "$half1"
eq "the first half alone" "$STATUS $(jq -r .error.code <<<"$OUT")" "401 bad_credentials"
# a role bound to a division of another level is refused: a county office over one village, a village clerk
# over the whole county (the role's rights over the wrong span of households)
expect 400 sec PATCH /api/users/newclerk '{"role":"county_admin","division":"东岭村"}'
jqeq '.error | "\(.code) \(.field) \(.message)"' "role_level division “县扶贫办”只能设在省至县级区划，371399100201（东岭村）是村级"
expect 400 sec PATCH /api/users/newclerk '{"role":"village_operator","division":"371399000000"}'
jqeq '.error | "\(.code) \(.field)"' "role_level division"
expect 200 sec PATCH /api/users/newclerk '{"role":"village_operator","division":"东岭村"}'
jqeq '.data | "\(.role) \(.division) \(.division_name)"' "village_operator 371399100201 东岭村"
expect 200 sec POST /api/users/newclerk/code
jqeq '"\(.data.code.part) \(.data.user.code.sys) \(.data.user.code.sec)"' "2 true true"
half2=$(jq -r .data.code.code <<<"$OUT")
try newclerk "$half2"
eq "the second half alone" "$STATUS" 401
try newclerk "$half2$half1"
eq "the halves swapped" "$STATUS" 401
# both halves in order (dashes and case do not matter): a session that may only change the password
login newclerk "$(tr 'A-Z' 'a-z' <<<"$half1")$half2"
expect 403 newclerk GET /api/stats
jqeq '.error.code' password_change_required
expect 200 newclerk GET /api/me
jqeq '.data.user.must_change' true
expect 200 newclerk POST /api/me/password "{\"old_password\":\"$half1$half2\",\"new_password\":\"Village-clerk-2026\"}"
login newclerk Village-clerk-2026
expect 200 newclerk GET /api/stats
jqeq '.data.division.name' 东岭村
try newclerk "$half1$half2"
eq "the code is used up" "$STATUS" 401
expect 200 sys GET /api/users
jqeq '.data[] | select(.name == "newclerk") | "\(.must_change) \(.code.sys) \(.code.sec)"' "false false false"

# 2. a reset: neither administrator can take the account; the user's password works until the code is used
login clerk
expect 200 sys POST /api/users/clerk/code
r1=$(jq -r .data.code.code <<<"$OUT")
try clerk "$r1"
eq "the system administrator's half" "$STATUS" 401
expect 200 clerk GET /api/me
try clerk "$PASSWORD"
eq "the user's own password still works" "$STATUS" 200
expect 200 sec POST /api/users/clerk/code
r2=$(jq -r .data.code.code <<<"$OUT")
try clerk "$r2"
eq "the security administrator's half" "$STATUS" 401
login clerk "$r1 $r2"
expect 403 clerk GET /api/stats
expect 200 clerk POST /api/me/password "{\"old_password\":\"$r1$r2\",\"new_password\":\"Reset-by-two-2026\"}"
try clerk "$PASSWORD"
eq "the old password is gone" "$STATUS" 401
login clerk Reset-by-two-2026

# a half issued again replaces only that half
expect 200 sys POST /api/users/clerk/code
a1=$(jq -r .data.code.code <<<"$OUT")
expect 200 sec POST /api/users/clerk/code
a2=$(jq -r .data.code.code <<<"$OUT")
expect 200 sys POST /api/users/clerk/code
b1=$(jq -r .data.code.code <<<"$OUT")
try clerk "$a1$a2"
eq "the replaced half" "$STATUS" 401

# 3. a code is void after its time (72 hours)
db_sql "UPDATE app_user SET reset_until = reset_until - 73 * 3600 WHERE name = 'clerk'" >/dev/null
try clerk "$b1$a2"
eq "an expired code" "$STATUS" 401
try clerk "Reset-by-two-2026"
eq "the password still" "$STATUS" 200

# 4. the audit log: who did what, and no code in it
eq "audited" "$(audit_sql "SELECT actor || ' ' || action || ' ' || COALESCE(detail, '') FROM audit WHERE object = 'newclerk' AND action LIKE 'user.%' ORDER BY id" | sed 's/"after".*//' | tr '\n' ';')" \
	"sys user.create {;sys user.code {\"part\":1,\"complete\":false};sec user.role {\"before\":{\"name\":\"newclerk\",\"display_name\":\"新录入员\",\"role\":\"none\",\"division\":0,\"locked\":false,\"must_change\":true},;sec user.code {\"part\":2,\"complete\":true};newclerk user.password {\"by\":\"code\"};"
eq "no code in the log" "$(audit_sql "SELECT COUNT(*) FROM audit WHERE detail LIKE '%$half1%' OR detail LIKE '%${half1%-*}%'")" 0
eq "a login by code" "$(audit_sql "SELECT detail FROM audit WHERE action = 'login' AND object = 'newclerk' ORDER BY id LIMIT 1")" '{"by":"code"}'
finish
