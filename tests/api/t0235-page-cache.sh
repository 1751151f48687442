#!/usr/bin/env bash
# The household page cache (tuopin serve --page-cache): a masked page is answered from memory only while the
# registry's generation (schema 0017) is the one it was rendered under: a write to the registry (through the
# API, or by another process straight into the database) moves it and the next page is rendered afresh;
# logins, tokens and a full view's audit row do not, and the cached page goes on being served. Only inside
# the asker's divisions, per language and date; full views are never cached and each is audited. The stats and
# the household list are kept the same way. One worker
# thread makes the order exact: the first page under a generation is rendered and kept, the next comes from
# the cache. The same on both backends.
source "$(dirname "$0")/lib.sh"
county_db
add_user county county_admin 371399000000
add_user town town_operator 371399100000
start_server --threads 1
login county
login town

# get USER PATH: sets STATUS, OUT and XC (the X-Cache header, "-" without one)
get() {
	STATUS=$(curl -s -D "$WORK/hdr" -o "$WORK/body" -w '%{http_code}' -b "$WORK/$1.jar" "http://127.0.0.1:$PORT$2")
	OUT=$(cat "$WORK/body")
	XC=$(awk -F': ' 'tolower($1) == "x-cache" { print $2 }' "$WORK/hdr" | tr -d '\r')
	[ -n "$XC" ] || XC=-
}
# page USER PATH STATUS X-CACHE: one request with its expected status and X-Cache
page() {
	get "$1" "$2"
	[ "$STATUS" = "$3" ] || fail "GET $2 as $1: status $STATUS, expected $3: $OUT"
	[ "$XC" = "$4" ] || fail "GET $2 as $1: X-Cache $XC, expected $4"
}
gen() { db_sql "SELECT gen FROM registry_generation"; }
A=/api/households/3713990001

# rendered and kept; then a hit, the same bytes
page county $A 200 miss
first=$OUT
page county $A 200 hit
eq "a hit is the page byte for byte" "$OUT" "$first"
eq "masked" "$(printf '%s' "$OUT" | jq -r '"\(.data.phone) \(.data.members[0].id_no) \(.data.full)"')" \
	"139****0001 371399************ false"

# another language and another date are other pages
page county "$A?lang=en" 200 miss
page county "$A?lang=en" 200 hit
eq "English labels" "$(printf '%s' "$OUT" | jq -r .data.status.label)" "$(curl -s -b "$WORK/county.jar" \
	"http://127.0.0.1:$PORT$A?lang=en" | jq -r .data.status.label)"
[ "$(printf '%s' "$OUT" | jq -r .data.status.label)" != "$(printf '%s' "$first" | jq -r .data.status.label)" ] ||
	fail "the English page has the Chinese label"
page county "$A?as_of=2014-06-30" 200 miss
page county "$A?as_of=2014-06-30" 200 hit
eq "as of a date" "$(printf '%s' "$OUT" | jq -r .data.as_of)" 2014-06-30

# the town's page of its own village is its own (the key holds the asker's scope), and not a page outside
# its town
page town $A 200 miss
page town $A 200 hit
eq "the town's page of a household without moves is the county's" "$OUT" "$first"
page county /api/households/3713990005 200 miss
page county /api/households/3713990005 200 hit
page town /api/households/3713990005 404 miss
jqeq .error.code household_not_found

# a full view is never cached and each one is audited; its audit row is no registry write, so the masked
# page stays in the cache; nor do logins, a new API token or a user added move the registry's generation
audited() { audit_sql "SELECT COUNT(*) FROM audit WHERE action = 'view.full_id' AND object = '3713990001'"; }
g0=$(gen)
page county "$A?full=1" 200 -
page county "$A?full=1" 200 -
eq "unmasked" "$(printf '%s' "$OUT" | jq -r '"\(.data.phone) \(.data.full)"')" "13905390001 true"
eq "two full views audited" "$(audited)" 2
page county $A 200 hit
eq "after the full views" "$OUT" "$first"
login county
login town
"$TUOPIN" token add county --name t0235 --days 1 >/dev/null
add_user clerk2 village_operator 371399100201
eq "logins, a token and a user leave the generation" "$(gen)" "$g0"
page county $A 200 hit
page town $A 200 hit

# a change through the API: the next page shows it
api county PATCH $A '{"phone":"13800002222","reason":"换号"}'
[ "$STATUS" = 200 ] || fail "PATCH: $STATUS $OUT"
[ "$(gen)" != "$g0" ] || fail "the PATCH did not move the generation"
page county $A 200 miss
eq "the new phone at once" "$(printf '%s' "$OUT" | jq -r .data.phone)" "138****2222"
page county $A 200 hit
eq "and from the cache" "$(printf '%s' "$OUT" | jq -r .data.phone)" "138****2222"

# a change by another process, straight into the database: the next page shows it too
db_sql "UPDATE household SET phone = '13700003333' WHERE hh_no = '3713990001'" >/dev/null
page county $A 200 miss
eq "another process's change at once" "$(printf '%s' "$OUT" | jq -r .data.phone)" "137****3333"
page county $A 200 hit
page town $A 200 miss
page town $A 200 hit
eq "the town too" "$(printf '%s' "$OUT" | jq -r .data.phone)" "137****3333"

