#!/usr/bin/env bash
# The audit log: every write, login, failed login, permission change and full view is a row, in the same
# transaction as the act; rows are hash-chained, and editing, deleting or inserting a row directly in the
# database is found by `tuopin audit verify`, which names the first broken row.
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
ok import divisions "$TESTDATA/county/divisions.csv"
ok import registry "$TESTDATA/county/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00"
add_user county county_admin 371399000000
add_user sec sec_admin
add_user auditor audit_admin
start_server
login county
api - POST /api/login '{"name":"county","password":"not-the-Password-9"}'
login sec
expect 200 sec PATCH /api/users/county '{"division":"371300000000"}'   # the city's office: a county_admin over a city
login county
expect 201 county POST /api/households/3713990001/events '{"type":"exit","effective":"2014-12-31"}'
expect 200 county GET "/api/households/3713990001?full=1"
login auditor

expect 200 auditor GET "/api/audit?per_page=100"
jqeq '.data.total' 13
jqeq '[.data.items | reverse[] | "\(.actor) \(.action) \(.object // "")"] | join(";")' \
	"cli:root import.divisions divisions.csv;cli:root import.registry registry.csv;cli:root user.create county;cli:root user.create sec;cli:root user.create auditor;county login county;county login.failed county;sec login sec;sec user.role county;county login county;county event.record 3713990001;county view.full_id 3713990001;auditor login auditor"
# the role change keeps before and after; the event keeps what it did
jqeq '.data.items[4].detail | "\(.before.division) \(.after.division)"' "371399000000 371300000000"
jqeq '.data.items[2].detail | "\(.type) \(.effective) \(.status | join(">"))"' "exit 2014-12-31 poor>exited_supported"
jqeq '.data.items[2].ip' 127.0.0.1
# a failed login's reason is the account's, read by the audit administrator (it was withheld as a household's
# reason is: the log's only reader on the web could not tell a guessed name from a disabled account)
jqeq '.data.items[6].detail | "\(.reason) \(.failed)"' "bad_password 1"
# filtered by actor, action, object (each exact) and dates, with the total of what the filter selects
for fq in "actor=county 5 view.full_id,event.record,login,login.failed,login" \
	"action=login 4 login,login,login,login" \
	"object=3713990001 2 view.full_id,event.record" \
	"actor=county&action=login 2 login,login" \
	"actor=sec&object=county 1 user.role" \
	"actor=nobody 0 " \
	"actor=%20county%20&to=2000-01-01 0 "; do
	set -- $fq
	expect 200 auditor GET "/api/audit?$1"
	jqeq '"\(.data.total) \([.data.items[] | .action] | join(","))"' "$2 ${3:-}"
done
# every set of filters (the store has a statement for each, schema 0026's indexes behind them) gives the total
# and the page the catch-all condition gives in SQL: 24 sets of actor, action and object, with and without dates
# that match nothing, pages of three from the second
sqlq() { [ -z "$1" ] && echo NULL || echo "'$1'"; }
for actor in "" county sec nobody; do
	for action in "" login view.full_id; do
		for object in "" 3713990001; do
			for to in "" 2000-01-01; do
				expect 200 auditor GET "/api/audit?actor=$actor&action=$action&object=$object&to=$to&per_page=3&page=2"
				got=$(jq -r '"\(.data.total) \([.data.items[].id] | join(","))"' <<<"$OUT")
				top=99991231235959; [ -n "$to" ] && top=20000101235959
				a=$(sqlq "$actor") c=$(sqlq "$action") o=$(sqlq "$object")
				where="at BETWEEN 0 AND $top AND ($a IS NULL OR actor = $a) AND ($c IS NULL OR action = $c) AND ($o IS NULL OR object = $o)"
				want="$(db_sql "SELECT COUNT(*) FROM audit WHERE $where") $(db_sql "SELECT id FROM audit WHERE $where ORDER BY id DESC LIMIT 3 OFFSET 3" | paste -sd,)"
				eq "audit page [$actor|$action|$object|$to]" "$got" "$want"
			done
		done
	done
done
ok audit list --actor county --action login
eq "cli audit list by actor and action" "$(printf '%s\n' "$OUT" | awk '{ print $4, $5, $6 }' | tr '\n' ';')" "county login county;county login county;"
expect 400 auditor GET "/api/audit?actor=$(printf 'a%.0s' $(seq 1 65))"
jqeq '"\(.error.code) \(.error.field)"' "too_long actor"
expect 200 auditor GET /api/audit/verify
jqeq '.data | "\(.intact) \(.rows)"' "true 13"
ok audit verify
eq "intact" "$(head -1 <<<"$OUT")" "审计日志完整：共 13 行，自第 1 行起带密钥校验，核对锚点 $(jq -r .anchors <<<"$("$TUOPIN" audit verify --format json)") 个"

# edit one row directly in the database
db_sql "UPDATE audit SET actor = 'someone-else' WHERE id = 7"
expect_rc 1 audit verify
eq "edited row" "$OUT" "审计日志已被篡改（检查项：chain）：第 7 行：内容与其哈希值不符"
expect 200 auditor GET /api/audit/verify
jqeq '.data | "\(.intact) \(.first_broken)"' "false 7"
db_sql "UPDATE audit SET actor = 'county' WHERE id = 7"
ok audit verify
# recompute a row's hash after editing it: the next row's link breaks
db_sql "UPDATE audit SET detail = '{}', hash = '$(printf '%064d' 1)' WHERE id = 9"
expect_rc 1 audit verify --lang en
eq "rehashed row" "$OUT" "audit log BROKEN (check: chain) at row 9: its content does not match its hash"
db_sql "DELETE FROM audit WHERE id >= 9"
expect_rc 1 audit verify --lang en
eq "cut tail" "$OUT" "audit log BROKEN (check: head) at row 9: the head names row 13 but the log ends at row 8: rows are missing"
finish
