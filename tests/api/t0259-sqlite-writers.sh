#!/usr/bin/env bash
# The server's writers on SQLite (issue 20). Every search by 证件号码 is a write: its audit row, which the server
# commits to the session database's outbox (PATH-sessions, as logins' rows) and moves into the main file's chain
# every second, so that the main file's readers keep their page cache and a view never waits for an import. The
# write transactions of the server's threads queue on a mutex of their file before they take SQLite's lock
# (sqlite.c, writers_enter), instead of sleeping in SQLite's busy handler. So:
# - 240 searches from 16 connections at once are each answered and each on record exactly once, and the audit
#   chain verifies;
# - while another process holds the main file's write lock (an import), searches are answered at once, their
#   rows wait in the outbox, and they enter the chain once the lock is free;
# - while another process holds the session database's lock, the server's writers wait (one in SQLite's busy
#   handler, the others in the queue) and all go through once it is released;
# - with a lock wait of one second, a lock held longer answers each waiting writer 503 db_busy, in its own
#   request's language: none hangs, and none is on record;
# - the WAL of each file is checkpointed behind the writers while the server writes, and removed when it stops.
# (SQLite only: PostgreSQL's writers are t0258's.)
source "$(dirname "$0")/lib.sh"
[ "${TUOPIN_TEST_BACKEND:-sqlite}" = sqlite ] || { echo "skipped: SQLite only"; exit 77; }
county_db
add_user county county_admin 371399000000
export TUOPIN_LOCK_WAIT=120
start_server --threads 4 --page-cache 0
login county

