#!/usr/bin/env bash
# The registry's generation (schema 0017, issue 20 point 5), what the household page cache keys on: every kind
# of registry write moves it — imports (divisions, registry, events, --update), an event and a correction
# through the API, an income, a 新识别 proposal whose 公告 creates a household, a change straight into the
# database — and nothing else does: logins, tokens, users, audited full views, proposals that have not yet
# changed the registry, checks, dry runs and refused imports. A restored backup comes back with the
# generation it was taken at (generations are random values, so that one value always means one state). And
# no table escapes: every table of the schema is either one the triggers keep or one named here as outside
# the registry, so a table added later fails this test until it is put on one side.
source "$(dirname "$0")/lib.sh"
new_db >/dev/null
pg=false
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] && pg=true
gen() { db_sql "SELECT gen FROM registry_generation"; }
last=$(gen)
moved() {   # moved WHAT: the generation is not the one seen last
	local g
	g=$(gen)
	[ "$g" != "$last" ] || fail "$1 did not move the registry's generation"
	last=$g
}
still() {   # still WHAT: the generation is the one seen last
	[ "$(gen)" = "$last" ] || fail "$1 moved the registry's generation"
	last=$(gen)
}

# every table is on one side
registry="change_event division event_supersession household household_status_span income_revision income_year member membership_span"
outside="aid api_token app_user assessment asset audit audit_head beneficiary cadre campaign campaign_close case_household case_person
	check_run complaint external_entry external_list finding finding_event job_fair loan measure member_name_gram meta
	monitor_case pairing payment poverty_line programme project proposal proposal_step public_post registry_generation
	registry_generation_due
	schema_migrations session stat_delta stat_recorded stat_rollup stat_rollup_month supervision_case visit warning_dismissal work_team workflow"