# the events route reads the same page (the correction above is in its history now)
last=$OUT
expect 200 county GET /api/households/3713990001/events
eq "history from the page" "$(printf '%s' "$OUT" | jq -c .data)" "$(printf '%s' "$last" | jq -c .data.history)"
eq "the correction in it" "$(printf '%s' "$OUT" | jq -r '.data | length')" 5

# Two scopes, two pages: a member of 3713990002 (东岭村) merges into 3713990006 (山前村, 西山镇). The county's
# page names the other household; the town (东岭镇) must not learn it from the county's cached page.
B=/api/households/3713990002
api county GET $B
mid=$(printf '%s' "$OUT" | jq '.data.members[-1].id')
api county POST $B/events "{\"type\":\"merge\",\"effective\":\"2018-07-01\",\"member_id\":$mid,\"target_hh_no\":\"3713990006\",\"relation\":\"其他\",\"reason\":\"投亲\"}"
[ "$STATUS" = 201 ] || fail "merge: $STATUS $OUT"
page county $B 200 miss
page county $B 200 hit
eq "the county sees the other household" "$(printf '%s' "$OUT" | jq -r '.data.history[-1].other_household')" 3713990006
page town $B 200 miss
eq "the town does not" "$(printf '%s' "$OUT" | jq -r '.data.history[-1] | "\(.type) \(.other_household)"')" "merge null"
page town $B 200 hit
eq "not from the county's page either" "$(printf '%s' "$OUT" | jq -r '.data.history[-1].other_household')" null
page county $B 200 hit
eq "nor the county from the town's" "$(printf '%s' "$OUT" | jq -r '.data.history[-1].other_household')" 3713990006

# Stats answers are kept the same way: the same question in the same scope under the same generation comes from
# memory, byte for byte; another question, another scope or a sheet does not; a registry write counts afresh
S="/api/stats?as_of=2018-10-08"
page county "$S" 200 miss
sfirst=$OUT
page county "$S" 200 hit
eq "stats from the cache, byte for byte" "$OUT" "$sfirst"
page county "$S&by=village" 200 miss
page county "$S&recorded_at=2018-05-01%2012:00:00" 200 miss
page town "$S" 200 miss
eq "the town's own figures" "$(jq -c .data.totals.registered <<<"$OUT")" '{"households":3,"persons":9}'
page town "$S" 200 hit
page county "$S&format=csv" 200 -
api county GET /api/households/3713990003
mid=$(printf '%s' "$OUT" | jq '.data.members[-1].id')
api county POST /api/households/3713990003/events "{\"type\":\"member_remove\",\"effective\":\"2018-09-01\",\"member_id\":$mid,\"reason\":\"死亡\"}"
[ "$STATUS" = 201 ] || fail "member_remove: $STATUS $OUT"
page county "$S" 200 miss
eq "one person fewer at once" "$(jq .data.totals.registered.persons <<<"$OUT")" \
	"$(($(jq .data.totals.registered.persons <<<"$sfirst") - 1))"
page county "$S" 200 hit

# The household list too: the same question in the same scope under the same generation, byte for byte; another
# page, sort, filter, date or scope is another answer; a search by a number is audited on a hit as well; a
# registry write lists afresh
L="/api/households?per_page=3&sort=status"
page county "$L" 200 miss
lfirst=$OUT
page county "$L" 200 hit
eq "the list from the cache, byte for byte" "$OUT" "$lfirst"
eq "its households" "$(jq -c '[.data.total, [.data.items[] | .hh_no]]' <<<"$OUT")" \
	"$(jq -c '[.data.total, [.data.items[] | .hh_no]]' <<<"$lfirst")"
page county "$L&page=2" 200 miss
page county "$L&as_of=2014-06-30" 200 miss
page county "$L&status=poor" 200 miss
page county "/api/households?per_page=3&sort=cause" 200 miss
page town "$L" 200 miss
eq "the town's own households" "$(jq '[.data.items[] | .village | startswith("371399100")] | all' <<<"$OUT")" true
page town "$L" 200 hit
searched() { audit_sql "SELECT COUNT(*) FROM audit WHERE action = 'search.id_no'"; }
n0=$(searched)
idq=$(db_sql "SELECT id_no FROM member m JOIN household h ON h.id = m.household_id WHERE h.hh_no = '3713990005' LIMIT 1")
page county "/api/households?q=$idq" 200 miss
page county "/api/households?q=$idq" 200 hit
eq "found by its 证件号码" "$(jq -r '.data.items[0].hh_no' <<<"$OUT")" 3713990005
eq "both searches audited" "$(searched)" "$((n0 + 2))"
db_sql "UPDATE household SET phone = '13600004444' WHERE hh_no = '3713990005'" >/dev/null
page county "/api/households?q=$idq" 200 miss
eq "another process's change at once" "$(jq -r '.data.items[0].phone' <<<"$OUT")" "136****4444"
page county "$L" 200 miss

# --page-cache 0: no cache, no header
stop_server
start_server --threads 1 --page-cache 0
login county
page county $A 200 -
page county $A 200 -
page county $A 200 -
eq "without the cache" "$(printf '%s' "$OUT" | jq -r .data.phone)" "137****3333"
page county "$L" 200 -
page county "$L" 200 -
"$TUOPIN" serve --page-cache -1 >/dev/null 2>"$WORK/err" && fail "--page-cache -1 accepted"
grep -q -- "--page-cache" "$WORK/err" || fail "no message for --page-cache -1: $(cat "$WORK/err")"
finish
