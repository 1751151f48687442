#!/usr/bin/env bash
# The PostgreSQL server dies (pg_ctl -m immediate stop) while a 200,000-person registry import is writing:
# the import fails with a clear database error and exit code 5, and once the server is back the database holds
# nothing of that import. The test runs its own throwaway cluster, so it can kill it without disturbing the
# other tests. (PostgreSQL only: run as pg/t0450-pg-crash-during-import; t0150 is the SQLite twin.)
source "$TESTLIB"
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = pg ] || { echo "skipped: PostgreSQL only"; exit 77; }
source "$TUOPIN_SRC/scripts/pg-tmp.sh"
unset PGTMP   # the cluster of scripts/test.sh is not ours to stop
trap 'cleanup; pg_tmp_stop' EXIT
pg_tmp_start
sample_db
big="$WORK/big.csv"
awk -v n=200000 -f "$TESTDATA/../tools/gen-registry.awk" > "$big"
before=$(db_fingerprint)
rows() { db_sql "SELECT (SELECT COUNT(*) FROM household) || ' ' || (SELECT COUNT(*) FROM member) || ' ' ||
	(SELECT COUNT(*) FROM household_status_span) || ' ' || (SELECT COUNT(*) FROM membership_span) || ' ' ||
	(SELECT COUNT(*) FROM change_event) || ' ' || (SELECT COUNT(*) FROM stat_delta)"; }
rows_before=$(rows)

"$TUOPIN" import registry "$big" --as-of 2014-04-30 >"$WORK/import.out" 2>"$WORK/import.err" &
pid=$!
# Wait until the import's transaction has written rows (it has a transaction id), then stop the server.
writing=0
for _ in $(seq 1 1200); do
	kill -0 "$pid" 2>/dev/null || break
	writing=$(psql -d postgres -qtAc "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE 'tuopin%'
		AND backend_xid IS NOT NULL" 2>/dev/null || echo 0)
	[ "$writing" = 1 ] && break
	sleep 0.1
done
eq "caught the import while it was writing" "$writing" 1
pg_tmp_as "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null
set +e
wait "$pid"
rc=$?
set -e
eq "exit code" "$rc" 5
err=$(cat "$WORK/import.err")
eq "one line on stderr" "$(printf '%s\n' "$err" | wc -l)" 1
case "$err" in
"tuopin: 数据库错误："*"terminating connection due to immediate shutdown command"* | \
"tuopin: 数据库错误："*"server closed the connection unexpectedly"* | \
"tuopin: 数据库错误："*"no connection to the server"*) ;;
*) fail "not a clear database error: [$err]" ;;
esac
eq "nothing on stdout" "$(cat "$WORK/import.out")" ""
echo "stderr of the killed import: $err"

# Back up: nothing of the killed import is there, and the database works.
pg_tmp_ctl_start
eq "rows of every registry table" "$(rows)" "$rows_before"
eq "reports" "$(db_fingerprint)" "$before"
eq "households" "$(db_sql 'SELECT COUNT(*) FROM household')" "3"
awk -v n=30 -f "$TESTDATA/../tools/gen-registry.awk" > "$WORK/small.csv"
ok import registry "$WORK/small.csv" --as-of 2014-04-30
eq "households after a new import" "$(db_sql 'SELECT COUNT(*) FROM household')" "13"
finish
