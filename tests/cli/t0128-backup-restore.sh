#!/usr/bin/env bash
# Backup and restore (issue 21 point 8). `tuopin backup FILE` copies a live SQLite database while others write
# to it (small writes in a loop and a 60,000-person import), checks the copy (integrity, schema, audit chain)
# before giving it its name, and tells a script what it did (--format json, exit codes); `tuopin restore FILE`
# checks a backup and copies it into an empty place only. The copy is one consistent moment: the import is in
# it whole or not at all, and what it says as recorded at its last instant is what the live database says of
# that instant. Taken when the writers have stopped, the restored database answers every report exactly as the
# original. On PostgreSQL both commands explain pg_dump and PITR instead.
source "$TESTLIB"
county_db() {
	new_db >/dev/null
	local D=$TESTDATA/county
	"$TUOPIN" import divisions "$D/divisions.csv" >/dev/null
	"$TUOPIN" import registry "$D/registry.csv" --as-of 2014-01-01 --now "2014-01-05 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2014.csv" --now "2015-01-10 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2015.csv" --now "2016-01-08 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2016.csv" --now "2017-01-09 10:00:00" >/dev/null
	"$TUOPIN" import events "$D/events-2018.csv" --now "2018-04-20 10:00:00" >/dev/null
}
county_db
if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
	expect_rc 2 backup "$WORK/b.db"
	eq "backup on PostgreSQL" "$ERR" "tuopin: PostgreSQL 数据库请用它自己的工具备份：pg_dump -Fc -d 数据库地址 -f 文件（逻辑备份，pg_restore 恢复），或基础备份加连续归档（时间点恢复 PITR）；见 docs/DEPLOY.md"
	expect_rc 2 backup "$WORK/b.db" --format json
	jqeq '"\(.ok) \(.error.code)"' "false backup_postgresql"
	expect_rc 2 restore "$WORK/b.db"
	contains "$ERR" "恢复到 PostgreSQL 请用 pg_restore"
	finish
	exit 0
fi
src=$TUOPIN_DB

# every report of a database, as one text: stats by village at year ends (now and as recorded at T when given),
# changes per year, the checks, the audit log, and the whole registry exported with every number in full
reports() {
	local db=$1 at=${2:-} y
	for y in 2014 2015 2016 2017 2018 2019 2099; do
		"$TUOPIN" --db "$db" stats --as-of "$y-12-31" --by village --format json ${at:+--recorded-at "$at"}
		"$TUOPIN" --db "$db" changes --from "$y-01-01" --to "$y-12-31" --format json ${at:+--recorded-at "$at"}
	done
	if [ -z "$at" ]; then
		# (at a fixed instant: its audit row would otherwise carry the time each copy was checked)
		"$TUOPIN" --db "$db" check --format json --now "2026-01-01 08:00:00" || true   # it exits 1 when it finds something
		"$TUOPIN" --db "$db" audit list --limit 100000 --format json
		"$TUOPIN" --db "$db" export registry "$WORK/export-$RANDOM.csv" --full-id --all --as-of 2099-12-31 >/dev/null
		cat "$WORK"/export-*.csv
		rm -f "$WORK"/export-*.csv
	fi
}

# The writers: a line set every few milliseconds, and a 60,000-person import.
awk -v n=60000 -f "$TESTDATA/../tools/gen-registry.awk" > "$WORK/big.csv"
before=$(db_sql 'SELECT COUNT(*) FROM household')
(
	y=0
	while [ ! -e "$WORK/stop" ]; do
		"$TUOPIN" line set $((2030 + y % 60)) CN national $((3000 + y)) >/dev/null 2>&1 || true
		y=$((y + 1))
	done
) &
loop=$!
"$TUOPIN" import registry "$WORK/big.csv" --as-of 2014-04-30 >/dev/null 2>&1 &
imp=$!
# the backup while the import writes (it says so in the session database while it holds the write lock)
for _ in $(seq 1 1200); do
	[ "$(sqlite3 "${src#sqlite:}-sessions" 'SELECT COUNT(*) FROM activity' 2>/dev/null)" = 1 ] && break
	sleep 0.02
done
sleep 0.2
ok backup "$WORK/b.db" --format json
jqeq '"\(.ok) \(.backend) \(.integrity) \(.audit_intact) \(.schema)"' "true sqlite ok true $(db_sql 'SELECT MAX(version) FROM schema_migrations')"
b_households=$(printf '%s' "$OUT" | jq .households)
wait "$imp"
touch "$WORK/stop"
wait "$loop"
after=$(db_sql 'SELECT COUNT(*) FROM household')
case "$b_households" in
"$before" | "$after") ;;
*) fail "the backup holds $b_households households: neither before ($before) nor after ($after) the import" ;;
esac
echo "backup under load: $b_households households (before the import $before, after $after)"