DB=${TUOPIN_DB#sqlite:}
# in the chain (after the outbox's rows have been moved: audit_sql), waiting in the outbox, in the chain as it is
searched() { audit_sql "SELECT COUNT(*) FROM audit WHERE action = 'search.id_no'"; }
waiting() { sqlite3 "$DB-sessions" "SELECT COUNT(*) FROM audit_outbox WHERE action = 'search.id_no'"; }
chained() { db_sql "SELECT COUNT(*) FROM audit WHERE action = 'search.id_no'"; }
db_sql "SELECT id_no FROM member ORDER BY id LIMIT 20" >"$WORK/ids"
[ "$(wc -l <"$WORK/ids")" = 20 ] || fail "fewer than 20 members"
# many N: N searches (the 20 numbers in turn) from 16 connections at once; prints each answer's status
many() {
	for i in $(seq 1 "$1"); do sed -n "$(((i - 1) % 20 + 1))p" "$WORK/ids"; done |
		xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' -b "$WORK/county.jar" \
			"http://127.0.0.1:$PORT/api/households?q={}"
}

n0=$(searched)
eq "240 searches at once, each answered" "$(many 240 | sort | uniq -c | awk '{ print $2 " " $1 }')" "200 240"
eq "each on record once" "$(searched)" "$((n0 + 240))"
expect 200 county GET "/api/households?q=$(head -1 "$WORK/ids")"
eq "and found" "$(jq -r '.data.total' <<<"$OUT")" 1

# Another process holds the main file's write lock (hold_lock, tests/cli/lib.sh), as an import does: searches are
# answered at once, their rows wait in the outbox (the server's mover cannot take the lock), and enter the chain
# once it is free.
n1=$(searched)
w1=$(waiting)
hold_lock
eq "40 searches while the main file is locked, each answered" "$(many 40 | sort | uniq -c | awk '{ print $2 " " $1 }')" \
	"200 40"
eq "each waiting in the outbox" "$(waiting)" "$((w1 + 40))"
eq "none in the chain yet (a reader does not wait in WAL mode)" "$(chained)" "$n1"
release_lock
eq "each in the chain once the lock is free" "$(searched)" "$((n1 + 40))"
eq "and gone from the outbox" "$(waiting)" 0

# Another process holds the session database's write lock: the server's writers wait for it, then all go through.
n1=$(searched)
hold_lock "$DB-sessions"
many 40 >"$WORK/waited" &
MANY=$!
# the requests sent (16 connections open to the server at once) while none can be written
for _ in $(seq 1 1500); do
	# the server's established sockets (/proc/net/tcp: local address, state 01), not a tool the machine may lack
	[ "$(awk -v p="$(printf ':%04X' "$PORT")" '$2 ~ p "$" && $4 == "01"' /proc/net/tcp | wc -l)" -ge 16 ] && break
	sleep 0.02
done
kill -0 $MANY 2>/dev/null || fail "the searches were answered while the lock was held: $(sort "$WORK/waited" | uniq -c)"
eq "nothing on record while the lock is held" "$(waiting) $(chained)" "0 $n1"
release_lock
wait $MANY
eq "40 searches waited for the lock, each answered" "$(sort "$WORK/waited" | uniq -c | awk '{ print $2 " " $1 }')" \
	"200 40"
eq "each on record once" "$(searched)" "$((n1 + 40))"

# The WALs' checkpoints run behind the writers (a thread of the server's for each file,
# store_checkpoints_behind), not in the request whose commit passes 1,000 pages: 2,000 searches one after
# another (each a commit of a page or two in the session database, and the mover's commits in the main file)
# leave each WAL at the size a checkpoint every 1,000 pages keeps it to; and the server's stop closes the
# threads' connections too, the last ones, which removes the WALs.
wal_pages() { echo $((($(stat -c %s "$1") - 32) / 4120)); }   # (a header, then frames of 24 + 4096 bytes)
n3=$(searched)
for i in $(seq 1 2000); do
	echo "url = \"http://127.0.0.1:$PORT/api/households?q=$(sed -n "$(((i - 1) % 20 + 1))p" "$WORK/ids")\""
	echo "output = /dev/null"
done >"$WORK/searches.curl"
curl -s -b "$WORK/county.jar" -K "$WORK/searches.curl"
eq "2,000 more on record" "$(searched)" "$((n3 + 2000))"
for wal in "$DB-wal" "$DB-sessions-wal"; do
	pages=$(wal_pages "$wal")
	# (the main file's: 1,400-1,500 pages on a quiet machine when each search was a commit of its own there, 2,008
	# once beside an import; without the thread's checkpoints 7,310, with passive ones only 3,632)
	[ "$pages" -lt 3000 ] || fail "the WAL $wal grew to $pages pages: not checkpointed while the server wrote"
done
stop_server
for wal in "$DB-wal" "$DB-sessions-wal"; do
	[ ! -s "$wal" ] || fail "the WAL $wal ($(stat -c %s "$wal") bytes) was left after the server stopped"
done

# Exactly once across the two files: the main file keeps a mark (the outbox's generation and the last row moved),
# so rows whose deletion from the outbox was lost (a crash between the two commits, made here by putting the
# last three moved rows back) are not appended again, and a row above the mark is.
eq "nothing waiting after the stop" "$(waiting)" 0
mark=$(db_sql "SELECT value FROM meta WHERE key = 'audit_outbox'")
gen=$(sqlite3 "$DB-sessions" "SELECT value FROM aux_meta WHERE key = 'generation'")
[ "${mark%%:*}" = "$gen" ] || fail "the mark '$mark' does not name the outbox's generation '$gen'"
last=${mark##*:}
n4=$(chained)
for id in $((last - 2)) $((last - 1)) "$last" $((last + 1)); do
	sqlite3 "$DB-sessions" "INSERT INTO audit_outbox (id, at, actor, action, object, detail, ip)
		VALUES ($id, 20261206120000, 'county', 'search.id_no', NULL, '{\"by\":\"whole\"}', '127.0.0.1')"
done
eq "the three already moved skipped, the one above the mark moved" "$(searched)" "$((n4 + 1))"
eq "the outbox emptied" "$(waiting)" 0
eq "the mark moved on" "$(db_sql "SELECT value FROM meta WHERE key = 'audit_outbox'")" "$gen:$((last + 1))"

# A server killed (SIGKILL) while 16 connections search: every search it answered is on record once, and the
# chain holds, once the rows it left in the outbox have been moved.
start_server --threads 4 --page-cache 0
login county
n5=$(searched)
many 2000 >"$WORK/killed" &
MANY=$!
for _ in $(seq 1 3000); do
	[ "$(grep -c '^200$' "$WORK/killed")" -ge 100 ] && break
	sleep 0.01
done
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
wait $MANY || true
answered=$(grep -c '^200$' "$WORK/killed")
[ "$answered" -ge 100 ] || fail "only $answered searches answered before the kill (the test proves nothing)"
after=$(($(searched) - n5))
echo "killed after $answered searches answered: $after on record"
[ "$after" -ge "$answered" ] && [ "$after" -le 2000 ] ||
	fail "$after searches on record after the kill, for $answered answered of 2,000 sent"
[ "$answered" -lt 2000 ] || fail "all 2,000 searches answered before the kill (the test proves nothing)"
eq "none waiting" "$(waiting)" 0

# A lock wait of one second and the session database's lock held until every request has been answered: each
# writer gives up with 503 db_busy after about the wait (the first in SQLite's busy handler, the others in the
# queue, then at SQLite's lock at once), and nothing is written.
TUOPIN_LOCK_WAIT=1 start_server --threads 4 --page-cache 0
login county
n2=$(searched)
hold_lock "$DB-sessions"
eq "8 searches, each refused" "$(many 8 | sort | uniq -c | awk '{ print $2 " " $1 }')" "503 8"
curl -s -b "$WORK/county.jar" "http://127.0.0.1:$PORT/api/households?q=$(head -1 "$WORK/ids")" >"$WORK/busy.json" || true
# refused together, each in its own request's words: four in Chinese and four in English at once (a batch of
# views holds the requests of one language; before, every request of a batch got its writer's words)
pids=()
for i in 1 2 3 4 5 6 7 8; do
	lang=zh; [ $((i % 2)) = 0 ] && lang=en
	curl -s -H "Accept-Language: $lang" -b "$WORK/county.jar" \
		"http://127.0.0.1:$PORT/api/households?q=$(sed -n "${i}p" "$WORK/ids")" >"$WORK/busy-$i-$lang.json" &
	pids+=($!)
done
wait "${pids[@]}"
eq "the refusals' words" "$(for f in "$WORK"/busy-*-*.json; do echo "${f##*-} $(jq -r '.error.message' "$f")"; done |
	sort | uniq -c | awk '{ $1 = $1; print }' | paste -sd';')" \
	"4 en.json the database is busy; try again;4 zh.json 数据库正忙，请稍后重试"
release_lock
eq "the refusal says why" "$(jq -r '.error.code' "$WORK/busy.json")" db_busy
eq "none on record" "$(searched)" "$n2"
expect 200 county GET "/api/households?q=$(head -1 "$WORK/ids")"
eq "on record once the lock is free" "$(searched)" "$((n2 + 1))"

ok audit verify
finish