if $pg; then
	tables=$(db_sql "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
		AND table_type = 'BASE TABLE' ORDER BY 1")
	kept=$(db_sql "SELECT DISTINCT event_object_table FROM information_schema.triggers
		WHERE trigger_name LIKE 'registry_generation_%' ORDER BY 1")
else
	tables=$(db_sql "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1")
	kept=$(db_sql "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'
		AND name LIKE 'registry_generation_%' ORDER BY 1")
fi
eq "the tables the generation's triggers keep" "$(echo $kept)" "$registry"
eq "every table on one side" "$(echo $tables)" "$(printf '%s\n' $registry $outside | LC_ALL=C sort | xargs echo)"

D=$TESTDATA/county
"$TUOPIN" import divisions "$D/divisions.csv" >/dev/null; moved "import divisions"
"$TUOPIN" import registry "$D/registry.csv" --as-of 2014-01-01 --dry-run --now "2014-01-05 10:00:00" >/dev/null
still "a dry run"
"$TUOPIN" import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >/dev/null; moved "import registry"
"$TUOPIN" import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >/dev/null 2>&1 &&
	fail "the same registry imported twice"
still "a refused import"
for y in 2014 2015 2016 2018; do
	"$TUOPIN" import events "$D/events-$y.csv" --now "$((y + 1))-01-10 10:00:00" >/dev/null; moved "import events $y"
done
"$TUOPIN" export registry "$WORK/all.csv" >/dev/null
python3 - "$WORK/all.csv" "$WORK/up.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
hd = rows[0]
out = [hd] + [r for r in rows[1:] if r[hd.index('户编号')] == rows[1][hd.index('户编号')]]
for r in out[1:]: r[hd.index('主要致贫原因')] = '因学' if r[hd.index('主要致贫原因')] != '因学' else '因病'
csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(out)
PY
"$TUOPIN" import registry "$WORK/up.csv" --update --now "2019-06-02 10:00:00" >/dev/null; moved "import registry --update"
"$TUOPIN" income set 3713990003 2018 --wage 12000 --reason 入户调查 --now "2019-06-03 10:00:00" >/dev/null
moved "income set"

# a 新识别 proposal: nothing in the registry moves until its 公告 creates the household
printf '%s' '{"village_code":"371399100201","attribute":"一般贫困户","cause_main":"缺资金","phone":"13905397101",
 "members":[{"name":"丙一","id_no":"371399198001010075","relation":"户主","sex":"男","health":"健康"}]}' >"$WORK/hh.json"
"$TUOPIN" proposal new identify P101 --new-household "$WORK/hh.json" --reason 因病致贫 --channel apply \
	--date 2019-09-01 --now "2019-09-01 09:00:00" --format json >"$WORK/p.json" || fail "proposal new: $(cat "$WORK/p.json")"
X=$(jq .id "$WORK/p.json")
still "a proposal opened"
d=2
while [ "$(db_sql "SELECT state FROM proposal WHERE id = $X")" = open ]; do
	day=$(printf '2019-09-%02d' $d)
	step=$(db_sql "SELECT step_no FROM proposal WHERE id = $X")
	"$TUOPIN" proposal act "$X" approve --date "$day" --votes 9/0/1 --now "$day 10:00:00" >"$WORK/act" 2>&1 ||
		"$TUOPIN" proposal act "$X" approve --date "$day" --now "$day 10:00:00" >"$WORK/act" 2>&1 || true
	d=$((d + 4))
	[ "$d" -le 30 ] || fail "the proposal did not get through: $(cat "$WORK/act")"
	[ "$(db_sql "SELECT state FROM proposal WHERE id = $X")" = open ] && still "proposal step $step approved"
done
eq "approved" "$(db_sql "SELECT state FROM proposal WHERE id = $X")" approved
moved "the 公告 that created household P101"
"$TUOPIN" show P101 >/dev/null || fail "P101 not created"

add_user county county_admin 371399000000; still "a user added"
"$TUOPIN" token add county --name t0237 --days 1 >/dev/null; still "a token"
start_server --threads 1
login county; still "a login"
A=/api/households/3713990001
expect 200 county GET "$A?full=1"; still "an audited full view"
expect 200 county GET "$A"
[ "$(curl -s -o /dev/null -D - -b "$WORK/county.jar" "http://127.0.0.1:$PORT$A" | tr -d '\r' |
	awk -F': ' 'tolower($1) == "x-cache" { print $2 }')" = hit ] || fail "the page is not served from the cache"
expect 200 county PATCH $A '{"phone":"13800002222","reason":"换号"}'; moved "a correction (PATCH)"
expect 200 county GET /api/households/3713990002
mid=$(printf '%s' "$OUT" | jq '.data.members[-1].id')
expect 201 county POST /api/households/3713990002/events "{\"type\":\"merge\",\"effective\":\"2019-07-01\",\"member_id\":$mid,\"target_hh_no\":\"3713990006\",\"relation\":\"其他\",\"reason\":\"投亲\"}"
moved "an event (POST)"
"$TUOPIN" check --now "2019-06-04 10:00:00" >/dev/null 2>&1 || true; still "a check"

# straight into the database, by another process
db_sql "UPDATE household SET phone = '13700003333' WHERE hh_no = '3713990001'" >/dev/null; moved "an UPDATE by hand"
db_sql "DELETE FROM income_revision WHERE household_id = (SELECT id FROM household WHERE hh_no = '3713990003')" >/dev/null
moved "a DELETE by hand"

# a restored backup has the generation it was taken at; the live database has moved on since
if ! $pg; then
	"$TUOPIN" backup "$WORK/b.db" >/dev/null
	at_backup=$(gen)
	"$TUOPIN" income set 3713990003 2018 --wage 13000 --reason 复核 >/dev/null
	moved "income set after the backup"
	"$TUOPIN" restore "$WORK/b.db" --db "sqlite:$WORK/r.db" >/dev/null
	eq "restored at the backup's generation" "$(sqlite3 "$WORK/r.db" "SELECT gen FROM registry_generation")" "$at_backup"
	[ "$at_backup" != "$last" ] || fail "the live database still has the backup's generation"
fi
finish