# A backup overwrites nothing; a restore writes into an empty place only.
expect_rc 1 backup "$WORK/b.db"
eq "backup onto a file" "$ERR" "tuopin: 文件 $WORK/b.db 已存在（备份不覆盖已有的文件）"
expect_rc 1 --db "$src" restore "$WORK/b.db"
eq "restore onto a database" "$ERR" "tuopin: ${src#sqlite:} 已存在（恢复只写入空位置：目标文件及其 -wal、-shm、-sessions、-journal、.audit-anchors、.audit-key 文件都不能已存在）"
# a file left beside an absent database is the one named (it said the database existed)
touch "$WORK/left.db.audit-anchors"
expect_rc 1 --db "sqlite:$WORK/left.db" restore "$WORK/b.db"
contains "$ERR" "tuopin: $WORK/left.db.audit-anchors 已存在"
rm "$WORK/left.db.audit-anchors"
touch "$WORK/left.db.audit-key"
expect_rc 1 --db "sqlite:$WORK/left.db" restore "$WORK/b.db"
contains "$ERR" "tuopin: $WORK/left.db.audit-key 已存在"
ok --db "sqlite:$WORK/r.db" restore "$WORK/b.db"
contains "$OUT" "已将 $WORK/b.db 恢复到 $WORK/r.db："
ok --db "sqlite:$WORK/r.db" audit verify
contains "$OUT" "审计日志完整"
# one moment: what the copy says as recorded at its last instant is what the live database says of it
T=$(sqlite3 "$WORK/r.db" "SELECT MAX(recorded_at) FROM change_event")
T=$(printf '%s' "$T" | sed -E 's/^(....)(..)(..)(..)(..)(..)$/\1-\2-\3 \4:\5:\6/')
eq "the copy is one moment" "$(TZ=UTC TUOPIN_TZ=UTC reports "sqlite:$WORK/r.db" "$T" | md5sum)" \
	"$(TZ=UTC TUOPIN_TZ=UTC reports "$src" "$T" | md5sum)"
eq "the copy's own checks" "$("$TUOPIN" --db "sqlite:$WORK/r.db" check --format json | jq -c '[.findings[]? | select(.rule == "AGGREGATE" or .rule == "BALANCE")]')" "[]"

# With the writers stopped: the restored database answers every report exactly as the original.
ok backup "$WORK/b2.db"
contains "$OUT" "备份已写入 $WORK/b2.db：户表 $after 行、成员表"
ok --db "sqlite:$WORK/r2.db" restore "$WORK/b2.db" --format json
jqeq '"\(.households) \(.integrity) \(.audit_intact)"' "$after ok true"
reports "$src" > "$WORK/reports-src"
reports "sqlite:$WORK/r2.db" > "$WORK/reports-r2"
eq "every report the same" "$(md5sum < "$WORK/reports-r2")" "$(md5sum < "$WORK/reports-src")"
[ "$(wc -c < "$WORK/reports-src")" -gt 1000000 ] || fail "the reports compared are too few: $(wc -c < "$WORK/reports-src") bytes"

# A damaged backup is refused (nothing written); so is a copy that fails its check.
cp "$WORK/b2.db" "$WORK/bad.db"
sqlite3 "$WORK/bad.db" "UPDATE audit SET actor = 'x' WHERE id = 3"
expect_rc 5 --db "sqlite:$WORK/r3.db" restore "$WORK/bad.db"
eq "damaged backup" "$ERR" "tuopin: $WORK/bad.db 未通过检查：审计日志第 3 行内容与其哈希值不符"
[ ! -e "$WORK/r3.db" ] || fail "a restore from a damaged backup wrote $WORK/r3.db"
finish
