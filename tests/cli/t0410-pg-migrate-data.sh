#!/usr/bin/env bash
# migrate-data round trip SQLite -> PostgreSQL -> SQLite with the county history: every report is the same
# JSON on all three databases, ids are kept (so new events after the move get the same ids on both backends),
# the round-tripped SQLite file holds exactly the source's rows, and a non-empty target is refused.
# (PostgreSQL only: run as pg/t0410-pg-migrate-data.)
source "$TESTLIB"
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] || { echo "skipped: PostgreSQL only"; exit 77; }
D=$TESTDATA/county
src="sqlite:$WORK/src.db"
back="sqlite:$WORK/back.db"
ok --db "$src" init
export TUOPIN_DB=$src
county_history missed
# accounts and the audit log (every import above is in it) move too
echo "migrate-Passw0rd-2018" | "$TUOPIN" user add county --role county_admin --division 371399000000 --keep >/dev/null
echo "migrate-Passw0rd-2018" | "$TUOPIN" user add clerk --role village_operator --division 371399100201 --keep >/dev/null
new_db >/dev/null
pg=$TUOPIN_DB

# every report that reads the history, in JSON, on database $1
reports() {
	local db=$1 d
	for d in 2014-01-01 2015-06-30 2016-12-31 2018-10-08 2020-12-31; do
		"$TUOPIN" --db "$db" stats --as-of $d --by village --format json
		"$TUOPIN" --db "$db" stats --as-of $d --recorded-at 2017-12-31 --format json
	done
	"$TUOPIN" --db "$db" changes --from 2014-01-01 --to 2014-12-31 --format json
	"$TUOPIN" --db "$db" changes --from 2014-01-01 --to 2020-12-31 --recorded-at 2017-12-31 --format json
	"$TUOPIN" --db "$db" changes --from 2018-04-01 --to 2020-12-31 --recorded --format json
	"$TUOPIN" --db "$db" changes --batch 2018年托底清零 --format json
	for h in 3713990001 3713990003 3713990005 3713990009; do
		"$TUOPIN" --db "$db" show "$h" --format json
	done
	"$TUOPIN" --db "$db" check --as-of 2018-10-08 --format json || true   # exits 1: the county has findings
}
# every row of every table but schema_migrations (its times are when init ran), in key order
dump() {
	local db=${1#sqlite:} t
	for t in $(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT IN ('schema_migrations', 'registry_generation', 'registry_generation_due') ORDER BY name"); do
		echo "== $t"
		sqlite3 "$db" "SELECT * FROM $t" | LC_ALL=C sort
	done
}
want=$(reports "$src")
contains "$want" '"households": 7'

ok migrate-data --from "$src" --to "$pg"
# what was copied: the registry's tables with their exact counts, and every table of the source but
# schema_migrations (other tables come and go with other features; each must be copied)
copied=$(printf '%s\n' "$OUT" | sed -n '3,$p' | grep -v '^核对' | tr -s ' ' | sed 's/^ //')
for want_row in "division 9" "household 9" "member 27" "household_status_span 36" "membership_span 28" \
	"change_event 26" "event_supersession 2" "stat_delta 32" "stat_recorded 39" "income_year 9" "poverty_line 7" "app_user 2" \
	"audit 9" "audit_head 1"; do
	grep -qxF "$want_row" <<<"$copied" || fail "copied: no line [$want_row] in: $copied"
done
tables=$(sqlite3 "${src#sqlite:}" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
	AND name NOT IN ('schema_migrations', 'registry_generation', 'registry_generation_due') ORDER BY name")
eq "every table copied" "$(printf '%s\n' "$copied" | cut -d' ' -f1 | LC_ALL=C sort)" "$(printf '%s\n' "$tables" | LC_ALL=C sort)"
ntables=$(printf '%s\n' "$tables" | wc -l)
contains "$OUT" "核对通过：$ntables 张表的行数一致"
eq "reports on PostgreSQL" "$(reports "$pg")" "$want"
ok --db "$pg" audit verify
eq "users on PostgreSQL" "$("$TUOPIN" --db "$pg" user list)" "$("$TUOPIN" --db "$src" user list)"

# New events after the move: PostgreSQL's sequences continue past the copied ids, as SQLite's MAX(id) does.
printf '\xef\xbb\xbf户编号,变动类型,生效日期,批次,原因,是否更正\n3713990003,脱贫,2019-12-31,2019年脱贫,,否\n3713990009,脱贫,2019-12-31,2019年脱贫,,否\n3713990001,停止享受政策,2020-06-30,,,否\n' \
	> "$WORK/events-2019.csv"
ok --db "$src" import events "$WORK/events-2019.csv" --now "2020-07-01 10:00:00"
ok --db "$pg" import events "$WORK/events-2019.csv" --now "2020-07-01 10:00:00"
want=$(reports "$src")
eq "reports after new events" "$(reports "$pg")" "$want"

ok migrate-data --from "$pg" --to "$back" --lang en
contains "$OUT" "copied $pg (postgresql) to $back (sqlite):"
contains "$OUT" "change_event                       29"
contains "$OUT" "checked: the row counts of all $ntables tables are equal"
eq "reports back on SQLite" "$(reports "$back")" "$want"
eq "rows back on SQLite" "$(dump "$back")" "$(dump "$src")"

ok --db "$back" audit verify

# Refused: a target with rows (nothing is written), a source with a table the copy does not know, and the
# same database twice.
before=$(reports "$pg")
expect_rc 1 migrate-data --from "$src" --to "$pg"
case "$ERR" in
"tuopin: 目标数据库不是空的（"*" 表已有 "*" 行），请迁移到新初始化的数据库") ;;
*) fail "refusal: [$ERR]" ;;
esac
eq "target unchanged" "$(reports "$pg")" "$before"
sqlite3 "${src#sqlite:}" "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"
expect_rc 1 migrate-data --from "$src" --to "sqlite:$WORK/fresh.db"
eq "unknown table" "$ERR" "tuopin: 源数据库有迁移程序不认识的表（notes），未复制任何数据"
eq "nothing copied" "$(sqlite3 "$WORK/fresh.db" 'SELECT COUNT(*) FROM household')" 0
expect_rc 2 migrate-data --from "$src" --to "$src"
expect_rc 2 migrate-data --from "$src"
# A target made by `tuopin init` in a folder of its own, with no TUOPIN_AUDIT_KEY: its key was made there and
# is not the source's. Refused, saying what to do; done once the (unused) key file is removed.
mkdir "$WORK/elsewhere"
new_db >/dev/null
target=$TUOPIN_DB
(
	cd "$WORK/elsewhere"
	unset TUOPIN_AUDIT_KEY TUOPIN_AUDIT_ANCHORS
	ok --db "sqlite:$WORK/k.db" init
	ok --db "$target" init
	eq "the target's key" "$(ls)" "tuopin-audit.key"
	expect_rc 1 migrate-data --from "sqlite:$WORK/k.db" --to "$target"
	eq "another key" "$ERR" "tuopin: 目标数据库的审计密钥 tuopin-audit.key 与源数据库的不同。只能复制到空的数据库：目标库若是空的（例如刚用 tuopin init 建好，密钥是那时生成的），删除这个文件后重试；若另有数据库在用这个文件，改用环境变量 TUOPIN_AUDIT_KEY 另指定一个位置"
	rm tuopin-audit.key
	ok migrate-data --from "sqlite:$WORK/k.db" --to "$target"
	eq "the source's key copied" "$(cat tuopin-audit.key)" "$(cat "$WORK/k.db.audit-key")"
	exit "$FAILS"
) || FAILS=$((FAILS + $?))
# TUOPIN_AUDIT_KEY set for the target, as DEPLOY.md §1 says for PostgreSQL, and the SQLite source's key beside
# its file: the source's key is copied there, and the copy verifies. The variable made the source's key path
# the target's, so nothing was copied, success was reported and the log could never be verified (a review).
mkdir "$WORK/envkey"
new_db >/dev/null
target2=$TUOPIN_DB
(
	cd "$WORK/envkey"
	unset TUOPIN_AUDIT_KEY TUOPIN_AUDIT_ANCHORS
	t --db "sqlite:$WORK/k.db" user add kk --role sys_admin --keep <<<"Long-enough-pass-2026"
	eq "a keyed row in the source" "$RC" 0
	export TUOPIN_AUDIT_KEY="$WORK/envkey/pg.key"
	ok migrate-data --from "sqlite:$WORK/k.db" --to "$target2"
	eq "the source's key copied to TUOPIN_AUDIT_KEY" "$(cat pg.key)" "$(cat "$WORK/k.db.audit-key")"
	ok --db "$target2" audit verify
	exit "$FAILS"
) || FAILS=$((FAILS + $?))
# An unreachable source is a database error.
expect_rc 5 migrate-data --from "postgresql:///nosuchdb_tuopin" --to "sqlite:$WORK/never.db" --lang en
contains "$ERR" "tuopin: cannot open database postgresql:///nosuchdb_tuopin: "
contains "$ERR" 'database "nosuchdb_tuopin" does not exist'
finish
