#!/usr/bin/env bash
# Plain faults in plain words (issue 21 point 7): a database file that may only be read can still be read
# (reports, exports) and a write says 数据库为只读; a full disk says 磁盘已满, for the database and for an
# export; a command that only reads does not create a database file that is missing; the server on a full disk
# answers reads and says 507 disk_full of a write or a full view. (SQLite; on PostgreSQL a read-only session says
# the same.)
source "$TESTLIB"
sample_db
want_stats=$("$TUOPIN" stats --as-of 2014-12-31 --format json)

if [ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ]; then
	PGOPTIONS='-c default_transaction_read_only=on' expect_rc 5 line set 2019 CN national 3800
	eq "read-only session" "$ERR" "tuopin: 数据库为只读，无法写入（cannot execute INSERT in a read-only transaction）"
	PGOPTIONS='-c default_transaction_read_only=on' ok stats --as-of 2014-12-31 --format json
	eq "reads on a read-only session" "$OUT" "$want_stats"
	finish
	exit 0
fi
db=${TUOPIN_DB#sqlite:}

# A read-only file. As root the permission bits bind nobody, so the commands run as the user nobody.
as_reader() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u nobody -- "$TUOPIN" "$@"
	else
		"$TUOPIN" "$@"
	fi
}
tr_() { set +e; as_reader "$@" >"$WORK/out" 2>"$WORK/err"; RC=$?; set -e; OUT=$(cat "$WORK/out"); ERR=$(cat "$WORK/err"); }
for dirmode in 755 555; do   # the folder writable (SQLite may add its -shm beside the file) or not
	ro=$WORK/ro-$dirmode
	mkdir -p "$ro" "$WORK/exports"
	chmod 755 "$WORK"
	chmod 777 "$WORK/exports"
	cp "$db" "$ro/t.db"
	chmod 444 "$ro/t.db"
	chmod "$dirmode" "$ro"
	tr_ --db "sqlite:$ro/t.db" stats --as-of 2014-12-31 --format json
	eq "reads a read-only file (folder $dirmode)" "$RC $OUT" "0 $want_stats"
	tr_ --db "sqlite:$ro/t.db" export registry "$WORK/exports/r-$dirmode.csv"
	eq "exports a read-only file (folder $dirmode)" "$RC $OUT" "0 已写出 $WORK/exports/r-$dirmode.csv：3 户 8 人（证件号码、电话、账号、健康状况已脱敏）"
	eq "and says it is not in the audit log" "$ERR" "tuopin: 数据库为只读：本次导出未能记入审计日志"
	# the person list too (it said nothing, and was not in the log either)
	tr_ --db "sqlite:$ro/t.db" report roster --out "$WORK/exports/p-$dirmode.csv" --format csv --as-of 2014-12-31
	eq "the person list from a read-only file (folder $dirmode)" "$RC $ERR" "0 tuopin: 数据库为只读：本次导出未能记入审计日志"
	tr_ --db "sqlite:$ro/t.db" export registry "$WORK/exports/f-$dirmode.csv" --full-id
	eq "no export with full ID numbers that cannot be audited" "$RC $ERR" "5 tuopin: 数据库为只读，无法写入（含完整证件号码的导出须记入审计日志）"
	[ ! -e "$WORK/exports/f-$dirmode.csv" ] || fail "a full export was written"
	tr_ --db "sqlite:$ro/t.db" line set 2019 CN national 3800
	eq "writes to a read-only file (folder $dirmode)" "$RC $ERR" "5 tuopin: 数据库为只读，无法写入（$ro/t.db）"
	tr_ --db "sqlite:$ro/t.db" import events "$SAMPLES/events.csv" --now "2018-05-02 10:00:00"
	eq "imports into a read-only file (folder $dirmode)" "$RC $ERR" "5 tuopin: 数据库为只读，无法写入（$ro/t.db）"
	chmod 755 "$ro"
done

# A missing database file: a command that reads says so (exit 5) and creates nothing; the server does not start.
expect_rc 5 --db "sqlite:$WORK/none.db" stats
eq "missing file" "$ERR" "tuopin: 数据库文件 $WORK/none.db 不存在（请先运行 tuopin init 创建）"
expect_rc 5 --db "sqlite:$WORK/none.db" serve --listen 127.0.0.1:29999
eq "serve on a missing file" "$ERR" "tuopin: 数据库文件 $WORK/none.db 不存在（请先运行 tuopin init 创建）"
eq "nothing created" "$(ls "$WORK" | grep -c '^none' || true)" 0
ok --db "sqlite:$WORK/none.db" init
eq "init creates it" "$(ls "$WORK" | grep -c '^none\.db$')" 1

