#!/usr/bin/env bash
# PostgreSQL restarts under a running `tuopin serve` (issue 21 point 3). Every worker's connection is dead
# afterwards; each is found dead at its next request, reopened, the event logged, and the request run again
# if it had not begun to write: the 60 requests after a restart all succeed (there were 53 failures of 60,
# for minutes, before). A write whose transaction died with the connection (an import being written) is
# answered 503 with Retry-After and 与数据库的连接已中断，请重试, and nothing of it is in the database;
# sent again, it is written. Then the crash test through the API: kill -9 of the server while it writes an
# import leaves nothing of it either. (PostgreSQL only; the test runs its own throwaway cluster.)
source "$(dirname "$0")/lib.sh"
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] || { echo "skipped: PostgreSQL only"; exit 77; }
source "$SOURCE_DIR/scripts/pg-tmp.sh"
unset PGTMP   # the cluster of scripts/test.sh is not ours to restart
# immediate restarts are crashes: what was committed must be there after them (the audit anchors vouch for it)
export PG_TMP_DURABLE=1
trap 'stop_server; cleanup; pg_tmp_stop' EXIT
pg_tmp_start
county_db
add_user county county_admin 371399000000
start_server --threads 4
login county

# requests N: N requests on several connections at once (so that every worker thread gets some); prints the
# statuses that were not 200, one per line
requests() {
	local n=$1 i
	for i in $(seq 1 "$n"); do
		case $((i % 3)) in
		0) path=/api/me ;;
		1) path=/api/households/3713990001 ;;
		2) path="/api/stats?as_of=2018-10-08" ;;
		esac
		curl -s -o "$WORK/b$i" -w "%{http_code}\n" -b "$WORK/county.jar" "http://127.0.0.1:$PORT$path" &
		if [ $((i % 6)) = 0 ]; then
			wait_curls
		fi
	done
	wait_curls
}
wait_curls() {
	local p
	for p in $(jobs -p); do
		if [ "$p" != "$SERVER_PID" ]; then
			wait "$p" || true
		fi
	done
}
requests 60 > "$WORK/before"
eq "before the restart" "$(grep -vc '^200$' "$WORK/before" || true)" 0

for mode in fast immediate; do
	pg_tmp_restart "$mode"
	start=$(date +%s%N)
	requests 60 > "$WORK/after"
	eq "after a $mode restart: requests that failed" "$(grep -vc '^200$' "$WORK/after" || true)" 0
	grep -q -v '^200$' "$WORK/after" && { grep -v '^200$' "$WORK/after" | sort | uniq -c; tail -n 20 "$WORK/server.err"; grep -h "error" "$WORK"/b* | sort | uniq -c; }
	echo "60 requests after a $mode restart: $((($(date +%s%N) - start) / 1000000)) ms"
	# a write goes through too
	expect 200 county PATCH /api/households/3713990001 "{\"phone\":\"1390539900$([ $mode = fast ] && echo 1 || echo 2)\"}"
done
n=$(grep -c "时与数据库的连接中断；已重新连接" "$WORK/server.err" || true)
[ "$n" -ge 1 ] && [ "$n" -le 8 ] || fail "reconnections logged: $n (one per worker thread and restart expected)"
grep -m1 "连接中断" "$WORK/server.err"

# The database down (not restarting): a signed-in request is told to try again (503, Retry-After, the same
# words as /api/health), not the dead connection's 500; up again, it is answered
pg_tmp_as "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null
for path in /api/me "/api/stats?as_of=2018-10-08"; do
	code=$(curl -s -D "$WORK/h" -o "$WORK/down.json" -w '%{http_code}' -b "$WORK/county.jar" "http://127.0.0.1:$PORT$path")
	eq "$path with the database down" "$code $(jq -r .error.code "$WORK/down.json")" "503 db_connection_lost"
	eq "$path: Retry-After" "$(grep -i '^Retry-After:' "$WORK/h" | tr -d '\r')" "Retry-After: 5"
done
pg_tmp_ctl_start
expect 200 county GET /api/me

# An import being written when the database restarts: its transaction is gone; the client is told to send it
# again (503) and nothing of it was kept.
awk -v n=60000 -f "$TESTDATA/../tools/gen-registry.awk" > "$WORK/big.csv"
rows() { psql "$TUOPIN_DB" -qtAc "SELECT (SELECT COUNT(*) FROM household) || ' ' || (SELECT COUNT(*) FROM member)"; }
before=$(rows)
import_big() {
	curl -s -D "$WORK/h" -o "$WORK/import.json" -w '%{http_code}' -b "$WORK/county.jar" \
		-H "X-CSRF-Token: $(cat "$WORK/county.csrf")" --data-binary "@$WORK/big.csv" \
		"http://127.0.0.1:$PORT/api/imports/registry?as_of=2014-04-30" > "$WORK/import.code"
}
# the import's connection is named while it writes (store_activity_begin), and has a transaction id once it has
writing() {
	[ "$(psql -d postgres -qtAc "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'tuopin import'
		AND backend_xid IS NOT NULL" 2>/dev/null)" = 1 ]
}
import_big &
ipid=$!
for _ in $(seq 1 1200); do
	writing && break
	sleep 0.05
done
writing || fail "never caught the import while it was writing"
pg_tmp_restart fast
wait "$ipid"
eq "import cut by the restart" "$(cat "$WORK/import.code")" 503
eq "Retry-After" "$(grep -i '^Retry-After:' "$WORK/h" | tr -d '\r')" "Retry-After: 5"
eq "said" "$(jq -r '.error | "\(.code) \(.message)"' "$WORK/import.json")" "db_connection_lost 与数据库的连接已中断，请重试"
eq "nothing of it kept" "$(rows)" "$before"

# kill -9 of the server while it writes the import sent again: nothing of it is kept, the audit chain holds,
# and a new server takes the same file.
import_big &
ipid=$!
for _ in $(seq 1 1200); do
	writing && break
	sleep 0.05
done
writing || fail "never caught the import while it was writing, the second time"
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
wait "$ipid" || true
for _ in $(seq 1 100); do
	writing || break
	sleep 0.1
done
eq "nothing of the killed server's import" "$(rows)" "$before"
ok audit verify
contains "$OUT" "审计日志完整"
start_server --threads 4
login county
import_big
eq "the same file, sent a third time" "$(cat "$WORK/import.code") $(jq -r .data.households "$WORK/import.json")" \
	"200 20000"
finish