# A full disk: the database on a small tmpfs, filled up (in a private mount namespace; skipped where mounting
# is not allowed).
cat > "$WORK/full.sh" <<'INNER'
set -u
mnt=$WORK/full
mkdir -p "$mnt"
mount -t tmpfs -o size=4m tmpfs "$mnt" || exit 77
cp "$1" "$mnt/t.db"
cp "$1.audit-key" "$mnt/t.db.audit-key"   # its key with it (a write never makes another for a signed log)
avail=$(df --output=avail -B1 "$mnt" | tail -1)
head -c $((avail - 512 * 1024)) /dev/zero > "$mnt/filler"   # half a MiB left: the database opens, the import fills it
"$TUOPIN" --db "sqlite:$mnt/t.db" import registry "$2" --as-of 2014-04-30 >"$WORK/full.out" 2>"$WORK/full.err"
echo "import $?" > "$WORK/full.rc"
"$TUOPIN" --db "sqlite:$mnt/t.db" stats --as-of 2014-12-31 --format json >"$WORK/full.stats" 2>&1
head -c 100000000 /dev/zero >> "$mnt/filler" 2>/dev/null   # nothing left at all
"$TUOPIN" --db "sqlite:$WORK/db-copy.db" export registry "$mnt/export.csv" >"$WORK/full-export.out" 2>"$WORK/full-export.err"
echo "export $?" >> "$WORK/full.rc"
umount "$mnt"
INNER
cp "$db" "$WORK/db-copy.db"
awk -v n=20000 -f "$TESTDATA/../tools/gen-registry.awk" > "$WORK/big.csv"
set +e
WORK=$WORK unshare -m bash "$WORK/full.sh" "$db" "$WORK/big.csv"
urc=$?
set -e
if [ "$urc" = 77 ] || [ ! -f "$WORK/full.rc" ]; then
	echo "skipped the full disk: cannot mount a tmpfs here"
else
	eq "full disk: exit codes" "$(cat "$WORK/full.rc" | tr '\n' ' ')" "import 5 export 1 "
	eq "full disk: the database" "$(cat "$WORK/full.err")" "tuopin: 磁盘已满，无法写入（$WORK/full/t.db）"
	eq "full disk: nothing written" "$(cat "$WORK/full.stats")" "$want_stats"
	eq "full disk: an export" "$(cat "$WORK/full-export.err")" "tuopin: 磁盘已满，无法写入（$WORK/full/export.csv）"
fi

# The server on a full disk: reads go on (a session's touch that cannot be written stopped every one with
# 磁盘已满), a write and a full view (whose audit row cannot be written) say why they cannot be done.
cat > "$WORK/fulls.sh" <<'INNER'
set -u
mnt=$WORK/fulls
mkdir -p "$mnt"
mount -t tmpfs -o size=16m tmpfs "$mnt" || exit 77
cp "$1" "$mnt/t.db"
cp "$1.audit-key" "$mnt/t.db.audit-key"
echo 'Full-disk-clerk-2026' | "$TUOPIN" --db "sqlite:$mnt/t.db" user add office --role county_admin \
	--division 371399000000 --password - --keep >/dev/null
port=$((10000 + RANDOM % 20000))
"$TUOPIN" --db "sqlite:$mnt/t.db" serve --listen "127.0.0.1:$port" --session-idle 10 >"$WORK/fulls.log" 2>&1 &
pid=$!
for i in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.1; done
u=http://127.0.0.1:$port/api
csrf=$(curl -s -c "$WORK/fulls.jar" -H 'Content-Type: application/json' \
	-d '{"name":"office","password":"Full-disk-clerk-2026"}' "$u/login" | jq -r .data.csrf)
head -c 100000000 /dev/zero > "$mnt/filler" 2>/dev/null
sleep 5.5   # past the touch interval (half the idle limit), well inside the limit itself
{
	curl -s -o "$WORK/fulls.stats" -w 'stats %{http_code}\n' -b "$WORK/fulls.jar" "$u/stats?as_of=2014-12-31"
	curl -s -o "$WORK/fulls.full" -w 'full %{http_code}\n' -b "$WORK/fulls.jar" "$u/households/3713991002010001?full=1"
	curl -s -o "$WORK/fulls.write" -w 'write %{http_code}\n' -b "$WORK/fulls.jar" -X PATCH -H "X-CSRF-Token: $csrf" \
		-H 'Content-Type: application/json' -d '{"phone":"13905390001"}' "$u/households/3713991002010001"
} > "$WORK/fulls.rc"
kill "$pid"
wait "$pid" 2>/dev/null
umount "$mnt"
INNER
set +e
WORK=$WORK unshare -m bash "$WORK/fulls.sh" "$db"
urc=$?
set -e
if [ "$urc" = 77 ] || [ ! -s "$WORK/fulls.rc" ]; then
	echo "skipped the server on a full disk: cannot mount a tmpfs here"
else
	eq "full disk, the server: statuses" "$(tr '\n' ' ' <"$WORK/fulls.rc")" "stats 200 full 507 write 507 "
	eq "a read" "$(jq -c .data.totals.registered "$WORK/fulls.stats")" "$(jq -c .totals.registered <<<"$want_stats")"
	eq "a full view" "$(jq -r .error.code "$WORK/fulls.full")" disk_full
	eq "a write" "$(jq -r .error.code "$WORK/fulls.write")" disk_full
fi
finish
